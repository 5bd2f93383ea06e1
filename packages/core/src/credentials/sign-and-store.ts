// Signing and storing any credential the platform issues, whatever its kind: the issuer's key,
// a place on its revocation list, the signature and the row, in the caller's transaction.
import { randomUUID } from 'node:crypto';
import {
  buildOpenBadgeCredential,
  buildStatusEntry,
  type OpenBadgeInput,
  signCredential,
  statusListCredentialUrl,
} from '@kmg/credentials';
import type { Prisma } from '@kmg/db';
import type { CredentialDates } from '@kmg/domain';
import { brandingSnapshot } from '#credentials/branding.ts';
import { credentialConfig } from '#credentials/config.ts';
import { platformDocumentLoader, signingKeyFor } from '#credentials/issuers.ts';
import { allocateStatus } from '#credentials/status-lists.ts';

type Tx = Prisma.TransactionClient;

export type StoredCredential = { id: string; revision: number; validUntil: Date | null };

/**
 * Signs the credential `build` describes (given its id and revocation entry) with the issuer's
 * key and stores it. The caller decides what the credential says; this decides nothing.
 */
export async function signAndStoreCredential(
  tx: Tx,
  {
    issuer,
    kind = 'TRAINING',
    achievementId,
    teacherId,
    applicationId,
    pathwayVersionId = null,
    revision,
    dates,
    now,
    build,
  }: {
    issuer: { id: string; code: string };
    kind?: 'TRAINING' | 'PATHWAY';
    achievementId: string;
    teacherId: string;
    /** Set exactly for a TRAINING credential. */
    applicationId: string | null;
    /** Set exactly for a PATHWAY award. */
    pathwayVersionId?: string | null;
    revision: number;
    /** What the credential says (`credentialDates`); the row keeps the same window. */
    dates: CredentialDates;
    /** When it is signed (the proof's `created`). */
    now: Date;
    build: (entry: {
      credentialId: string;
      credentialStatus: OpenBadgeInput['credentialStatus'];
    }) => OpenBadgeInput;
  },
): Promise<StoredCredential> {
  const settings = credentialConfig();
  const key = await signingKeyFor(tx, issuer);
  const status = await allocateStatus(tx, issuer.id);
  const credentialId = randomUUID();
  const input = build({
    credentialId,
    credentialStatus: buildStatusEntry({
      statusListCredential: statusListCredentialUrl({
        publicBaseUrl: settings.publicUrl,
        slug: issuer.code,
        listId: status.listId,
      }),
      statusListIndex: status.index,
      statusPurpose: 'revocation',
    }),
  });
  const document = await signCredential({
    credential: buildOpenBadgeCredential(input),
    key,
    documentLoader: platformDocumentLoader(tx),
    now,
  });
  // The certificate keeps the issuer's branding of today (see credentials/branding.ts).
  const branding = await brandingSnapshot(tx, issuer.id);
  await tx.credential.create({
    data: {
      ...branding,
      id: credentialId,
      kind,
      applicationId,
      pathwayVersionId,
      achievementId,
      teacherId,
      issuerId: issuer.id,
      revision,
      document: document as Prisma.InputJsonValue,
      source: JSON.parse(JSON.stringify(input)) as Prisma.InputJsonValue,
      validFrom: dates.validFrom,
      validUntil: dates.validUntil,
      revocationListId: status.listId,
      statusIndex: status.index,
    },
  });
  return { id: credentialId, revision, validUntil: dates.validUntil };
}
