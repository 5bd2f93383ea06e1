// Demo data: the programme's real 2025 providers, venues and trainings (from public sources, see
// shared/domain.md), the two schools seen in public reports, and invented people. The 2026 open
// calls, the extra providers and schools, every NPSN, NUPTK and every SKKNI unit listed here are
// illustrative. Dates of open calls are relative to the day the seed runs, so a demo is always live.
import {
  addDays,
  callTimeZone,
  defaultRubric,
  type EligibilityRules,
  type LocalDate,
  localDateAt,
  type Rubric,
  type ScoreLevel,
  startOfLocalDate,
} from '@kmg/domain';
import type { DeliveryMode, EmploymentStatus, OrganizationKind, Role } from '#generated/prisma/enums.ts';

export const DEMO_PASSWORD = 'demo-kmg-2026';

export type OrganizationSeed = {
  code: string;
  kind: OrganizationKind;
  schoolStatus?: 'NEGERI' | 'SWASTA';
  centreOfExcellence?: boolean;
  name: string;
  shortName?: string;
  npsn?: string;
  province?: string;
  city?: string;
  address?: string;
  website?: string;
  parent?: string;
};

export const organizations: OrganizationSeed[] = [
  {
    code: 'kemendikdasmen',
    kind: 'MINISTRY',
    name: 'Kementerian Pendidikan Dasar dan Menengah',
    shortName: 'Kemendikdasmen',
    province: '31',
    city: 'Jakarta',
  },
  {
    code: 'dit-smk',
    kind: 'MINISTRY',
    name: 'Direktorat Sekolah Menengah Kejuruan',
    shortName: 'Direktorat SMK',
    parent: 'kemendikdasmen',
    province: '31',
    city: 'Jakarta',
  },
  {
    code: 'lpdp',
    kind: 'FUNDER',
    name: 'Lembaga Pengelola Dana Pendidikan',
    shortName: 'LPDP',
    province: '31',
    city: 'Jakarta',
  },
  {
    code: 'pt-unggul-semesta',
    kind: 'PROVIDER',
    name: 'PT Unggul Semesta',
    province: '32',
    city: 'Cikarang, Bekasi',
    address: 'Jl. Akasia 2 Blok AE 3-5-6, Kawasan Industri Delta Silicon 1',
  },
  {
    code: 'inlastek',
    kind: 'PROVIDER',
    name: 'Inlastek Welding Institute',
    shortName: 'Inlastek',
    province: '33',
    city: 'Surakarta',
    address: 'Jl. Joko Tingkir No. 5, Pajang, Laweyan',
  },
  {
    code: 'pt-intech',
    kind: 'PROVIDER',
    name: 'PT Industri Teknologi Informasi dan Komunikasi',
    shortName: 'PT INTECH',
    province: '35',
    city: 'Surabaya',
  },
  {
    code: 'robotika-nusantara',
    kind: 'PROVIDER',
    name: 'PT Robotika Nusantara Mandiri (contoh)',
    province: '21',
    city: 'Batam',
  },
  {
    code: 'akademi-digital-kreatif',
    kind: 'PROVIDER',
    name: 'Akademi Digital Kreatif Makassar (contoh)',
    province: '73',
    city: 'Makassar',
  },
  {
    code: 'smkn-10-semarang',
    kind: 'SCHOOL',
    schoolStatus: 'NEGERI',
    centreOfExcellence: true,
    name: 'SMK Negeri 10 Semarang',
    npsn: '20328921',
    province: '33',
    city: 'Semarang',
  },
  {
    code: 'smkn-4-sampit',
    kind: 'SCHOOL',
    schoolStatus: 'NEGERI',
    centreOfExcellence: false,
    name: 'SMK Negeri 4 Sampit',
    npsn: '30204711',
    province: '62',
    city: 'Sampit, Kotawaringin Timur',
  },
  {
    code: 'smkn-2-makassar',
    kind: 'SCHOOL',
    schoolStatus: 'NEGERI',
    centreOfExcellence: true,
    name: 'SMK Negeri 2 Makassar',
    npsn: '40311822',
    province: '73',
    city: 'Makassar',
  },
  {
    code: 'smkn-1-jayapura',
    kind: 'SCHOOL',
    schoolStatus: 'NEGERI',
    centreOfExcellence: false,
    name: 'SMK Negeri 1 Jayapura',
    npsn: '60300133',
    province: '91',
    city: 'Jayapura',
  },
  {
    code: 'smkn-3-batam',
    kind: 'SCHOOL',
    schoolStatus: 'NEGERI',
    centreOfExcellence: false,
    name: 'SMK Negeri 3 Batam',
    npsn: '11002344',
    province: '21',
    city: 'Batam',
  },
  {
    code: 'unnes',
    kind: 'UNIVERSITY',
    name: 'Universitas Negeri Semarang',
    shortName: 'UNNES',
    province: '33',
    city: 'Semarang',
  },
  {
    code: 'polman-bandung',
    kind: 'UNIVERSITY',
    name: 'Politeknik Manufaktur Bandung',
    shortName: 'Polman Bandung',
    province: '32',
    city: 'Bandung',
  },
];

export type SkillAreaSeed = { code: string; nameId: string; nameEn: string };

/** The strategic skill areas named publicly; the full list of ten is not public (see domain.md). */
export const skillAreas: SkillAreaSeed[] = [
  { code: 'it', nameId: 'Teknologi Informasi', nameEn: 'Information Technology' },
  { code: 'software', nameId: 'Rekayasa Perangkat Lunak', nameEn: 'Software Engineering' },
  { code: 'welding', nameId: 'Teknik Pengelasan', nameEn: 'Welding' },
  { code: 'automation', nameId: 'Otomasi Industri', nameEn: 'Industrial Automation' },
  { code: 'robotics', nameId: 'Robotika', nameEn: 'Robotics' },
  { code: 'digital-marketing', nameId: 'Pemasaran Digital', nameEn: 'Digital Marketing' },
  { code: 'entrepreneurship', nameId: 'Kewirausahaan Industri', nameEn: 'Industrial Entrepreneurship' },
  { code: 'k3', nameId: 'Keselamatan dan Kesehatan Kerja (K3)', nameEn: 'Occupational Safety and Health' },
  { code: 'game-dev', nameId: 'Pengembangan Gim', nameEn: 'Game Development' },
];

export type ProgrammeSeed = { code: string; name: string; year: number; funder: string; owner: string };

export function programmes(now: Date): ProgrammeSeed[] {
  const year = now.getUTCFullYear();
  const list = [{ code: 'kmg-smk-2025', name: 'KMG SMK 2025', year: 2025, funder: 'lpdp', owner: 'dit-smk' }];
  if (year > 2025)
    list.push({ code: `kmg-smk-${year}`, name: `KMG SMK ${year}`, year, funder: 'lpdp', owner: 'dit-smk' });
  return list;
}

export type UserSeed = {
  email: string;
  name: string;
  roles: Role[];
  organization: string;
  teacher?: {
    nuptk: string;
    subject: string;
    employmentStatus: EmploymentStatus;
    teachingSince: LocalDate;
    birthDate: LocalDate;
  };
};

