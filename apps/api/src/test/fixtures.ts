// Scenario data for the API's database tests.
import { addDays, defaultRubric, defaultTrainingDays, weightedTotal } from '@kmg/domain';
import type { TestApi } from '#test/harness.ts';

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

export const demo = {
  admin: 'admin@kmg.demo',
  manager: 'manajer@kmg.demo',
  lpdpManager: 'lpdp@kmg.demo',
  provider: 'penyelenggara@kmg.demo',
  otherProvider: 'inlastek@kmg.demo',
  teacher: 'guru@kmg.demo',
  teacherNuptk: '3349765667210012',
  otherTeacher: 'budi.setiawan@kmg.demo',
  principal: 'kepsek@kmg.demo',
  reviewer: 'asesor@kmg.demo',
  selectionReviewer: 'penilai@kmg.demo',
  secondSelectionReviewer: 'penilai2@kmg.demo',
} as const;

/** Global ids of seeded records, looked up by their stable codes. */
export async function seededIds(api: TestApi) {
  const prisma = api.database.prisma;
  const code = async (model: 'programme' | 'skillArea' | 'organization', key: string) =>
    (
      await (prisma[model] as { findUniqueOrThrow(args: object): Promise<{ id: string }> }).findUniqueOrThrow(
        {
          where: { code: key },
        },
      )
    ).id;
  const call = async (key: string) =>
    (await prisma.trainingCall.findUniqueOrThrow({ where: { code: key } })).id;
  const year = Math.max(2026, new Date().getUTCFullYear());
  return {
    currentProgramme: globalId('Programme', await code('programme', `kmg-smk-${year}`)),
    unggul: globalId('Organization', await code('organization', 'pt-unggul-semesta')),
    inlastek: globalId('Organization', await code('organization', 'inlastek')),
    welding: globalId('SkillArea', await code('skillArea', 'welding')),
    robotics: globalId('SkillArea', await code('skillArea', 'robotics')),
    openCall: globalId('TrainingCall', await call('kmg-open-robot-las-lanjut')),
    openCallInlastekDraft: globalId('TrainingCall', await call('kmg-draft-k3-bengkel')),
    completedCall: globalId('TrainingCall', await call('kmg25-robot-las')),
    plcCall: globalId('TrainingCall', await call('kmg-open-plc-hmi')),
    selectionCall: globalId('TrainingCall', await call('kmg-seleksi-mekatronika')),
    firstComeCall: globalId('TrainingCall', await call('kmg-open-pemasaran-digital')),
    selectionApplication: globalId(
      'Application',
      (await prisma.application.findFirstOrThrow({ where: { call: { code: 'kmg-seleksi-mekatronika' } } }))
        .id,
    ),
  };
}

/**
 * Readies a drafted reviewed call for publishing: the checklist before publishing wants a
 * selection reviewer assigned (the seeded one). `callId` is the call's global id.
 */
export async function assignFixtureReviewer(api: TestApi, callId: string): Promise<void> {
  const prisma = api.database.prisma;
  const id = Buffer.from(callId, 'base64').toString('utf8').split(':')[1] ?? callId;
  const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: demo.selectionReviewer } });
  await prisma.callReviewer.upsert({
    where: { callId_userId: { callId: id, userId: reviewer.id } },
    create: { callId: id, userId: reviewer.id },
    update: {},
  });
}

/** A valid call input: a welding course in Cikarang six weeks out, applications open now. */
export function callInput(
  ids: { currentProgramme: string; unggul: string; welding: string },
  now = new Date(),
) {
  const today = now.toISOString().slice(0, 10);
  return {
    programmeId: ids.currentProgramme,
    providerId: ids.unggul,
    skillAreaId: ids.welding,
    title: 'Pengelasan GMAW untuk Guru SMK',
    description: 'Pelatihan pengelasan GMAW posisi 1G sampai 3G dengan praktik di bengkel industri.',
    learningOutcomes: ['Mengelas sambungan tumpul posisi 1G-3G dengan GMAW'],
    competencyUnits: [{ code: 'C.250000.010.01', title: 'Mengelas dengan Proses GMAW' }],
    mode: 'OFFLINE' as const,
    venueName: 'Unggul Daihen Welding Technology Center',
    address: 'Kawasan Industri Delta Silicon 1',
    city: 'Cikarang, Bekasi',
    province: '32',
    startDate: addDays(today, 42),
    endDate: addDays(today, 46),
    trainingHours: 40,
    seats: 20,
    applicationOpensAt: new Date(now.getTime() - 60_000).toISOString(),
    applicationClosesAt: new Date(`${addDays(today, 28)}T16:59:00Z`).toISOString(),
  };
}

