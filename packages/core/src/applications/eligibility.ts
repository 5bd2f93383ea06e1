import type { db, TrainingCall } from '@kmg/db';
import { checkEligibility, type HeldSeat, seatHoldingStatuses } from '@kmg/domain';
import type { Tx } from '#applications/common.ts';
import { readCallSettings } from '#calls/call-settings.ts';
import { localDate } from '#dates.ts';

/** Seats the teacher holds in other calls (for the one-per-year and no-overlap rules). */
export async function heldSeats(tx: Tx | ReturnType<typeof db>, teacherId: string): Promise<HeldSeat[]> {
  // One statement: it runs for every application, the busiest moment included.
  const rows = await tx.$queryRaw<
    { id: string; title: string; start_date: Date; end_date: Date; year: number }[]
  >`
    SELECT c.id, c.title, c.start_date, c.end_date, p.year
    FROM applications a
    JOIN training_calls c ON c.id = a.call_id
    JOIN programmes p ON p.id = c.programme_id
    WHERE a.teacher_id = ${teacherId}::uuid AND a.status::text = ANY(${[...seatHoldingStatuses]}::text[])`;
  return rows.map((call) => ({
    callId: call.id,
    title: call.title,
    programmeYear: call.year,
    startDate: localDate(call.start_date),
    endDate: localDate(call.end_date),
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
