// Pins the SQL the main screens cost: the calls list (with provider, skill area, programme and
// applicant counts), a training's participants, and the admin console's applications table and
// selection page (the documents the console sends) run the same statements whatever the number of
// rows: no N+1.
import { defaultTrainingDays, learningOutcomeRows } from '@kmg/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDocument } from '#test/admin-documents.ts';
import { callInput, createReviewedCall, demo, globalId, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({}, { jobs: false });
  const ids = await seededIds(api);
  // Enough calls for a 50-row page, each with applications.
  const template = await api.database.prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg-open-plc-hmi' },
  });
  const teachers = await api.database.prisma.user.findMany({
    where: { teacherProfile: { isNot: null } },
    take: 5,
  });
  const input = callInput(ids);
  await api.database.prisma.skkniUnit.create({ data: { code: 'C.250000.010.01', titleId: 'Unit' } });
  for (let index = 0; index < 60; index++) {
    await api.database.prisma.trainingCall.create({
      data: {
        ...input,
        programmeId: template.programmeId,
        providerId: template.providerId,
        skillAreaId: template.skillAreaId,
        title: `${input.title} ${index + 1}`,
        startDate: new Date(`${input.startDate}T00:00:00Z`),
        endDate: new Date(`${input.endDate}T00:00:00Z`),
        status: 'OPEN',
        competencyUnits: { create: [{ code: 'C.250000.010.01', title: 'Unit', position: 0 }] },
        learningOutcomes: { create: learningOutcomeRows(input.learningOutcomes) },
        applications: {
          create: teachers
            .slice(0, index % 5)
            .map((teacher) => ({ teacherId: teacher.id, motivation: 'x'.repeat(100) })),
        },
      },
    });
  }
});
afterAll(() => api?.close());

const LIST = `query ($first: Int!) {
  trainingCalls(first: $first, filter: { statuses: [OPEN] }, orderBy: { field: START_DATE, direction: ASC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id title startDate endDate city seats trainingHours applicationClosesAt status isAcceptingApplications
      province { name } provider { name } skillArea { name } programme { name } applicationCount
      competencyUnits { code }
    } }
  }
}`;

async function statementsFor(pageSize: number, viewer = api.client()) {
  api.resetQueries();
  const { trainingCalls } = await viewer.data(LIST, { first: pageSize });
  expect(trainingCalls.edges).toHaveLength(pageSize);
  return [...api.queries];
}

/**
 * Which tables each statement reads, to read the log at a glance (relations load in parallel:
 * sort). Prisma names them `"public"."users"`; our own SQL `users`.
 */
const tablesOf = (sql: string) =>
  [...sql.matchAll(/FROM (?:"public"\.)?"?(\w+)"?/g)].map((m) => m[1]).join('+');

describe('the calls list', () => {
  it('runs a fixed number of SQL statements whatever the page size', async () => {
    const five = await statementsFor(5);
    const twenty = await statementsFor(20);
    const fifty = await statementsFor(50);
    expect(twenty.length).toBe(five.length);
    expect(fifty.length).toBe(five.length);
    expect(fifty.map(tablesOf).sort()).toMatchInlineSnapshot(`
      [
        "competency_units",
        "organizations",
        "programmes",
        "skill_areas",
        "training_calls",
        "training_calls+applications",
      ]
    `);
  });

  it('reads only the columns the page asks for, not descriptions, settings or addresses', async () => {
    const statements = await statementsFor(20);
    const calls = statements.find((sql) => sql.includes('"public"."training_calls"."title"'));
    const providers = statements.find((sql) => tablesOf(sql) === 'organizations');
    expect(calls).toContain('"title"');
    for (const wide of ['"description"', '"eligibility_rules"', '"rubric"', '"address"'])
      expect(calls).not.toContain(wide);
    expect(providers).toContain('"name"');
    expect(providers).not.toContain('"address"');
  });

  it('adds only the session and permission lookups for a signed-in manager', async () => {
    const manager = await api.signIn(demo.manager);
    const five = await statementsFor(5, manager);
    const fifty = await statementsFor(50, manager);
    expect(fifty.length).toBe(five.length);
    expect(fifty.map(tablesOf).sort()).toMatchInlineSnapshot(`
      [
        "competency_units",
        "organizations",
        "programmes",
        "programmes",
        "sessions",
        "skill_areas",
        "training_calls",
        "training_calls+applications",
      ]
    `);
  });
});

