// Seats are rows (see prisma/schema.prisma, model Seat): taking one is claiming a free row. The
// database refuses a second holder and rows beyond the call's seats, so even a bug here cannot
// overbook; these functions make contention fast and fair on top of that.
import type { Prisma } from '@kmg/db';
import { type SelectionPolicy, seatBlocker, type WaitReason } from '@kmg/domain';

type Tx = Prisma.TransactionClient;

/** Creates the call's seat rows 1..seats (idempotent) and drops free rows beyond them. */
export async function syncSeatRows(tx: Tx, call: { id: string; seats: number }): Promise<void> {
  const held = await tx.seat.count({ where: { callId: call.id, applicationId: { not: null } } });
  if (held > call.seats) throw new Error(`call ${call.id} holds ${held} seats, more than ${call.seats}`);
  // Move holders sitting above the new count into free rows below it, then drop the rest.
  const above = await tx.seat.findMany({
    where: { callId: call.id, number: { gt: call.seats }, applicationId: { not: null } },
    orderBy: { number: 'asc' },
  });
  for (const seat of above) {
    const free = await tx.seat.findFirst({
      where: { callId: call.id, number: { lte: call.seats }, applicationId: null },
      orderBy: { number: 'asc' },
    });
    if (!free) break;
    await tx.seat.update({ where: { id: seat.id }, data: { applicationId: null, assignedAt: null } });
    await tx.seat.update({
      where: { id: free.id },
      data: { applicationId: seat.applicationId, assignedAt: seat.assignedAt },
    });
  }
  await tx.seat.deleteMany({ where: { callId: call.id, number: { gt: call.seats }, applicationId: null } });
  await tx.$executeRaw`
    INSERT INTO seats (call_id, number)
    SELECT ${call.id}::uuid, n FROM generate_series(1, ${call.seats}::int) AS n
    ON CONFLICT (call_id, number) DO NOTHING`;
}

/** Advisory-lock class of the per-call seat lock (the second key is the call). */
export const SEAT_LOCK_CLASS = 0x5ea7;

/**
 * Takes the call's seat lock for the rest of the transaction. Every change to who holds or waits
 * for a seat (apply, endorse, confirm or decline, withdraw, lapse, selection, seat count,
 * cancellation) runs under it, one after another, so a freed seat always goes to the head of the
 * waitlist and a newcomer can never overtake it. It is the first lock such a transaction takes
 * (before any call, application or seat row), so these transactions cannot deadlock each other.
 */
export async function lockSeats(tx: Tx, callId: string): Promise<void> {
  // Keyed by the call id's canonical text, as `kmg_arrive_first_come` takes it in the database.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEAT_LOCK_CLASS}::int, hashtext(${callId}::uuid::text))`;
}

/**
 * First-come calls: gives the application the next number in the call's queue (under the seat
 * lock, so numbers follow arrival) and says whether anyone is waiting ahead of it.
 */
export async function enterSeatQueue(
  tx: Tx,
  callId: string,
  applicationId: string,
): Promise<{ queueNumber: number; someoneWaiting: boolean }> {
  const rows = await tx.$queryRaw<{ queue_number: number; someone_waiting: boolean }[]>`
    UPDATE applications SET queue_number = (
      SELECT COALESCE(MAX(queue_number), 0) + 1 FROM applications WHERE call_id = ${callId}::uuid
    )
    WHERE id = ${applicationId}::uuid
    RETURNING queue_number, EXISTS (
      SELECT 1 FROM applications WHERE call_id = ${callId}::uuid AND status = 'WAITLISTED'
    ) AS someone_waiting`;
  const row = rows[0];
  if (!row) throw new Error(`application ${applicationId} vanished while entering the queue`);
  return { queueNumber: row.queue_number, someoneWaiting: row.someone_waiting };
}

export type CapPolicy = Pick<SelectionPolicy, 'maxPerSchool' | 'seatsPerProvince'> & { seats: number };

