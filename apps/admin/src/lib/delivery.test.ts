import { describe, expect, it } from 'vitest';
import {
  daysNeeded,
  deliveryRights,
  formatFileSize,
  summarizeResults,
  venueToday,
  verdictOf,
} from '#lib/delivery.ts';

describe('deliveryRights', () => {
  it.each([
    [
      { viewerCanDeliver: true, viewerCanRun: false },
      { canRecord: true, canRun: false },
    ],
    [
      { viewerCanDeliver: true, viewerCanRun: true },
      { canRecord: true, canRun: true },
    ],
    [
      { viewerCanDeliver: false, viewerCanRun: false },
      { canRecord: false, canRun: false },
    ],
  ])('reads the API’s answer %j', (call, rights) => {
    expect(deliveryRights(call)).toEqual(rights);
  });
});

describe('verdictOf', () => {
  it.each([
    [null, 'incomplete'],
    [{ complete: false, passed: false }, 'incomplete'],
    [{ complete: true, passed: false }, 'failed'],
    [{ complete: true, passed: true }, 'passed'],
  ] as const)('reads %j as %s', (completion, verdict) => {
    expect(verdictOf(completion)).toBe(verdict);
  });
});

describe('summarizeResults', () => {
  it('counts every verdict', () => {
    expect(
      summarizeResults([
        { completion: { complete: true, passed: true } },
        { completion: { complete: true, passed: true } },
        { completion: { complete: true, passed: false } },
        { completion: { complete: false, passed: false } },
      ]),
    ).toEqual({ total: 4, passed: 2, failed: 1, incomplete: 1 });
  });
});

describe('venueToday', () => {
  it('reads the date on the venue’s clock', () => {
    // 17:30 UTC is already the next day in Jayapura (UTC+9), still the same day in Jakarta (UTC+7).
    const instant = new Date('2026-03-01T16:30:00Z');
    expect(venueToday('Asia/Jakarta', instant)).toBe('2026-03-01');
    expect(venueToday('Asia/Jayapura', instant)).toBe('2026-03-02');
  });
});

describe('daysNeeded', () => {
  it.each([
    [80, 5, 4],
    [80, 11, 9],
    [100, 5, 5],
    [0, 5, 0],
    [75, 4, 3],
  ])('needs at %i%% of %i days %i days present', (min, days, needed) => {
    expect(daysNeeded(min, days)).toBe(needed);
  });
});

describe('formatFileSize', () => {
  it.each([
    [512, 'id', '512 B'],
    [840_000, 'id', '820 KB'],
    [3_565_158, 'id', '3,4 MB'],
    [3_565_158, 'en', '3.4 MB'],
  ] as const)('writes %i bytes (%s) as %s', (bytes, locale, text) => {
    expect(formatFileSize(bytes, locale)).toBe(text);
  });
});
