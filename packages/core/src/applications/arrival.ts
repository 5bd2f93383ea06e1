// A teacher arriving at a call that seats on arrival (`seatsOnArrival`): the moment a window opens,
// the whole country presses "Daftar" at once, and every arrival queues for the call's seat lock.
// Whatever runs under that lock runs one arrival at a time, so it runs inside the database in one
// statement (`kmg_arrive_first_come`, in the migrations): the API prepares the rows of both possible
// outcomes here, from the same moves, audit entries and notices the rest of the platform writes, and
// the function picks one under the lock. Nothing waits on a round trip to the API while holding it.
import { randomUUID } from 'node:crypto';
import { db, jobInsertStatement, queueNames, type TrainingCall } from '@kmg/db';
import { type ApplicationStatus, applicationMachine } from '@kmg/domain';
import { acceptMove, waitlistMove } from '#applications/seating.ts';
import { SEAT_LOCK_CLASS } from '#applications/seats.ts';
import { type Move, planMove } from '#applications/transition-application.ts';
import { auditRow } from '#audit.ts';
import { toColumns } from '#columns.ts';
import { newId } from '#ids.ts';
import { emailRows, type Notice, notificationRow, type Recipient } from '#notify.ts';
import { againOnConflict } from '#transaction.ts';

export type ArrivalOutcome = {
  status: ApplicationStatus;
  /** Place in the call's queue: 1 for the first to arrive. */
  queueNumber: number;
  seatNumber: number | null;
  waitlistPosition: number | null;
};

/**
 * Submits the teacher's application and, in the same transaction, seats them or puts them on the
 * waitlist, in arrival order. Eligibility and the window are the caller's to check first; a
 * second application to the call fails on the database's unique key.
 */
export async function arriveAtCall({
  call,
  teacher,
  fields,
  now,
}: {
  call: TrainingCall;
  /** The applicant, with the address and language their notice is written in. */
  teacher: Recipient;
  fields: { motivation: string; schoolId: string | null };
  now: Date;
}): Promise<{ id: string } & ArrivalOutcome> {
  const id = newId();
  const submitted = {
    id,
    callId: call.id,
    teacherId: teacher.id,
    ...fields,
    status: applicationMachine.initial,
    submittedAt: now,
  };
  const application = { id, teacherId: teacher.id, schoolId: fields.schoolId, status: submitted.status };
  const actorId = teacher.id;
  // One email either way, so its delivery job can be queued before the outcome is known.
  const emailId = newId();
  // Stands for the waitlist position in the prepared notice until the database knows it.
  const positionToken = `{position:${randomUUID()}}`;
  const outcome = (move: Move, notice: Notice) => {
    const { changes, audit } = planMove(move);
    return {
      application: toColumns(changes),
      events: audit ? [toColumns(auditRow(audit))] : [],
      notifications: [toColumns({ id: newId(), ...notificationRow(notice) })],
      emails: emailRows([notice], [teacher]).map((email) => toColumns({ id: emailId, ...email })),
    };
  };
  const { notice: accepted, ...accept } = acceptMove({
    call,
    application,
    actorId,
    now,
    notice: 'APPLICATION_ACCEPTED',
  });
  const { notice: waitlisted, ...wait } = waitlistMove({
    call,
    application,
    actorId,
    now,
    reason: 'SEATS_FULL',
  });
  const arrival = {
    at: now,
    positionToken,
    application: toColumns(submitted),
    events: [
      toColumns(
        auditRow({
          actorId,
          action: 'application.submitted',
          callId: call.id,
          applicationId: id,
          toStatus: submitted.status,
        }),
      ),
    ],
    seated: outcome(accept, accepted),
    waitlisted: outcome(wait, waitlisted(positionToken)),
  };
  // One statement, which PostgreSQL commits itself the moment the function returns: the seat lock
  // is never held while the answer travels to the API and its COMMIT travels back. (With the job
  // queued first and the function called in a transaction, the lock's holder sat idle waiting for
  // that COMMIT in 57% of samples while ten arrivals queued behind it.) The email's job is queued by
  // the same statement, so it exists exactly when the email row commits.
  const job = await jobInsertStatement(queueNames.email, { emailId }, { singletonKey: emailId });
  const next = job.values.length;
  const [row] = await againOnConflict(() =>
    db().$queryRawUnsafe<{ outcome: ArrivalOutcome }[]>(
      `WITH queued AS (${job.text})
     SELECT kmg_arrive_first_come($${next + 1}::int, $${next + 2}::jsonb) AS outcome`,
      ...job.values,
      SEAT_LOCK_CLASS,
      JSON.stringify(arrival),
    ),
  );
  if (!row) throw new Error(`the arrival of application ${id} returned nothing`);
  return { id, ...row.outcome };
}
