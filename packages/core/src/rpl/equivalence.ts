// Equivalence rules: staff draft a version, a second person approves it (four eyes; the database
// refuses the author as approver and freezes approved versions), it proposes between its effective
// dates, and it can be retired. Nothing here changes a decision already made: applications keep
// the proposal they were submitted with. The "what if" tool runs past applicants' submitted
// inputs against the rules with one draft swapped in, and counts whose proposal would change.
import { db, type Prisma } from '@kmg/db';
import {
  createRecognitionEstimator,
  type EquivalenceRule,
  equivalenceRuleInputSchema,
  type FieldIssue,
  type RecognitionInput,
  type RecognitionProposal,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import {
  AppError,
  InvalidStateError,
  NotAllowedError,
  NotFoundError,
  parseInput,
  ValidationError,
} from '#errors.ts';
import { requireManagedProgramme } from '#rpl/catalogue.ts';
import { ruleVersionSelect, toDateColumn, toEquivalenceRule } from '#rpl/engine-input.ts';
import { inTransaction } from '#transaction.ts';

type Tx = Prisma.TransactionClient;

const ruleCode = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The course, its outcomes and every reference the requirements name exist. */
async function checkRuleInput(
  tx: Tx,
  programmeId: string,
  input: ReturnType<typeof equivalenceRuleInputSchema.parse>,
) {
  const issues: FieldIssue[] = [];
  const course = await tx.course.findFirst({
    where: { id: input.courseId, curriculum: { programmeId } },
    select: { sks: true, outcomes: { select: { code: true } } },
  });
  if (!course) throw new ValidationError([{ path: ['input', 'courseId'], code: 'NOT_FOUND' }]);
  if (input.sks > course.sks)
    issues.push({ path: ['input', 'sks'], code: 'RULE_SKS_OVER_COURSE', params: { sks: course.sks } });
  const outcomeCodes = new Set(course.outcomes.map((outcome) => outcome.code));
  input.coveredOutcomes.forEach((code, index) => {
    if (!outcomeCodes.has(code))
      issues.push({
        path: ['input', 'coveredOutcomes', String(index)],
        code: 'RULE_UNKNOWN_OUTCOME',
        params: { code },
      });
  });
  const wanted = (kind: string) =>
    input.requirements.flatMap((r, index) => (r.kind === kind ? [{ r, index }] : []));
  const achievementCodes = [
    ...wanted('ACHIEVEMENT').map(({ r }) => (r as { achievementCode: string }).achievementCode),
    ...wanted('LEARNING_OUTCOME').map(({ r }) => (r as { achievementCode: string }).achievementCode),
  ];
  const [achievements, units, pathways, outcomes] = await Promise.all([
    tx.achievement.findMany({ where: { code: { in: achievementCodes } }, select: { code: true } }),
    tx.skkniUnit.findMany({
      where: { code: { in: wanted('SKKNI_UNIT').map(({ r }) => (r as { unitCode: string }).unitCode) } },
      select: { code: true },
    }),
    tx.pathway.findMany({
      where: { code: { in: wanted('PATHWAY').map(({ r }) => (r as { pathwayCode: string }).pathwayCode) } },
      select: { code: true },
    }),
    tx.learningOutcome.findMany({
      where: { achievement: { code: { in: achievementCodes } } },
      select: { code: true, achievement: { select: { code: true } } },
    }),
  ]);
  const known = {
    achievement: new Set(achievements.map((row) => row.code)),
    unit: new Set(units.map((row) => row.code)),
    pathway: new Set(pathways.map((row) => row.code)),
    outcome: new Set(outcomes.map((row) => `${row.achievement?.code}/${row.code}`)),
  };
  input.requirements.forEach((requirement, index) => {
    const path = ['input', 'requirements', String(index)];
    const missing = (code: string) => issues.push({ path, code: 'RULE_UNKNOWN_REFERENCE', params: { code } });
    switch (requirement.kind) {
      case 'ACHIEVEMENT':
        if (!known.achievement.has(requirement.achievementCode)) missing(requirement.achievementCode);
        break;
      case 'SKKNI_UNIT':
        if (!known.unit.has(requirement.unitCode)) missing(requirement.unitCode);
        break;
      case 'PATHWAY':
        if (!known.pathway.has(requirement.pathwayCode)) missing(requirement.pathwayCode);
        break;
      case 'LEARNING_OUTCOME':
        if (!known.outcome.has(`${requirement.achievementCode}/${requirement.outcomeCode}`))
          missing(`${requirement.achievementCode} ${requirement.outcomeCode}`);
        break;
      case 'HOURS':
        break;
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

function versionData(input: ReturnType<typeof equivalenceRuleInputSchema.parse>) {
  return {
    courseId: input.courseId,
    requirements: input.requirements,
    coveredOutcomes: input.coveredOutcomes,
    coverage: input.coverage,
    sks: input.sks,
    rationaleId: input.rationaleId,
    rationaleEn: input.rationaleEn,
    effectiveFrom: toDateColumn(input.effectiveFrom),
    effectiveTo: input.effectiveTo ? toDateColumn(input.effectiveTo) : null,
  };
}

/**
 * Saves a draft: a new rule (with its code), or the rule's open draft (created as the next version
 * when there is none). Approved versions are never edited.
 */
export async function saveRuleDraft(
  ctx: Actor,
  {
    programmeId,
    code,
    input,
    precedentApplicationId = null,
  }: {
    programmeId: string;
    code: string;
    input: unknown;
    /** The RPL case whose committee decision this draft turns into a rule. */
    precedentApplicationId?: string | null;
  },
) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const trimmed = code.trim();
  if (!ruleCode.test(trimmed)) throw new ValidationError([{ path: ['code'], code: 'INVALID_FORMAT' }]);
  const data = parseInput(equivalenceRuleInputSchema, input, ['input']);
  return inTransaction(async (tx) => {
    await requireManagedProgramme(tx, ctx, programmeId);
    await checkRuleInput(tx, programmeId, data);
    const rule = await tx.equivalenceRule.upsert({
      where: { programmeId_code: { programmeId, code: trimmed } },
      create: { programmeId, code: trimmed },
      update: {},
    });
    await tx.$executeRaw`SELECT id FROM equivalence_rules WHERE id = ${rule.id}::uuid FOR UPDATE`;
    const draft = await tx.equivalenceRuleVersion.findFirst({ where: { ruleId: rule.id, status: 'DRAFT' } });
    const saved = draft
      ? await tx.equivalenceRuleVersion.update({
          where: { id: draft.id },
          data: { ...versionData(data), createdById: viewer.id, precedentApplicationId },
        })
      : await tx.equivalenceRuleVersion.create({
          data: {
            ...versionData(data),
            ruleId: rule.id,
            createdById: viewer.id,
            precedentApplicationId,
            version:
              ((
                await tx.equivalenceRuleVersion.findFirst({
                  where: { ruleId: rule.id },
                  orderBy: { version: 'desc' },
                  select: { version: true },
                })
              )?.version ?? 0) + 1,
          },
        });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'EQUIVALENCE_RULE_DRAFTED',
      subject: { type: 'EQUIVALENCE_RULE', id: saved.id },
      details: { code: trimmed, version: saved.version },
    });
    return saved;
  });
}

/** The version, locked for this transaction, if the actor manages its programme. */
async function requireManagedVersion(tx: Tx, ctx: Actor, versionId: string) {
  await tx.$executeRaw`SELECT id FROM equivalence_rule_versions WHERE id = ${versionId}::uuid FOR UPDATE`;
  const version = await tx.equivalenceRuleVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      version: true,
      status: true,
      ruleId: true,
      createdById: true,
      effectiveFrom: true,
      updatedAt: true,
      rule: { select: { programmeId: true, code: true } },
    },
  });
  if (!version) throw new NotFoundError();
  await requireManagedProgramme(tx, ctx, version.rule.programmeId);
  return version;
}

