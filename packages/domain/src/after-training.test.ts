import { describe, expect, it } from 'vitest';
import {
  decideRating,
  industryContactSchema,
  jobLinkSchema,
  publicRatingSummary,
  ratingEditableUntil,
  summarizeRatings,
  trainingRatingSchema,
} from '#after-training.ts';
import { provinces } from '#provinces.ts';

const ratedAt = new Date('2026-11-10T08:00:00Z');

describe('decideRating', () => {
  it.each([
    {
      hasCredential: false,
      ratedAt: null,
      now: ratedAt,
      expected: { kind: 'refused', reason: 'RATING_NOT_COMPLETED' },
    },
    { hasCredential: true, ratedAt: null, now: ratedAt, expected: { kind: 'allowed', isEdit: false } },
    {
      hasCredential: true,
      ratedAt,
      now: new Date('2026-12-10T08:00:00Z'),
      expected: { kind: 'allowed', isEdit: true },
    },
    {
      hasCredential: true,
      ratedAt,
      now: new Date('2026-12-10T08:00:00.001Z'),
      expected: { kind: 'refused', reason: 'RATING_LOCKED' },
    },
  ])(
    'decides $expected.kind for credential=$hasCredential, rated=$ratedAt at $now',
    ({ expected, ...input }) => {
      expect(decideRating(input)).toEqual(expected);
    },
  );

  it('keeps a rating editable for exactly 30 days', () => {
    expect(ratingEditableUntil(ratedAt).toISOString()).toBe('2026-12-10T08:00:00.000Z');
  });
});

describe('summarizeRatings', () => {
  it('averages to one decimal and counts', () => {
    expect(summarizeRatings([5, 4, 4])).toEqual({ average: 4.3, count: 3 });
    expect(summarizeRatings([])).toBeNull();
  });

  it('shows teachers a summary only from three ratings', () => {
    expect(publicRatingSummary(summarizeRatings([5, 4]))).toBeNull();
    expect(publicRatingSummary(summarizeRatings([5, 4, 3]))).toEqual({ average: 4, count: 3 });
  });
});

describe('trainingRatingSchema', () => {
  it.each([0, 6, 2.5])('refuses %s stars', (stars) => {
    expect(trainingRatingSchema.safeParse({ stars }).error?.issues[0]?.message).toBe('RATING_STARS');
  });

  it('keeps a blank review as none and refuses a long one', () => {
    expect(trainingRatingSchema.parse({ stars: 4, review: '   ' })).toEqual({ stars: 4, review: null });
    expect(trainingRatingSchema.safeParse({ stars: 4, review: 'x'.repeat(1001) }).success).toBe(false);
  });
});

describe('industryContactSchema', () => {
  it('needs only the company name', () => {
    expect(industryContactSchema.parse({ companyName: ' PT Maju ' })).toEqual({
      companyName: 'PT Maju',
      contactName: null,
      role: null,
      email: null,
      phone: null,
      notes: null,
      applicationId: null,
    });
  });

  it.each([
    [{ companyName: '' }, 'companyName', 'REQUIRED'],
    [{ companyName: 'PT Maju', email: 'no-at' }, 'email', 'INVALID_EMAIL'],
    [{ companyName: 'PT Maju', phone: 'call me' }, 'phone', 'INVALID_PHONE'],
  ])('refuses %o at %s', (input, field, code) => {
    const issue = industryContactSchema.safeParse(input).error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toBe(code);
  });
});

describe('jobLinkSchema', () => {
  it('takes https addresses only', () => {
    const base = { name: 'SiapKerja', descriptionId: 'a', descriptionEn: 'b' };
    expect(jobLinkSchema.safeParse({ ...base, url: 'https://siapkerja.kemnaker.go.id' }).success).toBe(true);
    expect(jobLinkSchema.safeParse({ ...base, url: 'http://siapkerja.kemnaker.go.id' }).success).toBe(false);
    expect(jobLinkSchema.safeParse({ ...base, url: 'javascript:alert(1)' }).success).toBe(false);
  });
});

it('has 38 provinces for the map', () => {
  expect(provinces).toHaveLength(38);
});