/** One account per role first (printed at start-up), then more teachers for realistic lists. */
export const users: UserSeed[] = [
  { email: 'admin@kmg.demo', name: 'Admin KMG', roles: ['ADMIN'], organization: 'dit-smk' },
  { email: 'manajer@kmg.demo', name: 'Rina Kusumawati', roles: ['PROGRAM_MANAGER'], organization: 'dit-smk' },
  {
    email: 'penyelenggara@kmg.demo',
    name: 'Dedi Hartono',
    roles: ['PROVIDER_STAFF'],
    organization: 'pt-unggul-semesta',
  },
  {
    email: 'guru@kmg.demo',
    name: 'Sri Wahyuni',
    roles: ['TEACHER'],
    organization: 'smkn-10-semarang',
    teacher: {
      nuptk: '3349765667210012',
      subject: 'Teknik Pengelasan',
      employmentStatus: 'PNS',
      teachingSince: '2012-07-16',
      birthDate: '1987-03-21',
    },
  },
  { email: 'kepsek@kmg.demo', name: 'Agus Santoso', roles: ['PRINCIPAL'], organization: 'smkn-10-semarang' },
  { email: 'asesor@kmg.demo', name: 'Lestari Handayani', roles: ['RPL_REVIEWER'], organization: 'unnes' },
  { email: 'lpdp@kmg.demo', name: 'Bambang Prasetyo', roles: ['PROGRAM_MANAGER'], organization: 'lpdp' },
  { email: 'inlastek@kmg.demo', name: 'Yuliana Putri', roles: ['PROVIDER_STAFF'], organization: 'inlastek' },
  {
    email: 'penilai@kmg.demo',
    name: 'Hendra Gunawan',
    roles: ['SELECTION_REVIEWER'],
    organization: 'dit-smk',
  },
  { email: 'penilai2@kmg.demo', name: 'Ratna Sari', roles: ['SELECTION_REVIEWER'], organization: 'lpdp' },
  /** A second RPL staff member of UNNES: approves rules the first drafts (four eyes). */
  { email: 'kaprodi@kmg.demo', name: 'Wahyu Hidayat', roles: ['RPL_REVIEWER'], organization: 'unnes' },
  /** UNNES's RPL people besides the two above: an industry assessor, the validator, the officer. */
  {
    email: 'praktisi@kmg.demo',
    name: 'Rudi Setiawan',
    roles: ['RPL_REVIEWER'],
    organization: 'unnes',
  },
  { email: 'validator@kmg.demo', name: 'Sri Wahyuningsih', roles: ['RPL_REVIEWER'], organization: 'unnes' },
  { email: 'tendik@kmg.demo', name: 'Rina Marlina', roles: ['RPL_REVIEWER'], organization: 'unnes' },
  {
    email: 'asesor.polman@kmg.demo',
    name: 'Dewi Kartika',
    roles: ['RPL_REVIEWER'],
    organization: 'polman-bandung',
  },
  {
    email: 'kaprodi.polman@kmg.demo',
    name: 'Andi Firmansyah',
    roles: ['RPL_REVIEWER'],
    organization: 'polman-bandung',
  },
  {
    email: 'kepsek.makassar@kmg.demo',
    name: 'Muhammad Idris',
    roles: ['PRINCIPAL'],
    organization: 'smkn-2-makassar',
  },
  {
    email: 'kepsek.batam@kmg.demo',
    name: 'Yusuf Harahap',
    roles: ['PRINCIPAL'],
    organization: 'smkn-3-batam',
  },
  ...(
    [
      [
        'budi.setiawan',
        'Budi Setiawan',
        'smkn-10-semarang',
        '3374021508830003',
        'Teknik Otomasi Industri',
        'PNS',
        '2008-01-02',
        '1983-08-15',
      ],
      [
        'maria.lende',
        'Maria Lende',
        'smkn-1-jayapura',
        '9171034407900002',
        'Teknik Komputer dan Jaringan',
        'PPPK',
        '2015-07-13',
        '1990-07-04',
      ],
      [
        'andi.rahman',
        'Andi Rahman',
        'smkn-2-makassar',
        '7371011203850001',
        'Rekayasa Perangkat Lunak',
        'PNS',
        '2010-07-12',
        '1985-03-12',
      ],
      [
        'siti.nurhaliza',
        'Siti Nurhaliza',
        'smkn-4-sampit',
        '6202015506920004',
        'Bisnis Digital',
        'GTY',
        '2017-07-17',
        '1992-06-15',
      ],
      [
        'yohanes.tanaem',
        'Yohanes Tanaem',
        'smkn-1-jayapura',
        '9171020911880005',
        'Teknik Pengelasan',
        'HONORER',
        '2019-01-07',
        '1988-11-09',
      ],
      [
        'dewi.lestari',
        'Dewi Lestari',
        'smkn-3-batam',
        '2171034101910006',
        'Mekatronika',
        'PNS',
        '2014-07-14',
        '1991-01-01',
      ],
      [
        'rudi.hermawan',
        'Rudi Hermawan',
        'smkn-3-batam',
        '2171022306860007',
        'Teknik Otomasi Industri',
        'PPPK',
        '2011-07-11',
        '1986-06-23',
      ],
      [
        'fitri.handayani',
        'Fitri Handayani',
        'smkn-2-makassar',
        '7371036009930008',
        'Desain Komunikasi Visual',
        'GTY',
        '2018-07-16',
        '1993-09-20',
      ],
      [
        'eko.prasetyo',
        'Eko Prasetyo',
        'smkn-10-semarang',
        '3374031712840009',
        'Teknik Pengelasan',
        'PNS',
        '2009-07-13',
        '1984-12-17',
      ],
      // Welding teachers of Central Java who took the robot-welding training, then applied for RPL
      // at UNNES: the demo's RPL cases, one at each step of the reviewers' workflow.
      [
        'bayu.saputra',
        'Bayu Saputra',
        'smkn-10-semarang',
        '3374021505880013',
        'Teknik Pengelasan',
        'PNS',
        '2012-07-16',
        '1988-05-15',
      ],
      [
        'dewi.anggraini',
        'Dewi Anggraini',
        'smkn-10-semarang',
        '3374036208900014',
        'Teknik Pengelasan',
        'PPPK',
        '2015-07-13',
        '1990-08-22',
      ],
      [
        'hendro.wibowo',
        'Hendro Wibowo',
        'smkn-10-semarang',
        '3374020903850015',
        'Teknik Fabrikasi Logam',
        'PNS',
        '2010-07-12',
        '1985-03-09',
      ],
      [
        'siti.rahmawati',
        'Siti Rahmawati',
        'smkn-10-semarang',
        '3374035511910016',
        'Teknik Pengelasan',
        'GTY',
        '2016-07-18',
        '1991-11-15',
      ],
      [
        'agung.pratama',
        'Agung Pratama',
        'smkn-10-semarang',
        '3374011207870017',
        'Teknik Pengelasan',
        'PNS',
        '2011-07-11',
        '1987-07-12',
      ],
      // Seated in the Batam pneumatics training (kmg-batam-pneumatik): travels from Semarang.
      [
        'hadi.purnomo',
        'Hadi Purnomo',
        'smkn-10-semarang',
        '3374011003860019',
        'Teknik Otomasi Industri',
        'PNS',
        '2011-07-11',
        '1986-03-10',
      ],
      // Participants of the CNC training that just ended (kmg-cnc-berjalan).
      [
        'wahyu.nugroho',
        'Wahyu Nugroho',
        'smkn-10-semarang',
        '3374052203870011',
        'Teknik Pemesinan',
        'PNS',
        '2010-07-12',
        '1987-03-22',
      ],
      [
        'fajar.ramadhan',
        'Fajar Ramadhan',
        'smkn-3-batam',
        '2171031104890012',
        'Teknik Pemesinan',
        'PPPK',
        '2013-07-15',
        '1989-04-11',
      ],
      [
        'ketut.arsana',
        'I Ketut Arsana',
        'smkn-2-makassar',
        '7371040708850013',
        'Teknik Mesin',
        'PNS',
        '2009-07-13',
        '1985-08-07',
      ],
      [
        'lina.marlina',
        'Lina Marlina',
        'smkn-4-sampit',
        '6202025512910014',
        'Teknik Pemesinan',
        'GTY',
        '2015-07-13',
        '1991-12-15',
      ],
      [
        'nur.aini',
        'Nur Aini',
        'smkn-4-sampit',
        '6202014204950010',
        'Rekayasa Perangkat Lunak',
        'HONORER',
        '2020-07-13',
        '1995-04-02',
      ],
    ] as const
  ).map(
    ([handle, name, school, nuptk, subject, employmentStatus, teachingSince, birthDate]): UserSeed => ({
      email: `${handle}@kmg.demo`,
      name,
      roles: ['TEACHER'],
      organization: school,
      teacher: { nuptk, subject, employmentStatus, teachingSince, birthDate },
    }),
  ),
];

