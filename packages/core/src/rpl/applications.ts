// A teacher's RPL application: a draft (credentials from the wallet, other evidence files, the
// self-evaluation per course outcome), submitted with every credential verified (proof, status,
// validity at the intake's cut-off, recipient) and the engine's proposal stored as a snapshot with
// its inputs; the university may ask for more evidence, which the teacher answers by submitting
// again; the teacher may withdraw. Every change is one transaction through the state machine.
import { type Credential, isCredentialFor } from '@kmg/credentials';
import { db, type Prisma } from '@kmg/db';
import {
  createRecognitionEstimator,
  evidenceRequestSchema,
  type LocalDate,
  localDateAt,
  type RecognitionProposal,
  type RplApplicationAction,
  type RplApplicationStatus,
  type RplCredential,
  rplApplicationMachine,
  rplDraftInputSchema,
  rplEditRefusal,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { verifyCredentialDocument } from '#credentials/verify-credential.ts';
import { AppError, InvalidStateError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { dateOnly, loadRplWallets, toDateColumn } from '#rpl/engine-input.ts';
import type { SubmittedProposal } from '#rpl/equivalence.ts';
import { loadRecognitionSetting } from '#rpl/estimate.ts';
import { returnRplCaseToTeacher } from '#rpl/review/workflow.ts';
import { canSeeRplApplication } from '#rules/rpl.ts';
import { inTransaction } from '#transaction.ts';

type Tx = Prisma.TransactionClient;

const applicationSelect = {
  id: true,
  status: true,
  teacherId: true,
  intakeId: true,
  programmeId: true,
  updatedAt: true,
  submittedAt: true,
  intake: { select: { opensAt: true, closesAt: true, cutoffDate: true } },
  programme: { select: { universityId: true } },
} satisfies Prisma.RplApplicationSelect;

type ApplicationRow = Prisma.RplApplicationGetPayload<{ select: typeof applicationSelect }>;

/** The application, locked for this transaction, if it is the viewer's own. */
async function lockOwnApplication(tx: Tx, ctx: Actor, applicationId: string): Promise<ApplicationRow> {
  const viewer = requireViewer(ctx);
  await tx.$executeRaw`SELECT id FROM rpl_applications WHERE id = ${applicationId}::uuid FOR UPDATE`;
  const row = await tx.rplApplication.findUnique({ where: { id: applicationId }, select: applicationSelect });
  if (!row || row.teacherId !== viewer.id) throw new NotFoundError();
  return row;
}

/** Refuses a change to what the application holds unless it is with the teacher. */
function assertEditable(row: ApplicationRow) {
  const refusal = rplEditRefusal(row.status as RplApplicationStatus);
  if (refusal) throw new InvalidStateError(refusal.code, refusal.params);
}

/**
 * Marks the application changed (its `updatedAt`): a submission verified outside the transaction
 * refuses to store its result when anything changed meanwhile.
 */
async function touch(tx: Tx, row: ApplicationRow) {
  await tx.rplApplication.update({ where: { id: row.id }, data: { updatedAt: new Date() } });
}

/** Moves an application through the state machine and records it; the caller's transaction. */
async function transition(
  tx: Tx,
  ctx: Actor,
  row: ApplicationRow,
  action: RplApplicationAction,
  data: Prisma.RplApplicationUpdateInput = {},
  reason: string | null = null,
) {
  const plan = rplApplicationMachine.plan(row.status as RplApplicationStatus, action);
  if (plan.kind === 'refused') throw new InvalidStateError(plan.code, plan.params);
  const to = plan.to;
  const updated = await tx.rplApplication.update({ where: { id: row.id }, data: { ...data, status: to } });
  await recordAudit(tx, {
    actorId: ctx.viewer?.id ?? null,
    action: `RPL_APPLICATION_${action.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
    subject: { type: 'RPL_APPLICATION', id: row.id },
    fromStatus: row.status,
    toStatus: to,
    reason,
    occurredAt: ctx.now,
    details: { role: 'TEACHER' },
  });
  return updated;
}

/** Starts a draft for an intake that takes applications now (one live application per intake). */
export async function startRplApplication(ctx: Actor, { intakeId }: { intakeId: string }) {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const intake = await tx.rplIntake.findUnique({
      where: { id: intakeId },
      select: {
        id: true,
        programmeId: true,
        opensAt: true,
        closesAt: true,
        programme: { select: { rplOffered: true } },
      },
    });
    if (!intake) throw new NotFoundError();
    if (!intake.programme.rplOffered || intake.opensAt > ctx.now || intake.closesAt <= ctx.now)
      throw new AppError('RPL_INTAKE_CLOSED');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rpl:${viewer.id}:${intakeId}`}))`;
    const live = await tx.rplApplication.findFirst({
      where: { teacherId: viewer.id, intakeId, status: { not: 'WITHDRAWN' } },
      select: { id: true },
    });
    if (live) throw new AppError('RPL_ALREADY_APPLIED');
    const application = await tx.rplApplication.create({
      data: { teacherId: viewer.id, intakeId, programmeId: intake.programmeId },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'RPL_APPLICATION_STARTED',
      subject: { type: 'RPL_APPLICATION', id: application.id },
      toStatus: 'DRAFT',
      occurredAt: ctx.now,
      details: { role: 'TEACHER' },
    });
    return application;
  });
}

/**
 * Saves what the teacher put forward: the credentials (replacing the previous choice) and the
 * self-evaluation. Only the teacher's own credentials, and outcomes of this programme's courses.
 */
export async function saveRplDraft(
  ctx: Actor,
  { applicationId, input }: { applicationId: string; input: unknown },
) {
  const viewer = requireViewer(ctx);
  const data = parseInput(rplDraftInputSchema, input, ['input']);
  return inTransaction(async (tx) => {
    const row = await lockOwnApplication(tx, ctx, applicationId);
    assertEditable(row);
    const [own, ownExternal, evidence, outcomes] = await Promise.all([
      tx.credential.findMany({
        where: {
          id: { in: data.credentialIds },
          teacherId: viewer.id,
          kind: { in: ['TRAINING', 'PATHWAY'] },
        },
        select: { id: true },
      }),
      tx.externalCredential.findMany({
        where: { id: { in: data.externalCredentialIds }, teacherId: viewer.id },
        select: { id: true },
      }),
      tx.rplEvidence.findMany({ where: { applicationId }, select: { id: true } }),
      tx.courseOutcome.findMany({
        where: {
          id: { in: data.selfEvaluations.map((entry) => entry.outcomeId) },
          course: { curriculum: { programmeId: row.programmeId } },
        },
        select: { id: true },
      }),
    ]);
    const issues: { path: string[]; code: 'RPL_CREDENTIAL_NOT_YOURS' | 'NOT_FOUND' | 'DUPLICATE_ITEM' }[] =
      [];
    const ownIds = new Set(own.map((row) => row.id));
    data.credentialIds.forEach((id, index) => {
      if (!ownIds.has(id))
        issues.push({ path: ['input', 'credentialIds', String(index)], code: 'RPL_CREDENTIAL_NOT_YOURS' });
    });
    const externalIds = new Set(ownExternal.map((row) => row.id));
    data.externalCredentialIds.forEach((id, index) => {
      if (!externalIds.has(id))
        issues.push({
          path: ['input', 'externalCredentialIds', String(index)],
          code: 'RPL_CREDENTIAL_NOT_YOURS',
        });
    });
    const outcomeIds = new Set(outcomes.map((row) => row.id));
    const evidenceIds = new Set(evidence.map((row) => row.id));
    const chosen = new Set([...data.credentialIds, ...data.externalCredentialIds]);
    const seen = new Set<string>();
    data.selfEvaluations.forEach((entry, index) => {
      const path = ['input', 'selfEvaluations', String(index)];
      if (!outcomeIds.has(entry.outcomeId)) issues.push({ path: [...path, 'outcomeId'], code: 'NOT_FOUND' });
      if (seen.has(entry.outcomeId)) issues.push({ path: [...path, 'outcomeId'], code: 'DUPLICATE_ITEM' });
      seen.add(entry.outcomeId);
      entry.credentialIds.forEach((id, k) => {
        if (!chosen.has(id)) issues.push({ path: [...path, 'credentialIds', String(k)], code: 'NOT_FOUND' });
      });
      entry.evidenceIds.forEach((id, k) => {
        if (!evidenceIds.has(id))
          issues.push({ path: [...path, 'evidenceIds', String(k)], code: 'NOT_FOUND' });
      });
    });
    if (issues.length > 0) throw new ValidationError(issues);
    // Entries kept keep the verification recorded at the last submission; only the difference
    // is written.
    const existing = await tx.rplApplicationCredential.findMany({
      where: { applicationId },
      select: { id: true, credentialId: true, externalCredentialId: true },
    });
    const wanted = new Set(data.credentialIds);
    const wantedExternal = new Set(data.externalCredentialIds);
    const dropped = existing.filter((entry) =>
      entry.credentialId
        ? !wanted.has(entry.credentialId)
        : !wantedExternal.has(entry.externalCredentialId ?? ''),
    );
    if (dropped.length > 0)
      await tx.rplApplicationCredential.deleteMany({
        where: { id: { in: dropped.map((entry) => entry.id) } },
      });
    const kept = new Set(existing.flatMap((entry) => [entry.credentialId, entry.externalCredentialId]));
    await tx.rplApplicationCredential.createMany({
      data: [
        ...[...wanted].filter((id) => !kept.has(id)).map((credentialId) => ({ applicationId, credentialId })),
        ...[...wantedExternal]
          .filter((id) => !kept.has(id))
          .map((externalCredentialId) => ({ applicationId, externalCredentialId })),
      ],
    });
    await tx.rplSelfEvaluation.deleteMany({ where: { applicationId } });
    await tx.rplSelfEvaluation.createMany({
      data: data.selfEvaluations.map((entry) => ({ applicationId, ...entry })),
    });
    return tx.rplApplication.update({ where: { id: row.id }, data: { updatedAt: new Date() } });
  });
}

type EntryCheck = {
  entryId: string;
  credentialId: string | null;
  externalCredentialId: string | null;
  /** Whether it passed every check and counts as evidence. */
  ok: boolean;
  checks: { proof: boolean; status: boolean; validAtCutoff: boolean; recipient: boolean };
  detail: string | null;
};

/** The last day a credential is valid, read in Jakarta like every credential date. */
const dayIn = (instant: Date) => localDateAt(instant, 'Asia/Jakarta');

/**
 * Whether a credential was valid on the cut-off date (the whole day counts): issued by then and
 * not expired before it. Revocation is read as it stands now (status check).
 */
function validOn(cutoffDate: LocalDate, validFrom: Date, validUntil: Date | null): boolean {
  if (dayIn(validFrom) > cutoffDate) return false;
  return validUntil === null || dayIn(new Date(validUntil.getTime() - 1)) >= cutoffDate;
}

/**
 * Verifies the credentials put forward, outside any transaction (proofs take time): the proof,
 * schema and issuer; the status now (a credential revoked or suspended since is not evidence);
 * validity on the cut-off date; and that the signed credential names this teacher.
 */
async function verifyEntries(
  applicationId: string,
  teacher: { id: string; nuptk: string | null },
  cutoffDate: LocalDate,
  now: Date,
) {
  const entries = await db().rplApplicationCredential.findMany({
    where: { applicationId },
    select: {
      id: true,
      credentialId: true,
      externalCredentialId: true,
      credential: {
        select: { id: true, teacherId: true, document: true, validFrom: true, validUntil: true },
      },
      externalCredential: {
        select: { id: true, teacherId: true, validFrom: true, validUntil: true, verification: true },
      },
    },
  });
  const checks: EntryCheck[] = [];
  for (const entry of entries) {
    const ids = {
      entryId: entry.id,
      credentialId: entry.credentialId,
      externalCredentialId: entry.externalCredentialId,
    };
    if (entry.credential) {
      const result = await verifyCredentialDocument(entry.credential.document, now);
      const check = {
        proof: result.checks.signature.ok && result.checks.schema.ok && result.checks.issuer.ok,
        status: result.checks.status.ok,
        validAtCutoff: validOn(cutoffDate, entry.credential.validFrom, entry.credential.validUntil),
        recipient:
          entry.credential.teacherId === teacher.id &&
          teacher.nuptk !== null &&
          isCredentialFor({
            credential: entry.credential.document as unknown as Credential,
            nuptk: teacher.nuptk,
          }),
      };
      checks.push({
        ...ids,
        ok: Object.values(check).every(Boolean),
        checks: check,
        detail:
          [result.checks.signature, result.checks.schema, result.checks.issuer, result.checks.status].find(
            (c) => !c.ok,
          )?.message ?? null,
      });
    } else if (entry.externalCredential) {
      // Checked in full when imported (proof, issuer, status, recipient); its dates are read here.
      const stored = entry.externalCredential.verification as Record<string, { ok?: boolean }> | null;
      const passed = (name: string) => stored?.[name]?.ok !== false;
      const check = {
        proof: passed('signature') && passed('schema'),
        status: passed('status'),
        validAtCutoff: validOn(
          cutoffDate,
          entry.externalCredential.validFrom,
          entry.externalCredential.validUntil,
        ),
        recipient: entry.externalCredential.teacherId === teacher.id && passed('recipient'),
      };
      checks.push({ ...ids, ok: Object.values(check).every(Boolean), checks: check, detail: null });
    }
  }
  return { entries, checks };
}

/** The outcomes of proposed courses the teacher has not evaluated, or rated without evidence. */
async function selfEvaluationGaps(tx: Tx, applicationId: string, proposal: RecognitionProposal) {
  if (proposal.kind !== 'proposal') return { missing: 0, unsupported: 0 };
  const outcomes = await tx.courseOutcome.findMany({
    where: { courseId: { in: proposal.proposed.map((course) => course.courseId) } },
    select: { id: true },
  });
  const evaluations = await tx.rplSelfEvaluation.findMany({
    where: { applicationId },
    select: { outcomeId: true, level: true, credentialIds: true, evidenceIds: true },
  });
  const byOutcome = new Map(evaluations.map((entry) => [entry.outcomeId, entry]));
  let missing = 0;
  let unsupported = 0;
  for (const outcome of outcomes) {
    const entry = byOutcome.get(outcome.id);
    if (!entry) missing++;
    else if (entry.level !== 'NEVER' && entry.credentialIds.length + entry.evidenceIds.length === 0)
      unsupported++;
  }
  return { missing, unsupported };
}

/**
 * Submits (or, after a request for more evidence, submits again): verifies every credential put
 * forward at the intake's cut-off, runs the engine on those that pass, and stores the proposal with
 * its inputs. The self-evaluation must cover every outcome of the proposed courses.
 */
export async function submitRplApplication(ctx: Actor, { applicationId }: { applicationId: string }) {
  const viewer = requireViewer(ctx);
  const current = await db().rplApplication.findUnique({
    where: { id: applicationId },
    select: applicationSelect,
  });
  if (!current || current.teacherId !== viewer.id) throw new NotFoundError();
  const plan = rplApplicationMachine.plan(current.status as RplApplicationStatus, 'submit');
  if (plan.kind === 'refused') throw new InvalidStateError(plan.code, plan.params);
  // A first submission must come while the intake is open; an answer to a request may come later.
  if (current.status === 'DRAFT' && (current.intake.opensAt > ctx.now || current.intake.closesAt <= ctx.now))
    throw new AppError('RPL_INTAKE_CLOSED');
  const cutoffDate = dateOnly(current.intake.cutoffDate);
  const profile = await db().teacherProfile.findUnique({
    where: { userId: viewer.id },
    select: { nuptk: true },
  });
  const { entries, checks } = await verifyEntries(
    applicationId,
    { id: viewer.id, nuptk: profile?.nuptk ?? null },
    cutoffDate,
    ctx.now,
  );
  const passed = new Set(checks.filter((check) => check.ok).map((check) => check.entryId));
  const credentialIds = entries.flatMap((entry) =>
    passed.has(entry.id) && entry.credential ? [entry.credential.id] : [],
  );
  const setting = await loadRecognitionSetting(db(), {
    programmeId: current.programmeId,
    intakeId: current.intakeId,
    now: ctx.now,
  });
  const wallet: RplCredential[] =
    credentialIds.length > 0
      ? ((await loadRplWallets(db(), [viewer.id], credentialIds)).get(viewer.id) ?? [])
      : [];
  const input = {
    regulation: setting.regulation,
    programme: setting.loaded.programme,
    rules: setting.rules,
    intake: setting.intake,
    credentials: wallet,
  };
  const proposal = createRecognitionEstimator(input)(wallet);
  return inTransaction(async (tx) => {
    const row = await lockOwnApplication(tx, ctx, applicationId);
    // Anything changed while the credentials were verified (an edit, a file added or removed):
    // what was verified is not what would be stored.
    if (row.status !== current.status || row.updatedAt.getTime() !== current.updatedAt.getTime())
      throw new InvalidStateError('STATUS_CHANGED');
    const evidence = await tx.rplEvidence.findMany({ where: { applicationId }, select: { id: true } });
    if (entries.length === 0 && evidence.length === 0) throw new AppError('RPL_NO_CREDENTIALS');
    const snapshot: SubmittedProposal = {
      input,
      proposal,
      ruleVersionIds: setting.rules.map((rule) => rule.id),
      submitted: {
        credentials: checks.map(({ entryId: _entry, ...check }) => check),
        evidenceIds: evidence.map((file) => file.id),
      },
    };
    const gaps = await selfEvaluationGaps(tx, applicationId, proposal);
    if (gaps.missing > 0)
      throw new ValidationError([
        {
          path: ['selfEvaluations'],
          code: 'RPL_SELF_EVALUATION_INCOMPLETE',
          params: { missing: gaps.missing },
        },
      ]);
    if (gaps.unsupported > 0)
      throw new ValidationError([{ path: ['selfEvaluations'], code: 'RPL_SELF_EVALUATION_NEEDS_EVIDENCE' }]);
    for (const check of checks)
      await tx.rplApplicationCredential.update({
        where: { id: check.entryId },
        data: {
          verification: { checks: check.checks, detail: check.detail, cutoffDate },
          verifiedAt: ctx.now,
          isVerified: check.ok,
        },
      });
    return transition(tx, ctx, row, 'submit', {
      proposal: snapshot as unknown as Prisma.InputJsonValue,
      proposedSks: proposal.kind === 'proposal' ? proposal.totalSks : 0,
      submittedAt: ctx.now,
      evidenceRequest: null,
    });
  });
}

export async function withdrawRplApplication(ctx: Actor, { applicationId }: { applicationId: string }) {
  return inTransaction(async (tx) => {
    const row = await lockOwnApplication(tx, ctx, applicationId);
    return transition(tx, ctx, row, 'withdraw', { withdrawnAt: ctx.now });
  });
}

/**
 * The administrative officer returns the case to the teacher for more evidence, saying what (one
 * item); see `returnRplCaseToTeacher` for a list of missing items.
 */
export async function requestRplEvidence(
  ctx: Actor,
  { applicationId, message }: { applicationId: string; message: string },
) {
  const text = parseInput(evidenceRequestSchema, message, ['message']);
  return returnRplCaseToTeacher(ctx, { applicationId, missingItems: [text] });
}

/** Who may read an application (the teacher; the university once submitted; admins). */
export async function findRplApplication(ctx: Actor, applicationId: string) {
  requireViewer(ctx);
  const row = await db().rplApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      teacherId: true,
      status: true,
      submittedAt: true,
      programme: { select: { universityId: true } },
    },
  });
  if (!row || !(await canSeeRplApplication(ctx, row))) throw new NotFoundError();
  return row;
}

/** Evidence files: attached while the application is with the teacher. */
export async function assertMayAttachRplEvidence(ctx: Actor, applicationId: string) {
  const viewer = requireViewer(ctx);
  const row = await db().rplApplication.findUnique({
    where: { id: applicationId },
    select: applicationSelect,
  });
  if (!row || row.teacherId !== viewer.id) throw new NotFoundError();
  assertEditable(row);
}

export async function attachRplEvidence(
  ctx: Actor,
  file: {
    applicationId: string;
    kind: 'BNSP_CERTIFICATE' | 'WORK_EXPERIENCE' | 'EXTERNAL_BADGE' | 'OTHER';
    title: string;
    issuedOn: string | null;
    fileName: string;
    storageKey: string;
    mimeType: string;
    size: number;
    verification: Prisma.InputJsonValue | null;
  },
) {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const row = await lockOwnApplication(tx, ctx, file.applicationId);
    assertEditable(row);
    await touch(tx, row);
    return tx.rplEvidence.create({
      data: {
        applicationId: file.applicationId,
        kind: file.kind,
        title: file.title,
        issuedOn: file.issuedOn ? toDateColumn(file.issuedOn) : null,
        fileName: file.fileName,
        storageKey: file.storageKey,
        mimeType: file.mimeType,
        size: file.size,
        verification: file.verification ?? undefined,
        uploadedById: viewer.id,
      },
    });
  });
}

/** Removes an evidence file from an application with the teacher; returns the stored file's key. */
export async function removeRplEvidence(ctx: Actor, evidenceId: string) {
  return inTransaction(async (tx) => {
    const evidence = await tx.rplEvidence.findUnique({
      where: { id: evidenceId },
      select: { applicationId: true, storageKey: true, createdAt: true },
    });
    if (!evidence) throw new NotFoundError();
    const row = await lockOwnApplication(tx, ctx, evidence.applicationId);
    assertEditable(row);
    // What the university has seen stays: only files added since the last submission may go.
    if (row.submittedAt && evidence.createdAt <= row.submittedAt)
      throw new InvalidStateError('RPL_EVIDENCE_SUBMITTED');
    await touch(tx, row);
    await tx.rplEvidence.delete({ where: { id: evidenceId } });
    const evaluations = await tx.rplSelfEvaluation.findMany({
      where: { applicationId: evidence.applicationId, evidenceIds: { has: evidenceId } },
      select: { outcomeId: true, evidenceIds: true },
    });
    for (const entry of evaluations)
      await tx.rplSelfEvaluation.update({
        where: {
          applicationId_outcomeId: { applicationId: evidence.applicationId, outcomeId: entry.outcomeId },
        },
        data: { evidenceIds: entry.evidenceIds.filter((id) => id !== evidenceId) },
      });
    return { storageKey: evidence.storageKey };
  });
}

/** An evidence file for download: the teacher's own, or the university's once submitted. */
export async function rplEvidenceFileFor(ctx: Actor, evidenceId: string) {
  requireViewer(ctx);
  const evidence = await db().rplEvidence.findUnique({
    where: { id: evidenceId },
    select: { storageKey: true, mimeType: true, fileName: true, applicationId: true },
  });
  if (!evidence) throw new NotFoundError();
  await findRplApplication(ctx, evidence.applicationId);
  return { storageKey: evidence.storageKey, mimeType: evidence.mimeType, name: evidence.fileName };
}
