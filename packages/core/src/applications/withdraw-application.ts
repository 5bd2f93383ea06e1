import { decideWithdraw } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { lockApplication, requireViewer, trainingStartsAt } from '#applications/common.ts';
import { releaseSeat } from '#applications/seats.ts';
import { transitionApplication } from '#applications/transition-application.ts';
import { promoteFromWaitlist } from '#applications/waitlist.ts';
import { InvalidStateError, NotAllowedError } from '#errors.ts';
import { canRespondToApplication } from '#rules/applications.ts';
import { inTransaction } from '#transaction.ts';

export async function withdrawApplication(ctx: Actor, { id }: { id: string }): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const application = await lockApplication(tx, id);
    if (!(await canRespondToApplication(ctx, application))) throw new NotAllowedError('NOT_YOUR_APPLICATION');
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
    await transitionApplication(tx, {
      application,
      action: 'withdraw',
      actorId: viewer.id,
      now: ctx.now,
      notices: [
        {
          userId: viewer.id,
          kind: 'APPLICATION_WITHDRAWN',
          params: { call: call.title },
          callId: call.id,
          applicationId: id,
        },
      ],
    });
    const freed = await releaseSeat(tx, id);
    if (freed) await promoteFromWaitlist(tx, call, 'SEAT_WITHDRAWN', ctx.now);
    return { id };
  });
}