export type SkkniUnitSeed = { code: string; titleId: string; titleEn: string; sector: string };

const manufacturing = 'Industri Pengolahan';
const ict = 'Informasi dan Komunikasi';

/** The SKKNI reference units the demo calls train; a call's unit names one of these by code. */
export const skkniUnits: SkkniUnitSeed[] = (
  [
    [
      'C.282000.011.01',
      'Mengoperasikan Robot Las Busur Listrik',
      'Operate an Arc Welding Robot',
      manufacturing,
    ],
    [
      'C.282000.012.01',
      'Memprogram Robot Las dengan Teach Pendant',
      'Program a Welding Robot with a Teach Pendant',
      manufacturing,
    ],
    [
      'C.282000.013.01',
      'Menyusun Program Robot Las Secara Offline',
      'Write Welding Robot Programs Offline',
      manufacturing,
    ],
    ['C.282000.021.01', 'Memprogram Mesin Bubut CNC', 'Program a CNC Lathe', manufacturing],
    ['C.282000.022.01', 'Mengoperasikan Mesin Bubut CNC', 'Operate a CNC Lathe', manufacturing],
    [
      'C.250000.001.01',
      'Menerapkan Standar dan Kode Pengelasan',
      'Apply Welding Standards and Codes',
      manufacturing,
    ],
    [
      'C.250000.002.01',
      'Melakukan Inspeksi Visual Hasil Pengelasan',
      'Inspect Welds Visually',
      manufacturing,
    ],
    ['J.620100.004.02', 'Menggunakan Struktur Data', 'Use Data Structures', ict],
    ['J.620100.005.02', 'Mengimplementasikan User Interface', 'Implement a User Interface', ict],
    [
      'J.620100.017.02',
      'Mengimplementasikan Pemrograman Terstruktur',
      'Implement Structured Programming',
      ict,
    ],
    ['J.620100.025.02', 'Melakukan Debugging', 'Debug Programs', ict],
  ] satisfies [string, string, string, string][]
).map(([code, titleId, titleEn, sector]) => ({ code, titleId, titleEn, sector }));

export type CallSeed = {
  code: string;
  programme: string;
  provider: string;
  skillArea: string;
  title: string;
  description: string;
  learningOutcomes: string[];
  competencyUnits: { code: string; title: string }[];
  mode: DeliveryMode;
  venueName: string | null;
  address: string | null;
  city: string;
  province: string;
  startDate: LocalDate;
  endDate: LocalDate;
  trainingHours: number;
  seats: number;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'IN_TRAINING' | 'COMPLETED';
  createdBy: string;
  /** What a teacher travelling to the venue needs to know (illustrative for the open calls). */
  whatToBring?: string;
  accommodationProvided?: boolean;
  accommodationNote?: string;
  travelSupport?: 'NOT_COVERED' | 'REIMBURSED_UP_TO' | 'COVERED';
  travelSupportMaxRupiah?: number;
  travelSupportNote?: string;
  selection?: {
    mode: 'REVIEWED' | 'FIRST_COME';
    requiresEndorsement: boolean;
    rules: EligibilityRules;
    reviewers: string[];
    maxPerSchool?: number;
    minScore?: number;
    /** The scoring rubric; the default one without score descriptors when not given. */
    rubric?: Rubric;
  };
};

const levels = (texts: readonly (readonly [string, string])[]): ScoreLevel[] =>
  texts.map(([descriptionId, descriptionEn], index) => ({ score: index + 1, descriptionId, descriptionEn }));

/** What each score of the default rubric means, as a program manager would write it (1-5). */
const describedLevels: Record<string, ScoreLevel[]> = {
  motivation: levels([
    ['Motivasi umum, tanpa rencana pengimbasan.', 'General motivation, no cascading plan.'],
    ['Menyebut pengimbasan, tanpa sasaran atau waktu.', 'Mentions cascading, with no audience or timing.'],
    [
      'Rencana pengimbasan untuk rekan satu jurusan, garis besar saja.',
      'An outline plan to cascade to colleagues in the department.',
    ],
    [
      'Rencana jelas: sasaran, kegiatan dan waktu pengimbasan di sekolah.',
      'A clear plan: audience, activities and timing at the school.',
    ],
    [
      'Rencana rinci dan terukur, menjangkau sekolah lain di MGMP.',
      'A detailed, measurable plan reaching other schools through the subject teachers’ forum (MGMP).',
    ],
  ]),
  relevance: levels([
    ['Bidang ajar tidak terkait materi pelatihan.', 'Subject taught unrelated to the training.'],
    ['Terkait sebagian kecil, lewat mata pelajaran lain.', 'Slightly related, through another subject.'],
    ['Terkait dengan satu mata pelajaran yang diampu.', 'Related to one subject they teach.'],
    [
      'Materi langsung dipakai di mata pelajaran produktif yang diampu.',
      'Used directly in the vocational subjects they teach.',
    ],
    [
      'Inti kompetensi keahlian yang diampu, dengan bengkel yang siap.',
      'The core of their skill programme, with a workshop ready for it.',
    ],
  ]),
  experience: levels([
    ['Belum pernah praktik di bidang ini.', 'No practice in this field yet.'],
    ['Pengalaman praktik terbatas (kurang dari 1 tahun).', 'Limited hands-on experience (under a year).'],
    ['Praktik rutin di bengkel sekolah.', 'Regular practice in the school workshop.'],
    [
      'Praktik rutin dan pernah magang atau pelatihan industri.',
      'Regular practice plus an industry internship or training.',
    ],
    [
      'Berpengalaman di industri atau sertifikat kompetensi BNSP di bidang ini.',
      'Industry experience or a BNSP competency certificate in this field.',
    ],
  ]),
};

/** The default rubric with a descriptor for every score from 1 to 5. */
export const describedRubric: Rubric = defaultRubric.map((criterion) => ({
  ...criterion,
  levels: describedLevels[criterion.key] ?? [],
}));

const at = (iso: string) => new Date(iso);

/** The start of the day that many days from today, in the venue's province (windows open then). */
function opensOn(now: Date, days: number, province: string): Date {
  return startOfLocalDate(addDays(now.toISOString().slice(0, 10), days), callTimeZone(province));
}

/** 23:59 on the day that many days from today, in the venue's province (windows close then). */
function closesOn(now: Date, days: number, province: string): Date {
  return new Date(
    startOfLocalDate(addDays(now.toISOString().slice(0, 10), days + 1), callTimeZone(province)).getTime() -
      60_000,
  );
}

/** A 2021 ministry micro-credential scheme's rules (domain.md): 2+ years teaching, at most 45. */
const schemeRules: EligibilityRules = { minTeachingYears: 2, maxAge: 45 };

