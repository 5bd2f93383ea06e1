// Small helpers to drive the apps the way a person does: by labels, buttons and calendars.
import { addDays, formatCalendarDate } from '@kmg/domain';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { auditPage, formatViolations, takeAudit } from '#a11y.ts';
import { openContext, type Platform, screenshot } from '#platform.ts';

export const PASSWORD = 'demo-kmg-2026';

/**
 * The browsers of the people in one test file: each person gets a fresh one, and all of them close
 * after each test (`closeAll` in `afterEach`), a failed test first keeping a picture of what each saw.
 * Closing audits what each page shows last and fails the test on the accessibility violations found
 * during it (see a11y.ts).
 */
export function createPeople(file: string, platform: () => Platform) {
  const opened: { context: BrowserContext; page: Page; who: string }[] = [];
  const open = async (kind: 'phone' | 'desktop', who: string) => {
    const context = await openContext(platform().browser, kind);
    const page = await context.newPage();
    opened.push({ context, page, who });
    return page;
  };
  return {
    /** A fresh browser with one person signed in through the app's own sign-in page. */
    async signIn(kind: 'phone' | 'desktop', app: 'learner' | 'admin', identifier: string): Promise<Page> {
      const page = await open(kind, identifier.split('@')[0] ?? identifier);
      await signIn(page, `${platform().url}${app === 'admin' ? '/admin' : '/masuk'}`, identifier);
      // Signed in once the header shows the person's own menu: the app has left the sign-in page.
      await visible(
        app === 'admin'
          ? page.getByRole('button', { name: 'Keluar' })
          : page.getByRole('button', { name: /^Menu akun / }),
      );
      return page;
    },
    /** A fresh browser nobody has signed in to: anyone following a link. */
    anonymous(kind: 'phone' | 'desktop', who: string): Promise<Page> {
      return open(kind, who);
    },
    async closeAll(failed: boolean) {
      for (const { context, page, who } of opened.splice(0)) {
        if (failed) await screenshot(page, `${file}-failed-${who}`).catch(() => {});
        else await auditPage(page);
        await context.close();
      }
      const { violations, pages, ms } = takeAudit();
      if (pages > 0) console.info(`axe: ${pages} screen(s) audited in ${(ms / 1000).toFixed(1)} s`);
      if (violations.length > 0) throw new Error(formatViolations(violations));
    },
  };
}

/** Full-page pictures from the top, so the fixed header sits where the person sees it. */
export async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

export async function signIn(page: Page, url: string, identifier: string) {
  await page.goto(url);
  await visible(page.getByLabel('Email atau NUPTK'));
  await page.getByLabel('Email atau NUPTK').fill(identifier);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/** Today's calendar date in Jakarta, shifted by whole days. */
export function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  return addDays(today, days);
}

/** Opens a Mantine date picker by its label and clicks the day, moving month by month. */
export async function pickDate(page: Page, label: RegExp, date: string) {
  const calendar = await openCalendar(page, label);
  await clickDay(calendar, date);
  await calendar.waitFor({ state: 'hidden' });
}

/**
 * Opens the picker and returns its own dropdown (the one its button controls), so that a calendar
 * still fading out from the previous field is never the one clicked.
 */
async function openCalendar(page: Page, label: RegExp): Promise<Locator> {
  const button = page.getByRole('button', { name: label });
  await button.click();
  const id = await button.getAttribute('aria-controls');
  if (!id) throw new Error(`The date picker ${label} did not open its calendar`);
  const calendar = page.locator(`[id="${id}"]`);
  await visible(calendar);
  return calendar;
}

async function clickDay(calendar: Locator, date: string) {
  const day = calendar.locator(`button[aria-label="${formatCalendarDate(date, 'id')}"]:not([data-outside])`);
  for (let step = 0; step < 24 && (await day.count()) === 0; step++) {
    await calendar.getByRole('button', { name: 'Bulan berikutnya' }).last().click();
  }
  await day.first().click();
}

/** A date and time picker: the day, then hours and minutes, then confirm. */
export async function pickDateTime(page: Page, label: RegExp, date: string, time: string) {
  const calendar = await openCalendar(page, label);
  await clickDay(calendar, date);
  const [hours, minutes] = time.split(':') as [string, string];
  await calendar.getByLabel('Jam', { exact: true }).fill(hours);
  await calendar.getByLabel('Menit', { exact: true }).fill(minutes);
  await calendar.getByRole('button', { name: 'Pakai tanggal dan jam ini' }).click();
  await calendar.waitFor({ state: 'hidden' });
}

/** Chooses an option of a Mantine select by the option's visible text. */
export async function choose(page: Page, label: RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Waits until the person can see it (fails the test after 60 s: a loaded CI machine is slow), then
 * audits the screen for accessibility if it is one not audited yet.
 */
export async function visible(locator: Locator, timeout = 60_000) {
  await locator.waitFor({ state: 'visible', timeout });
  await auditPage(locator.page());
}

/** Scores the application open in the admin review form ("Nilai Anda"), by criterion, and saves. */
export async function scoreApplication(page: Page, scores: Readonly<Record<string, number>>) {
  const form = page.getByRole('region', { name: 'Nilai Anda' });
  for (const [criterion, score] of Object.entries(scores)) {
    await form.getByRole('textbox', { name: new RegExp(`^${criterion}`) }).fill(String(score));
  }
  await form.getByRole('button', { name: 'Simpan penilaian' }).click();
  await visible(form.getByText('Penilaian tersimpan'));
}

/**
 * Assigns Hendra Gunawan as the call's selection reviewer on its Seleksi tab. Once seen under heavy
 * load (two test suites on two cores): the choice did not hold and "Simpan penilai" stayed
 * disabled, as if the form had been drawn afresh by a late answer of the page's query. So it
 * chooses until the form holds the choice, then saves.
 */
export async function assignReviewer(page: Page) {
  await page.getByRole('tab', { name: 'Seleksi' }).click();
  const save = page.getByRole('button', { name: 'Simpan penilai' });
  await expect
    .poll(
      async () => {
        if (await save.isEnabled()) return true;
        await page
          .getByLabel(/^Penilai yang ditugaskan/)
          .first()
          .click();
        await page.getByRole('option', { name: /Hendra Gunawan/ }).click();
        await page.keyboard.press('Escape');
        return save.isEnabled();
      },
      { timeout: 120_000, interval: 1_000 },
    )
    .toBe(true);
  await save.click();
  await visible(page.getByText('Penilai disimpan.').first());
}
