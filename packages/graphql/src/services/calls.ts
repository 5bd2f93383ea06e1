import { containsText, type Prisma } from '@kmg/db';
import {
  type CallAction,
  type CallInput,
  callInputSchema,
  cancellationReasonSchema,
  defaultRubric,
  planCallTransition,
} from '@kmg/domain';
import { canRunCall } from '#access.ts';
import type { Context } from '#context.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { promoteFromWaitlist, releaseApplicationsOfCancelledCall } from '#services/applications.ts';
import { recordAudit } from '#services/audit.ts';
import { lockSeats, syncSeatRows } from '#services/seats.ts';
import { inTransaction } from '#services/transaction.ts';

export type CallReferences = { programmeId: string; providerId: string; skillAreaId: string };

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);

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

function callData(input: CallInput) {
  const { competencyUnits: _units, startDate, endDate, ...rest } = input;
  return { ...rest, startDate: toDate(startDate), endDate: toDate(endDate) };
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
  ctx: Context,
  { refs, input }: { refs: CallReferences; input: unknown },
): Promise<{ id: string }> {
  const content = parseInput(callInputSchema, input, ['input']);
  if (!(await canRunCall(ctx, { programmeId: refs.programmeId, providerId: refs.providerId }))) {
    throw new NotAllowedError('FORBIDDEN');
  }
  return inTransaction(async (tx) => {
    await checkReferences(tx, refs);
    const created = await tx.trainingCall.create({
      data: {
        ...callData(content),
        ...refs,
        status: 'DRAFT',
        createdById: ctx.viewer?.id,
        competencyUnits: { create: content.competencyUnits.map((unit, position) => ({ ...unit, position })) },
        rubric: defaultRubric as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'call.created',
      callId: created.id,
      toStatus: 'DRAFT',
    });
    return created;
  });
}

/**
 * Inside a transaction only `tx` may touch the database: embedded PGlite has one connection, so a
 * query on the shared client would wait for the transaction that waits for it. Permission data is
 * therefore loaded before each transaction starts (`ctx.managedProgrammeIds()` is cached).
 */
async function loadCallForChange(tx: Prisma.TransactionClient, ctx: Context, id: string) {
  // Row lock: concurrent edits and transitions of one call run one after another.
  // The seat lock first: seat counts, cancellations and selection change who holds a seat.
  await lockSeats(tx, id);
  await tx.$queryRaw`SELECT id FROM training_calls WHERE id = ${id}::uuid FOR UPDATE`;
  const call = await tx.trainingCall.findUnique({ where: { id } });
  if (!call) throw new NotFoundError();
  if (!(await canRunCall(ctx, call))) {
    // Calls the viewer cannot see stay invisible; visible ones are refused plainly.
    if (call.status === 'DRAFT') throw new NotFoundError();
    throw new NotAllowedError('FORBIDDEN');
  }
  return call;
}

function assertAllowed(plan: ReturnType<typeof planCallTransition>) {
  if (plan.kind === 'refused') throw new InvalidStateError(plan.code, plan.params);
  return plan.to;
}

export async function updateCall(
  ctx: Context,
  { id, refs, input }: { id: string; refs: CallReferences; input: unknown },
): Promise<{ id: string }> {
  const content = parseInput(callInputSchema, input, ['input']);
  await ctx.managedProgrammeIds();
  return inTransaction(async (tx) => {
    const call = await loadCallForChange(tx, ctx, id);
    assertAllowed(planCallTransition(call, 'update', ctx.now));
    if (refs.programmeId !== call.programmeId && !(await canRunCall(ctx, { ...refs }))) {
      throw new NotAllowedError('FORBIDDEN');
    }
    await checkReferences(tx, refs);
    if (call.status !== 'DRAFT') {
      const held = await tx.seat.count({ where: { callId: id, applicationId: { not: null } } });
      if (content.seats < held)
        throw new ValidationError([{ path: ['input', 'seats'], code: 'SEATS_BELOW_HELD', params: { held } }]);
    }
    await tx.competencyUnit.deleteMany({ where: { callId: id } });
    const updated = await tx.trainingCall.update({
      where: { id },
      data: {
        ...callData(content),
        ...refs,
        competencyUnits: { create: content.competencyUnits.map((unit, position) => ({ ...unit, position })) },
      },
    });
    if (updated.status !== 'DRAFT') {
      await syncSeatRows(tx, updated);
      await promoteFromWaitlist(tx, updated, 'SEATS_ADDED', ctx.now);
    }
    await recordAudit(tx, { actorId: ctx.viewer?.id ?? null, action: 'call.updated', callId: id });
    return { id };
  });
}

export async function transitionCall(
  ctx: Context,
  { id, action, reason }: { id: string; action: Exclude<CallAction, 'update'>; reason?: string | null },
): Promise<{ id: string }> {
  const cancellationReason =
    action === 'cancel' ? parseInput(cancellationReasonSchema, reason ?? '', ['reason']) : null;
  await ctx.managedProgrammeIds();
  return inTransaction(async (tx) => {
    const call = await loadCallForChange(tx, ctx, id);
    const to = assertAllowed(planCallTransition(call, action, ctx.now));
    const stamps: Prisma.TrainingCallUpdateInput =
      action === 'publish'
        ? { publishedAt: ctx.now }
        : action === 'close'
          ? { closedAt: ctx.now }
          : { cancelledAt: ctx.now, cancellationReason };
    const updated = await tx.trainingCall.update({ where: { id }, data: { status: to, ...stamps } });
    if (action === 'publish') await syncSeatRows(tx, updated);
    if (action === 'cancel') {
      await releaseApplicationsOfCancelledCall(
        tx,
        updated,
        ctx.viewer?.id ?? null,
        ctx.now,
        cancellationReason ?? '',
      );
    }
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: `call.${action === 'publish' ? 'published' : action === 'close' ? 'closed' : 'cancelled'}`,
      callId: id,
      fromStatus: call.status,
      toStatus: to,
      reason: cancellationReason,
    });
    return { id };
  });
}
