// CLR 2.0 bundles (`ClrCredential`): a pathway award with every component exactly as signed, and
// the associations between their achievements (isParentOf / isChildOf, precedes for ordered
// items), signed by the pathway's issuer; and a teacher's whole wallet, signed by the programme's
// directorate. Each bundle is stored like any credential (kind CLR), so /verify/<id> finds it.
import { randomUUID } from 'node:crypto';
import {
  buildStatusEntry,
  createIdentitySalt,
  type Credential as SignedCredential,
  signClrCredential,
  statusListCredentialUrl,
} from '@kmg/credentials';
import { db, type Prisma } from '@kmg/db';
import { credentialConfig, issuerIdOf, type Tx } from '#credentials/config.ts';
import { platformDocumentLoader, signingKeyFor } from '#credentials/issuers.ts';
import { allocateStatus } from '#credentials/status-lists.ts';
import { inTransaction } from '#transaction.ts';

type Organization = {
  id: string;
  code: string;
  name: string;
  website: string | null;
  address: string | null;
  city: string | null;
};

function achievementIdOf(document: unknown): string | null {
  const subject = (document as { credentialSubject?: { achievement?: { id?: unknown } } }).credentialSubject;
  return typeof subject?.achievement?.id === 'string' ? subject.achievement.id : null;
}

async function signAndStoreClr(
  tx: Tx,
  {
    issuer,
    teacher,
    credentials,
    componentIds,
    now,
    name,
    description,
    pathway,
    partial,
    source,
  }: {
    issuer: Organization;
    teacher: { id: string; name: string; nuptk: string };
    credentials: SignedCredential[];
    componentIds: string[];
    now: Date;
    name: { id: string; en: string };
    description: { id: string; en: string };
    pathway?: {
      achievementId: string;
      componentIds: string[];
      precedes: { before: string; after: string }[];
    };
    partial: boolean;
    source: Prisma.InputJsonValue;
  },
): Promise<{ id: string; document: SignedCredential }> {
  const settings = credentialConfig();
  const parent = await tx.organization.findUnique({ where: { code: settings.parentOrganizationCode } });
  const key = await signingKeyFor(tx, issuer);
  const status = await allocateStatus(tx, issuer.id);
  const id = randomUUID();
  const document = await signClrCredential({
    input: {
      id: `urn:uuid:${id}`,
      issuer: {
        id: issuerIdOf(issuer.code),
        name: issuer.name,
        url: issuer.website ?? `${settings.publicUrl}/issuers/${issuer.code}`,
        address: {
          ...(issuer.address ? { streetAddress: issuer.address } : {}),
          ...(issuer.city ? { addressLocality: issuer.city } : {}),
        },
        parentOrg: {
          id: `${settings.publicUrl}/issuers/${settings.parentOrganizationCode}`,
          name: parent?.name ?? 'Direktorat Sekolah Menengah Kejuruan',
        },
      },
      learner: { name: teacher.name, nuptk: teacher.nuptk, salt: createIdentitySalt() },
      name,
      description,
      validFrom: now,
      credentials,
      ...(pathway ? { pathway } : {}),
      partial,
      credentialStatus: buildStatusEntry({
        statusListCredential: statusListCredentialUrl({
          publicBaseUrl: settings.publicUrl,
          slug: issuer.code,
          listId: status.listId,
        }),
        statusListIndex: status.index,
        statusPurpose: 'revocation',
      }),
    },
    key,
    documentLoader: platformDocumentLoader(tx),
    now,
  });
  await tx.credential.create({
    data: {
      id,
      kind: 'CLR',
      teacherId: teacher.id,
      issuerId: issuer.id,
      document: document as Prisma.InputJsonValue,
      source,
      validFrom: now,
      revocationListId: status.listId,
      statusIndex: status.index,
    },
  });
  await tx.credentialComponent.createMany({
    data: componentIds.map((componentId) => ({ credentialId: id, componentId })),
  });
  return { id, document };
}

async function teacherOf(tx: Tx, teacherId: string) {
  const teacher = await tx.user.findUniqueOrThrow({
    where: { id: teacherId },
    include: { teacherProfile: true },
  });
  const nuptk = teacher.teacherProfile?.nuptk;
  if (!nuptk) throw new Error(`teacher ${teacherId} has no NUPTK`);
  return { id: teacher.id, name: teacher.name, nuptk };
}

const issuerSelect = { id: true, code: true, name: true, website: true, address: true, city: true } as const;

/**
 * The CLR bundle of a pathway award, issued with it: the award and each KMG component as signed
 * (imported components are named in the award's evidence; they carry no KMG identity to bundle).
 */
