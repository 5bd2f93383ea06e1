// The path from application to confirmed seat: eligibility, endorsement, review, selection,
// confirmation, decline and the waitlist moving, deadlines, cancellation, and the audit trail.
import { sweepDeadlines } from '@kmg/core/applications/sweep-deadlines';
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
// A test that sets the API's clock leaves it as it found it.
afterEach(() => api.clock.reset());

const APPLY = `mutation ($callId: ID!, $motivation: String!) {
  applyToCall(callId: $callId, motivation: $motivation) {
    __typename
    ... on ApplyToCallSuccess { data { id status } }
    ... on NotEligibleError { message reasons { rule code message } }
    ... on Error { code message }
  }
}`;
const ENDORSE = `mutation ($id: ID!, $note: String) { endorseApplication(id: $id, note: $note) {
  __typename ... on EndorseApplicationSuccess { data { status endorsementNote } } ... on Error { code message } } }`;
const DECLINE_ENDORSEMENT = `mutation ($id: ID!, $note: String!) { declineEndorsement(id: $id, note: $note) {
  __typename ... on DeclineEndorsementSuccess { data { status endorsementNote } } ... on Error { code message } } }`;
const CONFIRM = `mutation ($id: ID!) { confirmSeat(id: $id) { __typename ... on ConfirmSeatSuccess { data { status } } ... on Error { code message } } }`;
const DECLINE_SEAT = `mutation ($id: ID!) { declineSeat(id: $id) { __typename ... on DeclineSeatSuccess { data { status } } ... on Error { code message } } }`;
const COMMIT = `mutation ($callId: ID!) { commitSelection(callId: $callId) {
  __typename ... on CommitSelectionSuccess { data { status selectionCommittedAt seatsTaken waitlistCount } } ... on Error { code message } } }`;

async function applicationOf(teacherEmail: string, callCode: string) {
  const row = await api.database.prisma.application.findFirstOrThrow({
    where: { teacher: { email: teacherEmail }, call: { code: callCode } },
  });
  return { ...row, gid: globalId('Application', row.id) };
}

const waitForEmail = (to: string, subject: RegExp) => api.waitForEmail(to, subject);

describe('eligibility', () => {
  it('refuses an ineligible teacher with every reason, and shows the same reasons before applying', async () => {
    const prisma = api.database.prisma;
    const newcomer = await prisma.user.findUniqueOrThrow({ where: { email: 'nur.aini@kmg.demo' } });
    // Nur Aini started teaching recently: the open welding call asks for two years.
    await prisma.teacherProfile.update({
      where: { userId: newcomer.id },
      data: { teachingSince: new Date() },
    });
    const teacher = await api.signIn('nur.aini@kmg.demo');
    const detail = await teacher.data(
      `query ($id: ID!) { trainingCall(id: $id) { viewerEligibility { eligible reasons { rule message } } } }`,
      {
        id: ids.openCall,
      },
    );
    expect(detail.trainingCall.viewerEligibility).toEqual({
      eligible: false,
      reasons: [
        { rule: 'teachingYears', message: 'Dibutuhkan pengalaman mengajar minimal 2 tahun; Anda 0 tahun.' },
      ],
    });
    const { applyToCall } = await teacher.data(APPLY, { callId: ids.openCall, motivation: MOTIVATION });
    expect(applyToCall).toEqual({
      __typename: 'NotEligibleError',
      code: 'NOT_ELIGIBLE',
      message: 'Anda belum memenuhi syarat pelatihan ini.',
      reasons: [
        {
          rule: 'teachingYears',
          code: 'INELIGIBLE_TEACHING_YEARS',
          message: 'Dibutuhkan pengalaman mengajar minimal 2 tahun; Anda 0 tahun.',
        },
      ],
    });
    expect(
      await prisma.application.count({
        where: { teacherId: newcomer.id, call: { code: 'kmg-open-robot-las-lanjut' } },
      }),
    ).toBe(0);
  });
});

