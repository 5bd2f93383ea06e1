import { defaultRubric, translateError } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import { reviewFormFromReview, reviewTotal, toReviewInput, validateReview } from '#lib/review-form.ts';

// motivation (weight 3), relevance (2), experience (1), each scored 0-5.
const rubric = defaultRubric;

describe('reviewFormFromReview', () => {
  it('starts empty without a saved review', () => {
    expect(reviewFormFromReview(rubric, null)).toEqual({
      scores: { motivation: '', relevance: '', experience: '' },
      comment: '',
    });
  });

  it('fills in the saved scores and ignores criteria the rubric no longer has', () => {
    const form = reviewFormFromReview(rubric, {
      scores: [
        { key: 'motivation', score: 4 },
        { key: 'experience', score: 2 },
        { key: 'old', score: 5 },
      ],
      comment: 'Rencana jelas',
    });
    expect(form).toEqual({
      scores: { motivation: 4, relevance: '', experience: 2 },
      comment: 'Rencana jelas',
    });
  });
});

describe('validateReview', () => {
  it('asks for every score', () => {
    const errors = validateReview(reviewFormFromReview(rubric, null), rubric, 'id');
    expect(errors).toEqual({
      'scores.motivation': translateError('REQUIRED', 'id'),
      'scores.relevance': translateError('REQUIRED', 'id'),
      'scores.experience': translateError('REQUIRED', 'id'),
    });
  });

  it.each([
    [6, translateError('TOO_LARGE', 'en', { max: 5 })],
    [-1, translateError('TOO_SMALL', 'en', { min: 0 })],
    [2.5, translateError('NOT_INTEGER', 'en')],
  ])('refuses a score of %j', (score, message) => {
    const errors = validateReview(
      { scores: { motivation: score, relevance: 3, experience: 3 }, comment: '' },
      rubric,
      'en',
    );
    expect(errors).toEqual({ 'scores.motivation': message });
  });

  it('limits the comment to 2000 characters', () => {
    const errors = validateReview(
      { scores: { motivation: 3, relevance: 3, experience: 3 }, comment: 'x'.repeat(2001) },
      rubric,
      'id',
    );
    expect(errors).toEqual({ comment: translateError('TOO_LONG', 'id', { max: 2000 }) });
  });
});

describe('toReviewInput', () => {
  it('sends a score per criterion in rubric order and a trimmed comment', () => {
    expect(
      toReviewInput({ scores: { experience: 1, motivation: 5, relevance: 0 }, comment: '  Bagus ' }, rubric),
    ).toEqual({
      scores: [
        { key: 'motivation', score: 5 },
        { key: 'relevance', score: 0 },
        { key: 'experience', score: 1 },
      ],
      comment: 'Bagus',
    });
  });

  it('sends an empty comment as null', () => {
    expect(toReviewInput({ scores: { motivation: 1 }, comment: '   ' }, rubric).comment).toBeNull();
  });
});

describe('reviewTotal', () => {
  it.each([
    [{ motivation: 5, relevance: 5, experience: 5 }, 100],
    [{ motivation: 0, relevance: 0, experience: 0 }, 0],
    // (3×5/5 + 2×5/5 + 1×4/5) / 6 = 96.67, as the API computes it for a seeded review.
    [{ motivation: 5, relevance: 5, experience: 4 }, 96.67],
    [{ motivation: 4, relevance: 4, experience: 5 }, 83.33],
  ])('totals %j as %d', (scores, total) => {
    expect(reviewTotal({ scores, comment: '' }, rubric)).toBe(total);
  });

  it('waits for every score', () => {
    expect(
      reviewTotal({ scores: { motivation: 5, relevance: '', experience: 5 }, comment: '' }, rubric),
    ).toBeNull();
  });
});
