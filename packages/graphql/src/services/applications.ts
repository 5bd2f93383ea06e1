// The life of an application: apply, endorsement, seats (first come or selection), confirmation,
// decline, withdrawal, lapse and the waitlist moving up. Every change is one transaction that also
// writes the audit trail and the notices (in-app and the email outbox).
import { db, Prisma, type TrainingCall } from '@kmg/db';
import {
  type ApplicationStatus,
  callTimeZone,
  checkEligibility,
  confirmationDeadline,
  decideApply,
  decideEndorsement,
  decideSeatResponse,
  decideWithdraw,
  declineNoteSchema,
  endorsementDeadline,
  endorsementNoteSchema,
  type HeldSeat,
  type MessageParams,
  motivationSchema,
  type PromotionCause,
  pickPromotion,
  seatHoldingStatuses,
  startOfLocalDate,
  type WaitReason,
} from '@kmg/domain';
import { publishedCallsWhere } from '#access.ts';
import type { Context } from '#context.ts';
import {
  AlreadyAppliedError,
  ApplicationClosedError,
  InvalidStateError,
  NotAllowedError,
  NotEligibleError,
  NotFoundError,
  parseInput,
} from '#errors.ts';
import { recordAudit } from '#services/audit.ts';
import { readCallSettings } from '#services/call-settings.ts';
import { notify } from '#services/notify.ts';
import { claimSeat, enterSeatQueue, lockSeats, releaseSeat, seatHolders } from '#services/seats.ts';
import { inTransaction } from '#services/transaction.ts';

type Tx = Prisma.TransactionClient;

const localDate = (date: Date) => date.toISOString().slice(0, 10);

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function requireViewer(ctx: Context) {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  return ctx.viewer;
}

const deadlineParam = (instant: Date, call: Pick<TrainingCall, 'province'>) => ({
  instant: instant.toISOString(),
  timeZone: callTimeZone(call.province),
});

/** The instant the first training day begins in the venue's zone. */
export function trainingStartsAt(call: Pick<TrainingCall, 'startDate' | 'province'>): Date {
  return startOfLocalDate(localDate(call.startDate), callTimeZone(call.province));
}

/**
 * Locks an application for the rest of the transaction: its call's seat lock first, then the row
 * (the one lock order every seat-changing transaction follows).
 */
async function lockApplication(tx: Tx, id: string) {
  const target = await tx.application.findUnique({ where: { id }, select: { callId: true } });
  if (!target) throw new NotFoundError();
  await lockSeats(tx, target.callId);
  await tx.$queryRaw`SELECT id FROM applications WHERE id = ${id}::uuid FOR UPDATE`;
  const application = await tx.application.findUnique({ where: { id }, include: { call: true } });
  if (!application) throw new NotFoundError();
  return application;
}

/** Seats the teacher holds in other calls (for the one-per-year and no-overlap rules). */
export async function heldSeats(tx: Tx | ReturnType<typeof db>, teacherId: string): Promise<HeldSeat[]> {
  const rows = await tx.application.findMany({
    where: { teacherId, status: { in: [...seatHoldingStatuses] } },
    select: {
      call: {
        select: {
          id: true,
          title: true,
          startDate: true,
          endDate: true,
          programme: { select: { year: true } },
        },
      },
    },
  });
  return rows.map(({ call }) => ({
    callId: call.id,
    title: call.title,
    programmeYear: call.programme.year,
    startDate: localDate(call.startDate),
    endDate: localDate(call.endDate),
  }));
}

/** Eligibility of a teacher for a call, with every failing rule (read-only, for the call page too). */
export async function eligibilityFor(
  client: Tx | ReturnType<typeof db>,
  teacherId: string,
  call: TrainingCall & { programme?: { year: number; maxSeatsPerTeacher: number | null } },
) {
  const [profile, programme, held] = await Promise.all([
    client.teacherProfile.findUnique({
      where: { userId: teacherId },
      include: {
        school: { select: { id: true, province: true, schoolStatus: true, centreOfExcellence: true } },
      },
    }),
    call.programme ??
      client.programme.findUniqueOrThrow({
        where: { id: call.programmeId },
        select: { year: true, maxSeatsPerTeacher: true },
      }),
    heldSeats(client, teacherId),
  ]);
  if (!profile) return { profile: null, result: null };
  const { rules } = readCallSettings(call);
  const result = checkEligibility({
    rules,
    limits: { maxAcceptedPerYear: programme.maxSeatsPerTeacher },
    teacher: {
      subject: profile.subject,
      employmentStatus: profile.employmentStatus,
      teachingSince: localDate(profile.teachingSince),
      birthDate: profile.birthDate ? localDate(profile.birthDate) : null,
      school: {
        province: profile.school.province,
        status: profile.school.schoolStatus,
        centreOfExcellence: profile.school.centreOfExcellence,
      },
    },
    call: {
      id: call.id,
      startDate: localDate(call.startDate),
      endDate: localDate(call.endDate),
      programmeYear: programme.year,
    },
    held,
  });
  return { profile, result };
}

