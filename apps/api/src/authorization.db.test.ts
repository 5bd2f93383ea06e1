// Walks every mutation as every role: each role may use exactly the mutations the matrix grants,
// and every other call is refused before anything runs. A new mutation fails this test until it
// is given a row here.
import { schema } from '@kmg/graphql';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInput, demo, MOTIVATION, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let ids: Awaited<ReturnType<typeof seededIds>>;

type Role =
  | 'anonymous'
  | 'TEACHER'
  | 'PRINCIPAL'
  | 'PROVIDER_STAFF'
  | 'PROGRAM_MANAGER'
  | 'SELECTION_REVIEWER'
  | 'RPL_REVIEWER'
  | 'ADMIN';
const roles: Record<Role, string | null> = {
  anonymous: null,
  TEACHER: demo.teacher,
  PRINCIPAL: demo.principal,
  PROVIDER_STAFF: demo.provider,
  PROGRAM_MANAGER: demo.manager,
  SELECTION_REVIEWER: demo.selectionReviewer,
  RPL_REVIEWER: demo.reviewer,
  ADMIN: demo.admin,
};
const signedIn: Role[] = [
  'TEACHER',
  'PRINCIPAL',
  'PROVIDER_STAFF',
  'PROGRAM_MANAGER',
  'SELECTION_REVIEWER',
  'RPL_REVIEWER',
  'ADMIN',
];

type Case = { allowed: Role[]; document: string; variables: () => Promise<Record<string, unknown>> };

let counter = 0;
async function draftCall(): Promise<string> {
  const manager = await api.signIn(demo.manager);
  const { createTrainingCall } = await manager.data(
    `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) { ... on CreateTrainingCallSuccess { data { id } } } }`,
    { input: callInput(ids) },
  );
  return createTrainingCall.data.id;
}