/**
 * Approves a draft (someone other than its author), as the approver saw it: `seenUpdatedAt` is the
 * draft's `updatedAt` on their screen, and a draft changed since is refused. Every approved version
 * of the rule still in force on or after this one's start ends the day before it (or, starting no
 * earlier, is retired): one version of a rule in force at a time. Effective dates are inclusive.
 */
export async function approveRuleVersion(
  ctx: Actor,
  { versionId, seenUpdatedAt = null }: { versionId: string; seenUpdatedAt?: Date | null },
) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  return inTransaction(async (tx) => {
    const version = await requireManagedVersion(tx, ctx, versionId);
    if (version.status !== 'DRAFT') throw new InvalidStateError('RULE_NOT_DRAFT');
    if (version.createdById === viewer.id) throw new AppError('RULE_FOUR_EYES');
    if (seenUpdatedAt && seenUpdatedAt.getTime() !== version.updatedAt.getTime())
      throw new InvalidStateError('RULE_CHANGED_SINCE_SEEN');
    const dayBefore = new Date(version.effectiveFrom.getTime() - 86_400_000);
    const previous = await tx.equivalenceRuleVersion.findMany({
      where: {
        ruleId: version.ruleId,
        status: 'APPROVED',
        id: { not: version.id },
        OR: [{ effectiveTo: null }, { effectiveTo: { gte: version.effectiveFrom } }],
      },
      select: { id: true, effectiveFrom: true },
    });
    for (const earlier of previous) {
      if (earlier.effectiveFrom < version.effectiveFrom)
        await tx.equivalenceRuleVersion.update({
          where: { id: earlier.id },
          data: { effectiveTo: dayBefore },
        });
      else
        await tx.equivalenceRuleVersion.update({
          where: { id: earlier.id },
          data: { status: 'RETIRED', retiredAt: ctx.now },
        });
    }
    const approved = await tx.equivalenceRuleVersion.update({
      where: { id: version.id },
      data: { status: 'APPROVED', approvedById: viewer.id, approvedAt: ctx.now },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'EQUIVALENCE_RULE_APPROVED',
      subject: { type: 'EQUIVALENCE_RULE', id: version.id },
      fromStatus: 'DRAFT',
      toStatus: 'APPROVED',
      details: { code: version.rule.code, version: version.version },
    });
    return approved;
  });
}

