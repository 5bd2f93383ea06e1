import { describe, expect, it } from 'vitest';
import {
  emailBreakPoints,
  formatCompactDate,
  formatCompactDateRange,
  formatCompactInstant,
  formatPoints,
  formatTrainingDay,
  trainingDayHeading,
} from '#lib/format.ts';

describe('formatCompactDateRange', () => {
  it.each([
    ['2025-11-03', '2025-11-07', 'id', '3–7 Nov 2025'],
    ['2025-10-27', '2025-11-20', 'id', '27 Okt – 20 Nov 2025'],
    ['2026-12-28', '2027-01-01', 'en', '28 Dec 2026 – 1 Jan 2027'],
    ['2025-11-03', '2025-11-03', 'id', '3 Nov 2025'],
  ] as const)('writes %s to %s in %s as %j', (start, end, locale, text) => {
    expect(formatCompactDateRange(start, end, locale).replace(/\s+/g, ' ')).toBe(text);
  });
});

describe('formatCompactInstant', () => {
  it.each([
    ['2025-10-10T16:59:00Z', 'Asia/Jakarta', 'id', '10 Okt 2025 23.59 WIB'],
    ['2025-10-10T16:59:00Z', 'Asia/Makassar', 'id', '11 Okt 2025 00.59 WITA'],
    ['2025-10-10T16:59:00Z', 'Asia/Jayapura', 'en', '11 Oct 2025 01:59 WIT'],
  ] as const)('shows %s in %s (%s) as %j', (instant, zone, locale, text) => {
    expect(formatCompactInstant(instant, locale, zone).replace(/\s+/g, ' ')).toBe(text);
  });
});

describe('formatCompactDate', () => {
  it.each([
    ['2025-11-07T16:59:00Z', 'Asia/Jakarta', 'id', '7 Nov 2025'],
    ['2025-11-07T17:00:00Z', 'Asia/Jakarta', 'id', '8 Nov 2025'],
    ['2025-11-07T17:00:00Z', 'Asia/Jakarta', 'en', '8 Nov 2025'],
  ] as const)('shows %s in %s (%s) as %j', (instant, zone, locale, text) => {
    expect(formatCompactDate(instant, locale, zone).replace(/\s+/g, ' ')).toBe(text);
  });
});

describe('formatPoints', () => {
  it.each([
    [91.67, 'id', '91,67'],
    [91.67, 'en', '91.67'],
    [60, 'id', '60'],
    [53.346, 'en', '53.35'],
  ] as const)('writes %d in %s as %j', (points, locale, text) => {
    expect(formatPoints(points, locale)).toBe(text);
  });
});

describe('formatTrainingDay', () => {
  it.each([
    ['2025-11-03', 'id', 'short', 'Sen, 3 Nov 2025'],
    ['2025-11-03', 'id', 'long', 'Senin, 3 November 2025'],
    ['2025-11-07', 'en', 'short', 'Fri, 7 Nov 2025'],
  ] as const)('writes %s (%s, %s) as %j', (date, locale, style, text) => {
    expect(formatTrainingDay(date, locale, style)).toBe(text);
  });
});

describe('trainingDayHeading', () => {
  it('splits the weekday from the date', () => {
    expect(trainingDayHeading('2025-11-03', 'id')).toEqual({ weekday: 'Sen', day: '3 Nov' });
  });
});

describe('emailBreakPoints', () => {
  it.each([
    ['budi.setiawan@kmg.demo', ['budi', '.setiawan@', 'kmg.demo']],
    ['guru@kmg.demo', ['guru@', 'kmg.demo']],
    ['i.ketut.arsana@smkn1.sch.id', ['i', '.ketut', '.arsana@', 'smkn1.sch.id']],
    ['a@b', ['a@', 'b']],
    ['tanpa-at', ['tanpa-at']],
  ])('cuts %s as %j', (email, pieces) => {
    expect(emailBreakPoints(email)).toEqual(pieces);
    expect(emailBreakPoints(email).join('')).toBe(email);
  });
});