const payload = '{ __typename }';
const matrix: Record<string, Case> = {
  registerTeacher: {
    allowed: ['anonymous'],
    document: `mutation ($input: TeacherRegistrationInput!) { registerTeacher(input: $input) ${payload} }`,
    variables: async () => {
      counter++;
      return {
        input: {
          name: 'Guru Baru',
          nuptk: String(9_000_000_000_000_000 + counter),
          npsn: '20328921',
          email: `guru.baru.${counter}@example.id`,
          password: 'kata-sandi-panjang',
          subject: 'Teknik Mesin',
          employmentStatus: 'HONORER',
          teachingSince: '2020-07-13',
          birthDate: '1990-02-02',
        },
      };
    },
  },
  setMyLocale: {
    allowed: signedIn,
    document: `mutation { setMyLocale(locale: id) { locale } }`,
    variables: async () => ({}),
  },
  createStaffAccount: {
    allowed: ['ADMIN'],
    document: `mutation ($input: StaffAccountInput!) { createStaffAccount(input: $input) ${payload} }`,
    variables: async () => {
      counter++;
      return {
        input: {
          name: 'Staf Baru',
          email: `staf.${counter}@example.id`,
          password: 'kata-sandi-panjang',
          roles: ['PROVIDER_STAFF'],
          organizationId: ids.unggul,
        },
      };
    },
  },
  createTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) ${payload} }`,
    variables: async () => ({ input: callInput(ids) }),
  },
  updateTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!, $input: TrainingCallInput!) { updateTrainingCall(id: $id, input: $input) ${payload} }`,
    variables: async () => ({ id: await draftCall(), input: callInput(ids) }),
  },
  publishTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { publishTrainingCall(id: $id) ${payload} }`,
    variables: async () => ({ id: await draftCall() }),
  },
  closeTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { closeTrainingCall(id: $id) ${payload} }`,
    variables: async () => ({ id: ids.plcCall }),
  },
  cancelTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!, $reason: String!) { cancelTrainingCall(id: $id, reason: $reason) ${payload} }`,
    variables: async () => ({ id: await draftCall(), reason: 'Dibatalkan untuk uji hak akses.' }),
  },
  applyToCall: {
    allowed: ['TEACHER'],
    document: `mutation ($callId: ID!, $motivation: String!) { applyToCall(callId: $callId, motivation: $motivation) ${payload} }`,
    variables: async () => ({ callId: ids.openCall, motivation: MOTIVATION }),
  },
  updateSelectionSettings: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!, $input: SelectionSettingsInput!) { updateSelectionSettings(callId: $callId, input: $input) ${payload} }`,
    variables: async () => ({
      callId: await draftCall(),
      input: {
        selectionMode: 'REVIEWED',
        requiresEndorsement: true,
        confirmationDays: 3,
        eligibilityRules: { minTeachingYears: 2 },
        rubric: [{ key: 'motivation', nameId: 'Motivasi', nameEn: 'Motivation', weight: 1, maxScore: 5 }],
      },
    }),
  },
  assignReviewers: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!, $reviewerIds: [ID!]!) { assignReviewers(callId: $callId, reviewerIds: $reviewerIds) ${payload} }`,
    variables: async () => ({ callId: await draftCall(), reviewerIds: [] }),
  },
  commitSelection: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { commitSelection(callId: $callId) ${payload} }`,
    variables: async () => ({ callId: await draftCall() }),
  },
  submitReview: {
    allowed: ['SELECTION_REVIEWER'],
    document: `mutation ($applicationId: ID!, $scores: [CriterionScoreInput!]!) { submitReview(applicationId: $applicationId, scores: $scores) ${payload} }`,
    variables: async () => ({
      applicationId: ids.selectionApplication,
      scores: [{ key: 'motivation', score: 4 }],
    }),
  },
  endorseApplication: {
    allowed: ['PRINCIPAL'],
    document: `mutation ($id: ID!) { endorseApplication(id: $id) ${payload} }`,
    variables: async () => ({ id: await someApplication() }),
  },
  declineEndorsement: {
    allowed: ['PRINCIPAL'],
    document: `mutation ($id: ID!, $note: String!) { declineEndorsement(id: $id, note: $note) ${payload} }`,
    variables: async () => ({
      id: await someApplication(),
      note: 'Belum memenuhi rencana pengembangan sekolah.',
    }),
  },
  confirmSeat: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { confirmSeat(id: $id) ${payload} }`,
    variables: async () => ({ id: await someApplication() }),
  },
  declineSeat: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { declineSeat(id: $id) ${payload} }`,
    variables: async () => ({ id: await someApplication() }),
  },
  updateMyProfile: {
    allowed: ['TEACHER'],
    document: `mutation ($input: TeacherProfileInput!) { updateMyProfile(input: $input) ${payload} }`,
    variables: async () => ({
      input: {
        name: 'Sri Wahyuni',
        subject: 'Teknik Pengelasan',
        employmentStatus: 'PNS',
        teachingSince: '2012-07-16',
        birthDate: '1987-03-21',
      },
    }),
  },
  recordAttendance: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!, $entries: [AttendanceInput!]!) { recordAttendance(callId: $callId, entries: $entries) ${payload} }`,
    variables: async () => ({ callId: ids.openCall, entries: [] }),
  },
  recordAssessment: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($applicationId: ID!, $unitId: ID!) { recordAssessment(applicationId: $applicationId, unitId: $unitId, input: { decision: KOMPETEN }) ${payload} }`,
    variables: async () => ({
      applicationId: await someApplication(),
      unitId: '00000000-0000-4000-8000-000000000000',
    }),
  },
  submitResults: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { submitResults(callId: $callId) ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  saveAchievement: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!, $input: AchievementInput!) { saveAchievement(callId: $callId, input: $input) ${payload} }`,
    variables: async () => ({ callId: ids.openCall, input: achievementInput }),
  },
  returnResults: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { returnResults(callId: $callId, reason: "Hari kedua belum dicatat.") ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  approveResults: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { approveResults(callId: $callId) ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  proposeAmendment: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($applicationId: ID!) { proposeAmendment(applicationId: $applicationId, input: { reason: "Koreksi kehadiran hari kedua." }) ${payload} }`,
    variables: async () => ({ applicationId: await someApplication() }),
  },
  decideAmendment: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { decideAmendment(id: $id, approve: false) ${payload} }`,
    variables: async () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  revokeCredential: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Dicabut untuk uji hak akses.") ${payload} }`,
    variables: async () => ({
      id: Buffer.from('Credential:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  suspendCredential: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { suspendCredential(id: $id, reason: "Ditangguhkan untuk uji hak akses.") ${payload} }`,
    variables: async () => ({
      id: Buffer.from('Credential:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  reinstateCredential: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { reinstateCredential(id: $id) ${payload} }`,
    variables: async () => ({
      id: Buffer.from('Credential:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  rotateIssuerKey: {
    allowed: ['ADMIN'],
    document: `mutation ($id: ID!) { rotateIssuerKey(organizationId: $id) ${payload} }`,
    variables: async () => ({ id: ids.unggul }),
  },
  retryFailedIssuance: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { retryFailedIssuance(callId: $id) ${payload} }`,
    variables: async () => ({ id: ids.openCall }),
  },
  markNotificationsRead: {
    allowed: signedIn,
    document: `mutation { markNotificationsRead }`,
    variables: async () => ({}),
  },
  withdrawApplication: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { withdrawApplication(id: $id) ${payload} }`,
    variables: async () => {
      const application = await api.database.prisma.application.findFirstOrThrow();
      return { id: Buffer.from(`Application:${application.id}`).toString('base64') };
    },
  },
};

const achievementInput = {
  achievementType: 'CertificateOfCompletion',
  nameId: 'Sertifikat Pelatihan Robot Las',
  nameEn: 'Welding Robot Training Certificate',
  descriptionId: 'Menyelesaikan pelatihan pemrograman robot las lanjutan.',
  descriptionEn: 'Completed the advanced welding-robot programming training.',
  criteriaId: 'Hadir minimal 80% hari pelatihan.',
  criteriaEn: 'Attended at least 80% of training days.',
  kkniLevel: 4,
  assessmentMethod: 'Kehadiran dan praktik',
  qualityAssurance: 'Program diawasi Direktorat SMK',
  assessmentKind: 'TRAINING',
  minAttendancePercent: 80,
};

async function someApplication(): Promise<string> {
  const application = await api.database.prisma.application.findFirstOrThrow({
    where: { status: 'SUBMITTED' },
  });
  return Buffer.from(`Application:${application.id}`).toString('base64');
}

const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  api = await startTestApi();
  ids = await seededIds(api);
  for (const [role, email] of Object.entries(roles) as [Role, string | null][]) {
    clients.set(role, email ? await api.signIn(email) : api.client());
  }
});
afterAll(() => api?.close());

describe('the authorization matrix', () => {
  it('has a row for every mutation in the schema', () => {
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(matrix).sort()).toEqual(mutations);
  });

  const cases = Object.entries(matrix).flatMap(([name, row]) =>
    (Object.keys(roles) as Role[]).map((role) => [name, role, row.allowed.includes(role)] as const),
  );

  it.each(cases)('%s as %s: allowed=%s', async (name, role, allowed) => {
    const row = matrix[name] as Case;
    const result = await (clients.get(role) as TestClient).gql(row.document, await row.variables());
    const code = result.errors?.[0]?.extensions?.code;
    if (allowed) {
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    } else {
      expect(code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(result.data?.[name as never] ?? null).toBeNull();
    }
  });
});

describe('record-level checks', () => {
  it('refuses a program manager whose organization does not run the programme', async () => {
    const university = await api.database.prisma.organization.findUniqueOrThrow({ where: { code: 'unnes' } });
    const user = await api.database.prisma.user.create({
      data: {
        name: 'Manajer Lain',
        email: 'manajer.lain@example.id',
        roles: ['PROGRAM_MANAGER'],
        organizationId: university.id,
      },
    });
    await api.database.prisma.account.create({
      data: {
        userId: user.id,
        accountId: user.id,
        providerId: 'credential',
        password: await hashPassword('kata-sandi-panjang'),
      },
    });
    const outsider = await api.signIn('manajer.lain@example.id', { password: 'kata-sandi-panjang' });
    const created = await outsider.data(
      `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) { __typename ... on Error { code } } }`,
      { input: callInput(ids) },
    );
    expect(created.createTrainingCall).toEqual({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
    const closed = await outsider.data(
      `mutation ($id: ID!) { closeTrainingCall(id: $id) { __typename ... on Error { code } } }`,
      {
        id: ids.openCall,
      },
    );
    expect(closed.closeTrainingCall).toEqual({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
    const draft = await outsider.data(`mutation ($id: ID!) { publishTrainingCall(id: $id) { __typename } }`, {
      id: ids.openCallInlastekDraft,
    });
    expect(draft.publishTrainingCall.__typename).toBe('NotFoundError');
  });
});

describe('reading draft calls', () => {
  // A draft is seen by those who run its programme or provider, and by admins; by nobody else.
  const sees: Record<Role, boolean> = {
    anonymous: false,
    TEACHER: false,
    PRINCIPAL: false,
    PROVIDER_STAFF: false, // the draft is Inlastek's; this provider staff works for another provider
    PROGRAM_MANAGER: true,
    SELECTION_REVIEWER: false,
    RPL_REVIEWER: false,
    ADMIN: true,
  };

  it.each(Object.entries(sees) as [Role, boolean][])('as %s: sees the draft=%s', async (role, allowed) => {
    const client = clients.get(role) as TestClient;
    const one = await client.data(`query ($id: ID!) { trainingCall(id: $id) { id status } }`, {
      id: ids.openCallInlastekDraft,
    });
    expect(one.trainingCall?.id ?? null).toBe(allowed ? ids.openCallInlastekDraft : null);
    const list = await client.data(
      `query { trainingCalls(first: 100, filter: { statuses: [DRAFT] }) { totalCount edges { node { id } } } }`,
    );
    const listed = list.trainingCalls.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(listed.includes(ids.openCallInlastekDraft)).toBe(allowed);
    if (!allowed && role !== 'PROVIDER_STAFF') expect(list.trainingCalls.totalCount).toBe(0);
  });

  it('lets an admin see every call, draft or published', async () => {
    const admin = clients.get('ADMIN') as TestClient;
    const total = await api.database.prisma.trainingCall.count();
    const list = await admin.data(`query { trainingCalls(first: 1) { totalCount } }`);
    expect(list.trainingCalls.totalCount).toBe(total);
  });
});
