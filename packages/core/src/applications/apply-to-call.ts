import { db, Prisma, readRows, type TrainingCall } from '@kmg/db';
import { applicationMachine, decideApply, endorsementDeadline, motivationSchema } from '@kmg/domain';
import { userIdsWithRole } from '#accounts/users-with-role.ts';
import type { Actor } from '#actor.ts';
import { arriveAtCall } from '#applications/arrival.ts';
import { deadlineParam, isUniqueViolation, requireViewer, type Tx } from '#applications/common.ts';
import { judgeEligibility, teacherStanding } from '#applications/eligibility.ts';
import { advanceEndorsed, seatsOnArrival } from '#applications/seating.ts';
import { lockSeats } from '#applications/seats.ts';
import { type ApplicationInState, transitionApplication } from '#applications/transition-application.ts';
import { recordAudit } from '#audit.ts';
import { whereSql } from '#calls/call-page.ts';
import { columnOf } from '#columns.ts';
import {
  AlreadyAppliedError,
  ApplicationClosedError,
  NotAllowedError,
  NotEligibleError,
  NotFoundError,
  parseInput,
} from '#errors.ts';
import { notify } from '#notify.ts';
import { publishedCallsWhere } from '#rules/calls.ts';
import { inTransaction } from '#transaction.ts';

/**
 * A teacher applies for a seat: eligibility first, then endorsement, review, or (on a call that
 * seats on arrival) a seat or the waitlist at once.
 */
export async function applyToCall(
  ctx: Actor,
  { callId, motivation }: { callId: string; motivation: string },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const text = parseInput(motivationSchema, motivation, ['motivation']);
  try {
    // Read outside the transaction: these reads lock nothing, so inside one they would only hold a
    // connection longer. What must not happen twice (a second application, a seat given out of
    // turn) the writes below and the database refuse.
    const [call, standing] = await Promise.all([
      publishedCall(callId),
      // Refuses a call that does not exist (NotFoundError) as the first read would.
      teacherStanding(viewer.id, callId),
    ]);
    if (!call) throw new NotFoundError();
    const { existing } = standing;
    const decision = decideApply({ call, existing, now: ctx.now });
    if (decision.kind === 'refused') {
      if (decision.code === 'ALREADY_APPLIED') throw new AlreadyAppliedError();
      throw new ApplicationClosedError(decision.code, decision.params);
    }
    const { profile, result } = judgeEligibility(call, standing);
    if (!profile || !result) throw new NotAllowedError('NOT_A_TEACHER');
    if (result.kind === 'ineligible') throw new NotEligibleError(result.reasons);
    const fields = { motivation: text, schoolId: profile.schoolId };

    if (decision.kind === 'create' && seatsOnArrival(call)) {
      return await arriveAtCall({ call, teacher: viewer, fields, now: ctx.now });
    }
    return await inTransaction(async (tx) => {
      // Straight to the seats: take the call's seat lock before writing any row (the one lock order).
      if (!call.requiresEndorsement && call.selectionMode === 'FIRST_COME') await lockSeats(tx, callId);
      const application =
        decision.kind === 'resubmit' && existing
          ? await resubmit(tx, {
              withdrawn: { ...existing, callId },
              teacherId: viewer.id,
              fields,
              now: ctx.now,
            })
          : await tx.application.create({
              data: {
                ...fields,
                submittedAt: ctx.now,
                status: applicationMachine.initial,
                callId,
                teacherId: viewer.id,
              },
            });
      if (decision.kind === 'create') {
        await recordAudit(tx, {
          actorId: viewer.id,
          action: 'application.submitted',
          callId,
          applicationId: application.id,
          toStatus: application.status,
        });
      }
      if (!call.requiresEndorsement) {
        await advanceEndorsed(tx, call, application, viewer.id, ctx.now);
        return { id: application.id };
      }
      const principals = await userIdsWithRole(tx, 'PRINCIPAL', { organizationIds: [profile.schoolId] });
      const deadline = endorsementDeadline(call);
      await notify(
        tx,
        principals.map((userId) => ({
          userId,
          kind: 'ENDORSEMENT_REQUESTED' as const,
          params: { teacher: viewer.name, call: call.title, deadline: deadlineParam(deadline, call) },
          callId,
          applicationId: application.id,
        })),
      );
      return { id: application.id };
    });
  } catch (error) {
    // A double submit races past the check above; the unique key (call, teacher) stops the second.
    if (isUniqueViolation(error)) throw new AlreadyAppliedError();
    throw error;
  }
}

/**
 * Every field of a call, each column named (never `c.*`: a statement prepared on a connection fails
 * once a migration adds a column to what `*` returned, on the replicas still running).
 */
const callColumns = Prisma.raw(
  Object.values(Prisma.TrainingCallScalarFieldEnum)
    .map((field) => `c."${columnOf(field)}" AS "${field}"`)
    .join(', '),
);

/** The published-calls rule as SQL over `c` (null only if the rule outgrew what `whereSql` compiles). */
const publishedSql = whereSql(publishedCallsWhere);

/**
 * The call, if it is published: as Prisma's `findFirst` reads it, past Prisma (`Database.query`),
 * since every application reads it at the moment a window opens.
 */
export async function publishedCall(callId: string): Promise<TrainingCall | null> {
  if (!publishedSql) return db().trainingCall.findFirst({ where: { id: callId, ...publishedCallsWhere } });
  const [call] = await readRows<TrainingCall>(
    Prisma.sql`SELECT ${callColumns} FROM training_calls c WHERE c.id = ${callId}::uuid AND ${publishedSql}`,
  );
  return call ?? null;
}

/** A withdrawn application submitted again: the same row, back in play with the new motivation. */
async function resubmit(
  tx: Tx,
  input: {
    withdrawn: ApplicationInState;
    teacherId: string;
    fields: { motivation: string; schoolId: string | null };
    now: Date;
  },
) {
  const status = await transitionApplication(tx, {
    application: input.withdrawn,
    action: 'resubmit',
    actorId: input.teacherId,
    now: input.now,
    data: input.fields,
  });
  return { id: input.withdrawn.id, teacherId: input.teacherId, schoolId: input.fields.schoolId, status };
}
