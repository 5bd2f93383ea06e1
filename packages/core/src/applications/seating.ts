import type { TrainingCall } from '@kmg/db';
import {
  type ApplicationStatus,
  confirmationDeadline,
  type PromotionCause,
  type WaitReason,
} from '@kmg/domain';
import { deadlineParam, type Tx, trainingStartsAt } from '#applications/common.ts';
import { claimSeat, enterSeatQueue } from '#applications/seats.ts';
import { waitlistPosition } from '#applications/waitlist.ts';
import { recordAudit } from '#audit.ts';
import { readCallSettings } from '#calls/call-settings.ts';
import { notify } from '#notify.ts';

type SeatingApplication = {
  id: string;
  teacherId: string;
  schoolId: string | null;
  status: ApplicationStatus;
};

/**
 * After endorsement (or at once when none is needed): a first-come call seats the teacher if a
 * seat is free, else waitlists them; a reviewed call moves the application into review.
 */
export async function advanceEndorsed(
  tx: Tx,
  call: TrainingCall,
  application: SeatingApplication,
  actorId: string | null,
  now: Date,
) {
  if (call.selectionMode === 'REVIEWED') {
    await tx.application.update({
      where: { id: application.id },
      data: { status: 'ENDORSED', endorsedAt: now },
    });
    return 'ENDORSED' as const;
  }
  // The caller holds the call's seat lock: arrival order is the order of this queue.
  const { someoneWaiting } = await enterSeatQueue(tx, call.id, application.id);
  const { policy } = readCallSettings(call);
  const hasCaps = policy.maxPerSchool != null || Object.keys(policy.seatsPerProvince ?? {}).length > 0;
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
  await tx.application.update({
    where: { id: application.id },
    data: { status: 'WAITLISTED', waitlistedAt: now, outcomeReason: reason, endorsedAt: now },
  });
  await recordAudit(tx, {
    actorId,
    action: 'application.waitlisted',
    callId: call.id,
    applicationId: application.id,
    fromStatus: application.status,
    toStatus: 'WAITLISTED',
    reason,
  });
  const position = await waitlistPosition(tx, call.id, application.id);
  await notify(tx, [
    {
      userId: application.teacherId,
      kind: 'APPLICATION_WAITLISTED',
      params: { call: call.title, position },
      callId: call.id,
      applicationId: application.id,
    },
  ]);
  return 'WAITLISTED' as const;
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
  const confirmBy = confirmationDeadline({
    acceptedAt: now,
    confirmationDays: call.confirmationDays,
    trainingStartsAt: trainingStartsAt(call),
  });
  await tx.application.update({
    where: { id: application.id },
    data: {
      status: 'ACCEPTED',
      acceptedAt: now,
      confirmBy,
      outcomeReason: null,
      waitlistedAt: null,
      ...extra,
    },
  });
  await recordAudit(tx, {
    actorId,
    action: notice === 'PROMOTED_FROM_WAITLIST' ? 'application.promoted' : 'application.accepted',
    callId: call.id,
    applicationId: application.id,
    fromStatus: application.status,
    toStatus: 'ACCEPTED',
    ...(reason ? { reason } : {}),
    details: { confirmBy: confirmBy.toISOString() },
  });
  await notify(tx, [
    {
      userId: application.teacherId,
      kind: notice,
      params: { call: call.title, deadline: deadlineParam(confirmBy, call) },
      callId: call.id,
      applicationId: application.id,
    },
  ]);
}
