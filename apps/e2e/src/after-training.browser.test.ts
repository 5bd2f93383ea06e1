// Issue 14, after the training: a teacher rates the welding-robot training on its credential page
// and finds the job platforms for her students; the provider's rating shows on its calls; the
// manager reads the ratings with names and the provider without; the teacher keeps an industry
// contact; program managers see trained teachers on the province map. Pictures of each, on a phone
// and a desktop, in Indonesian and English.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, screenshot, startPlatform } from '#platform.ts';
import { createPeople, shot, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('after-training', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const teacher = 'guru@kmg.demo';
const robotCall = 'Pelatihan Pengoperasian Robot Las Industri';
const robotCredential = 'Operator Robot Las Industri';

async function switchLanguage(page: Page, label: 'ID' | 'EN') {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByText(label, { exact: true }).first().click();
}

/** Opens the teacher's welding-robot credential (issued in the background after start-up). */
async function openRobotCredential(page: Page) {
  await page.goto(`${platform.url}/kredensial`);
  const link = page.getByRole('link', { name: robotCredential }).first();
  await visible(link, 120_000);
  // The public-profile card above the credentials comes with them: nothing pushes the link down
  // between seeing it and tapping it (a tap that would land on the card instead).
  expect(await page.getByRole('region', { name: 'Profil publik' }).count()).toBe(1);
  await link.click();
  await visible(page.getByRole('heading', { name: robotCredential, level: 1 }));
}

describe('rating a training', () => {
  it('lets the teacher rate the training she completed and shows her students’ job platforms', async () => {
    const page = await people.signIn('phone', 'learner', teacher);
    await openRobotCredential(page);
    const rating = page.getByRole('region', { name: 'Nilai pelatihan ini' });
    await visible(rating);
    // No stars yet: the form says so on the field.
    await rating.getByRole('button', { name: 'Kirim penilaian' }).click();
    await visible(rating.getByText('Pilih 1 sampai 5 bintang.'));
    // The stars are radio buttons drawn by their labels: a person clicks the fourth star.
    const fourth = await rating.getByRole('radio', { name: '4 bintang' }).getAttribute('id');
    await rating.locator(`label[for="${fourth}"]`).click();
    await rating
      .getByRole('textbox', { name: 'Ulasan (opsional)' })
      .fill('Praktik robot las langsung di pusat industri; sangat berguna untuk bengkel sekolah.');
    await rating.getByRole('button', { name: 'Kirim penilaian' }).click();
    await visible(page.getByText('Penilaian tersimpan. Terima kasih!'));
    await visible(rating.getByText('Penilaian Anda: 4 dari 5 bintang'));
    await visible(rating.getByText(/Dapat diubah sampai/));

    const jobs = page.getByRole('region', { name: 'Kerja dan magang untuk siswa Anda' });
    await expect
      .poll(() => jobs.getByRole('link', { name: /SiapKerja/ }).getAttribute('href'))
      .toBe('https://siapkerja.kemnaker.go.id');
    await expect
      .poll(() => jobs.getByRole('link', { name: /Karirhub/ }).getAttribute('href'))
      .toBe('https://karirhub.kemnaker.go.id');
    await rating.scrollIntoViewIfNeeded();
    await screenshot(page, 'after-training-rating-360-id');
    await switchLanguage(page, 'EN');
    await visible(
      page.getByRole('region', { name: 'Rate this training' }).getByText('Your rating: 4 out of 5 stars'),
    );
    await visible(page.getByRole('region', { name: 'Work and apprenticeships for your students' }));
    await screenshot(page, 'after-training-rating-360-en');
    await switchLanguage(page, 'ID');
    await visible(page.getByRole('region', { name: 'Nilai pelatihan ini' }));

    const desktop = await people.signIn('desktop', 'learner', teacher);
    await openRobotCredential(desktop);
    await visible(desktop.getByText('Penilaian Anda: 4 dari 5 bintang'));
    await shot(desktop, 'after-training-rating-1280-id');
    await switchLanguage(desktop, 'EN');
    await visible(desktop.getByText('Your rating: 4 out of 5 stars'));
    await shot(desktop, 'after-training-rating-1280-en');
    await switchLanguage(desktop, 'ID');
    await visible(desktop.getByText('Penilaian Anda: 4 dari 5 bintang'));
  });

  it('shows teachers the provider’s rating on its calls', async () => {
    const page = await people.anonymous('phone', 'visitor');
    await page.goto(`${platform.url}/`);
    // The app's card (`#root`): the server's first screen shows the same rating, then goes.
    const card = page.locator('#root').getByRole('article').filter({ hasText: 'PT Unggul Semesta' }).first();
    await visible(card, 60_000);
    // Five seeded ratings and the teacher's: 4,2 of 5 from six.
    await visible(card.getByText('4,2 (6 penilaian)'));
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'after-training-call-rating-360-id');
    await card.getByRole('heading', { level: 3 }).getByRole('link').click();
    await visible(page.getByText('Penilaian guru untuk penyelenggara: 4,2 dari 5 (6 penilaian)'));
    await visible(page.getByRole('region', { name: 'Kerja dan magang untuk siswa Anda' }));
  });

  it('shows the manager the call’s ratings with names, the provider’s staff without', async () => {
    for (const [email, sees] of [
      ['manajer@kmg.demo', 'Sri Wahyuni'],
      ['penyelenggara@kmg.demo', 'Peserta'],
    ] as const) {
      const page = await people.signIn('desktop', 'admin', email);
      await page.goto(`${platform.url}/admin/?q=${encodeURIComponent('Robot Las')}`);
      await page.getByRole('link', { name: robotCall }).first().click();
      await visible(page.getByRole('heading', { name: robotCall, level: 1 }));
      const ratings = page.getByRole('region', { name: 'Penilaian peserta' });
      await visible(ratings.getByText('Rata-rata 4,2 dari 5 (6 penilaian)', { exact: true }));
      await visible(ratings.getByText(/^Seluruh pelatihan penyelenggara ini: rata-rata 4,2 dari 5/));
      await visible(ratings.getByText(sees).first());
      if (email === 'penyelenggara@kmg.demo') expect(await ratings.getByText('Sri Wahyuni').count()).toBe(0);
      await ratings.scrollIntoViewIfNeeded();
      await screenshot(page, `after-training-call-ratings-${email.split('@')[0]}-1280-id`);
    }
  });
});

describe('industry contacts', () => {
  it('are kept by the teacher, with the training where they met', async () => {
    for (const [kind, width] of [
      ['phone', 360],
      ['desktop', 1280],
    ] as const) {
      const page = await people.signIn(kind, 'learner', teacher);
      await page.goto(`${platform.url}/kontak-industri`);
      await visible(page.getByRole('heading', { name: 'Kontak industri', level: 1 }));
      // The seeded contact.
      await visible(page.getByRole('article', { name: 'PT Unggul Semesta' }));
      if (width === 360) {
        await page.getByRole('button', { name: 'Tambah kontak' }).click();
        const form = page.getByRole('region', { name: 'Kontak baru' });
        await form.getByRole('textbox', { name: 'Email' }).fill('bukan email');
        await form.getByRole('button', { name: 'Simpan' }).click();
        await visible(form.getByText('Wajib diisi.'));
        await visible(form.getByText('Alamat email tidak valid.'));
        await form.getByRole('textbox', { name: 'Nama perusahaan' }).fill('PT Daihen Indonesia');
        await form.getByRole('textbox', { name: 'Nama kontak' }).fill('Bambang Hartono');
        await form.getByRole('textbox', { name: 'Jabatan' }).fill('Manajer Layanan Teknis');
        await form.getByRole('textbox', { name: 'Email' }).fill('bambang@daihen.example');
        await form.getByRole('textbox', { name: 'Telepon' }).fill('+62 21 8911 2233');
        await form
          .getByRole('textbox', { name: 'Catatan' })
          .fill('Bersedia menerima 2 siswa magang robot las.');
        await form.getByRole('combobox', { name: 'Pelatihan tempat bertemu' }).click();
        await page.getByRole('option', { name: robotCall }).click();
        await form.getByRole('button', { name: 'Simpan' }).click();
        await visible(page.getByText('Kontak tersimpan.'));
      }
      const added = page.getByRole('article', { name: 'PT Daihen Indonesia' });
      await visible(added);
      await visible(added.getByText(`Bertemu di: ${robotCall}`));
      await shot(page, `after-training-contacts-${width}-id`);
      await switchLanguage(page, 'EN');
      await visible(page.getByRole('heading', { name: 'Industry contacts', level: 1 }));
      await visible(added.getByText(`Met at: ${robotCall}`));
      await shot(page, `after-training-contacts-${width}-en`);
      await switchLanguage(page, 'ID');
      await visible(page.getByRole('heading', { name: 'Kontak industri', level: 1 }));
    }
    // Another teacher does not see them.
    const other = await people.signIn('desktop', 'learner', 'budi.setiawan@kmg.demo');
    await other.goto(`${platform.url}/kontak-industri`);
    await visible(other.getByRole('heading', { name: 'Kontak industri', level: 1 }));
    await visible(other.getByRole('button', { name: 'Tambah kontak' }));
    expect(await other.getByRole('article').count()).toBe(0);
  });
});

describe('the province map', () => {
  it('draws the 38 provinces with the credit line for program managers, loading the outlines only then', async () => {
    for (const [kind, width] of [
      ['phone', 360],
      ['desktop', 1280],
    ] as const) {
      const page = await people.signIn(kind, 'admin', 'manajer@kmg.demo');
      if (kind === 'desktop') {
        // The outlines are a chunk of their own, fetched when the map is first shown.
        const scripts: string[] = [];
        page.on('request', (request) => {
          if (request.resourceType() === 'script') scripts.push(request.url());
        });
        await page.goto(`${platform.url}/admin/`);
        await visible(page.getByRole('link', { name: 'Peta' }));
        expect(scripts.some((url) => /province-shapes/.test(url))).toBe(false);
        await page.getByRole('link', { name: 'Peta' }).click();
        await expect.poll(() => page.locator('path[data-province]').count()).toBe(38);
        expect(scripts.filter((url) => /province-shapes/.test(url))).toHaveLength(1);
      } else {
        await page.goto(`${platform.url}/admin/dasbor/peta`);
      }
      await visible(page.getByRole('heading', { name: 'Peta guru terlatih per provinsi', level: 1 }));
      const map = page.getByRole('group', { name: 'Guru terlatih per 1.000 guru terdaftar di KMG' });
      await visible(map);
      await expect.poll(() => map.locator('path[data-province]').count()).toBe(38);
      await visible(
        page.getByText(/^Batas provinsi: Indonesia GeoJSON & TopoJSON Maps \(38 Provinces\), CC BY 4\.0/),
      );
      await visible(page.getByText('Tidak ada data').first());
      // The figure's choices stack on a phone: none runs past the screen's edge.
      for (const choice of await page.locator('.mantine-SegmentedControl-label').all()) {
        const box = await choice.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
      }
      // A province reached by keyboard shows its name and value.
      await map.locator('path[data-province="32"]').focus();
      await visible(page.getByText(/^Jawa Barat: /).first());
      await visible(page.getByRole('table').getByRole('rowheader', { name: 'Papua Pegunungan' }));
      await shot(page, `after-training-map-${width}-id`);
      await switchLanguage(page, 'EN');
      await visible(page.getByRole('heading', { name: 'Trained teachers by province', level: 1 }));
      await visible(page.getByText(/^Province boundaries: Indonesia GeoJSON & TopoJSON Maps/));
      await page.locator('path[data-province="32"]').focus();
      await visible(page.getByText(/^Jawa Barat: /).first());
      await shot(page, `after-training-map-${width}-en`);
      await switchLanguage(page, 'ID');
      await visible(page.getByRole('heading', { name: 'Peta guru terlatih per provinsi', level: 1 }));
    }
  });
});

describe('job links per skill area', () => {
  it('are edited by program managers, checked on the field, and shown to teachers; provider staff never see them', async () => {
    const provider = await people.signIn('desktop', 'admin', 'penyelenggara@kmg.demo');
    await visible(provider.getByRole('link', { name: 'Dasbor' }));
    expect(await provider.getByRole('link', { name: 'Tautan kerja' }).count()).toBe(0);
    await provider.goto(`${platform.url}/admin/tautan-kerja`);
    await expect.poll(() => new URL(provider.url()).pathname, { timeout: 60_000 }).toMatch(/^\/admin\/?$/);
    expect(await provider.getByRole('heading', { name: /^Tautan kerja/ }).count()).toBe(0);

    const desktop = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await desktop.getByRole('link', { name: 'Tautan kerja' }).click();
    await visible(
      desktop.getByRole('heading', { name: 'Tautan kerja dan magang per bidang keahlian', level: 1 }),
    );
    await visible(desktop.getByRole('region', { name: 'Robotika' }).getByRole('link', { name: /Karirhub/ }));
    await shot(desktop, 'job-links-1280-id');
    await switchLanguage(desktop, 'EN');
    await visible(
      desktop.getByRole('heading', { name: 'Job and apprenticeship links by skill area', level: 1 }),
    );
    // The skill areas' names come from the API in the request's language: asked again on a switch.
    await visible(desktop.getByRole('region', { name: 'Robotics' }));
    await shot(desktop, 'job-links-1280-en');
    // The language is saved on the account: back to Indonesian before the phone signs in.
    await switchLanguage(desktop, 'ID');
    await visible(
      desktop.getByRole('heading', { name: 'Tautan kerja dan magang per bidang keahlian', level: 1 }),
    );

    const page = await people.signIn('phone', 'admin', 'manajer@kmg.demo');
    await page.goto(`${platform.url}/admin/tautan-kerja`);
    // The area's name follows the language; what is typed in its form stays through a switch.
    const robotics = page.getByRole('region', { name: /^(Robotika|Robotics)$/ });
    await visible(robotics);
    await robotics.getByRole('button', { name: 'Ubah tautan Robotika' }).click();
    await robotics.getByRole('button', { name: 'Tambah tautan' }).click();
    const third = robotics.locator('[data-row]').nth(2);
    await third.getByRole('textbox', { name: 'Nama platform' }).fill('BKK SMK');
    await third.getByRole('textbox', { name: 'Alamat' }).fill('bkk.smk.example');
    // Leaving the field names what is wrong with it; saving names the fields still empty.
    await third.getByRole('textbox', { name: 'Alamat' }).press('Tab');
    await visible(third.getByText('Masukkan alamat web lengkap yang diawali https://.'));
    await robotics.getByRole('button', { name: 'Simpan tautan' }).click();
    await expect.poll(() => third.getByText('Wajib diisi.').count(), { timeout: 60_000 }).toBe(2);
    await third.scrollIntoViewIfNeeded();
    await screenshot(page, 'job-links-form-360-id');
    await switchLanguage(page, 'EN');
    await visible(third.getByText('Enter a full web address starting with https://.'));
    await third.scrollIntoViewIfNeeded();
    await screenshot(page, 'job-links-form-360-en');
    await switchLanguage(page, 'ID');
    await third.getByRole('textbox', { name: 'Alamat' }).fill('https://bkk.smk.example/lowongan');
    await third
      .getByRole('textbox', { name: 'Keterangan (Bahasa Indonesia)' })
      .fill('Bursa kerja khusus SMK untuk lulusan robotika.');
    await third
      .getByRole('textbox', { name: 'Keterangan (Bahasa Inggris)' })
      .fill('The vocational schools’ job fair for robotics graduates.');
    await robotics.getByRole('button', { name: 'Simpan tautan' }).click();
    await visible(page.getByText('Tautan Robotika disimpan.'));
    await visible(robotics.getByRole('link', { name: /BKK SMK/ }));
    await shot(page, 'job-links-360-id');

    const learner = await people.signIn('desktop', 'learner', teacher);
    await openRobotCredential(learner);
    const jobs = learner.getByRole('region', { name: 'Kerja dan magang untuk siswa Anda' });
    await expect
      .poll(() => jobs.getByRole('link', { name: /BKK SMK/ }).getAttribute('href'), { timeout: 60_000 })
      .toBe('https://bkk.smk.example/lowongan');
    await visible(jobs.getByText('Bursa kerja khusus SMK untuk lulusan robotika.'));
  });
});
