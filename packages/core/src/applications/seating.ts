import type { TrainingCall } from '@kmg/db';
import {
  type ApplicationStatus,
  confirmationDeadline,
  type PromotionCause,
  type SelectionPolicy,
  type WaitReason,
} from '@kmg/domain';
import { deadlineParam, type Tx, trainingStartsAt } from '#applications/common.ts';
import { claimSeat, enterSeatQueue } from '#applications/seats.ts';
import { transitionApplication } from '#applications/transition-application.ts';
import { waitlistPosition } from '#applications/waitlist.ts';
import { readCallSettings } from '#calls/call-settings.ts';
import type { Notice } from '#notify.ts';

type SeatingApplication = {
  id: string;
  teacherId: string;
  schoolId: string | null;
  status: ApplicationStatus;
};

/** Whether a call caps seats per school or per province (a cap may pass over someone waiting). */
export function hasSeatCaps(policy: Pick<SelectionPolicy, 'maxPerSchool' | 'seatsPerProvince'>): boolean {
  return policy.maxPerSchool != null || Object.keys(policy.seatsPerProvince ?? {}).length > 0;
}

/**
 * Whether an application to this call is settled the moment it arrives: a first-come call with no
 * endorsement and no caps seats the teacher or waitlists them at once, in arrival order.
 */
export function seatsOnArrival(call: TrainingCall): boolean {
  return (
    call.selectionMode === 'FIRST_COME' &&
    !call.requiresEndorsement &&
    !hasSeatCaps(readCallSettings(call).policy)
  );
}

/**
 * After endorsement (or at once when none is needed): a first-come call seats the teacher if a
 * seat is free, else waitlists them; a reviewed call moves the application into review (recorded
 * as the principal's endorsement, or as the submission where none is needed).
 */
export async function advanceEndorsed(
  tx: Tx,
  call: TrainingCall,
  application: SeatingApplication,
  actorId: string | null,
  now: Date,
) {
  if (call.selectionMode === 'REVIEWED') {
    return transitionApplication(tx, {
      application: { id: application.id, callId: call.id, status: application.status },
      action: 'endorse',
      actorId,
      now,
      audit: false,
    });
  }
  // The caller holds the call's seat lock: arrival order is the order of this queue.
  const { someoneWaiting } = await enterSeatQueue(tx, call.id, application.id);
  const { policy } = readCallSettings(call);
  const hasCaps = hasSeatCaps(policy);
  // Whoever waits arrived first. Without caps a freed seat is always handed down the waitlist at
  // once, so a newcomer waits too; with caps, those waiting may be blocked by a cap the newcomer
  // is not, and the claim below decides.
  if (someoneWaiting && !hasCaps) return waitlistNewcomer(tx, call, application, actorId, now, 'SEATS_FULL');
  const school = application.schoolId
    ? await tx.organization.findUnique({ where: { id: application.schoolId }, select: { province: true } })
    : null;
  const claim = await claimSeat(tx, {
    callId: call.id,
    applicationId: application.id,
    schoolId: application.schoolId,
    province: school?.province ?? null,
    policy,
    now,
  });
  if (claim.kind === 'seated') {
    await acceptWithSeat(tx, call, application, actorId, now, 'APPLICATION_ACCEPTED');
    return 'ACCEPTED' as const;
  }
  return waitlistNewcomer(tx, call, application, actorId, now, claim.reason);
}

async function waitlistNewcomer(
  tx: Tx,
  call: TrainingCall,
  application: SeatingApplication,
  actorId: string | null,
  now: Date,
  reason: WaitReason,
) {
  const { notice, ...move } = waitlistMove({ call, application, actorId, now, reason });
  return transitionApplication(tx, {
    ...move,
    notices: async () => [notice(await waitlistPosition(tx, call.id, application.id))],
  });
}

/**
 * A newcomer joins the waitlist: the move, and the notice given their position (known once the
 * move is written).
 */
export function waitlistMove({
  call,
  application,
  actorId,
  now,
  reason,
}: {
  call: Pick<TrainingCall, 'id' | 'title'>;
  application: SeatingApplication;
  actorId: string | null;
  now: Date;
  reason: WaitReason;
}) {
  return {
    application: { id: application.id, callId: call.id, status: application.status },
    action: 'waitlist' as const,
    actorId,
    now,
    data: { outcomeReason: reason, endorsedAt: now },
    audit: { reason },
    notice: (position: number | string): Notice => ({
      userId: application.teacherId,
      kind: 'APPLICATION_WAITLISTED',
      params: { call: call.title, position },
      callId: call.id,
      applicationId: application.id,
    }),
  };
}

/** Marks an application that now holds a seat as accepted, with its confirmation deadline. */
export async function acceptWithSeat(
  tx: Tx,
  call: TrainingCall,
  application: SeatingApplication,
  actorId: string | null,
  now: Date,
  notice: 'APPLICATION_ACCEPTED' | 'PROMOTED_FROM_WAITLIST',
  extra: { rank?: number | null; score?: number | null } = {},
  reason?: PromotionCause,
) {
  const { notice: told, ...move } = acceptMove({ call, application, actorId, now, notice, extra, reason });
  await transitionApplication(tx, { ...move, notices: [told] });
}

/** An application that now holds a seat is accepted: the move and its notice. */
export function acceptMove({
  call,
  application,
  actorId,
  now,
  notice,
  extra = {},
  reason,
}: {
  call: Pick<TrainingCall, 'id' | 'title' | 'confirmationDays' | 'startDate' | 'province'>;
  application: SeatingApplication;
  actorId: string | null;
  now: Date;
  notice: 'APPLICATION_ACCEPTED' | 'PROMOTED_FROM_WAITLIST';
  extra?: { rank?: number | null; score?: number | null };
  reason?: PromotionCause;
}) {
  const confirmBy = confirmationDeadline({
    acceptedAt: now,
    confirmationDays: call.confirmationDays,
    trainingStartsAt: trainingStartsAt(call),
  });
  return {
    application: { id: application.id, callId: call.id, status: application.status },
    action: 'accept' as const,
    actorId,
    now,
    data: { confirmBy, ...extra },
    audit: {
      ...(notice === 'PROMOTED_FROM_WAITLIST' ? { action: 'application.promoted' } : {}),
      ...(reason ? { reason } : {}),
      details: { confirmBy: confirmBy.toISOString() },
    },
    notice: {
      userId: application.teacherId,
      kind: notice,
      params: { call: call.title, deadline: deadlineParam(confirmBy, call) },
      callId: call.id,
      applicationId: application.id,
    } satisfies Notice,
  };
}
