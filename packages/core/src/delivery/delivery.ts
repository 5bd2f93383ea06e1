// Delivering a training: provider staff record attendance per day and a decision per SKKNI unit
// (with evidence), submit the results; the program manager approves them, which queues the
// credentials. After approval, changes go through a recorded amendment.
import { db, enqueueInTransaction, type Prisma, queueNames, type TrainingCall } from '@kmg/db';
import {
  type AssessmentKind,
  achievementSchema,
  amendmentSchema,
  attendanceEntriesSchema,
  type Completion,
  evaluateCompletion,
  returnReasonSchema,
  type UnitDecision,
  unitAssessmentSchema,
} from '@kmg/domain';
import { userIdsWithRole } from '#accounts/users-with-role.ts';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { lockCallFor } from '#calls/lock-call.ts';
import { transitionCall } from '#calls/transition-call.ts';
import { saveCallAchievement } from '#credentials/achievement-versions.ts';
import { revokeInTransaction } from '#credentials/change-credential-status.ts';
import { trainingDaysOf } from '#delivery/training-days.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { notify } from '#notify.ts';
import { canDeliverCall, canSeeCall } from '#rules/calls.ts';
import { canSeeEvidence } from '#rules/deliveries.ts';
import { prepareRules } from '#rules/rule.ts';

type Tx = Prisma.TransactionClient;

/** Participants are the teachers who confirmed their seat. */
export const participantStatuses = ['CONFIRMED'] as const;

/** Completion of every participant of a call, from what has been recorded. */
export async function completionsOf(
  client: Tx | ReturnType<typeof db>,
  call: TrainingCall,
): Promise<Map<string, Completion>> {
  const [days, units, participants] = await Promise.all([
    trainingDaysOf(client, call.id),
    client.competencyUnit.findMany({ where: { callId: call.id }, select: { id: true } }),
    client.application.findMany({
      where: { callId: call.id, status: { in: [...participantStatuses] } },
      select: {
        id: true,
        attendance: { select: { dayId: true, present: true } },
        assessments: { select: { unitId: true, decision: true } },
      },
    }),
  ]);
  const rules = {
    dayIds: days.map((day) => day.id),
    unitIds: units.map((unit) => unit.id),
    minAttendancePercent: call.minAttendancePercent,
    assessmentKind: call.assessmentKind as AssessmentKind,
  };
  return new Map(
    participants.map((participant) => [
      participant.id,
      evaluateCompletion(
        {
          attendance: new Map(participant.attendance.map((row) => [row.dayId, row.present])),
          decisions: new Map(
            participant.assessments.map((row) => [row.unitId, row.decision as UnitDecision]),
          ),
        },
        rules,
      ),
    ]),
  );
}

function assertRecording(call: TrainingCall) {
  if (call.resultsStatus !== 'RECORDING') throw new InvalidStateError('RESULTS_LOCKED');
}

/** Records attendance in bulk (a day for everyone, or everyone's week) in one transaction. */
export async function recordAttendance(
  ctx: Actor,
  {
    callId,
    entries,
  }: { callId: string; entries: { applicationId: string; dayId: string; present: boolean }[] },
) {
  const rows = parseInput(attendanceEntriesSchema, entries, ['entries']);
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'deliver' });
    assertRecording(call);
    const [participants, days] = await Promise.all([
      tx.application.findMany({
        where: { callId, status: { in: [...participantStatuses] } },
        select: { id: true },
      }),
      trainingDaysOf(tx, call.id),
    ]);
    const participantIds = new Set(participants.map((p) => p.id));
    const dayIds = new Set(days.map((day) => day.id));
    const issues = rows.flatMap((row, index) => [
      ...(participantIds.has(row.applicationId)
        ? []
        : [{ path: ['entries', String(index), 'applicationId'], code: 'NOT_A_PARTICIPANT' as const }]),
      ...(dayIds.has(row.dayId)
        ? []
        : [{ path: ['entries', String(index), 'dayId'], code: 'NOT_FOUND' as const }]),
    ]);
    if (issues.length > 0) throw new ValidationError(issues);
    const recordedById = ctx.viewer?.id ?? '';
    for (const row of rows) {
      await tx.attendance.upsert({
        where: { applicationId_dayId: { applicationId: row.applicationId, dayId: row.dayId } },
        create: { ...row, recordedById },
        // Late is a kind of present: unticking clears it.
        update: {
          present: row.present,
          ...(row.present ? {} : { late: false }),
          recordedById,
          recordedAt: ctx.now,
        },
      });
    }
    await recordAudit(tx, {
      actorId: recordedById,
      action: 'delivery.attendance_recorded',
      callId,
      details: { entries: rows.length, present: rows.filter((row) => row.present).length },
    });
    return { id: callId };
  });
}

