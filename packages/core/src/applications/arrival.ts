// A teacher arriving at a call that seats on arrival (`seatsOnArrival`): the moment a window opens,
// the whole country presses "Daftar" at once, and every arrival queues for the call's seat lock.
// Whatever runs under that lock runs one arrival at a time, so it runs inside the database in one
// statement (`kmg_arrive_first_come`, in the migrations): the API prepares the rows of both possible
// outcomes here, from the same moves, audit entries and notices the rest of the platform writes, and
// the function picks one under the lock. Nothing waits on a round trip to the API while holding it.
//
// Arrivals at the same call that reach this process while its statement for the call is in flight
// wait for it to return, then go together in one statement (`kmg_arrive_first_come_batch`), in the
// order they arrived: one lock, one commit and one WAL flush for the group. A lone arrival goes at
// once; nothing waits for a group to fill.
import { randomUUID } from 'node:crypto';
import { database, jobQueue, jobsInsertStatement, queueNames, type TrainingCall } from '@kmg/db';
import { type ApplicationStatus, applicationMachine } from '@kmg/domain';
import { acceptMove, waitlistMove } from '#applications/seating.ts';
import { SEAT_LOCK_CLASS } from '#applications/seats.ts';
import { type Move, planMove } from '#applications/transition-application.ts';
import { auditRow } from '#audit.ts';
import { toColumns } from '#columns.ts';
import { AlreadyAppliedError } from '#errors.ts';
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
  return { id, ...(await settle(call.id, { arrival, emailId, jobId: newId() })) };
}

/** An arrival ready for the database: its rows for both outcomes, and its email's delivery job. */
type Prepared = { arrival: object; emailId: string; jobId: string };
/** Per arrival, in order: its outcome, or that the teacher already has an application to the call. */
type Settled = (ArrivalOutcome | { alreadyApplied: true })[] | undefined;
type Waiting = Prepared & { resolve(outcome: ArrivalOutcome): void; reject(error: unknown): void };

/** Per call, the arrivals waiting for this process' statement in flight for the call to return. */
const lines = new Map<string, Waiting[]>();
/** Most arrivals in one statement: its text and parameters stay small, and so does its hold on the lock. */
const MOST_IN_ONE_STATEMENT = 100;

function settle(callId: string, prepared: Prepared): Promise<ArrivalOutcome> {
  return new Promise((resolve, reject) => {
    const waiting = { ...prepared, resolve, reject };
    const line = lines.get(callId);
    if (line) {
      line.push(waiting);
      return;
    }
    const started = [waiting];
    lines.set(callId, started);
    void workThrough(callId, started);
  });
}

/**
 * Settles the call's line in order, a group at a time, until nobody is left in it. Whatever
 * happens, the line ends with it: nobody is left waiting on a line that no one works through.
 */
async function workThrough(callId: string, line: Waiting[]): Promise<void> {
  try {
    while (line.length > 0) {
      const group = line.splice(0, MOST_IN_ONE_STATEMENT);
      let outcomes: Settled;
      try {
        outcomes = await settleTogether(group);
      } catch (error) {
        // Nothing of the group was written. Alone, an arrival's failure is its own answer; in a
        // group, each goes again by itself, in the same order, so one failure answers only its own.
        if (group.length === 1) group[0]?.reject(error);
        else for (const waiting of group) await settleAlone(waiting);
        continue;
      }
      answer(group, outcomes);
    }
  } catch (error) {
    for (const waiting of line.splice(0)) waiting.reject(error);
  } finally {
    lines.delete(callId);
  }
}

async function settleAlone(waiting: Waiting): Promise<void> {
  try {
    answer([waiting], await settleTogether([waiting]));
  } catch (error) {
    waiting.reject(error);
  }
}

/** Answers each arrival of a committed group; a second application leaves no email, so no job. */
function answer(group: Waiting[], outcomes: Settled): void {
  if (outcomes?.length !== group.length) {
    const error = new Error(`${group.length} arrivals settled with ${outcomes?.length ?? 'no'} outcomes`);
    for (const waiting of group) waiting.reject(error);
    return;
  }
  const unsent: string[] = [];
  for (const [index, waiting] of group.entries()) {
    const outcome = outcomes[index];
    if (outcome && !('alreadyApplied' in outcome)) waiting.resolve(outcome);
    else {
      unsent.push(waiting.jobId);
      waiting.reject(new AlreadyAppliedError());
    }
  }
  // The job would find no email and do nothing; removing it keeps the queue honest. The group is
  // committed whatever happens here, so a failure is only logged.
  if (unsent.length > 0) {
    Promise.resolve()
      .then(() => jobQueue().deleteJob(queueNames.email, unsent))
      .catch((error: unknown) =>
        console.error('could not remove the email jobs of second applications', error),
      );
  }
}

/**
 * One statement, which PostgreSQL commits itself the moment the function returns: the seat lock is
 * never held while the answer travels to the API and its COMMIT travels back. (With the job queued
 * first and the function called in a transaction, the lock's holder sat idle waiting for that COMMIT
 * in 57% of samples while ten arrivals queued behind it.) It goes past Prisma (`Database.query`), as
 * every arrival waits on it. The emails' jobs are queued by the same statement, so they exist
 * exactly when the email rows commit. Once it returns, the group is committed: what it returned is
 * checked by `answer`, never by running the group again.
 */
async function settleTogether(group: Prepared[]): Promise<Settled> {
  const jobs = await jobsInsertStatement(
    queueNames.email,
    group.map(({ emailId, jobId }) => ({ id: jobId, data: { emailId }, singletonKey: emailId })),
  );
  const next = jobs.values.length;
  const [row] = await againOnConflict(() =>
    database().query<{ outcomes: NonNullable<Settled> }>({
      text: `WITH queued AS (${jobs.text})
     SELECT kmg_arrive_first_come_batch($${next + 1}::int, $${next + 2}::jsonb) AS outcomes`,
      values: [...jobs.values, SEAT_LOCK_CLASS, JSON.stringify(group.map(({ arrival }) => arrival))],
    }),
  );
  return row?.outcomes;
}
