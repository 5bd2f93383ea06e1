// An accessibility audit (axe-core) of every screen the browser tests wait on: WCAG 2.1 A and AA.
// `visible()` audits the page the first time it settles on a screen (its path, width, language and
// open dialog); `createPeople().closeAll()` audits what each page shows last and fails the test
// with the list of serious and critical violations found during it.
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

const options: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Not a WCAG rule but one issue 13 asks for: two landmarks of a kind need different names.
  rules: { 'landmark-unique': { enabled: true } },
  resultTypes: ['violations'],
};

/** What fails a test: serious and critical violations, and the rules enabled above whatever their impact. */
function isFailing(impact: ImpactValue | undefined, rule: string): boolean {
  return impact === 'serious' || impact === 'critical' || rule === 'landmark-unique';
}

export type Violation = {
  rule: string;
  impact: string;
  help: string;
  url: string;
  target: string;
  html: string;
  detail: string;
};

const audited = new Set<string>();
let found: Violation[] = [];
let spent = { pages: 0, ms: 0 };

/** The screen a page shows, as far as the audit tells screens apart. */
async function screenOf(page: Page): Promise<string> {
  const { lang, dialogs } = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dialogs: [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')]
      .filter((dialog) => dialog.checkVisibility())
      .map((dialog) => {
        const labelledBy = dialog.getAttribute('aria-labelledby');
        const label = labelledBy ? document.getElementById(labelledBy)?.textContent : null;
        return label ?? dialog.getAttribute('aria-label') ?? 'dialog';
      }),
  }));
  const url = new URL(page.url());
  const width = page.viewportSize()?.width ?? 0;
  return [`${width}px`, lang, url.protocol === 'about:' ? page.url() : url.pathname, ...dialogs].join(' ');
}

/**
 * Audits the page unless this screen was audited before in this test file. Waits first for the
 * page to settle: its transitions and other finite animations finished (a modal fading in would
 * read as low contrast), at most 5 s.
 */
export async function auditPage(page: Page): Promise<void> {
  if (page.isClosed()) return;
  const screen = await screenOf(page).catch((error) => {
    if (hasMovedOn(page, error)) return null;
    throw error;
  });
  if (screen === null || audited.has(screen)) return;
  // A page made with setContent (about:blank) is audited each time: its content is the test's own.
  if (!page.url().startsWith('about:')) audited.add(screen);
  const started = Date.now();
  let results: AxeResults;
  try {
    results = await runAxe(page);
  } catch (error) {
    // The app moved on by itself (a redirect) while axe ran: audit the screen when it is next seen.
    if (hasMovedOn(page, error)) {
      audited.delete(screen);
      return;
    }
    throw error;
  }
  spent = { pages: spent.pages + 1, ms: spent.ms + Date.now() - started };
  const url = page.url();
  for (const result of results.violations) {
    if (!isFailing(result.impact, result.id)) continue;
    for (const node of result.nodes) {
      found.push({
        rule: result.id,
        impact: result.impact ?? 'unknown',
        help: result.help,
        url,
        target: node.target.join(' '),
        html: node.html.length > 160 ? `${node.html.slice(0, 159)}…` : node.html,
        // The first reason axe gives (it lists every way the element could have passed).
        detail: node.failureSummary?.split('\n')[1]?.trim() ?? '',
      });
    }
  }
}

function hasMovedOn(page: Page, error: unknown): boolean {
  return page.isClosed() || /context was destroyed|navigat/i.test(String(error));
}

async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (options) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const settle = async () => {
      await frame();
      await frame();
      const finite = document
        .getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity));
      await Promise.race([
        Promise.all(finite.map((animation) => animation.finished.catch(() => {}))),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
    };
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: unknown): Promise<AxeResults> };
    };
    // A transition that starts while axe reads colours (a dialog fading out after its action, a
    // notice fading in) gives the colours of a moment, not of the screen: wait until nothing has
    // started moving since the page last settled, then audit, and audit again if something started
    // meanwhile. A page that never stops moving is audited as it is after 20 s.
    let moved = 0;
    const count = () => {
      moved += 1;
    };
    document.addEventListener('transitionrun', count, true);
    document.addEventListener('animationstart', count, true);
    const deadline = Date.now() + 20_000;
    try {
      for (;;) {
        moved = 0;
        await settle();
        if (moved > 0 && Date.now() < deadline) continue;
        moved = 0;
        const results = await axe.run(document, options);
        if (moved === 0 || Date.now() >= deadline) return results;
      }
    } finally {
      document.removeEventListener('transitionrun', count, true);
      document.removeEventListener('animationstart', count, true);
    }
  }, options);
}

/** The violations found since the last call, and the time the audits took; starts over. */
export function takeAudit(): { violations: Violation[]; pages: number; ms: number } {
  const taken = { violations: found, ...spent };
  found = [];
  spent = { pages: 0, ms: 0 };
  return taken;
}

/**
 * The violations, one entry per rule and element (the header's link fails on every page alike),
 * with the pages it failed on.
 */
export function formatViolations(violations: readonly Violation[]): string {
  const entries = new Map<string, { violation: Violation; pages: Set<string> }>();
  for (const violation of violations) {
    const key = `${violation.rule} ${violation.target} ${violation.detail}`;
    const entry = entries.get(key) ?? { violation, pages: new Set<string>() };
    const url = new URL(violation.url);
    entry.pages.add(url.protocol === 'about:' ? violation.url : `${url.pathname}${url.search}`);
    entries.set(key, entry);
  }
  const lines = [...entries.values()].map(
    ({ violation: { rule, impact, help, target, html, detail }, pages }) =>
      `- ${rule} (${impact}) on ${[...pages].join(', ')}\n    ${target}  ${html}\n    ${help}${detail ? `: ${detail}` : ''}`,
  );
  return `${violations.length} accessibility violation(s), WCAG 2.1 A/AA (axe-core):\n${lines.join('\n')}`;
}
