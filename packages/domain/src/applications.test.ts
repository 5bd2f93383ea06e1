import { describe, expect, it } from 'vitest';
import {
  type ApplicationStatus,
  countCharacters,
  decideApply,
  decideEndorsementUndo,
  decideWithdraw,
} from '#applications.ts';

const call = {
  status: 'OPEN' as const,
  province: '33',
  applicationOpensAt: new Date('2026-11-01T00:00:00Z'),
  applicationClosesAt: new Date('2026-11-30T00:00:00Z'),
};
const now = new Date('2026-11-23T00:00:00Z');

describe('decideApply', () => {
  it('creates a first application while the window is open', () => {
    expect(decideApply({ call, existing: null, now })).toEqual({ kind: 'create' });
  });

  it.each([
    ['a call that is not open', { ...call, status: 'DRAFT' as const }, now, 'CALL_NOT_OPEN'],
    ['before the window opens', call, new Date('2026-10-31T23:59:59Z'), 'WINDOW_NOT_STARTED'],
    ['at the closing instant', call, new Date('2026-11-30T00:00:00Z'), 'WINDOW_CLOSED'],
  ])('refuses %s', (_name, target, at, code) => {
    expect(decideApply({ call: target, existing: null, now: at })).toMatchObject({ kind: 'refused', code });
  });

  it('refuses a second application', () => {
    const existing = { id: 'a1', status: 'SUBMITTED' as const };
    expect(decideApply({ call, existing, now })).toEqual({ kind: 'refused', code: 'ALREADY_APPLIED' });
  });

  it('resubmits a withdrawn application instead of creating another', () => {
    const existing = { id: 'a1', status: 'WITHDRAWN' as const };
    expect(decideApply({ call, existing, now })).toEqual({ kind: 'resubmit', applicationId: 'a1' });
  });
});

describe('decideWithdraw', () => {
  const trainingStartsAt = new Date('2026-12-01T00:00:00+07:00');
  const before = new Date('2026-11-30T23:59:59+07:00');
  it.each([
    ['t1', 'SUBMITTED', before, { kind: 'allowed' }],
    ['t2', 'SUBMITTED', before, { kind: 'refused', code: 'NOT_YOUR_APPLICATION' }],
    ['t1', 'WITHDRAWN', before, { kind: 'refused', code: 'ALREADY_WITHDRAWN' }],
    ['t1', 'CONFIRMED', trainingStartsAt, { kind: 'refused', code: 'TRAINING_STARTED' }],
  ] as const)('actor %s on a %s application at %s', (actorId, status, now, expected) => {
    expect(
      decideWithdraw({ application: { teacherId: 't1', status }, actorId, trainingStartsAt, now }),
    ).toEqual(expected);
  });
});

describe('countCharacters', () => {
  it('counts what a reader sees, not UTF-16 units, and ignores outer spaces', () => {
    expect(countCharacters('  Guru 👩‍🏫 ')).toBe(8);
    expect(countCharacters('é')).toBe(1);
  });
});

describe('decideEndorsementUndo', () => {
  const deadline = new Date('2026-12-07T17:00:00Z');
  const undo = (
    status: ApplicationStatus,
    {
      now = new Date('2026-12-05T00:00:00Z'),
      principalSchoolId = 'school-a' as string | null,
      isSelectionCommitted = false,
    } = {},
  ) =>
    decideEndorsementUndo({
      application: { status, schoolId: 'school-a' },
      principalSchoolId,
      isSelectionCommitted,
      deadline,
      timeZone: 'Asia/Jakarta',
      now,
    });

  it.each([['ENDORSED'], ['NOT_ENDORSED']] as const)('takes back %s before the deadline', (status) => {
    expect(undo(status)).toEqual({ kind: 'allowed' });
  });

  it.each([
    ['SUBMITTED', 'NO_ENDORSEMENT_DECISION'],
    ['ACCEPTED', 'ENDORSEMENT_ACTED_ON'],
    ['WAITLISTED', 'ENDORSEMENT_ACTED_ON'],
    ['REJECTED', 'ENDORSEMENT_ACTED_ON'],
    ['ENDORSEMENT_EXPIRED', 'ENDORSEMENT_ACTED_ON'],
    ['WITHDRAWN', 'ENDORSEMENT_ACTED_ON'],
  ] as const)('refuses an application %s (%s)', (status, code) => {
    expect(undo(status)).toMatchObject({ kind: 'refused', code });
  });

  it('refuses at and after the deadline, naming it', () => {
    expect(undo('ENDORSED', { now: deadline })).toEqual({
      kind: 'refused',
      code: 'ENDORSEMENT_UNDO_CLOSED',
      params: { deadline: { instant: deadline.toISOString(), timeZone: 'Asia/Jakarta' } },
    });
  });

  it("refuses once the call's selection is committed, and another school's principal", () => {
    expect(undo('NOT_ENDORSED', { isSelectionCommitted: true })).toMatchObject({
      code: 'SELECTION_COMMITTED',
    });
    expect(undo('ENDORSED', { principalSchoolId: 'school-b' })).toMatchObject({ code: 'NOT_YOUR_SCHOOL' });
    expect(undo('ENDORSED', { principalSchoolId: null })).toMatchObject({ code: 'NOT_YOUR_SCHOOL' });
  });
});
