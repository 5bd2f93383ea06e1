import type { LocalDate } from '@kmg/domain';

// Calendar dates (training days, birth dates) are stored as midnight UTC, so the date part of the
// stored instant is the calendar date in every time zone.

/** The calendar date a stored date column holds. */
export function localDate(stored: Date): LocalDate {
  return stored.toISOString().slice(0, 10);
}

/** How a calendar date is stored: midnight UTC. */
export function storedDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
