// Checking in with a QR code: the provider shows a training day's code (a projector in the
// workshop), a seated teacher scans it with their phone and the learner app records a pending
// check-in; the provider confirms it (then it is that day's attendance) or rejects it.
//
// The code carries a random 256-bit token kept on the training day, not anything derived from the
// day or the teacher: nobody can write another day's code, and a new one (rotated because the
// picture was shared outside the room) makes the old one worthless.
import { randomBytes } from 'node:crypto';
import { db } from '@kmg/db';
import { callTimeZone, localDateAt } from '@kmg/domain';
import QRCode from 'qrcode';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { lockCallFor } from '#calls/lock-call.ts';
import { localDate } from '#dates.ts';
import { participantStatuses } from '#delivery/delivery.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, ValidationError } from '#errors.ts';
import { prepareRules } from '#rules/rule.ts';

/** 32 random bytes, base64url: 43 characters. */
function newCheckInToken(): string {
  return randomBytes(32).toString('base64url');
}

const tokenPattern = /^[A-Za-z0-9_-]{32,128}$/;

/** Where the day's QR code leads: the learner app's check-in page. */
export function checkInPath(token: string): string {
  return `/hadir/${token}`;
}

/** The QR code of a link as SVG (the library the PDF certificate draws its code with). */
export function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * The day's check-in code, for those who deliver the call while results are recorded: made the
 * first time it is shown; `rotate` replaces it (the old code stops working at once).
 */
export async function openCheckInCode(ctx: Actor, { dayId, rotate }: { dayId: string; rotate: boolean }) {
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const found = await tx.trainingDay.findUnique({ where: { id: dayId }, select: { callId: true } });
    if (!found) throw new NotFoundError();
    const call = await lockCallFor(tx, ctx, { id: found.callId, verb: 'deliver' });
    if (call.resultsStatus !== 'RECORDING') throw new InvalidStateError('RESULTS_LOCKED');
    const day = await tx.trainingDay.findUniqueOrThrow({ where: { id: dayId } });
    if (day.checkInToken && !rotate) return day;
    const updated = await tx.trainingDay.update({
      where: { id: dayId },
      data: { checkInToken: newCheckInToken(), checkInTokenAt: ctx.now },
    });
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: day.checkInToken ? 'delivery.check_in_code_rotated' : 'delivery.check_in_code_created',
      callId: call.id,
      details: { date: localDate(day.date) },
    });
    return updated;
  });
}

/**
 * A teacher scans a day's code: a pending check-in, only on that day in the venue's time zone and
 * only for a teacher with a seat in the call. Scanning again returns the same check-in.
 */
export async function checkIn(ctx: Actor, { token }: { token: string }) {
  const viewerId = ctx.viewer?.id;
  if (!viewerId) throw new NotAllowedError('UNAUTHENTICATED');
  if (!tokenPattern.test(token)) throw new InvalidStateError('CHECK_IN_INVALID');
  return db().$transaction(async (tx) => {
    const day = await tx.trainingDay.findUnique({ where: { checkInToken: token }, include: { call: true } });
    if (!day || day.call.status === 'CANCELLED' || day.call.status === 'DRAFT')
      throw new InvalidStateError('CHECK_IN_INVALID');
    const application = await tx.application.findUnique({
      where: { callId_teacherId: { callId: day.callId, teacherId: viewerId } },
      select: { id: true, status: true },
    });
    if (!application || !(participantStatuses as readonly string[]).includes(application.status))
      throw new NotAllowedError('CHECK_IN_NOT_SEATED');
    if (day.call.resultsStatus !== 'RECORDING') throw new InvalidStateError('RESULTS_LOCKED');
    const date = localDate(day.date);
    const today = localDateAt(ctx.now, callTimeZone(day.call.province));
    if (date !== today)
      throw new InvalidStateError('CHECK_IN_WRONG_DAY', { date: { date }, today: { date: today } });
    // A second scan (or two taps at once) finds the first one: the key is the participant and day.
    const { count } = await tx.checkIn.createMany({
      data: [{ applicationId: application.id, dayId: day.id, scannedAt: ctx.now }],
      skipDuplicates: true,
    });
    if (count > 0)
      await recordAudit(tx, {
        actorId: viewerId,
        action: 'delivery.checked_in',
        callId: day.callId,
        applicationId: application.id,
        details: { date },
      });
    return tx.checkIn.findUniqueOrThrow({
      where: { applicationId_dayId: { applicationId: application.id, dayId: day.id } },
    });
  });
}

/**
 * The provider confirms (the participant was there: attendance present on that day) or rejects
 * pending check-ins of a call, one or many, in one transaction. One already decided (by a
 * colleague meanwhile) refuses the whole batch, so nobody confirms what another rejected.
 */
export async function decideCheckIns(
  ctx: Actor,
  {
    callId,
    entries,
    confirm,
  }: { callId: string; entries: { applicationId: string; dayId: string }[]; confirm: boolean },
) {
  if (entries.length === 0 || entries.length > 5000)
    throw new ValidationError([{ path: ['entries'], code: 'VALIDATION' }]);
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'deliver' });
    if (call.resultsStatus !== 'RECORDING') throw new InvalidStateError('RESULTS_LOCKED');
    const rows = await tx.checkIn.findMany({
      where: { OR: entries.map((entry) => ({ ...entry })), day: { callId } },
    });
    if (rows.length !== new Set(entries.map((e) => `${e.applicationId}:${e.dayId}`)).size)
      throw new NotFoundError();
    if (rows.some((row) => row.status !== 'PENDING')) throw new InvalidStateError('CHECK_IN_ALREADY_DECIDED');
    const actorId = ctx.viewer?.id ?? '';
    await tx.checkIn.updateMany({
      where: { OR: entries.map((entry) => ({ ...entry })), day: { callId } },
      data: { status: confirm ? 'CONFIRMED' : 'REJECTED', decidedById: actorId, decidedAt: ctx.now },
    });
    if (confirm) {
      for (const row of rows) {
        await tx.attendance.upsert({
          where: { applicationId_dayId: { applicationId: row.applicationId, dayId: row.dayId } },
          create: {
            applicationId: row.applicationId,
            dayId: row.dayId,
            present: true,
            recordedById: actorId,
          },
          // Late, if someone marked it, stays: the scan confirms presence, not the time.
          update: { present: true, recordedById: actorId, recordedAt: ctx.now },
        });
      }
    }
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: confirm ? 'delivery.check_ins_confirmed' : 'delivery.check_ins_rejected',
      callId,
      details: { count: rows.length },
    });
    return { id: callId };
  });
}