export async function issuePathwayClr(
  tx: Tx,
  { awardId, now }: { awardId: string; now: Date },
): Promise<string> {
  const award = await tx.credential.findUniqueOrThrow({
    where: { id: awardId },
    include: {
      components: { include: { component: { select: { id: true, document: true } } } },
      pathwayVersion: {
        select: {
          titleId: true,
          titleEn: true,
          precedes: true,
          pathway: { select: { code: true, issuer: { select: issuerSelect } } },
        },
      },
    },
  });
  const version = award.pathwayVersion;
  if (!version) throw new Error(`credential ${awardId} is not a pathway award`);
  const components = [...award.components].sort((a, b) => a.componentId.localeCompare(b.componentId));
  const pathwayAchievementId = achievementIdOf(award.document);
  if (!pathwayAchievementId) throw new Error(`award ${awardId} names no achievement`);
  const achievementOfItem = new Map<string, string>();
  for (const row of components) {
    const achievementId = achievementIdOf(row.component.document);
    if (achievementId) for (const itemId of row.itemIds) achievementOfItem.set(itemId, achievementId);
  }
  const precedes = (version.precedes as { before: string; after: string }[]).flatMap(({ before, after }) => {
    const from = achievementOfItem.get(before);
    const to = achievementOfItem.get(after);
    return from && to && from !== to ? [{ before: from, after: to }] : [];
  });
  const componentAchievements = [
    ...new Set(
      components.map((row) => achievementIdOf(row.component.document)).filter((id): id is string => !!id),
    ),
  ].filter((id) => id !== pathwayAchievementId);
  const bundle = await signAndStoreClr(tx, {
    issuer: version.pathway.issuer,
    teacher: await teacherOf(tx, award.teacherId),
    credentials: [award.document, ...components.map((row) => row.component.document)] as SignedCredential[],
    componentIds: [award.id, ...components.map((row) => row.componentId)],
    now,
    name: { id: `Rekam Jejak: ${version.titleId}`, en: `Learner record: ${version.titleEn}` },
    description: {
      id: `Kredensial jalur "${version.titleId}" beserta setiap kredensial komponennya, persis seperti ditandatangani.`,
      en: `The pathway credential "${version.titleEn}" with every component credential, exactly as signed.`,
    },
    pathway: { achievementId: pathwayAchievementId, componentIds: componentAchievements, precedes },
    partial: true,
    source: { kind: 'pathway', awardId },
  });
  return bundle.id;
}

async function storedPathwayClr(client: Tx, awardId: string) {
  return client.credential.findFirst({
    where: { kind: 'CLR', source: { path: ['awardId'], equals: awardId } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, document: true },
  });
}

/**
 * The CLR bundle of a pathway award: issued by a job just after the award (so the award itself is
 * not held up by it), or here, on first request, if that job has not run yet. Exactly one per award.
 * Null when the credential is not a pathway award.
 */
export async function ensurePathwayClr(awardId: string, now: Date): Promise<unknown | null> {
  const stored = await storedPathwayClr(db(), awardId);
  if (stored) return stored.document;
  return inTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pathway-clr:${awardId}`}))`;
    const again = await storedPathwayClr(tx, awardId);
    if (again) return again.document;
    const award = await tx.credential.findUnique({ where: { id: awardId }, select: { kind: true } });
    if (award?.kind !== 'PATHWAY') return null;
    const id = await issuePathwayClr(tx, { awardId, now });
    return (await tx.credential.findUniqueOrThrow({ where: { id }, select: { document: true } })).document;
  });
}

/**
 * The teacher's whole wallet as one CLR bundle, signed by the programme's directorate: every
 * credential they hold that is not revoked. A bundle is issued again only when the wallet changed.
 */
export async function walletClr(
  teacherId: string,
  now: Date,
): Promise<{ id: string; document: unknown } | null> {
  return inTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`wallet-clr:${teacherId}`}))`;
    const held = await tx.credential.findMany({
      where: { teacherId, kind: { in: ['TRAINING', 'PATHWAY'] }, revokedAt: null },
      orderBy: [{ validFrom: 'asc' }, { id: 'asc' }],
      select: { id: true, document: true },
    });
    if (held.length === 0) return null;
    const everything =
      (await tx.credential.count({ where: { teacherId, kind: { in: ['TRAINING', 'PATHWAY'] } } })) +
      (await tx.externalCredential.count({ where: { teacherId } }));
    const ids = held.map((row) => row.id);
    const previous = await tx.credential.findFirst({
      where: { teacherId, kind: 'CLR', source: { path: ['kind'], equals: 'wallet' } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, document: true, components: { select: { componentId: true } } },
    });
    const previousIds = previous?.components.map((row) => row.componentId).sort() ?? [];
    if (previous && previousIds.join() === [...ids].sort().join())
      return { id: previous.id, document: previous.document };
    const issuer = await tx.organization.findUniqueOrThrow({
      where: { code: credentialConfig().parentOrganizationCode },
      select: issuerSelect,
    });
    return signAndStoreClr(tx, {
      issuer,
      teacher: await teacherOf(tx, teacherId),
      credentials: held.map((row) => row.document) as SignedCredential[],
      componentIds: ids,
      now,
      name: { id: 'Rekam Jejak Kredensial Guru SMK', en: 'SMK teacher credential record' },
      description: {
        id: 'Seluruh kredensial KMG yang berlaku milik guru ini, persis seperti ditandatangani.',
        en: 'Every valid KMG credential this teacher holds, exactly as signed.',
      },
      // Revoked and imported credentials are left out: the record is then partial, as CLR 2.0 means it.
      partial: everything > held.length,
      source: { kind: 'wallet', teacherId },
    });
  });
}
