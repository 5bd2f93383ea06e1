// Awarding pathways: a teacher's wallet is evaluated against every published pathway, and each one
// it completes is awarded, exactly once per teacher and version (the database's unique key says so,
// a per-teacher lock keeps two evaluations from racing to it).
import { createIdentitySalt, type OpenBadgeInput } from '@kmg/credentials';
import { enqueueInTransaction, type Prisma, queueNames } from '@kmg/db';
import {
  checkPathwayDefinition,
  credentialDates,
  evaluatePathway,
  type LocalDate,
  localDateAt,
  type PathwayCredential,
  type PathwayEvaluation,
  type PathwayVersion,
  referencedPathwayCodes,
  toPathwayVersion,
} from '@kmg/domain';
import { type IssuedCredential, onCredentialIssued, runAfterIssueHooks } from '#credentials/after-issue.ts';
import { type Client, credentialConfig, issuerIdOf, verificationUrl } from '#credentials/config.ts';
import { signAndStoreCredential } from '#credentials/sign-and-store.ts';
import { notify } from '#notify.ts';
import { type PathwayComponent, pathwayBadgeInput } from '#pathways/pathway-badge.ts';
import { loadWallets, toPathwayCredential, walletCredentialSelect } from '#pathways/wallet.ts';
import { inTransaction } from '#transaction.ts';

type Tx = Prisma.TransactionClient;

/** "Today" for pathways: recency and validity are judged by the calendar date in Jakarta. */
export function pathwayToday(now: Date): LocalDate {
  return localDateAt(now, 'Asia/Jakarta');
}

export const publishedVersionSelect = {
  id: true,
  version: true,
  status: true,
  titleId: true,
  titleEn: true,
  descriptionId: true,
  descriptionEn: true,
  kkniLevel: true,
  achievementType: true,
  validityMonths: true,
  requirements: true,
  precedes: true,
  recencyYears: true,
  allowCredentialReuse: true,
  achievementId: true,
  illustrative: true,
  pathway: {
    select: {
      id: true,
      code: true,
      issuer: { select: { id: true, code: true, name: true, website: true, address: true, city: true } },
    },
  },
} satisfies Prisma.PathwayVersionSelect;

export type StoredPathwayVersion = Prisma.PathwayVersionGetPayload<{ select: typeof publishedVersionSelect }>;

export type LoadedPathway = { stored: StoredPathwayVersion; engine: PathwayVersion };

/** The engine's reading of a stored version (its tree was checked when saved; checked again here). */
export function loadedPathway(stored: StoredPathwayVersion): LoadedPathway {
  const checked = checkPathwayDefinition({
    requirements: stored.requirements,
    precedes: stored.precedes,
    recencyYears: stored.recencyYears,
    allowCredentialReuse: stored.allowCredentialReuse,
  });
  if (checked.kind === 'invalid')
    throw new Error(`pathway ${stored.pathway.code} v${stored.version} holds an invalid tree`);
  return { stored, engine: toPathwayVersion(stored.pathway.code, stored.version, checked.definition) };
}

/**
 * Published versions, those a tree names before the tree (stacks of stacks are evaluated after
 * what they stack), then by code.
 */
export async function loadPublishedPathways(client: Client): Promise<LoadedPathway[]> {
  const rows = await client.pathwayVersion.findMany({
    where: { status: 'PUBLISHED' },
    select: publishedVersionSelect,
    orderBy: { pathway: { code: 'asc' } },
  });
  return dependencyOrder(rows.map(loadedPathway));
}

