import { describe, expect, it } from 'vitest';
import { runCredentialBench } from '#bench.ts';

describe('runCredentialBench', () => {
  it('signs and verifies a batch on one core and reports milliseconds per operation', async () => {
    const result = await runCredentialBench({ count: 20 });
    expect(result.count).toBe(20);
    expect(result.signMsPerCredential).toBeGreaterThan(0);
    expect(result.verifyMsPerCredential).toBeGreaterThan(0);
    expect(result.verifyMsP95).toBeGreaterThanOrEqual(0);
    expect(result.cohortOf500Seconds).toBeGreaterThan(0);
    // Speed is judged by `pnpm bench`, never by a timed test.
  }, 30_000);
});
