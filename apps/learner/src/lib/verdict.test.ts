import { describe, expect, it } from 'vitest';
import {
  type CheckName,
  checkNames,
  checkResultOf,
  type VerificationOutcome,
  verdictOf,
} from '#lib/verdict.ts';

const passing: Record<CheckName, string> = {
  schema: 'valid',
  signature: 'valid',
  issuer: 'valid',
  status: 'active',
  validity: 'valid',
};

/** A verification where every check passes except the ones given (`name: code`). */
function outcome(
  failing: Partial<Record<CheckName, string>> = {},
  reasons: Pick<VerificationOutcome, 'revocationReason' | 'suspensionReason'> = {},
): VerificationOutcome {
  const checks = checkNames.map((name) => ({
    name,
    code: failing[name] ?? passing[name],
    ok: !(name in failing),
  }));
  return { valid: checks.every((check) => check.ok), checks, ...reasons };
}

describe('verdictOf', () => {
  it('finds a credential valid when every check passes', () => {
    expect(verdictOf(outcome())).toEqual({ kind: 'valid' });
  });

  it('gives the reason of a revocation', () => {
    expect(verdictOf(outcome({ status: 'revoked' }, { revocationReason: 'Data peserta keliru' }))).toEqual({
      kind: 'revoked',
      reason: 'Data peserta keliru',
    });
  });

  it('gives the reason of a suspension', () => {
    expect(verdictOf(outcome({ status: 'suspended' }, { suspensionReason: 'Sedang diperiksa' }))).toEqual({
      kind: 'suspended',
      reason: 'Sedang diperiksa',
    });
  });

  it('tells a revocation without a recorded reason (a credential of another platform)', () => {
    expect(verdictOf(outcome({ status: 'revoked' }))).toEqual({ kind: 'revoked', reason: null });
  });

  it('finds a genuine credential past its validity expired', () => {
    expect(verdictOf(outcome({ validity: 'expired' }))).toEqual({ kind: 'expired' });
  });

  it('reports a revocation before an expiry', () => {
    expect(verdictOf(outcome({ status: 'revoked', validity: 'expired' }, { revocationReason: 'x' }))).toEqual(
      { kind: 'revoked', reason: 'x' },
    );
  });

  it.each<[string, Partial<Record<CheckName, string>>, string[]]>([
    ['a changed credential', { signature: 'signature_invalid' }, ['signature']],
    [
      'a changed credential that is also revoked',
      { signature: 'signature_invalid', status: 'revoked' },
      ['signature', 'status'],
    ],
    ['a credential signed with a key not its issuer’s', { issuer: 'key_not_issuers' }, ['issuer']],
    ['a file that is no Open Badges credential', { schema: 'schema_invalid' }, ['schema']],
    ['a credential not valid yet', { validity: 'not_yet_valid' }, ['validity']],
    ['a credential whose status list cannot be read', { status: 'status_list_unavailable' }, ['status']],
    [
      'an expired credential whose status cannot be read',
      { status: 'status_list_invalid', validity: 'expired' },
      ['status', 'validity'],
    ],
  ])('finds %s invalid, naming the failed checks', (_case, failing, failed) => {
    expect(verdictOf(outcome(failing))).toEqual({ kind: 'invalid', failed });
  });

  it('does not call a credential valid that the API did not', () => {
    expect(verdictOf({ ...outcome(), valid: false })).toEqual({ kind: 'invalid', failed: [] });
  });
});

describe('checkResultOf', () => {
  it.each([
    [{ code: 'active', ok: true }, 'passed'],
    [{ code: 'valid', ok: true }, 'passed'],
    [{ code: 'no_status', ok: true }, 'notChecked'],
    [{ code: 'revoked', ok: false }, 'failed'],
    [{ code: 'status_unsupported', ok: false }, 'failed'],
  ])('reads %o as %s', (check, result) => {
    expect(checkResultOf(check)).toBe(result);
  });

  it('finds a credential without a status valid, the status unchecked', () => {
    const checks = outcome().checks.map((check) =>
      check.name === 'status' ? { ...check, code: 'no_status' } : check,
    );
    expect(verdictOf({ valid: true, checks })).toEqual({ kind: 'valid' });
  });
});
