// The learner app on a cheap phone over a bad connection: what the first screen costs, how its
// files are served, and what a teacher still has when the connection drops.

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appList,
  CPU_SLOWDOWN,
  FIRST_LOAD_JS_BUDGET,
  FIRST_LOAD_SCRIPTS_BUDGET,
  firstLoadScripts,
  kb,
  learnerDist,
  measureScripts,
  slow3g,
} from '#learner-load.ts';
import { openContext, type Platform, startPlatform } from '#platform.ts';
import { createPeople, shot, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('learner-load', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

describe('the first screen', () => {
  it('shows the open calls without any JavaScript', async () => {
    const page = await people.anonymous('phone', 'no-scripts');
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(platform.url);
    const card = page.locator('#first-screen article').first();
    await visible(card);
    expect(await card.getByRole('link').getAttribute('href')).toMatch(/^\/pelatihan\/.+/);
    await visible(card.getByText(/^Kuota \d+ peserta · \d+ pendaftar$/));
    await visible(card.getByText(/^Batas pendaftaran: \d+ \w+ \d{4} pukul \d\d\.\d\d WI(B|TA|T)$/));
    await visible(page.getByRole('heading', { name: /^\d+ pelatihan menerima pendaftaran$/ }));
    await shot(page, 'learner-load-server-cards-phone');
  });

  it("on slow 3G and a slow phone, shows the server's list first, then the app takes over", async () => {
    const context = await openContext(platform.browser, 'phone');
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', slow3g);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(platform.url, { waitUntil: 'commit', timeout: 180_000 });
      const serverCard = page.locator('#first-screen article').first();
      await visible(serverCard, 180_000);
      const title = (await serverCard.getByRole('heading').textContent()) ?? '';
      await visible(appList(page), 180_000);
      expect(await page.locator('#first-screen').count()).toBe(0);
      // The app's list, in the same order, with what only the app adds (search and filters).
      await visible(appList(page).getByRole('link', { name: title }));
      await visible(page.getByRole('button', { name: 'Buka filter' }));
    } finally {
      await context.close();
    }
  });

  it("has every word of the first screen, and fetches the other pages' with the first page opened", async () => {
    const page = await people.signIn('phone', 'learner', 'yohanes.tanaem@kmg.demo');
    // A fresh start on the call list, signed in: the other pages' strings are not in the app yet.
    const fetched: string[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script') fetched.push(new URL(request.url()).pathname);
    });
    await page.goto(platform.url);
    await visible(appList(page));
    await page.getByRole('button', { name: /^Menu akun / }).click();
    await visible(page.getByRole('link', { name: 'Kontak industri' }));
    // i18next shows a key it has no words for: none may show on the first screen.
    expect(await page.locator('#root').textContent()).not.toMatch(/\blearner\.\w/);
    const scriptsOnFirstScreen = fetched.length;
    await page.getByRole('link', { name: 'Pengimbasan' }).click();
    await visible(page.getByRole('heading', { name: 'Pengimbasan', level: 1 }));
    expect(await page.locator('#root').textContent()).not.toMatch(/\blearner\.\w/);
    // Its strings came with the page, in the reader's language only.
    const pageStrings = fetched
      .slice(scriptsOnFirstScreen)
      .filter((path) => /\/pages-[\w-]+\.js$/.test(path));
    expect(pageStrings).toHaveLength(1);
    expect(fetched.slice(0, scriptsOnFirstScreen).filter((path) => /\/pages-/.test(path))).toEqual([]);
  });

  it('the app needs no more JavaScript, nor scripts, than its budget before it is interactive', async () => {
    const scripts = await firstLoadScripts();
    const bytes = await measureScripts(learnerDist, scripts);
    expect(
      bytes.gzip,
      `first load: ${kb(bytes.gzip)} gzip in ${scripts.length} scripts, budget ${kb(FIRST_LOAD_JS_BUDGET)}:\n${scripts.join('\n')}`,
    ).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
    expect(scripts.length, `first load: ${scripts.join(', ')}`).toBeLessThanOrEqual(
      FIRST_LOAD_SCRIPTS_BUDGET,
    );
  });

  it('comes brotli-compressed, hashed files cached for good and the page revalidated', async () => {
    const page = await people.anonymous('phone', 'first-visit');
    const scripts: { encoding: string | null; cacheControl: string | null }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script' || !response.url().includes('/assets/')) return;
      // Files under 1 KB are sent as they are: compressing them saves nothing.
      if (Number(await response.headerValue('content-length')) < 1024) return;
      scripts.push({
        encoding: await response.headerValue('content-encoding'),
        cacheControl: await response.headerValue('cache-control'),
      });
    });
    const document = await page.goto(platform.url);
    await visible(page.getByRole('article').first());
    expect(await document?.headerValue('content-encoding')).toBe('br');
    expect(await document?.headerValue('cache-control')).toBe('no-cache');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script).toEqual({ encoding: 'br', cacheControl: 'public, max-age=31536000, immutable' });
    }
    await shot(page, 'learner-load-calls-phone');
  });
});

