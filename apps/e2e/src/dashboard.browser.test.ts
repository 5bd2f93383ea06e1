// The programme dashboard as a program manager uses it: filters that stay in the URL (a shared or
// reloaded view shows the same numbers), CSV and XLSX downloads that hold the page's numbers, on a
// phone and a wide screen, in both languages; and a principal's school figures.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, screenshotDir, startPlatform } from '#platform.ts';
import { choose, createPeople, shot, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('dashboard', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

/** Clicks a download link and returns the file as the browser saved it. */
async function download(page: Page, link: Locator) {
  const started = page.waitForEvent('download');
  await link.click();
  const file = await started;
  const path = join(screenshotDir, `download-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** The number in a table row's second cell, as the page shows it (Indonesian digits grouping). */
async function countOf(page: Page, table: string, row: string): Promise<string> {
  const cells = page.locator(`table[data-table="${table}"] tr`, {
    has: page.getByRole('rowheader', { name: row, exact: true }),
  });
  // The page groups digits (1.234 in Indonesian); the export does not.
  return ((await cells.getByRole('cell').first().textContent()) ?? '').replace(/[^0-9]/g, '');
}

/**
 * The application stages are the queue's summary of the records, refreshed within seconds of a
 * change; the demo seed's credentials are still being issued as the tests start. Waits until the
 * figures have caught up: credentials shown, and the figures' time ("as of") unchanged for 25 s,
 * longer than the queue's look (10 s) and PostgreSQL's statistics flush together.
 */
async function settledFigures(page: Page) {
  let last = '';
  let since = Date.now();
  await expect
    .poll(
      async () => {
        await page.reload();
        await visible(page.locator('table[data-table="funnel"]'));
        const asOf = (await page.locator('[data-as-of]').getAttribute('data-as-of')) ?? '';
        const credentials = Number(await countOf(page, 'funnel', 'Kredensial terbit'));
        if (asOf !== last || asOf === '' || credentials === 0) {
          last = asOf;
          since = Date.now();
        }
        return Date.now() - since;
      },
      { timeout: 300_000, interval: 3_000 },
    )
    .toBeGreaterThan(25_000);
}

/** Waits until the figures on screen are those of the filters in the URL. */
async function settled(page: Page) {
  const search = new URL(page.url()).searchParams.toString();
  await visible(page.locator(`[data-loaded="${search}"]`));
}

describe('the programme dashboard', () => {
  it('keeps its filters in the URL across a reload, and downloads the numbers it shows', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await visible(page.getByRole('heading', { name: 'Dasbor program', level: 1 }));
    await settledFigures(page);
    await visible(page.getByText(/^Angka pendaftaran per \d+ \w+ \d{4}\b/));
    // The funnel ends with what the trained teachers passed on (the demo teacher's verified report).
    expect(Number(await countOf(page, 'funnel', 'Pengimbasan terverifikasi'))).toBeGreaterThan(0);

    await choose(page, /^Tahun program/, '2025');
    await page.waitForURL((url) => url.searchParams.get('tahun') === '2025');
    await settled(page);
    await choose(page, /^Bidang keahlian/, 'Teknik Pengelasan');
    await page.waitForURL((url) => url.searchParams.has('bidang'));
    await settled(page);
    const credentials = await countOf(page, 'funnel', 'Kredensial terbit');
    const applications = await countOf(page, 'funnel', 'Pendaftaran');

    await page.reload();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('tahun')).toBe('2025');
    await expect.poll(() => page.getByRole('combobox', { name: /^Tahun program/ }).inputValue()).toBe('2025');
    await expect
      .poll(() => page.getByRole('combobox', { name: /^Bidang keahlian/ }).inputValue())
      .toBe('Teknik Pengelasan');
    expect(await countOf(page, 'funnel', 'Kredensial terbit')).toBe(credentials);
    // The equity table is drawn on the map of Indonesia, the figure chosen above it.
    await visible(page.getByRole('group', { name: 'Per provinsi: Pendaftar (guru)' }));
    await page.locator('label', { hasText: /^Kursi$/ }).click();
    await visible(page.getByRole('group', { name: 'Per provinsi: Kursi' }));
    await visible(page.getByText(/^Batas provinsi: Indonesia GeoJSON/));
    await shot(page, 'dashboard-1280-id');

    // The funnel's CSV holds the same numbers, with the same filters.
    const csv = await download(page, page.getByRole('link', { name: 'Unduh Corong program sebagai CSV' }));
    expect(csv.name).toMatch(/^dasbor-funnel-.*\.csv$/);
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const csvCount = (stage: string) => lines.find((line) => line.startsWith(`${stage},`))?.split(',')[1];
    expect(csvCount('Pendaftaran')).toBe(applications);
    expect(csvCount('Kredensial terbit')).toBe(credentials);
    const xlsx = await download(page, page.getByRole('link', { name: 'Unduh semua (XLSX)' }));
    expect(xlsx.name).toMatch(/^dasbor-semua-.*\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByText('EN', { exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Programme dashboard', level: 1 }));
    await visible(page.getByRole('heading', { name: 'Equity by province' }));
    expect(await countOf(page, 'funnel', 'Credentials issued')).toBe(credentials);
    await shot(page, 'dashboard-1280-en');
    // The switch is saved on the account: back to Indonesian for the next sign-in.
    await page.getByText('ID', { exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Dasbor program', level: 1 }));
  });

  it('reads on a phone, in both languages', async () => {
    const page = await people.signIn('phone', 'admin', 'manajer@kmg.demo');
    await page.goto(`${platform.url}/admin/dasbor?tahun=2025`);
    await visible(page.getByRole('heading', { name: 'Dasbor program', level: 1 }));
    await visible(page.locator('table[data-table="providers"]'));
    await shot(page, 'dashboard-360-id');
    await page.getByText('EN', { exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Programme dashboard', level: 1 }));
    await shot(page, 'dashboard-360-en');
    await page.getByText('ID', { exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Dasbor program', level: 1 }));
  });

  it("shows provider staff only their organisation's figures", async () => {
    const page = await people.signIn('desktop', 'admin', 'inlastek@kmg.demo');
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await visible(page.getByText('Angka panggilan pelatihan lembaga Anda saja.'));
    await visible(page.locator('table[data-table="providers"]'));
    const providers = await page.locator('table[data-table="providers"] tbody th').allTextContents();
    expect(providers.every((name) => name === 'Inlastek Welding Institute')).toBe(true);
    expect(await page.getByRole('combobox', { name: /^Lembaga penyelenggara/ }).count()).toBe(0);
  });

  it("gives a principal her school's figures", async () => {
    const page = await people.signIn('phone', 'learner', 'kepsek@kmg.demo');
    await page.getByRole('link', { name: 'Sekolah saya' }).first().click();
    await visible(page.getByRole('heading', { name: 'Angka sekolah' }));
    await shot(page, 'dashboard-school-360-id');
  });
});
