// A database as the platform left it just before the reshape migration (the schema of
// 20261202055022_first_come_queue): a completed 2025 competency training whose credentials are
// signed for real (one revoked and reissued, one suspended, the first ones under a key since
// retired), a console-made call with a template but no credential yet, a draft call, a 2026 call
// with a waitlist and a rejection, the audit trail and the notices. SKKNI unit titles differ
// between calls on purpose. Rows are in an order that satisfies the foreign keys.
import {
  buildOpenBadgeCredential,
  buildStatusEntry,
  createDocumentLoader,
  createStatusList,
  generateIssuerKey,
  issuerDid,
  type KeyEncryptionKey,
  type OpenBadgeInput,
  type StoredIssuerKey,
  signCredential,
  statusListCredentialUrl,
  unlockIssuerKey,
} from '@kmg/credentials';
import { weldingRobotAchievement, weldingRobotCredentialInput } from '@kmg/credentials/fixtures';

export type Row = Record<string, string | number | boolean | null | string[] | { json: unknown }>;

/** A jsonb value (written as JSON text). */
const json = (value: unknown) => ({ json: value });

/** Stable, readable ids: `id(31)` is 00000000-0000-4000-8000-000000000031. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ids = {
  ditSmk: id(1),
  unggul: id(2),
  presisi: id(3),
  school: id(4),
  lpdp: id(5),
  teacherA: id(11),
  teacherB: id(12),
  staff: id(13),
  manager: id(14),
  principal: id(15),
  welding: id(21),
  programme2025: id(22),
  programme2026: id(23),
  /** The 2025 robot welding training: completed, credentials issued. */
  callA: id(31),
  /** Made in the console (no code): a template saved, no credential yet. */
  callB: id(32),
  /** A draft with its own wording of a shared unit. */
  callC: id(33),
  /** A 2026 call open for applications. */
  callD: id(34),
  applicationA1: id(51),
  applicationA2: id(52),
  applicationB1: id(53),
  applicationD1: id(54),
  applicationD2: id(55),
  achievementA: id(91),
  achievementB: id(92),
  revocationList: id(101),
  suspensionList: id(102),
  /** Teacher A's first credential: revoked by an amendment. */
  credentialA1r1: '6a1f0c5e-2b7d-4c1a-9e3f-0d5b8a7c6e01',
  /** Teacher A's corrected credential. */
  credentialA1r2: '6a1f0c5e-2b7d-4c1a-9e3f-0d5b8a7c6e02',
  /** Teacher B's credential: suspended. */
  credentialA2r1: '6a1f0c5e-2b7d-4c1a-9e3f-0d5b8a7c6e03',
} as const;

export const unitCodes = {
  /** In calls A, C (a draft, newer) and D (published, newest non-draft). */
  arcRobot: 'C.282000.011.01',
  /** In call A only. */
  teachPendant: 'C.282000.012.01',
  /** In call D only. */
  offline: 'C.282000.013.01',
  /** In call B only. */
  cncProgram: 'C.282000.021.01',
  /** In draft call C only. */
  plc: 'C.282000.031.01',
} as const;

export const outcomesOf = {
  callA: [
    'Mengoperasikan sel robot las busur sesuai prosedur keselamatan',
    'Memprogram lintasan las sederhana dengan teach pendant',
    'Mengatur parameter arus, tegangan dan kecepatan las untuk sambungan dasar',
  ],
  callB: ['Memprogram benda kerja bubut dengan kode G', 'Mengoperasikan mesin bubut CNC dengan aman'],
  callC: ['Merangkai panel PLC sederhana'],
  callD: ['Menyusun program robot las secara offline', 'Mensimulasikan lintasan las sebelum produksi'],
} as const;

export const slug = 'pt-unggul-semesta';

const at = (iso: string) => iso;
const stamp = at('2025-10-01T00:00:00.000Z');

export type PreReshapeCredential = {
  id: string;
  applicationId: string;
  teacherId: string;
  revision: number;
  /** What the platform's verifier says of it, before and after. */
  status: 'active' | 'revoked' | 'suspended';
};

export type PreReshapeFixture = {
  tables: [table: string, rows: Row[]][];
  credentials: PreReshapeCredential[];
  /** When the checks run: inside every credential's validity window. */
  now: Date;
};

