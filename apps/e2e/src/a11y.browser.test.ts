// The accessibility audit every browser test runs (a11y.ts), shown to fail on a broken page, and the
// public verification page: a page for anyone, without the teachers' navigation.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '#platform.ts';
import { createPeople, shot, visible } from '#ui.ts';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('a11y', () => platform);
let verifyPath = '';
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

describe('the accessibility audit', () => {
  it('fails the test on serious violations, naming the rule, the element and the page', async () => {
    const page = await people.anonymous('desktop', 'broken');
    await page.setContent(`
      <html lang="id"><body><main>
        <h1>Halaman rusak</h1>
        <p id="faint" style="color:#aaaaaa;background:#ffffff">Teks pucat</p>
        <button id="icon"><svg width="16" height="16" aria-hidden="true"></svg></button>
        <a id="brand" href="/" aria-label="Beranda">KMG</a>
      </main></body></html>`);
    await visible(page.getByRole('heading', { name: 'Halaman rusak' }));
    const closing = people.closeAll(false);
    await expect(closing).rejects.toThrow(/color-contrast \(serious\) on about:blank\n\s+#faint/);
    await expect(closing).rejects.toThrow(/button-name \(critical\) on about:blank\n\s+#icon/);
    await expect(closing).rejects.toThrow(
      /label-content-name-mismatch \(serious\) on about:blank\n\s+#brand/,
    );
  });

  it('passes a page without violations', async () => {
    const page = await people.anonymous('desktop', 'sound');
    await page.setContent(`
      <html lang="id"><head><title>Baik</title></head><body><main>
        <h1>Halaman baik</h1><p style="color:#333333">Teks jelas</p>
        <a href="/" aria-label="KMG beranda">KMG</a>
      </main></body></html>`);
    await visible(page.getByRole('heading', { name: 'Halaman baik' }));
    await expect(people.closeAll(false)).resolves.toBeUndefined();
  });

  it('reads colours once a notice that starts fading in while the page settles has arrived', async () => {
    // When the audit first looks for animations, a spinner turns once for 0.6 s (the audit waits for it) and a
    // notice starts a 2 s fade-in 0.1 s later: read mid-fade its text is nearly white on white (CI
    // once failed so, on a saved-reviewers notice).
    const page = await people.anonymous('desktop', 'fading');
    await page.setContent(`
      <html lang="id"><head><title>Pemberitahuan</title><style>
        @keyframes turn { to { transform: rotate(360deg); } }
        #spinner { width: 10px; height: 10px; }
        #spinner.turning { animation: turn 0.6s linear 1; }
        #notice { opacity: 0; transition: opacity 2s linear; color: #333333; }
        #notice.shown { opacity: 1; }
      </style></head><body><main>
        <h1>Halaman dengan pemberitahuan</h1><div id="spinner"></div>
        <p id="notice">Penilai disimpan.</p>
        <script>
          const original = document.getAnimations.bind(document);
          document.getAnimations = () => {
            document.getAnimations = original;
            document.getElementById('spinner').classList.add('turning');
            setTimeout(() => document.getElementById('notice').classList.add('shown'), 100);
            return original();
          };
        </script>
      </main></body></html>`);
    await visible(page.getByRole('heading', { name: 'Halaman dengan pemberitahuan' }));
    await expect(people.closeAll(false)).resolves.toBeUndefined();
  });
});

describe('the public verification page', () => {
  it("shows a signed-in teacher no app navigation, and a way back to the teacher's credentials", async () => {
    const page = await people.signIn('phone', 'learner', 'guru@kmg.demo');
    const navigation = page.getByRole('navigation', { name: 'Navigasi utama' });
    await page.getByRole('link', { name: 'Kredensial', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Kredensial saya', level: 1 }));
    await visible(navigation);
    await page.getByRole('link', { name: 'Verifikasi', exact: true }).first().click();
    await page.waitForURL(/\/verify\/[0-9a-f-]{36}$/);
    verifyPath = new URL(page.url()).pathname;
    await visible(page.getByRole('heading', { name: 'Kredensial valid' }));
    expect(await navigation.count()).toBe(0);
    await shot(page, 'a11y-verify-teacher-phone');

    await page.getByRole('link', { name: 'Kembali ke kredensial saya' }).click();
    await visible(page.getByRole('heading', { name: 'Kredensial saya', level: 1 }));
    await visible(navigation);
  });

  it('shows anyone following the link the page alone, with no way into the app but its name', async () => {
    const page = await people.anonymous('desktop', 'verifier');
    await page.goto(`${platform.url}${verifyPath}`);
    await visible(page.getByRole('heading', { name: 'Kredensial valid' }));
    await visible(page.getByRole('link', { name: 'KMG Kredensial Mikro Guru SMK' }));
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Kembali ke/ }).count()).toBe(0);
    await shot(page, 'a11y-verify-anonymous-desktop');
  });
});

describe('the tab bar on a 360 px phone', () => {
  /** Tabs whose label runs wider than the tab itself (it would overlap the next one). */
  const overflowing = (page: Page) =>
    page
      .getByRole('navigation', { name: /^(Navigasi utama|Main navigation)$/ })
      .evaluate((nav) =>
        [...nav.querySelectorAll('a')]
          .filter((tab) => tab.offsetParent !== null && tab.scrollWidth > tab.clientWidth)
          .map((tab) => tab.textContent),
      );

  it('keeps every label inside its tab, for a visitor and a teacher, in both languages', async () => {
    for (const page of [
      await people.anonymous('phone', 'visitor'),
      await people.signIn('phone', 'learner', 'guru@kmg.demo'),
    ]) {
      if (!page.url().startsWith(platform.url)) await page.goto(platform.url);
      await visible(page.getByRole('navigation', { name: 'Navigasi utama' }));
      expect(await overflowing(page)).toEqual([]);
      await page.locator('label', { hasText: /^EN$/ }).first().click();
      await visible(page.getByRole('navigation', { name: 'Main navigation' }));
      expect(await overflowing(page)).toEqual([]);
    }
  });
});
