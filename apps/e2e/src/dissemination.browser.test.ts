// Issue 14, part 1: a teacher records a dissemination activity (pengimbasan) with a photo on her
// phone, her principal returns it with a note, she edits and sends it again, the principal verifies
// it, and it shows on her public profile.
import { demoLogoPng } from '@kmg/db/seed-images';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '#platform.ts';
import { createPeople, shot, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('dissemination', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const training = 'Pelatihan Pengoperasian Robot Las Industri';
const place = 'MGMP Teknik Pengelasan Kota Semarang';

async function switchLanguage(page: Page, label: 'ID' | 'EN') {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByText(label, { exact: true }).first().click();
}

/** The principal's card of the new report (the demo's other waiting report is Sri Wahyuni's too). */
function reportCard(page: Page) {
  return page.getByRole('article', { name: 'Sri Wahyuni' }).filter({ hasText: place });
}

describe('a dissemination report', () => {
  it('is recorded by the teacher on her phone, with a photo, and sent to her principal', async () => {
    const page = await people.signIn('phone', 'learner', 'guru@kmg.demo');
    await page.getByRole('button', { name: /^Menu akun / }).click();
    await page.getByRole('link', { name: 'Pengimbasan' }).click();
    const section = page.getByRole('region', { name: training });
    await visible(section.getByText(/1 dari 2 kegiatan terverifikasi, batas/));
    await shot(page, 'dissemination-list-360-id');

    await section.getByRole('link', { name: 'Catat kegiatan' }).click();
    await page.getByRole('combobox', { name: 'Jenis kegiatan' }).selectOption('TEACHER_FORUM');
    await page.getByLabel('Tanggal kegiatan').fill('2026-03-05');
    await page.getByRole('textbox', { name: /^Tempat atau tautan/ }).fill(place);
    await page.getByRole('textbox', { name: 'Guru', exact: true }).fill('25');
    await page.getByRole('textbox', { name: 'Sekolah', exact: true }).fill('9');
    await page
      .getByRole('textbox', { name: /^Uraian singkat/ })
      .fill('Berbagi materi robot las dengan anggota MGMP se-Kota Semarang.');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tambah foto atau berkas' }).click();
    await (await chooser).setFiles({
      name: 'foto-mgmp.png',
      mimeType: 'image/png',
      buffer: demoLogoPng({ color: '#b4532a' }),
    });
    await visible(page.getByText('foto-mgmp.png'));
    await shot(page, 'dissemination-form-360-id');
    await page.getByRole('button', { name: 'Kirim ke kepala sekolah' }).click();
    await visible(page.getByText('Terkirim ke kepala sekolah untuk diverifikasi.'));
    await visible(page.getByText('Sesi MGMP / forum guru'));
  });

  it('is returned by the principal with a note', async () => {
    const page = await people.signIn('phone', 'learner', 'kepsek@kmg.demo');
    await page.goto(`${platform.url}/sekolah`);
    await page.getByRole('tab', { name: 'Pengimbasan' }).click();
    const card = reportCard(page);
    await visible(card.getByRole('link', { name: 'foto-mgmp.jpg' }));
    await shot(page, 'dissemination-school-360-id');
    await card.getByRole('button', { name: 'Kembalikan laporan Sri Wahyuni' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kembalikan laporan Sri Wahyuni?' });
    await dialog
      .getByRole('textbox', { name: /^Catatan untuk guru/ })
      .fill('Lampirkan daftar hadir peserta MGMP.');
    await dialog.getByRole('button', { name: 'Kembalikan' }).click();
    await visible(page.getByText('Laporan Sri Wahyuni dikembalikan.'));
  });

  it('is edited by the teacher and sent again', async () => {
    const page = await people.signIn('phone', 'learner', 'guru@kmg.demo');
    await page.goto(`${platform.url}/pengimbasan`);
    await visible(page.getByText('Catatan kepala sekolah: Lampirkan daftar hadir peserta MGMP.'));
    await page.getByRole('link', { name: 'Sesi MGMP / forum guru' }).click();
    await visible(page.getByText('Dikembalikan').first());
    await page.getByRole('textbox', { name: 'Guru', exact: true }).fill('27');
    await shot(page, 'dissemination-returned-360-id');
    await page.getByRole('button', { name: 'Kirim ke kepala sekolah' }).click();
    await visible(page.getByText('Terkirim ke kepala sekolah untuk diverifikasi.'));
  });

  it('is verified by the principal, on a wide screen, in both languages', async () => {
    const page = await people.signIn('desktop', 'learner', 'kepsek@kmg.demo');
    await page.goto(`${platform.url}/sekolah?tampil=pengimbasan`);
    const card = reportCard(page);
    await visible(card.getByText('Guru 27 · Siswa 0 · Sekolah 9'));
    await shot(page, 'dissemination-school-1280-id');
    await card.getByRole('button', { name: 'Verifikasi laporan Sri Wahyuni' }).click();
    await visible(page.getByText('Laporan Sri Wahyuni terverifikasi.'));
    await switchLanguage(page, 'EN');
    await visible(page.getByRole('heading', { name: 'Decided' }));
    await visible(reportCard(page).getByText('Verified'));
    await shot(page, 'dissemination-school-1280-en');
    await switchLanguage(page, 'ID');
  });

  it('shows on the teacher’s progress and, once she publishes her profile, on her public page', async () => {
    const page = await people.signIn('desktop', 'learner', 'guru@kmg.demo');
    await page.goto(`${platform.url}/pengimbasan`);
    await visible(page.getByText(/2 dari 2 kegiatan terverifikasi/).first());
    await visible(page.getByText('Target tercapai').first());
    await shot(page, 'dissemination-list-1280-id');
    await switchLanguage(page, 'EN');
    await visible(page.getByText(/2 of 2 activities verified/).first());
    await shot(page, 'dissemination-list-1280-en');
    await switchLanguage(page, 'ID');

    await page.goto(`${platform.url}/kredensial`);
    const profile = page.getByRole('region', { name: 'Profil publik' });
    await profile.getByRole('switch', { name: 'Tampilkan profil publik saya' }).click();
    await visible(page.getByText('Pengaturan profil publik tersimpan.'));
    const slug = (await profile.getByRole('textbox', { name: /Alamat profil/ }).inputValue()).trim();

    for (const [kind, width] of [
      ['phone', 360],
      ['desktop', 1280],
    ] as const) {
      const visitor = await people.anonymous(kind, `visitor-${width}`);
      await visitor.goto(`${platform.url}/guru/${slug}`);
      const section = visitor.getByRole('region', { name: 'Pengimbasan terverifikasi' });
      await visible(section.getByText('Sesi MGMP / forum guru'));
      await visible(section.getByText(/Guru 27 · Siswa 0 · Sekolah 9/));
      expect(await visitor.getByText(place).count()).toBe(0);
      await visitor.waitForFunction(() => [...document.images].every((image) => image.complete));
      await shot(visitor, `dissemination-public-${width}-id`);
      await switchLanguage(visitor, 'EN');
      await visible(
        visitor
          .getByRole('region', { name: 'Verified dissemination' })
          .getByText('MGMP / teacher forum session'),
      );
      await shot(visitor, `dissemination-public-${width}-en`);
    }
  });
});

describe("a programme's dissemination target", () => {
  it('is set by a program manager in the console', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    const programme = page.getByRole('region', { name: 'KMG SMK 2025' });
    await visible(programme.getByRole('textbox', { name: /^Dalam \(bulan\)/ }));
    expect(await programme.getByRole('textbox', { name: /^Dalam \(bulan\)/ }).inputValue()).toBe('18');
    await programme.getByRole('textbox', { name: /^Kegiatan terverifikasi minimal/ }).fill('3');
    await programme.getByRole('button', { name: 'Simpan target KMG SMK 2025' }).click();
    await visible(page.getByText('Target pengimbasan KMG SMK 2025 tersimpan.'));
    await shot(page, 'dissemination-programmes-1280-id');
    await switchLanguage(page, 'EN');
    await visible(page.getByRole('heading', { name: 'KMG programmes' }));
    await shot(page, 'dissemination-programmes-1280-en');
    await switchLanguage(page, 'ID');
  });
});
