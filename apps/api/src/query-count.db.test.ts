// Pins the SQL the main screens cost: the calls list (with provider, skill area, programme and
// applicant counts) runs the same statements whatever the page size: no N+1.
import { learningOutcomeRows } from '@kmg/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInput, demo, globalId, seededIds } from '#test/fixtures.ts';
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

/** Which tables each statement reads, to read the log at a glance (relations load in parallel: sort). */
const tablesOf = (sql: string) => [...sql.matchAll(/FROM "public"\."(\w+)"/g)].map((m) => m[1]).join('+');

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
        "users",
        "users",
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
    // 23 today: the session, the call, then one statement per relation and the completion rule inputs.
    expect(five.length).toBeLessThanOrEqual(24);
  });
});
