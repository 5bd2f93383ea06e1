import { randomUUID } from 'node:crypto';
import { buildOpenBadgeCredential, type Credential } from '#credential.ts';
import { weldingRobotCredentialInput } from '#fixtures.ts';
import { signCredential } from '#sign.ts';
import { buildStatusEntry } from '#status.ts';
import { createTestIssuer } from '#testing.ts';
import { verifyCredential } from '#verify.ts';

export type CredentialBenchResult = {
  count: number;
  signMsPerCredential: number;
  verifyMsPerCredential: number;
  verifyMsMedian: number;
  verifyMsP95: number;
  /** `signMsPerCredential` scaled to a 500-teacher cohort (target: under 60 s). */
  cohortOf500Seconds: number;
};

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/**
 * Builds and signs `count` distinct credentials one after another on this thread (one core), then
 * verifies each (schema, signature, issuer, status, validity) against an in-memory issuer, after a
 * warm-up that loads the JSON-LD contexts. For the API's `pnpm bench`.
 */
export async function runCredentialBench({
  count = 500,
}: {
  count?: number;
} = {}): Promise<CredentialBenchResult> {
  const issuer = await createTestIssuer();
  const now = new Date('2026-01-15T00:00:00Z');
  const build = (index: number) =>
    buildOpenBadgeCredential({
      ...weldingRobotCredentialInput,
      id: `urn:uuid:${randomUUID()}`,
      issuer: { ...weldingRobotCredentialInput.issuer, id: issuer.issuerId },
      learner: { ...weldingRobotCredentialInput.learner, name: `Guru Peserta ${index + 1}` },
      credentialStatus: buildStatusEntry({
        statusListCredential: issuer.statusLists.revocation,
        statusListIndex: 1000 + index,
        statusPurpose: 'revocation',
      }),
    });
  const sign = (credential: Credential) =>
    signCredential({ credential, key: issuer.signingKey, documentLoader: issuer.documentLoader, now });
  const options = { documentLoader: issuer.documentLoader, now };

  for (let index = 0; index < 5; index += 1) await verifyCredential(await sign(build(index)), options);

  const signed: Credential[] = [];
  const signStart = performance.now();
  for (let index = 0; index < count; index += 1) signed.push(await sign(build(index)));
  const signMs = performance.now() - signStart;

  const verifyTimes: number[] = [];
  for (const credential of signed) {
    const start = performance.now();
    const result = await verifyCredential(credential, options);
    verifyTimes.push(performance.now() - start);
    if (!result.valid)
      throw new Error(`Bench credential failed verification: ${JSON.stringify(result.checks)}`);
  }
  const verifyMs = verifyTimes.reduce((sum, time) => sum + time, 0);
  const sortedVerifyTimes = verifyTimes.toSorted((a, b) => a - b);
  const signMsPerCredential = signMs / count;
  return {
    count,
    signMsPerCredential,
    verifyMsPerCredential: verifyMs / count,
    verifyMsMedian: percentile(sortedVerifyTimes, 0.5),
    verifyMsP95: percentile(sortedVerifyTimes, 0.95),
    cohortOf500Seconds: (signMsPerCredential * 500) / 1000,
  };
}
