// Delivering a call: who may do what, and how far the results are. The API decides and says so
// on the call (`viewerCanDeliver`, `viewerCanRun`); the console only avoids offering what it
// would refuse.
import { localDateAt } from '@kmg/domain';

/**
 * Participants are read in one page (the API's largest): calls seat about twenty teachers. Every
 * delivery query asks for the same page, so the cache shares its rows between them.
 */
export const PARTICIPANTS_PAGE = 100;

export type DeliveryRights = {
  /** Records attendance and assessments, edits the credential template, submits, proposes amendments. */
  canRecord: boolean;
  /** Approves or returns results, decides amendments, retries issuance, revokes, suspends and reinstates. */
  canRun: boolean;
};

/** The viewer's rights on a call, as the API states them. */
export function deliveryRights(call: { viewerCanDeliver: boolean; viewerCanRun: boolean }): DeliveryRights {
  return { canRecord: call.viewerCanDeliver, canRun: call.viewerCanRun };
}

export type Verdict = 'passed' | 'failed' | 'incomplete';

/** Passed, not passed on a complete record, or still missing something. */
export function verdictOf(completion: { complete: boolean; passed: boolean } | null): Verdict {
  if (!completion?.complete) return 'incomplete';
  return completion.passed ? 'passed' : 'failed';
}

export type ResultsSummary = { total: number; passed: number; failed: number; incomplete: number };

/** How many participants pass, fail or are still incomplete. */
export function summarizeResults(
  participants: readonly { completion: { complete: boolean; passed: boolean } | null }[],
): ResultsSummary {
  const summary: ResultsSummary = { total: participants.length, passed: 0, failed: 0, incomplete: 0 };
  for (const participant of participants) summary[verdictOf(participant.completion)] += 1;
  return summary;
}

/** Today's date on the venue's clock: a training day after it has not happened yet. */
export function venueToday(timeZone: string, now: Date = new Date()): string {
  return localDateAt(now, timeZone);
}

/** The fewest days present that meet the rule: 80% of 5 days is 4. */
export function daysNeeded(minAttendancePercent: number, days: number): number {
  // Compare in tenths, as the API rounds the percentage to one decimal.
  for (let present = 0; present <= days; present += 1) {
    if (days > 0 && Math.round((present / days) * 1000) / 10 >= minAttendancePercent) return present;
  }
  return days;
}

/** Bytes as people read them: "820 KB", "3,4 MB". */
export function formatFileSize(bytes: number, locale: 'id' | 'en'): string {
  const format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${format.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format.format(Math.round(bytes / 1024))} KB`;
  return `${format.format(bytes / (1024 * 1024))} MB`;
}
