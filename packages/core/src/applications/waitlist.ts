import type { db, TrainingCall } from '@kmg/db';
import { type ApplicationStatus, type PromotionCause, pickPromotion } from '@kmg/domain';
import type { Tx } from '#applications/common.ts';
import { acceptWithSeat } from '#applications/seating.ts';
import { claimSeat, seatHolders } from '#applications/seats.ts';
import { readCallSettings } from '#calls/call-settings.ts';

/** Position on the waitlist: rank order for reviewed calls, then time of waitlisting. */
export async function waitlistPosition(
  client: Tx | ReturnType<typeof db>,
  callId: string,
  applicationId: string,
): Promise<number> {
  const rows = await client.$queryRaw<{ position: bigint }[]>`
    SELECT position FROM (
      SELECT id, row_number() OVER (
        ORDER BY rank ASC NULLS LAST, queue_number ASC NULLS LAST, waitlisted_at ASC, id ASC
      ) AS position
      FROM applications WHERE call_id = ${callId}::uuid AND status = 'WAITLISTED'
    ) ranked WHERE id = ${applicationId}::uuid`;
  return Number(rows[0]?.position ?? 0);
}

/**
 * Gives freed seats to the waitlist, in order (rank, then arrival), skipping only teachers a cap
 * blocks. Runs in the transaction that frees the seats, under the call's seat lock, so no other
 * claim or promotion can come between.
 */
export async function promoteFromWaitlist(
  tx: Tx,
  call: TrainingCall,
  cause: PromotionCause,
  now: Date,
): Promise<number> {
  const { policy } = readCallSettings(call);
  let promoted = 0;
  for (;;) {
    const free = await tx.seat.count({ where: { callId: call.id, applicationId: null } });
    if (free === 0) return promoted;
    const waitlist = await tx.$queryRaw<
      {
        id: string;
        teacher_id: string;
        school_id: string | null;
        province: string | null;
        status: ApplicationStatus;
      }[]
    >`
      SELECT a.id, a.teacher_id, a.school_id, s.province, a.status
      FROM applications a LEFT JOIN organizations s ON s.id = a.school_id
      WHERE a.call_id = ${call.id}::uuid AND a.status = 'WAITLISTED'
      ORDER BY a.rank ASC NULLS LAST, a.queue_number ASC NULLS LAST, a.waitlisted_at ASC, a.id ASC
      FOR UPDATE OF a`;
    if (waitlist.length === 0) return promoted;
    const holders = await seatHolders(tx, call.id);
    const next = pickPromotion(
      waitlist.map((row, index) => ({ ...row, schoolId: row.school_id ?? '', position: index + 1 })),
      holders,
      policy,
    );
    if (!next) return promoted;
    const claim = await claimSeat(tx, {
      callId: call.id,
      applicationId: next.id,
      schoolId: next.school_id,
      province: next.province,
      policy: { ...policy, maxPerSchool: null, seatsPerProvince: null },
      now,
    });
    if (claim.kind !== 'seated') return promoted;
    await acceptWithSeat(
      tx,
      call,
      { id: next.id, teacherId: next.teacher_id, schoolId: next.school_id, status: next.status },
      // The platform promotes, in waitlist order; the person who freed the seat did not choose.
      null,
      now,
      'PROMOTED_FROM_WAITLIST',
      {},
      cause,
    );
    promoted++;
  }
}
