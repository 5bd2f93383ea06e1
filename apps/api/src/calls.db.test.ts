import { addDays, defaultTrainingDays, formatCalendarDate } from '@kmg/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignFixtureReviewer, callInput, demo, globalId, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;
let ids: Awaited<ReturnType<typeof seededIds>>;

beforeAll(async () => {
  api = await startTestApi();
  ids = await seededIds(api);
});
afterAll(() => api?.close());

const CREATE = `mutation ($input: TrainingCallInput!) {
  createTrainingCall(input: $input) {
    __typename
    ... on CreateTrainingCallSuccess { data { id status title startDate endDate competencyUnits { code } } }
    ... on ValidationError { code message fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;

const TRANSITION = (name: string) => `mutation ($id: ID!) {
  ${name}(id: $id) {
    __typename
    ... on Error { code message }
    ... on ${name.charAt(0).toUpperCase()}${name.slice(1)}Success { data { id status } }
  }
}`;

describe('createTrainingCall', () => {
  it('lets a program manager draft a call, keeping calendar dates exactly', async () => {
    const manager = await api.signIn(demo.manager);
    const input = callInput(ids);
    const { createTrainingCall } = await manager.data(CREATE, { input });
    expect(createTrainingCall.__typename).toBe('CreateTrainingCallSuccess');
    expect(createTrainingCall.data).toMatchObject({
      status: 'DRAFT',
      startDate: input.startDate,
      endDate: input.endDate,
      competencyUnits: [{ code: 'C.250000.010.01' }],
    });
  });

  it.each([
    [
      'end before start',
      (i: ReturnType<typeof callInput>) => ({ ...i, endDate: addDays(i.startDate, -1) }),
      ['input', 'endDate'],
      'END_BEFORE_START',
      'Tanggal selesai tidak boleh sebelum tanggal mulai.',
    ],
    [
      'window after training start',
      (i: ReturnType<typeof callInput>) => ({ ...i, applicationClosesAt: `${i.startDate}T05:00:00.000Z` }),
      ['input', 'applicationClosesAt'],
      'WINDOW_AFTER_TRAINING_START',
      undefined,
    ],
    [
      'seats below 1',
      (i: ReturnType<typeof callInput>) => ({ ...i, seats: 0 }),
      ['input', 'seats'],
      'SEATS_TOO_FEW',
      'Kuota peserta minimal 1.',
    ],
    [
      'unknown skill area',
      (i: ReturnType<typeof callInput>) => ({
        ...i,
        skillAreaId: globalId('SkillArea', '00000000-0000-4000-8000-000000000000'),
      }),
      ['input', 'skillAreaId'],
      'UNKNOWN_SKILL_AREA',
      'Bidang keahlian tidak dikenal.',
    ],
    [
      'unknown province',
      (i: ReturnType<typeof callInput>) => ({ ...i, province: '99' }),
      ['input', 'province'],
      'UNKNOWN_PROVINCE',
      undefined,
    ],
    [
      'a bad SKKNI code',
      (i: ReturnType<typeof callInput>) => ({ ...i, competencyUnits: [{ code: 'C25', title: 'Las' }] }),
      ['input', 'competencyUnits', '0', 'code'],
      'SKKNI_FORMAT',
      undefined,
    ],
  ])('refuses %s with a field error in Indonesian', async (_name, change, path, code, message) => {
    const manager = await api.signIn(demo.manager);
    const before = await api.database.prisma.trainingCall.count();
    const { createTrainingCall } = await manager.data(CREATE, { input: change(callInput(ids)) });
    expect(createTrainingCall.__typename).toBe('ValidationError');
    const fieldError = createTrainingCall.fieldErrors.find(
      (e: { path: string[] }) => e.path.join('.') === path.join('.'),
    );
    expect(fieldError, JSON.stringify(createTrainingCall.fieldErrors)).toMatchObject({ code });
    if (message) expect(fieldError.message).toBe(message);
    expect(await api.database.prisma.trainingCall.count()).toBe(before);
  });

  it('writes the same errors in English when the request asks for it', async () => {
    const manager = await api.signIn(demo.manager, { locale: 'en' });
    const input = { ...callInput(ids), endDate: addDays(callInput(ids).startDate, -1), seats: 0 };
    const { createTrainingCall } = await manager.data(CREATE, { input });
    expect(createTrainingCall.message).toBe('Check the highlighted fields.');
    expect(createTrainingCall.fieldErrors).toEqual(
      expect.arrayContaining([
        {
          path: ['input', 'endDate'],
          code: 'END_BEFORE_START',
          message: 'The end date cannot be before the start date.',
        },
        { path: ['input', 'seats'], code: 'SEATS_TOO_FEW', message: 'A call needs at least 1 seat.' },
      ]),
    );
  });

  it('names the training start in the window error, read in the venue time zone', async () => {
    const manager = await api.signIn(demo.manager);
    const input = callInput(ids);
    // 00:30 WIT on the first day is still the evening before in Jakarta: fine there, too late in Papua.
    const closesAt = new Date(`${input.startDate}T00:30:00+09:00`).toISOString();
    const jakarta = await manager.data(CREATE, { input: { ...input, applicationClosesAt: closesAt } });
    expect(jakarta.createTrainingCall.__typename).toBe('CreateTrainingCallSuccess');
    const papua = await manager.data(CREATE, {
      input: { ...input, province: '91', applicationClosesAt: closesAt },
    });
    expect(papua.createTrainingCall.fieldErrors).toEqual([
      {
        path: ['input', 'applicationClosesAt'],
        code: 'WINDOW_AFTER_TRAINING_START',
        message: `Pendaftaran harus ditutup sebelum pelatihan dimulai (${formatCalendarDate(input.startDate, 'id')}).`,
      },
    ]);
  });
});

describe('call lifecycle', () => {
  it('publishes, closes and cancels with a reason; refuses moves the status does not allow', async () => {
    const manager = await api.signIn(demo.manager);
    const created = await manager.data(CREATE, { input: callInput(ids) });
    const id = created.createTrainingCall.data.id;
    await assignFixtureReviewer(api, id);

    const closeDraft = await manager.data(TRANSITION('closeTrainingCall'), { id });
    expect(closeDraft.closeTrainingCall).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'INVALID_TRANSITION',
      message: 'Lowongan berstatus Draf tidak dapat ditutup.',
    });

    const published = await manager.data(TRANSITION('publishTrainingCall'), { id });
    expect(published.publishTrainingCall.data.status).toBe('OPEN');
    const again = await manager.data(TRANSITION('publishTrainingCall'), { id });
    expect(again.publishTrainingCall.code).toBe('INVALID_TRANSITION');

    const closed = await manager.data(TRANSITION('closeTrainingCall'), { id });
    expect(closed.closeTrainingCall.data.status).toBe('CLOSED');

    const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelTrainingCall(id: $id, reason: $reason) {
      __typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }
      ... on CancelTrainingCallSuccess { data { status cancellationReason } } } }`;
    const tooShort = await manager.data(CANCEL, { id, reason: 'batal' });
    expect(tooShort.cancelTrainingCall.fieldErrors).toEqual([{ path: ['reason'], code: 'TOO_SHORT' }]);
    const cancelled = await manager.data(CANCEL, {
      id,
      reason: 'Penyelenggara tidak dapat menyediakan bengkel.',
    });
    expect(cancelled.cancelTrainingCall.data).toEqual({
      status: 'CANCELLED',
      cancellationReason: 'Penyelenggara tidak dapat menyediakan bengkel.',
    });
  });

  it('edits a draft and replaces its SKKNI units in one go', async () => {
    const manager = await api.signIn(demo.manager);
    const created = await manager.data(CREATE, { input: callInput(ids) });
    const UPDATE = `mutation ($id: ID!, $input: TrainingCallInput!) { updateTrainingCall(id: $id, input: $input) {
      __typename ... on UpdateTrainingCallSuccess { data { title seats competencyUnits { code title } } } } }`;
    const input = {
      ...callInput(ids),
      title: 'Pengelasan GMAW dan FCAW',
      seats: 24,
      competencyUnits: [
        { code: 'C.250000.011.01', title: 'Mengelas dengan Proses FCAW' },
        { code: 'C.250000.010.01', title: 'Mengelas dengan Proses GMAW' },
      ],
    };
    const { updateTrainingCall } = await manager.data(UPDATE, {
      id: created.createTrainingCall.data.id,
      input,
    });
    expect(updateTrainingCall.data).toEqual({
      title: 'Pengelasan GMAW dan FCAW',
      seats: 24,
      competencyUnits: input.competencyUnits,
    });
  });

  it("moves the call's training days with its dates", async () => {
    const manager = await api.signIn(demo.manager);
    const created = await manager.data(CREATE, { input: callInput(ids) });
    const id = created.createTrainingCall.data.id;
    const input = { ...callInput(ids), startDate: created.createTrainingCall.data.endDate };
    input.endDate = addDays(input.startDate, 8);
    const UPDATE = `mutation ($id: ID!, $input: TrainingCallInput!) { updateTrainingCall(id: $id, input: $input) {
      __typename ... on UpdateTrainingCallSuccess { data { trainingDays { date } } } } }`;
    const { updateTrainingCall } = await manager.data(UPDATE, { id, input });
    expect(updateTrainingCall.data.trainingDays.map((day: { date: string }) => day.date)).toEqual(
      defaultTrainingDays(input.startDate, input.endDate),
    );
  });

  it('refuses to edit a completed call', async () => {
    const manager = await api.signIn(demo.manager);
    const UPDATE = `mutation ($id: ID!, $input: TrainingCallInput!) { updateTrainingCall(id: $id, input: $input) {
      __typename ... on Error { code } } }`;
    const { updateTrainingCall } = await manager.data(UPDATE, {
      id: ids.completedCall,
      input: callInput(ids),
    });
    expect(updateTrainingCall).toEqual({ __typename: 'InvalidStateError', code: 'CALL_NOT_EDITABLE' });
  });
});

