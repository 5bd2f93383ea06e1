import type { Locale } from '@kmg/domain';
import { zoneAbbreviation } from '#lib/venue-time.ts';

// Compact forms for dense tables ("22–24 Jan 2027", "10 Okt 2025 23.59 WIB"); pages with room use
// the long forms from @kmg/ui.

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** A range of calendar dates, read as written (never shifted by the reader's zone). */
export function formatCompactDateRange(start: string, end: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
    new Date(`${start}T00:00:00Z`),
    new Date(`${end}T00:00:00Z`),
  );
}

/** An instant on the clock of `timeZone`, with the zone named so nobody misreads a deadline. */
export function formatCompactInstant(instant: string, locale: Locale, timeZone: string): string {
  const date = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone }).format(
    new Date(instant),
  );
  const time = new Intl.DateTimeFormat(intlLocale[locale], { timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
  return `${date} ${time} ${zoneAbbreviation(timeZone)}`;
}

/** The day of an instant on the clock of `timeZone` ("3 Nov 2025"), for dates where the hour says nothing. */
export function formatCompactDate(instant: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone }).format(
    new Date(instant),
  );
}

/** A score on the 0-100 scale, with at most two decimals: "91,67" (id), "91.67" (en). */
export function formatPoints(points: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 2 }).format(points);
}

/** A training day with its weekday: "Sen, 3 Nov 2025" (short), "Senin, 3 November 2025" (long). */
export function formatTrainingDay(date: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    weekday: style,
    day: 'numeric',
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** A column heading for a training day: the weekday over the day and month ("Sen" / "3 Nov"). */
export function trainingDayHeading(date: string, locale: Locale): { weekday: string; day: string } {
  const at = new Date(`${date}T00:00:00Z`);
  return {
    weekday: new Intl.DateTimeFormat(intlLocale[locale], { weekday: 'short', timeZone: 'UTC' }).format(at),
    day: new Intl.DateTimeFormat(intlLocale[locale], {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(at),
  };
}

/**
 * An email address cut where a reader expects a line to break: after the @, and before the dots of
 * the name when it is long ("budi", ".setiawan@", "kmg.demo"); the domain stays whole. Rendered
 * with <wbr> between the pieces, a narrow column wraps "budi.setiawan@ / kmg.demo" rather than
 * "budi.setiawan@kmg.de / mo".
 */
export function emailBreakPoints(email: string): string[] {
  const at = email.lastIndexOf('@');
  if (at < 0) return [email];
  const name = email.slice(0, at + 1).split(/(?=\.)/);
  const domain = email.slice(at + 1);
  return domain ? [...name, domain] : name;
}

/** Today as a calendar date (`YYYY-MM-DD`) on the reader's own clock. */
export function todayLocalDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
