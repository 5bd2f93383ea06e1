import { addDays, daysBetween, type LocalDate, localDateAt } from '#dates.ts';

/** RPL calendar days are read in Jakarta (WIB), like the intake cut-off. */
export const rplTimeZone = 'Asia/Jakarta';

export type AppealWindow =
  | { kind: 'open'; lastDay: LocalDate; daysLeft: number }
  | { kind: 'closed'; lastDay: LocalDate };

/**
 * The teacher may appeal for `days` calendar days after the decree, counted from the day after it
 * (Jakarta calendar) with the last day included: a decree on 1 March with 14 days may be appealed
 * through 15 March. `daysLeft` is 0 on the last day.
 */
export function appealWindow(input: { decidedAt: Date; days: number; now: Date }): AppealWindow {
  const lastDay = addDays(localDateAt(input.decidedAt, rplTimeZone), input.days);
  const daysLeft = daysBetween(localDateAt(input.now, rplTimeZone), lastDay);
  return daysLeft >= 0 ? { kind: 'open', lastDay, daysLeft } : { kind: 'closed', lastDay };
}
