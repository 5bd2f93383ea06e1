import type { Locale } from '@kmg/domain';

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

const zoneNames: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** A calendar date `YYYY-MM-DD`, read as written: never shifted by the reader's time zone. */
export function formatLocalDate(
  date: string,
  locale: Locale,
  style: 'long' | 'medium' | 'short' = 'long',
): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "3–7 November 2025", "27 Oktober – 20 November 2025". */
export function formatDateRange(start: string, end: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' });
  return format.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}

/** The user's own time zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * An instant (stored in UTC) in a time zone, with the zone named: "30 November 2026 23.59 WIB".
 * Defaults to the reader's zone.
 */
export function formatInstant(instant: string | Date, locale: Locale, timeZone = viewerTimeZone()): string {
  const text = new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant));
  const zone =
    zoneNames[timeZone] ??
    new Intl.DateTimeFormat(intlLocale[locale], { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ??
    timeZone;
  return `${text} ${zone}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

/** A star average as teachers read it, always with one decimal ("4,0"; "4.2" in English). */
export function formatRatingAverage(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}