describe('the participants of a training', () => {
  const PARTICIPANTS = `query ($id: ID!, $first: Int!) {
    trainingCall(id: $id) {
      trainingDays { id date }
      competencyUnits { id code }
      participants(first: $first) { totalCount edges { node {
        id status teacher { name } school { name }
        attendance { dayId present }
        assessments { decision unit { code } evidence { name } }
        completion { passed attendancePercent reasons { code } }
        issuanceStatus credentials { status }
      } } }
    }
  }`;

  it('costs the same statements for 5 participants as for 40', async () => {
    const call = await api.database.prisma.trainingCall.findUniqueOrThrow({
      where: { code: 'kmg-cnc-berjalan' },
      include: { trainingDays: true, competencyUnits: true },
    });
    const school = await api.database.prisma.organization.findUniqueOrThrow({
      where: { code: 'smkn-3-batam' },
    });
    const assessor = await api.database.prisma.user.findUniqueOrThrow({ where: { email: demo.provider } });
    for (let index = 0; index < 40; index++) {
      await api.database.prisma.user.create({
        data: {
          name: `Peserta ${index}`,
          email: `peserta.${index}@example.id`,
          roles: ['TEACHER'],
          organizationId: school.id,
          applications: {
            create: {
              callId: call.id,
              schoolId: school.id,
              motivation: 'x'.repeat(100),
              status: 'CONFIRMED',
              attendance: {
                create: call.trainingDays.map((day) => ({
                  dayId: day.id,
                  present: true,
                  recordedById: assessor.id,
                })),
              },
              assessments: {
                create: call.competencyUnits.map((unit) => ({
                  unitId: unit.id,
                  decision: 'KOMPETEN' as const,
                  assessorId: assessor.id,
                })),
              },
            },
          },
        },
      });
    }
    const provider = await api.signIn(demo.provider);
    const statementsOf = async (first: number) => {
      api.resetQueries();
      const { trainingCall: node } = await provider.data(PARTICIPANTS, {
        id: globalId('TrainingCall', call.id),
        first,
      });
      expect(node.participants.edges).toHaveLength(first);
      expect(node.participants.edges[first - 1].node.completion).toBeTruthy();
      return [...api.queries];
    };
    const five = await statementsOf(5);
    const forty = await statementsOf(40);
    expect(forty.length).toBe(five.length);
    // 22 today: the session (one statement with its user), the call, then one statement per
    // relation and the completion rule inputs.
    expect(five.length).toBeLessThanOrEqual(23);
  });
});

