import { z } from 'zod';
import { textSchema } from '#validation.ts';

// After the training: teachers rate it (like Kartu Prakerja's rating and review), and keep the
// industry partners they met as contacts for their students' internships.

export const RATING_REVIEW_MAX = 1000;
/** A rating may be changed for 30 days after it was first given; after that it stands. */
export const RATING_EDIT_DAYS = 30;
/**
 * A provider's average is shown to teachers only from this many ratings, so no single teacher's
 * rating can be read off it.
 */
export const RATING_MIN_COUNT_PUBLIC = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

export const trainingRatingSchema = z.object({
  stars: z.number().int('RATING_STARS').min(1, 'RATING_STARS').max(5, 'RATING_STARS'),
  review: textSchema
    .trim()
    .max(RATING_REVIEW_MAX)
    .nullish()
    .transform((value) => value || null),
});

export type TrainingRatingInput = z.output<typeof trainingRatingSchema>;

export type RatingDecision =
  | { kind: 'allowed'; isEdit: boolean }
  | { kind: 'refused'; reason: 'RATING_NOT_COMPLETED' | 'RATING_LOCKED' };

/**
 * Whether a teacher may rate a training now: only once it gave them a credential (a completed
 * training, not revoked); a rating already given may be changed until `RATING_EDIT_DAYS` after
 * it was first given.
 */
export function decideRating({
  hasCredential,
  ratedAt,
  now,
}: {
  hasCredential: boolean;
  /** When the rating was first given; null when there is none yet. */
  ratedAt: Date | null;
  now: Date;
}): RatingDecision {
  if (!hasCredential) return { kind: 'refused', reason: 'RATING_NOT_COMPLETED' };
  if (ratedAt === null) return { kind: 'allowed', isEdit: false };
  if (now.getTime() > ratingEditableUntil(ratedAt).getTime())
    return { kind: 'refused', reason: 'RATING_LOCKED' };
  return { kind: 'allowed', isEdit: true };
}

export function ratingEditableUntil(ratedAt: Date): Date {
  return new Date(ratedAt.getTime() + RATING_EDIT_DAYS * DAY_MS);
}

export type RatingSummary = { average: number; count: number };

/** Average (one decimal) and count of a list of ratings; null when there are none. */
export function summarizeRatings(stars: readonly number[]): RatingSummary | null {
  if (stars.length === 0) return null;
  const total = stars.reduce((sum, value) => sum + value, 0);
  return { average: Math.round((total / stars.length) * 10) / 10, count: stars.length };
}

/** What teachers see of a provider: the summary only from `RATING_MIN_COUNT_PUBLIC` ratings. */
export function publicRatingSummary(summary: RatingSummary | null): RatingSummary | null {
  return summary && summary.count >= RATING_MIN_COUNT_PUBLIC ? summary : null;
}

export const CONTACT_NOTES_MAX = 2000;

const optionalLine = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/** An industry partner met during a training (company required; the rest as the teacher has it). */
export const industryContactSchema = z.object({
  companyName: textSchema.trim().min(1, 'REQUIRED').max(200),
  contactName: optionalLine(120),
  role: optionalLine(120),
  email: textSchema
    .trim()
    .toLowerCase()
    .max(200)
    .nullish()
    .transform((value) => value || null)
    .refine((value) => value === null || z.email().safeParse(value).success, 'INVALID_EMAIL'),
  phone: optionalLine(40).refine(
    (value) => value === null || /^\+?[0-9 ()-]{6,40}$/.test(value),
    'INVALID_PHONE',
  ),
  notes: optionalLine(CONTACT_NOTES_MAX),
  /** The training where they met (an application of the teacher's); null: not said. */
  applicationId: textSchema
    .uuid()
    .nullish()
    .transform((value) => value ?? null),
});

export type IndustryContactInput = z.output<typeof industryContactSchema>;

/** A job platform link per skill area: the ministry's platforms are https sites. */
export const jobLinkSchema = z.object({
  name: textSchema.trim().min(1, 'REQUIRED').max(80),
  url: textSchema
    .trim()
    .max(500)
    .refine((value) => /^https:\/\/[^\s/]+\.[^\s]+$/.test(value), 'JOB_LINK_URL'),
  descriptionId: textSchema.trim().min(1, 'REQUIRED').max(300),
  descriptionEn: textSchema.trim().min(1, 'REQUIRED').max(300),
});

export type JobLinkInput = z.output<typeof jobLinkSchema>;

/** At most this many platforms per skill area. */
export const JOB_LINKS_MAX = 10;

/** A skill area's links, in order: each platform named once (the name is what teachers pick by). */
export const jobLinksSchema = z
  .array(jobLinkSchema)
  .max(JOB_LINKS_MAX)
  .superRefine((links, ctx) => {
    const names = new Set<string>();
    links.forEach((link, index) => {
      const name = link.name.toLocaleLowerCase('id');
      if (names.has(name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'DUPLICATE_ITEM' });
      names.add(name);
    });
  });