const organizationRows: Row[] = [
  { id: ids.ditSmk, code: 'dit-smk', kind: 'MINISTRY', name: 'Direktorat Sekolah Menengah Kejuruan' },
  { id: ids.lpdp, code: 'lpdp', kind: 'FUNDER', name: 'Lembaga Pengelola Dana Pendidikan' },
  {
    id: ids.unggul,
    code: slug,
    kind: 'PROVIDER',
    name: 'PT Unggul Semesta',
    city: 'Cikarang, Bekasi',
    address: 'Jl. Akasia 2 Blok AE 3-5-6, Kawasan Industri Delta Silicon 1',
  },
  { id: ids.presisi, code: 'lpk-presisi-cnc', kind: 'PROVIDER', name: 'LPK Presisi CNC', city: 'Bekasi' },
  { id: ids.school, code: 'npsn-20200001', kind: 'SCHOOL', name: 'SMK Negeri 1 Cikarang', npsn: '20200001' },
];
const organizations: Row[] = organizationRows.map((row) => ({ ...row, updated_at: stamp }));

const people: { id: string; name: string; email: string; roles: string[]; organization: string }[] = [
  {
    id: ids.teacherA,
    name: 'Siti Rahmawati',
    email: 'siti@sekolah.test',
    roles: ['TEACHER'],
    organization: ids.school,
  },
  {
    id: ids.teacherB,
    name: 'Budi Santoso',
    email: 'budi@sekolah.test',
    roles: ['TEACHER'],
    organization: ids.school,
  },
  {
    id: ids.staff,
    name: 'Andi Asesor',
    email: 'andi@unggul.test',
    roles: ['PROVIDER_STAFF'],
    organization: ids.unggul,
  },
  {
    id: ids.manager,
    name: 'Rina Manajer',
    email: 'rina@ditsmk.test',
    roles: ['PROGRAM_MANAGER'],
    organization: ids.ditSmk,
  },
  {
    id: ids.principal,
    name: 'Hadi Kepala',
    email: 'hadi@sekolah.test',
    roles: ['PRINCIPAL'],
    organization: ids.school,
  },
];

const users: Row[] = people.map((person) => ({
  id: person.id,
  name: person.name,
  email: person.email,
  roles: person.roles,
  organization_id: person.organization,
  updated_at: stamp,
}));

const teacherProfiles: Row[] = [
  {
    user_id: ids.teacherA,
    nuptk: '3275014506870002',
    teaching_since: '2012-07-01',
    birth_date: '1987-06-05',
  },
  {
    user_id: ids.teacherB,
    nuptk: '3275010101880003',
    teaching_since: '2014-07-01',
    birth_date: '1988-01-01',
  },
].map((row) => ({ ...row, school_id: ids.school, subject: 'Teknik Pengelasan', employment_status: 'PNS' }));

const call = (row: Row): Row => ({
  programme_id: ids.programme2026,
  provider_id: ids.unggul,
  skill_area_id: ids.welding,
  description: 'Pelatihan bagi guru SMK bersama industri, dengan praktik di bengkel.',
  mode: 'OFFLINE',
  city: 'Cikarang, Bekasi',
  province: '32',
  training_hours: 40,
  seats: 20,
  application_opens_at: '2026-06-01T00:00:00.000Z',
  application_closes_at: '2026-06-30T16:59:00.000Z',
  updated_at: stamp,
  ...row,
});

const trainingCalls: Row[] = [
  call({
    id: ids.callA,
    code: 'kmg25-robot-las',
    programme_id: ids.programme2025,
    title: 'Pelatihan Pengoperasian Robot Las Industri',
    learning_outcomes: [...outcomesOf.callA],
    start_date: '2025-11-03',
    end_date: '2025-11-07',
    application_opens_at: '2025-09-01T00:00:00.000Z',
    application_closes_at: '2025-09-30T16:59:00.000Z',
    status: 'COMPLETED',
    published_at: '2025-09-01T00:00:00.000Z',
    assessment_kind: 'COMPETENCY',
    results_status: 'APPROVED',
    results_submitted_at: '2025-11-10T03:00:00.000Z',
    results_approved_at: '2025-11-14T03:00:00.000Z',
  }),
  call({
    id: ids.callB,
    code: null,
    provider_id: ids.presisi,
    title: 'Pemrograman dan Pengoperasian Mesin Bubut CNC',
    learning_outcomes: [...outcomesOf.callB],
    start_date: '2026-03-02',
    end_date: '2026-03-06',
    application_opens_at: '2026-01-05T00:00:00.000Z',
    application_closes_at: '2026-01-31T16:59:00.000Z',
    status: 'IN_TRAINING',
    published_at: '2026-01-05T00:00:00.000Z',
    assessment_kind: 'COMPETENCY',
  }),
  call({
    id: ids.callC,
    code: 'kmg26-draf-plc',
    title: 'Otomasi Industri dengan PLC',
    learning_outcomes: [...outcomesOf.callC],
    start_date: '2026-10-05',
    end_date: '2026-10-09',
    application_opens_at: '2026-08-01T00:00:00.000Z',
    application_closes_at: '2026-08-31T16:59:00.000Z',
  }),
  call({
    id: ids.callD,
    code: 'kmg26-robot-las-lanjut',
    title: 'Pemrograman Robot Las Lanjutan',
    learning_outcomes: [...outcomesOf.callD],
    start_date: '2026-08-03',
    end_date: '2026-08-07',
    status: 'OPEN',
    published_at: '2026-06-01T00:00:00.000Z',
    min_score: 6000,
  }),
];