function dependencyOrder(pathways: LoadedPathway[]): LoadedPathway[] {
  const byCode = new Map(pathways.map((pathway) => [pathway.stored.pathway.code, pathway]));
  const ordered: LoadedPathway[] = [];
  const visiting = new Set<string>();
  const visit = (pathway: LoadedPathway) => {
    const code = pathway.stored.pathway.code;
    if (ordered.includes(pathway) || visiting.has(code)) return;
    visiting.add(code);
    for (const dependency of referencedPathwayCodes(pathway.engine.requirements)) {
      const next = byCode.get(dependency);
      if (next) visit(next);
    }
    ordered.push(pathway);
  };
  for (const pathway of pathways) visit(pathway);
  return ordered;
}

/** Queues a re-evaluation of a teacher's pathways, in the transaction that changed their wallet. */
export async function queuePathwayEvaluation(tx: Tx, teacherId: string): Promise<void> {
  await enqueueInTransaction(tx, queueNames.evaluatePathways, { teacherId });
}

export type AwardOutcome = { versionId: string; credentialId: string };

/**
 * Evaluates one teacher against every published pathway and awards each one completed and not yet
 * awarded under that version. Idempotent: run it any number of times, at once or in turn.
 */
export async function evaluateTeacherPathways(teacherId: string, now: Date): Promise<AwardOutcome[]> {
  return inTransaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pathways:${teacherId}`}))`;
      const pathways = await loadPublishedPathways(tx);
      if (pathways.length === 0) return [];
      return awardCompleted(tx, teacherId, pathways, now);
    },
    { timeout: 60_000 },
  );
}

/** Awards, in the caller's transaction (holding the teacher's lock), every completed pathway. */
export async function awardCompleted(
  tx: Tx,
  teacherId: string,
  pathways: readonly LoadedPathway[],
  now: Date,
): Promise<AwardOutcome[]> {
  const wallet = (await loadWallets(tx, [teacherId])).get(teacherId) ?? [];
  const held = new Set(
    (
      await tx.credential.findMany({
        where: { teacherId, kind: 'PATHWAY' },
        select: { pathwayVersionId: true },
      })
    ).map((row) => row.pathwayVersionId),
  );
  const today = pathwayToday(now);
  const awarded: AwardOutcome[] = [];
  for (const pathway of pathways) {
    if (held.has(pathway.stored.id)) continue;
    const evaluation = evaluatePathway(pathway.engine, wallet, today);
    if (evaluation.kind !== 'complete') continue;
    const award = await awardPathway(tx, { teacherId, pathway, evaluation, wallet, now });
    awarded.push({ versionId: pathway.stored.id, credentialId: award.credential.id });
    // A stack of stacks later in the order sees this award.
    wallet.push(award.credential);
  }
  return awarded;
}