describe('endorsement', () => {
  let teacher: TestClient;
  let applicationId: string;

  beforeAll(async () => {
    teacher = await api.signIn(demo.teacher);
    const { applyToCall } = await teacher.data(APPLY, { callId: ids.openCall, motivation: MOTIVATION });
    expect(applyToCall.data.status).toBe('SUBMITTED');
    applicationId = applyToCall.data.id;
  });

  it("asks the teacher's principal, in the app and by email", async () => {
    const principal = await api.signIn(demo.principal);
    const { schoolApplications, unreadNotificationCount } = await principal.data(
      `query { unreadNotificationCount schoolApplications(first: 20, pendingOnly: true) { edges { node { id status teacher { name } call { title } } } } }`,
    );
    expect(unreadNotificationCount).toBeGreaterThan(0);
    expect(schoolApplications.edges.map((edge: any) => edge.node.id)).toContain(applicationId);
    const email = await waitForEmail(demo.principal, /Permintaan rekomendasi: Sri Wahyuni/);
    expect(email).toContain('Sri Wahyuni mendaftar pelatihan');
  });

  it("refuses another school's principal", async () => {
    const other = await api.signIn('kepsek.makassar@kmg.demo', { locale: 'en' });
    const { endorseApplication } = await other.data(ENDORSE, { id: applicationId });
    expect(endorseApplication).toEqual({
      __typename: 'NotAllowedError',
      code: 'NOT_YOUR_SCHOOL',
      message: 'This application is not from a teacher of your school.',
    });
  });

  it('endorses; the application moves into review, the teacher is told, and it cannot be endorsed twice', async () => {
    const principal = await api.signIn(demo.principal);
    const { endorseApplication } = await principal.data(ENDORSE, {
      id: applicationId,
      note: 'Guru produktif terbaik kami.',
    });
    expect(endorseApplication.data).toEqual({
      status: 'ENDORSED',
      endorsementNote: 'Guru produktif terbaik kami.',
    });
    const again = await principal.data(ENDORSE, { id: applicationId });
    expect(again.endorseApplication.code).toBe('ENDORSEMENT_DONE');
    const { notifications } = await teacher.data(
      `query { notifications(first: 5) { edges { node { title body } } } }`,
    );
    expect(notifications.edges[0].node.title).toBe('Pendaftaran Anda direkomendasikan');
    await waitForEmail(demo.teacher, /Pendaftaran Anda direkomendasikan/);
  });

  it('a declined endorsement needs a reason and stops the application, which the teacher reads', async () => {
    // Budi Setiawan (same school) applied to the PLC call in the demo data.
    const budi = await applicationOf('budi.setiawan@kmg.demo', 'kmg-open-plc-hmi');
    const principal = await api.signIn(demo.principal);
    const tooShort = await principal.data(DECLINE_ENDORSEMENT, { id: budi.gid, note: 'tidak' });
    expect(tooShort.declineEndorsement.__typename).toBe('ValidationError');
    const { declineEndorsement } = await principal.data(DECLINE_ENDORSEMENT, {
      id: budi.gid,
      note: 'Jadwal bentrok dengan ujian kompetensi siswa.',
    });
    expect(declineEndorsement.data).toEqual({
      status: 'NOT_ENDORSED',
      endorsementNote: 'Jadwal bentrok dengan ujian kompetensi siswa.',
    });
  });
});

