/** How close a deadline is, when it is close enough to warn about. */
export type DeadlineCountdown = { unit: 'hours'; count: number } | { unit: 'days'; count: number };

const HOUR = 3_600_000;

/**
 * A countdown for deadlines at most `withinDays` away: whole hours on the last day (at least 1),
 * otherwise whole days. Both round down, so the countdown never promises more time than is left.
 * Past deadlines and distant ones give null.
 */
export function deadlineCountdown(closesAt: string, now: Date, withinDays = 7): DeadlineCountdown | null {
  const left = Date.parse(closesAt) - now.getTime();
  if (!(left > 0) || left > withinDays * 24 * HOUR) return null;
  if (left < 24 * HOUR) return { unit: 'hours', count: Math.max(1, Math.floor(left / HOUR)) };
  return { unit: 'days', count: Math.floor(left / (24 * HOUR)) };
}
