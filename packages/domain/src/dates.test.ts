import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isLocalDate,
  localDateAt,
  startOfLocalDate,
  wholeYearsBetween,
} from '#dates.ts';

describe('isLocalDate', () => {
  it.each([
    ['2025-11-03', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-11-3', false],
    ['03-11-2025', false],
    ['2025-11-03T00:00:00Z', false],
  ])('%s -> %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });
});

describe('startOfLocalDate', () => {
  it.each([
    ['Asia/Jakarta', '2025-11-02T17:00:00.000Z'],
    ['Asia/Makassar', '2025-11-02T16:00:00.000Z'],
    ['Asia/Jayapura', '2025-11-02T15:00:00.000Z'],
    ['UTC', '2025-11-03T00:00:00.000Z'],
  ])('gives the instant 3 November begins in %s', (zone, expected) => {
    expect(startOfLocalDate('2025-11-03', zone).toISOString()).toBe(expected);
  });
});

describe('localDateAt', () => {
  it('reads the same instant as different calendar dates across Indonesia', () => {
    const instant = new Date('2025-11-02T16:30:00Z');
    expect(localDateAt(instant, 'Asia/Jakarta')).toBe('2025-11-02');
    expect(localDateAt(instant, 'Asia/Makassar')).toBe('2025-11-03');
    expect(localDateAt(instant, 'Asia/Jayapura')).toBe('2025-11-03');
  });
});

describe('daysBetween and addDays', () => {
  it('count calendar days without drifting over month ends', () => {
    expect(daysBetween('2025-11-03', '2025-11-07')).toBe(4);
    expect(daysBetween('2025-11-07', '2025-11-03')).toBe(-4);
    expect(addDays('2025-10-27', 24)).toBe('2025-11-20');
  });
});

describe('wholeYearsBetween', () => {
  it.each([
    ['1980-12-31', '2025-12-31', 45],
    ['1980-12-31', '2025-12-30', 44],
    ['2020-02-29', '2021-02-28', 0],
    ['2020-02-29', '2021-03-01', 1],
  ])('from %s to %s is %i whole years', (from, to, years) => {
    expect(wholeYearsBetween(from, to)).toBe(years);
  });
});
