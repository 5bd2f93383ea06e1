import type { TrainingCall } from '@kmg/db';
import { applicationTransitions } from '@kmg/domain';
import type { Tx } from '#applications/common.ts';
import { transitionApplications } from '#applications/transition-application.ts';

/** A cancelled call releases everyone still in play, each with a notice giving the reason. */
export async function releaseApplicationsOfCancelledCall(
  tx: Tx,
  call: TrainingCall,
  actorId: string | null,
  now: Date,
  reason: string,
) {
  const open = await tx.application.findMany({
    where: { callId: call.id, status: { in: [...applicationTransitions.cancel.from] } },
    select: { id: true, callId: true, teacherId: true, status: true },
  });
  if (open.length === 0) return;
  await transitionApplications(tx, {
    applications: open,
    action: 'cancel',
    actorId,
    now,
    audit: { reason },
    notices: open.map((application) => ({
      userId: application.teacherId,
      kind: 'CALL_CANCELLED' as const,
      params: { call: call.title, reason },
      callId: call.id,
      applicationId: application.id,
    })),
  });
  await tx.seat.updateMany({ where: { callId: call.id }, data: { applicationId: null, assignedAt: null } });
}
