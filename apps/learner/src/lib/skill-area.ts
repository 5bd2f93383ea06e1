import type { Locale } from '@kmg/domain';

/**
 * A skill area's name in the reader's language. Both names are fetched, so switching language
 * does not leave the cached, server-translated `name` behind in the old one.
 */
export function skillAreaName(area: { nameId: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? area.nameEn : area.nameId;
}