export async function retireRuleVersion(ctx: Actor, { versionId }: { versionId: string }) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  return inTransaction(async (tx) => {
    const version = await requireManagedVersion(tx, ctx, versionId);
    if (version.status !== 'APPROVED') throw new InvalidStateError('RULE_NOT_APPROVED');
    const retired = await tx.equivalenceRuleVersion.update({
      where: { id: version.id },
      data: { status: 'RETIRED', retiredAt: ctx.now },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'EQUIVALENCE_RULE_RETIRED',
      subject: { type: 'EQUIVALENCE_RULE', id: version.id },
      fromStatus: 'APPROVED',
      toStatus: 'RETIRED',
    });
    return retired;
  });
}

/** Deletes a draft nobody approved. */
export async function discardRuleDraft(ctx: Actor, { versionId }: { versionId: string }) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  return inTransaction(async (tx) => {
    const version = await requireManagedVersion(tx, ctx, versionId);
    if (version.status !== 'DRAFT') throw new InvalidStateError('RULE_NOT_DRAFT');
    await tx.equivalenceRuleVersion.delete({ where: { id: version.id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'EQUIVALENCE_RULE_DISCARDED',
      subject: { type: 'EQUIVALENCE_RULE', id: version.id },
    });
    return true;
  });
}

/** What the engine was run with at submission (stored in the application's proposal snapshot). */
export type SubmittedProposal = {
  input: RecognitionInput;
  proposal: RecognitionProposal;
  ruleVersionIds: string[];
  /** What was put forward and how each credential fared, as submitted (absent before this was kept). */
  submitted?: {
    credentials: {
      credentialId: string | null;
      externalCredentialId: string | null;
      ok: boolean;
      checks: Record<string, boolean>;
      detail: string | null;
    }[];
    evidenceIds: string[];
  };
};

export type WhatIfResult = {
  applicationsCompared: number;
  changed: { applicationId: string; teacherName: string; beforeSks: number; afterSks: number }[];
};

function totalSks(proposal: RecognitionProposal): number {
  return proposal.kind === 'proposal' ? proposal.totalSks : 0;
}

function sameCourses(a: RecognitionProposal, b: RecognitionProposal): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'ineligible' || b.kind === 'ineligible') return true;
  const key = (p: typeof a) => p.proposed.map((course) => `${course.courseId}:${course.sks}`).join(',');
  return key(a) === key(b as typeof a);
}

/**
 * How many past applicants' proposals a draft would change: each submitted application's stored
 * inputs run twice by today's engine, as they were and with the draft in place of the rule's
 * version (or added, for a new rule), whatever the draft's effective dates. Their decisions and
 * stored proposals are untouched.
 */
export async function whatIfRuleDraft(
  ctx: Actor,
  { versionId }: { versionId: string },
): Promise<WhatIfResult> {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const client = db();
  const draft = await inTransaction(async (tx) => {
    const version = await requireManagedVersion(tx, ctx, versionId);
    if (version.status !== 'DRAFT') throw new InvalidStateError('RULE_NOT_DRAFT');
    return tx.equivalenceRuleVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: ruleVersionSelect,
    });
  });
  const replacement: EquivalenceRule = toEquivalenceRule(draft);
  const programmeId = (
    await client.equivalenceRule.findUniqueOrThrow({
      where: { id: draft.rule.id },
      select: { programmeId: true },
    })
  ).programmeId;
  const applications = await client.rplApplication.findMany({
    where: { programmeId, status: { not: 'DRAFT' }, proposedSks: { not: null } },
    select: { id: true, proposal: true, teacher: { select: { name: true } } },
    orderBy: { submittedAt: 'asc' },
  });
  const changed: WhatIfResult['changed'] = [];
  let compared = 0;
  for (const application of applications) {
    const stored = application.proposal as unknown as SubmittedProposal | null;
    if (!stored?.input) continue;
    compared++;
    const rules = [...stored.input.rules.filter((rule) => rule.code !== replacement.code), replacement];
    // Both sides by today's engine: only the rule differs between them.
    const before = createRecognitionEstimator(stored.input)(stored.input.credentials);
    const after = createRecognitionEstimator({ ...stored.input, rules })(stored.input.credentials);
    if (!sameCourses(before, after))
      changed.push({
        applicationId: application.id,
        teacherName: application.teacher.name,
        beforeSks: totalSks(before),
        afterSks: totalSks(after),
      });
  }
  return { applicationsCompared: compared, changed };
}
