import { describe, expect, it } from 'vitest';
import {
  checkScores,
  defaultRubric,
  isFullyReviewed,
  meanTotal,
  measureDisagreement,
  type Rubric,
  rankByDisagreement,
  reviewSpread,
  type Scores,
  scoreLevel,
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

describe('measureDisagreement', () => {
  /** A review as the API stores it: the scores and the total worked out from them. */
  const review = (rubric: Rubric, scores: Scores) => ({ scores, total: weightedTotal(rubric, scores) });
  const three = (m: number, r: number, e: number) =>
    review(defaultRubric, { motivation: m, relevance: r, experience: e });
  /** A 0-20 criterion beside a 1-5 one: gaps compare as shares of each scale. */
  const mixed: Rubric = [
    { key: 'plan', nameId: 'Rencana', nameEn: 'Plan', weight: 1, maxScore: 20 },
    { key: 'fit', nameId: 'Kecocokan', nameEn: 'Fit', weight: 1, maxScore: 5 },
  ];

  it.each([
    ['no review', defaultRubric, [], { reviewCount: 0, spread: 0, widestGap: null, disagrees: false }],
    [
      'one review: nothing to disagree on',
      defaultRubric,
      [three(5, 1, 1)],
      { reviewCount: 1, spread: 0, lowTotal: 6_000, highTotal: 6_000, widestGap: null, disagrees: false },
    ],
    [
      'identical scores',
      defaultRubric,
      [three(4, 4, 4), three(4, 4, 4)],
      {
        spread: 0,
        widestGap: { key: 'motivation', low: 4, high: 4, maxScore: 5, gap: 0 },
        splitOnCriterion: false,
      },
    ],
    [
      '20 points apart exactly: not yet a disagreement (Rudi, demo data)',
      defaultRubric,
      [three(4, 3, 3), three(2, 3, 3)],
      {
        spread: 2_000,
        lowTotal: 5_000,
        highTotal: 7_000,
        widestGap: { key: 'motivation', low: 2, high: 4, maxScore: 5, gap: 4_000 },
        disagrees: false,
        splitOnCriterion: false,
      },
    ],
    [
      'far apart on totals and on motivation (Yohanes, demo data)',
      defaultRubric,
      [three(5, 3, 2), three(1, 2, 2)],
      {
        spread: 4_667,
        lowTotal: 3_000,
        highTotal: 7_667,
        widestGap: { key: 'motivation', low: 1, high: 5, maxScore: 5, gap: 8_000 },
        disagrees: true,
        splitOnCriterion: true,
      },
    ],
    [
      'same total, opposite criteria: split on a criterion, not on the rank',
      mixed,
      [review(mixed, { plan: 20, fit: 1 }), review(mixed, { plan: 4, fit: 5 })],
      {
        spread: 0,
        widestGap: { key: 'plan', low: 4, high: 20, maxScore: 20, gap: 8_000 },
        disagrees: false,
        splitOnCriterion: true,
      },
    ],
    [
      'a gap of 4 on a 0-20 scale is smaller than 2 on a 1-5 scale',
      mixed,
      [review(mixed, { plan: 10, fit: 3 }), review(mixed, { plan: 14, fit: 5 })],
      { widestGap: { key: 'fit', low: 3, high: 5, maxScore: 5, gap: 4_000 } },
    ],
    [
      'three reviewers: the extremes count',
      defaultRubric,
      [three(3, 3, 3), three(5, 5, 5), three(1, 3, 3)],
      { reviewCount: 3, spread: 6_000, lowTotal: 4_000, highTotal: 10_000, disagrees: true },
    ],
    [
      'a criterion added after scoring (one score only) is left out',
      [...defaultRubric, { key: 'new', nameId: 'Baru', nameEn: 'New', weight: 1, maxScore: 5 }],
      [
        { total: 6_000, scores: { motivation: 3, relevance: 3, experience: 3, new: 5 } },
        { total: 6_000, scores: { motivation: 3, relevance: 3, experience: 3 } },
      ],
      { spread: 0, widestGap: { key: 'motivation', low: 3, high: 3, maxScore: 5, gap: 0 } },
    ],
  ] as const)('%s', (_case, rubric, reviews, expected) => {
    expect(measureDisagreement(rubric, reviews)).toMatchObject(expected);
  });
});

describe('rankByDisagreement', () => {
  const entry = (name: string, spread: number, gap: number | null, reviewCount = 2) => ({
    name,
    disagreement: {
      reviewCount,
      spread,
      lowTotal: 0,
      highTotal: spread,
      widestGap: gap === null ? null : { key: 'k', low: 0, high: 1, maxScore: 5, gap },
      disagrees: spread > 2_000,
      splitOnCriterion: gap !== null && gap >= 5_000,
    },
  });

  it('puts the widest spread first, breaks ties by the widest criterion gap, and skips single reviews', () => {
    const ranked = rankByDisagreement([
      entry('agree', 0, 0),
      entry('single', 9_000, 9_000, 1),
      entry('tie-small-gap', 3_000, 2_000),
      entry('widest', 4_667, 8_000),
      entry('tie-big-gap', 3_000, 6_000),
    ]);
    expect(ranked.map((item) => item.name)).toEqual(['widest', 'tie-big-gap', 'tie-small-gap', 'agree']);
  });
});

describe('scoreLevel', () => {
  const criterion = {
    ...defaultRubric[0]!,
    levels: [
      { score: 1, descriptionId: 'Tanpa rencana', descriptionEn: 'No plan' },
      { score: 5, descriptionId: 'Rencana rinci', descriptionEn: 'Detailed plan' },
    ],
  };

  it.each([
    [5, 'Rencana rinci'],
    [1, 'Tanpa rencana'],
    [3, null],
    [null, null],
  ])('finds the descriptor of score %s', (score, expected) => {
    expect(scoreLevel(criterion, score)?.descriptionId ?? null).toBe(expected);
  });

  it('finds nothing on a rubric written before descriptors existed', () => {
    expect(scoreLevel(defaultRubric[0]!, 5)).toBeNull();
  });
});
