import { describe, expect, it } from 'vitest';
import { reviewStageOf } from '#lib/review-work.ts';

const now = new Date('2026-11-24T05:00:00Z');
const past = '2026-11-22T16:59:00Z';
const future = '2026-12-15T16:59:00Z';

describe('reviewStageOf', () => {
  it.each([
    ['OPEN', future, null, 2, 1, 'open'],
    ['OPEN', future, null, 0, 0, 'open'],
    ['OPEN', past, null, 0, 0, 'waiting'],
    ['OPEN', past, null, 6, 4, 'ready'],
    ['OPEN', past, null, 6, 6, 'complete'],
    ['CLOSED', future, null, 3, 3, 'complete'],
    ['CLOSED', past, null, 3, 0, 'ready'],
    ['IN_TRAINING', past, '2026-11-23T02:00:00Z', 6, 6, 'committed'],
    ['OPEN', past, '2026-11-23T02:00:00Z', 6, 2, 'committed'],
  ] as const)(
    'reads a %s call closing %s (committed %s) with %i endorsed, %i fully scored, as %s',
    (status, applicationClosesAt, selectionCommittedAt, endorsed, complete, stage) => {
      expect(
        reviewStageOf(
          { status, applicationClosesAt, selectionCommittedAt, reviewProgress: { endorsed, complete } },
          now,
        ),
      ).toBe(stage);
    },
  );

  it('counts the closing instant itself as closed', () => {
    const call = { status: 'OPEN', selectionCommittedAt: null, reviewProgress: { endorsed: 1, complete: 0 } };
    expect(reviewStageOf({ ...call, applicationClosesAt: now.toISOString() }, now)).toBe('ready');
  });
});
