import { decideWithdraw } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { lockApplication, requireViewer, trainingStartsAt } from '#applications/common.ts';
import { releaseSeat } from '#applications/seats.ts';
import { promoteFromWaitlist } from '#applications/waitlist.ts';
import { recordAudit } from '#audit.ts';
import { InvalidStateError, NotAllowedError } from '#errors.ts';
import { notify } from '#notify.ts';
import { inTransaction } from '#transaction.ts';

export async function withdrawApplication(ctx: Actor, { id }: { id: string }): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const application = await lockApplication(tx, id);
    const decision = decideWithdraw({
      application,
      actorId: viewer.id,
      trainingStartsAt: trainingStartsAt(application.call),
      now: ctx.now,
    });
    if (decision.kind === 'refused') {
      if (decision.code === 'NOT_YOUR_APPLICATION') throw new NotAllowedError(decision.code);
      throw new InvalidStateError(decision.code);
    }
    const { call } = application;
    await tx.application.update({
      where: { id },
      data: { status: 'WITHDRAWN', withdrawnAt: ctx.now, closedAt: ctx.now },
    });
    const freed = await releaseSeat(tx, id);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'application.withdrawn',
      callId: call.id,
      applicationId: id,
      fromStatus: application.status,
      toStatus: 'WITHDRAWN',
    });
    await notify(tx, [
      {
        userId: viewer.id,
        kind: 'APPLICATION_WITHDRAWN',
        params: { call: call.title },
        callId: call.id,
        applicationId: id,
      },
    ]);
    if (freed) await promoteFromWaitlist(tx, call, 'SEAT_WITHDRAWN', ctx.now);
    return { id };
  });
}
