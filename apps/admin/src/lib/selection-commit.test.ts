import { describe, expect, it } from 'vitest';
import { countOutcomes, planCommit } from '#lib/selection-commit.ts';

const closed = {
  status: 'OPEN' as const,
  selectionMode: 'REVIEWED' as const,
  selectionCommittedAt: null,
  applicationClosesAt: '2026-11-21T16:59:00.000Z',
  reviewers: 2,
};
const now = new Date('2026-11-23T10:00:00.000Z');

describe('countOutcomes', () => {
  it('counts each kind of outcome', () => {
    expect(
      countOutcomes([
        { kind: 'accepted' },
        { kind: 'accepted' },
        { kind: 'waitlisted' },
        { kind: 'rejected' },
      ]),
    ).toEqual({ accepted: 2, waitlisted: 1, rejected: 1, pending: 0 });
  });
});

describe('planCommit', () => {
  it('allows a reviewed call whose applications closed and are all scored', () => {
    expect(planCommit(closed, 0, now)).toEqual({ kind: 'allowed' });
    expect(planCommit({ ...closed, status: 'CLOSED' }, 0, now)).toEqual({ kind: 'allowed' });
  });

  it.each([
    ['a first-come call', { ...closed, selectionMode: 'FIRST_COME' as const }, 0, 'NOT_REVIEWED_CALL'],
    [
      'a committed call',
      { ...closed, selectionCommittedAt: '2026-11-22T00:00:00Z' },
      0,
      'SELECTION_COMMITTED',
    ],
    ['a draft', { ...closed, status: 'DRAFT' as const }, 0, 'INVALID_TRANSITION'],
    [
      'a call still open',
      { ...closed, applicationClosesAt: '2026-11-30T16:59:00.000Z' },
      0,
      'SELECTION_TOO_EARLY',
    ],
    ['a call without reviewers', { ...closed, reviewers: 0 }, 0, 'NO_REVIEWERS'],
    ['unscored applications', closed, 2, 'REVIEWS_INCOMPLETE'],
  ])('refuses %s', (_case, call, pending, code) => {
    expect(planCommit(call, pending, now)).toMatchObject({ kind: 'refused', code });
  });

  it('says how many applications still wait for scores', () => {
    expect(planCommit(closed, 3, now)).toEqual({
      kind: 'refused',
      code: 'REVIEWS_INCOMPLETE',
      params: { count: 3 },
    });
  });

  it('lets a closed call be committed even before its window would have ended', () => {
    expect(
      planCommit({ ...closed, status: 'CLOSED', applicationClosesAt: '2026-11-30T16:59:00.000Z' }, 0, now),
    ).toEqual({
      kind: 'allowed',
    });
  });
});