type SeatingApplication = {
  id: string;
  teacherId: string;
  schoolId: string | null;
  status: ApplicationStatus;
};

/**
 * After endorsement (or at once when none is needed): a first-come call seats the teacher if a
 * seat is free, else waitlists them; a reviewed call moves the application into review.
 */
async function advanceEndorsed(
  tx: Tx,
  call: TrainingCall,
  application: SeatingApplication,
  actorId: string | null,
  now: Date,
) {
  if (call.selectionMode === 'REVIEWED') {
    await tx.application.update({
      where: { id: application.id },
      data: { status: 'ENDORSED', endorsedAt: now },
    });
    return 'ENDORSED' as const;
  }
  // The caller holds the call's seat lock: arrival order is the order of this queue.
  const { someoneWaiting } = await enterSeatQueue(tx, call.id, application.id);
  const { policy } = readCallSettings(call);
  const hasCaps = policy.maxPerSchool != null || Object.keys(policy.seatsPerProvince ?? {}).length > 0;
  // Whoever waits arrived first. Without caps a freed seat is always handed down the waitlist at
  // once, so a newcomer waits too; with caps, those waiting may be blocked by a cap the newcomer
  // is not, and the claim below decides.
  if (someoneWaiting && !hasCaps) return waitlistNewcomer(tx, call, application, actorId, now, 'SEATS_FULL');
  const school = application.schoolId
    ? await tx.organization.findUnique({ where: { id: application.schoolId }, select: { province: true } })
    : null;
  const claim = await claimSeat(tx, {
    callId: call.id,
    applicationId: application.id,
    schoolId: application.schoolId,
    province: school?.province ?? null,
    policy,
    now,
  });
  if (claim.kind === 'seated') {
    await acceptWithSeat(tx, call, application, actorId, now, 'APPLICATION_ACCEPTED');
    return 'ACCEPTED' as const;
  }
  return waitlistNewcomer(tx, call, application, actorId, now, claim.reason);
}

async function waitlistNewcomer(
  tx: Tx,
  call: TrainingCall,
  application: SeatingApplication,
  actorId: string | null,
  now: Date,
  reason: WaitReason,
) {
  await tx.application.update({
    where: { id: application.id },
    data: { status: 'WAITLISTED', waitlistedAt: now, outcomeReason: reason, endorsedAt: now },
  });
  await recordAudit(tx, {
    actorId,
    action: 'application.waitlisted',
    callId: call.id,
    applicationId: application.id,
    fromStatus: application.status,
    toStatus: 'WAITLISTED',
    reason,
  });
  const position = await waitlistPosition(tx, call.id, application.id);
  await notify(tx, [
    {
      userId: application.teacherId,
      kind: 'APPLICATION_WAITLISTED',
      params: { call: call.title, position },
      callId: call.id,
      applicationId: application.id,
    },
  ]);
  return 'WAITLISTED' as const;
}

/** Marks an application that now holds a seat as accepted, with its confirmation deadline. */
export async function acceptWithSeat(
  tx: Tx,
  call: TrainingCall,
  application: SeatingApplication,
  actorId: string | null,
  now: Date,
  notice: 'APPLICATION_ACCEPTED' | 'PROMOTED_FROM_WAITLIST',
  extra: { rank?: number | null; score?: number | null } = {},
  reason?: PromotionCause,
) {
  const confirmBy = confirmationDeadline({
    acceptedAt: now,
    confirmationDays: call.confirmationDays,
    trainingStartsAt: trainingStartsAt(call),
  });
  await tx.application.update({
    where: { id: application.id },
    data: {
      status: 'ACCEPTED',
      acceptedAt: now,
      confirmBy,
      outcomeReason: null,
      waitlistedAt: null,
      ...extra,
    },
  });
  await recordAudit(tx, {
    actorId,
    action: notice === 'PROMOTED_FROM_WAITLIST' ? 'application.promoted' : 'application.accepted',
    callId: call.id,
    applicationId: application.id,
    fromStatus: application.status,
    toStatus: 'ACCEPTED',
    ...(reason ? { reason } : {}),
    details: { confirmBy: confirmBy.toISOString() },
  });
  await notify(tx, [
    {
      userId: application.teacherId,
      kind: notice,
      params: { call: call.title, deadline: deadlineParam(confirmBy, call) },
      callId: call.id,
      applicationId: application.id,
    },
  ]);
}

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
      { id: next.id, teacherId: next.teacher_id, schoolId: next.school_id, status: 'WAITLISTED' },
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

