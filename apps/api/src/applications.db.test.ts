import { transitionApplication } from '@kmg/core/applications/transition-application';
import { inTransaction } from '@kmg/core/transaction';
import { type MessageParams, translateError } from '@kmg/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assignFixtureReviewer, callInput, demo, MOTIVATION, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;
let ids: Awaited<ReturnType<typeof seededIds>>;

beforeAll(async () => {
  api = await startTestApi();
  ids = await seededIds(api);
});
afterAll(() => api?.close());

const APPLY = `mutation ($callId: ID!, $motivation: String!) {
  applyToCall(callId: $callId, motivation: $motivation) {
    __typename
    ... on ApplyToCallSuccess { data { id status motivation call { title } } }
    ... on ValidationError { fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;
const WITHDRAW = `mutation ($id: ID!) { withdrawApplication(id: $id) {
  __typename ... on WithdrawApplicationSuccess { data { status withdrawnAt } } ... on Error { code message } } }`;

async function openCallForTest() {
  const manager = await api.signIn(demo.manager);
  const created = await manager.data(
    `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) { ... on CreateTrainingCallSuccess { data { id } } } }`,
    { input: callInput(ids) },
  );
  const id = created.createTrainingCall.data.id as string;
  await assignFixtureReviewer(api, id);
  await manager.data(`mutation ($id: ID!) { publishTrainingCall(id: $id) { __typename } }`, { id });
  return id;
}

describe('applyToCall', () => {
  afterEach(() => api.clock.reset());

  it('lets a teacher apply once; a second try is refused and nothing is duplicated', async () => {
    const callId = await openCallForTest();
    const teacher = await api.signIn(demo.teacherNuptk);
    const first = await teacher.data(APPLY, { callId, motivation: `  ${MOTIVATION}  ` });
    expect(first.applyToCall.data).toMatchObject({ status: 'SUBMITTED', motivation: MOTIVATION });
    const second = await teacher.data(APPLY, { callId, motivation: MOTIVATION });
    expect(second.applyToCall).toEqual({
      __typename: 'AlreadyAppliedError',
      code: 'ALREADY_APPLIED',
      message: 'Anda sudah mendaftar pada pelatihan ini.',
    });
    const detail = await teacher.data(
      `query ($id: ID!) { trainingCall(id: $id) { applicationCount viewerApplication { status } } }`,
      {
        id: callId,
      },
    );
    expect(detail.trainingCall).toEqual({ applicationCount: 1, viewerApplication: { status: 'SUBMITTED' } });
  });

  it('answers a double submit with one application and one AlreadyApplied', async () => {
    const callId = await openCallForTest();
    const teacher = await api.signIn(demo.otherTeacher);
    const results = await Promise.all(
      [1, 2, 3].map(() => teacher.data(APPLY, { callId, motivation: MOTIVATION })),
    );
    const kinds = results.map((result) => result.applyToCall.__typename).sort();
    expect(kinds.filter((kind) => kind === 'ApplyToCallSuccess')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'AlreadyAppliedError')).toHaveLength(2);
  });

  it('takes applications from the moment the window opens, by the time the API keeps', async () => {
    const manager = await api.signIn(demo.manager);
    const opensAt = new Date(Date.now() + 86_400_000);
    const created = await manager.data(
      `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) { ... on CreateTrainingCallSuccess { data { id } } } }`,
      { input: { ...callInput(ids), applicationOpensAt: opensAt.toISOString() } },
    );
    const callId = created.createTrainingCall.data.id as string;
    await assignFixtureReviewer(api, callId);
    await manager.data(`mutation ($id: ID!) { publishTrainingCall(id: $id) { __typename } }`, { id: callId });
    const teacher = await api.signIn(demo.teacher);
    const accepting = async () =>
      (
        await teacher.data(`query ($id: ID!) { trainingCall(id: $id) { isAcceptingApplications } }`, {
          id: callId,
        })
      ).trainingCall.isAcceptingApplications;

    expect(await accepting()).toBe(false);
    const early = await teacher.data(APPLY, { callId, motivation: MOTIVATION });
    expect(early.applyToCall).toMatchObject({
      __typename: 'ApplicationClosedError',
      code: 'WINDOW_NOT_STARTED',
    });

    api.clock.advance(86_400_000);
    expect(await accepting()).toBe(true);
    const onTime = await teacher.data(APPLY, { callId, motivation: MOTIVATION });
    expect(onTime.applyToCall.data.status).toBe('SUBMITTED');
    // The application is dated by the same clock: the day after, not today.
    const { application } = await teacher.data(`query ($id: ID!) { application(id: $id) { submittedAt } }`, {
      id: onTime.applyToCall.data.id,
    });
    expect(new Date(application.submittedAt).getTime()).toBeGreaterThanOrEqual(opensAt.getTime());
  });

  it('refuses a call that is not open, naming why', async () => {
    const teacher = await api.signIn(demo.teacher, { locale: 'en' });
    const { applyToCall } = await teacher.data(APPLY, { callId: ids.completedCall, motivation: MOTIVATION });
    expect(applyToCall).toEqual({
      __typename: 'ApplicationClosedError',
      code: 'CALL_NOT_OPEN',
      message: 'This training is not taking applications.',
    });
  });

  it('counts the motivation in characters a reader sees and says the minimum', async () => {
    const teacher = await api.signIn(demo.teacher);
    const { applyToCall } = await teacher.data(APPLY, {
      callId: ids.openCall,
      motivation: 'Saya ingin ikut. 👩‍🏫',
    });
    expect(applyToCall.fieldErrors).toEqual([
      { path: ['motivation'], code: 'TOO_SHORT', message: 'Minimal 100 karakter.' },
    ]);
  });

  it('does not find a draft call for a teacher', async () => {
    const teacher = await api.signIn(demo.teacher);
    const { applyToCall } = await teacher.data(APPLY, {
      callId: ids.openCallInlastekDraft,
      motivation: MOTIVATION,
    });
    expect(applyToCall.__typename).toBe('NotFoundError');
  });
});

describe('withdrawApplication', () => {
  it('withdraws, refuses a second withdrawal, and lets the teacher apply again', async () => {
    const callId = await openCallForTest();
    const teacher = await api.signIn(demo.teacher);
    const applied = await teacher.data(APPLY, { callId, motivation: MOTIVATION });
    const id = applied.applyToCall.data.id;
    const withdrawn = await teacher.data(WITHDRAW, { id });
    expect(withdrawn.withdrawApplication.data.status).toBe('WITHDRAWN');
    const twice = await teacher.data(WITHDRAW, { id });
    expect(twice.withdrawApplication).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'ALREADY_WITHDRAWN',
    });
    const again = await teacher.data(APPLY, { callId, motivation: MOTIVATION });
    expect(again.applyToCall.data).toMatchObject({ id, status: 'SUBMITTED' });
  });

  it("refuses to withdraw someone else's application", async () => {
    const callId = await openCallForTest();
    const owner = await api.signIn(demo.teacher);
    const applied = await owner.data(APPLY, { callId, motivation: MOTIVATION });
    const other = await api.signIn(demo.otherTeacher, { locale: 'en' });
    const { withdrawApplication } = await other.data(WITHDRAW, { id: applied.applyToCall.data.id });
    expect(withdrawApplication).toEqual({
      __typename: 'NotAllowedError',
      code: 'NOT_YOUR_APPLICATION',
      message: 'This application is not yours.',
    });
    const row = await api.database.prisma.application.findFirstOrThrow({
      where: { call: { id: { not: undefined } }, motivation: MOTIVATION, status: 'SUBMITTED' },
    });
    expect(row.status).toBe('SUBMITTED');
  });

  it('refuses to withdraw once the training has started', async () => {
    const participant = await api.database.prisma.application.findFirstOrThrow({
      where: { call: { code: 'kmg-cnc-berjalan' }, teacher: { email: 'wahyu.nugroho@kmg.demo' } },
    });
    const teacher = await api.signIn('wahyu.nugroho@kmg.demo');
    const { withdrawApplication } = await teacher.data(WITHDRAW, {
      id: Buffer.from(`Application:${participant.id}`).toString('base64'),
    });
    expect(withdrawApplication).toMatchObject({ __typename: 'InvalidStateError', code: 'TRAINING_STARTED' });
    expect(withdrawApplication.message).toMatch(/^Pelatihan sudah dimulai/);
    const row = await api.database.prisma.application.findUniqueOrThrow({ where: { id: participant.id } });
    expect(row.status).toBe('CONFIRMED');
  });
});

describe('transitionApplication', () => {
  /** A fresh application by the teacher signed in `as`, to a call of its own. */
  async function applicationRow(as: string) {
    const callId = await openCallForTest();
    const teacher = await api.signIn(as);
    const applied = await teacher.data(APPLY, { callId, motivation: MOTIVATION });
    const id = Buffer.from(applied.applyToCall.data.id, 'base64').toString().split(':')[1] ?? '';
    return { teacher, globalId: applied.applyToCall.data.id as string, id };
  }
  const traces = (applicationId: string) =>
    Promise.all([
      api.database.prisma.auditEvent.findMany({
        where: { applicationId },
        select: { action: true },
        orderBy: { id: 'asc' },
      }),
      api.database.prisma.notification.findMany({
        where: { applicationId },
        select: { kind: true },
        orderBy: { id: 'asc' },
      }),
    ]);

  it('refuses a move its table does not list (confirming a withdrawn application) and writes nothing', async () => {
    const { teacher, globalId, id } = await applicationRow(demo.teacher);
    await teacher.data(WITHDRAW, { id: globalId });
    const withdrawn = await api.database.prisma.application.findUniqueOrThrow({ where: { id } });
    const before = await traces(id);

    const refusal = await inTransaction((tx) =>
      transitionApplication(tx, {
        application: withdrawn,
        action: 'confirm',
        actorId: null,
        now: new Date(),
      }),
    ).catch((error: unknown) => error);

    expect(refusal).toMatchObject({ name: 'InvalidStateError', code: 'INVALID_APPLICATION_TRANSITION' });
    const { code, params } = refusal as { code: 'INVALID_APPLICATION_TRANSITION'; params: MessageParams };
    expect(translateError(code, 'id', params)).toBe(
      'Pendaftaran berstatus "Ditarik" tidak dapat dikonfirmasi.',
    );
    const after = await api.database.prisma.application.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: 'WITHDRAWN', confirmedAt: null });
    expect(await traces(id)).toEqual(before);
  });

  it('lets one of two moves from the same status through; the other finds it changed and writes nothing', async () => {
    const { id } = await applicationRow(demo.otherTeacher);
    // Both moves start from the status as it was read: the second has not seen the first.
    const read = await api.database.prisma.application.findUniqueOrThrow({ where: { id } });
    const before = await traces(id);
    let moved!: () => void;
    const firstMoved = new Promise<void>((resolve) => {
      moved = resolve;
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });

    // The first holds its transaction open after writing; on PostgreSQL the second blocks on the
    // row until it commits (on PGlite, with one connection, it waits to start).
    const first = inTransaction(async (tx) => {
      await transitionApplication(tx, {
        application: read,
        action: 'withdraw',
        actorId: read.teacherId,
        now: new Date(),
      });
      moved();
      await held;
    });
    await firstMoved;
    const second = inTransaction((tx) =>
      transitionApplication(tx, { application: read, action: 'cancel', actorId: null, now: new Date() }),
    ).catch((error: unknown) => error);
    setTimeout(release, 200);

    await first;
    expect(await second).toMatchObject({ name: 'InvalidStateError', code: 'STATUS_CHANGED' });
    const after = await api.database.prisma.application.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe('WITHDRAWN');
    const [events, notices] = await traces(id);
    expect(events.slice(before[0].length).map((event) => event.action)).toEqual(['application.withdrawn']);
    expect(notices).toEqual(before[1]);
  });
});

describe('who sees applications', () => {
  const CALL_APPLICATIONS = `query ($id: ID!) { trainingCall(id: $id) {
    applications(first: 50) { totalCount edges { node { status teacher { name teacherProfile { nuptk school { name } } } } } } } }`;

  it("shows a call's applications to its managers and its provider's staff", async () => {
    for (const who of [demo.manager, demo.lpdpManager, demo.provider, demo.admin]) {
      const viewer = await api.signIn(who);
      const { trainingCall } = await viewer.data(CALL_APPLICATIONS, { id: ids.openCall });
      expect(trainingCall.applications.totalCount, who).toBeGreaterThanOrEqual(2);
      expect(trainingCall.applications.edges[0].node.teacher.teacherProfile.nuptk).toMatch(/^\d{16}$/);
    }
  });

  it("refuses them to another provider's staff, teachers and principals", async () => {
    for (const who of [demo.otherProvider, demo.teacher, demo.principal, demo.reviewer]) {
      const viewer = await api.signIn(who);
      const result = await viewer.gql(CALL_APPLICATIONS, { id: ids.openCall });
      expect(result.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    const anonymous = await api.client().gql(CALL_APPLICATIONS, { id: ids.openCall });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives a teacher only their own applications', async () => {
    const teacher = await api.signIn(demo.otherTeacher);
    const { myApplications, me } = await teacher.data(
      `query { me { id } myApplications(first: 50) { edges { node { teacher { id } } } } }`,
    );
    expect(myApplications.edges.length).toBeGreaterThan(0);
    for (const { node } of myApplications.edges) expect(node.teacher.id).toBe(me.id);
  });
});