/** The assessor's decision on one unit for one participant, with notes and evidence links. */
export async function recordAssessment(
  ctx: Actor,
  { applicationId, unitId, input }: { applicationId: string; unitId: string; input: unknown },
) {
  const data = parseInput(unitAssessmentSchema, input, ['input']);
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const application = await tx.application.findUnique({
      where: { id: applicationId },
      select: { callId: true, status: true },
    });
    if (!application) throw new NotFoundError();
    const call = await lockCallFor(tx, ctx, { id: application.callId, verb: 'deliver' });
    assertRecording(call);
    if (call.assessmentKind !== 'COMPETENCY') throw new InvalidStateError('INVALID_FORMAT');
    if (!(participantStatuses as readonly string[]).includes(application.status))
      throw new NotAllowedError('NOT_A_PARTICIPANT');
    const unit = await tx.competencyUnit.findFirst({ where: { id: unitId, callId: call.id } });
    if (!unit) throw new ValidationError([{ path: ['unitId'], code: 'NOT_FOUND' }]);
    const assessorId = ctx.viewer?.id ?? '';
    const assessment = await tx.unitAssessment.upsert({
      where: { applicationId_unitId: { applicationId, unitId } },
      create: { applicationId, unitId, decision: data.decision, notes: data.notes ?? null, assessorId },
      update: { decision: data.decision, notes: data.notes ?? null, assessorId, assessedAt: ctx.now },
    });
    if (data.links.length > 0) {
      await tx.evidence.createMany({
        data: data.links.map((link) => ({
          assessmentId: assessment.id,
          kind: 'LINK' as const,
          name: link.name,
          url: link.url,
          uploadedById: assessorId,
        })),
      });
    }
    await recordAudit(tx, {
      actorId: assessorId,
      action: 'delivery.unit_assessed',
      callId: call.id,
      applicationId,
      details: { unit: unit.code, decision: data.decision },
      reason: data.notes ?? null,
    });
    return assessment;
  });
}

/**
 * One decision on every SKKNI unit of the call for several participants at once (the class that
 * passed the practical test), in one transaction; the exceptions are then changed one by one.
 * Notes and evidence already recorded stay; the decision, assessor and time are the new ones.
 * Returns how many participants were changed and how many decisions differed before.
 */
