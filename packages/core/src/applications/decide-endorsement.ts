import {
  applicationTransitions,
  callTimeZone,
  decideEndorsement,
  decideEndorsementUndo,
  declineNoteSchema,
  endorsementDeadline,
  endorsementNoteSchema,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { lockApplication, requireViewer } from '#applications/common.ts';
import { advanceEndorsed } from '#applications/seating.ts';
import { transitionApplication } from '#applications/transition-application.ts';
import { recordAudit } from '#audit.ts';
import { InvalidStateError, NotAllowedError, parseInput } from '#errors.ts';
import { notify } from '#notify.ts';
import { canEndorseApplication } from '#rules/applications.ts';
import { inTransaction } from '#transaction.ts';

/** The principal of the teacher's school endorses or declines, with a note. */
export async function decideEndorsementFor(
  ctx: Actor,
  { id, endorse, note }: { id: string; endorse: boolean; note: string | null },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const text = endorse
    ? parseInput(endorsementNoteSchema, note ?? '', ['note'])
    : parseInput(declineNoteSchema, note ?? '', ['note']);
  return inTransaction(async (tx) => {
    const application = await lockApplication(tx, id);
    if (!(await canEndorseApplication(ctx, application))) throw new NotAllowedError('NOT_YOUR_SCHOOL');
    const { call } = application;
    const decision = decideEndorsement({
      application,
      principalSchoolId: viewer.organizationId,
      deadline: endorsementDeadline(call),
      timeZone: callTimeZone(call.province),
      now: ctx.now,
    });
    if (decision.kind === 'refused') {
      if (decision.code === 'NOT_YOUR_SCHOOL') throw new NotAllowedError(decision.code);
      throw new InvalidStateError(decision.code, decision.params);
    }
    const endorsement = { endorsedById: viewer.id, endorsementNote: text || null, endorsedAt: ctx.now };
    if (!endorse) {
      await transitionApplication(tx, {
        application,
        action: 'refuseEndorsement',
        actorId: viewer.id,
        now: ctx.now,
        data: endorsement,
        audit: { reason: text || null },
        notices: [
          {
            userId: application.teacherId,
            kind: 'APPLICATION_NOT_ENDORSED',
            params: { call: call.title, note: text },
            callId: call.id,
            applicationId: id,
          },
        ],
      });
      return { id };
    }
    // The principal's decision, whichever way the call goes on (into review, or to a seat).
    await tx.application.update({ where: { id }, data: endorsement });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'application.endorsed',
      callId: call.id,
      applicationId: id,
      fromStatus: application.status,
      toStatus: applicationTransitions.endorse.to,
      reason: text || null,
    });
    await notify(tx, [
      {
        userId: application.teacherId,
        kind: 'APPLICATION_ENDORSED',
        params: { call: call.title, note: text },
        callId: call.id,
        applicationId: id,
      },
    ]);
    await advanceEndorsed(tx, call, application, viewer.id, ctx.now);
    return { id };
  });
}

/** What a principal reads in an application's endorsement history (and the audit names them). */
export const endorsementAuditActions = [
  'application.endorsed',
  'application.not_endorsed',
  'application.endorsement_undone',
  'application.endorsement_expired',
] as const;

/**
 * The principal of the teacher's school takes back their endorsement decision, either way, before
 * the endorsement deadline and while nothing has followed from it (see `decideEndorsementUndo`):
 * the application awaits a decision again, as submitted. The decision stays in the audit trail,
 * followed by its undoing, and the teacher is told.
 */
export async function undoEndorsementDecisionFor(
  ctx: Actor,
  { id }: { id: string },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const application = await lockApplication(tx, id);
    if (!(await canEndorseApplication(ctx, application))) throw new NotAllowedError('NOT_YOUR_SCHOOL');
    const { call } = application;
    const deadline = endorsementDeadline(call);
    const decision = decideEndorsementUndo({
      application,
      principalSchoolId: viewer.organizationId,
      isSelectionCommitted: call.selectionCommittedAt !== null,
      deadline,
      timeZone: callTimeZone(call.province),
      now: ctx.now,
    });
    if (decision.kind === 'refused') {
      if (decision.code === 'NOT_YOUR_SCHOOL') throw new NotAllowedError(decision.code);
      throw new InvalidStateError(decision.code, decision.params);
    }
    await transitionApplication(tx, {
      application,
      action: 'undoEndorsement',
      actorId: viewer.id,
      now: ctx.now,
      // Submitted when the teacher submitted it (first-come order and the lists read this).
      data: {
        submittedAt: application.submittedAt,
        endorsedAt: null,
        endorsedById: null,
        endorsementNote: null,
      },
      audit: { reason: application.endorsementNote },
      notices: [
        {
          userId: application.teacherId,
          kind: 'ENDORSEMENT_UNDONE',
          params: {
            call: call.title,
            deadline: { instant: deadline.toISOString(), timeZone: callTimeZone(call.province) },
          },
          callId: call.id,
          applicationId: id,
        },
      ],
    });
    return { id };
  });
}
