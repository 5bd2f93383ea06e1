import { z } from 'zod';
import { textSchema } from '#validation.ts';

// The teacher's public profile page (/guru/<slug>) and the certificate branding an issuer sets.

export const PROFILE_SLUG_MIN = 3;
export const PROFILE_SLUG_MAX = 40;

/** Lowercase letters and digits in words joined by single hyphens (a CHECK in the database too). */
const SLUG_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isProfileSlug(value: string): boolean {
  return SLUG_SHAPE.test(value) && value.length >= PROFILE_SLUG_MIN && value.length <= PROFILE_SLUG_MAX;
}

/**
 * A slug from a person's name: accents dropped ("Siti Nur'aini" → "siti-nuraini"), words joined
 * by hyphens, cut at a word boundary to leave room for a suffix. Names with no Latin letter at
 * all give `guru`; the caller adds a suffix when the slug is taken.
 */
export function slugFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Letters NFKD leaves whole (Vietnamese and some Indonesian names from it).
    .replace(/đ/g, 'd')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > PROFILE_SLUG_MAX - 5) break;
    slug = next;
  }
  if (!slug) slug = (words[0] ?? 'guru').slice(0, PROFILE_SLUG_MAX - 5);
  return slug.length >= PROFILE_SLUG_MIN ? slug : `guru-${slug}`;
}

export const profileSlugSchema = textSchema
  .trim()
  .toLowerCase()
  .min(PROFILE_SLUG_MIN)
  .max(PROFILE_SLUG_MAX)
  .refine((value) => SLUG_SHAPE.test(value), 'PROFILE_SLUG_FORMAT');

export const publicProfileSettingsSchema = z.object({
  isPublished: z.boolean(),
  /** Omitted: keep the current one (or generate one from the name the first time). */
  slug: profileSlugSchema.nullish(),
});

export type PublicProfileSettings = z.output<typeof publicProfileSettingsSchema>;

/** Printed under the signature: name and position go together, or neither is printed. */
export const SIGNATORY_NAME_MAX = 120;
export const SIGNATORY_POSITION_MAX = 160;

const optionalLine = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export const certificateBrandingSchema = z
  .object({
    signatoryName: optionalLine(SIGNATORY_NAME_MAX),
    signatoryPosition: optionalLine(SIGNATORY_POSITION_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.signatoryName && !value.signatoryPosition)
      ctx.addIssue({ code: 'custom', path: ['signatoryPosition'], message: 'REQUIRED' });
    if (value.signatoryPosition && !value.signatoryName)
      ctx.addIssue({ code: 'custom', path: ['signatoryName'], message: 'REQUIRED' });
  });

export type CertificateBrandingInput = z.output<typeof certificateBrandingSchema>;

/** Logos and signatures: PNG or JPEG (what a PDF embeds), at most 1 MB. */
export const BRANDING_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export const BRANDING_IMAGE_MAX_BYTES = 1024 * 1024;
