// What a principal reads before endorsing (the teacher's earlier KMG trainings and credentials), and
// taking a decision back until the endorsement deadline, with every decision kept in the history.
import { endorsementDeadline } from '@kmg/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId, MOTIVATION, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let ids: Awaited<ReturnType<typeof seededIds>>;

beforeAll(async () => {
  api = await startTestApi();
  ids = await seededIds(api);
});
afterAll(() => api?.close());
afterEach(() => api.clock.reset());

const APPLY = `mutation ($callId: ID!, $motivation: String!) {
  applyToCall(callId: $callId, motivation: $motivation) {
    __typename ... on ApplyToCallSuccess { data { id status } } ... on Error { code message } } }`;
const ENDORSE = `mutation ($id: ID!, $note: String) { endorseApplication(id: $id, note: $note) {
  __typename ... on EndorseApplicationSuccess { data { status } } ... on Error { code message } } }`;
const DECLINE = `mutation ($id: ID!, $note: String!) { declineEndorsement(id: $id, note: $note) {
  __typename ... on DeclineEndorsementSuccess { data { status } } ... on Error { code message } } }`;
const UNDO = `mutation ($id: ID!) { undoEndorsementDecision(id: $id) {
  __typename
  ... on UndoEndorsementDecisionSuccess { data { status endorsedAt endorsementNote endorsedBy { name } submittedAt } }
  ... on Error { code message } } }`;
const RECORD = `query ($id: ID!) { application(id: $id) { id applicantRecord {
  trainings { callTitle providerName startDate endDate status outcomeExplanation }
  credentials { name issuedAt status } } } }`;
const DECISIONS = `query ($id: ID!) { application(id: $id) { endorsementHistory { action reason actor { name } } } }`;

/** Sri Wahyuni (guru@, SMK Negeri 10 Semarang) applies to the open welding-robot call. */
let teacher: TestClient;
let principal: TestClient;
let applicationId: string;

beforeAll(async () => {
  teacher = await api.signIn(demo.teacher);
  principal = await api.signIn(demo.principal);
  const { applyToCall } = await teacher.data(APPLY, { callId: ids.openCall, motivation: MOTIVATION });
  expect(applyToCall.data.status).toBe('SUBMITTED');
  applicationId = applyToCall.data.id;
});

describe("the applicant's record", () => {
  it("shows the teacher's principal her earlier trainings with their outcome, and her credentials", async () => {
    const { application } = await principal.data(RECORD, { id: applicationId });
    const { trainings, credentials } = application.applicantRecord;
    expect(trainings).toContainEqual({
      callTitle: 'Pelatihan Pengoperasian Robot Las Industri',
      providerName: 'PT Unggul Semesta',
      startDate: '2025-11-03',
      endDate: '2025-11-07',
      status: 'CONFIRMED',
      outcomeExplanation: null,
    });
    // Never the application being decided.
    expect(trainings.map((training: { callTitle: string }) => training.callTitle)).not.toContain(
      'Pemrograman Robot Las Lanjutan untuk Guru SMK',
    );
    expect(credentials).toContainEqual(
      expect.objectContaining({ name: 'Operator Robot Las Industri', status: 'ACTIVE' }),
    );
    const english = await api.signIn(demo.principal, { locale: 'en' });
    const inEnglish = (await english.data(RECORD, { id: applicationId })).application.applicantRecord;
    expect(inEnglish.credentials).toContainEqual(
      expect.objectContaining({ name: 'Industrial Welding Robot Operator', status: 'ACTIVE' }),
    );
  });

  it('is null for everyone else who sees the application, and on a call that needs no endorsement', async () => {
    for (const who of [demo.teacher, demo.manager, demo.provider, demo.admin]) {
      const client = await api.signIn(who);
      const { application } = await client.data(RECORD, { id: applicationId });
      expect(application, who).toMatchObject({ id: expect.any(String), applicantRecord: null });
    }
    // Another school's principal does not even see the application.
    const other = await api.signIn('kepsek.makassar@kmg.demo');
    expect((await other.gql(RECORD, { id: applicationId })).data?.application).toBeNull();

    const prisma = api.database.prisma;
    const where = { code: 'kmg-open-robot-las-lanjut' };
    await prisma.trainingCall.update({ where, data: { requiresEndorsement: false } });
    try {
      expect((await principal.data(RECORD, { id: applicationId })).application.applicantRecord).toBeNull();
    } finally {
      await prisma.trainingCall.update({ where, data: { requiresEndorsement: true } });
    }
  });
});

