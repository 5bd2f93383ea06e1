import { type CredentialVerification, verifyCredential } from '@kmg/credentials';
import { db } from '@kmg/db';
import { platformDocumentLoader } from '#credentials/issuers.ts';

export type PlatformVerification = CredentialVerification & {
  /** Our record of the credential, when we issued it. */
  record: {
    id: string;
    revokedAt: Date | null;
    revocationReason: string | null;
    suspendedAt: Date | null;
    suspensionReason: string | null;
  } | null;
};

/**
 * Verifies a credential (ours or pasted in): schema, signature, issuer, status, validity window.
 * A suspension we recorded is reported by the status check too (OB 3.0 has no room for its entry).
 */
export async function verifyCredentialDocument(
  document: unknown,
  now = new Date(),
): Promise<PlatformVerification> {
  const result = await verifyCredential(document, { documentLoader: platformDocumentLoader(), now });
  const id = typeof result.credentialId === 'string' ? result.credentialId.replace(/^urn:uuid:/, '') : null;
  const record =
    id && /^[0-9a-f-]{36}$/i.test(id)
      ? await db().credential.findUnique({
          where: { id },
          select: {
            id: true,
            revokedAt: true,
            revocationReason: true,
            suspendedAt: true,
            suspensionReason: true,
            document: true,
          },
        })
      : null;
  const ours = record;
  if (ours?.suspendedAt && result.checks.status.ok) {
    result.checks.status = {
      ...result.checks.status,
      ok: false,
      code: 'suspended',
      suspended: true,
      message: 'The issuer has suspended this credential.',
    };
    result.valid = false;
  }
  return {
    ...result,
    record: ours
      ? {
          id: ours.id,
          revokedAt: ours.revokedAt,
          revocationReason: ours.revocationReason,
          suspendedAt: ours.suspendedAt,
          suspensionReason: ours.suspensionReason,
        }
      : null,
  };
}
