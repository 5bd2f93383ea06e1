import { db } from '@kmg/db';
import {
  type CallStatus,
  callMachine,
  callTimeZone,
  callTransitions,
  endorsementDeadline,
  type MessageParams,
  startOfLocalDate,
} from '@kmg/domain';
import { deadlineParam, lockApplication } from '#applications/common.ts';
import { releaseSeat } from '#applications/seats.ts';
import { transitionApplication } from '#applications/transition-application.ts';
import { promoteFromWaitlist } from '#applications/waitlist.ts';
import { transitionCall } from '#calls/transition-call.ts';
import { localDate } from '#dates.ts';
import { inTransaction } from '#transaction.ts';

/**
 * Deadlines that pass without anyone acting: endorsements not given in time stop the application;
 * seats not confirmed in time lapse and go down the waitlist. Run by the job queue every minute;
 * each application is settled in its own transaction, so one failure does not hold up the rest.
 */
export async function sweepDeadlines(
  now: Date,
): Promise<{ expired: number; lapsed: number; started: number }> {
  const candidates = await db().application.findMany({
    where: { status: 'SUBMITTED', call: { requiresEndorsement: true, status: { not: 'DRAFT' } } },
    select: { id: true, call: { select: { endorsementDeadline: true, applicationClosesAt: true } } },
  });
  let expired = 0;
  for (const candidate of candidates) {
    if (endorsementDeadline(candidate.call) > now) continue;
    const done = await inTransaction(async (tx) => {
      const application = await lockApplication(tx, candidate.id);
      if (application.status !== 'SUBMITTED') return false;
      const deadline = endorsementDeadline(application.call);
      const params: MessageParams = {
        call: application.call.title,
        deadline: deadlineParam(deadline, application.call),
      };
      await transitionApplication(tx, {
        application,
        action: 'expireEndorsement',
        actorId: null,
        now,
        audit: { reason: `endorsement deadline ${deadline.toISOString()}` },
        notices: [
          {
            userId: application.teacherId,
            kind: 'ENDORSEMENT_EXPIRED',
            params,
            callId: application.callId,
            applicationId: application.id,
          },
        ],
      });
      return true;
    });
    if (done) expired++;
  }

  const lapsing = await db().application.findMany({
    where: { status: 'ACCEPTED', confirmBy: { lte: now } },
    select: { id: true },
  });
  let lapsed = 0;
  for (const candidate of lapsing) {
    const done = await inTransaction(async (tx) => {
      const application = await lockApplication(tx, candidate.id);
      if (application.status !== 'ACCEPTED' || !application.confirmBy || application.confirmBy > now)
        return false;
      await transitionApplication(tx, {
        application,
        action: 'lapse',
        actorId: null,
        now,
        audit: { reason: `confirmation deadline ${application.confirmBy.toISOString()}` },
        notices: [
          {
            userId: application.teacherId,
            kind: 'SEAT_LAPSED',
            params: {
              call: application.call.title,
              deadline: deadlineParam(application.confirmBy, application.call),
            },
            callId: application.callId,
            applicationId: application.id,
          },
        ],
      });
      await releaseSeat(tx, application.id);
      await promoteFromWaitlist(tx, application.call, 'SEAT_LAPSED', now);
      return true;
    });
    if (done) lapsed++;
  }

  // A call whose training has begun (midnight of its first day at the venue) is in training:
  // attendance can be taken from then on.
  const starting = await db().trainingCall.findMany({
    // Dates are stored at midnight UTC, and Indonesian days begin up to 9 hours earlier.
    where: {
      status: { in: [...callTransitions.startTraining.from] },
      startDate: { lte: new Date(now.getTime() + 86_400_000) },
    },
    select: { id: true, startDate: true, province: true },
  });
  let started = 0;
  for (const call of starting) {
    const startsAt = startOfLocalDate(localDate(call.startDate), callTimeZone(call.province));
    if (startsAt > now) continue;
    const done = await db().$transaction(async (tx) => {
      // The row lock alone (no seats change): whoever changed the call meanwhile has committed.
      const [current] = await tx.$queryRaw<{ status: CallStatus }[]>`
        SELECT status FROM training_calls WHERE id = ${call.id}::uuid FOR UPDATE`;
      if (!current || !callMachine.can(current.status, 'startTraining')) return false;
      await transitionCall(tx, {
        call: { id: call.id, status: current.status },
        action: 'startTraining',
        actorId: null,
        now,
      });
      return true;
    });
    if (done) started++;
  }
  return { expired, lapsed, started };
}
