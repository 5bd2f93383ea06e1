import { type CredentialVerification, verifyClrCredential, verifyCredential } from '@kmg/credentials';
import { db } from '@kmg/db';
import { platformDocumentLoader } from '#credentials/issuers.ts';

export type PlatformVerification = CredentialVerification & {
  /** `OpenBadgeCredential`, or `ClrCredential` for a bundle. */
  kind: 'OpenBadgeCredential' | 'ClrCredential';
  /** Our record of the credential, when we issued it. */
  record: {
    id: string;
    revokedAt: Date | null;
    revocationReason: string | null;
    suspendedAt: Date | null;
    suspensionReason: string | null;
  } | null;
  /** For a CLR bundle: each embedded credential, verified on its own, in bundle order. */
  embedded: PlatformVerification[];
};

function isClr(document: unknown): boolean {
  const type = (document as { type?: unknown } | null)?.type;
  return Array.isArray(type) ? type.includes('ClrCredential') : type === 'ClrCredential';
}

/** Adds our record, and a suspension we recorded (OB 3.0 has no room for its status entry). */
async function withRecord(
  result: CredentialVerification,
  kind: PlatformVerification['kind'],
  embedded: PlatformVerification[] = [],
): Promise<PlatformVerification> {
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
          },
        })
      : null;
  if (record?.suspendedAt && result.checks.status.ok) {
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
    valid: result.valid && embedded.every((entry) => entry.valid),
    kind,
    record,
    embedded,
  };
}

/**
 * Verifies a credential (ours or pasted in): schema, signature, issuer, status, validity window.
 * A CLR bundle is verified as a whole and each embedded credential on its own; it is valid only
 * when all of them are.
 */
export async function verifyCredentialDocument(
  document: unknown,
  now = new Date(),
): Promise<PlatformVerification> {
  const documentLoader = platformDocumentLoader();
  if (isClr(document)) {
    const result = await verifyClrCredential(document, { documentLoader, now });
    const embedded = await Promise.all(
      result.credentials.map((credential) => withRecord(credential, 'OpenBadgeCredential')),
    );
    return withRecord(result.bundle, 'ClrCredential', embedded);
  }
  return withRecord(await verifyCredential(document, { documentLoader, now }), 'OpenBadgeCredential');
}
