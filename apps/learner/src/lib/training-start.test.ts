import { describe, expect, it } from 'vitest';
import { hasTrainingStarted } from '#lib/training-start.ts';

describe('hasTrainingStarted', () => {
  it.each([
    ['the last second before midnight in WIB', 'Asia/Jakarta', '2026-11-18T16:59:59Z', false],
    ['midnight of the first day in WIB', 'Asia/Jakarta', '2026-11-18T17:00:00Z', true],
    ['the last second before midnight in WITA', 'Asia/Makassar', '2026-11-18T15:59:59Z', false],
    ['midnight of the first day in WITA', 'Asia/Makassar', '2026-11-18T16:00:00Z', true],
    ['midnight of the first day in WIT', 'Asia/Jayapura', '2026-11-18T15:00:00Z', true],
  ])('reads %s on the venue’s calendar', (_case, timeZone, now, started) => {
    const call = { status: 'CLOSED' as const, startDate: '2026-11-19', timeZone };
    expect(hasTrainingStarted(call, new Date(now))).toBe(started);
  });

  it.each(['IN_TRAINING', 'COMPLETED'] as const)('holds for a call already %s', (status) => {
    const call = { status, startDate: '2026-11-19', timeZone: 'Asia/Jakarta' };
    expect(hasTrainingStarted(call, new Date('2026-11-01T00:00:00Z'))).toBe(true);
  });
});