export async function recordAssessmentsInBulk(
  ctx: Actor,
  { callId, applicationIds, decision }: { callId: string; applicationIds: string[]; decision: UnitDecision },
) {
  const ids = [...new Set(applicationIds)];
  if (ids.length === 0 || ids.length > 1000)
    throw new ValidationError([{ path: ['applicationIds'], code: 'VALIDATION' }]);
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'deliver' });
    assertRecording(call);
    if (call.assessmentKind !== 'COMPETENCY') throw new InvalidStateError('INVALID_FORMAT');
    const [participants, units] = await Promise.all([
      tx.application.findMany({
        where: { id: { in: ids }, callId, status: { in: [...participantStatuses] } },
        select: { id: true, assessments: { select: { unitId: true, decision: true } } },
      }),
      tx.competencyUnit.findMany({ where: { callId }, select: { id: true, code: true } }),
    ]);
    if (participants.length !== ids.length) {
      const known = new Set(participants.map((p) => p.id));
      throw new ValidationError(
        ids.flatMap((id, index) =>
          known.has(id)
            ? []
            : [{ path: ['applicationIds', String(index)], code: 'NOT_A_PARTICIPANT' as const }],
        ),
      );
    }
    if (units.length === 0) throw new InvalidStateError('ASSESSMENT_INCOMPLETE', { missing: 0 });
    const assessorId = ctx.viewer?.id ?? '';
    let changed = 0;
    for (const participant of participants) {
      const before = new Map(participant.assessments.map((row) => [row.unitId, row.decision]));
      changed += units.filter((unit) => before.get(unit.id) !== decision).length;
      for (const unit of units) {
        await tx.unitAssessment.upsert({
          where: { applicationId_unitId: { applicationId: participant.id, unitId: unit.id } },
          create: { applicationId: participant.id, unitId: unit.id, decision, assessorId },
          update: { decision, assessorId, assessedAt: ctx.now },
        });
      }
    }
    await recordAudit(
      tx,
      participants.map((participant) => ({
        actorId: assessorId,
        action: 'delivery.units_assessed_in_bulk',
        callId,
        applicationId: participant.id,
        details: { decision, units: units.map((unit) => unit.code) },
      })),
    );
    return { participants: participants.length, units: units.length, changed };
  });
}

/**
 * Refuses, before a file is read or stored, an upload the viewer may not attach to this
 * assessment now: it must exist, be theirs to deliver, and its results still be recorded.
 * `attachEvidenceFile` checks again under the call's lock, as results may be submitted meanwhile.
 */
export async function assertMayAttachEvidence(ctx: Actor, assessmentId: string): Promise<void> {
  const assessment = await db().unitAssessment.findUnique({
    where: { id: assessmentId },
    select: { application: { select: { call: true } } },
  });
  if (!assessment) throw new NotFoundError();
  const { call } = assessment.application;
  // As lockCallFor answers: a call the viewer cannot see is not found, one they may not deliver is refused.
  if (!(await canSeeCall(ctx, call))) throw new NotFoundError();
  if (!(await canDeliverCall(ctx, call))) throw new NotAllowedError('FORBIDDEN');
  assertRecording(call);
}

/** Attaches an uploaded file (already stored) to an assessment as evidence. */
export async function attachEvidenceFile(
  ctx: Actor,
  input: { assessmentId: string; name: string; storageKey: string; mimeType: string; size: number },
) {
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const assessment = await tx.unitAssessment.findUnique({
      where: { id: input.assessmentId },
      select: { application: { select: { callId: true } } },
    });
    if (!assessment) throw new NotFoundError();
    const call = await lockCallFor(tx, ctx, { id: assessment.application.callId, verb: 'deliver' });
    assertRecording(call);
    return tx.evidence.create({
      data: { ...input, kind: 'FILE', uploadedById: ctx.viewer?.id ?? '' },
    });
  });
}

/** Provider staff submit the results once every participant's record is complete. */
export async function submitResults(ctx: Actor, { callId }: { callId: string }) {
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'deliver' });
    assertRecording(call);
    const completions = await completionsOf(tx, call);
    const incomplete = [...completions.values()].filter((completion) => !completion.complete).length;
    if (incomplete > 0) throw new InvalidStateError('RESULTS_INCOMPLETE', { count: incomplete });
    await tx.trainingCall.update({
      where: { id: callId },
      data: { resultsStatus: 'SUBMITTED', resultsSubmittedAt: ctx.now },
    });
    const passed = [...completions.values()].filter((c) => c.passed).length;
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'delivery.results_submitted',
      callId,
      fromStatus: 'RECORDING',
      toStatus: 'SUBMITTED',
      details: { participants: completions.size, passed },
    });
    await notify(
      tx,
      (await programmeManagersOf(tx, call.programmeId)).map((userId) => ({
        userId,
        kind: 'RESULTS_SUBMITTED' as const,
        params: { call: call.title, passed, participants: completions.size },
        callId,
      })),
    );
    return { id: callId };
  });
}