/**
 * Claims the lowest free seat of the call for the application, or says why none can be had.
 * Callers hold the call's seat lock (`lockSeats`). The fast path skips rows being claimed by a
 * transaction that does not (seed or repair scripts); only when that finds nothing does it wait
 * for them, so a seat freed by a rolled-back claim is never missed.
 */
export async function claimSeat(
  tx: Tx,
  input: {
    callId: string;
    applicationId: string;
    schoolId: string | null;
    province: string | null;
    policy: CapPolicy;
    now: Date;
  },
): Promise<{ kind: 'seated'; number: number } | { kind: 'full'; reason: WaitReason }> {
  const { callId, applicationId, policy } = input;
  if (policy.maxPerSchool != null || policy.seatsPerProvince) {
    const blocker = await capBlocker(tx, input);
    if (blocker) return { kind: 'full', reason: blocker };
  }
  const fast = await tx.$queryRaw<{ number: number }[]>`
    UPDATE seats SET application_id = ${applicationId}::uuid, assigned_at = ${input.now}
    WHERE id = (
      SELECT id FROM seats WHERE call_id = ${callId}::uuid AND application_id IS NULL
      ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    RETURNING number`;
  if (fast[0]) return { kind: 'seated', number: fast[0].number };
  // Rows still free after every in-flight claim has committed or rolled back.
  const free = await tx.$queryRaw<{ id: string; number: number }[]>`
    SELECT id, number FROM seats WHERE call_id = ${callId}::uuid AND application_id IS NULL
    ORDER BY number FOR UPDATE`;
  const seat = free[0];
  if (!seat) return { kind: 'full', reason: 'SEATS_FULL' };
  await tx.$executeRaw`
    UPDATE seats SET application_id = ${applicationId}::uuid, assigned_at = ${input.now} WHERE id = ${seat.id}::uuid`;
  return { kind: 'seated', number: seat.number };
}

async function capBlocker(
  tx: Tx,
  input: { callId: string; schoolId: string | null; province: string | null; policy: CapPolicy },
): Promise<WaitReason | null> {
  // Serialise claims that share a cap, so two teachers of one school cannot both take its last place.
  if (input.policy.maxPerSchool != null && input.schoolId) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`seat:${input.callId}:school:${input.schoolId}`}))`;
  }
  if (input.province && input.policy.seatsPerProvince?.[input.province] != null) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`seat:${input.callId}:province:${input.province}`}))`;
  }
  const holders = await seatHolders(tx, input.callId);
  const blocker = seatBlocker(
    { schoolId: input.schoolId ?? '', province: input.province },
    { count: 0, bySchool: countBy(holders, 'schoolId'), byProvince: countBy(holders, 'province') },
    { ...input.policy, seats: Number.POSITIVE_INFINITY, minScore: null },
  );
  return blocker;
}

export type SeatHolder = { applicationId: string; schoolId: string; province: string | null };

/** Who holds the call's seats, with their school and its province (for caps). */
export async function seatHolders(tx: Tx, callId: string): Promise<SeatHolder[]> {
  const rows = await tx.seat.findMany({
    where: { callId, applicationId: { not: null } },
    select: { application: { select: { id: true, schoolId: true, school: { select: { province: true } } } } },
  });
  return rows.flatMap(({ application }) =>
    application
      ? [
          {
            applicationId: application.id,
            schoolId: application.schoolId ?? '',
            province: application.school?.province ?? null,
          },
        ]
      : [],
  );
}

function countBy(holders: SeatHolder[], key: 'schoolId' | 'province'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const holder of holders) {
    const value = holder[key];
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Frees the seat an application holds (if any); returns whether one was freed. */
export async function releaseSeat(tx: Tx, applicationId: string): Promise<boolean> {
  const freed = await tx.$executeRaw`
    UPDATE seats SET application_id = NULL, assigned_at = NULL WHERE application_id = ${applicationId}::uuid`;
  return freed > 0;
}
