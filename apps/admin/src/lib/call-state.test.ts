import { describe, expect, it } from 'vitest';
import { callStateOf } from '#lib/call-state.ts';

// 12.00 WIB, 13.00 WITA and 14.00 WIT on 24 November 2026.
const now = new Date('2026-11-24T05:00:00Z');
const before = '2026-11-24T04:59:00Z';
const after = '2026-12-01T16:59:00Z';
const jakarta = 'Asia/Jakarta';

describe('callStateOf', () => {
  it.each([
    ['OPEN', after, 'OPEN'],
    ['OPEN', before, 'APPLICATIONS_CLOSED'],
    ['OPEN', '2026-11-24T05:00:00Z', 'APPLICATIONS_CLOSED'],
    ['DRAFT', before, 'DRAFT'],
    ['CLOSED', before, 'CLOSED'],
    ['CANCELLED', after, 'CANCELLED'],
  ] as const)('reads a %s call closing %s as %s', (status, applicationClosesAt, state) => {
    expect(callStateOf({ status, applicationClosesAt, endDate: '2026-12-18', timeZone: jakarta }, now)).toBe(
      state,
    );
  });

  it.each([
    ['IN_TRAINING', '2026-11-25', jakarta, 'IN_TRAINING'],
    ['IN_TRAINING', '2026-11-24', jakarta, 'IN_TRAINING'],
    ['IN_TRAINING', '2026-11-23', jakarta, 'AWAITING_RESULTS'],
    ['IN_TRAINING', '2026-11-01', 'Asia/Jayapura', 'AWAITING_RESULTS'],
    ['COMPLETED', '2026-11-23', jakarta, 'COMPLETED'],
    ['CLOSED', '2026-11-23', jakarta, 'CLOSED'],
  ] as const)('reads a %s call whose training ends %s (%s) as %s', (status, endDate, timeZone, state) => {
    expect(callStateOf({ status, applicationClosesAt: before, endDate, timeZone }, now)).toBe(state);
  });

  it("judges the last training day on the venue's clock", () => {
    // 23.30 WIB on 23 November is already 24 November in Jayapura (01.30 WIT).
    const lateEvening = new Date('2026-11-23T16:30:00Z');
    const call = { status: 'IN_TRAINING', applicationClosesAt: before, endDate: '2026-11-23' } as const;
    expect(callStateOf({ ...call, timeZone: jakarta }, lateEvening)).toBe('IN_TRAINING');
    expect(callStateOf({ ...call, timeZone: 'Asia/Jayapura' }, lateEvening)).toBe('AWAITING_RESULTS');
  });
});
