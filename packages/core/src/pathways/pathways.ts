// The pathway builder's work: drafts, the preview before publishing, publishing (which freezes the
// version, writes the achievement its awards certify and starts the backfill) and retiring.
import { db, enqueueInTransaction, type Prisma, queueNames } from '@kmg/db';
import {
  checkPathwayDefinition,
  createPathwayCompletionCheck,
  createPathwayEvaluator,
  type FieldIssue,
  type PathwayDefinition,
  type PathwayEvaluation,
  pathwayCodeSchema,
  pathwayContentSchema,
  pathwayItems,
  referencedPathwayCodes,
  toPathwayVersion,
} from '@kmg/domain';
import type { z } from 'zod';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { loadedPathway, pathwayToday, publishedVersionSelect } from '#pathways/award.ts';
import {
  PATHWAY_ASSESSMENT_METHOD,
  PATHWAY_QUALITY_ASSURANCE,
  pathwayCriteria,
} from '#pathways/pathway-badge.ts';
import { loadWallets } from '#pathways/wallet.ts';
import { canManagePathways } from '#rules/pathways.ts';
import { inTransaction } from '#transaction.ts';

type Tx = Prisma.TransactionClient;

export type PathwayContent = z.output<typeof pathwayContentSchema>;

export type PathwayDraftInput = {
  content: unknown;
  /** `{ requirements, precedes, recencyYears, allowCredentialReuse }` as the builder sends it. */
  definition: unknown;
};

function requireManager(ctx: Actor): string {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  if (!canManagePathways(ctx)) throw new NotAllowedError('FORBIDDEN');
  return ctx.viewer.id;
}

function checkDefinition(input: unknown, ownCode: string): PathwayDefinition {
  const checked = checkPathwayDefinition(input, ownCode);
  if (checked.kind === 'invalid') throw new ValidationError(prefix(checked.issues, 'definition'));
  return checked.definition;
}

function prefix(issues: FieldIssue[], field: string): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, path: [field, ...issue.path] }));
}

