import type { FieldIssue } from '#calls.ts';

/** One criterion of a call's scoring rubric. Scores are whole numbers from 0 to `maxScore`. */
export type RubricCriterion = {
  key: string;
  nameId: string;
  nameEn: string;
  /** Relative weight; weights need not add up to anything. */
  weight: number;
  maxScore: number;
};

export type Rubric = readonly RubricCriterion[];

/** A reviewer's scores, by criterion key. */
export type Scores = Readonly<Record<string, number>>;

/**
 * The weighted total on a 0-100 scale, in hundredths of a point (an integer, so ranking never
 * depends on floating-point rounding): sum(weight x score / max) / sum(weight) x 100.
 */
export function weightedTotal(rubric: Rubric, scores: Scores): number {
  const totalWeight = rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (totalWeight === 0) return 0;
  const fraction = rubric.reduce(
    (sum, criterion) => sum + (criterion.weight * (scores[criterion.key] ?? 0)) / criterion.maxScore,
    0,
  );
  return Math.round((fraction / totalWeight) * 10_000);
}

/** Mean of the reviewers' totals (hundredths), rounded half up; null without reviews. */
export function meanTotal(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  return Math.round(totals.reduce((sum, total) => sum + total, 0) / totals.length);
}

/**
 * An application is fully reviewed once every reviewer assigned to its call has scored it; while
 * nobody is assigned, none is (selection never runs on no one's judgement).
 */
export function isFullyReviewed(
  reviews: readonly { reviewerId: string }[],
  reviewerIds: readonly string[],
): boolean {
  return (
    reviewerIds.length > 0 && reviewerIds.every((id) => reviews.some((review) => review.reviewerId === id))
  );
}

/** Reviewers disagree when their totals lie further apart than this (hundredths: 20 points). */
export const DISAGREEMENT_THRESHOLD = 2_000;

/** Spread between the highest and lowest total (hundredths), and whether it needs a look. */
export function reviewSpread(totals: readonly number[]): { spread: number; disagrees: boolean } {
  if (totals.length < 2) return { spread: 0, disagrees: false };
  const spread = Math.max(...totals) - Math.min(...totals);
  return { spread, disagrees: spread > DISAGREEMENT_THRESHOLD };
}

/** Every score present, whole, and within its criterion's range; issues point at the criterion. */
export function checkScores(rubric: Rubric, scores: Scores): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const criterion of rubric) {
    const value = scores[criterion.key];
    const path = ['scores', criterion.key];
    if (value === undefined || value === null) issues.push({ path, code: 'REQUIRED' });
    else if (!Number.isInteger(value)) issues.push({ path, code: 'NOT_INTEGER' });
    else if (value < 0) issues.push({ path, code: 'TOO_SMALL', params: { min: 0 } });
    else if (value > criterion.maxScore)
      issues.push({ path, code: 'TOO_LARGE', params: { max: criterion.maxScore } });
  }
  for (const key of Object.keys(scores)) {
    if (!rubric.some((criterion) => criterion.key === key))
      issues.push({ path: ['scores', key], code: 'UNKNOWN_CRITERION' });
  }
  return issues;
}

/** A sensible default rubric for a call, which the program manager can change. */
export const defaultRubric: Rubric = [
  {
    key: 'motivation',
    nameId: 'Motivasi dan rencana pengimbasan',
    nameEn: 'Motivation and cascading plan',
    weight: 3,
    maxScore: 5,
  },
  {
    key: 'relevance',
    nameId: 'Relevansi dengan bidang ajar',
    nameEn: 'Relevance to subject taught',
    weight: 2,
    maxScore: 5,
  },
  {
    key: 'experience',
    nameId: 'Pengalaman dan kesiapan',
    nameEn: 'Experience and readiness',
    weight: 1,
    maxScore: 5,
  },
];
