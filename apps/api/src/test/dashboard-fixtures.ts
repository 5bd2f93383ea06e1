// A small programme year (2031, which the demo seed never uses) whose every dashboard figure is
// counted by hand in dashboard.db.test.ts. Two providers (the demo's PT Unggul Semesta and
// Inlastek), two schools (the demo principal's SMK Negeri 10 Semarang, state, province 33 = WIB,
// and a private school in Sulawesi Selatan, 73 = WITA), six teachers.
//
//   C1 Unggul, welding, competency (2 days, 2 units, min 80 %), venue 32, 3 seats, completed
//   C2 Inlastek, robotics, training (2 days, min 50 %), venue 33, 2 seats, completed
//   C3 Unggul, welding, draft, 5 seats              (not counted)
//   C4 Inlastek, robotics, cancelled, 4 seats       (not counted; its application neither)
//   C5 Unggul, robotics, open, venue 73, 10 seats, no applications
//
//   T1 A female, T2 A male, T3 A not stated, T4 B female, T5 B male, T6 B female
//
//   C1: a1 T1 confirmed, present 2/2, K K           -> completed, credential, pathway, RPL 6 SKS
//       a2 T2 confirmed, present 2/2, K BK          -> attended
//       a3 T4 confirmed, present 1/2, BK on unit 1  -> attended
//       a4 T5 declined (endorsed, offered)
//       a5 T3 not endorsed
//       a6 T6 submitted
//   C2: b1 T3 confirmed, present 1/2                -> completed, credential (revoked)
//       b2 T6 confirmed, no attendance
//       b3 T1 waitlisted (endorsed)
//       b4 T4 rejected (endorsed)
//   C4: c1 T2 cancelled
//
//   Dissemination: a1 verified (12 teachers, 30 students), a1 submitted (5 teachers), a1 draft
//   (not counted), b1 returned (7 teachers; reported, not verified)
//   Ratings: a1 4 stars, a2 5 stars (Unggul 2, mean 4.5); b1 3 stars (Inlastek 1, mean 3)
import { refreshDashboardFacts } from '@kmg/core/dashboard/facts';
import type { ApplicationStatus, Gender } from '@kmg/db';
import type { TestApi } from '#test/harness.ts';

export const DASHBOARD_YEAR = 2031;

