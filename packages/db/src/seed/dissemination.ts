// The dissemination (pengimbasan) demo: the demo teacher's reports on the 2025 welding-robot
// training, one verified, one waiting for the principal of SMK Negeri 10 Semarang, and a draft.
import type { Prisma } from '#generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

const day = (date: string) => new Date(`${date}T00:00:00Z`);

export async function seedDisseminationDemo(
  tx: Tx,
  { now, userIds }: { now: Date; userIds: Map<string, string> },
): Promise<number> {
  const teacherId = userIds.get('guru@kmg.demo');
  const principalId = userIds.get('kepsek@kmg.demo');
  const call = await tx.trainingCall.findUnique({ where: { code: 'kmg25-robot-las' }, select: { id: true } });
  if (!teacherId || !principalId || !call) return 0;
  const application = await tx.application.findUnique({
    where: { callId_teacherId: { callId: call.id, teacherId } },
    select: { id: true, schoolId: true },
  });
  if (!application?.schoolId) return 0;
  // Once: what the teacher and the principal did since stays as they left it.
  if (await tx.disseminationReport.findFirst({ where: { applicationId: application.id } })) return 0;

  // The 2025 cohort trained late in the year: the programme gives them until 18 months after.
  await tx.programme.update({
    where: { code: 'kmg-smk-2025' },
    data: { disseminationMinActivities: 2, disseminationWithinMonths: 18 },
  });
  const common = { teacherId, applicationId: application.id, schoolId: application.schoolId };
  const verified = await tx.disseminationReport.create({
    data: {
      ...common,
      kind: 'SCHOOL_WORKSHOP',
      heldOn: day('2026-01-15'),
      place: 'Bengkel las SMK Negeri 10 Semarang',
      description:
        'In-house training pengoperasian robot las untuk guru Teknik Pengelasan: keselamatan sel robot, teach pendant, dan parameter las busur.',
      teachersReached: 14,
      studentsReached: 0,
      schoolsReached: 1,
      status: 'VERIFIED',
      submittedAt: day('2026-01-16'),
      verifiedAt: day('2026-01-19'),
      verifiedById: principalId,
    },
    select: { id: true },
  });
  const submitted = await tx.disseminationReport.create({
    data: {
      ...common,
      kind: 'STUDENT_PRACTICE',
      heldOn: day('2026-02-20'),
      place: 'Bengkel las SMK Negeri 10 Semarang',
      description:
        'Praktik pemrograman lintasan las sederhana untuk siswa kelas XI Teknik Pengelasan dengan simulator teach pendant.',
      teachersReached: 2,
      studentsReached: 32,
      schoolsReached: 1,
      status: 'SUBMITTED',
      submittedAt: new Date(Math.min(now.getTime(), day('2026-02-21').getTime())),
    },
    select: { id: true },
  });
  const draft = await tx.disseminationReport.create({
    data: {
      ...common,
      kind: 'TEACHING_MODULE',
      heldOn: day('2026-03-10'),
      place: 'SMK Negeri 10 Semarang',
      description: 'Modul ajar "Dasar Robot Las" untuk fase F, disusun dari materi pelatihan.',
      teachersReached: 0,
      studentsReached: 0,
      schoolsReached: 0,
    },
    select: { id: true },
  });
  const subject = (id: string) => ({ subjectType: 'DISSEMINATION_REPORT' as const, subjectId: id });
  await tx.auditEvent.createMany({
    data: [
      {
        ...subject(verified.id),
        actorId: teacherId,
        action: 'dissemination.submit',
        fromStatus: 'DRAFT',
        toStatus: 'SUBMITTED',
        occurredAt: day('2026-01-16'),
      },
      {
        ...subject(verified.id),
        actorId: principalId,
        action: 'dissemination.verify',
        fromStatus: 'SUBMITTED',
        toStatus: 'VERIFIED',
        occurredAt: day('2026-01-19'),
      },
      {
        ...subject(submitted.id),
        actorId: teacherId,
        action: 'dissemination.submit',
        fromStatus: 'DRAFT',
        toStatus: 'SUBMITTED',
        occurredAt: day('2026-02-21'),
      },
      {
        ...subject(draft.id),
        actorId: teacherId,
        action: 'dissemination.created',
        toStatus: 'DRAFT',
        occurredAt: day('2026-03-10'),
      },
    ],
  });
  return 3;
}
