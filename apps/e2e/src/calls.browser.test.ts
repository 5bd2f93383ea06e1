// The first slice, as people do it: a program manager creates and publishes a call in the admin
// console; a teacher finds it on a phone and applies; the manager sees the application.
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { type Platform, screenshot, startPlatform } from '#platform.ts';
import { assignReviewer, choose, createPeople, dayFromToday, pickDate, pickDateTime, visible } from '#ui.ts';

let platform: Platform;
const title = `Perawatan Mesin CNC untuk Guru SMK ${Date.now().toString(36)}`;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('calls', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

describe('a training call from creation to application', () => {
  it('lets a manager create and publish a call with field-level checks', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await page.getByRole('link', { name: 'Buat lowongan' }).first().click();
    // The router moves on after the click is handled; the list has a "Program" field too.
    await visible(page.getByRole('heading', { name: 'Buat lowongan', level: 1 }));

    await choose(page, /^Program/, /KMG SMK/);
    await choose(page, /^Bidang keahlian/, 'Otomasi Industri');
    await choose(page, /^Penyelenggara/, /PT Unggul Semesta/);
    await page.getByRole('textbox', { name: /^Judul/ }).fill(title);
    await page
      .getByRole('textbox', { name: /^Deskripsi/ })
      .fill('Perawatan preventif dan korektif mesin CNC di bengkel SMK bersama teknisi industri.');
    await page
      .getByRole('textbox', { name: /^Capaian pembelajaran 1/ })
      .fill('Menyusun jadwal perawatan preventif mesin CNC');
    await page.getByRole('textbox', { name: /^Nama tempat/ }).fill('Workshop PT Unggul Semesta');
    await page.getByRole('textbox', { name: /^Kota/ }).fill('Cikarang, Bekasi');
    await choose(page, /^Provinsi/, /Jawa Barat/);
    await page.getByRole('textbox', { name: /^Jam pelatihan/ }).fill('32');
    await page.getByRole('textbox', { name: /^Kuota/ }).fill('16');
    await pickDate(page, /^Tanggal mulai/, dayFromToday(40));
    // End before start: the form says so on the field before anything is sent.
    await pickDate(page, /^Tanggal selesai/, dayFromToday(38));
    await visible(page.getByText('Tanggal selesai tidak boleh sebelum tanggal mulai.').first());
    await screenshot(page, 'admin-create-call-error');
    await pickDate(page, /^Tanggal selesai/, dayFromToday(43));
    await pickDateTime(page, /^Pendaftaran dibuka/, dayFromToday(0), '00:00');
    await pickDateTime(page, /^Pendaftaran ditutup/, dayFromToday(20), '23:59');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();

    await visible(page.getByRole('heading', { name: title }));
    // A reviewed call is published once a reviewer is assigned (the checklist before publishing).
    await assignReviewer(page);
    await page.getByRole('tab', { name: 'Rincian dan pendaftar' }).click();
    await visible(page.getByText('Semua butir wajib terpenuhi: lowongan siap dipublikasikan.'));
    await page.getByRole('button', { name: 'Publikasikan' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publikasikan' }).click();
    await visible(page.getByText('Dibuka').first());
    await screenshot(page, 'admin-call-published');
  });

  it('lets a teacher on a phone find the call and apply', async () => {
    const page = await people.signIn('phone', 'learner', '3349765667210012');
    await page.getByRole('searchbox', { name: 'Cari pelatihan' }).fill('CNC');
    // The list searches after a pause; open the call from the results of this search.
    await page.waitForURL((url) => url.searchParams.get('q') === 'CNC');
    await page.getByRole('link', { name: title }).click();
    await visible(page.getByRole('heading', { name: title }));
    await screenshot(page, 'learner-call-detail');

    const motivation = page.getByRole('textbox', { name: /^Motivasi/ });
    await motivation.fill('Terlalu singkat.');
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await visible(page.getByText('Minimal 100 karakter.').first());
    await motivation.fill(
      'Saya mengampu mata pelajaran pemeliharaan mesin dan ingin membawa praktik perawatan CNC industri ke bengkel sekolah, lalu mengimbaskannya kepada rekan guru.',
    );
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await visible(page.getByText(/Menunggu rekomendasi kepala sekolah/).first());
    await screenshot(page, 'learner-applied');
  });

  it('shows the manager the new application', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await page.getByRole('link', { name: title }).click();
    const applicants = page.getByRole('table', { name: /Pendaftar/ }).or(page.locator('table').last());
    await visible(applicants.getByText('Sri Wahyuni'));
    await screenshot(page, 'admin-call-applications');
  });
});
