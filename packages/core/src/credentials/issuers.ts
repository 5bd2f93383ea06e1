import {
  createDocumentLoader,
  generateIssuerKey,
  type IssuerDidDocument,
  issuerDidDocument,
  issuerSlugFromDid,
  unlockIssuerKey,
} from '@kmg/credentials';
import { db } from '@kmg/db';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { type Client, credentialConfig, issuerIdOf, type Tx } from '#credentials/config.ts';
import { statusListCredentialFor } from '#credentials/status-lists.ts';
import { NotFoundError } from '#errors.ts';

/** The issuer's DID document: every key it has used, so old credentials keep verifying. */
export async function issuerDidDocumentFor(client: Client, slug: string): Promise<IssuerDidDocument | null> {
  const organization = await client.organization.findUnique({
    where: { code: slug },
    include: { issuerKeys: true },
  });
  if (!organization || organization.issuerKeys.length === 0) return null;
  return issuerDidDocument({
    issuerId: issuerIdOf(slug),
    keys: organization.issuerKeys.map((key) => ({
      keyId: key.keyId,
      publicKeyMultibase: key.publicKeyMultibase,
    })),
  });
}

/** A document loader over our own issuers and status lists, from the database: nothing is fetched. */
export function platformDocumentLoader(client: Client = db()) {
  return createDocumentLoader({
    resolveDid: async (did) => {
      const slug = issuerSlugFromDid({ publicBaseUrl: credentialConfig().publicUrl, did });
      return slug ? issuerDidDocumentFor(client, slug) : null;
    },
    resolveStatusListCredential: async (url) => {
      const match = /\/issuers\/([^/]+)\/status\/([^/?#]+)$/.exec(url);
      if (!match || !url.startsWith(credentialConfig().publicUrl)) return null;
      return statusListCredentialFor(client, match[1] as string, match[2] as string);
    },
  });
}

/** The issuer's current signing key, created (and sealed) the first time it is needed. */
export async function signingKeyFor(tx: Tx, organization: { id: string; code: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`issuer-key:${organization.id}`}))`;
  let key = await tx.issuerKey.findFirst({
    where: { organizationId: organization.id, retiredAt: null },
    orderBy: { createdAt: 'desc' },
  });
  if (!key) {
    const [kek] = credentialConfig().keks;
    if (!kek) throw new Error('No key-encryption key configured.');
    const generated = await generateIssuerKey({ kek });
    key = await tx.issuerKey.create({ data: { organizationId: organization.id, ...generated } });
  }
  return unlockIssuerKey({ issuerId: issuerIdOf(organization.code), key, kek: credentialConfig().keks });
}

/**
 * Retires the issuer's current key: new credentials are signed with a new key; the retired one
 * stays in the issuer's DID document, so every credential it signed still verifies.
 */
export async function rotateIssuerKey(ctx: Actor, { organizationId }: { organizationId: string }) {
  return db().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId } });
    if (!organization) throw new NotFoundError();
    await tx.issuerKey.updateMany({
      where: { organizationId, retiredAt: null },
      data: { retiredAt: ctx.now },
    });
    const key = await signingKeyFor(tx, organization);
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'issuer.key_rotated',
      subject: { type: 'ORGANIZATION', id: organization.id },
      details: { organization: organization.code, keyId: key.keyId },
    });
    // Status lists are re-signed on their next request with the new key (their cache is keyed on it).
    return { keyId: key.keyId };
  });
}
