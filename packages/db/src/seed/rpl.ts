// The RPL demo: two universities' programmes with their curricula (read from the CSV files a
// university would upload), a national regulation profile with university and programme overrides,
// an intake open now, and equivalence rules for the seeded achievements and pathways. All of it is
// illustrative (marked so): no university decided these rules.
import { readFileSync } from 'node:fs';
import {
  type CurriculumCourse,
  checkCurriculumRows,
  type RegulationLimits,
  type RuleCoverage,
  type RuleRequirement,
} from '@kmg/domain';
import { parse } from 'csv-parse/sync';
import type { Prisma } from '#generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

const curriculumFile = (name: string) => new URL(`./curricula/${name}`, import.meta.url);

/** Reads a demo curriculum file through the same row rules as an upload; any error is a bug. */
export function loadDemoCurriculum(name: string): CurriculumCourse[] {
  const records = parse(readFileSync(curriculumFile(name)), {
    bom: true,
    delimiter: ';',
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  const header = Object.keys(records[0] ?? {});
  const checked = checkCurriculumRows(records, { header });
  if (checked.kind !== 'ok')
    throw new Error(`Demo curriculum ${name} has errors: ${JSON.stringify(checked.errors.slice(0, 3))}`);
  return checked.courses;
}

type RuleSeed = {
  code: string;
  course: string;
  requirements: RuleRequirement[];
  coveredOutcomes: string[];
  coverage: RuleCoverage;
  sks: number;
  rationaleId: string;
  rationaleEn: string;
  /** Left as a draft (written by the first staff member, waiting for the second). */
  draft?: boolean;
};

type ProgrammeSeed = {
  university: string;
  code: string;
  nameId: string;
  nameEn: string;
  degree: 'D4' | 'S1';
  mode: 'ON_CAMPUS' | 'ONLINE' | 'HYBRID';
  accreditation: 'UNGGUL' | 'BAIK_SEKALI';
  accreditationExpiresOn: string;
  file: string;
  /** Drafts rules. */
  author: string;
  /** Approves them. */
  approver: string;
  override: { citation: string; limits: RegulationLimits } | null;
  intake: { code: string; nameId: string; nameEn: string };
  rules: RuleSeed[];
};

export const nationalProfile: { citation: string; limits: RegulationLimits } = {
  citation:
    'Permendikbudristek 41/2021 tentang Penyetaraan Jenjang Kualifikasi (RPL); Kepdirjen Diktiristek 162/E/KPT/2022 (ringkasan; contoh ilustratif)',
  limits: {
    maxShareOfProgramme: 0.7,
    excludedCourseKinds: ['FINAL_PROJECT'],
    degreeLevelsWithoutRpl: ['S3'],
    minAccreditation: 'BAIK_SEKALI',
    requireValidAtCutoff: true,
    hoursPerSks: 45,
  },
};

export const universityOverrides: { university: string; citation: string; limits: RegulationLimits }[] = [
  {
    university: 'unnes',
    citation:
      'Pedoman RPL Universitas Negeri Semarang (contoh ilustratif): kecocokan capaian 75%, bukti 5 tahun terakhir',
    limits: { defaultMinCoverage: 0.75, recencyYears: 5, maxSks: 100 },
  },
];

export const rplProgrammes: ProgrammeSeed[] = [
  {
    university: 'unnes',
    code: 'S1-PTM',
    nameId: 'S1 Pendidikan Teknik Mesin',
    nameEn: 'Bachelor of Mechanical Engineering Education',
    degree: 'S1',
    mode: 'HYBRID',
    accreditation: 'UNGGUL',
    accreditationExpiresOn: '2029-03-31',
    file: 's1-pendidikan-teknik-mesin.csv',
    author: 'asesor@kmg.demo',
    approver: 'kaprodi@kmg.demo',
    override: {
      citation:
        'Keputusan Koordinator Prodi PTM tentang RPL (contoh ilustratif): satu kredensial untuk paling banyak dua mata kuliah, sisa studi minimal satu semester',
      limits: { maxCoursesPerCredential: 2, minSemestersRemaining: 1 },
    },
    intake: {
      code: 'RPL-2027-GANJIL',
      nameId: 'RPL Semester Gasal 2027/2028',
      nameEn: 'RPL odd semester 2027/2028',
    },
    rules: [
      {
        code: 'PTM-ROBOTIKA-ROBOT-LAS',
        course: 'PTM310',
        requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg25-robot-las' }],
        coveredOutcomes: ['CPMK1', 'CPMK2'],
        coverage: { kind: 'DEFAULT' },
        sks: 2,
        rationaleId:
          'Pelatihan robot las industri (40 jam, asesmen unit SKKNI) mencakup pemrograman dan pengoperasian robot industri pada kedua CPMK.',
        rationaleEn:
          'The industrial welding robot training (40 hours, SKKNI unit assessment) covers robot programming and operation in both CPMK.',
      },
      {
        code: 'PTM-PENGELASAN-UNIT-ROBOT',
        course: 'PTM204',
        requirements: [
          { kind: 'SKKNI_UNIT', unitCode: 'C.282000.011.01' },
          { kind: 'HOURS', minimum: 32 },
        ],
        coveredOutcomes: ['CPMK1', 'CPMK2'],
        coverage: { kind: 'MIN', minimum: 0.75 },
        sks: 3,
        rationaleId:
          'Unit SKKNI pengoperasian robot las busur (Kompeten) dengan minimal 32 jam praktik setara dengan proses las busur dan keselamatan kerja (CPMK1-2, 75%).',
        rationaleEn:
          'The SKKNI unit on operating an arc welding robot (Competent) with at least 32 practice hours matches arc welding processes and safety (CPMK1-2, 75%).',
      },
      {
        code: 'PTM-INSPEKSI-LAS',
        course: 'PTM313',
        requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg25-welding-inspector' }],
        coveredOutcomes: ['CPMK1', 'CPMK2'],
        coverage: { kind: 'DEFAULT' },
        sks: 2,
        rationaleId: 'Pelatihan inspektur las mencakup standar, kode dan inspeksi visual hasil las.',
        rationaleEn: 'The welding inspector training covers standards, codes and visual inspection of welds.',
      },
      {
        code: 'PTM-PENGELASAN-LANJUT-JALUR',
        course: 'PTM210',
        requirements: [{ kind: 'PATHWAY', pathwayCode: 'JALUR-PENGELASAN-INDUSTRI' }],
        coveredOutcomes: ['CPMK1', 'CPMK2', 'CPMK3'],
        coverage: { kind: 'ALL' },
        sks: 3,
        rationaleId:
          'Kredensial jalur Teknologi Pengelasan Industri (robot las dan inspeksi) mencakup seluruh capaian Pengelasan Lanjut.',
        rationaleEn:
          'The Industrial Welding Technology pathway credential (welding robot and inspection) covers every outcome of Advanced Welding.',
      },
      {
        code: 'PTM-CNC',
        course: 'PTM301',
        requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg-cnc-berjalan' }],
        coveredOutcomes: ['CPMK1', 'CPMK2', 'CPMK3'],
        coverage: { kind: 'ALL' },
        sks: 3,
        rationaleId:
          'Pelatihan pemrograman dan pengoperasian bubut CNC mencakup seluruh capaian Pemrograman CNC.',
        rationaleEn:
          'The CNC lathe programming and operation training covers every outcome of CNC Programming.',
      },
      {
        code: 'PTM-OTOMASI-PLC',
        course: 'PTM303',
        requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg-open-plc-hmi' }],
        coveredOutcomes: ['CPMK1', 'CPMK2'],
        coverage: { kind: 'MIN', minimum: 0.75 },
        sks: 3,
        rationaleId: 'Pelatihan PLC dan HMI mencakup sistem kendali dan pemrograman PLC (CPMK1-2, 75%).',
        rationaleEn: 'The PLC and HMI training covers control systems and PLC programming (CPMK1-2, 75%).',
      },
      {
        code: 'PTM-FABRIKASI',
        course: 'PTM314',
        requirements: [
          { kind: 'ACHIEVEMENT', achievementCode: 'kmg25-robot-las' },
          { kind: 'ACHIEVEMENT', achievementCode: 'kmg25-welding-inspector' },
        ],
        coveredOutcomes: ['CPMK1', 'CPMK2'],
        coverage: { kind: 'MIN', minimum: 0.75 },
        sks: 3,
        rationaleId:
          'Usulan: robot las dan inspeksi las bersama-sama mencakup fabrikasi dan kendali mutu sambungan.',
        rationaleEn:
          'Proposed: the welding robot and weld inspection together cover fabrication and joint quality control.',
        draft: true,
      },
    ],
  },
  {
    university: 'polman-bandung',
    code: 'D4-TRM',
    nameId: 'D4 Teknologi Rekayasa Manufaktur',
    nameEn: 'Bachelor of Applied Manufacturing Engineering Technology',
    degree: 'D4',
    mode: 'ON_CAMPUS',
    accreditation: 'BAIK_SEKALI',
    accreditationExpiresOn: '2028-09-30',
    file: 'd4-teknologi-rekayasa-manufaktur.csv',
    author: 'asesor.polman@kmg.demo',
    approver: 'kaprodi.polman@kmg.demo',
    override: null,
    intake: { code: 'RPL-2027-1', nameId: 'RPL Gelombang 1 2027', nameEn: 'RPL intake 1, 2027' },
    rules: [
      {
        code: 'TRM-LAS-ROBOT',
        course: 'TRM203',
        requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg25-robot-las' }],
        coveredOutcomes: ['CPMK1', 'CPMK2'],
        coverage: { kind: 'MIN', minimum: 0.75 },
        sks: 3,
        rationaleId: 'Pelatihan robot las industri mencakup proses dan parameter las busur (CPMK1-2, 80%).',
        rationaleEn:
          'The industrial welding robot training covers arc welding processes and parameters (CPMK1-2, 80%).',
      },
      {
        code: 'TRM-ROBOTIKA-JALUR',
        course: 'TRM302',
        requirements: [{ kind: 'PATHWAY', pathwayCode: 'JALUR-OTOMASI-ROBOTIKA' }],
        coveredOutcomes: ['CPMK1', 'CPMK2'],
        coverage: { kind: 'ALL' },
        sks: 3,
        rationaleId:
          'Kredensial jalur Otomasi dan Robotika Industri mencakup seluruh capaian Robotika Industri.',
        rationaleEn:
          'The Industrial Automation and Robotics pathway credential covers every outcome of Industrial Robotics.',
      },
      {
        code: 'TRM-CNC',
        course: 'TRM208',
        requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg-cnc-berjalan' }],
        coveredOutcomes: ['CPMK1', 'CPMK2', 'CPMK3'],
        coverage: { kind: 'ALL' },
        sks: 4,
        rationaleId: 'Pelatihan bubut CNC mencakup seluruh capaian Pemrograman CNC.',
        rationaleEn: 'The CNC lathe training covers every outcome of CNC Programming.',
      },
      {
        code: 'TRM-PLC',
        course: 'TRM301',
        requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg-open-plc-hmi' }],
        coveredOutcomes: ['CPMK1', 'CPMK2'],
        coverage: { kind: 'MIN', minimum: 0.75 },
        sks: 3,
        rationaleId:
          'Pelatihan PLC dan HMI mencakup PLC dan antarmuka operator (CPMK1-2, 75%); 3 dari 4 SKS.',
        rationaleEn:
          'The PLC and HMI training covers PLCs and operator interfaces (CPMK1-2, 75%); 3 of 4 SKS.',
      },
    ],
  },
];

/** The universities' RPL people: who holds which role (one person may hold several). */
export const rplStaff: {
  email: string;
  university: string;
  roles: (
    | 'ADMIN_OFFICER'
    | 'ACADEMIC_ASSESSOR'
    | 'PRACTITIONER_ASSESSOR'
    | 'COMMITTEE'
    | 'VALIDATOR'
    | 'UNIVERSITY_ADMIN'
  )[];
  affiliation: string;
  employeeNumber?: string;
}[] = [
  {
    email: 'asesor@kmg.demo',
    university: 'unnes',
    roles: ['ACADEMIC_ASSESSOR', 'ADMIN_OFFICER'],
    affiliation: 'Dosen Pendidikan Teknik Mesin, Fakultas Teknik UNNES',
    employeeNumber: '198503172010122003',
  },
  {
    email: 'kaprodi@kmg.demo',
    university: 'unnes',
    roles: ['COMMITTEE', 'UNIVERSITY_ADMIN'],
    affiliation: 'Koordinator Program Studi Pendidikan Teknik Mesin',
    employeeNumber: '197806122005011002',
  },
  {
    email: 'praktisi@kmg.demo',
    university: 'unnes',
    roles: ['PRACTITIONER_ASSESSOR'],
    affiliation: 'Welding Engineer (IWE), PT Barata Indonesia',
  },
  {
    email: 'validator@kmg.demo',
    university: 'unnes',
    roles: ['VALIDATOR'],
    affiliation: 'Wakil Dekan Bidang Akademik, Fakultas Teknik UNNES',
    employeeNumber: '197203151998022001',
  },
  {
    email: 'tendik@kmg.demo',
    university: 'unnes',
    roles: ['ADMIN_OFFICER'],
    affiliation: 'Tenaga Kependidikan, Fakultas Teknik UNNES',
  },
  {
    email: 'asesor.polman@kmg.demo',
    university: 'polman-bandung',
    roles: ['ACADEMIC_ASSESSOR', 'ADMIN_OFFICER'],
    affiliation: 'Dosen Teknik Rekayasa Manufaktur, Polman Bandung',
  },
  {
    email: 'kaprodi.polman@kmg.demo',
    university: 'polman-bandung',
    roles: ['COMMITTEE', 'UNIVERSITY_ADMIN'],
    affiliation: 'Ketua Program Studi Teknik Rekayasa Manufaktur',
  },
];

/** How each university heads, numbers and signs its decrees (illustrative). */
export const rplUniversitySettings = [
  {
    university: 'unnes',
    decreeNumberPattern: 'B/{seq:4}/UN37/RPL/{year}',
    authority: 'DEAN' as const,
    facultyId: 'Fakultas Teknik',
    facultyEn: 'Faculty of Engineering',
    letterhead: {
      ministryId: 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi',
      ministryEn: 'Ministry of Higher Education, Science, and Technology',
      unitId: 'Fakultas Teknik',
      unitEn: 'Faculty of Engineering',
      address: ['Gedung E1 Kampus Sekaran, Gunungpati, Semarang 50229'],
      contacts: ['Telepon (024) 8508101', 'ft.unnes.ac.id'],
    },
    signatories: [
      {
        name: 'Wahyu Hidayat',
        positionId: 'Dekan Fakultas Teknik',
        positionEn: 'Dean of the Faculty of Engineering',
        employeeNumber: '197806122005011002',
      },
    ],
    place: 'Semarang',
  },
  {
    university: 'polman-bandung',
    decreeNumberPattern: '{seq:3}/PL1/RPL/{roman-month}/{year}',
    authority: 'RECTOR' as const,
    facultyId: null,
    facultyEn: null,
    letterhead: {
      ministryId: 'Kementerian Perindustrian',
      ministryEn: 'Ministry of Industry',
      address: ['Jl. Kanayakan No. 21, Dago, Bandung 40135'],
      contacts: ['polman-bandung.ac.id'],
    },
    signatories: [{ name: 'Andi Firmansyah', positionId: 'Direktur', positionEn: 'Director' }],
    place: 'Bandung',
  },
];

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);
const DAY = 86_400_000;

/** Seeds the RPL demo (skips what exists: runs once into an empty database). */
export async function seedRplDemo(
  tx: Tx,
  { now, orgIds, userIds }: { now: Date; orgIds: Map<string, string>; userIds: Map<string, string> },
): Promise<number> {
  const need = (ids: Map<string, string>, key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`RPL seed refers to unknown key "${key}"`);
    return id;
  };
  let created = 0;
  if (!(await tx.regulationProfile.findFirst({ where: { layer: 'NATIONAL' } }))) {
    await tx.regulationProfile.create({
      data: {
        layer: 'NATIONAL',
        version: 1,
        citation: nationalProfile.citation,
        effectiveFrom: day('2022-01-01'),
        limits: nationalProfile.limits as Prisma.InputJsonValue,
        createdById: need(userIds, 'manajer@kmg.demo'),
      },
    });
    created++;
  }
  for (const override of universityOverrides) {
    const universityId = need(orgIds, override.university);
    if (await tx.regulationProfile.findFirst({ where: { layer: 'UNIVERSITY', universityId } })) continue;
    await tx.regulationProfile.create({
      data: {
        layer: 'UNIVERSITY',
        universityId,
        version: 1,
        citation: override.citation,
        effectiveFrom: day('2024-01-01'),
        limits: override.limits as Prisma.InputJsonValue,
      },
    });
    created++;
  }
  const today = now.toISOString().slice(0, 10);
  for (const seed of rplProgrammes) {
    const universityId = need(orgIds, seed.university);
    if (
      await tx.studyProgramme.findUnique({ where: { universityId_code: { universityId, code: seed.code } } })
    )
      continue;
    const programme = await tx.studyProgramme.create({
      data: {
        universityId,
        code: seed.code,
        nameId: seed.nameId,
        nameEn: seed.nameEn,
        degree: seed.degree,
        mode: seed.mode,
        accreditation: seed.accreditation,
        accreditationExpiresOn: day(seed.accreditationExpiresOn),
        totalSks: 144,
        semesters: 8,
        rplOffered: true,
        illustrative: true,
      },
    });
    created++;
    if (seed.override)
      await tx.regulationProfile.create({
        data: {
          layer: 'PROGRAMME',
          programmeId: programme.id,
          version: 1,
          citation: seed.override.citation,
          effectiveFrom: day('2024-01-01'),
          limits: seed.override.limits as Prisma.InputJsonValue,
          createdById: need(userIds, seed.author),
        },
      });
    const curriculum = await tx.curriculum.create({
      data: {
        programmeId: programme.id,
        version: '2024',
        effectiveFrom: day('2024-08-01'),
        sourceFileName: seed.file,
        importedById: need(userIds, seed.author),
      },
    });
    const courses = loadDemoCurriculum(seed.file);
    const cplCodes = [
      ...new Set(courses.flatMap((course) => course.outcomes.flatMap((o) => o.cplCodes))),
    ].sort();
    await tx.graduateOutcome.createMany({
      data: cplCodes.map((code) => ({ curriculumId: curriculum.id, code })),
    });
    const courseIds = new Map<string, string>();
    for (const [position, course] of courses.entries()) {
      const row = await tx.course.create({
        data: {
          curriculumId: curriculum.id,
          code: course.code,
          nameId: course.nameId,
          nameEn: course.nameEn ?? course.nameId,
          sks: course.sks,
          semester: course.semester,
          kind: course.kind,
          position,
          outcomes: {
            createMany: {
              data: course.outcomes.map((outcome, index) => ({
                code: outcome.code,
                textId: outcome.textId,
                textEn: outcome.textEn,
                weight: outcome.weight,
                cplCodes: outcome.cplCodes,
                position: index,
              })),
            },
          },
        },
      });
      courseIds.set(course.code, row.id);
    }
    // Open now, closing in a month; credentials must be valid on the closing day.
    const closes = new Date(now.getTime() + 30 * DAY);
    await tx.rplIntake.create({
      data: {
        programmeId: programme.id,
        code: seed.intake.code,
        nameId: seed.intake.nameId,
        nameEn: seed.intake.nameEn,
        opensAt: new Date(now.getTime() - 7 * DAY),
        closesAt: closes,
        cutoffDate: day(closes.toISOString().slice(0, 10)),
        startsOn: day(new Date(now.getTime() + 75 * DAY).toISOString().slice(0, 10)),
        quota: 40,
      },
    });
    for (const rule of seed.rules) {
      const row = await tx.equivalenceRule.create({ data: { programmeId: programme.id, code: rule.code } });
      await tx.equivalenceRuleVersion.create({
        data: {
          ruleId: row.id,
          version: 1,
          courseId: need(courseIds, rule.course),
          requirements: rule.requirements as Prisma.InputJsonValue,
          coveredOutcomes: rule.coveredOutcomes,
          coverage: rule.coverage as Prisma.InputJsonValue,
          sks: rule.sks,
          rationaleId: rule.rationaleId,
          rationaleEn: rule.rationaleEn,
          effectiveFrom: day('2024-08-01'),
          illustrative: true,
          createdById: need(userIds, seed.author),
          ...(rule.draft
            ? { effectiveFrom: day(today) }
            : { status: 'APPROVED' as const, approvedById: need(userIds, seed.approver), approvedAt: now }),
        },
      });
    }
  }
  for (const member of rplStaff) {
    const userId = need(userIds, member.email);
    const universityId = need(orgIds, member.university);
    if (await tx.rplStaffMember.findFirst({ where: { userId, universityId } })) continue;
    await tx.rplStaffMember.createMany({
      data: member.roles.map((role) => ({
        userId,
        universityId,
        role,
        affiliation: member.affiliation,
        employeeNumber: member.employeeNumber ?? null,
      })),
    });
    created++;
  }
  for (const { university, ...settings } of rplUniversitySettings) {
    const universityId = need(orgIds, university);
    if (await tx.rplUniversitySettings.findUnique({ where: { universityId } })) continue;
    await tx.rplUniversitySettings.create({
      data: { universityId, ...settings, decreeScope: 'CASE', appealDays: 14, autoAssign: true },
    });
    created++;
  }
  return created;
}
