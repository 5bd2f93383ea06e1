import type { TrainingCall } from '@kmg/db';
import type { Tx } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { notify } from '#notify.ts';

/** A cancelled call releases everyone still in play, each with a notice giving the reason. */
export async function releaseApplicationsOfCancelledCall(
  tx: Tx,
  call: TrainingCall,
  actorId: string | null,
  now: Date,
  reason: string,
) {
  const open = await tx.application.findMany({
    where: {
      callId: call.id,
      status: { in: ['SUBMITTED', 'ENDORSED', 'ACCEPTED', 'CONFIRMED', 'WAITLISTED'] },
    },
    select: { id: true, teacherId: true, status: true },
  });
  if (open.length === 0) return;
  await tx.application.updateMany({
    where: { id: { in: open.map((a) => a.id) } },
    data: { status: 'CANCELLED', closedAt: now },
  });
  await tx.seat.updateMany({ where: { callId: call.id }, data: { applicationId: null, assignedAt: null } });
  await recordAudit(
    tx,
    open.map((application) => ({
      actorId,
      action: 'application.cancelled',
      callId: call.id,
      applicationId: application.id,
      fromStatus: application.status,
      toStatus: 'CANCELLED',
      reason,
    })),
  );
  await notify(
    tx,
    open.map((application) => ({
      userId: application.teacherId,
      kind: 'CALL_CANCELLED' as const,
      params: { call: call.title, reason },
      callId: call.id,
      applicationId: application.id,
    })),
  );
}