describe('the admin console on a reviewed call', () => {
  let small: { gid: string };
  let large: { gid: string };

  beforeAll(async () => {
    small = await createReviewedCall(api, { code: 'hitung-kecil', applications: 5 });
    large = await createReviewedCall(api, { code: 'hitung-besar', applications: 30 });
  });

  /** The statements a program manager's request costs, and the data it answered with. */
  async function statementsOf(query: string, variables: Record<string, unknown>) {
    const manager = await api.signIn(demo.manager);
    api.resetQueries();
    const data = await manager.data(query, variables);
    return { data, statements: [...api.queries] };
  }

  it('shows a call with its applications table (CallOverviewPage) in 22 statements, for 5 rows as for 25', async () => {
    const query = await adminDocument('CallOverviewPage');
    const page = (id: string, first: number) =>
      statementsOf(query, { id, status: null, first, after: null, last: null, before: null });
    const five = await page(small.gid, 10);
    const twentyFive = await page(large.gid, 25);
    const rows = twentyFive.data.trainingCall.applications.edges.map((edge: any) => edge.node);
    expect([five.data.trainingCall.applications.edges.length, rows.length]).toEqual([5, 25]);
    // The review columns: every row scored by both of the call's reviewers.
    for (const row of rows) expect(row.reviewSummary).toMatchObject({ count: 2, required: 2 });
    // Was 26 and 46: one COUNT of the call's reviewers per row. 20 until teachers' ratings of the
    // training joined the page (issue 14): three statements, whatever the rows. 22 since the
    // session and its user are read in one statement (issue 12).
    expect(five.statements).toHaveLength(22);
    expect(twentyFive.statements).toHaveLength(22);
    expect(twentyFive.statements.map(tablesOf).sort()).toMatchInlineSnapshot(`
      [
        "applications",
        "applications",
        "applications",
        "call_reviewers",
        "call_reviewers",
        "competency_units",
        "learning_outcomes",
        "organizations",
        "organizations",
        "programmes",
        "programmes",
        "reviews",
        "reviews",
        "sessions",
        "skill_areas",
        "teacher_profiles",
        "training_calls",
        "training_calls+applications",
        "training_ratings",
        "training_ratings",
        "users",
        "users",
      ]
    `);
  });

  it('shows the selection page with its preview (CallSelectionPage) in 22 statements, for 5 applications as for 30', async () => {
    const query = await adminDocument('CallSelectionPage');
    const page = (id: string) => statementsOf(query, { id, canAssign: true });
    const five = await page(small.gid);
    const thirty = await page(large.gid);
    expect([
      five.data.trainingCall.selectionPreview.length,
      thirty.data.trainingCall.selectionPreview.length,
    ]).toEqual([5, 30]);
    // The people a manager may assign: those with the selection reviewer role, found by the database.
    const reviewers = await api.database.prisma.user.findMany({ orderBy: { name: 'asc' } });
    expect(thirty.data.selectionReviewers.map((user: { name: string }) => user.name)).toEqual(
      reviewers.filter((user) => user.roles.includes('SELECTION_REVIEWER')).map((user) => user.name),
    );
    expect(five.statements).toHaveLength(22);
    expect(thirty.statements).toHaveLength(22);
    expect(thirty.statements.map(tablesOf).sort()).toMatchInlineSnapshot(`
      [
        "applications",
        "applications",
        "applications",
        "call_reviewers",
        "call_reviewers",
        "call_reviewers",
        "organizations",
        "organizations",
        "organizations",
        "organizations",
        "programmes",
        "programmes",
        "reviews",
        "reviews",
        "sessions",
        "training_calls",
        "training_calls+seats+applications",
        "users",
        "users",
        "users",
        "users",
        "users",
      ]
    `);
  });
});

describe("a call's training days", () => {
  it('are written with the call and read without writing anything', async () => {
    const manager = await api.signIn(demo.manager);
    const input = callInput(await seededIds(api));
    const { createTrainingCall } = await manager.data(
      `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) {
        ... on CreateTrainingCallSuccess { data { id } } } }`,
      { input },
    );
    const id = createTrainingCall.data.id;
    const read = async () => {
      api.resetQueries();
      const { trainingCall } = await manager.data(
        `query ($id: ID!) { trainingCall(id: $id) { trainingDays { id date } } }`,
        { id },
      );
      return {
        days: trainingCall.trainingDays,
        writes: api.queries.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(sql)),
      };
    };
    const first = await read();
    const second = await read();
    expect(first.writes).toEqual([]);
    expect(second.writes).toEqual([]);
    expect(first.days.map((day: { date: string }) => day.date)).toEqual(
      defaultTrainingDays(input.startDate, input.endDate),
    );
    expect(second.days).toEqual(first.days);
  });
});