/** A teacher applies for a seat: eligibility first, then endorsement or straight to seats. */
export async function applyToCall(
  ctx: Context,
  { callId, motivation }: { callId: string; motivation: string },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const text = parseInput(motivationSchema, motivation, ['motivation']);
  const apply = () =>
    inTransaction(async (tx) => {
      const call = await tx.trainingCall.findFirst({
        where: { id: callId, ...publishedCallsWhere },
        include: { programme: { select: { year: true, maxSeatsPerTeacher: true } } },
      });
      if (!call) throw new NotFoundError();
      const existing = await tx.application.findUnique({
        where: { callId_teacherId: { callId, teacherId: viewer.id } },
        select: { id: true, status: true },
      });
      const decision = decideApply({ call, existing, now: ctx.now });
      if (decision.kind === 'refused') {
        if (decision.code === 'ALREADY_APPLIED') throw new AlreadyAppliedError();
        throw new ApplicationClosedError(decision.code, decision.params);
      }
      const { profile, result } = await eligibilityFor(tx, viewer.id, call);
      if (!profile || !result) throw new NotAllowedError('NOT_A_TEACHER');
      if (result.kind === 'ineligible') throw new NotEligibleError(result.reasons);
      // Straight to the seats: take the call's seat lock before writing any row (the one lock order).
      if (!call.requiresEndorsement && call.selectionMode === 'FIRST_COME') await lockSeats(tx, callId);

      const fields = {
        motivation: text,
        submittedAt: ctx.now,
        schoolId: profile.schoolId,
        status: 'SUBMITTED' as const,
        withdrawnAt: null,
        closedAt: null,
      };
      const application =
        decision.kind === 'resubmit'
          ? await tx.application.update({ where: { id: decision.applicationId }, data: fields })
          : await tx.application.create({ data: { ...fields, callId, teacherId: viewer.id } });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: decision.kind === 'resubmit' ? 'application.resubmitted' : 'application.submitted',
        callId,
        applicationId: application.id,
        toStatus: 'SUBMITTED',
      });
      if (!call.requiresEndorsement) {
        await advanceEndorsed(tx, call, application, viewer.id, ctx.now);
        return { id: application.id };
      }
      const principals = (
        await tx.user.findMany({
          where: { organizationId: profile.schoolId },
          select: { id: true, roles: true },
        })
      ).filter((user) => user.roles.includes('PRINCIPAL'));
      const deadline = endorsementDeadline(call);
      await notify(
        tx,
        principals.map((principal) => ({
          userId: principal.id,
          kind: 'ENDORSEMENT_REQUESTED' as const,
          params: { teacher: viewer.name, call: call.title, deadline: deadlineParam(deadline, call) },
          callId,
          applicationId: application.id,
        })),
      );
      return { id: application.id };
    });
  try {
    return await apply();
  } catch (error) {
    // A double submit races past the check above; the unique key (call, teacher) stops the second.
    if (isUniqueViolation(error)) throw new AlreadyAppliedError();
    throw error;
  }
}

/** The principal of the teacher's school endorses or declines, with a note. */
export async function decideEndorsementFor(
  ctx: Context,
  { id, endorse, note }: { id: string; endorse: boolean; note: string | null },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const text = endorse
    ? parseInput(endorsementNoteSchema, note ?? '', ['note'])
    : parseInput(declineNoteSchema, note ?? '', ['note']);
  return inTransaction(async (tx) => {
    const application = await lockApplication(tx, id);
    const { call } = application;
    const decision = decideEndorsement({
      application,
      principalSchoolId: viewer.roles.includes('PRINCIPAL') ? viewer.organizationId : null,
      deadline: endorsementDeadline(call),
      timeZone: callTimeZone(call.province),
      now: ctx.now,
    });
    if (decision.kind === 'refused') {
      if (decision.code === 'NOT_YOUR_SCHOOL') throw new NotAllowedError(decision.code);
      throw new InvalidStateError(decision.code, decision.params);
    }
    await tx.application.update({
      where: { id },
      data: { endorsedById: viewer.id, endorsementNote: text || null, endorsedAt: ctx.now },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: endorse ? 'application.endorsed' : 'application.not_endorsed',
      callId: call.id,
      applicationId: id,
      fromStatus: application.status,
      toStatus: endorse ? 'ENDORSED' : 'NOT_ENDORSED',
      reason: text || null,
    });
    if (!endorse) {
      await tx.application.update({ where: { id }, data: { status: 'NOT_ENDORSED', closedAt: ctx.now } });
      await notify(tx, [
        {
          userId: application.teacherId,
          kind: 'APPLICATION_NOT_ENDORSED',
          params: { call: call.title, note: text },
          callId: call.id,
          applicationId: id,
        },
      ]);
      return { id };
    }
    await notify(tx, [
      {
        userId: application.teacherId,
        kind: 'APPLICATION_ENDORSED',
        params: { call: call.title, note: text },
        callId: call.id,
        applicationId: id,
      },
    ]);
    await advanceEndorsed(tx, call, application, viewer.id, ctx.now);
    return { id };
  });
}

