// Issue 13: a teacher makes one credential private and turns her public profile on; anyone opens
// the profile and sees only her public credentials; the certificate carries the issuer's
// signatory; provider staff find their branding in the console. Pictures of each, on a phone and
// a desktop, in Indonesian and English.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, screenshot, screenshotDir, startPlatform } from '#platform.ts';
import { createPeople, shot, visible } from '#ui.ts';

let platform: Platform;

/** A teacher of the demo holding two training credentials (PT Unggul Semesta's and Inlastek's). */
const holder = {
  email: 'yohanes.tanaem@kmg.demo',
  nuptk: '9171020911880005',
  name: 'Yohanes Tanaem',
  school: 'SMK Negeri 1 Jayapura',
  slug: 'yohanes-tanaem',
};

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('profile', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

/** Switches the app to English with its own language switch, as a person does. */
async function inEnglish(page: Page) {
  await switchLanguage(page, 'EN');
}

/** The switch is remembered for the signed-in person: switch back before they sign in elsewhere. */
async function switchLanguage(page: Page, label: 'ID' | 'EN') {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByText(label, { exact: true }).first().click();
}

let privateName = '';
let privateId = '';
let publicNames: string[] = [];

describe('a public profile', () => {
  it('lets the teacher make a credential private and publish her profile', async () => {
    const page = await people.signIn('phone', 'learner', holder.email);
    await page.goto(`${platform.url}/kredensial`);
    // The seeded credentials are issued in the background after start-up.
    const cards = page.getByRole('article').filter({ has: page.getByRole('switch') });
    await visible(cards.nth(1), 120_000);
    // PT Unggul Semesta's training credential becomes private (its certificate is checked below).
    const card = cards.filter({ hasText: 'Diperoleh dari' }).filter({ hasText: 'PT Unggul Semesta' }).first();
    privateName = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
    const link = await card.getByRole('heading', { level: 2 }).getByRole('link').getAttribute('href');
    privateId = link?.split('/').pop() ?? '';
    expect(privateId).toMatch(/^[0-9a-f-]{36}$/);
    const others = cards.filter({ hasNotText: privateName });
    publicNames = (await others.getByRole('heading', { level: 2 }).allTextContents()).filter(Boolean);
    expect(publicNames.length).toBeGreaterThan(0);

    const visibility = card.getByRole('switch', { name: 'Tampil di profil publik' });
    await expect.poll(() => visibility.isChecked()).toBe(true);
    await visibility.click();
    await visible(card.getByRole('switch', { name: 'Privat: tidak tercantum di profil publik' }));
    await visible(card.getByText('Kredensial privat tetap dapat diverifikasi'));

    const profile = page.getByRole('region', { name: 'Profil publik' });
    const publish = profile.getByRole('switch', { name: 'Tampilkan profil publik saya' });
    expect(await publish.isChecked()).toBe(false);
    expect(await profile.getByRole('textbox', { name: /Alamat profil/ }).inputValue()).toBe(holder.slug);
    await publish.click();
    await visible(page.getByText('Pengaturan profil publik tersimpan.'));
    await visible(profile.getByRole('link', { name: 'Buka profil publik' }));
    await profile.scrollIntoViewIfNeeded();
    await shot(page, 'profile-wallet-360-id');

    const desktop = await people.signIn('desktop', 'learner', holder.email);
    await desktop.goto(`${platform.url}/kredensial`);
    await visible(desktop.getByRole('switch', { name: 'Privat: tidak tercantum di profil publik' }), 120_000);
    await shot(desktop, 'profile-wallet-1280-id');
    await inEnglish(desktop);
    await visible(
      desktop.getByRole('switch', { name: 'Private: not listed on your public profile' }),
      120_000,
    );
    await visible(desktop.getByRole('switch', { name: 'Show my public profile' }));
    await shot(desktop, 'profile-wallet-1280-en');
    await inEnglish(page);
    await visible(page.getByRole('switch', { name: 'Show my public profile' }), 120_000);
    await shot(page, 'profile-wallet-360-en');
  });

  it('shows anyone the name, school and only the public credentials', async () => {
    const html = await (await fetch(`${platform.url}/guru/${holder.slug}`)).text();
    expect(html).toContain(`<title>Profil ${holder.name} · KMG</title>`);
    expect(html).toContain(`Guru di ${holder.school}`);
    for (const name of publicNames) expect(html).toContain(name);
    expect(html).not.toContain(privateName);
    expect(html).not.toContain(holder.nuptk);
    expect(html).not.toContain(holder.email);

    for (const [kind, width] of [
      ['phone', 360],
      ['desktop', 1280],
    ] as const) {
      const page = await people.anonymous(kind, `visitor-${width}`);
      await page.goto(`${platform.url}/guru/${holder.slug}`);
      await visible(page.getByRole('heading', { name: holder.name, level: 1 }));
      await visible(page.getByText(`Guru di ${holder.school}`));
      for (const name of publicNames) await visible(page.getByRole('heading', { name, level: 3 }));
      expect(await page.getByText(privateName, { exact: true }).count()).toBe(0);
      expect(await page.title()).toBe(`Profil ${holder.name} · KMG`);
      // The seals are pictures of their own: in the picture once they have loaded.
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      await shot(page, `profile-public-${width}-id`);
      await inEnglish(page);
      await visible(page.getByText(`Teacher at ${holder.school}`));
      await shot(page, `profile-public-${width}-en`);
    }

    // Private is unlisted, not secret: its verification page still verifies it.
    const verifier = await people.anonymous('phone', 'verifier');
    await verifier.goto(`${platform.url}/verify/${privateId}`);
    await visible(verifier.getByText('Kredensial valid'), 120_000);
    await visible(verifier.getByText(privateName).first());
  });

  it('prints the issuer signatory and logos on the certificate', async () => {
    const pdf = Buffer.from(
      await (await fetch(`${platform.url}/credentials/${privateId}/certificate.pdf`)).arrayBuffer(),
    );
    const dir = await mkdtemp(join(tmpdir(), 'kmg-certificate-'));
    try {
      await writeFile(join(dir, 'certificate.pdf'), pdf);
      const text = execFileSync('pdftotext', [join(dir, 'certificate.pdf'), '-']).toString('utf8');
      expect(text).toContain('Ir. Hadi Purnomo, M.T.');
      expect(text).toContain('Direktur Pelatihan (contoh)');
      const images = execFileSync('pdfimages', ['-list', join(dir, 'certificate.pdf')]).toString('utf8');
      // The programme's logo, the issuer's and the signature (each PNG with its transparency mask).
      const rows = images.split('\n').filter((line) => line.trim().split(/\s+/)[2] === 'image');
      expect(rows.length).toBeGreaterThanOrEqual(3);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '110',
        '-singlefile',
        join(dir, 'certificate.pdf'),
        join(screenshotDir, 'profile-certificate'),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("shows provider staff their organization's branding in the console", async () => {
    for (const [kind, width] of [
      ['phone', 360],
      ['desktop', 1280],
    ] as const) {
      const page = await people.signIn(kind, 'admin', 'penyelenggara@kmg.demo');
      await page.goto(`${platform.url}/admin/branding`);
      await visible(page.getByRole('heading', { name: 'Branding sertifikat', level: 1 }));
      expect(await page.getByRole('textbox', { name: 'Nama (dengan gelar)' }).inputValue()).toBe(
        'Ir. Hadi Purnomo, M.T.',
      );
      await visible(page.getByRole('img', { name: 'Logo PT Unggul Semesta' }));
      // Their own organization only: no choice of another.
      expect(await page.getByRole('textbox', { name: 'Lembaga' }).count()).toBe(0);
      await shot(page, `profile-branding-${width}-id`);
      await inEnglish(page);
      await visible(page.getByRole('heading', { name: 'Certificate branding', level: 1 }));
      await shot(page, `profile-branding-${width}-en`);
      await switchLanguage(page, 'ID');
      await visible(page.getByRole('heading', { name: 'Branding sertifikat', level: 1 }));
    }
    const manager = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await manager.goto(`${platform.url}/admin/branding`);
    await visible(manager.getByRole('heading', { name: 'Branding sertifikat', level: 1 }));
    await visible(manager.getByText('Logo program (kementerian)').first());
    await screenshot(manager, 'profile-branding-manager-1280-id');
  });
});
