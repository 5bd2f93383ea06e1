import { describe, expect, it } from 'vitest';
import { deadlineCountdown } from '#lib/deadline.ts';

const now = new Date('2026-11-24T00:00:00Z');

describe('deadlineCountdown', () => {
  it.each([
    ['a deadline already past', '2026-11-23T23:59:00Z', null],
    ['the very instant of the deadline', '2026-11-24T00:00:00Z', null],
    ['a deadline minutes away', '2026-11-24T00:20:00Z', { unit: 'hours', count: 1 }],
    ['a deadline later today', '2026-11-24T17:30:00Z', { unit: 'hours', count: 17 }],
    ['a deadline exactly one day away', '2026-11-25T00:00:00Z', { unit: 'days', count: 1 }],
    ['a deadline a day and a half away', '2026-11-25T12:00:00Z', { unit: 'days', count: 1 }],
    ['a deadline exactly a week away', '2026-12-01T00:00:00Z', { unit: 'days', count: 7 }],
    ['a deadline more than a week away', '2026-12-01T00:01:00Z', null],
    ['an unreadable date', 'soon', null],
  ])('gives %s', (_case, closesAt, expected) => {
    expect(deadlineCountdown(closesAt, now)).toEqual(expected);
  });
});
