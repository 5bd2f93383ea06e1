import type { FieldIssue } from '#calls.ts';

/**
 * What one score of a criterion means, written by the program manager for the reviewers
 * ("4: a concrete cascading plan for colleagues at their school"), in both languages.
 */
export type ScoreLevel = { score: number; descriptionId: string; descriptionEn: string };

/** One criterion of a call's scoring rubric. Scores are whole numbers from 0 to `maxScore`. */
export type RubricCriterion = {
  key: string;
  nameId: string;
  nameEn: string;
  /** Relative weight; weights need not add up to anything. */
  weight: number;
  maxScore: number;
  /**
   * Descriptors of score levels, lowest score first; any subset of 0..maxScore (a rubric written
   * before descriptors existed has none).
   */
  levels?: readonly ScoreLevel[];
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

/** The descriptor of one score of a criterion, if the manager wrote one. */
export function scoreLevel(criterion: RubricCriterion, score: number | null | undefined): ScoreLevel | null {
  if (score === null || score === undefined) return null;
  return criterion.levels?.find((level) => level.score === score) ?? null;
}

/** Scale levels the rubric editor offers a descriptor for: every score of scales up to 10. */
export const MAX_DESCRIBED_SCALE = 10;

/** Two reviewers' scores for one criterion differ by at least this share of its scale (hundredths of a percent). */
export const CRITERION_GAP_THRESHOLD = 5_000;

export type CriterionGap = {
  key: string;
  low: number;
  high: number;
  maxScore: number;
  /** (high - low) / maxScore, in hundredths of a percent: 0-10,000. */
  gap: number;
};

/**
 * How far an application's reviewers are apart. `spread` is the distance between the highest and
 * lowest weighted total (hundredths of a point on the 0-100 scale: what the selection ranks by);
 * `widestGap` is the criterion they are furthest apart on, normalised to that criterion's scale so
 * a 1-5 criterion and a 0-20 one compare. Fewer than two reviews cannot disagree.
 */
export type ReviewDisagreement = {
  reviewCount: number;
  spread: number;
  lowTotal: number | null;
  highTotal: number | null;
  widestGap: CriterionGap | null;
  /** The spread exceeds DISAGREEMENT_THRESHOLD: worth another review before committing. */
  disagrees: boolean;
  /** Some criterion was scored at least CRITERION_GAP_THRESHOLD of its scale apart. */
  splitOnCriterion: boolean;
};

/**
 * Measures disagreement from each review's stored total and its scores. Criteria no longer in the
 * rubric, and scores a reviewer did not give, are left out of the per-criterion gaps; ties between
 * criteria go to the one first in the rubric.
 */
export function measureDisagreement(
  rubric: Rubric,
  reviews: readonly { total: number; scores: Scores }[],
): ReviewDisagreement {
  const totals = reviews.map((review) => review.total);
  const { spread, disagrees } = reviewSpread(totals);
  let widestGap: CriterionGap | null = null;
  if (reviews.length >= 2) {
    for (const criterion of rubric) {
      const scores = reviews
        .map((review) => review.scores[criterion.key])
        .filter((score): score is number => typeof score === 'number');
      if (scores.length < 2 || criterion.maxScore <= 0) continue;
      const low = Math.min(...scores);
      const high = Math.max(...scores);
      const gap = Math.round(((high - low) / criterion.maxScore) * 10_000);
      if (!widestGap || gap > widestGap.gap)
        widestGap = { key: criterion.key, low, high, maxScore: criterion.maxScore, gap };
    }
  }
  return {
    reviewCount: reviews.length,
    spread,
    lowTotal: totals.length > 0 ? Math.min(...totals) : null,
    highTotal: totals.length > 0 ? Math.max(...totals) : null,
    widestGap,
    disagrees,
    splitOnCriterion: (widestGap?.gap ?? 0) >= CRITERION_GAP_THRESHOLD,
  };
}

/**
 * Most disagreement first: by spread of totals, then by the widest criterion gap; applications
 * with fewer than two reviews are left out (nothing to disagree on yet).
 */
export function rankByDisagreement<T extends { disagreement: ReviewDisagreement }>(items: readonly T[]): T[] {
  return items
    .filter((item) => item.disagreement.reviewCount >= 2)
    .sort(
      (a, b) =>
        b.disagreement.spread - a.disagreement.spread ||
        (b.disagreement.widestGap?.gap ?? 0) - (a.disagreement.widestGap?.gap ?? 0),
    );
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
