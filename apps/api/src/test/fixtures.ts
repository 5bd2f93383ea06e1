// Scenario data for the API's database tests.
import { addDays } from '@kmg/domain';
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
