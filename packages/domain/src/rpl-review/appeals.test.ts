import { describe, expect, it } from 'vitest';
import { appealWindow } from '#rpl-review/appeals.ts';

describe('appealWindow', () => {
  // A decree signed 31 January 20:00 WIB (13:00 UTC) is a 31 January decree in Jakarta.
  const decidedAt = new Date('2026-01-31T13:00:00Z');

  it.each([
    ['the decree day itself', '2026-01-31T14:00:00Z', { kind: 'open', lastDay: '2026-02-14', daysLeft: 14 }],
    ['across the month end', '2026-02-01T00:00:00Z', { kind: 'open', lastDay: '2026-02-14', daysLeft: 13 }],
    [
      'the last day, late evening WIB',
      '2026-02-14T16:59:59Z',
      { kind: 'open', lastDay: '2026-02-14', daysLeft: 0 },
    ],
    ['midnight WIB after the last day', '2026-02-14T17:00:00Z', { kind: 'closed', lastDay: '2026-02-14' }],
  ])('%s', (_, now, expected) => {
    expect(appealWindow({ decidedAt, days: 14, now: new Date(now) })).toEqual(expected);
  });

  it('reads the decree day in Jakarta, not in UTC', () => {
    // 1 March 06:00 WIB is still 28 February in UTC.
    const early = new Date('2026-02-28T23:00:00Z');
    expect(appealWindow({ decidedAt: early, days: 7, now: early })).toEqual({
      kind: 'open',
      lastDay: '2026-03-08',
      daysLeft: 7,
    });
  });

  it('with zero days, allows the decree day only', () => {
    expect(appealWindow({ decidedAt, days: 0, now: decidedAt }).kind).toBe('open');
    expect(appealWindow({ decidedAt, days: 0, now: new Date('2026-01-31T17:00:00Z') }).kind).toBe('closed');
  });
});
