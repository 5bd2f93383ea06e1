// Importing a call's attendance from a spreadsheet register (CSV). A preview reads the file and
// checks every row against the call's participants and training days; applying reads it again
// under the call's lock and writes every valid row in one transaction, skipping the rows the
// preview marked (a teacher who withdrew, a typo in a date) so one bad line does not block a
// whole week's register.
import { db, type Prisma, type TrainingCall } from '@kmg/db';
import {
  type AttendanceImportCheck,
  callTimeZone,
  checkAttendanceRows,
  localDateAt,
  readAttendanceHeader,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { lockCallFor } from '#calls/lock-call.ts';
import { CsvUnreadableError, dropTrailingBlankRows, readCsvCells } from '#csv.ts';
import { localDate } from '#dates.ts';
import { participantStatuses } from '#delivery/delivery.ts';
import { trainingDaysOf } from '#delivery/training-days.ts';
import { InvalidStateError, ValidationError } from '#errors.ts';
import { prepareRules } from '#rules/rule.ts';

type Tx = Prisma.TransactionClient;

/** A register of a few hundred rows is a few dozen KB; this leaves room for long notes. */
export const ATTENDANCE_FILE_MAX_CHARS = 1_000_000;

export type AttendanceImportResult = AttendanceImportCheck & {
  /** Rows written (0 for a preview). */
  applied: number;
};

function refuse(code: Parameters<typeof fileIssue>[0], params: Record<string, string | number> = {}): never {
  throw new ValidationError([fileIssue(code, params)]);
}

function fileIssue(
  code:
    | 'ATTENDANCE_FILE_EMPTY'
    | 'ATTENDANCE_FILE_TOO_LARGE'
    | 'ATTENDANCE_FILE_UNREADABLE'
    | 'ATTENDANCE_FILE_COLUMNS',
  params: Record<string, string | number>,
) {
  return { path: ['content'], code, params };
}

async function checkFile(
  tx: Tx,
  call: TrainingCall,
  content: string,
  now: Date,
): Promise<AttendanceImportCheck> {
  if (content.length > ATTENDANCE_FILE_MAX_CHARS) refuse('ATTENDANCE_FILE_TOO_LARGE', { max: '1 MB' });
  let cells: string[][];
  try {
    cells = dropTrailingBlankRows(readCsvCells(content));
  } catch (error) {
    if (error instanceof CsvUnreadableError) refuse('ATTENDANCE_FILE_UNREADABLE');
    throw error;
  }
  const [first, ...rest] = cells;
  if (!first || rest.length === 0) refuse('ATTENDANCE_FILE_EMPTY');
  const header = readAttendanceHeader(first);
  if (header.missing.length > 0) refuse('ATTENDANCE_FILE_COLUMNS', { columns: header.missing.join(', ') });
  const [days, participants] = await Promise.all([
    trainingDaysOf(tx, call.id),
    tx.application.findMany({
      where: { callId: call.id, status: { in: [...participantStatuses] } },
      select: {
        id: true,
        teacher: { select: { name: true, email: true, teacherProfile: { select: { nuptk: true } } } },
      },
    }),
  ]);
  return checkAttendanceRows(rest, header, {
    participants: participants.map((p) => ({
      applicationId: p.id,
      name: p.teacher.name,
      nuptk: p.teacher.teacherProfile?.nuptk ?? null,
      email: p.teacher.email,
    })),
    days: days.map((day) => ({ id: day.id, date: localDate(day.date) })),
    today: localDateAt(now, callTimeZone(call.province)),
  });
}

/**
 * Reads an attendance file for a call the actor delivers. `apply: false` only checks; `apply: true`
 * writes every valid row (present, late, note) in one transaction and says how many. Refused once
 * the results are submitted, like the register itself.
 */
export async function importAttendance(
  ctx: Actor,
  { callId, content, apply }: { callId: string; content: string; apply: boolean },
): Promise<AttendanceImportResult> {
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'deliver' });
    if (call.resultsStatus !== 'RECORDING') throw new InvalidStateError('RESULTS_LOCKED');
    const check = await checkFile(tx, call, content, ctx.now);
    if (!apply) return { ...check, applied: 0 };
    const recordedById = ctx.viewer?.id ?? '';
    const valid = check.rows.filter((row) => row.issues.length === 0);
    for (const row of valid) {
      const applicationId = row.participant?.applicationId as string;
      const dayId = row.dayId as string;
      const values = {
        present: row.mark?.present ?? false,
        late: row.mark?.late ?? false,
        note: row.note,
        recordedById,
      };
      await tx.attendance.upsert({
        where: { applicationId_dayId: { applicationId, dayId } },
        create: { applicationId, dayId, ...values },
        update: { ...values, recordedAt: ctx.now },
      });
    }
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'delivery.attendance_imported',
      callId,
      details: {
        entries: valid.length,
        present: valid.filter((row) => row.mark?.present).length,
        late: valid.filter((row) => row.mark?.late).length,
        skipped: check.invalid,
      },
    });
    return { ...check, applied: valid.length };
  });
}
