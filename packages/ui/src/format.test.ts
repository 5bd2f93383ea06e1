import { describe, expect, it } from 'vitest';
import { formatDateRange, formatInstant, formatLocalDate } from '#format.ts';

describe('formatLocalDate', () => {
  it('writes dates in Indonesian by default and never shifts them', () => {
    expect(formatLocalDate('2025-11-03', 'id')).toBe('3 November 2025');
    expect(formatLocalDate('2025-11-03', 'en')).toBe('3 November 2025');
    expect(formatLocalDate('2025-12-01', 'id')).toBe('1 Desember 2025');
  });
});

describe('formatDateRange', () => {
  it('shares the month and year when it can', () => {
    expect(formatDateRange('2025-11-03', '2025-11-07', 'id')).toBe('3–7 November 2025');
    expect(formatDateRange('2025-10-27', '2025-11-20', 'id')).toBe('27 Oktober\u2009–\u200920 November 2025');
  });
});

describe('formatInstant', () => {
  it('names the zone the instant is shown in', () => {
    const instant = '2026-11-30T16:59:00Z';
    expect(formatInstant(instant, 'id', 'Asia/Jakarta')).toBe('30 November 2026 pukul 23.59 WIB');
    expect(formatInstant(instant, 'id', 'Asia/Jayapura')).toBe('1 Desember 2026 pukul 01.59 WIT');
  });
});
