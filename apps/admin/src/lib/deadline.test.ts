import { describe, expect, it } from 'vitest';
import { hasPassed, msUntil } from '#lib/deadline.ts';

const now = new Date('2026-11-24T05:00:00Z');

describe('msUntil', () => {
  it.each([
    ['a minute ahead', '2026-11-24T05:01:00Z', 60_000],
    ['now', '2026-11-24T05:00:00Z', null],
    ['an hour ago', '2026-11-24T04:00:00Z', null],
    ['two months ahead, beyond a timer', '2027-01-24T05:00:00Z', null],
    ['an unreadable instant', 'kemarin', null],
  ])('gives %s as %j', (_case, instant, wait) => {
    expect(msUntil(instant, now)).toBe(wait);
  });
});

describe('hasPassed', () => {
  it.each([
    ['2026-11-24T04:59:59Z', true],
    // The closing instant is excluded from the window: at that moment applications are closed.
    ['2026-11-24T05:00:00Z', true],
    ['2026-11-24T05:00:01Z', false],
  ])('reads %s as passed: %s', (instant, passed) => {
    expect(hasPassed(instant, now)).toBe(passed);
  });
});