const competencyUnits: Row[] = [
  {
    id: id(41),
    call_id: ids.callA,
    code: unitCodes.arcRobot,
    title: 'Mengoperasikan Robot Las Busur Listrik',
    position: 0,
  },
  {
    id: id(42),
    call_id: ids.callA,
    code: unitCodes.teachPendant,
    title: 'Memprogram Robot Las dengan Teach Pendant',
    position: 1,
  },
  {
    id: id(43),
    call_id: ids.callB,
    code: unitCodes.cncProgram,
    title: 'Memprogram Mesin Bubut CNC',
    position: 0,
  },
  { id: id(44), call_id: ids.callC, code: unitCodes.arcRobot, title: 'Robot Las Busur (draf)', position: 0 },
  { id: id(45), call_id: ids.callC, code: unitCodes.plc, title: 'Memprogram PLC', position: 1 },
  {
    id: id(46),
    call_id: ids.callD,
    code: unitCodes.arcRobot,
    title: 'Mengoperasikan Robot Las Busur Listrik (Lanjut)',
    position: 0,
  },
  {
    id: id(47),
    call_id: ids.callD,
    code: unitCodes.offline,
    title: 'Menyusun Program Robot Las Secara Offline',
    position: 1,
  },
];

/** The title the public unit page showed for each code: the newest published call's. */
export const expectedUnitTitles: Record<string, string> = {
  [unitCodes.arcRobot]: 'Mengoperasikan Robot Las Busur Listrik (Lanjut)',
  [unitCodes.teachPendant]: 'Memprogram Robot Las dengan Teach Pendant',
  [unitCodes.offline]: 'Menyusun Program Robot Las Secara Offline',
  [unitCodes.cncProgram]: 'Memprogram Mesin Bubut CNC',
  [unitCodes.plc]: 'Memprogram PLC',
};

const application = (row: Row): Row => ({
  school_id: ids.school,
  motivation: 'Saya ingin mengimbaskan praktik industri kepada siswa dan rekan guru di sekolah.',
  submitted_at: '2025-09-05T02:00:00.000Z',
  updated_at: stamp,
  ...row,
});

const applications: Row[] = [
  application({
    id: ids.applicationA1,
    call_id: ids.callA,
    teacher_id: ids.teacherA,
    status: 'CONFIRMED',
    endorsed_at: '2025-09-06T02:00:00.000Z',
    endorsed_by_id: ids.principal,
  }),
  application({
    id: ids.applicationA2,
    call_id: ids.callA,
    teacher_id: ids.teacherB,
    status: 'CONFIRMED',
    endorsed_at: '2025-09-06T02:00:00.000Z',
    endorsed_by_id: ids.principal,
  }),
  application({ id: ids.applicationB1, call_id: ids.callB, teacher_id: ids.teacherB, status: 'CONFIRMED' }),
  application({
    id: ids.applicationD1,
    call_id: ids.callD,
    teacher_id: ids.teacherA,
    status: 'WAITLISTED',
    rank: 21,
    score: 7200,
    outcome_reason: 'SEATS_FULL',
  }),
  application({
    id: ids.applicationD2,
    call_id: ids.callD,
    teacher_id: ids.teacherB,
    status: 'REJECTED',
    score: 4000,
    outcome_reason: 'BELOW_MIN_SCORE',
  }),
];

