import { containsText, type Prisma } from '@kmg/db';
import {
  blockingPublishChecks,
  type CallAction,
  type CallInput,
  callInputSchema,
  callMachine,
  cancellationReasonSchema,
  defaultRubric,
  planCallTransition,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { releaseApplicationsOfCancelledCall } from '#applications/release-cancelled-call.ts';
import { syncSeatRows } from '#applications/seats.ts';
import { promoteFromWaitlist } from '#applications/waitlist.ts';
import { recordAudit } from '#audit.ts';
import { callContentWrites, ensureSkkniUnits } from '#calls/call-content.ts';
import { lockCallFor } from '#calls/lock-call.ts';
import { publishChecksFor } from '#calls/publish-checks.ts';
import { transitionCall } from '#calls/transition-call.ts';
import { followCallContent } from '#credentials/achievement-versions.ts';
import { storedDate } from '#dates.ts';
import { syncTrainingDays } from '#delivery/training-days.ts';
import { InvalidStateError, NotAllowedError, parseInput, ValidationError } from '#errors.ts';
import { canManageCall } from '#rules/calls.ts';
import { prepareRules } from '#rules/rule.ts';
import { inTransaction } from '#transaction.ts';

/**
 * Calls whose title, description, city or provider name hold the search text as typed. Prisma's
 * `contains` is a LIKE pattern that leaves `%` and `_` as wildcards ("_" would match every call):
 * they, and the escape character `\`, are escaped.
 */
export function callSearchWhere(search: string): Prisma.TrainingCallWhereInput {
  const contains = containsText(search);
  return {
    OR: [
      { title: contains },
      { description: contains },
      { city: contains },
      { provider: { name: contains } },
    ],
  };
}

export type CallReferences = { programmeId: string; providerId: string; skillAreaId: string };

function callData(input: CallInput) {
  const { competencyUnits: _units, learningOutcomes: _outcomes, startDate, endDate, ...rest } = input;
  return {
    ...rest,
    startDate: storedDate(startDate),
    endDate: storedDate(endDate),
    // An amount belongs to a reimbursement "up to" only (the database holds that rule too).
    travelSupportMaxRupiah: rest.travelSupport === 'REIMBURSED_UP_TO' ? rest.travelSupportMaxRupiah : null,
  };
}

/** Checks that the referenced programme, provider and skill area exist; field errors otherwise. */
async function checkReferences(tx: Prisma.TransactionClient, refs: CallReferences): Promise<void> {
  const [programme, provider, skillArea] = await Promise.all([
    tx.programme.findUnique({ where: { id: refs.programmeId }, select: { id: true } }),
    tx.organization.findFirst({ where: { id: refs.providerId, kind: 'PROVIDER' }, select: { id: true } }),
    tx.skillArea.findUnique({ where: { id: refs.skillAreaId }, select: { id: true } }),
  ]);
  const issues = [
    !programme && { path: ['input', 'programmeId'], code: 'UNKNOWN_PROGRAMME' as const },
    !provider && { path: ['input', 'providerId'], code: 'UNKNOWN_PROVIDER' as const },
    !skillArea && { path: ['input', 'skillAreaId'], code: 'UNKNOWN_SKILL_AREA' as const },
  ].filter((issue) => issue !== false);
  if (issues.length > 0) throw new ValidationError(issues);
}

export async function createCall(
  ctx: Actor,
  { refs, input }: { refs: CallReferences; input: unknown },
): Promise<{ id: string }> {
  const content = parseInput(callInputSchema, input, ['input']);
  if (!(await canManageCall(ctx, refs))) {
    throw new NotAllowedError('FORBIDDEN');
  }
  return inTransaction(async (tx) => {
    await checkReferences(tx, refs);
    await ensureSkkniUnits(tx, content.competencyUnits);
    const created = await tx.trainingCall.create({
      data: {
        ...callData(content),
        ...refs,
        status: callMachine.initial,
        createdById: ctx.viewer?.id,
        ...callContentWrites(content),
        rubric: defaultRubric as unknown as Prisma.InputJsonValue,
      },
      select: { id: true, startDate: true, endDate: true },
    });
    await syncTrainingDays(tx, created);
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'call.created',
      callId: created.id,
      toStatus: callMachine.initial,
    });
    return { id: created.id };
  });
}

function assertAllowed(plan: ReturnType<typeof planCallTransition>) {
  if (plan.kind === 'refused') throw new InvalidStateError(plan.code, plan.params);
  return plan.to;
}

export async function updateCall(
  ctx: Actor,
  { id, refs, input }: { id: string; refs: CallReferences; input: unknown },
): Promise<{ id: string }> {
  const content = parseInput(callInputSchema, input, ['input']);
  await prepareRules(ctx);
  return inTransaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id, verb: 'manage', seats: true });
    assertAllowed(planCallTransition(call, 'update', ctx.now));
    if (refs.programmeId !== call.programmeId && !(await canManageCall(ctx, refs))) {
      throw new NotAllowedError('FORBIDDEN');
    }
    await checkReferences(tx, refs);
    if (call.status !== 'DRAFT') {
      const held = await tx.seat.count({ where: { callId: id, applicationId: { not: null } } });
      if (content.seats < held)
        throw new ValidationError([{ path: ['input', 'seats'], code: 'SEATS_BELOW_HELD', params: { held } }]);
    }
    await tx.competencyUnit.deleteMany({ where: { callId: id } });
    await tx.learningOutcome.deleteMany({ where: { callId: id } });
    await ensureSkkniUnits(tx, content.competencyUnits);
    const updated = await tx.trainingCall.update({
      where: { id },
      data: { ...callData(content), ...refs, ...callContentWrites(content) },
    });
    await followCallContent(tx, updated);
    await syncTrainingDays(tx, updated);
    if (updated.status !== 'DRAFT') {
      await syncSeatRows(tx, updated);
      await promoteFromWaitlist(tx, updated, 'SEATS_ADDED', ctx.now);
    }
    await recordAudit(tx, { actorId: ctx.viewer?.id ?? null, action: 'call.updated', callId: id });
    return { id };
  });
}

/** Publishes, closes or cancels a call, as one of its managers asks. */
export async function changeCallStatus(
  ctx: Actor,
  { id, action, reason }: { id: string; action: Exclude<CallAction, 'update'>; reason?: string | null },
): Promise<{ id: string }> {
  const cancellationReason =
    action === 'cancel' ? parseInput(cancellationReasonSchema, reason ?? '', ['reason']) : null;
  await prepareRules(ctx);
  return inTransaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id, verb: 'manage', seats: true });
    assertAllowed(planCallTransition(call, action, ctx.now));
    if (action === 'publish') {
      // The console shows the same checklist; publishing through the API alone skips none of it.
      const [blocked] = blockingPublishChecks(await publishChecksFor(tx, call, ctx.now));
      if (blocked?.code) throw new InvalidStateError(blocked.code, blocked.params);
    }
    const actorId = ctx.viewer?.id ?? null;
    await transitionCall(tx, {
      call,
      action,
      actorId,
      now: ctx.now,
      ...(action === 'cancel' ? { data: { cancellationReason }, audit: { reason: cancellationReason } } : {}),
    });
    if (action === 'publish') await syncSeatRows(tx, call);
    if (action === 'cancel') {
      await releaseApplicationsOfCancelledCall(tx, call, actorId, ctx.now, cancellationReason ?? '');
    }
    return { id };
  });
}
