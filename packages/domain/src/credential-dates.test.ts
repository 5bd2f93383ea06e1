import { describe, expect, it } from 'vitest';
import { addCalendarMonths, credentialDates, readCredentialDates, yearMonthAt } from '#credential-dates.ts';

describe('credentialDates', () => {
  it('dates a credential from its award, not from when it is signed', () => {
    // The demo training: results approved 14 November 2025, 10.00 WIB; 36 months' validity.
    const dates = credentialDates({ awardedAt: new Date('2025-11-14T03:00:00Z'), validityMonths: 36 });
    expect(dates).toEqual({
      awardedDate: new Date('2025-11-14T03:00:00Z'),
      validFrom: new Date('2025-11-14T03:00:00Z'),
      validUntil: new Date('2028-11-14T03:00:00Z'),
    });
  });

  it('gives no end of validity when the achievement has none', () => {
    const dates = credentialDates({ awardedAt: new Date('2025-11-14T03:00:00Z'), validityMonths: null });
    expect(dates.validUntil).toBeNull();
  });
});

describe('addCalendarMonths', () => {
  it.each([
    ['2025-11-14T03:00:00.000Z', 36, '2028-11-14T03:00:00.000Z'],
    ['2025-01-31T03:00:00.000Z', 1, '2025-02-28T03:00:00.000Z'],
    ['2024-01-31T03:00:00.000Z', 1, '2024-02-29T03:00:00.000Z'],
    ['2024-02-29T03:00:00.000Z', 12, '2025-02-28T03:00:00.000Z'],
    ['2025-12-15T17:00:00.000Z', 1, '2026-01-15T17:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addCalendarMonths(new Date(from), months).toISOString()).toBe(expected);
  });
});

describe('readCredentialDates', () => {
  it('reads a credential signed before the rule as it was signed', () => {
    // Signed 2 December 2026 by the queue; its validity was counted from the signing.
    const document = {
      awardedDate: '2025-11-14T03:00:00Z',
      validFrom: '2026-12-02T05:00:00Z',
      validUntil: '2029-12-02T05:00:00Z',
    };
    expect(readCredentialDates(document)).toEqual({
      awarded: '2025-11-14T03:00:00Z',
      validFrom: '2026-12-02T05:00:00Z',
      validUntil: '2029-12-02T05:00:00Z',
    });
  });

  it('takes validFrom as the award when the credential has no awardedDate', () => {
    expect(readCredentialDates({ validFrom: '2025-11-14T03:00:00Z' })).toEqual({
      awarded: '2025-11-14T03:00:00Z',
      validFrom: '2025-11-14T03:00:00Z',
      validUntil: null,
    });
  });

  it.each([[null], ['text'], [{}], [{ validFrom: 'yesterday' }]])('reads nothing from %j', (document) => {
    expect(readCredentialDates(document)).toBeNull();
  });
});

describe('yearMonthAt', () => {
  it('reads the month on the calendar of the zone, not of UTC', () => {
    // 1 December 2025, 05.00 WIB is still 30 November in UTC.
    expect(yearMonthAt('2025-11-30T22:00:00Z', 'Asia/Jakarta')).toEqual({ year: 2025, month: 12 });
    expect(yearMonthAt('2025-11-30T22:00:00Z', 'UTC')).toEqual({ year: 2025, month: 11 });
  });
});