/** The accepted teacher confirms or declines their seat; a declined seat goes down the waitlist. */
export async function respondToSeat(
  ctx: Context,
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

export async function withdrawApplication(ctx: Context, { id }: { id: string }): Promise<{ id: string }> {
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

/** A cancelled call releases everyone still in play, each with a notice giving the reason. */
export async function releaseApplicationsOfCancelledCall(
  tx: Tx,
  call: TrainingCall,
  actorId: string | null,
  now: Date,
  reason: string,
) {
  const open = await tx.application.findMany({
    where: {
      callId: call.id,
      status: { in: ['SUBMITTED', 'ENDORSED', 'ACCEPTED', 'CONFIRMED', 'WAITLISTED'] },
    },
    select: { id: true, teacherId: true, status: true },
  });
  if (open.length === 0) return;
  await tx.application.updateMany({
    where: { id: { in: open.map((a) => a.id) } },
    data: { status: 'CANCELLED', closedAt: now },
  });
  await tx.seat.updateMany({ where: { callId: call.id }, data: { applicationId: null, assignedAt: null } });
  await recordAudit(
    tx,
    open.map((application) => ({
      actorId,
      action: 'application.cancelled',
      callId: call.id,
      applicationId: application.id,
      fromStatus: application.status,
      toStatus: 'CANCELLED',
      reason,
    })),
  );
  await notify(
    tx,
    open.map((application) => ({
      userId: application.teacherId,
      kind: 'CALL_CANCELLED' as const,
      params: { call: call.title, reason },
      callId: call.id,
      applicationId: application.id,
    })),
  );
}

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
      await tx.application.update({
        where: { id: application.id },
        data: { status: 'ENDORSEMENT_EXPIRED', closedAt: now },
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'application.endorsement_expired',
        callId: application.callId,
        applicationId: application.id,
        fromStatus: 'SUBMITTED',
        toStatus: 'ENDORSEMENT_EXPIRED',
        reason: `endorsement deadline ${deadline.toISOString()}`,
      });
      const params: MessageParams = {
        call: application.call.title,
        deadline: deadlineParam(deadline, application.call),
      };
      await notify(tx, [
        {
          userId: application.teacherId,
          kind: 'ENDORSEMENT_EXPIRED',
          params,
          callId: application.callId,
          applicationId: application.id,
        },
      ]);
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
      await tx.application.update({
        where: { id: application.id },
        data: { status: 'LAPSED', closedAt: now },
      });
      await releaseSeat(tx, application.id);
      await recordAudit(tx, {
        actorId: null,
        action: 'application.lapsed',
        callId: application.callId,
        applicationId: application.id,
        fromStatus: 'ACCEPTED',
        toStatus: 'LAPSED',
        reason: `confirmation deadline ${application.confirmBy.toISOString()}`,
      });
      await notify(tx, [
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
      ]);
      await promoteFromWaitlist(tx, application.call, 'SEAT_LAPSED', now);
      return true;
    });
    if (done) lapsed++;
  }

  // A call whose training has begun (midnight of its first day at the venue) is in training:
  // attendance can be taken from then on.
  const starting = await db().trainingCall.findMany({
    // Dates are stored at midnight UTC, and Indonesian days begin up to 9 hours earlier.
    where: { status: { in: ['OPEN', 'CLOSED'] }, startDate: { lte: new Date(now.getTime() + 86_400_000) } },
    select: { id: true, startDate: true, province: true },
  });
  let started = 0;
  for (const call of starting) {
    const startsAt = startOfLocalDate(call.startDate.toISOString().slice(0, 10), callTimeZone(call.province));
    if (startsAt > now) continue;
    const done = await db().$transaction(async (tx) => {
      const { count } = await tx.trainingCall.updateMany({
        where: { id: call.id, status: { in: ['OPEN', 'CLOSED'] } },
        data: { status: 'IN_TRAINING' },
      });
      if (count === 0) return false;
      await recordAudit(tx, {
        actorId: null,
        action: 'call.training_started',
        callId: call.id,
        toStatus: 'IN_TRAINING',
      });
      return true;
    });
    if (done) started++;
  }
  return { expired, lapsed, started };
}
