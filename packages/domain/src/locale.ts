// The platform's two languages and the choice of one. Apart from the error messages (`messages.ts`), so
// an app's first screen can pick its language without carrying every error in both.

export type Locale = 'id' | 'en';

export const locales: readonly Locale[] = ['id', 'en'];

/**
 * The cookie holding a language chosen while signed out (until the browser closes): the next
 * sign-in in this browser makes it the account's language, so the choice is not lost to the one the
 * account had. Apps set it; the API reads and clears it when a sign-in succeeds.
 */
export const SIGNED_OUT_LOCALE_COOKIE = 'kmg.locale-choice';

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

/** Bahasa Indonesia unless the request asks for English. */
export function pickLocale(value: string | null | undefined): Locale {
  if (!value) return 'id';
  for (const part of value.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
  }
  return 'id';
}
