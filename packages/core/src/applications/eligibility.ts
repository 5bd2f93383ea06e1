import { type db, Prisma, readRows, type TrainingCall } from '@kmg/db';
import {
  type ApplicationStatus,
  checkEligibility,
  type HeldSeat,
  seatHoldingStatuses,
  type TeacherFacts,
} from '@kmg/domain';
import type { Tx } from '#applications/common.ts';
import { readCallSettings } from '#calls/call-settings.ts';
import { localDate } from '#dates.ts';
import { NotFoundError } from '#errors.ts';

/** The SQL of the seats a teacher holds in any call, as `HeldSeat` rows. */
const heldSeatsJson = (teacherId: string) => Prisma.sql`
  SELECT json_build_object(
    'callId', c.id, 'title', c.title, 'programmeYear', p.year, 'startDate', c.start_date, 'endDate', c.end_date
  ) AS seat
  FROM applications a
  JOIN training_calls c ON c.id = a.call_id
  JOIN programmes p ON p.id = c.programme_id
  WHERE a.teacher_id = ${teacherId}::uuid AND a.status::text = ANY(${[...seatHoldingStatuses]}::text[])`;

/** Seats the teacher holds in other calls (for the one-per-year and no-overlap rules). */
export async function heldSeats(client: Tx | ReturnType<typeof db>, teacherId: string): Promise<HeldSeat[]> {
  const rows = await client.$queryRaw<{ seat: HeldSeat }[]>(heldSeatsJson(teacherId));
  return rows.map((row) => row.seat);
}

/** What a teacher brings to a call: their profile (null for someone who is not a teacher). */
export type Standing = {
  profile: (TeacherFacts & { schoolId: string }) | null;
  programme: { year: number; maxSeatsPerTeacher: number | null };
  held: HeldSeat[];
  /** Their application to this call, if any. */
  existing: { id: string; status: ApplicationStatus } | null;
};

/**
 * Everything eligibility reads about a teacher and a call, in one statement: it runs for every
 * application, at the moment the whole country applies, so it goes past Prisma
 * (`Database.query`). Calendar dates come out as `YYYY-MM-DD`.
 */
export async function teacherStanding(teacherId: string, callId: string): Promise<Standing> {
  const statement = Prisma.sql`
    SELECT
      (SELECT json_build_object(
          'schoolId', t.school_id, 'subject', t.subject, 'employmentStatus', t.employment_status,
          'teachingSince', t.teaching_since, 'birthDate', t.birth_date,
          'school', json_build_object(
            'province', s.province, 'status', s.school_status, 'centreOfExcellence', s.centre_of_excellence))
        FROM teacher_profiles t JOIN organizations s ON s.id = t.school_id
        WHERE t.user_id = ${teacherId}::uuid) AS profile,
      (SELECT json_build_object('year', p.year, 'maxSeatsPerTeacher', p.max_seats_per_teacher)
        FROM training_calls c JOIN programmes p ON p.id = c.programme_id
        WHERE c.id = ${callId}::uuid) AS programme,
      COALESCE((SELECT json_agg(held.seat) FROM (${heldSeatsJson(teacherId)}) held), '[]'::json) AS held,
      (SELECT json_build_object('id', a.id, 'status', a.status) FROM applications a
        WHERE a.call_id = ${callId}::uuid AND a.teacher_id = ${teacherId}::uuid) AS existing`;
  const [row] = await readRows<Standing>(statement);
  if (!row?.programme) throw new NotFoundError();
  return row;
}

/** Eligibility of a teacher for a call, with every failing rule (read-only, for the call page too). */
export async function eligibilityFor(teacherId: string, call: TrainingCall) {
  return judgeEligibility(call, await teacherStanding(teacherId, call.id));
}

/** Eligibility from what has been read: null when the person is not a teacher. */
export function judgeEligibility(call: TrainingCall, { profile, programme, held }: Standing) {
  if (!profile) return { profile: null, result: null };
  const { rules } = readCallSettings(call);
  const result = checkEligibility({
    rules,
    limits: { maxAcceptedPerYear: programme.maxSeatsPerTeacher },
    teacher: profile,
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
