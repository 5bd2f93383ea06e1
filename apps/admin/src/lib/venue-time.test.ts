import { describe, expect, it } from 'vitest';
import { instantToWallClock, wallClockToInstant, zoneAbbreviation } from '#lib/venue-time.ts';

describe('wallClockToInstant', () => {
  it.each([
    // zone, wall clock at the venue, instant in UTC
    ['Asia/Jakarta', '2025-10-10 23:59:00', '2025-10-10T16:59:00.000Z'],
    ['Asia/Makassar', '2025-10-10 23:59:00', '2025-10-10T15:59:00.000Z'],
    ['Asia/Jayapura', '2025-10-10 23:59:00', '2025-10-10T14:59:00.000Z'],
    ['Asia/Jakarta', '2026-01-01 00:00:00', '2025-12-31T17:00:00.000Z'],
    ['Asia/Makassar', '2026-03-01 07:30:00', '2026-02-28T23:30:00.000Z'],
    ['Asia/Jayapura', '2024-02-29 08:00:00', '2024-02-28T23:00:00.000Z'],
    ['Asia/Jakarta', '2025-09-01 00:00', '2025-08-31T17:00:00.000Z'],
    ['Asia/Jakarta', '2025-09-01T06:15:00', '2025-08-31T23:15:00.000Z'],
  ])('reads %s %s as %s', (zone, wallClock, instant) => {
    expect(wallClockToInstant(wallClock, zone)).toBe(instant);
  });

  it('does not depend on the browser time zone', () => {
    // The same wall clock read in the three zones is three different instants, an hour apart.
    const [wib, wita, wit] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].map((zone) =>
      Date.parse(wallClockToInstant('2025-11-02 12:00:00', zone) ?? ''),
    ) as [number, number, number];
    expect(wib - wita).toBe(3_600_000);
    expect(wita - wit).toBe(3_600_000);
  });

  it('handles zones with daylight saving on both sides of a change', () => {
    expect(wallClockToInstant('2025-03-29 12:00:00', 'Europe/Amsterdam')).toBe('2025-03-29T11:00:00.000Z');
    expect(wallClockToInstant('2025-03-31 12:00:00', 'Europe/Amsterdam')).toBe('2025-03-31T10:00:00.000Z');
  });

  it.each(['', '2025-02-30 10:00:00', '2025-13-01 10:00:00', '2025-01-01 24:00:00', '2025-01-01', 'besok'])(
    'refuses %j',
    (value) => {
      expect(wallClockToInstant(value, 'Asia/Jakarta')).toBeNull();
    },
  );
});

describe('instantToWallClock', () => {
  it.each([
    ['2025-10-10T16:59:00.000Z', 'Asia/Jakarta', '2025-10-10 23:59:00'],
    ['2025-10-10T16:59:00.000Z', 'Asia/Makassar', '2025-10-11 00:59:00'],
    ['2025-10-10T16:59:00.000Z', 'Asia/Jayapura', '2025-10-11 01:59:00'],
    ['2025-12-31T17:00:00Z', 'Asia/Jakarta', '2026-01-01 00:00:00'],
  ])('shows %s in %s as %s', (instant, zone, wallClock) => {
    expect(instantToWallClock(instant, zone)).toBe(wallClock);
  });

  it.each(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])(
    'round-trips with wallClockToInstant in %s',
    (zone) => {
      const wallClock = '2026-07-15 09:45:00';
      const instant = wallClockToInstant(wallClock, zone);
      expect(instant).not.toBeNull();
      expect(instantToWallClock(instant ?? '', zone)).toBe(wallClock);
    },
  );
});

describe('zoneAbbreviation', () => {
  it.each([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
  ])('names %s %s', (zone, name) => {
    expect(zoneAbbreviation(zone)).toBe(name);
  });
});
