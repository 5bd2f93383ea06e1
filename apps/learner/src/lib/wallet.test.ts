import { describe, expect, it } from 'vitest';
import { walletEntries } from '#lib/wallet.ts';

const credential = (id: string, validFrom: string, kind = 'TRAINING', status = 'ACTIVE') => ({
  id,
  kind,
  status,
  validFrom,
});
const recognition = (id: string, validFrom: string, status = 'ACTIVE') => ({ id, status, validFrom });

describe('walletEntries', () => {
  it('puts the recognitions among the credentials, newest first, with their programme', () => {
    const entries = walletEntries({
      myCredentials: [credential('t2', '2026-11-24T00:00:00Z'), credential('t1', '2026-03-01T00:00:00Z')],
      myRplApplications: [
        {
          programme: { name: 'S1 Pendidikan Teknik Mesin' },
          recognitionCredential: recognition('r1', '2026-12-01T17:00:00Z'),
        },
        { programme: { name: 'D4 Teknik Manufaktur' }, recognitionCredential: null },
      ],
    });
    expect(entries.map((entry) => [entry.kind, entry.id])).toEqual([
      ['recognition', 'r1'],
      ['credential', 't2'],
      ['credential', 't1'],
    ]);
    expect(entries[0]).toMatchObject({ programmeName: 'S1 Pendidikan Teknik Mesin' });
  });

  it('leaves CLR bundles out of the credentials, so a recognition the API also lists shows once', () => {
    const entries = walletEntries({
      myCredentials: [
        credential('r1', '2026-12-01T17:00:00Z', 'CLR'),
        credential('wallet', '2026-12-02T00:00:00Z', 'CLR'),
        credential('p1', '2026-11-30T00:00:00Z', 'PATHWAY'),
      ],
      myRplApplications: [
        { programme: { name: 'S1 PTM' }, recognitionCredential: recognition('r1', '2026-12-01T17:00:00Z') },
      ],
    });
    expect(entries.map((entry) => entry.id)).toEqual(['r1', 'p1']);
  });

  it('keeps a revoked recognition’s status for the revoked part of the wallet', () => {
    const [entry] = walletEntries({
      myCredentials: [],
      myRplApplications: [
        {
          programme: { name: 'S1 PTM' },
          recognitionCredential: recognition('r1', '2026-12-01T17:00:00Z', 'REVOKED'),
        },
      ],
    });
    expect(entry?.status).toBe('REVOKED');
  });
});
