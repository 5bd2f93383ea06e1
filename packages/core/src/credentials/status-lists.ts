import {
  buildStatusListCredential,
  type Credential as CredentialDocument,
  createStatusList,
  setStatus,
  signCredential,
  statusListCredentialUrl,
} from '@kmg/credentials';
import { type Client, credentialConfig, issuerIdOf, type Tx } from '#credentials/config.ts';
import { platformDocumentLoader, signingKeyFor } from '#credentials/issuers.ts';

const STATUS_LIST_SIZE = 131_072;

/** A random free index on the issuer's current revocation list (a new list when it is full). */
export async function allocateStatus(
  tx: Tx,
  organizationId: string,
): Promise<{ listId: string; index: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`status-list:${organizationId}`}))`;
  let list = await tx.statusList.findFirst({
    where: { organizationId, purpose: 'revocation' },
    orderBy: { updatedAt: 'desc' },
  });
  if (list && (await tx.credential.count({ where: { revocationListId: list.id } })) >= list.size / 2)
    list = null;
  if (!list) {
    list = await tx.statusList.create({
      data: {
        organizationId,
        purpose: 'revocation',
        size: STATUS_LIST_SIZE,
        encodedList: await createStatusList({ length: STATUS_LIST_SIZE }),
      },
    });
  }
  // Random positions: a verifier fetching the list learns nothing about issue order.
  for (;;) {
    const index = Math.floor(Math.random() * list.size);
    const taken = await tx.credential.findFirst({
      where: { revocationListId: list.id, statusIndex: index },
      select: { id: true },
    });
    if (!taken) return { listId: list.id, index };
  }
}

const signedListCache = new Map<string, { version: string; document: CredentialDocument }>();

/**
 * The signed BitstringStatusListCredential, built from the database: a revoked credential's bit
 * is set. Cached per list until a revocation or a key change alters it.
 */
export async function statusListCredentialFor(
  client: Client,
  slug: string,
  listId: string,
): Promise<CredentialDocument | null> {
  if (!/^[0-9a-f-]{36}$/i.test(listId)) return null;
  const list = await client.statusList.findUnique({ where: { id: listId }, include: { organization: true } });
  if (!list || list.organization.code !== slug) return null;
  const revoked = await client.credential.findMany({
    where: { revocationListId: listId, revokedAt: { not: null } },
    select: { statusIndex: true, revokedAt: true },
  });
  const key = await client.issuerKey.findFirst({
    where: { organizationId: list.organizationId, retiredAt: null },
    orderBy: { createdAt: 'desc' },
  });
  const version = `${key?.keyId}:${revoked.length}:${revoked
    .map((row) => row.statusIndex)
    .sort((a, b) => a - b)
    .join(',')}`;
  const cached = signedListCache.get(listId);
  if (cached?.version === version) return cached.document;
  const encodedList = await setStatus({
    encodedList: await createStatusList({ length: list.size }),
    updates: revoked.map((row) => ({ index: row.statusIndex, value: true })),
  });
  const unsigned = buildStatusListCredential({
    id: statusListCredentialUrl({ publicBaseUrl: credentialConfig().publicUrl, slug, listId }),
    issuerId: issuerIdOf(slug),
    statusPurpose: 'revocation',
    encodedList,
    // Valid from the moment this state began (the latest revocation or key change), never from
    // the moment it was signed: a verifier whose clock reads the request's start must not see a
    // list from its own future.
    validFrom: new Date(
      Math.max(0, key?.createdAt.getTime() ?? 0, ...revoked.map((row) => row.revokedAt?.getTime() ?? 0)),
    ),
  });
  const sign = async (tx: Tx) =>
    signCredential({
      credential: unsigned,
      key: await signingKeyFor(tx, list.organization),
      documentLoader: platformDocumentLoader(tx),
    });
  // Inside a caller's transaction use it (PGlite has one connection); otherwise open one.
  const document = '$transaction' in client ? await client.$transaction(sign) : await sign(client);
  signedListCache.set(listId, { version, document });
  return document;
}
