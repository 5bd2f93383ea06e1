// How long the learner's first screen (the call list) takes on a cheap phone over a slow connection,
// first as the server renders it and then as the app's own, and how much JavaScript each needed.
// Shared by the budget test (learner-load.browser.test.ts) and `pnpm bench learner-load`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { openContext } from '#platform.ts';

export const learnerDist = fileURLToPath(new URL('../../learner/dist/', import.meta.url));

/**
 * Issue 12's target for the JavaScript before the first screen, gzip. The first screen now comes
 * with the page (the server renders the list), so the JavaScript before it is none; the app that
 * takes over is held to the target.
 */
export const FIRST_LOAD_JS_TARGET = 120 * 1024;

/**
 * What the app needs before it is interactive: growing past it fails. 216 KB on 2026-12-02; 243.8 KB
 * in 29 scripts by 2026-12-03 (issues 13 and 14 raised it knowingly). Then, for issue 12: 195.9 KB in
 * 2 scripts on 2026-12-03 (the first screen's own strings only, the error messages and the call
 * checks out of it, graphcache's schema compact, and its modules in one chunk); 138.6 KB on
 * 2026-12-04 (Preact through its compat layer instead of React and React DOM, ~68 KB → ~10 KB);
 * 116.5 KB on 2026-12-05 (React Router's declarative router instead of its data router, -18 KB, and
 * graphcache's schema cut to what the learner's documents select, -4 KB). The budget is now the
 * target. What is left is mostly Mantine (~31 KB), urql with graphcache (~27 KB), i18next with
 * react-i18next (~17 KB), React Router (~12 KB) and Preact (~10 KB).
 */
export const FIRST_LOAD_JS_BUDGET = FIRST_LOAD_JS_TARGET;

export const FIRST_LOAD_SCRIPTS_BUDGET = 3;

/**
 * Chromium DevTools' "Slow 3G" preset (DevTools `front_end/core/sdk/NetworkManager.ts`, mirrored
 * by Puppeteer's `PredefinedNetworkConditions['Slow 3G']`): ~500 kbit/s each way at 80 %, and a
 * 400 ms round trip multiplied by 5, because the emulation adds latency once per request while
 * a real connection pays it on every TCP and TLS round trip.
 */
export const slow3g = {
  offline: false,
  downloadThroughput: ((500 * 1000) / 8) * 0.8,
  uploadThroughput: ((500 * 1000) / 8) * 0.8,
  latency: 400 * 5,
};

/** A cheap phone: DevTools' "4x slowdown" of the CPU. */
export const CPU_SLOWDOWN = 4;

export type FirstLoad = {
  /** Milliseconds from navigation until the first call card is visible (the server's markup). */
  msToFirstCard: number;
  /** Milliseconds until the app has replaced it with its own list (its cards, the server's gone). */
  msToInteractive: number;
  /** Paths (`/assets/…`) of the scripts that had finished loading when the first card showed. */
  scriptsBeforeFirstCard: string[];
  /** Paths of the scripts that had finished loading when the app's list showed. */
  scriptsBeforeInteractive: string[];
};

/**
 * Opens the call list in a fresh phone context (cold cache, no service worker yet), optionally
 * throttled to slow 3G and a 4x slower CPU; waits for the first call card, then for the app's own.
 */
export async function loadCallList(
  browser: Browser,
  url: string,
  { isThrottled }: { isThrottled: boolean },
): Promise<FirstLoad> {
  const context = await openContext(browser, 'phone');
  try {
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
    });
    if (isThrottled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', slow3g);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 180_000 });
    await page.getByRole('article').first().waitFor({ state: 'visible', timeout: 180_000 });
    const msToFirstCard = performance.now() - started;
    const scriptsBeforeFirstCard = [...scripts].sort();
    await appList(page).waitFor({ state: 'visible', timeout: 180_000 });
    const msToInteractive = performance.now() - started;
    return {
      msToFirstCard,
      msToInteractive,
      scriptsBeforeFirstCard,
      scriptsBeforeInteractive: [...scripts].sort(),
    };
  } finally {
    await context.close();
  }
}

/** The app's own first card: rendered into `#root`, which shows once the server's list is gone. */
export function appList(page: Page) {
  return page.locator('#root article').first();
}

/**
 * The scripts the app needs before it is interactive: the entry of the built `index.html` and
 * every chunk it imports statically (Vite lists them as modulepreload). The call list is in that
 * graph; other pages and whatever is fetched later (toasts, the service worker) are not.
 */
export async function firstLoadScripts(dist = learnerDist): Promise<string[]> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script type="module"[^>]* src="([^"]+)"/g)].map((match) => match[1]);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map(
    (match) => match[1],
  );
  return [...entry, ...preloaded].filter((path): path is string => !!path);
}

export type Bytes = { raw: number; gzip: number; brotli: number };

/** The scripts' sizes as built, gzipped (level 9) and brotli-compressed (quality 11). */
export async function measureScripts(dist: string, scripts: string[]): Promise<Bytes> {
  const total: Bytes = { raw: 0, gzip: 0, brotli: 0 };
  for (const script of scripts) {
    const bytes = await readFile(join(dist, script));
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
  }
  return total;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
