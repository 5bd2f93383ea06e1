// A language chosen before signing in stays after it, and becomes the account's: a teacher who
// switches the learner app to English and signs in keeps English (and finds it on another device);
// a manager who switches the console does too.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '#platform.ts';
import { createPeople, PASSWORD, shot, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('sign-in-language', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

describe('a language chosen before signing in', () => {
  it('stays in the learner app after a teacher signs in, and is her account’s from then on', async () => {
    const page = await people.anonymous('phone', 'guru');
    await page.goto(platform.url);
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto(`${platform.url}/masuk`);
    await page.getByLabel('Email or NUPTK').fill('guru@kmg.demo');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await shot(page, 'sign-in-language-learner-before-360-en');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visible(page.getByRole('button', { name: /^Account menu for / }));
    // Still English once the account's own data has arrived, and after a reload.
    await visible(page.getByRole('link', { name: 'My applications' }).first());
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, 'sign-in-language-learner-after-360-en');
    await page.reload();
    await visible(page.getByRole('button', { name: /^Account menu for / }));
    expect(await page.getByRole('button', { name: /^Menu akun / }).count()).toBe(0);

    // Another device, in Indonesian: signing in brings the account's English.
    const desktop = await people.signIn('desktop', 'learner', 'guru@kmg.demo');
    await visible(desktop.getByRole('button', { name: /^Account menu for / }));
    await shot(desktop, 'sign-in-language-learner-other-device-1280-en');
  });

  it('stays in the console after a manager signs in', async () => {
    const page = await people.anonymous('desktop', 'manajer');
    await page.goto(`${platform.url}/admin`);
    await page.getByText('EN', { exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Sign in to the KMG Console' }));
    await page.getByLabel('Email or NUPTK').fill('manajer@kmg.demo');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visible(page.getByRole('button', { name: 'Sign out' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, 'sign-in-language-admin-after-1280-en');
    await page.reload();
    await visible(page.getByRole('button', { name: 'Sign out' }));
    expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(0);
  });
});
