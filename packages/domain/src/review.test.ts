import { describe, expect, it } from 'vitest';
import {
  checkScores,
  defaultRubric,
  isFullyReviewed,
  meanTotal,
  reviewSpread,
  weightedTotal,
} from '#review.ts';

describe('weightedTotal', () => {
  it.each([
    [{ motivation: 5, relevance: 5, experience: 5 }, 10_000],
    [{ motivation: 0, relevance: 0, experience: 0 }, 0],
    [{ motivation: 4, relevance: 3, experience: 5 }, 7_667],
  ])('scores %o as %i hundredths', (scores, total) => {
    expect(weightedTotal(defaultRubric, scores)).toBe(total);
  });
});

describe('meanTotal and reviewSpread', () => {
  it('averages reviewers and flags a spread wider than 20 points', () => {
    expect(meanTotal([7_000, 8_001])).toBe(7_501);
    expect(meanTotal([])).toBeNull();
    expect(reviewSpread([6_000, 8_000])).toEqual({ spread: 2_000, disagrees: false });
    expect(reviewSpread([5_000, 8_000])).toEqual({ spread: 3_000, disagrees: true });
  });
});

describe('checkScores', () => {
  it('points at each bad criterion', () => {
    expect(checkScores(defaultRubric, { motivation: 6, relevance: 2.5, extra: 1 })).toEqual([
      { path: ['scores', 'motivation'], code: 'TOO_LARGE', params: { max: 5 } },
      { path: ['scores', 'relevance'], code: 'NOT_INTEGER' },
      { path: ['scores', 'experience'], code: 'REQUIRED' },
      { path: ['scores', 'extra'], code: 'UNKNOWN_CRITERION' },
    ]);
  });
});

describe('isFullyReviewed', () => {
  const by = (...reviewerIds: string[]) => reviewerIds.map((reviewerId) => ({ reviewerId }));
  it.each([
    ['every reviewer scored', by('r1', 'r2'), ['r1', 'r2'], true],
    ['extra scores from a reviewer since unassigned', by('r1', 'r2', 'r3'), ['r1', 'r2'], true],
    ['one reviewer still to score', by('r1'), ['r1', 'r2'], false],
    ['nobody scored', by(), ['r1'], false],
    ['no reviewer assigned', by('r1'), [], false],
  ])('%s: %s', (_case, reviews, reviewerIds, expected) => {
    expect(isFullyReviewed(reviews, reviewerIds)).toBe(expected);
  });
});
