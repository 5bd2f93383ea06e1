import { describe, expect, it } from 'vitest';
import { countCharacters, decideApply, decideWithdraw } from '#applications.ts';

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