/**
 * The program manager approves submitted results: everyone who passed gets a credential, issued
 * by the job queue (one job per participant, so one failure does not stop the others).
 */
export async function approveResults(ctx: Actor, { callId }: { callId: string }) {
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'manage' });
    if (call.resultsStatus !== 'SUBMITTED') throw new InvalidStateError('RESULTS_NOT_SUBMITTED');
    if (!call.achievementId) throw new InvalidStateError('NO_ACHIEVEMENT');
    const completions = await completionsOf(tx, call);
    const passed = [...completions.entries()].filter(([, completion]) => completion.passed).map(([id]) => id);
    const approved = { resultsStatus: 'APPROVED' as const, resultsApprovedAt: ctx.now };
    if (call.status === 'CANCELLED') {
      // A cancelled call stays cancelled.
      await tx.trainingCall.update({ where: { id: callId }, data: approved });
    } else {
      // Approval completes the call; the results event below explains both.
      const actorId = ctx.viewer?.id ?? null;
      await transitionCall(tx, {
        call,
        action: 'complete',
        actorId,
        now: ctx.now,
        data: approved,
        audit: false,
      });
    }
    await queueIssuance(tx, callId, passed);
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'delivery.results_approved',
      callId,
      fromStatus: 'SUBMITTED',
      toStatus: 'APPROVED',
      details: { participants: completions.size, credentials: passed.length },
    });
    await notify(
      tx,
      (await providerStaffOf(tx, call.providerId)).map((userId) => ({
        userId,
        kind: 'RESULTS_APPROVED' as const,
        params: { call: call.title, passed: passed.length, participants: completions.size },
        callId,
      })),
    );
    return { id: callId };
  });
}

/** Queues credential issuance for these participants (idempotent: a queued one is not queued twice). */
export async function queueIssuance(tx: Tx, callId: string, applicationIds: string[]) {
  for (const applicationId of applicationIds) {
    await tx.credentialIssuance.upsert({
      where: { applicationId },
      create: { applicationId, callId, status: 'QUEUED' },
      update: { status: 'QUEUED', lastError: null },
    });
    await enqueueInTransaction(
      tx,
      queueNames.issueCredential,
      { applicationId },
      { singletonKey: applicationId },
    );
  }
}

/** Queues again the credentials of a call whose issuance failed. */
export async function retryFailedIssuance(ctx: Actor, { callId }: { callId: string }) {
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    await lockCallFor(tx, ctx, { id: callId, verb: 'manage' });
    const failed = await tx.credentialIssuance.findMany({
      where: { callId, status: 'FAILED' },
      select: { applicationId: true },
    });
    await queueIssuance(
      tx,
      callId,
      failed.map((row) => row.applicationId),
    );
    return { id: callId };
  });
}

/** What the call awards: managers of the programme and the provider's staff define it together. */
export async function saveAchievement(ctx: Actor, { callId, input }: { callId: string; input: unknown }) {
  const data = parseInput(achievementSchema, input, ['input']);
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'deliver' });
    if (call.resultsStatus === 'APPROVED') throw new InvalidStateError('RESULTS_LOCKED');
    const { sks, assessmentKind, minAttendancePercent, ...fields } = data;
    const values = {
      ...fields,
      kkniLevel: fields.kkniLevel ?? null,
      validityMonths: fields.validityMonths ?? null,
      sksHundredths: sks == null ? null : Math.round(sks * 100),
    };
    const achievement = await saveCallAchievement(tx, call, values);
    await tx.trainingCall.update({ where: { id: callId }, data: { assessmentKind, minAttendancePercent } });
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'delivery.achievement_saved',
      callId,
      details: { achievementId: achievement.id },
    });
    return { id: callId };
  });
}

