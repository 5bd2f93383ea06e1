import { type LocalDate, localDateAt } from '#dates.ts';

/**
 * Which date is which on a credential KMG issues. One rule, which the signed credential, its PDF,
 * the LinkedIn link and the wallet all read:
 * - **awarded** (OB `awardedDate`): when the award was decided: a training's results approved by the
 *   programme, a pathway's last requirement met. When the credential is signed (a queued job, a
 *   retry, an amendment) moves none of the dates.
 * - **valid from** (OB `validFrom`): the award. Every amendment is a new credential with its own id,
 *   so `validFrom` never has to tell versions of one credential apart.
 * - **valid until** (OB `validUntil`): awarded plus the achievement's validity in calendar months
 *   (a day that month lacks falls back to its last day); null validity = no expiry.
 */
export type CredentialDates = { awardedDate: Date; validFrom: Date; validUntil: Date | null };

export function credentialDates({
  awardedAt,
  validityMonths,
}: {
  awardedAt: Date;
  validityMonths: number | null;
}): CredentialDates {
  return {
    awardedDate: awardedAt,
    validFrom: awardedAt,
    validUntil: validityMonths ? addCalendarMonths(awardedAt, validityMonths) : null,
  };
}

/** The same instant `months` calendar months later; 31 January + 1 month = 28 (29) February. */
export function addCalendarMonths(instant: Date, months: number): Date {
  const next = new Date(instant);
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}

/** The dates of a signed credential, as a reader shows them (ISO 8601 instants, as signed). */
export type SignedCredentialDates = { awarded: string; validFrom: string; validUntil: string | null };

/**
 * Reads the dates a signed credential carries. A credential is never re-signed, so one signed
 * before the rule above reads as it was signed: awarded on its `awardedDate` (the approval of the
 * results, which KMG has always written), valid until its signed `validUntil` (then counted from
 * the signing). A credential without `awardedDate` was awarded when it became valid.
 */
export function readCredentialDates(document: unknown): SignedCredentialDates | null {
  if (typeof document !== 'object' || document === null) return null;
  const { awardedDate, validFrom, validUntil } = document as Record<string, unknown>;
  const instant = (value: unknown) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null;
  const from = instant(validFrom);
  if (!from) return null;
  return { awarded: instant(awardedDate) ?? from, validFrom: from, validUntil: instant(validUntil) };
}

/**
 * The year and month of an instant on the calendar of a time zone (`{ year: 2025, month: 11 }`),
 * as LinkedIn takes an issue or expiry date.
 */
export function yearMonthAt(instant: Date | string, timeZone: string): { year: number; month: number } {
  const date: LocalDate = localDateAt(new Date(instant), timeZone);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}
