// Reading a submitted RPL application: the credential checks stored at submission, and the
// evidence request's message rules.
import { evidenceRequestSchema, type Locale, toFieldIssues, translateError } from '@kmg/domain';

export const verificationCheckKeys = ['proof', 'status', 'validAtCutoff', 'recipient'] as const;
export type VerificationCheckKey = (typeof verificationCheckKeys)[number];

export type StoredVerification = {
  checks: { key: VerificationCheckKey; ok: boolean }[];
  detail: string | null;
  cutoffDate: string | null;
};

/**
 * The checks a credential passed at submission (`{ checks: { proof, status, validAtCutoff,
 * recipient }, detail, cutoffDate }` as JSON), in a fixed order; unknown or unreadable JSON reads
 * as no checks.
 */
export function readVerification(json: string | null | undefined): StoredVerification {
  const empty: StoredVerification = { checks: [], detail: null, cutoffDate: null };
  if (!json) return empty;
  let stored: { checks?: Record<string, unknown>; detail?: unknown; cutoffDate?: unknown };
  try {
    stored = JSON.parse(json);
  } catch {
    return empty;
  }
  if (!stored || typeof stored !== 'object') return empty;
  const checks = verificationCheckKeys
    .filter((key) => typeof stored.checks?.[key] === 'boolean')
    .map((key) => ({ key, ok: stored.checks?.[key] as boolean }));
  return {
    checks,
    detail: typeof stored.detail === 'string' ? stored.detail : null,
    cutoffDate: typeof stored.cutoffDate === 'string' ? stored.cutoffDate : null,
  };
}

/** The evidence request's message, checked as the API checks it (10 to 2000 characters). */
export function validateEvidenceRequest(message: string, locale: Locale): string | null {
  const parsed = evidenceRequestSchema.safeParse(message);
  if (parsed.success) return null;
  const issue = toFieldIssues(parsed.error.issues)[0];
  return issue ? translateError(issue.code, locale, issue.params) : null;
}
