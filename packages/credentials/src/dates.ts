import { isLocalDate } from '@kmg/domain';

/** ISO 8601 date-time in UTC without milliseconds, or the caller's string when it already has an offset. */
export function toDateTime(value: Date | string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('Invalid Date.');
    return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new TypeError(`Not a date-time with offset: ${value}`);
  }
  return value;
}

/**
 * The start of a calendar date (`YYYY-MM-DD`) in Jakarta, with the +07:00 offset KMG credentials
 * are dated in. Asia/Jakarta has kept UTC+7, without daylight saving, since 1964.
 */
export function startOfJakartaDay(date: string): string {
  if (!isLocalDate(date)) throw new TypeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return `${date}T00:00:00+07:00`;
}