async function awardPathway(
  tx: Tx,
  {
    teacherId,
    pathway,
    evaluation,
    wallet,
    now,
  }: {
    teacherId: string;
    pathway: LoadedPathway;
    evaluation: Extract<PathwayEvaluation, { kind: 'complete' }>;
    wallet: readonly PathwayCredential[];
    now: Date;
  },
): Promise<{ credential: PathwayCredential }> {
  const settings = credentialConfig();
  const { stored } = pathway;
  if (!stored.achievementId) throw new Error(`pathway version ${stored.id} has no achievement`);
  const componentIds = [...new Set(evaluation.assignment.map((entry) => entry.credentialId))].sort();
  const byId = new Map(wallet.map((credential) => [credential.id, credential]));
  const kmgIds = componentIds.filter((id) => byId.get(id)?.kind !== 'EXTERNAL');
  const externalIds = componentIds.filter((id) => byId.get(id)?.kind === 'EXTERNAL');
  const [kmgRows, externalRows, teacher, parent] = await Promise.all([
    tx.credential.findMany({ where: { id: { in: kmgIds } }, select: { id: true, source: true } }),
    tx.externalCredential.findMany({ where: { id: { in: externalIds } } }),
    tx.user.findUniqueOrThrow({ where: { id: teacherId }, include: { teacherProfile: true } }),
    tx.organization.findUnique({ where: { code: settings.parentOrganizationCode } }),
  ]);
  const nuptk = teacher.teacherProfile?.nuptk;
  if (!nuptk) throw new Error(`teacher ${teacherId} has no NUPTK`);
  const components: PathwayComponent[] = [
    ...kmgRows.map((row) => ({
      kind: 'kmg' as const,
      id: row.id,
      source: row.source as unknown as OpenBadgeInput,
      verificationUrl: verificationUrl(row.id),
    })),
    ...externalRows.map((row) => ({
      kind: 'external' as const,
      id: row.id,
      credentialUri: row.credentialUri,
      achievementName: row.achievementName,
      issuerName: row.issuerName,
      hours: row.hours,
      sksHundredths: row.sksHundredths,
    })),
  ].sort((a, b) => a.id.localeCompare(b.id));
  // Awarded the moment the teacher's wallet completes the version.
  const dates = credentialDates({ awardedAt: now, validityMonths: stored.validityMonths });
  const issuer = { id: stored.pathway.issuer.id, code: stored.pathway.issuer.code };
  const result = await signAndStoreCredential(tx, {
    issuer,
    kind: 'PATHWAY',
    achievementId: stored.achievementId,
    teacherId,
    applicationId: null,
    pathwayVersionId: stored.id,
    revision: 1,
    dates,
    now,
    build: ({ credentialId, credentialStatus }) =>
      pathwayBadgeInput({
        pathway: { ...stored, code: stored.pathway.code, achievementId: stored.achievementId as string },
        issuer: stored.pathway.issuer,
        components,
        assignment: evaluation.assignment,
        credentialId,
        credentialStatus,
        learner: { name: teacher.name, nuptk, salt: createIdentitySalt() },
        dates,
        publicUrl: settings.publicUrl,
        issuerId: issuerIdOf(stored.pathway.issuer.code),
        parentOrganization: { code: settings.parentOrganizationCode, name: parent?.name ?? null },
      }),
  });
  const itemsOf = (id: string) =>
    evaluation.assignment.filter((entry) => entry.credentialId === id).map((entry) => entry.itemId);
  if (kmgIds.length > 0)
    await tx.credentialComponent.createMany({
      data: kmgIds.map((componentId) => ({
        credentialId: result.id,
        componentId,
        itemIds: itemsOf(componentId),
      })),
    });
  if (externalIds.length > 0)
    await tx.credentialExternalComponent.createMany({
      data: externalIds.map((externalId) => ({
        credentialId: result.id,
        externalId,
        itemIds: itemsOf(externalId),
      })),
    });
  // Its CLR bundle is signed by a job of its own, so the award is not held up by it.
  await enqueueInTransaction(tx, queueNames.pathwayClr, { awardId: result.id });
  await runAfterIssueHooks(tx, {
    credentialId: result.id,
    revision: 1,
    teacherId,
    achievementId: stored.achievementId,
    issuer,
    training: null,
    pathway: { versionId: stored.id, code: stored.pathway.code, title: stored.titleId },
    now,
  });
  const row = await tx.credential.findUniqueOrThrow({
    where: { id: result.id },
    select: walletCredentialSelect,
  });
  return { credential: toPathwayCredential(row) };
}

/** Every credential issued to a teacher (training or pathway) may complete a pathway: look again. */
async function queueAfterIssue(tx: Tx, issued: IssuedCredential): Promise<void> {
  await queuePathwayEvaluation(tx, issued.teacherId);
}

/** The teacher hears of an award like of any credential. */
async function notifyAward(tx: Tx, issued: IssuedCredential): Promise<void> {
  if (!issued.pathway) return;
  await notify(tx, [
    {
      userId: issued.teacherId,
      kind: 'PATHWAY_AWARDED',
      params: { pathway: issued.pathway.title },
      subject: { type: 'CREDENTIAL', id: issued.credentialId },
    },
  ]);
}

onCredentialIssued(queueAfterIssue);
onCredentialIssued(notifyAward);