export function calls(now: Date): CallSeed[] {
  const today = now.toISOString().slice(0, 10);
  const current = `kmg-smk-${Math.max(2026, now.getUTCFullYear())}`;
  const day = (offset: number) => addDays(today, offset);
  return [
    {
      code: 'kmg25-robot-las',
      programme: 'kmg-smk-2025',
      provider: 'pt-unggul-semesta',
      skillArea: 'robotics',
      title: 'Pelatihan Pengoperasian Robot Las Industri',
      description:
        'Pelatihan lima hari di pusat teknologi pengelasan industri: pengenalan sel robot las, pemrograman lintasan dengan teach pendant, parameter las busur, dan keselamatan kerja di sekitar robot.',
      learningOutcomes: [
        'Mengoperasikan sel robot las busur sesuai prosedur keselamatan',
        'Memprogram lintasan las sederhana dengan teach pendant',
        'Mengatur parameter arus, tegangan dan kecepatan las untuk sambungan dasar',
        'Memeriksa hasil las secara visual dan mencatat cacat las',
      ],
      competencyUnits: [
        { code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik' },
        { code: 'C.282000.012.01', title: 'Memprogram Robot Las dengan Teach Pendant' },
      ],
      mode: 'OFFLINE',
      venueName: 'Unggul Daihen Welding Technology Center',
      address: 'Jl. Akasia 2 Blok AE 3-5-6, Kawasan Industri Delta Silicon 1',
      city: 'Cikarang, Bekasi',
      province: '32',
      startDate: '2025-11-03',
      endDate: '2025-11-07',
      trainingHours: 40,
      seats: 20,
      applicationOpensAt: at('2025-09-01T00:00:00+07:00'),
      applicationClosesAt: at('2025-10-10T23:59:00+07:00'),
      status: 'COMPLETED',
      createdBy: 'manajer@kmg.demo',
    },
    {
      code: 'kmg25-welding-inspector',
      programme: 'kmg-smk-2025',
      provider: 'inlastek',
      skillArea: 'welding',
      title: 'Welding Inspector',
      description:
        'Pelatihan inspektur las: standar dan kode pengelasan, pemeriksaan visual, pengujian tak merusak dasar, serta penyusunan laporan inspeksi untuk pembelajaran di bengkel SMK.',
      learningOutcomes: [
        'Menafsirkan simbol las dan spesifikasi prosedur pengelasan (WPS)',
        'Melakukan inspeksi visual sambungan las sesuai standar',
        'Mengidentifikasi jenis cacat las dan penyebabnya',
        'Menyusun laporan inspeksi pengelasan',
      ],
      competencyUnits: [
        { code: 'C.250000.001.01', title: 'Menerapkan Standar dan Kode Pengelasan' },
        { code: 'C.250000.002.01', title: 'Melakukan Inspeksi Visual Hasil Pengelasan' },
      ],
      mode: 'OFFLINE',
      venueName: 'Inlastek Welding Institute',
      address: 'Jl. Joko Tingkir No. 5, Pajang, Laweyan',
      city: 'Surakarta',
      province: '33',
      startDate: '2025-11-10',
      endDate: '2025-11-22',
      trainingHours: 80,
      seats: 20,
      applicationOpensAt: at('2025-09-01T00:00:00+07:00'),
      applicationClosesAt: at('2025-10-17T23:59:00+07:00'),
      status: 'COMPLETED',
      createdBy: 'manajer@kmg.demo',
    },
    {
      code: 'kmg25-software-engineer',
      programme: 'kmg-smk-2025',
      provider: 'pt-intech',
      skillArea: 'software',
      title: 'Peningkatan Kompetensi Software Engineer Bersama Industri',
      description:
        'Guru produktif RPL bekerja bersama tim pengembang industri: analisis kebutuhan, pemrograman terstruktur, pengujian dan debugging, hingga praktik kerja tim dengan sistem kendali versi.',
      learningOutcomes: [
        'Menerapkan struktur data dan pemrograman terstruktur pada aplikasi nyata',
        'Mengimplementasikan antarmuka pengguna sesuai spesifikasi',
        'Melakukan debugging dan pengujian unit',
        'Bekerja dalam tim pengembang menggunakan sistem kendali versi',
      ],
      competencyUnits: [
        { code: 'J.620100.004.02', title: 'Menggunakan Struktur Data' },
        { code: 'J.620100.005.02', title: 'Mengimplementasikan User Interface' },
        { code: 'J.620100.017.02', title: 'Mengimplementasikan Pemrograman Terstruktur' },
        { code: 'J.620100.025.02', title: 'Melakukan Debugging' },
      ],
      mode: 'OFFLINE',
      venueName: 'PT INTECH',
      address: null,
      city: 'Surabaya',
      province: '35',
      startDate: '2025-10-27',
      endDate: '2025-11-20',
      trainingHours: 128,
      seats: 20,
      applicationOpensAt: at('2025-09-01T00:00:00+07:00'),
      applicationClosesAt: at('2025-10-03T23:59:00+07:00'),
      status: 'COMPLETED',
      createdBy: 'manajer@kmg.demo',
    },
    {
      // Ended yesterday: the provider has attendance and assessment to record (see deliveries).
      code: 'kmg-cnc-berjalan',
      programme: current,
      provider: 'pt-unggul-semesta',
      skillArea: 'automation',
      title: 'Pemrograman dan Pengoperasian Mesin Bubut CNC',
      description:
        'Pelatihan tatap muka di bengkel industri: membaca gambar kerja, menyusun program G-code, menyetel benda kerja dan pahat, lalu mengoperasikan mesin bubut CNC dengan aman untuk produksi.',
      learningOutcomes: [
        'Menyusun program G-code untuk pembubutan muka, rata dan ulir',
        'Menyetel benda kerja dan pahat pada mesin bubut CNC',
        'Mengoperasikan mesin bubut CNC sesuai prosedur K3',
      ],
      competencyUnits: [
        { code: 'C.282000.021.01', title: 'Memprogram Mesin Bubut CNC' },
        { code: 'C.282000.022.01', title: 'Mengoperasikan Mesin Bubut CNC' },
      ],
      mode: 'OFFLINE',
      venueName: 'Workshop CNC PT Unggul Semesta',
      address: 'Jl. Akasia 2 Blok AE 3-5-6, Kawasan Industri Delta Silicon 1',
      city: 'Cikarang, Bekasi',
      province: '32',
      startDate: day(-5),
      endDate: day(-1),
      trainingHours: 40,
      seats: 12,
      applicationOpensAt: opensOn(now, -45, '32'),
      applicationClosesAt: closesOn(now, -25, '32'),
      status: 'IN_TRAINING',
      createdBy: 'manajer@kmg.demo',
    },
    {
      // A one-day workshop held today at the venue (WIB), so the QR check-in can be tried: the
      // provider shows the day's code, Lina and Fajar scan it (see deliveries).
      code: 'kmg-lokakarya-offset-cnc',
      programme: current,
      provider: 'pt-unggul-semesta',
      skillArea: 'automation',
      title: 'Lokakarya Penyetelan Offset Pahat Mesin Bubut CNC',
      description:
        'Lokakarya satu hari lanjutan pelatihan bubut CNC: mengukur dan memasukkan offset pahat, kompensasi radius ujung pahat, dan uji potong benda kerja.',
      learningOutcomes: [
        'Mengukur dan memasukkan offset pahat pada mesin bubut CNC',
        'Menerapkan kompensasi radius ujung pahat',
      ],
      competencyUnits: [{ code: 'C.282000.022.01', title: 'Mengoperasikan Mesin Bubut CNC' }],
      mode: 'OFFLINE',
      venueName: 'Workshop CNC PT Unggul Semesta',
      address: 'Jl. Akasia 2 Blok AE 3-5-6, Kawasan Industri Delta Silicon 1',
      city: 'Cikarang, Bekasi',
      province: '32',
      startDate: localDateAt(now, callTimeZone('32')),
      endDate: localDateAt(now, callTimeZone('32')),
      trainingHours: 8,
      seats: 12,
      applicationOpensAt: opensOn(now, -40, '32'),
      applicationClosesAt: closesOn(now, -20, '32'),
      status: 'IN_TRAINING',
      createdBy: 'manajer@kmg.demo',
    },
    {
      code: 'kmg-open-robot-las-lanjut',
      programme: current,
      provider: 'pt-unggul-semesta',
      skillArea: 'welding',
      title: 'Pemrograman Robot Las Lanjutan untuk Guru SMK',
      description:
        'Lanjutan pelatihan robot las: pemrograman offline, optimasi lintasan, sensor jahitan las dan perawatan dasar sel robot, dengan praktik langsung di pusat teknologi las.',
      learningOutcomes: [
        'Menyusun program robot las secara offline',
        'Mengoptimalkan lintasan dan parameter untuk produksi',
        'Melakukan perawatan harian sel robot las',
      ],
      competencyUnits: [{ code: 'C.282000.013.01', title: 'Menyusun Program Robot Las Secara Offline' }],
      mode: 'OFFLINE',
      venueName: 'Unggul Daihen Welding Technology Center',
      address: 'Jl. Akasia 2 Blok AE 3-5-6, Kawasan Industri Delta Silicon 1',
      city: 'Cikarang, Bekasi',
      province: '32',
      startDate: day(35),
      endDate: day(39),
      trainingHours: 40,
      seats: 20,
      applicationOpensAt: opensOn(now, -10, '32'),
      applicationClosesAt: closesOn(now, 21, '32'),
      status: 'OPEN',
      whatToBring:
        'Laptop, sepatu keselamatan (safety shoes), pakaian kerja lengan panjang, KTP, dan surat tugas dari sekolah. Alat pelindung las disediakan.',
      accommodationProvided: true,
      accommodationNote: 'Kamar berdua di mes kawasan industri, 5 malam, termasuk makan siang.',
      travelSupport: 'REIMBURSED_UP_TO',
      travelSupportMaxRupiah: 1_500_000,
      travelSupportNote: 'Tiket pulang-pergi kelas ekonomi diganti sesuai kuitansi.',
      createdBy: 'manajer@kmg.demo',
      selection: {
        mode: 'REVIEWED',
        requiresEndorsement: true,
        rules: schemeRules,
        reviewers: ['penilai@kmg.demo', 'penilai2@kmg.demo'],
        maxPerSchool: 2,
      },
    },
    {
      code: 'kmg-open-plc-hmi',
      programme: current,
      provider: 'robotika-nusantara',
      skillArea: 'automation',
      title: 'Otomasi Industri dengan PLC dan HMI',
      description:
        'Merancang, memprogram dan menguji sistem kendali berbasis PLC dan HMI pada simulator lini produksi, lalu menyusunnya menjadi job sheet untuk siswa.',
      learningOutcomes: [
        'Memprogram PLC dengan diagram tangga untuk proses sekuensial',
        'Merancang tampilan HMI untuk pemantauan proses',
        'Menyusun job sheet praktik otomasi untuk siswa',
      ],
      competencyUnits: [],
      mode: 'OFFLINE',
      venueName: 'Pusat Pelatihan Robotika Nusantara',
      address: 'Kawasan Industri Batamindo',
      city: 'Batam',
      province: '21',
      startDate: day(42),
      endDate: day(47),
      trainingHours: 48,
      seats: 24,
      applicationOpensAt: opensOn(now, -5, '21'),
      applicationClosesAt: closesOn(now, 25, '21'),
      status: 'OPEN',
      whatToBring:
        'Laptop dengan hak administrator (untuk memasang perangkat lunak PLC), sepatu keselamatan, KTP, dan surat tugas dari sekolah.',
      accommodationProvided: true,
      accommodationNote:
        'Hotel mitra di Batam Centre, kamar berdua; antar-jemput ke kawasan industri disediakan.',
      travelSupport: 'REIMBURSED_UP_TO',
      travelSupportMaxRupiah: 2_500_000,
      travelSupportNote: 'Pesawat atau kapal kelas ekonomi dari kota asal ke Batam, diganti sesuai kuitansi.',
      createdBy: 'manajer@kmg.demo',
      selection: {
        mode: 'REVIEWED',
        requiresEndorsement: true,
        rules: {
          ...schemeRules,
          subjects: ['Teknik Otomasi Industri', 'Mekatronika', 'Teknik Elektronika Industri'],
        },
        reviewers: ['penilai@kmg.demo', 'penilai2@kmg.demo'],
      },
    },
    {
      code: 'kmg-open-gim-edukasi',
      programme: current,
      provider: 'akademi-digital-kreatif',
      skillArea: 'game-dev',
      title: 'Pengembangan Gim Edukasi dengan Unity',
      description:
        'Kelas campuran: dua minggu belajar daring lalu tiga hari studio di Makassar untuk membangun gim edukasi sederhana yang siap dipakai di kelas.',
      learningOutcomes: [
        'Membangun prototipe gim 2D dengan Unity',
        'Menerapkan prinsip desain gim untuk tujuan pembelajaran',
        'Menguji gim bersama pengguna dan memperbaikinya',
      ],
      competencyUnits: [],
      mode: 'BLENDED',
      venueName: 'Studio Akademi Digital Kreatif',
      address: 'Jl. A. P. Pettarani',
      city: 'Makassar',
      province: '73',
      startDate: day(30),
      endDate: day(46),
      trainingHours: 32,
      seats: 20,
      applicationOpensAt: opensOn(now, -14, '73'),
      applicationClosesAt: closesOn(now, 14, '73'),
      status: 'OPEN',
      whatToBring: 'Laptop (minimal RAM 8 GB) dengan Godot 4 terpasang, headphone, dan KTP.',
      accommodationProvided: false,
      accommodationNote: 'Sesi tatap muka tiga hari; peserta mengatur penginapan sendiri.',
      travelSupport: 'NOT_COVERED',
      travelSupportNote: 'Biaya perjalanan ditanggung sekolah atau peserta.',
      createdBy: 'lpdp@kmg.demo',
    },
    {
      code: 'kmg-open-pemasaran-digital',
      programme: current,
      provider: 'pt-intech',
      skillArea: 'digital-marketing',
      title: 'Pemasaran Digital untuk Unit Produksi dan Teaching Factory',
      description:
        'Pelatihan daring: riset pasar, konten, iklan berbayar dan analitik untuk memasarkan produk teaching factory SMK.',
      learningOutcomes: [
        'Menyusun strategi pemasaran digital untuk produk teaching factory',
        'Membuat dan menjadwalkan konten media sosial',
        'Membaca analitik kampanye dan menyesuaikan strategi',
      ],
      competencyUnits: [],
      mode: 'ONLINE',
      venueName: null,
      address: null,
      city: 'Surabaya',
      province: '35',
      startDate: day(28),
      endDate: day(33),
      trainingHours: 24,
      seats: 40,
      applicationOpensAt: opensOn(now, -3, '35'),
      applicationClosesAt: closesOn(now, 18, '35'),
      status: 'OPEN',
      createdBy: 'manajer@kmg.demo',
      selection: { mode: 'FIRST_COME', requiresEndorsement: false, rules: {}, reviewers: [] },
    },
    {
      code: 'kmg-open-jaringan-papua',
      programme: current,
      provider: 'pt-intech',
      skillArea: 'it',
      title: 'Instalasi Jaringan dan Keamanan Siber Dasar',
      description:
        'Praktik instalasi jaringan kabel dan nirkabel, konfigurasi router dan firewall, serta pengamanan dasar untuk laboratorium komputer sekolah.',
      learningOutcomes: [
        'Memasang dan mengonfigurasi jaringan lokal sekolah',
        'Mengamankan perangkat jaringan dengan konfigurasi dasar',
        'Mendiagnosis gangguan jaringan yang umum',
      ],
      competencyUnits: [],
      mode: 'OFFLINE',
      venueName: 'Balai Latihan Kerja Jayapura',
      address: 'Jl. Raya Abepura',
      city: 'Jayapura',
      province: '91',
      startDate: day(40),
      endDate: day(44),
      trainingHours: 40,
      seats: 16,
      applicationOpensAt: opensOn(now, -7, '91'),
      applicationClosesAt: closesOn(now, 28, '91'),
      status: 'OPEN',
      whatToBring: 'Laptop, kabel LAN, tang krimping bila punya, KTP, dan surat tugas dari sekolah.',
      accommodationProvided: true,
      accommodationNote: 'Asrama BLK Jayapura, termasuk makan tiga kali sehari.',
      travelSupport: 'COVERED',
      travelSupportNote: 'Tiket pesawat pulang-pergi dipesankan panitia.',
      createdBy: 'manajer@kmg.demo',
    },
    {
      code: 'kmg-seleksi-mekatronika',
      programme: current,
      provider: 'robotika-nusantara',
      skillArea: 'robotics',
      title: 'Pemrograman Robot Industri dan Mekatronika',
      description:
        'Pemrograman lengan robot industri, integrasi sensor dan konveyor, serta perancangan sel kerja sederhana untuk bengkel mekatronika SMK.',
      learningOutcomes: [
        'Memprogram lengan robot industri untuk tugas ambil-letak',
        'Mengintegrasikan sensor dan konveyor dengan pengendali robot',
        'Merancang sel kerja robot yang aman untuk praktik siswa',
      ],
      competencyUnits: [],
      mode: 'OFFLINE',
      venueName: 'Pusat Pelatihan Robotika Nusantara',
      address: 'Kawasan Industri Batamindo',
      city: 'Batam',
      province: '21',
      startDate: day(24),
      endDate: day(28),
      trainingHours: 40,
      seats: 3,
      applicationOpensAt: opensOn(now, -30, '21'),
      applicationClosesAt: closesOn(now, -2, '21'),
      status: 'OPEN',
      whatToBring: 'Laptop, sepatu keselamatan, KTP, dan surat tugas dari sekolah.',
      accommodationProvided: true,
      accommodationNote: 'Hotel mitra di Batam Centre, kamar berdua.',
      travelSupport: 'REIMBURSED_UP_TO',
      travelSupportMaxRupiah: 2_500_000,
      createdBy: 'manajer@kmg.demo',
      selection: {
        mode: 'REVIEWED',
        requiresEndorsement: true,
        rules: schemeRules,
        reviewers: ['penilai@kmg.demo', 'penilai2@kmg.demo'],
        maxPerSchool: 2,
        minScore: 50,
        rubric: describedRubric,
      },
    },
    {
      // Selection done, seats confirmed: what a teacher travelling from Semarang to Batam reads.
      code: 'kmg-batam-pneumatik',
      programme: current,
      provider: 'robotika-nusantara',
      skillArea: 'automation',
      title: 'Perawatan Sistem Pneumatik dan Hidrolik Industri',
      description:
        'Perawatan dan pencarian gangguan sistem pneumatik dan hidrolik di lini produksi: membaca diagram, mengganti komponen, dan menyusun jadwal perawatan untuk bengkel SMK.',
      learningOutcomes: [
        'Membaca diagram rangkaian pneumatik dan hidrolik',
        'Mencari dan memperbaiki gangguan pada rangkaian pneumatik',
      ],
      competencyUnits: [],
      mode: 'OFFLINE',
      venueName: 'Pusat Pelatihan Robotika Nusantara',
      address: 'Kawasan Industri Batamindo, Jl. Rasamala No. 1, Mukakuning',
      city: 'Batam',
      province: '21',
      startDate: day(16),
      endDate: day(20),
      trainingHours: 40,
      seats: 20,
      applicationOpensAt: opensOn(now, -40, '21'),
      applicationClosesAt: closesOn(now, -12, '21'),
      status: 'CLOSED',
      whatToBring:
        'Laptop, sepatu keselamatan, pakaian kerja, KTP, dan surat tugas dari sekolah. Modul dan alat praktik disediakan.',
      accommodationProvided: true,
      accommodationNote:
        'Hotel mitra di Batam Centre (kamar berdua), 5 malam, termasuk sarapan dan makan siang.',
      travelSupport: 'REIMBURSED_UP_TO',
      travelSupportMaxRupiah: 2_500_000,
      travelSupportNote: 'Pesawat atau kapal kelas ekonomi dari kota asal ke Batam, diganti sesuai kuitansi.',
      createdBy: 'manajer@kmg.demo',
      selection: {
        mode: 'REVIEWED',
        requiresEndorsement: true,
        rules: schemeRules,
        reviewers: ['penilai@kmg.demo'],
      },
    },
    {
      code: 'kmg-draft-k3-bengkel',
      programme: current,
      provider: 'inlastek',
      skillArea: 'k3',
      title: 'Keselamatan dan Kesehatan Kerja di Bengkel Pengelasan',
      description:
        'Penerapan K3 di bengkel praktik pengelasan: identifikasi bahaya, alat pelindung diri, pencegahan kebakaran dan prosedur darurat.',
      learningOutcomes: ['Menyusun identifikasi bahaya dan pengendalian risiko bengkel las'],
      competencyUnits: [],
      mode: 'OFFLINE',
      venueName: 'Inlastek Welding Institute',
      address: 'Jl. Joko Tingkir No. 5, Pajang, Laweyan',
      city: 'Surakarta',
      province: '33',
      startDate: day(60),
      endDate: day(62),
      trainingHours: 24,
      seats: 20,
      applicationOpensAt: opensOn(now, 7, '33'),
      applicationClosesAt: closesOn(now, 40, '33'),
      status: 'DRAFT',
      createdBy: 'manajer@kmg.demo',
    },
  ];
}

export type ApplicationSeed = {
  call: string;
  teacher: string;
  motivation: string;
  /** Endorsed by the principal (else waiting for endorsement). */
  endorsed?: boolean;
  /** Scores by reviewer email, criterion key -> score (the default rubric). */
  reviews?: Record<string, Record<string, number>>;
};

export const motivation = (topic: string) =>
  `Saya mengajar ${topic} dan ingin membawa praktik industri terbaru ke bengkel sekolah kami. ` +
  'Setelah pelatihan saya akan mengimbaskan materi kepada rekan guru dan menyusun job sheet baru untuk siswa kelas XI dan XII.';

export const applications: ApplicationSeed[] = [
  {
    call: 'kmg-open-robot-las-lanjut',
    teacher: 'eko.prasetyo@kmg.demo',
    motivation: motivation('teknik pengelasan'),
  },
  {
    call: 'kmg-open-robot-las-lanjut',
    teacher: 'yohanes.tanaem@kmg.demo',
    motivation: motivation('teknik pengelasan'),
  },
  { call: 'kmg-open-plc-hmi', teacher: 'budi.setiawan@kmg.demo', motivation: motivation('otomasi industri') },
  { call: 'kmg-open-plc-hmi', teacher: 'dewi.lestari@kmg.demo', motivation: motivation('mekatronika') },
  { call: 'kmg-open-plc-hmi', teacher: 'rudi.hermawan@kmg.demo', motivation: motivation('otomasi industri') },
  {
    call: 'kmg-open-gim-edukasi',
    teacher: 'fitri.handayani@kmg.demo',
    motivation: motivation('desain komunikasi visual'),
  },
  {
    call: 'kmg-open-gim-edukasi',
    teacher: 'andi.rahman@kmg.demo',
    motivation: motivation('rekayasa perangkat lunak'),
  },
  {
    call: 'kmg-open-jaringan-papua',
    teacher: 'maria.lende@kmg.demo',
    motivation: motivation('teknik komputer dan jaringan'),
  },
  ...(
    [
      ['budi.setiawan', 'teknik otomasi industri', [5, 5, 4], [4, 5, 4]],
      ['dewi.lestari', 'mekatronika', [4, 4, 5], [5, 4, 4]],
      ['rudi.hermawan', 'teknik otomasi industri', [4, 3, 3], [2, 3, 3]],
      ['eko.prasetyo', 'teknik pengelasan', [3, 4, 4], [4, 3, 4]],
      ['andi.rahman', 'rekayasa perangkat lunak', [2, 2, 3], [2, 1, 2]],
      ['yohanes.tanaem', 'teknik pengelasan', [5, 3, 2], [1, 2, 2]],
    ] as const
  ).map(
    ([handle, topic, first, second]): ApplicationSeed => ({
      call: 'kmg-seleksi-mekatronika',
      teacher: `${handle}@kmg.demo`,
      motivation: motivation(topic),
      endorsed: true,
      reviews: {
        'penilai@kmg.demo': { motivation: first[0], relevance: first[1], experience: first[2] },
        'penilai2@kmg.demo': { motivation: second[0], relevance: second[1], experience: second[2] },
      },
    }),
  ),
];

export type DeliverySeed = {
  call: string;
  /** APPROVED: results recorded and approved, credentials queued. RECORDING: nothing recorded yet. */
  stage: 'APPROVED' | 'RECORDING';
  assessedBy: string;
  assessmentKind: 'TRAINING' | 'COMPETENCY';
  achievement: {
    achievementType: 'CertificateOfCompletion' | 'MicroCredential' | 'Certification';
    nameId: string;
    nameEn: string;
    descriptionId: string;
    descriptionEn: string;
    criteriaId: string;
    criteriaEn: string;
    kkniLevel: number;
    sksHundredths: number;
    validityMonths: number | null;
    assessmentMethod: string;
    qualityAssurance: string;
  };
  /** Participants and how many training days each missed. */
  participants: { teacher: string; absentDays: number }[];
};

/** The 2025 trainings as delivered: attendance, Kompeten on every unit, results approved. */
export const deliveries: DeliverySeed[] = [
  {
    call: 'kmg25-robot-las',
    stage: 'APPROVED',
    assessedBy: 'penyelenggara@kmg.demo',
    assessmentKind: 'COMPETENCY',
    achievement: {
      achievementType: 'MicroCredential',
      nameId: 'Operator Robot Las Industri',
      nameEn: 'Industrial Welding Robot Operator',
      descriptionId:
        'Kredensial mikro bagi guru SMK yang mampu memprogram dan mengoperasikan robot las industri dengan aman, diberikan setelah pelatihan lima hari di pusat teknologi las.',
      descriptionEn:
        'Micro-credential for SMK teachers able to program and operate an industrial welding robot safely, awarded after a five-day training at a welding technology centre.',
      criteriaId: 'Hadir minimal 80% hari pelatihan dan dinyatakan Kompeten pada setiap unit SKKNI.',
      criteriaEn: 'Attend at least 80% of training days and be judged competent in every SKKNI unit.',
      kkniLevel: 4,
      sksHundredths: 100,
      validityMonths: 36,
      assessmentMethod:
        'Uji kompetensi per unit SKKNI (observasi praktik dan tanya jawab) oleh asesor penyelenggara',
      qualityAssurance:
        'Kurikulum ditelaah dan disetujui Direktorat SMK; penyelenggara dipilih melalui program KMG SMK',
    },
    participants: [
      { teacher: 'guru@kmg.demo', absentDays: 0 },
      { teacher: 'eko.prasetyo@kmg.demo', absentDays: 1 },
      { teacher: 'yohanes.tanaem@kmg.demo', absentDays: 0 },
      // Also in the CNC training now being assessed: its approval completes a pathway for him.
      { teacher: 'ketut.arsana@kmg.demo', absentDays: 0 },
      // The RPL demo's applicants (see rpl-demo-cases in @kmg/core).
      { teacher: 'bayu.saputra@kmg.demo', absentDays: 0 },
      { teacher: 'dewi.anggraini@kmg.demo', absentDays: 0 },
      { teacher: 'hendro.wibowo@kmg.demo', absentDays: 0 },
      { teacher: 'siti.rahmawati@kmg.demo', absentDays: 0 },
      { teacher: 'agung.pratama@kmg.demo', absentDays: 0 },
    ],
  },
  {
    call: 'kmg25-welding-inspector',
    stage: 'APPROVED',
    assessedBy: 'penyelenggara@kmg.demo',
    assessmentKind: 'COMPETENCY',
    achievement: {
      achievementType: 'MicroCredential',
      nameId: 'Inspektur Las Bengkel SMK',
      nameEn: 'School Workshop Welding Inspector',
      descriptionId:
        'Kredensial mikro bagi guru SMK yang mampu menerapkan standar pengelasan dan memeriksa hasil las secara visual, diberikan setelah pelatihan inspektur las di lembaga pengelasan.',
      descriptionEn:
        'Micro-credential for SMK teachers able to apply welding standards and inspect welds visually, awarded after a welding-inspector training at a welding institute.',
      criteriaId: 'Hadir minimal 80% hari pelatihan dan dinyatakan Kompeten pada setiap unit SKKNI.',
      criteriaEn: 'Attend at least 80% of training days and be judged competent in every SKKNI unit.',
      kkniLevel: 5,
      sksHundredths: 200,
      validityMonths: 36,
      assessmentMethod:
        'Uji kompetensi per unit SKKNI (uji tulis dan praktik inspeksi) oleh asesor penyelenggara',
      qualityAssurance:
        'Kurikulum ditelaah dan disetujui Direktorat SMK; penyelenggara dipilih melalui program KMG SMK',
    },
    // Yohanes also holds the welding-robot credential: the demo's teacher who completes a pathway.
    participants: [{ teacher: 'yohanes.tanaem@kmg.demo', absentDays: 0 }],
  },
  {
    // Upcoming: seats confirmed, nothing recorded yet.
    call: 'kmg-batam-pneumatik',
    stage: 'RECORDING',
    assessedBy: 'penyelenggara@kmg.demo',
    assessmentKind: 'TRAINING',
    achievement: {
      achievementType: 'CertificateOfCompletion',
      nameId: 'Perawatan Sistem Pneumatik dan Hidrolik Industri',
      nameEn: 'Industrial Pneumatic and Hydraulic Maintenance',
      descriptionId:
        'Sertifikat pelatihan bagi guru SMK yang menyelesaikan pelatihan perawatan sistem pneumatik dan hidrolik di pusat pelatihan industri.',
      descriptionEn:
        'Training certificate for SMK teachers who completed a pneumatic and hydraulic maintenance training at an industrial training centre.',
      criteriaId: 'Hadir minimal 80% hari pelatihan.',
      criteriaEn: 'Attend at least 80% of training days.',
      kkniLevel: 4,
      sksHundredths: 90,
      validityMonths: null,
      assessmentMethod: 'Kehadiran dan tugas praktik perawatan yang diperiksa instruktur',
      qualityAssurance:
        'Kurikulum ditelaah dan disetujui Direktorat SMK; penyelenggara dipilih melalui program KMG SMK',
    },
    participants: [{ teacher: 'hadi.purnomo@kmg.demo', absentDays: 0 }],
  },
  {
    call: 'kmg-cnc-berjalan',
    stage: 'RECORDING',
    assessedBy: 'penyelenggara@kmg.demo',
    assessmentKind: 'COMPETENCY',
    achievement: {
      achievementType: 'MicroCredential',
      nameId: 'Operator Mesin Bubut CNC',
      nameEn: 'CNC Lathe Operator',
      descriptionId:
        'Kredensial mikro bagi guru SMK yang mampu memprogram dan mengoperasikan mesin bubut CNC dengan aman, diberikan setelah pelatihan tatap muka di bengkel industri.',
      descriptionEn:
        'Micro-credential for SMK teachers able to program and operate a CNC lathe safely, awarded after hands-on training in an industrial workshop.',
      criteriaId: 'Hadir minimal 80% hari pelatihan dan dinyatakan Kompeten pada setiap unit SKKNI.',
      criteriaEn: 'Attend at least 80% of training days and be judged competent in every SKKNI unit.',
      kkniLevel: 3,
      sksHundredths: 100,
      validityMonths: null,
      assessmentMethod:
        'Uji kompetensi per unit SKKNI (observasi praktik dan benda kerja) oleh asesor penyelenggara',
      qualityAssurance:
        'Kurikulum ditelaah dan disetujui Direktorat SMK; penyelenggara dipilih melalui program KMG SMK',
    },
    participants: [
      { teacher: 'wahyu.nugroho@kmg.demo', absentDays: 0 },
      { teacher: 'fajar.ramadhan@kmg.demo', absentDays: 0 },
      { teacher: 'ketut.arsana@kmg.demo', absentDays: 0 },
      { teacher: 'lina.marlina@kmg.demo', absentDays: 0 },
    ],
  },
  {
    call: 'kmg-lokakarya-offset-cnc',
    stage: 'RECORDING',
    assessedBy: 'penyelenggara@kmg.demo',
    assessmentKind: 'TRAINING',
    achievement: {
      achievementType: 'CertificateOfCompletion',
      nameId: 'Lokakarya Offset Pahat Mesin Bubut CNC',
      nameEn: 'CNC Lathe Tool Offset Workshop',
      descriptionId:
        'Sertifikat keikutsertaan lokakarya satu hari tentang penyetelan offset pahat dan kompensasi radius pada mesin bubut CNC.',
      descriptionEn:
        'Certificate of attendance for a one-day workshop on tool offsets and nose-radius compensation on a CNC lathe.',
      criteriaId: 'Hadir pada hari lokakarya.',
      criteriaEn: 'Attend the workshop day.',
      kkniLevel: 3,
      sksHundredths: 18,
      validityMonths: null,
      assessmentMethod: 'Kehadiran dan praktik terbimbing',
      qualityAssurance:
        'Kurikulum ditelaah dan disetujui Direktorat SMK; penyelenggara dipilih melalui program KMG SMK',
    },
    participants: [
      { teacher: 'lina.marlina@kmg.demo', absentDays: 0 },
      { teacher: 'fajar.ramadhan@kmg.demo', absentDays: 0 },
    ],
  },
];

export type PathwaySeed = {
  code: string;
  issuer: string;
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  kkniLevel: number;
  achievementType: 'CertificateOfCompletion' | 'MicroCredential' | 'Certification';
  validityMonths: number | null;
  requirements: object;
  precedes: { before: string; after: string }[];
  recencyYears: number | null;
};

/**
 * Illustrative pathways (marked so in the data): the programme has not published any. One stacks
 * the two 2025 welding trainings; one has an ordered step and an "at least 2 of 3" group; the
 * third stacks the welding robot with the CNC training now being assessed (Ketut holds the first).
 */
export const pathways: PathwaySeed[] = [
  {
    code: 'JALUR-PENGELASAN-INDUSTRI',
    issuer: 'dit-smk',
    titleId: 'Teknologi Pengelasan Industri',
    titleEn: 'Industrial Welding Technology',
    descriptionId:
      'Jalur bagi guru SMK teknik pengelasan yang menguasai robot las industri sekaligus inspeksi hasil las: dua kredensial mikro yang bersama-sama menunjukkan kesiapan mengajar pengelasan modern.',
    descriptionEn:
      'A pathway for SMK welding teachers who master industrial welding robots and weld inspection: two micro-credentials that together show readiness to teach modern welding.',
    kkniLevel: 5,
    achievementType: 'MicroCredential',
    validityMonths: 36,
    requirements: {
      type: 'group',
      id: 'semua',
      rule: { kind: 'all' },
      children: [
        { type: 'item', id: 'robot-las', match: { kind: 'achievement', code: 'kmg25-robot-las' } },
        {
          type: 'item',
          id: 'inspektur-las',
          match: { kind: 'achievement', code: 'kmg25-welding-inspector' },
        },
      ],
    },
    precedes: [],
    recencyYears: 5,
  },
  {
    code: 'JALUR-OTOMASI-ROBOTIKA',
    issuer: 'dit-smk',
    titleId: 'Otomasi dan Robotika Industri',
    titleEn: 'Industrial Automation and Robotics',
    descriptionId:
      'Jalur bertahap: dasar robot las lebih dahulu, lalu dua dari tiga pelatihan lanjutan (robot las lanjut, PLC dan HMI, mesin bubut CNC).',
    descriptionEn:
      'A staged pathway: welding-robot basics first, then two of three advanced trainings (advanced welding robots, PLC and HMI, CNC lathe).',
    kkniLevel: 5,
    achievementType: 'MicroCredential',
    validityMonths: null,
    requirements: {
      type: 'group',
      id: 'semua',
      rule: { kind: 'all' },
      children: [
        { type: 'item', id: 'dasar-robot', match: { kind: 'achievement', code: 'kmg25-robot-las' } },
        {
          type: 'group',
          id: 'lanjutan',
          rule: { kind: 'atLeast', count: 2 },
          children: [
            {
              type: 'item',
              id: 'robot-lanjut',
              match: { kind: 'achievement', code: 'kmg-open-robot-las-lanjut' },
            },
            { type: 'item', id: 'plc-hmi', match: { kind: 'achievement', code: 'kmg-open-plc-hmi' } },
            { type: 'item', id: 'bubut-cnc', match: { kind: 'achievement', code: 'kmg-cnc-berjalan' } },
          ],
        },
      ],
    },
    precedes: [{ before: 'dasar-robot', after: 'robot-lanjut' }],
    recencyYears: null,
  },
  {
    code: 'JALUR-PEMESINAN-LAS',
    issuer: 'dit-smk',
    titleId: 'Pemesinan CNC dan Pengelasan Robotik',
    titleEn: 'CNC Machining and Robotic Welding',
    descriptionId:
      'Jalur bagi guru bengkel SMK yang mengajar pemesinan CNC sekaligus pengelasan dengan robot: dua kredensial mikro yang melengkapi praktik manufaktur modern.',
    descriptionEn:
      'A pathway for SMK workshop teachers who teach CNC machining and robotic welding: two micro-credentials that together cover modern manufacturing practice.',
    kkniLevel: 4,
    achievementType: 'MicroCredential',
    validityMonths: 36,
    requirements: {
      type: 'group',
      id: 'semua',
      rule: { kind: 'all' },
      children: [
        { type: 'item', id: 'robot-las', match: { kind: 'achievement', code: 'kmg25-robot-las' } },
        { type: 'item', id: 'bubut-cnc', match: { kind: 'achievement', code: 'kmg-cnc-berjalan' } },
      ],
    },
    precedes: [],
    recencyYears: 5,
  },
];

/**
 * Demo certificate branding: a drawn logo (colour and number of rays; see seed/images.ts) and an
 * invented signatory for the programme's parent organization and each provider. The positions
 * say "(contoh)": these people do not exist.
 */
export const brandings: Array<{
  organization: string;
  logo: { color: string; points: number };
  signatory?: { name: string; position: string; signatureSeed: number };
}> = [
  { organization: 'dit-smk', logo: { color: '#12355b', points: 5 } },
  {
    organization: 'pt-unggul-semesta',
    logo: { color: '#b45309', points: 10 },
    signatory: { name: 'Ir. Hadi Purnomo, M.T.', position: 'Direktur Pelatihan (contoh)', signatureSeed: 1 },
  },
  {
    organization: 'inlastek',
    logo: { color: '#0f766e', points: 6 },
    signatory: { name: 'Dra. Wulan Sasmita', position: 'Kepala Lembaga (contoh)', signatureSeed: 2 },
  },
  {
    organization: 'pt-intech',
    logo: { color: '#6d28d9', points: 8 },
    signatory: { name: 'Arief Nugraha, S.Kom.', position: 'Manajer Akademi (contoh)', signatureSeed: 3 },
  },
];
