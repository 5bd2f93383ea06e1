import { type Locale, localDateAt } from '@kmg/domain';
import { formatLocalDate, viewerTimeZone } from '@kmg/ui';

/**
 * The day of an instant (an issue or expiry date) in the reader's zone, without the time: a
 * credential is "issued 24 November 2026", whatever the minute its job ran.
 */
export function formatDay(instant: string, locale: Locale): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return formatLocalDate(localDateAt(date, viewerTimeZone()), locale);
}