/** After approval, provider staff propose a correction for one participant, with a reason. */
export async function proposeAmendment(
  ctx: Actor,
  { applicationId, input }: { applicationId: string; input: unknown },
) {
  const data = parseInput(amendmentSchema, input, ['input']);
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const application = await tx.application.findUnique({
      where: { id: applicationId },
      select: { callId: true },
    });
    if (!application) throw new NotFoundError();
    const call = await lockCallFor(tx, ctx, { id: application.callId, verb: 'deliver' });
    if (call.resultsStatus !== 'APPROVED') throw new InvalidStateError('RESULTS_NOT_SUBMITTED');
    const amendment = await tx.resultAmendment.create({
      data: {
        applicationId,
        reason: data.reason,
        change: { attendance: data.attendance, decisions: data.decisions },
        proposedById: ctx.viewer?.id ?? '',
      },
    });
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'delivery.amendment_proposed',
      callId: call.id,
      applicationId,
      reason: data.reason,
    });
    return amendment;
  });
}

/**
 * The program manager decides an amendment. Approved: the change is applied with before and after
 * in the audit trail, the participant's credential is revoked ("amended") and, if they still pass,
 * a corrected one is queued.
 */
export async function decideAmendment(ctx: Actor, { id, approve }: { id: string; approve: boolean }) {
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const amendment = await tx.resultAmendment.findUnique({
      where: { id },
      include: { application: { select: { callId: true } } },
    });
    if (!amendment) throw new NotFoundError();
    const call = await lockCallFor(tx, ctx, { id: amendment.application.callId, verb: 'manage' });
    if (amendment.status !== 'PROPOSED') throw new InvalidStateError('APPLICATION_CLOSED');
    await tx.resultAmendment.update({
      where: { id },
      data: {
        status: approve ? 'APPROVED' : 'REJECTED',
        decidedById: ctx.viewer?.id ?? null,
        decidedAt: ctx.now,
      },
    });
    if (!approve) {
      await recordAudit(tx, {
        actorId: ctx.viewer?.id ?? null,
        action: 'delivery.amendment_rejected',
        callId: call.id,
        applicationId: amendment.applicationId,
      });
      return amendment;
    }
    const change = amendment.change as {
      attendance: { dayId: string; present: boolean }[];
      decisions: { unitId: string; decision: UnitDecision }[];
    };
    const before = {
      attendance: await tx.attendance.findMany({
        where: { applicationId: amendment.applicationId },
        select: { dayId: true, present: true },
      }),
      decisions: await tx.unitAssessment.findMany({
        where: { applicationId: amendment.applicationId },
        select: { unitId: true, decision: true },
      }),
    };
    const actorId = ctx.viewer?.id ?? '';
    for (const row of change.attendance) {
      await tx.attendance.upsert({
        where: { applicationId_dayId: { applicationId: amendment.applicationId, dayId: row.dayId } },
        create: {
          applicationId: amendment.applicationId,
          dayId: row.dayId,
          present: row.present,
          recordedById: actorId,
        },
        update: {
          present: row.present,
          ...(row.present ? {} : { late: false }),
          recordedById: actorId,
          recordedAt: ctx.now,
        },
      });
    }
    for (const row of change.decisions) {
      await tx.unitAssessment.upsert({
        where: { applicationId_unitId: { applicationId: amendment.applicationId, unitId: row.unitId } },
        create: {
          applicationId: amendment.applicationId,
          unitId: row.unitId,
          decision: row.decision,
          assessorId: actorId,
        },
        update: { decision: row.decision, assessorId: actorId, assessedAt: ctx.now },
      });
    }
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'delivery.amendment_applied',
      callId: call.id,
      applicationId: amendment.applicationId,
      reason: amendment.reason,
      details: { before, after: change } as Prisma.InputJsonValue,
    });
    const completion = (await completionsOf(tx, call)).get(amendment.applicationId);
    const current = await tx.credential.findFirst({
      where: { applicationId: amendment.applicationId, revokedAt: null },
      orderBy: { revision: 'desc' },
    });
    if (current) await revokeInTransaction(tx, current, `Diubah: ${amendment.reason}`, ctx.now);
    if (completion?.passed) await queueIssuance(tx, call.id, [amendment.applicationId]);
    return amendment;
  });
}