describe('moving between pages', () => {
  /** The page's scroll offset; the service worker is kept out so routes see every request. */
  const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

  it('opens a page at its top, and Back returns to where the list was left', async () => {
    const page = await people.anonymous('phone', 'scroll');
    await page.route('**/sw.js', (route) => route.abort());
    await page.goto(platform.url);
    const card = page.locator('#root article').last();
    await visible(card);
    const title = (await card.getByRole('heading').textContent()) ?? '';
    await card.scrollIntoViewIfNeeded();
    const left = await scrollY(page);
    expect(left, 'the last card of the list is below the first screen').toBeGreaterThan(300);

    await card.getByRole('link', { name: title }).click();
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await expect.poll(() => scrollY(page), { timeout: 60_000 }).toBe(0);

    await page.goBack();
    await visible(page.locator('#root').getByRole('link', { name: title }));
    await expect
      .poll(async () => Math.abs((await scrollY(page)) - left), { timeout: 60_000 })
      .toBeLessThan(2);

    // Forward returns to the call where it was read: its top.
    await page.goForward();
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await expect.poll(() => scrollY(page), { timeout: 60_000 }).toBe(0);
  });

  it("says so when a page's code cannot arrive, keeps the way around, and opens it once it can", async () => {
    const page = await people.anonymous('phone', 'page-code');
    await page.route('**/sw.js', (route) => route.abort());
    let isCut = true;
    await page.route(/\/assets\/RplProgrammesPage-[\w-]+\.js$/, (route) =>
      isCut ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(platform.url);
    await visible(appList(page));

    const rplTab = page.getByRole('link', { name: 'Kuliah RPL' }).first();
    await rplTab.click();
    await visible(page.getByText('Tidak dapat terhubung ke server. Periksa koneksi Anda.'));
    await page.getByRole('link', { name: 'Pelatihan' }).first().click();
    await visible(appList(page));

    isCut = false;
    await rplTab.click();
    await visible(page.getByRole('heading', { level: 1, name: 'Kuliah lewat RPL' }));
  });
});

describe('offline', () => {
  it('installs as an app in Indonesian', async () => {
    const response = await fetch(`${platform.url}/manifest.webmanifest`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'KMG – Kredensial Mikro Guru SMK',
      lang: 'id',
      theme_color: '#00716b',
      start_url: '/',
      display: 'standalone',
    });
    const icons = manifest.icons as { src: string; sizes: string }[];
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of icons) expect((await fetch(`${platform.url}${icon.src}`)).status).toBe(200);
  });

  it('opens the app shell and the wallet without a connection after one visit', async () => {
    const page = await people.signIn('phone', 'learner', 'yohanes.tanaem@kmg.demo');
    await page.goto(`${platform.url}/kredensial`);
    await visible(page.getByRole('heading', { name: 'Operator Robot Las Industri' }));
    // The worker has the app shell and the wallet once it is active.
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(worker).toBe(`${platform.url}/sw.js`);

    await page.context().setOffline(true);
    await page.goto(`${platform.url}/kredensial`);
    await visible(page.getByText(/^Anda sedang offline: menampilkan salinan tersimpan dari /));
    await visible(page.getByRole('heading', { name: 'Operator Robot Las Industri' }));
    await visible(page.getByRole('heading', { name: 'Teknologi Pengelasan Industri' }));
    await shot(page, 'learner-offline-wallet-phone');

    // A page that needs the network says so, in the reader's language, inside the app.
    await page.goto(`${platform.url}/pendaftaran`);
    await visible(
      page.getByText('Anda sedang offline. Halaman ini memerlukan koneksi internet', { exact: false }),
    );
    await visible(page.getByRole('link', { name: 'Pelatihan' }).first());
    await shot(page, 'learner-offline-page-phone');

    // English is precached too.
    await page.getByText('EN', { exact: true }).click();
    await visible(
      page.getByText('You are offline. This page needs an internet connection', { exact: false }),
    );
    await page.goto(`${platform.url}/kredensial`);
    await visible(page.getByText(/^You are offline: showing the copy saved on /));
    await shot(page, 'learner-offline-wallet-phone-en');

    // Back online, signing out leaves nothing of the wallet on the phone.
    await page.getByText('ID', { exact: true }).click();
    await page.context().setOffline(false);
    await page.goto(`${platform.url}/kredensial`);
    await visible(page.getByRole('heading', { name: 'Operator Robot Las Industri' }));
    expect(await page.evaluate(() => localStorage.getItem('kmg.wallet'))).not.toBeNull();
    await page.getByRole('button', { name: /^Menu akun / }).click();
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await visible(page.getByText('Anda sudah keluar.'));
    expect(await page.evaluate(() => localStorage.getItem('kmg.wallet'))).toBeNull();
    // Chromium may hang closing a context whose service worker went through offline and back:
    // leave without one.
    await page.evaluate(async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations())
        await registration.unregister();
    });
  });

  it('leaves the admin console to the network', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    // The learner's worker controls only what it precached; /admin is never answered from it.
    await page.goto(`${platform.url}/`);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    await page.goto(`${platform.url}/admin`);
    await visible(page.getByRole('button', { name: 'Keluar' }));
    await page.context().setOffline(true);
    const offline = await page.goto(`${platform.url}/admin`).catch((error: Error) => error);
    expect(offline).toBeInstanceOf(Error);
  });
});
