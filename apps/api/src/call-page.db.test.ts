// The calls list's one-statement page (call-page.ts) against Prisma's findMany and count on the same
// query, row for row: every selection the lists send, filters, orders both ways, and pages after a
// cursor. And what it leaves to Prisma, and what the lists cost through the API.
import { publishedCall } from '@kmg/core/applications/apply-to-call';
import { readCallPage } from '@kmg/core/calls/call-page';
import { publishedCallsWhere } from '@kmg/core/rules/calls';
import { db, Prisma } from '@kmg/db';
import { copyableCallFields } from '@kmg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;
let skillAreaIds: string[] = [];
let teacherId = '';

beforeAll(async () => {
  api = await startTestApi({}, { jobs: false });
  const prisma = api.database.prisma;
  const template = await prisma.trainingCall.findUniqueOrThrow({ where: { code: 'kmg-open-plc-hmi' } });
  const fields = copyableCallFields(template);
  skillAreaIds = (await prisma.skillArea.findMany({ orderBy: { code: 'asc' } })).map((area) => area.id);
  const provinces = ['JAWA_BARAT', 'JAWA_TIMUR', 'PAPUA', 'ACEH'];
  const statuses = ['OPEN', 'OPEN', 'CLOSED', 'DRAFT', 'OPEN'] as const;
  // Ties on purpose: five calls share each start date and closing time, so the id decides.
  await prisma.trainingCall.createMany({
    data: Array.from({ length: 40 }, (_, index) => ({
      ...fields,
      title: `Pelatihan ${String.fromCharCode(65 + (index % 26))} ${index}`,
      province: provinces[index % provinces.length] as string,
      status: statuses[index % statuses.length],
      skillAreaId: skillAreaIds[index % 3] as string,
      seats: 10 + (index % 7),
      startDate: new Date(Date.UTC(2027, 0, 1 + Math.floor(index / 5))),
      applicationClosesAt: new Date(Date.UTC(2026, 11, 20 + Math.floor(index / 5), 9)),
    })),
  });
  const teachers = await prisma.user.findMany({ where: { teacherProfile: { isNot: null } }, take: 3 });
  teacherId = teachers[0]?.id as string;
  const calls = await prisma.trainingCall.findMany({ where: { status: 'OPEN' }, orderBy: { id: 'asc' } });
  await prisma.application.createMany({
    data: calls.flatMap((call, index) =>
      teachers.slice(0, index % 4).map((teacher, position) => ({
        callId: call.id,
        teacherId: teacher.id,
        motivation: 'Ingin belajar.',
        status: position === 1 ? ('WITHDRAWN' as const) : ('SUBMITTED' as const),
      })),
    ),
    skipDuplicates: true,
  });
});
afterAll(() => api?.close());

/** What the GraphQL plugin asks for on the learner's list, the bench's and the first screen's. */
const selections: Record<string, Prisma.TrainingCallSelect> = {
  learner: {
    id: true,
    title: true,
    status: true,
    mode: true,
    city: true,
    province: true,
    startDate: true,
    endDate: true,
    trainingHours: true,
    seats: true,
    applicationOpensAt: true,
    applicationClosesAt: true,
    providerId: true,
    provider: { select: { id: true, name: true } },
    skillArea: true,
    _count: { select: { applications: { where: { status: { not: 'WITHDRAWN' } } } } },
  },
  everything: {
    id: true,
    programme: true,
    provider: true,
    skillArea: true,
    _count: { select: { applications: true } },
  },
  // Every column of a call: each field's column name is derived, so each is read once here.
  scalars: Object.fromEntries(
    Object.values(Prisma.TrainingCallScalarFieldEnum).map((field) => [field, true]),
  ),
};

const wheres: Record<string, Prisma.TrainingCallWhereInput> = {
  published: { AND: [publishedCallsWhere] },
  'open in two provinces': {
    AND: [publishedCallsWhere, { status: { in: ['OPEN'] } }, { province: { in: ['JAWA_BARAT', 'PAPUA'] } }],
  },
  'accepting, by date window': {
    AND: [
      publishedCallsWhere,
      { startDate: { gte: new Date('2027-01-03T00:00:00Z') } },
      { startDate: { lte: new Date('2027-01-06T00:00:00Z') } },
      {
        status: 'OPEN',
        applicationOpensAt: { lte: new Date('2026-12-04T00:00:00Z') },
        applicationClosesAt: { gt: new Date('2026-12-21T00:00:00Z') },
      },
    ],
  },
  "a manager's drafts too": {
    AND: [{ OR: [publishedCallsWhere, { programmeId: { in: ['00000000-0000-0000-0000-000000000000'] } }] }],
  },
};