export const MOTIVATION =
  'Saya mengajar teknik pengelasan di SMK dan ingin memperbarui keterampilan pengelasan robotik agar ' +
  'praktik siswa sesuai kebutuhan industri di kawasan kami.';

let fixtureTeachers = 0;

const localDate = (stored: Date) => stored.toISOString().slice(0, 10);

/**
 * A reviewed call like the seeded selection call (closed for applications, two reviewers), with
 * `applications` endorsed applications from new teachers of three schools, each scored by both
 * reviewers: enough rows for a screen's per-row cost to show.
 */
export async function createReviewedCall(
  api: TestApi,
  { code, applications }: { code: string; applications: number },
) {
  const prisma = api.database.prisma;
  const template = await prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg-seleksi-mekatronika' },
    include: { reviewers: true },
  });
  const schools = await prisma.organization.findMany({
    where: { kind: 'SCHOOL' },
    orderBy: { code: 'asc' },
    take: 3,
  });
  const call = await prisma.trainingCall.create({
    data: {
      code,
      title: `${template.title} (${code})`,
      description: template.description,
      programmeId: template.programmeId,
      providerId: template.providerId,
      skillAreaId: template.skillAreaId,
      createdById: template.createdById,
      mode: template.mode,
      venueName: template.venueName,
      address: template.address,
      city: template.city,
      province: template.province,
      startDate: template.startDate,
      endDate: template.endDate,
      trainingHours: template.trainingHours,
      seats: Math.max(1, Math.floor(applications / 2)),
      applicationOpensAt: template.applicationOpensAt,
      applicationClosesAt: template.applicationClosesAt,
      status: template.status,
      publishedAt: template.publishedAt,
      selectionMode: 'REVIEWED',
      requiresEndorsement: true,
      eligibilityRules: template.eligibilityRules ?? {},
      rubric: template.rubric ?? [],
      minScore: template.minScore,
      maxPerSchool: Math.max(1, Math.floor(applications / 4)),
      reviewers: { create: template.reviewers.map((reviewer) => ({ userId: reviewer.userId })) },
      // Its attendance days, as createCall writes them with the dates.
      trainingDays: {
        create: defaultTrainingDays(localDate(template.startDate), localDate(template.endDate)).map(
          (date) => ({
            date: new Date(`${date}T00:00:00Z`),
          }),
        ),
      },
    },
  });
  for (let index = 0; index < applications; index++) {
    const school = schools[index % schools.length];
    if (!school) throw new Error('the demo seed has no schools');
    const teacher = await prisma.user.create({
      data: {
        name: `Guru ${code} ${index + 1}`,
        email: `guru.${code}.${index + 1}@example.id`,
        roles: ['TEACHER'],
        organizationId: school.id,
        teacherProfile: {
          create: {
            nuptk: `9${String(++fixtureTeachers).padStart(15, '0')}`,
            schoolId: school.id,
            subject: 'Teknik Mekatronika',
            employmentStatus: 'PNS',
            teachingSince: new Date('2015-07-01T00:00:00Z'),
            birthDate: new Date('1988-03-01T00:00:00Z'),
          },
        },
      },
    });
    const score = 1 + (index % 5);
    const scoresOf = (reviewer: number) => ({
      motivation: score,
      relevance: score,
      experience: Math.max(1, score - reviewer),
    });
    await prisma.application.create({
      data: {
        callId: call.id,
        teacherId: teacher.id,
        schoolId: school.id,
        motivation: MOTIVATION,
        status: 'ENDORSED',
        submittedAt: new Date(template.applicationOpensAt.getTime() + (index + 1) * 60_000),
        endorsedAt: template.applicationClosesAt,
        reviews: {
          create: template.reviewers.map((reviewer, r) => ({
            reviewerId: reviewer.userId,
            scores: scoresOf(r),
            total: weightedTotal(defaultRubric, scoresOf(r)),
          })),
        },
      },
    });
  }
  return { id: call.id, gid: globalId('TrainingCall', call.id) };
}