const dayIds = [id(61), id(62), id(63), id(64), id(65)];
const trainingDays: Row[] = dayIds.map((dayId, index) => ({
  id: dayId,
  call_id: ids.callA,
  date: `2025-11-0${index + 3}`,
}));

const participantsOfA = [ids.applicationA1, ids.applicationA2];
const attendance: Row[] = participantsOfA.flatMap((applicationId) =>
  dayIds.map((dayId) => ({
    application_id: applicationId,
    day_id: dayId,
    present: true,
    recorded_by_id: ids.staff,
  })),
);

const unitAssessments: Row[] = [
  { id: id(71), application_id: ids.applicationA1, unit_id: id(41) },
  { id: id(72), application_id: ids.applicationA1, unit_id: id(42) },
  { id: id(73), application_id: ids.applicationA2, unit_id: id(41) },
  { id: id(74), application_id: ids.applicationA2, unit_id: id(42) },
].map((row) => ({
  ...row,
  decision: 'KOMPETEN',
  assessor_id: ids.staff,
  notes: 'Kompeten pada observasi praktik.',
}));

const evidence: Row[] = [
  {
    id: id(81),
    assessment_id: id(71),
    kind: 'LINK',
    name: 'Rekaman uji praktik',
    url: 'https://video.example.id/uji-praktik-siti',
    uploaded_by_id: ids.staff,
  },
];

const resultAmendments: Row[] = [
  {
    id: id(85),
    application_id: ids.applicationA1,
    change: json({ attendance: [{ dayId: dayIds[0], present: true }], decisions: [] }),
    reason: 'Kehadiran hari pertama salah catat',
    status: 'APPROVED',
    proposed_by_id: ids.staff,
    decided_by_id: ids.manager,
    decided_at: '2026-01-20T03:00:00.000Z',
  },
];

const achievementA = {
  achievement_type: 'MicroCredential',
  name_id: 'Operator Robot Las Industri',
  name_en: 'Industrial Welding Robot Operator',
  description_id:
    'Kredensial mikro bagi guru SMK yang mampu memprogram dan mengoperasikan robot las industri.',
  description_en:
    'Micro-credential for SMK teachers able to program and operate an industrial welding robot.',
  criteria_id: 'Hadir minimal 80% dan dinyatakan Kompeten pada setiap unit SKKNI.',
  criteria_en: 'Attend at least 80% and be judged competent in every SKKNI unit.',
  kkni_level: 4,
  sks_hundredths: 100,
  validity_months: 36,
  assessment_method: 'Uji kompetensi per unit SKKNI oleh asesor penyelenggara',
  quality_assurance: 'Kurikulum ditelaah dan disetujui Direktorat SMK',
};

const achievements: Row[] = [
  { id: ids.achievementA, call_id: ids.callA, ...achievementA, updated_at: stamp },
  {
    id: ids.achievementB,
    call_id: ids.callB,
    ...achievementA,
    name_id: 'Operator Mesin Bubut CNC',
    name_en: 'CNC Lathe Operator',
    kkni_level: 3,
    validity_months: null,
    updated_at: stamp,
  },
];