const orders = ['startDate', 'applicationClosesAt', 'title', 'createdAt', 'seats'] as const;

async function both(
  select: Prisma.TrainingCallSelect,
  where: Prisma.TrainingCallWhereInput,
  field: string,
  direction: 'asc' | 'desc',
  page: { take?: number; skip?: number; cursor?: { id: string } },
) {
  const query = { select, ...page };
  const fast = await readCallPage(query, where, { field, direction });
  const prisma = await db().trainingCall.findMany({
    ...query,
    where,
    orderBy: [{ [field]: direction }, { id: direction }],
  });
  return { fast, prisma };
}

describe('readCallPage', () => {
  it('returns the rows Prisma returns, for every selection, filter and order the lists use', async () => {
    wheres['two skill areas'] = {
      AND: [publishedCallsWhere, { skillAreaId: { in: skillAreaIds.slice(0, 2) } }],
    };
    let compared = 0;
    for (const select of Object.values(selections)) {
      for (const [name, where] of Object.entries(wheres)) {
        for (const field of orders) {
          for (const direction of ['asc', 'desc'] as const) {
            const { fast, prisma } = await both(select, where, field, direction, { take: 11, skip: 0 });
            expect(fast, `${name} by ${field} ${direction}`).not.toBeNull();
            expect(fast?.rows, `${name} by ${field} ${direction}`).toEqual(prisma);
            const total = await db().trainingCall.count({ where });
            expect(fast?.total, `${name}: total`).toBe(prisma.length > 0 ? total : null);
            compared += prisma.length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('continues after a cursor as Prisma does, and leaves the total to a count', async () => {
    const where = wheres.published as Prisma.TrainingCallWhereInput;
    for (const field of orders) {
      for (const direction of ['asc', 'desc'] as const) {
        const first = await db().trainingCall.findMany({
          where,
          orderBy: [{ [field]: direction }, { id: direction }],
          take: 7,
        });
        const cursor = { id: first[6]?.id as string };
        const { fast, prisma } = await both(
          selections.learner as Prisma.TrainingCallSelect,
          where,
          field,
          direction,
          {
            take: 7,
            skip: 1,
            cursor,
          },
        );
        expect(prisma.length).toBe(7);
        expect(fast?.rows, `${field} ${direction}`).toEqual(prisma);
        expect(fast?.total).toBeNull();
      }
    }
  });

  it("gives each call the viewer's own application, or none to a signed-out visitor", async () => {
    const where = wheres.published as Prisma.TrainingCallWhereInput;
    for (const own of [{ teacherId }, { id: { in: [] } }] as Prisma.ApplicationWhereInput[]) {
      const select = {
        ...selections.learner,
        applications: { where: own, take: 1, select: { id: true, status: true, submittedAt: true } },
      };
      const { fast, prisma } = await both(select, where, 'startDate', 'asc', { take: 30 });
      expect(fast?.rows).toEqual(prisma);
      const mine = prisma.filter((call) => call.applications.length > 0).length;
      if (own.teacherId) expect(mine).toBeGreaterThan(3);
      else expect(mine).toBe(0);
    }
  });

  it('leaves to Prisma what it does not compile: a text search, a to-many list, paging backwards', async () => {
    const learner = selections.learner as Prisma.TrainingCallSelect;
    const order = { field: 'startDate', direction: 'asc' } as const;
    const published = wheres.published;
    expect(
      await readCallPage({ select: learner }, { title: { contains: 'Las', mode: 'insensitive' } }, order),
    ).toBeNull();
    expect(
      await readCallPage({ select: { ...learner, competencyUnits: true } }, published, order),
    ).toBeNull();
    expect(await readCallPage({ select: learner, take: -5 }, published, order)).toBeNull();
    expect(await readCallPage({ select: learner }, { NOT: { status: 'DRAFT' } }, order)).toBeNull();
    // Prisma's own readings of empty conditions (an empty OR matches every row, `{}` in OR none).
    expect(await readCallPage({ select: learner }, { AND: [{ OR: [] }] }, order)).toBeNull();
    expect(await readCallPage({ select: learner }, { OR: [{}, { status: 'OPEN' }] }, order)).toBeNull();
    expect(
      await readCallPage({ select: learner }, published, { field: 'description', direction: 'asc' }),
    ).toBeNull();
  });
});

const LEARNER_LIST = `query ($first: Int!, $after: String) {
  trainingCalls(first: $first, after: $after, filter: { acceptingApplications: true }, orderBy: { field: APPLICATION_CLOSES_AT, direction: ASC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id title status mode city province { code name } startDate endDate trainingHours seats
      applicationCount applicationOpensAt applicationClosesAt timeZone isAcceptingApplications
      provider { id name } skillArea { id nameId nameEn } viewerApplication { id status }
    } }
  }
}`;

type ListPage = {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

describe('publishedCall (what an application reads of its call)', () => {
  it('reads every published call as Prisma does, field for field, and no draft', async () => {
    // One call with every optional setting filled: calendar dates, JSON settings, nullable times.
    const filled = await db().trainingCall.findFirstOrThrow({
      where: { status: 'OPEN' },
      orderBy: { id: 'asc' },
    });
    await db().trainingCall.update({
      where: { id: filled.id },
      data: {
        seatsPerProvince: { JAWA_BARAT: 3 },
        endorsementDeadline: new Date('2026-12-24T09:30:00.123Z'),
        travelSupport: 'REIMBURSED_UP_TO',
        travelSupportMaxRupiah: 1_500_000,
        minScore: 6_500,
      },
    });
    const calls = await db().trainingCall.findMany({ orderBy: { id: 'asc' } });
    expect(calls.some((call) => call.status === 'DRAFT')).toBe(true);
    // East of Greenwich, where a calendar date read as local midnight falls on the day before.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Jakarta';
    try {
      for (const call of calls) {
        const expected = await db().trainingCall.findFirst({
          where: { id: call.id, ...publishedCallsWhere },
        });
        expect(await publishedCall(call.id)).toStrictEqual(expected);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(await publishedCall('00000000-0000-7000-8000-000000000000')).toBeNull();
  });

  it('still reads once a migration adds a column, though its statement was prepared before', async () => {
    const call = await db().trainingCall.findFirstOrThrow({ where: { status: 'OPEN' } });
    for (let run = 0; run < 5; run++) await publishedCall(call.id);
    await db().$executeRawUnsafe('ALTER TABLE training_calls ADD COLUMN rolling_deploy_probe INT');
    try {
      for (let run = 0; run < 5; run++) expect((await publishedCall(call.id))?.id).toBe(call.id);
    } finally {
      await db().$executeRawUnsafe('ALTER TABLE training_calls DROP COLUMN rolling_deploy_probe');
    }
  });
});

describe('the learner calls list through the API', () => {
  it('costs one statement for a visitor and two for a teacher, the total included', async () => {
    api.resetQueries();
    const visitor = await api.client().data(LEARNER_LIST, { first: 10 });
    expect(visitor.trainingCalls.edges).toHaveLength(10);
    expect(visitor.trainingCalls.totalCount).toBeGreaterThan(10);
    expect(api.queries).toHaveLength(1);

    const teacher = await api.signIn(demo.teacher);
    await teacher.data(LEARNER_LIST, { first: 10 });
    api.resetQueries();
    const signedIn = await teacher.data(LEARNER_LIST, { first: 10 });
    expect(signedIn.trainingCalls.totalCount).toBe(visitor.trainingCalls.totalCount);
    // Besides the session, read with its user in one statement.
    expect(api.queries).toHaveLength(3);
    expect(api.queries.filter((sql) => !/\bsessions\b/.test(sql))).toHaveLength(2);
  });

  it('pages on with a cursor through every visible call once', async () => {
    const client = api.client();
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: { trainingCalls: ListPage } = await client.data(LEARNER_LIST, { first: 4, after });
      const { trainingCalls } = page;
      total = trainingCalls.totalCount;
      seen.push(...trainingCalls.edges.map((edge: { node: { id: string } }) => edge.node.id));
      after = trainingCalls.pageInfo.hasNextPage ? trainingCalls.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
  });
});
