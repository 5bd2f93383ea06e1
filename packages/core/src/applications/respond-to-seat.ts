import { callTimeZone, decideSeatResponse } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { lockApplication, requireViewer } from '#applications/common.ts';
import { releaseSeat } from '#applications/seats.ts';
import { promoteFromWaitlist } from '#applications/waitlist.ts';
import { recordAudit } from '#audit.ts';
import { InvalidStateError, NotAllowedError } from '#errors.ts';
import { notify } from '#notify.ts';
import { inTransaction } from '#transaction.ts';

/** The accepted teacher confirms or declines their seat; a declined seat goes down the waitlist. */
export async function respondToSeat(
  ctx: Actor,
  { id, response }: { id: string; response: 'confirm' | 'decline' },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const application = await lockApplication(tx, id);
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
    if (response === 'confirm') {
      await tx.application.update({ where: { id }, data: { status: 'CONFIRMED', confirmedAt: ctx.now } });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'application.confirmed',
        callId: call.id,
        applicationId: id,
        fromStatus: 'ACCEPTED',
        toStatus: 'CONFIRMED',
      });
      await notify(tx, [
        {
          userId: viewer.id,
          kind: 'SEAT_CONFIRMED',
          params: { call: call.title },
          callId: call.id,
          applicationId: id,
        },
      ]);
      return { id };
    }
    await tx.application.update({ where: { id }, data: { status: 'DECLINED', closedAt: ctx.now } });
    await releaseSeat(tx, id);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'application.declined',
      callId: call.id,
      applicationId: id,
      fromStatus: 'ACCEPTED',
      toStatus: 'DECLINED',
    });
    await notify(tx, [
      {
        userId: viewer.id,
        kind: 'SEAT_DECLINED',
        params: { call: call.title },
        callId: call.id,
        applicationId: id,
      },
    ]);
    await promoteFromWaitlist(tx, call, 'SEAT_DECLINED', ctx.now);
    return { id };
  });
}