/** Builds the fixture: issuer keys sealed under `kek`, credentials signed for `publicUrl`. */
export async function buildPreReshapeFixture({
  publicUrl,
  kek,
}: {
  publicUrl: string;
  kek: KeyEncryptionKey;
}): Promise<PreReshapeFixture> {
  const issuerId = issuerDid({ publicBaseUrl: publicUrl, slug });
  const retiredKey = await generateIssuerKey({ kek, keyId: 'key-2025' });
  const currentKey = await generateIssuerKey({ kek, keyId: 'key-2026' });
  const documentLoader = createDocumentLoader({
    resolveDid: async () => null,
    resolveStatusListCredential: async () => null,
  });

  const issued = [
    {
      id: ids.credentialA1r1,
      applicationId: ids.applicationA1,
      teacherId: ids.teacherA,
      learner: { name: 'Siti Rahmawati', nuptk: '3275014506870002' },
      revision: 1,
      key: retiredKey,
      signedAt: '2025-11-14T03:05:00.000Z',
      statusIndex: 1234,
      status: 'revoked' as const,
      revoked: {
        revoked_at: '2026-01-20T03:00:00.000Z',
        revocation_reason: 'Diubah: Kehadiran hari pertama salah catat',
      },
    },
    {
      id: ids.credentialA1r2,
      applicationId: ids.applicationA1,
      teacherId: ids.teacherA,
      learner: { name: 'Siti Rahmawati', nuptk: '3275014506870002' },
      revision: 2,
      key: currentKey,
      signedAt: '2026-01-20T03:05:00.000Z',
      statusIndex: 4321,
      status: 'active' as const,
    },
    {
      id: ids.credentialA2r1,
      applicationId: ids.applicationA2,
      teacherId: ids.teacherB,
      learner: { name: 'Budi Santoso', nuptk: '3275010101880003' },
      revision: 1,
      key: retiredKey,
      signedAt: '2025-11-14T03:06:00.000Z',
      statusIndex: 777,
      status: 'suspended' as const,
      suspended: { suspended_at: '2026-02-01T03:00:00.000Z', suspension_reason: 'Sedang ditinjau ulang' },
    },
  ];

  const credentials: Row[] = [];
  for (const credential of issued) {
    const validUntil = new Date(credential.signedAt);
    validUntil.setUTCMonth(validUntil.getUTCMonth() + 36);
    const input = trainingBadge({
      publicUrl,
      issuerId,
      credentialId: credential.id,
      learner: { ...credential.learner, salt: `salt-${credential.id.slice(-2)}-0123456789abcdef` },
      validFrom: credential.signedAt,
      validUntil: validUntil.toISOString(),
      credentialStatus: buildStatusEntry({
        statusListCredential: statusListCredentialUrl({
          publicBaseUrl: publicUrl,
          slug,
          listId: ids.revocationList,
        }),
        statusListIndex: credential.statusIndex,
        statusPurpose: 'revocation',
      }),
    });
    const document = await signCredential({
      credential: buildOpenBadgeCredential(input),
      key: await unlockIssuerKey({ issuerId, key: credential.key, kek }),
      documentLoader,
      now: new Date(credential.signedAt),
    });
    credentials.push({
      id: credential.id,
      application_id: credential.applicationId,
      achievement_id: ids.achievementA,
      teacher_id: credential.teacherId,
      issuer_id: ids.unggul,
      revision: credential.revision,
      document: json(document),
      source: json(input),
      valid_from: credential.signedAt,
      valid_until: validUntil.toISOString(),
      revocation_list_id: ids.revocationList,
      status_index: credential.statusIndex,
      created_at: credential.signedAt,
      ...credential.revoked,
      ...credential.suspended,
    });
  }

  const issuerKeys: Row[] = [
    { key: retiredKey, created_at: '2025-10-01T00:00:00.000Z', retired_at: '2026-01-15T00:00:00.000Z' },
    { key: currentKey, created_at: '2026-01-15T00:00:00.000Z', retired_at: null },
  ].map(({ key, ...times }, index) => ({
    id: id(95 + index),
    organization_id: ids.unggul,
    ...storedKey(key),
    ...times,
  }));

  const encodedList = await createStatusList({ length: 131_072 });
  const statusLists: Row[] = [
    { id: ids.revocationList, purpose: 'revocation' },
    { id: ids.suspensionList, purpose: 'suspension' },
  ].map((row) => ({
    ...row,
    organization_id: ids.unggul,
    size: 131_072,
    encoded_list: encodedList,
    updated_at: stamp,
  }));

  const auditEvents: Row[] = [
    {
      actor_id: ids.teacherA,
      action: 'application.submitted',
      call_id: ids.callA,
      application_id: ids.applicationA1,
      to_status: 'SUBMITTED',
    },
    { actor_id: ids.manager, action: 'call.created', call_id: ids.callC, to_status: 'DRAFT' },
    {
      actor_id: null,
      action: 'credential.issued',
      call_id: ids.callA,
      application_id: ids.applicationA1,
      details: json({ credentialId: ids.credentialA1r1, revision: 1, issuer: slug }),
    },
    {
      actor_id: ids.manager,
      action: 'credential.revoked',
      application_id: ids.applicationA1,
      reason: 'Diubah: Kehadiran hari pertama salah catat',
      details: json({ credentialId: ids.credentialA1r1 }),
    },
    {
      actor_id: ids.manager,
      action: 'issuer.key_rotated',
      details: json({ organization: slug, keyId: 'key-2026' }),
    },
  ];

  const notifications: Row[] = [
    {
      id: id(111),
      user_id: ids.teacherA,
      kind: 'CREDENTIAL_ISSUED',
      params: json({ call: 'Pelatihan Pengoperasian Robot Las Industri', achievement: achievementA.name_id }),
      application_id: ids.applicationA1,
      call_id: ids.callA,
    },
    {
      id: id(112),
      user_id: ids.manager,
      kind: 'RESULTS_SUBMITTED',
      params: json({ call: 'Pelatihan Pengoperasian Robot Las Industri', passed: 2, participants: 2 }),
      call_id: ids.callA,
    },
  ];

  return {
    now: new Date('2026-06-15T00:00:00.000Z'),
    credentials: issued.map(({ id, applicationId, teacherId, revision, status }) => ({
      id,
      applicationId,
      teacherId,
      revision,
      status,
    })),
    tables: [
      ['organizations', organizations],
      ['users', users],
      ['teacher_profiles', teacherProfiles],
      ['skill_areas', [{ id: ids.welding, code: 'welding', name_id: 'Pengelasan', name_en: 'Welding' }]],
      [
        'programmes',
        [
          { id: ids.programme2025, code: 'kmg-smk-2025', name: 'KMG SMK 2025', year: 2025 },
          { id: ids.programme2026, code: 'kmg-smk-2026', name: 'KMG SMK 2026', year: 2026 },
        ].map((row) => ({ ...row, funder_id: ids.lpdp, owner_id: ids.ditSmk })),
      ],
      ['training_calls', trainingCalls],
      ['competency_units', competencyUnits],
      ['applications', applications],
      ['training_days', trainingDays],
      ['attendance', attendance],
      ['unit_assessments', unitAssessments],
      ['evidence', evidence],
      ['result_amendments', resultAmendments],
      ['achievements', achievements],
      ['issuer_keys', issuerKeys],
      ['status_lists', statusLists],
      ['credentials', credentials],
      [
        'credential_issuances',
        participantsOfA.map((applicationId) => ({
          application_id: applicationId,
          call_id: ids.callA,
          status: 'ISSUED',
          attempts: 1,
          updated_at: stamp,
        })),
      ],
      ['audit_events', auditEvents],
      ['notifications', notifications],
    ],
  };
}

