import { describe, expect, it } from 'vitest';
import { readVerification, validateEvidenceRequest } from '#lib/rpl-application.ts';

describe('readVerification', () => {
  it('lists the stored checks in a fixed order with the detail', () => {
    const json = JSON.stringify({
      checks: { recipient: true, status: false, proof: true, validAtCutoff: true },
      detail: 'revoked',
      cutoffDate: '2025-06-30',
    });
    expect(readVerification(json)).toEqual({
      checks: [
        { key: 'proof', ok: true },
        { key: 'status', ok: false },
        { key: 'validAtCutoff', ok: true },
        { key: 'recipient', ok: true },
      ],
      detail: 'revoked',
      cutoffDate: '2025-06-30',
    });
  });

  it.each([null, '', 'not json', '42'])('reads %o as no checks', (json) => {
    expect(readVerification(json).checks).toEqual([]);
  });
});

describe('validateEvidenceRequest', () => {
  it('wants at least ten characters', () => {
    expect(validateEvidenceRequest('  short ', 'en')).not.toBeNull();
    expect(validateEvidenceRequest('Please add the CNC training syllabus.', 'en')).toBeNull();
  });
});
