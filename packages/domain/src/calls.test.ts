import { describe, expect, it } from 'vitest';
import {
  type CallSchedule,
  type CallStatus,
  callMachine,
  callStatuses,
  checkCallSchedule,
  planCallTransition,
} from '#calls.ts';
import { translateError } from '#messages.ts';

const base: CallSchedule = {
  mode: 'OFFLINE',
  venueName: 'Unggul Daihen Welding Technology Center',
  province: '32',
  startDate: '2026-12-07',
  endDate: '2026-12-11',
  applicationOpensAt: new Date('2026-11-01T00:00:00Z'),
  applicationClosesAt: new Date('2026-11-30T16:59:59Z'),
};

describe('checkCallSchedule', () => {
  it('accepts a consistent schedule', () => {
    expect(checkCallSchedule(base)).toEqual([]);
  });

  it.each<[string, Partial<CallSchedule>, string, string]>([
    ['end before start', { endDate: '2026-12-06' }, 'endDate', 'END_BEFORE_START'],
    [
      'window closing before it opens',
      { applicationClosesAt: new Date('2026-10-31T00:00:00Z') },
      'applicationClosesAt',
      'WINDOW_CLOSES_BEFORE_OPENS',
    ],
    [
      'window closing after training starts (WIB midnight)',
      { applicationClosesAt: new Date('2026-12-06T17:00:01Z') },
      'applicationClosesAt',
      'WINDOW_AFTER_TRAINING_START',
    ],
    ['offline without a venue', { venueName: '  ' }, 'venueName', 'VENUE_REQUIRED'],
    ['unknown province', { province: '99' }, 'province', 'UNKNOWN_PROVINCE'],
  ])('refuses %s', (_name, change, field, code) => {
    const issues = checkCallSchedule({ ...base, ...change });
    expect(issues).toContainEqual(expect.objectContaining({ path: [field], code }));
  });

  it('reads the training start in the venue time zone (Jayapura starts two hours before Jakarta)', () => {
    const closesAt = new Date('2026-12-06T16:00:00Z'); // 23:00 WIB, 01:00 WIT on the 7th
    expect(checkCallSchedule({ ...base, applicationClosesAt: closesAt })).toEqual([]);
    const papua = { ...base, province: '91', applicationClosesAt: closesAt };
    expect(checkCallSchedule(papua).map((issue) => issue.code)).toEqual(['WINDOW_AFTER_TRAINING_START']);
  });

  it('lets an online call go without a venue', () => {
    expect(checkCallSchedule({ ...base, mode: 'ONLINE', venueName: null })).toEqual([]);
  });
});

describe('planCallTransition', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  const call = { province: '32', applicationClosesAt: new Date('2026-11-30T00:00:00Z') };

  it.each([
    ['DRAFT', 'publish', 'OPEN'],
    ['OPEN', 'close', 'CLOSED'],
    ['DRAFT', 'cancel', 'CANCELLED'],
    ['OPEN', 'cancel', 'CANCELLED'],
    ['CLOSED', 'cancel', 'CANCELLED'],
    ['DRAFT', 'update', 'DRAFT'],
    ['OPEN', 'update', 'OPEN'],
    ['OPEN', 'startTraining', 'IN_TRAINING'],
    ['CLOSED', 'startTraining', 'IN_TRAINING'],
    ['IN_TRAINING', 'complete', 'COMPLETED'],
    ['CLOSED', 'complete', 'COMPLETED'],
  ] as const)('%s --%s--> %s', (status, action, to) => {
    expect(planCallTransition({ ...call, status }, action, now)).toEqual({ kind: 'allowed', to });
  });

  it.each([
    ['OPEN', 'publish', 'INVALID_TRANSITION'],
    ['DRAFT', 'close', 'INVALID_TRANSITION'],
    ['CANCELLED', 'cancel', 'INVALID_TRANSITION'],
    ['COMPLETED', 'cancel', 'INVALID_TRANSITION'],
    ['CLOSED', 'update', 'CALL_NOT_EDITABLE'],
    ['CANCELLED', 'update', 'CALL_NOT_EDITABLE'],
    ['IN_TRAINING', 'cancel', 'INVALID_TRANSITION'],
    ['IN_TRAINING', 'startTraining', 'INVALID_TRANSITION'],
    ['DRAFT', 'startTraining', 'INVALID_TRANSITION'],
    ['DRAFT', 'complete', 'INVALID_TRANSITION'],
    ['CANCELLED', 'complete', 'INVALID_TRANSITION'],
    ['COMPLETED', 'complete', 'INVALID_TRANSITION'],
  ] as const)('refuses %s --%s-- with %s', (status, action, code) => {
    expect(planCallTransition({ ...call, status }, action, now)).toMatchObject({ kind: 'refused', code });
  });

  it('refuses to publish a call whose window has already closed', () => {
    const stale = {
      ...call,
      status: 'DRAFT' as const,
      applicationClosesAt: new Date('2026-11-22T00:00:00Z'),
    };
    expect(planCallTransition(stale, 'publish', now)).toMatchObject({
      kind: 'refused',
      code: 'WINDOW_CLOSED',
    });
  });
});

describe('callMachine', () => {
  // The whole table, read from each status: `action>TO` for every move allowed out of it.
  const moves: [CallStatus, string[]][] = [
    ['DRAFT', ['publish>OPEN', 'cancel>CANCELLED']],
    ['OPEN', ['close>CLOSED', 'cancel>CANCELLED', 'startTraining>IN_TRAINING', 'complete>COMPLETED']],
    ['CLOSED', ['cancel>CANCELLED', 'startTraining>IN_TRAINING', 'complete>COMPLETED']],
    ['IN_TRAINING', ['complete>COMPLETED']],
    ['COMPLETED', []],
    ['CANCELLED', []],
  ];

  it('lists every status once', () => {
    expect(moves.map(([status]) => status).sort()).toEqual([...callStatuses].sort());
  });

  it.each(moves)('moves out of %s only by %j', (status, expected) => {
    expect(callMachine.movesFrom(status).map(({ action, to }) => `${action}>${to}`)).toEqual(expected);
  });

  it('names the status and the action when it refuses', () => {
    const plan = callMachine.plan('COMPLETED', 'startTraining');
    if (plan.kind !== 'refused') throw new Error('expected refusal');
    expect(translateError(plan.code, 'id', plan.params)).toBe(
      'Lowongan berstatus Selesai tidak dapat dimulai pelatihannya.',
    );
  });
});