function storedKey(key: StoredIssuerKey): Row {
  return {
    key_id: key.keyId,
    public_key_multibase: key.publicKeyMultibase,
    encrypted_secret: key.encryptedSecret,
  };
}

/** Teacher A's and B's credential of call A, as the platform built it then. */
function trainingBadge({
  publicUrl,
  issuerId,
  credentialId,
  learner,
  validFrom,
  validUntil,
  credentialStatus,
}: {
  publicUrl: string;
  issuerId: string;
  credentialId: string;
  learner: OpenBadgeInput['learner'];
  validFrom: string;
  validUntil: string;
  credentialStatus: OpenBadgeInput['credentialStatus'];
}): OpenBadgeInput {
  const text = (value: string, en?: string) => ({ id: value, en: en ?? value });
  return {
    ...weldingRobotCredentialInput,
    id: `urn:uuid:${credentialId}`,
    issuer: {
      id: issuerId,
      name: 'PT Unggul Semesta',
      url: `${publicUrl}/issuers/${slug}`,
      address: { addressLocality: 'Cikarang, Bekasi' },
      parentOrg: { id: `${publicUrl}/issuers/dit-smk`, name: 'Direktorat Sekolah Menengah Kejuruan' },
    },
    validFrom,
    validUntil,
    awardedDate: '2025-11-14T03:00:00.000Z',
    learner,
    activity: { startDate: '2025-11-03T01:00:00.000Z', endDate: '2025-11-07T16:59:59.000Z' },
    achievement: {
      ...weldingRobotAchievement,
      id: `${publicUrl}/achievements/${ids.achievementA}`,
      name: text(achievementA.name_id, achievementA.name_en),
      description: text(achievementA.description_id, achievementA.description_en),
      criteria: text(achievementA.criteria_id, achievementA.criteria_en),
      learningOutcomes: outcomesOf.callA.map((outcome) => text(outcome)),
      humanCode: 'kmg25-robot-las',
      image: { id: `${publicUrl}/achievements/${ids.achievementA}/image.svg`, caption: achievementA.name_id },
      kkni: { level: 4, url: `${publicUrl}/referensi/kkni/4` },
      skkniUnits: competencyUnits
        .filter((unit) => unit.call_id === ids.callA)
        .map((unit) => ({
          code: String(unit.code),
          title: String(unit.title),
          url: `${publicUrl}/referensi/skkni/${unit.code}`,
          result: 'K' as const,
        })),
    },
    evidence: [],
    credentialStatus,
  };
}