/** Every achievement code, SKKNI unit, skill area and pathway the tree names exists. */
async function checkReferences(tx: Tx, definition: PathwayDefinition): Promise<void> {
  const issues: FieldIssue[] = [];
  const items = pathwayItems(definition.requirements);
  const wanted = (kind: string) => items.filter(({ item }) => item.match.kind === kind);
  const codes = (values: string[]) => [...new Set(values)];
  const achievementCodes = codes(
    wanted('achievement').map(({ item }) => (item.match as { code: string }).code),
  );
  const [achievements, callCodes, versions, units, areas, pathways] = await Promise.all([
    tx.achievement.findMany({ where: { code: { in: achievementCodes } }, select: { code: true } }),
    // A call's achievement takes the call's code: naming a call not yet awarding is naming it.
    tx.trainingCall.findMany({ where: { code: { in: achievementCodes } }, select: { code: true } }),
    tx.achievement.findMany({
      where: {
        id: {
          in: codes(
            wanted('achievementVersion').map(
              ({ item }) => (item.match as { achievementId: string }).achievementId,
            ),
          ),
        },
      },
      select: { id: true },
    }),
    tx.skkniUnit.findMany({
      where: {
        code: {
          in: codes(wanted('skkniUnit').map(({ item }) => (item.match as { unitCode: string }).unitCode)),
        },
      },
      select: { code: true },
    }),
    tx.skillArea.findMany({
      where: {
        code: {
          in: codes(
            wanted('skillArea').map(({ item }) => (item.match as { skillAreaCode: string }).skillAreaCode),
          ),
        },
      },
      select: { code: true },
    }),
    tx.pathway.findMany({
      where: {
        code: {
          in: codes(wanted('pathway').map(({ item }) => (item.match as { pathwayCode: string }).pathwayCode)),
        },
      },
      select: { code: true },
    }),
  ]);
  const known = {
    achievement: new Set([...achievements.map((row) => row.code), ...callCodes.map((row) => row.code ?? '')]),
    achievementVersion: new Set(versions.map((row) => row.id)),
    skkniUnit: new Set(units.map((row) => row.code)),
    skillArea: new Set(areas.map((row) => row.code)),
    pathway: new Set(pathways.map((row) => row.code)),
  };
  const kindName = {
    achievement: { id: 'capaian', en: 'achievement' },
    achievementVersion: { id: 'versi capaian', en: 'achievement version' },
    skkniUnit: { id: 'unit SKKNI', en: 'SKKNI unit' },
    skillArea: { id: 'bidang keahlian', en: 'skill area' },
    pathway: { id: 'jalur', en: 'pathway' },
  };
  for (const [index, { item }] of items.entries()) {
    const match = item.match;
    if (match.kind === 'external') continue;
    const value =
      match.kind === 'achievement'
        ? match.code
        : match.kind === 'achievementVersion'
          ? match.achievementId
          : match.kind === 'skkniUnit'
            ? match.unitCode
            : match.kind === 'skillArea'
              ? match.skillAreaCode
              : match.pathwayCode;
    if (!known[match.kind].has(value))
      issues.push({
        path: ['definition', 'items', item.id],
        code: 'PATHWAY_UNKNOWN_REFERENCE',
        params: { kind: kindName[match.kind], code: value, index },
      });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

function versionData(content: PathwayContent, definition: PathwayDefinition) {
  return {
    ...content,
    validityMonths: content.validityMonths ?? null,
    requirements: definition.requirements as unknown as Prisma.InputJsonValue,
    precedes: definition.precedes as unknown as Prisma.InputJsonValue,
    recencyYears: definition.recencyYears ?? null,
    allowCredentialReuse: definition.allowCredentialReuse,
  };
}

/** Creates a pathway with its first draft. The issuer is the ministry directorate or LPDP. */
export async function createPathway(
  ctx: Actor,
  input: PathwayDraftInput & { code: unknown; issuerId: string },
): Promise<{ pathwayId: string; versionId: string }> {
  const actorId = requireManager(ctx);
  const code = parseInput(pathwayCodeSchema, input.code, ['code']);
  const content = parseInput(pathwayContentSchema, input.content, ['content']);
  const definition = checkDefinition(input.definition, code);
  return inTransaction(async (tx) => {
    const issuer = await tx.organization.findUnique({ where: { id: input.issuerId } });
    if (!issuer || (issuer.kind !== 'MINISTRY' && issuer.kind !== 'FUNDER'))
      throw new ValidationError([{ path: ['issuerId'], code: 'INVALID_FORMAT' }]);
    if (await tx.pathway.findUnique({ where: { code } }))
      throw new ValidationError([{ path: ['code'], code: 'PATHWAY_CODE_TAKEN' }]);
    await checkReferences(tx, definition);
    const pathway = await tx.pathway.create({ data: { code, issuerId: issuer.id } });
    const version = await tx.pathwayVersion.create({
      data: { pathwayId: pathway.id, version: 1, createdById: actorId, ...versionData(content, definition) },
    });
    await recordAudit(tx, {
      actorId,
      action: 'pathway.drafted',
      subject: { type: 'PATHWAY', id: version.id },
      details: { code, version: 1 },
    });
    return { pathwayId: pathway.id, versionId: version.id };
  });
}

/**
 * Saves the pathway's draft: the open draft is updated; when there is none (the pathway is
 * published), the next version is drafted. A published version never changes.
 */
export async function savePathwayDraft(
  ctx: Actor,
  input: PathwayDraftInput & { pathwayId: string },
): Promise<{ versionId: string; version: number }> {
  const actorId = requireManager(ctx);
  const content = parseInput(pathwayContentSchema, input.content, ['content']);
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM pathways WHERE id = ${input.pathwayId}::uuid FOR UPDATE`;
    const pathway = await tx.pathway.findUnique({
      where: { id: input.pathwayId },
      include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
    });
    if (!pathway) throw new NotFoundError();
    const definition = checkDefinition(input.definition, pathway.code);
    await checkReferences(tx, definition);
    const latest = pathway.versions[0];
    const data = versionData(content, definition);
    const saved =
      latest?.status === 'DRAFT'
        ? await tx.pathwayVersion.update({ where: { id: latest.id }, data })
        : await tx.pathwayVersion.create({
            data: {
              pathwayId: pathway.id,
              version: (latest?.version ?? 0) + 1,
              createdById: actorId,
              ...data,
            },
          });
    await recordAudit(tx, {
      actorId,
      action: 'pathway.drafted',
      subject: { type: 'PATHWAY', id: saved.id },
      details: { code: pathway.code, version: saved.version },
    });
    return { versionId: saved.id, version: saved.version };
  });
}

export type PublicationPreview = {
  /** Teachers holding at least one credential: those the preview looked at. */
  teachersEvaluated: number;
  /** Would receive the pathway's credential at once. */
  wouldReceive: number;
  /** One requirement short: one more credential (or one more group) would complete it. */
  oneAway: number;
};

/** A teacher is one credential away when a single item or a single child of one group is missing. */
export function isOneAway(evaluation: PathwayEvaluation): boolean {
  if (evaluation.kind === 'complete') return false;
  const gaps = evaluation.missing.filter((gap) => gap.kind === 'item' || gap.kind === 'children');
  const pools = evaluation.missing.filter((gap) => gap.kind === 'hours' || gap.kind === 'sks');
  if (pools.length > 0) return false;
  const childrenShort = gaps.filter((gap) => gap.kind === 'children');
  if (childrenShort.length > 0)
    return childrenShort.every((gap) => gap.kind === 'children' && gap.short === 1);
  return gaps.length === 1;
}

async function draftFor(tx: Tx | ReturnType<typeof db>, versionId: string) {
  const version = await tx.pathwayVersion.findUnique({
    where: { id: versionId },
    include: { pathway: true },
  });
  if (!version) throw new NotFoundError();
  return version;
}

/** What publishing would do now: how many teachers would receive the credential, how many are close. */
export async function previewPathwayPublication(ctx: Actor, versionId: string): Promise<PublicationPreview> {
  requireManager(ctx);
  const version = await draftFor(db(), versionId);
  const definition = checkDefinition(
    {
      requirements: version.requirements,
      precedes: version.precedes,
      recencyYears: version.recencyYears,
      allowCredentialReuse: version.allowCredentialReuse,
    },
    version.pathway.code,
  );
  // Compiled once for every teacher; "one away" needs the explanation, so not the completion check.
  const evaluate = createPathwayEvaluator(
    toPathwayVersion(version.pathway.code, version.version, definition),
  );
  const wallets = await loadWallets(db(), null);
  const today = pathwayToday(ctx.now);
  let wouldReceive = 0;
  let oneAway = 0;
  for (const wallet of wallets.values()) {
    const evaluation = evaluate(wallet, today);
    if (evaluation.kind === 'complete') wouldReceive += 1;
    else if (isOneAway(evaluation)) oneAway += 1;
  }
  return { teachersEvaluated: wallets.size, wouldReceive, oneAway };
}

/**
 * Publishes a draft: it is frozen from now on, the achievement its awards certify is written, the
 * version published before it is retired, and everyone who already qualifies is awarded by a
 * background job (its progress shows in the console).
 */
export async function publishPathway(ctx: Actor, versionId: string): Promise<{ versionId: string }> {
  const actorId = requireManager(ctx);
  return inTransaction(async (tx) => {
    const locked = await draftFor(tx, versionId);
    await tx.$queryRaw`SELECT id FROM pathways WHERE id = ${locked.pathwayId}::uuid FOR UPDATE`;
    const version = await draftFor(tx, versionId);
    if (version.status !== 'DRAFT') throw new InvalidStateError('PATHWAY_NOT_DRAFT');
    const definition = checkDefinition(
      {
        requirements: version.requirements,
        precedes: version.precedes,
        recencyYears: version.recencyYears,
        allowCredentialReuse: version.allowCredentialReuse,
      },
      version.pathway.code,
    );
    await checkReferences(tx, definition);
    const achievement = await tx.achievement.create({
      data: {
        code: version.pathway.code,
        version: version.version,
        status: 'PUBLISHED',
        publishedAt: ctx.now,
        ownerId: version.pathway.issuerId,
        achievementType: version.achievementType,
        nameId: version.titleId,
        nameEn: version.titleEn,
        descriptionId: version.descriptionId,
        descriptionEn: version.descriptionEn,
        criteriaId: pathwayCriteria(version).id,
        criteriaEn: pathwayCriteria(version).en,
        kkniLevel: version.kkniLevel,
        validityMonths: version.validityMonths,
        assessmentMethod: PATHWAY_ASSESSMENT_METHOD,
        qualityAssurance: PATHWAY_QUALITY_ASSURANCE,
      },
    });
    const previous = await tx.pathwayVersion.updateMany({
      where: { pathwayId: version.pathwayId, status: 'PUBLISHED' },
      data: { status: 'RETIRED', retiredAt: ctx.now },
    });
    const teachers = await tx.user.count({
      where: { OR: [{ credentials: { some: {} } }, { externalCredentials: { some: {} } }] },
    });
    await tx.pathwayVersion.update({
      where: { id: version.id },
      data: {
        status: 'PUBLISHED',
        publishedAt: ctx.now,
        achievementId: achievement.id,
        backfillStatus: 'RUNNING',
        backfillTotal: teachers,
      },
    });
    await recordAudit(tx, {
      actorId,
      action: 'pathway.published',
      subject: { type: 'PATHWAY', id: version.id },
      details: { code: version.pathway.code, version: version.version, retired: previous.count },
    });
    await enqueueInTransaction(tx, queueNames.backfillPathway, { versionId: version.id });
    return { versionId: version.id };
  });
}

/** Retires a published version: awarded no more; its awards stay valid and verifiable. */
export async function retirePathway(ctx: Actor, versionId: string): Promise<{ versionId: string }> {
  const actorId = requireManager(ctx);
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM pathway_versions WHERE id = ${versionId}::uuid FOR UPDATE`;
    const version = await draftFor(tx, versionId);
    if (version.status !== 'PUBLISHED') throw new InvalidStateError('PATHWAY_NOT_PUBLISHED');
    await tx.pathwayVersion.update({
      where: { id: versionId },
      data: { status: 'RETIRED', retiredAt: ctx.now },
    });
    await recordAudit(tx, {
      actorId,
      action: 'pathway.retired',
      subject: { type: 'PATHWAY', id: versionId },
      details: { code: version.pathway.code, version: version.version },
    });
    return { versionId };
  });
}

