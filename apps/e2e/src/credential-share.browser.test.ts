// Sharing a credential as the demo teacher does it (issue 13): the wallet, the verification page,
// the PDF and the LinkedIn link all give one award date and one expiry; the badge comes as a PNG
// with the credential baked in, and that file verifies when uploaded; a link to the credential
// shows its name, badge and issuer to a crawler that runs no scripts; the holder gets the sharing
// actions on the verification page, anyone else the certificate only.
//
// The credential is Sri Wahyuni's "Operator Robot Las Industri" from the seeded welding-robot
// training (3-7 November 2025, results approved 14 November 2025, valid 36 months).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, screenshotDir, startPlatform } from '#platform.ts';
import { createPeople, visible } from '#ui.ts';

let platform: Platform;
let files: string;
/** Where the pictures of this area go (`KMG_SHOTS_DIR` to keep them elsewhere). */
const shots = process.env.KMG_SHOTS_DIR ?? screenshotDir;

beforeAll(async () => {
  platform = await startPlatform();
  files = await mkdtemp(join(tmpdir(), 'kmg-e2e-share-'));
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  await platform?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

const people = createPeople('credential-share', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const badge = 'Operator Robot Las Industri';
const teacher = 'Sri Wahyuni';
const awarded = '14 November 2025';
const expires = '14 November 2028';

let verifyPath = '';
let badgeFile = '';

async function look(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** Clicks a download link and returns the file as the browser saved it. */
async function download(page: Page, link: Locator) {
  const started = page.waitForEvent('download');
  await link.click();
  const file = await started;
  const path = join(files, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, bytes: await readFile(path) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const path = join(files, 'sertifikat.pdf');
  await writeFile(path, bytes);
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', path, '-']);
  return stdout.replace(/\s+/g, ' ');
}

/** The language the app starts in on this device, as if chosen before. */
async function inEnglish(page: Page) {
  await page.context().addInitScript(() => localStorage.setItem('kmg.locale', 'en'));
}

describe('sharing a credential', () => {
  it('gives one award date and expiry in the wallet, the PDF, the LinkedIn link and the verification page', async () => {
    const page = await people.signIn('phone', 'learner', 'guru@kmg.demo');
    await page.getByRole('link', { name: 'Kredensial', exact: true }).click();
    const card = page.getByRole('article', { name: badge });
    await visible(card);
    await visible(card.getByText(awarded));
    await visible(card.getByText(expires));
    await look(page, 'wallet-360-id');

    const actions = card.getByRole('group', { name: `Tindakan untuk ${badge}` });
    const linkedIn = new URL(
      (await actions.getByRole('link', { name: /LinkedIn/ }).getAttribute('href')) ?? '',
    );
    expect(linkedIn.origin).toBe('https://www.linkedin.com');
    expect({
      issue: [linkedIn.searchParams.get('issueYear'), linkedIn.searchParams.get('issueMonth')],
      expiry: [linkedIn.searchParams.get('expirationYear'), linkedIn.searchParams.get('expirationMonth')],
    }).toEqual({ issue: ['2025', '11'], expiry: ['2028', '11'] });

    const whatsApp = new URL(
      (await actions.getByRole('link', { name: /WhatsApp/ }).getAttribute('href')) ?? '',
    );
    expect(whatsApp.origin).toBe('https://wa.me');
    const message = whatsApp.searchParams.get('text') ?? '';
    expect(message).toMatch(
      new RegExp(
        `^Kredensial mikro saya: ${badge}, dari PT Unggul Semesta\\. .*${platform.url}/verify/[0-9a-f-]{36}$`,
      ),
    );

    const pdf = await download(page, actions.getByRole('link', { name: 'Unduh PDF' }));
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(awarded);
    expect(text).toContain(expires);

    const png = await download(page, actions.getByRole('link', { name: 'Unduh lencana' }));
    expect(png.name).toMatch(/^kmg-lencana-[0-9a-f-]{36}\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.bytes.includes(Buffer.from('openbadgecredential'))).toBe(true);
    badgeFile = png.path;

    await actions.getByRole('link', { name: 'Verifikasi' }).click();
    await page.waitForURL(/\/verify\/[0-9a-f-]{36}$/);
    verifyPath = new URL(page.url()).pathname;
    expect(message.endsWith(verifyPath)).toBe(true);
    await visible(page.getByRole('heading', { name: 'Kredensial valid' }));
    const content = page.getByRole('region', { name: 'Isi kredensial' });
    await visible(content.getByText(awarded));
    await visible(content.getByText(expires));
    // The holder, signed in, shares from here too.
    const holder = page.getByRole('region', { name: 'Bagikan kredensial Anda' });
    await visible(holder.getByRole('link', { name: /LinkedIn/ }));
    await visible(holder.getByRole('link', { name: /WhatsApp/ }));
    await visible(holder.getByRole('link', { name: 'Unduh sertifikat PDF' }));
    await look(page, 'verify-holder-360-id');
  });

  it('verifies the downloaded badge PNG: the credential baked into it is the signed one', async () => {
    const page = await people.anonymous('desktop', 'verifier');
    await page.goto(`${platform.url}/verify`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Pilih berkas', exact: true }).click();
    await (await chooser).setFiles(badgeFile);
    await visible(page.getByRole('heading', { name: 'Kredensial valid' }));
    const checks = page.getByRole('region', { name: 'Hasil pemeriksaan' });
    await visible(checks.getByText('Tanda tangan digital: lolos'));
    await visible(page.getByText(teacher).first());
    await look(page, 'verify-baked-png-1280-id');
  });

  it('shows anyone else the verification with the certificate, not the holder actions', async () => {
    const page = await people.anonymous('desktop', 'visitor');
    await page.goto(`${platform.url}${verifyPath}`);
    await visible(page.getByRole('heading', { name: 'Kredensial valid' }));
    await visible(page.getByRole('link', { name: 'Unduh sertifikat PDF' }));
    expect(await page.getByRole('region', { name: 'Bagikan kredensial Anda' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /LinkedIn|WhatsApp/ }).count()).toBe(0);
    await look(page, 'verify-visitor-1280-id');

    const english = await people.anonymous('phone', 'visitor-en');
    await inEnglish(english);
    await english.goto(`${platform.url}${verifyPath}`);
    await visible(english.getByRole('heading', { name: 'Valid credential' }));
    await visible(english.getByRole('link', { name: 'Download PDF certificate' }));
    await look(english, 'verify-visitor-360-en');
  });

  it('describes the link to a crawler that runs no scripts: name, badge as PNG, issuer', async () => {
    const response = await fetch(`${platform.url}${verifyPath}`, { headers: { 'accept-language': 'id' } });
    const html = await response.text();
    const tag = (key: string) =>
      new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1] ?? null;
    expect(tag('og:title')).toBe(`${badge} – ${teacher}`);
    expect(tag('og:description')).toContain('PT Unggul Semesta');
    expect(tag('og:description')).toContain(awarded);
    expect(tag('og:url')).toBe(`${platform.url}${verifyPath}`);
    expect(tag('twitter:card')).toBe('summary');
    const image = await fetch(tag('og:image') ?? '');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
  });

  it('reads the same in English, on a phone and a desktop', async () => {
    const desktop = await people.signIn('desktop', 'learner', 'guru@kmg.demo');
    await desktop.getByRole('link', { name: 'Kredensial', exact: true }).click();
    await visible(desktop.getByRole('article', { name: badge }));
    await look(desktop, 'wallet-1280-id');
    await desktop.goto(`${platform.url}${verifyPath}`);
    await visible(desktop.getByRole('region', { name: 'Bagikan kredensial Anda' }));
    await look(desktop, 'verify-holder-1280-id');

    for (const [kind, page] of [
      ['phone', await people.signIn('phone', 'learner', 'guru@kmg.demo')],
      ['desktop', desktop],
    ] as const) {
      await page.goto(`${platform.url}/kredensial`);
      await page.getByText('EN', { exact: true }).click();
      const card = page.getByRole('article', { name: 'Industrial Welding Robot Operator' });
      await visible(card);
      await visible(card.getByText(awarded));
      await visible(card.getByText(expires));
      await visible(card.getByRole('link', { name: /Share on WhatsApp/ }));
      await look(page, `wallet-${kind === 'phone' ? 360 : 1280}-en`);
      await page.goto(`${platform.url}${verifyPath}`);
      await visible(page.getByRole('heading', { name: 'Valid credential' }));
      await visible(page.getByRole('region', { name: 'Share your credential' }));
      await look(page, `verify-holder-${kind === 'phone' ? 360 : 1280}-en`);
    }
    // Back to Indonesian for whoever signs in next.
    await desktop.getByText('ID', { exact: true }).click();
    await visible(desktop.getByRole('heading', { name: 'Kredensial valid' }));
  });
});
