import { callTimeZone, decideSeatResponse } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { lockApplication, requireViewer } from '#applications/common.ts';
import { releaseSeat } from '#applications/seats.ts';
import { transitionApplication } from '#applications/transition-application.ts';
import { promoteFromWaitlist } from '#applications/waitlist.ts';
import { InvalidStateError, NotAllowedError } from '#errors.ts';
import { canRespondToApplication } from '#rules/applications.ts';
import { inTransaction } from '#transaction.ts';

/** The accepted teacher confirms or declines their seat; a declined seat goes down the waitlist. */
export async function respondToSeat(
  ctx: Actor,
  { id, response }: { id: string; response: 'confirm' | 'decline' },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const application = await lockApplication(tx, id);
    if (!(await canRespondToApplication(ctx, application))) throw new NotAllowedError('NOT_YOUR_APPLICATION');
    const { call } = application;
    const decision = decideSeatResponse({
      application,
      actorId: viewer.id,
      response,
      timeZone: callTimeZone(call.province),
      now: ctx.now,
    });
    if (decision.kind === 'refused') {
      if (decision.code === 'NOT_YOUR_APPLICATION') throw new NotAllowedError(decision.code);
      throw new InvalidStateError(decision.code, decision.params);
    }
    const notice = response === 'confirm' ? ('SEAT_CONFIRMED' as const) : ('SEAT_DECLINED' as const);
    await transitionApplication(tx, {
      application,
      action: response,
      actorId: viewer.id,
      now: ctx.now,
      notices: [
        { userId: viewer.id, kind: notice, params: { call: call.title }, callId: call.id, applicationId: id },
      ],
    });
    if (response === 'confirm') return { id };
    await releaseSeat(tx, id);
    await promoteFromWaitlist(tx, call, 'SEAT_DECLINED', ctx.now);
    return { id };
  });
}