/** Backfill batch size: teachers evaluated per progress update. */
const BACKFILL_BATCH = 100;

/**
 * Awards a newly published version to everyone who already qualifies, teacher by teacher (each in
 * its own transaction under the teacher's lock, like any evaluation), recording progress.
 * Idempotent: a retried job skips teachers already awarded.
 */
export async function runPathwayBackfill(
  versionId: string,
  now: Date,
  evaluate: (teacherId: string, now: Date) => Promise<{ versionId: string }[]>,
): Promise<void> {
  const version = await db().pathwayVersion.findUnique({
    where: { id: versionId },
    select: publishedVersionSelect,
  });
  if (version?.status !== 'PUBLISHED') return;
  const teacherIds = (
    await db().user.findMany({
      where: { OR: [{ credentials: { some: {} } }, { externalCredentials: { some: {} } }] },
      select: { id: true },
      orderBy: { id: 'asc' },
    })
  ).map((row) => row.id);
  await db().pathwayVersion.update({
    where: { id: versionId },
    data: {
      backfillStatus: 'RUNNING',
      backfillTotal: teacherIds.length,
      backfillDone: 0,
      backfillAwarded: 0,
    },
  });
  try {
    // Only a teacher whose wallet completes the version now can be awarded it (a wallet that changes
    // later queues its own evaluation), so the others are not evaluated. A version that stacks other
    // pathways may complete once the evaluation awards those first: then every teacher is evaluated.
    const { engine } = loadedPathway(version);
    const completes =
      referencedPathwayCodes(engine.requirements).length === 0 ? createPathwayCompletionCheck(engine) : null;
    const today = pathwayToday(now);
    for (let start = 0; start < teacherIds.length; start += BACKFILL_BATCH) {
      let awarded = 0;
      const batch = teacherIds.slice(start, start + BACKFILL_BATCH);
      const wallets = completes ? await loadWallets(db(), batch) : null;
      for (const teacherId of batch) {
        if (completes && !completes(wallets?.get(teacherId) ?? [], today)) continue;
        const outcomes = await evaluate(teacherId, now);
        awarded += outcomes.filter((outcome) => outcome.versionId === versionId).length;
      }
      await db().pathwayVersion.update({
        where: { id: versionId },
        data: {
          backfillDone: Math.min(start + BACKFILL_BATCH, teacherIds.length),
          backfillAwarded: { increment: awarded },
        },
      });
    }
    // Awards made by ordinary evaluations while the backfill ran count too.
    const total = await db().credential.count({ where: { pathwayVersionId: versionId } });
    await db().pathwayVersion.update({
      where: { id: versionId },
      data: { backfillStatus: 'DONE', backfillAwarded: total },
    });
  } catch (error) {
    await db().pathwayVersion.update({ where: { id: versionId }, data: { backfillStatus: 'FAILED' } });
    throw error;
  }
}
