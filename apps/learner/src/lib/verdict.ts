/** The checks the API runs, in the order a verifier reads them (OB 3.0: schema, proof, status, dates). */
export const checkNames = ['schema', 'signature', 'issuer', 'status', 'validity'] as const;

export type CheckName = (typeof checkNames)[number];

/** What `verifyCredential` answers, as far as the verdict needs it. */
export type VerificationOutcome = {
  valid: boolean;
  checks: readonly { name: string; code: string; ok: boolean }[];
  revocationReason?: string | null;
  suspensionReason?: string | null;
};

/**
 * How one check came out. A credential without a status (`no_status`) passes the status check,
 * but nothing was checked: shown as such, not as a pass.
 */
export type CheckResult = 'passed' | 'failed' | 'notChecked';

export function checkResultOf(check: { code: string; ok: boolean }): CheckResult {
  if (!check.ok) return 'failed';
  return check.code === 'no_status' ? 'notChecked' : 'passed';
}

/**
 * The one answer a reader wants first. `invalid` means the file cannot be trusted at all (changed,
 * not signed by its issuer, not a credential); `revoked`, `suspended` and `expired` are genuine
 * credentials that no longer hold, each with what the reader should know.
 */
export type Verdict =
  | { kind: 'valid' }
  | { kind: 'revoked'; reason: string | null }
  | { kind: 'suspended'; reason: string | null }
  | { kind: 'expired' }
  | { kind: 'invalid'; failed: string[] };

/** Checks that say whether the document is authentic; any failure here outweighs its status. */
const integrityChecks = new Set(['schema', 'signature', 'issuer']);

export function verdictOf(outcome: VerificationOutcome): Verdict {
  const failed = outcome.checks.filter((check) => !check.ok);
  if (outcome.valid && failed.length === 0) return { kind: 'valid' };
  const failedNames = failed.map((check) => check.name);
  if (failed.length === 0 || failed.some((check) => integrityChecks.has(check.name))) {
    return { kind: 'invalid', failed: failedNames };
  }
  const status = failed.find((check) => check.name === 'status');
  if (status?.code === 'revoked') return { kind: 'revoked', reason: outcome.revocationReason ?? null };
  if (status?.code === 'suspended') return { kind: 'suspended', reason: outcome.suspensionReason ?? null };
  if (!status && failed.every((check) => check.name === 'validity' && check.code === 'expired')) {
    return { kind: 'expired' };
  }
  return { kind: 'invalid', failed: failedNames };
}