describe('undoing an endorsement decision', () => {
  it('refuses while there is no decision, and refuses another school’s principal', async () => {
    expect((await principal.data(UNDO, { id: applicationId })).undoEndorsementDecision).toEqual({
      __typename: 'InvalidStateError',
      code: 'NO_ENDORSEMENT_DECISION',
      message: 'Pendaftaran ini belum diberi keputusan rekomendasi, jadi tidak ada yang dibatalkan.',
    });
    expect(
      (await principal.data(ENDORSE, { id: applicationId, note: 'Layak.' })).endorseApplication.data,
    ).toEqual({ status: 'ENDORSED' });
    const other = await api.signIn('kepsek.makassar@kmg.demo', { locale: 'en' });
    expect((await other.data(UNDO, { id: applicationId })).undoEndorsementDecision).toMatchObject({
      __typename: 'NotAllowedError',
      code: 'NOT_YOUR_SCHOOL',
    });
    const stillEndorsed = await api.database.prisma.application.findFirstOrThrow({
      where: { teacher: { email: demo.teacher }, call: { code: 'kmg-open-robot-las-lanjut' } },
    });
    expect(stillEndorsed.status).toBe('ENDORSED');
  });

  it('takes back an endorsement and a refusal before the deadline, keeping each in the history', async () => {
    const before = await api.database.prisma.application.findFirstOrThrow({
      where: { teacher: { email: demo.teacher }, call: { code: 'kmg-open-robot-las-lanjut' } },
    });
    const undone = (await principal.data(UNDO, { id: applicationId })).undoEndorsementDecision;
    expect(undone.data).toEqual({
      status: 'SUBMITTED',
      endorsedAt: null,
      endorsementNote: null,
      endorsedBy: null,
      submittedAt: before.submittedAt.toISOString(),
    });
    await api.waitForEmail(demo.teacher, /Keputusan rekomendasi dibatalkan/);

    expect(
      (await principal.data(DECLINE, { id: applicationId, note: 'Jadwal mengajar semester ini penuh.' }))
        .declineEndorsement.data,
    ).toEqual({ status: 'NOT_ENDORSED' });
    expect((await principal.data(UNDO, { id: applicationId })).undoEndorsementDecision.data.status).toBe(
      'SUBMITTED',
    );
    expect((await principal.data(ENDORSE, { id: applicationId })).endorseApplication.data.status).toBe(
      'ENDORSED',
    );

    const expected = [
      { action: 'application.endorsed', reason: 'Layak.', actor: { name: 'Agus Santoso' } },
      { action: 'application.endorsement_undone', reason: 'Layak.', actor: { name: 'Agus Santoso' } },
      {
        action: 'application.not_endorsed',
        reason: 'Jadwal mengajar semester ini penuh.',
        actor: { name: 'Agus Santoso' },
      },
      {
        action: 'application.endorsement_undone',
        reason: 'Jadwal mengajar semester ini penuh.',
        actor: { name: 'Agus Santoso' },
      },
      { action: 'application.endorsed', reason: null, actor: { name: 'Agus Santoso' } },
    ];
    // The principal and the call's manager read the same decisions; the teacher does not.
    expect((await principal.data(DECISIONS, { id: applicationId })).application.endorsementHistory).toEqual(
      expected,
    );
    const manager = await api.signIn(demo.manager);
    expect((await manager.data(DECISIONS, { id: applicationId })).application.endorsementHistory).toEqual(
      expected,
    );
    const full = await manager.data(`query ($id: ID!) { application(id: $id) { history { action } } }`, {
      id: applicationId,
    });
    expect(full.application.history.map((event: { action: string }) => event.action)).toContain(
      'application.endorsement_undone',
    );
    const own = await teacher.gql(DECISIONS, { id: applicationId });
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const { notifications } = await teacher.data(
      `query { notifications(first: 10) { edges { node { title } } } }`,
    );
    expect(notifications.edges.map((edge: { node: { title: string } }) => edge.node.title)).toContain(
      'Keputusan rekomendasi dibatalkan',
    );
  });

  it('refuses after the endorsement deadline, saying until when it could be undone', async () => {
    const call = await api.database.prisma.trainingCall.findUniqueOrThrow({
      where: { code: 'kmg-open-robot-las-lanjut' },
    });
    api.clock.set(new Date(endorsementDeadline(call).getTime() + 60_000));
    const english = await api.signIn(demo.principal, { locale: 'en' });
    const refused = (await english.data(UNDO, { id: applicationId })).undoEndorsementDecision;
    expect(refused).toMatchObject({ __typename: 'InvalidStateError', code: 'ENDORSEMENT_UNDO_CLOSED' });
    expect(refused.message).toMatch(
      /^An endorsement decision can be undone only until the endorsement deadline \(.+\), which has passed\.$/,
    );
    const row = await api.database.prisma.application.findFirstOrThrow({
      where: { teacher: { email: demo.teacher }, call: { code: 'kmg-open-robot-las-lanjut' } },
    });
    expect(row.status).toBe('ENDORSED');
  });

  it('refuses once selection has acted on the endorsement', async () => {
    const manager = await api.signIn(demo.manager);
    const commit = await manager.data(
      `mutation ($callId: ID!) { commitSelection(callId: $callId) { __typename ... on Error { code message } } }`,
      { callId: ids.selectionCall },
    );
    expect(commit.commitSelection.__typename).toBe('CommitSelectionSuccess');
    // Budi Setiawan teaches at the same school; his endorsed application was in that selection.
    const budi = await api.database.prisma.application.findFirstOrThrow({
      where: { teacher: { email: demo.otherTeacher }, call: { code: 'kmg-seleksi-mekatronika' } },
    });
    expect(['ACCEPTED', 'WAITLISTED', 'REJECTED']).toContain(budi.status);
    const refused = (await principal.data(UNDO, { id: globalId('Application', budi.id) }))
      .undoEndorsementDecision;
    expect(refused).toMatchObject({ __typename: 'InvalidStateError', code: 'ENDORSEMENT_ACTED_ON' });
    expect(refused.message).toMatch(
      /^Keputusan rekomendasi tidak dapat dibatalkan lagi: pendaftaran sudah berstatus "/,
    );
    expect((await api.database.prisma.application.findUniqueOrThrow({ where: { id: budi.id } })).status).toBe(
      budi.status,
    );
  });
});
