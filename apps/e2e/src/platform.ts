// Starts the platform as a user does (the bundled API serving both apps) on a fresh embedded
// database, and a real Chromium to drive it. Screenshots land in test-results/screenshots/.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const apiDist = fileURLToPath(new URL('../../api/dist/main.js', import.meta.url));
export const screenshotDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type Platform = {
  url: string;
  browser: Browser;
  /** Where the platform writes its emails (one .eml file each), as in development. */
  mailDir: string;
  stop(): Promise<void>;
};

export async function startPlatform(): Promise<Platform> {
  if (!existsSync(apiDist))
    throw new Error('Build first: apps/api/dist/main.js is missing (turbo runs the build before this test).');
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath} (apt-get install -y chromium)`);
  await mkdir(screenshotDir, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'kmg-e2e-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const mailDir = join(dataDir, 'mail');
  const server: ChildProcess = spawn(process.execPath, [apiDist], {
    env: {
      ...process.env,
      PORT: String(port),
      KMG_PUBLIC_URL: url,
      KMG_DATA_DIR: join(dataDir, 'pglite'),
      DATABASE_URL: '',
      KMG_MAIL_DIR: mailDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  // Several engineers' test runs share 2 cores: starting can take minutes (it ends when it has).
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The platform exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok && output.includes('KMG is running')) break;
    } catch {}
    if (Date.now() > deadline) {
      // Not left running behind the failed test.
      server.kill('SIGTERM');
      throw new Error(`The platform did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    url,
    browser,
    mailDir,
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The text of the first email to `to` whose text matches, once the outbox has delivered it (60 s at
 * most), decoded from quoted-printable as a mail program shows it.
 */
export async function waitForEmail(mailDir: string, to: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const files = existsSync(mailDir) ? await readdir(mailDir) : [];
    for (const file of files.filter((name) => name.endsWith('.eml'))) {
      const eml = await readFile(join(mailDir, file), 'utf8');
      const text = decodeQuotedPrintable(eml);
      if (eml.includes(`To: ${to}`) && pattern.test(text)) return text;
    }
    if (Date.now() > deadline) throw new Error(`No email to ${to} matching ${pattern} in ${mailDir}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function decodeQuotedPrintable(eml: string): string {
  const soft = eml.replace(/=\r?\n/g, '');
  const bytes = soft.replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** A phone (360 px wide, Indonesian) or a desktop browser context. */
export async function openContext(
  browser: Browser,
  kind: 'phone' | 'desktop',
  locale = 'id-ID',
): Promise<BrowserContext> {
  const context = await browser.newContext(
    kind === 'phone'
      ? {
          viewport: { width: 360, height: 740 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          locale,
          timezoneId: 'Asia/Jakarta',
        }
      : { viewport: { width: 1280, height: 800 }, locale, timezoneId: 'Asia/Jakarta' },
  );
  // Pages load on a loaded 2-core CI machine beside the API's database tests: wait generously
  // (each wait still ends as soon as its condition holds).
  context.setDefaultNavigationTimeout(120_000);
  context.setDefaultTimeout(60_000);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