describe('reviewed selection', () => {
  const call = 'kmg-seleksi-mekatronika';

  it('lets an assigned reviewer score (and revise) an endorsed application, checking scores against the rubric', async () => {
    const reviewer = await api.signIn(demo.selectionReviewer);
    const { reviewAssignments } = await reviewer.data(
      `query { reviewAssignments { id title rubric { key maxScore } } }`,
    );
    expect(reviewAssignments.map((c: { id: string }) => c.id)).toContain(ids.selectionCall);
    const yohanes = await applicationOf('yohanes.tanaem@kmg.demo', call);
    const SCORE = `mutation ($id: ID!, $scores: [CriterionScoreInput!]!) { submitReview(applicationId: $id, scores: $scores) {
      __typename ... on SubmitReviewSuccess { data { viewerReview { total } reviewSummary { count required meanScore disagrees } } }
      ... on ValidationError { fieldErrors { path code message } } } }`;
    const bad = await reviewer.data(SCORE, { id: yohanes.gid, scores: [{ key: 'motivation', score: 9 }] });
    expect(bad.submitReview.fieldErrors).toEqual([
      { path: ['scores', 'motivation'], code: 'TOO_LARGE', message: 'Maksimal 5.' },
      { path: ['scores', 'relevance'], code: 'REQUIRED', message: 'Wajib diisi.' },
      { path: ['scores', 'experience'], code: 'REQUIRED', message: 'Wajib diisi.' },
    ]);
    const before = await reviewer.data(SCORE, {
      id: yohanes.gid,
      scores: [
        { key: 'motivation', score: 5 },
        { key: 'relevance', score: 3 },
        { key: 'experience', score: 2 },
      ],
    });
    expect(before.submitReview.data).toEqual({
      viewerReview: { total: 76.67 },
      reviewSummary: { count: 2, required: 2, meanScore: 53.34, disagrees: true },
    });
  });

  it("refuses a reviewer who is not assigned, and a teacher's own scoring", async () => {
    const budi = await applicationOf('budi.setiawan@kmg.demo', call);
    const manager = await api.signIn(demo.manager);
    const unassigned = await manager.gql(
      `mutation ($id: ID!) { submitReview(applicationId: $id, scores: []) { __typename } }`,
      { id: budi.gid },
    );
    expect(unassigned.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('previews every outcome with its reason, then commits exactly once even when asked twice at once', async () => {
    const manager = await api.signIn(demo.manager);
    const { trainingCall } = await manager.data(
      `query ($id: ID!) { trainingCall(id: $id) {
        reviewProgress { endorsed complete disagreements reviewers }
        selectionPreview { kind rank score position reason explanation application { teacher { name } } } } }`,
      { id: ids.selectionCall },
    );
    expect(trainingCall.reviewProgress).toEqual({ endorsed: 6, complete: 6, disagreements: 1, reviewers: 2 });
    expect(
      trainingCall.selectionPreview.map((o: any) =>
        `${o.application.teacher.name}: ${o.kind} ${o.score} ${o.reason ?? ''}`.trim(),
      ),
    ).toEqual([
      'Budi Setiawan: accepted 91.67',
      'Dewi Lestari: accepted 86.67',
      'Eko Prasetyo: accepted 71.67',
      'Rudi Hermawan: waitlisted 60 SEATS_FULL',
      'Yohanes Tanaem: waitlisted 53.34 SEATS_FULL',
      'Andi Rahman: rejected 38.33 BELOW_MIN_SCORE',
    ]);
    expect(trainingCall.selectionPreview[3].explanation).toBe(
      'Peringkat 4, daftar tunggu 1: Semua kursi sudah terisi',
    );

    const [first, second] = await Promise.all([
      manager.data(COMMIT, { callId: ids.selectionCall }),
      (await api.signIn(demo.lpdpManager)).data(COMMIT, { callId: ids.selectionCall }),
    ]);
    const results = [first.commitSelection, second.commitSelection];
    expect(results.filter((r) => r.__typename === 'CommitSelectionSuccess')).toHaveLength(1);
    expect(results.find((r) => r.__typename !== 'CommitSelectionSuccess')).toMatchObject({
      code: 'SELECTION_COMMITTED',
    });
    const done = results.find((r) => r.__typename === 'CommitSelectionSuccess');
    expect(done.data).toMatchObject({ status: 'CLOSED', seatsTaken: 3, waitlistCount: 2 });
    const statuses = await api.database.prisma.application.findMany({
      where: { call: { code: call } },
      include: { teacher: true },
    });
    expect(Object.fromEntries(statuses.map((a) => [a.teacher.name, a.status]))).toEqual({
      'Budi Setiawan': 'ACCEPTED',
      'Dewi Lestari': 'ACCEPTED',
      'Eko Prasetyo': 'ACCEPTED',
      'Rudi Hermawan': 'WAITLISTED',
      'Yohanes Tanaem': 'WAITLISTED',
      'Andi Rahman': 'REJECTED',
    });
    await waitForEmail('andi.rahman@kmg.demo', /Hasil seleksi/);
  });

  it('confirms a seat; a declined seat goes to the first on the waitlist, who is told', async () => {
    const budi = await applicationOf('budi.setiawan@kmg.demo', call);
    const confirmed = await (await api.signIn('budi.setiawan@kmg.demo')).data(CONFIRM, { id: budi.gid });
    expect(confirmed.confirmSeat.data.status).toBe('CONFIRMED');

    const dewi = await applicationOf('dewi.lestari@kmg.demo', call);
    const declined = await (await api.signIn('dewi.lestari@kmg.demo')).data(DECLINE_SEAT, { id: dewi.gid });
    expect(declined.declineSeat.data.status).toBe('DECLINED');
    const rudi = await applicationOf('rudi.hermawan@kmg.demo', call);
    expect(rudi.status).toBe('ACCEPTED');
    expect(rudi.confirmBy).not.toBeNull();
    // The platform promoted Rudi, in waitlist order; Dewi, who declined, chose nobody.
    const promotion = await api.database.prisma.auditEvent.findFirstOrThrow({
      where: { applicationId: rudi.id, action: 'application.promoted' },
    });
    expect(promotion).toMatchObject({ actorId: null, reason: 'SEAT_DECLINED', toStatus: 'ACCEPTED' });
    const rudiClient = await api.signIn('rudi.hermawan@kmg.demo');
    const { notifications } = await rudiClient.data(
      `query { notifications(first: 1) { edges { node { title } } } }`,
    );
    expect(notifications.edges[0].node.title).toBe('Kursi tersedia untuk Anda');
    const yohanes = await rudiClient.data(`query ($id: ID!) { application(id: $id) { status } }`, {
      id: (await applicationOf('yohanes.tanaem@kmg.demo', call)).gid,
    });
    expect(yohanes.application).toBeNull();
  });

  it('refuses to confirm someone else’s seat or after the deadline', async () => {
    const eko = await applicationOf('eko.prasetyo@kmg.demo', call);
    const stranger = await (await api.signIn('budi.setiawan@kmg.demo')).data(CONFIRM, { id: eko.gid });
    expect(stranger.confirmSeat.code).toBe('NOT_YOUR_APPLICATION');
    const teacher = await api.signIn('eko.prasetyo@kmg.demo', { locale: 'en' });
    // Three days on, the moment the deadline passes.
    expect(eko.confirmBy).toBeInstanceOf(Date);
    api.clock.set(eko.confirmBy as Date);
    const late = await teacher.data(CONFIRM, { id: eko.gid });
    expect(late.confirmSeat.code).toBe('CONFIRMATION_CLOSED');
    expect(late.confirmSeat.message).toMatch(/^The confirmation deadline has passed \(.+ WIB\)\.$/);
  });

  it('lapses a seat not confirmed in time and promotes the next teacher', async () => {
    const eko = await applicationOf('eko.prasetyo@kmg.demo', call);
    // The sweep runs on the API's clock, as the job does: the moment Eko's deadline passes.
    api.clock.set(eko.confirmBy as Date);
    const result = await sweepDeadlines(api.clock.now());
    expect(result.lapsed).toBe(1);
    expect((await applicationOf('eko.prasetyo@kmg.demo', call)).status).toBe('LAPSED');
    expect((await applicationOf('yohanes.tanaem@kmg.demo', call)).status).toBe('ACCEPTED');
    expect(
      await api.database.prisma.seat.count({ where: { call: { code: call }, applicationId: { not: null } } }),
    ).toBe(3);
  });

  it("keeps an application's history, which managers read and nobody can rewrite", async () => {
    const dewi = await applicationOf('dewi.lestari@kmg.demo', call);
    const manager = await api.signIn(demo.manager);
    const { application } = await manager.data(
      `query ($id: ID!) { application(id: $id) { history { action fromStatus toStatus actor { name } } } }`,
      { id: dewi.gid },
    );
    expect(
      application.history.map(
        (e: any) => `${e.action} ${e.fromStatus ?? ''}->${e.toStatus ?? ''} ${e.actor?.name ?? 'system'}`,
      ),
    ).toEqual([
      'application.submitted ->SUBMITTED Dewi Lestari',
      'application.endorsed SUBMITTED->ENDORSED Yusuf Harahap',
      'review.scored -> Hendra Gunawan',
      'review.scored -> Ratna Sari',
      'application.accepted ENDORSED->ACCEPTED Rina Kusumawati',
      'application.declined ACCEPTED->DECLINED Dewi Lestari',
    ]);
    await expect(
      api.database.prisma.$executeRawUnsafe(`UPDATE audit_events SET reason = 'x'`),
    ).rejects.toThrow(/append-only/);
    await expect(api.database.prisma.$executeRawUnsafe(`DELETE FROM audit_events`)).rejects.toThrow(
      /append-only/,
    );
    const teacher = await api.signIn('dewi.lestari@kmg.demo');
    const own = await teacher.gql(`query ($id: ID!) { application(id: $id) { history { action } } }`, {
      id: dewi.gid,
    });
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('first come, first served', () => {
  it('seats the first teachers at once and waitlists the rest when full', async () => {
    const prisma = api.database.prisma;
    const callRow = await prisma.trainingCall.findUniqueOrThrow({
      where: { code: 'kmg-open-pemasaran-digital' },
    });
    // Shrinking a call below its seat rows is refused by the database; drop the rows first.
    await expect(
      prisma.trainingCall.update({ where: { id: callRow.id }, data: { seats: 1 } }),
    ).rejects.toThrow(/seats numbered above 1/);
    await prisma.seat.deleteMany({ where: { callId: callRow.id, number: { gt: 1 } } });
    await prisma.trainingCall.update({ where: { id: callRow.id }, data: { seats: 1 } });
    const first = await (await api.signIn('siti.nurhaliza@kmg.demo')).data(APPLY, {
      callId: ids.firstComeCall,
      motivation: MOTIVATION,
    });
    expect(first.applyToCall.data.status).toBe('ACCEPTED');
    const second = await (await api.signIn('fitri.handayani@kmg.demo')).data(APPLY, {
      callId: ids.firstComeCall,
      motivation: MOTIVATION,
    });
    expect(second.applyToCall.data.status).toBe('WAITLISTED');
  });
});

describe('deadlines and cancellation', () => {
  it('stops applications not endorsed before the deadline', async () => {
    const maria = await applicationOf('maria.lende@kmg.demo', 'kmg-open-jaringan-papua');
    expect(maria.status).toBe('SUBMITTED');
    await api.database.prisma.trainingCall.update({
      where: { code: 'kmg-open-jaringan-papua' },
      data: { endorsementDeadline: new Date(Date.now() - 60_000) },
    });
    const { expired } = await sweepDeadlines(new Date());
    expect(expired).toBe(1);
    expect((await applicationOf('maria.lende@kmg.demo', 'kmg-open-jaringan-papua')).status).toBe(
      'ENDORSEMENT_EXPIRED',
    );
  });

  it('releases everyone of a cancelled call, with the reason', async () => {
    const manager = await api.signIn(demo.manager);
    const { cancelTrainingCall } = await manager.data(
      `mutation ($id: ID!, $reason: String!) { cancelTrainingCall(id: $id, reason: $reason) { __typename } }`,
      { id: ids.plcCall, reason: 'Penyelenggara menunda pelatihan ke tahun depan.' },
    );
    expect(cancelTrainingCall.__typename).toBe('CancelTrainingCallSuccess');
    const rows = await api.database.prisma.application.findMany({
      where: { call: { code: 'kmg-open-plc-hmi' } },
    });
    expect(rows.filter((row) => row.status === 'CANCELLED').length).toBeGreaterThan(0);
    expect(rows.every((row) => ['CANCELLED', 'NOT_ENDORSED'].includes(row.status))).toBe(true);
    await waitForEmail('dewi.lestari@kmg.demo', /Pelatihan dibatalkan/);
  });

  it('puts a call in training from midnight of its first day at the venue, in the venue’s time zone', async () => {
    // Jayapura (WIT, UTC+9): the first day begins at 15:00 UTC the evening before.
    const call = await api.database.prisma.trainingCall.update({
      where: { code: 'kmg-open-gim-edukasi' },
      data: {
        province: '94',
        startDate: new Date('2030-03-04T00:00:00Z'),
        endDate: new Date('2030-03-08T00:00:00Z'),
      },
    });
    const statusOf = async () =>
      (await api.database.prisma.trainingCall.findUniqueOrThrow({ where: { id: call.id } })).status;
    await sweepDeadlines(new Date('2030-03-03T14:59:59Z'));
    expect(await statusOf()).toBe('OPEN');
    const { started } = await sweepDeadlines(new Date('2030-03-03T15:00:00Z'));
    expect(started).toBeGreaterThanOrEqual(1);
    expect(await statusOf()).toBe('IN_TRAINING');
    const audit = await api.database.prisma.auditEvent.findFirst({
      where: { callId: call.id, action: 'call.training_started' },
    });
    expect(audit?.toStatus).toBe('IN_TRAINING');
  });
});