export async function buildDashboardFixture(api: TestApi) {
  const prisma = api.database.prisma;
  const org = (code: string) => prisma.organization.findUniqueOrThrow({ where: { code } });
  const [unggul, inlastek, schoolA, ditSmk, lpdp] = await Promise.all([
    org('pt-unggul-semesta'),
    org('inlastek'),
    org('smkn-10-semarang'),
    org('dit-smk'),
    org('lpdp'),
  ]);
  const schoolB = await prisma.organization.create({
    data: {
      code: 'dash-smk-swasta-makassar',
      kind: 'SCHOOL',
      name: 'SMK Swasta Dasbor Makassar',
      schoolStatus: 'SWASTA',
      province: '73',
      city: 'Makassar',
    },
  });
  const skill = (code: string) => prisma.skillArea.findUniqueOrThrow({ where: { code } });
  const [welding, robotics] = await Promise.all([skill('welding'), skill('robotics')]);
  const programme = await prisma.programme.create({
    data: {
      code: 'dash-2031',
      name: 'KMG SMK 2031 (uji dasbor)',
      year: DASHBOARD_YEAR,
      funderId: lpdp.id,
      ownerId: ditSmk.id,
    },
  });
  const manager = await prisma.user.findUniqueOrThrow({ where: { email: 'manajer@kmg.demo' } });
  const provider = await prisma.user.findUniqueOrThrow({ where: { email: 'penyelenggara@kmg.demo' } });

  const achievement = await prisma.achievement.create({
    data: {
      code: 'dash-2031-las',
      status: 'PUBLISHED',
      publishedAt: new Date('2031-06-01T00:00:00Z'),
      ownerId: unggul.id,
      achievementType: 'MicroCredential',
      nameId: 'Uji dasbor',
      nameEn: 'Dashboard test',
      descriptionId: 'Uji',
      descriptionEn: 'Test',
      criteriaId: 'Uji',
      criteriaEn: 'Test',
      assessmentMethod: 'Uji',
      qualityAssurance: 'Uji',
    },
  });

  const day = (date: string) => new Date(`${date}T00:00:00Z`);
  let callNumber = 0;
  const call = async (input: {
    provider: string;
    skillArea: string;
    status: 'DRAFT' | 'OPEN' | 'COMPLETED' | 'CANCELLED';
    province: string;
    seats: number;
    assessmentKind?: 'TRAINING' | 'COMPETENCY';
    minAttendancePercent?: number;
  }) => {
    callNumber += 1;
    return prisma.trainingCall.create({
      data: {
        code: `dash-2031-c${callNumber}`,
        programmeId: programme.id,
        providerId: input.provider,
        skillAreaId: input.skillArea,
        title: `Panggilan uji dasbor ${callNumber}`,
        description: 'Uji dasbor',
        mode: 'OFFLINE',
        city: 'Kota',
        province: input.province,
        startDate: day('2031-07-01'),
        endDate: day('2031-07-02'),
        trainingHours: 16,
        seats: input.seats,
        applicationOpensAt: new Date('2031-05-01T00:00:00Z'),
        applicationClosesAt: new Date('2031-06-01T00:00:00Z'),
        status: input.status,
        assessmentKind: input.assessmentKind ?? 'TRAINING',
        minAttendancePercent: input.minAttendancePercent ?? 80,
        achievementId: achievement.id,
      },
    });
  };
  const c1 = await call({
    provider: unggul.id,
    skillArea: welding.id,
    status: 'COMPLETED',
    province: '32',
    seats: 3,
    assessmentKind: 'COMPETENCY',
  });
  const c2 = await call({
    provider: inlastek.id,
    skillArea: robotics.id,
    status: 'COMPLETED',
    province: '33',
    seats: 2,
    minAttendancePercent: 50,
  });
  await call({ provider: unggul.id, skillArea: welding.id, status: 'DRAFT', province: '32', seats: 5 });
  const c4 = await call({
    provider: inlastek.id,
    skillArea: robotics.id,
    status: 'CANCELLED',
    province: '33',
    seats: 4,
  });
  await call({ provider: unggul.id, skillArea: robotics.id, status: 'OPEN', province: '73', seats: 10 });

  const [d1, d2] = await Promise.all(
    ['2031-07-01', '2031-07-02'].map((date) =>
      prisma.trainingDay.create({ data: { callId: c1.id, date: day(date) } }),
    ),
  );
  const [e1, e2] = await Promise.all(
    ['2031-07-01', '2031-07-02'].map((date) =>
      prisma.trainingDay.create({ data: { callId: c2.id, date: day(date) } }),
    ),
  );
  const units = await prisma.skkniUnit.findMany({ orderBy: { code: 'asc' }, take: 2 });
  const [u1, u2] = await Promise.all(
    units.map((unit, position) =>
      prisma.competencyUnit.create({
        data: { callId: c1.id, code: unit.code, title: unit.titleId, position },
      }),
    ),
  );

  const teachers: { school: string; gender: Gender | null }[] = [
    { school: schoolA.id, gender: 'FEMALE' },
    { school: schoolA.id, gender: 'MALE' },
    { school: schoolA.id, gender: null },
    { school: schoolB.id, gender: 'FEMALE' },
    { school: schoolB.id, gender: 'MALE' },
    { school: schoolB.id, gender: 'FEMALE' },
  ];
  const [t1, t2, t3, t4, t5, t6] = await Promise.all(
    teachers.map((teacher, index) =>
      prisma.user.create({
        data: {
          name: `Guru Dasbor ${index + 1}`,
          email: `guru.dasbor${index + 1}@kmg.test`,
          roles: ['TEACHER'],
          organizationId: teacher.school,
          teacherProfile: {
            create: {
              nuptk: `99000000000000${String(index + 1).padStart(2, '0')}`,
              schoolId: teacher.school,
              subject: 'Teknik Pengelasan',
              employmentStatus: 'PNS',
              teachingSince: day('2015-01-01'),
              gender: teacher.gender,
            },
          },
        },
      }),
    ),
  );

  const at = new Date('2031-05-10T00:00:00Z');
  const apply = (
    callId: string,
    teacher: { id: string; organizationId: string | null },
    status: ApplicationStatus,
    steps: { endorsed?: boolean; accepted?: boolean; confirmed?: boolean } = {},
  ) =>
    prisma.application.create({
      data: {
        callId,
        teacherId: teacher.id,
        schoolId: teacher.organizationId,
        motivation: 'Uji dasbor',
        status,
        endorsedAt: steps.endorsed ? at : null,
        acceptedAt: steps.accepted ? at : null,
        confirmedAt: steps.confirmed ? at : null,
      },
    });
  const seated = { endorsed: true, accepted: true, confirmed: true };
  const a1 = await apply(c1.id, t1 as never, 'CONFIRMED', seated);
  const a2 = await apply(c1.id, t2 as never, 'CONFIRMED', seated);
  const a3 = await apply(c1.id, t4 as never, 'CONFIRMED', seated);
  await apply(c1.id, t5 as never, 'DECLINED', { endorsed: true, accepted: true });
  await apply(c1.id, t3 as never, 'NOT_ENDORSED', { endorsed: true });
  await apply(c1.id, t6 as never, 'SUBMITTED');
  const b1 = await apply(c2.id, t3 as never, 'CONFIRMED', seated);
  await apply(c2.id, t6 as never, 'CONFIRMED', seated);
  await apply(c2.id, t1 as never, 'WAITLISTED', { endorsed: true });
  await apply(c2.id, t4 as never, 'REJECTED', { endorsed: true });
  await apply(c4.id, t2 as never, 'CANCELLED', { endorsed: true });

  const attendance = (applicationId: string, dayId: string, present: boolean) =>
    prisma.attendance.create({ data: { applicationId, dayId, present, recordedById: provider.id } });
  await Promise.all([
    attendance(a1.id, (d1 as { id: string }).id, true),
    attendance(a1.id, (d2 as { id: string }).id, true),
    attendance(a2.id, (d1 as { id: string }).id, true),
    attendance(a2.id, (d2 as { id: string }).id, true),
    attendance(a3.id, (d1 as { id: string }).id, true),
    attendance(a3.id, (d2 as { id: string }).id, false),
    attendance(b1.id, (e1 as { id: string }).id, true),
    attendance(b1.id, (e2 as { id: string }).id, false),
  ]);
  const decide = (applicationId: string, unitId: string, decision: 'KOMPETEN' | 'BELUM_KOMPETEN') =>
    prisma.unitAssessment.create({ data: { applicationId, unitId, decision, assessorId: provider.id } });
  const unit1 = (u1 as { id: string }).id;
  const unit2 = (u2 as { id: string }).id;
  await Promise.all([
    decide(a1.id, unit1, 'KOMPETEN'),
    decide(a1.id, unit2, 'KOMPETEN'),
    decide(a2.id, unit1, 'KOMPETEN'),
    decide(a2.id, unit2, 'BELUM_KOMPETEN'),
    decide(a3.id, unit1, 'BELUM_KOMPETEN'),
  ]);

  // Credentials: a1's (part of a pathway award, put forward in a decided RPL case) and b1's (revoked).
  const list = await prisma.statusList.create({
    data: { organizationId: unggul.id, purpose: 'revocation', size: 1024, encodedList: 'uji' },
  });
  let statusIndex = 9000;
  const credential = (data: {
    kind: 'TRAINING' | 'PATHWAY';
    applicationId?: string;
    teacherId: string;
    pathwayVersionId?: string;
    revokedAt?: Date;
  }) => {
    statusIndex += 1;
    return prisma.credential.create({
      data: {
        id: crypto.randomUUID(),
        ...data,
        achievementId: achievement.id,
        issuerId: unggul.id,
        document: {},
        source: {},
        validFrom: new Date('2031-07-10T00:00:00Z'),
        revocationListId: list.id,
        statusIndex,
      },
    });
  };
  const k1 = await credential({ kind: 'TRAINING', applicationId: a1.id, teacherId: t1?.id as string });
  await credential({
    kind: 'TRAINING',
    applicationId: b1.id,
    teacherId: t3?.id as string,
    revokedAt: new Date('2031-08-01T00:00:00Z'),
  });
  const pathway = await prisma.pathway.create({ data: { code: 'dash-2031-jalur', issuerId: ditSmk.id } });
  const version = await prisma.pathwayVersion.create({
    data: {
      pathwayId: pathway.id,
      version: 1,
      titleId: 'Jalur uji dasbor',
      titleEn: 'Dashboard test pathway',
      descriptionId: 'Uji',
      descriptionEn: 'Test',
      kkniLevel: 4,
      achievementType: 'MicroCredential',
      requirements: {},
    },
  });
  const award = await credential({
    kind: 'PATHWAY',
    teacherId: t1?.id as string,
    pathwayVersionId: version.id,
  });
  await prisma.credentialComponent.create({ data: { credentialId: award.id, componentId: k1.id } });
  const intake = await prisma.rplIntake.findFirstOrThrow({ include: { programme: true } });
  const decree = await prisma.rplDecree.create({
    data: {
      universityId: intake.programme.universityId,
      programmeId: intake.programmeId,
      intakeId: intake.id,
      scope: 'CASE',
      number: 'UJI/DASBOR/2031',
      year: DASHBOARD_YEAR,
      sequence: 1,
      decreedOn: day('2031-10-01'),
      content: {},
      issuedById: manager.id,
    },
  });
  const rpl = await prisma.rplApplication.create({
    data: {
      teacherId: t1?.id as string,
      intakeId: intake.id,
      programmeId: intake.programmeId,
      status: 'DECIDED',
      submittedAt: new Date('2031-09-01T00:00:00Z'),
      decidedAt: new Date('2031-10-01T00:00:00Z'),
      recognisedSks: 6,
      decreeId: decree.id,
    },
  });
  await prisma.rplApplicationCredential.create({ data: { applicationId: rpl.id, credentialId: k1.id } });

  const principal = await prisma.user.findUniqueOrThrow({ where: { email: 'kepsek@kmg.demo' } });
  const report = (
    applicationId: string,
    teacherId: string,
    schoolId: string,
    reached: { teachers: number; students: number },
    state: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED',
  ) =>
    prisma.disseminationReport.create({
      data: {
        applicationId,
        teacherId,
        schoolId,
        kind: 'SCHOOL_WORKSHOP',
        heldOn: day('2031-09-15'),
        place: 'Bengkel las sekolah',
        description: 'Lokakarya untuk rekan guru',
        teachersReached: reached.teachers,
        studentsReached: reached.students,
        status: state,
        submittedAt: state === 'DRAFT' ? null : new Date('2031-09-16T00:00:00Z'),
        ...(state === 'VERIFIED'
          ? { verifiedAt: new Date('2031-09-20T00:00:00Z'), verifiedById: principal.id }
          : {}),
        ...(state === 'RETURNED'
          ? { returnedAt: new Date('2031-09-20T00:00:00Z'), returnNote: 'Lengkapi daftar hadir.' }
          : {}),
      },
    });
  const teacher1 = t1?.id as string;
  await report(a1.id, teacher1, schoolA.id, { teachers: 12, students: 30 }, 'VERIFIED');
  await report(a1.id, teacher1, schoolA.id, { teachers: 5, students: 0 }, 'SUBMITTED');
  await report(a1.id, teacher1, schoolA.id, { teachers: 99, students: 99 }, 'DRAFT');
  await report(b1.id, t3?.id as string, schoolA.id, { teachers: 7, students: 0 }, 'RETURNED');

  const rate = (
    application: { id: string; teacherId: string; callId: string },
    providerId: string,
    stars: number,
  ) =>
    prisma.trainingRating.create({
      data: {
        applicationId: application.id,
        callId: application.callId,
        providerId,
        teacherId: application.teacherId,
        stars,
      },
    });
  await rate(a1, unggul.id, 4);
  await rate(a2, unggul.id, 5);
  await rate(b1, inlastek.id, 3);

  // The dashboard reads the summary table the queue keeps; here it is refreshed once, now.
  await refreshDashboardFacts({ force: true });
  return { manager, unggul, inlastek, schoolA, schoolB, welding, robotics, units };
}