describe('trainingCalls', () => {
  const LIST = `query ($filter: TrainingCallFilter, $orderBy: TrainingCallOrder, $first: Int) {
    trainingCalls(filter: $filter, orderBy: $orderBy, first: $first) {
      totalCount edges { node { title status province { code } skillArea { code } startDate } }
    }
  }`;

  it('shows the public published calls, never drafts, to anonymous visitors', async () => {
    const { trainingCalls } = await api.client().data(LIST, { first: 100 });
    const statuses = trainingCalls.edges.map((edge: { node: { status: string } }) => edge.node.status);
    expect(statuses).not.toContain('DRAFT');
    expect(trainingCalls.totalCount).toBe(statuses.length);
    expect(statuses).toContain('COMPLETED');
  });

  it.each([
    ['skill area', () => ({ skillAreaIds: [ids.robotics] }), (n: any) => n.skillArea.code === 'robotics'],
    ['province', () => ({ provinces: ['91'] }), (n: any) => n.province.code === '91'],
    ['status', () => ({ statuses: ['COMPLETED'] }), (n: any) => n.status === 'COMPLETED'],
    ['text', () => ({ search: 'robot las' }), (n: any) => /robot las/i.test(n.title)],
    [
      'date range',
      () => ({ startsOnOrAfter: '2025-11-01', startsOnOrBefore: '2025-11-30' }),
      (n: any) => n.startDate >= '2025-11-01' && n.startDate <= '2025-11-30',
    ],
  ])('filters by %s', async (_name, filter, holds) => {
    const { trainingCalls } = await api.client().data(LIST, { first: 100, filter: filter() });
    expect(trainingCalls.edges.length).toBeGreaterThan(0);
    for (const { node } of trainingCalls.edges) expect(holds(node), JSON.stringify(node)).toBe(true);
  });

  it('sorts by the requested column', async () => {
    const { trainingCalls } = await api
      .client()
      .data(LIST, { first: 100, orderBy: { field: 'START_DATE', direction: 'DESC' } });
    const dates = trainingCalls.edges.map((edge: { node: { startDate: string } }) => edge.node.startDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('gives provider staff only their own calls in the console, drafts included', async () => {
    const inlastek = await api.signIn(demo.otherProvider);
    const { trainingCalls } = await inlastek.data(
      `query { trainingCalls(first: 100, filter: { managedOnly: true }) { edges { node { provider { name } status } } } }`,
    );
    const providers = new Set(trainingCalls.edges.map((edge: any) => edge.node.provider.name));
    expect([...providers]).toEqual(['Inlastek Welding Institute']);
    expect(trainingCalls.edges.map((edge: any) => edge.node.status)).toContain('DRAFT');
  });

  it('hides a draft from those who do not run it, on every path', async () => {
    const QUERY = `query ($id: ID!) { trainingCall(id: $id) { title status } }`;
    for (const viewer of [api.client(), await api.signIn(demo.teacher), await api.signIn(demo.provider)]) {
      expect((await viewer.data(QUERY, { id: ids.openCallInlastekDraft })).trainingCall).toBeNull();
    }
    expect(
      (await (await api.signIn(demo.otherProvider)).data(QUERY, { id: ids.openCallInlastekDraft }))
        .trainingCall.status,
    ).toBe('DRAFT');
  });
});