/** An evidence file, for the participant it concerns and those who deliver the call. */
export async function evidenceFileFor(ctx: Actor, id: string) {
  const evidence = await db().evidence.findUnique({
    where: { id },
    include: {
      assessment: { select: { application: { select: { teacherId: true, callId: true, call: true } } } },
    },
  });
  if (evidence?.kind !== 'FILE' || !evidence.storageKey) throw new NotFoundError();
  if (!(await canSeeEvidence(ctx, evidence))) throw new NotAllowedError('FORBIDDEN');
  return {
    storageKey: evidence.storageKey,
    mimeType: evidence.mimeType ?? 'application/octet-stream',
    name: evidence.name,
  };
}

/**
 * Removes a piece of evidence while results are still being recorded (a wrong photo, a broken
 * link). Returns the stored file's key, for the caller to delete once this has committed.
 */
export async function removeEvidence(ctx: Actor, id: string): Promise<{ storageKey: string | null }> {
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const evidence = await tx.evidence.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        storageKey: true,
        assessment: { select: { applicationId: true, application: { select: { callId: true } } } },
      },
    });
    if (!evidence) throw new NotFoundError();
    const call = await lockCallFor(tx, ctx, { id: evidence.assessment.application.callId, verb: 'deliver' });
    assertRecording(call);
    await tx.evidence.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'delivery.evidence_removed',
      callId: call.id,
      applicationId: evidence.assessment.applicationId,
      details: { name: evidence.name },
    });
    return { storageKey: evidence.storageKey };
  });
}

/**
 * The program manager sends submitted results back to the provider (a missing day, a doubtful
 * decision), with the reason; the provider records again and resubmits.
 */
export async function returnResults(ctx: Actor, { callId, reason }: { callId: string; reason: string }) {
  const text = parseInput(returnReasonSchema, reason, ['reason']);
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'manage' });
    if (call.resultsStatus !== 'SUBMITTED') throw new InvalidStateError('RESULTS_NOT_SUBMITTED');
    await tx.trainingCall.update({
      where: { id: callId },
      data: { resultsStatus: 'RECORDING', resultsSubmittedAt: null },
    });
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'delivery.results_returned',
      callId,
      fromStatus: 'SUBMITTED',
      toStatus: 'RECORDING',
      reason: text,
    });
    await notify(
      tx,
      (await providerStaffOf(tx, call.providerId)).map((userId) => ({
        userId,
        kind: 'RESULTS_RETURNED' as const,
        params: { call: call.title, reason: text },
        callId,
      })),
    );
    return { id: callId };
  });
}

/** Provider staff of an organization: who hears about their calls' results. */
function providerStaffOf(tx: Tx, providerId: string): Promise<string[]> {
  return userIdsWithRole(tx, 'PROVIDER_STAFF', { organizationIds: [providerId] });
}

/** Program managers of the organizations that fund or run a call's programme. */
async function programmeManagersOf(tx: Tx, programmeId: string): Promise<string[]> {
  const programme = await tx.programme.findUniqueOrThrow({
    where: { id: programmeId },
    select: { funderId: true, ownerId: true },
  });
  return userIdsWithRole(tx, 'PROGRAM_MANAGER', { organizationIds: [programme.funderId, programme.ownerId] });
}
