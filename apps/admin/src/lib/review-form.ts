// A reviewer's scores for one application, checked with the API's own rules (`checkScores`,
// `reviewCommentSchema`) and totalled the way the API totals them (`weightedTotal`).
import {
  checkScores,
  type Locale,
  type Rubric,
  reviewCommentSchema,
  toFieldIssues,
  translateError,
  weightedTotal,
} from '@kmg/domain';

export type ReviewFormValues = {
  /** By criterion key; '' until the reviewer picks a score. */
  scores: Record<string, number | ''>;
  comment: string;
};

export type SavedReview = {
  scores: readonly { key: string; score: number }[];
  comment: string | null;
};

/** The form for a criterion list, filled with the reviewer's saved scores where there are any. */
export function reviewFormFromReview(rubric: Rubric, saved: SavedReview | null): ReviewFormValues {
  const scores: Record<string, number | ''> = {};
  for (const criterion of rubric) {
    scores[criterion.key] = saved?.scores.find((entry) => entry.key === criterion.key)?.score ?? '';
  }
  return { scores, comment: saved?.comment ?? '' };
}

/** Scores as numbers, for the domain's rules and the API; missing scores are left out. */
function scoreMap(values: ReviewFormValues, rubric: Rubric): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const criterion of rubric) {
    const value = values.scores[criterion.key];
    if (value !== '' && value !== undefined) scores[criterion.key] = Number(value);
  }
  return scores;
}

/** Every broken rule by form path (`scores.motivation`, `comment`), in the API's words. */
export function validateReview(
  values: ReviewFormValues,
  rubric: Rubric,
  locale: Locale,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of checkScores(rubric, scoreMap(values, rubric))) {
    errors[issue.path.join('.')] ??= translateError(issue.code, locale, issue.params);
  }
  const comment = reviewCommentSchema.safeParse(values.comment);
  if (!comment.success) {
    for (const issue of toFieldIssues(comment.error.issues, ['comment'])) {
      errors[issue.path.join('.')] ??= translateError(issue.code, locale, issue.params);
    }
  }
  return errors;
}

/** `submitReview`'s arguments: a score per criterion, and the comment or null. */
export function toReviewInput(values: ReviewFormValues, rubric: Rubric) {
  const scores = scoreMap(values, rubric);
  return {
    scores: rubric.flatMap((criterion) =>
      scores[criterion.key] === undefined ? [] : [{ key: criterion.key, score: scores[criterion.key] ?? 0 }],
    ),
    comment: values.comment.trim() || null,
  };
}

/** The weighted total on the API's 0-100 scale (two decimals), or null until every score is in. */
export function reviewTotal(values: ReviewFormValues, rubric: Rubric): number | null {
  if (rubric.length === 0) return null;
  const scores = scoreMap(values, rubric);
  if (checkScores(rubric, scores).length > 0) return null;
  return weightedTotal(rubric, scores) / 100;
}
