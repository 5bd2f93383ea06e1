// Contention on a first-come call: hundreds of teachers apply at once for 20 seats, and the ones
// who get a seat confirm it while others are still applying. Exactly 20 are seated, nobody twice,
// every request gets a typed answer, and nothing is lost: every arrival leaves its audit events, its
// notice and its queued email, in the order the database took the arrivals. (500 teachers on PostgreSQL; embedded
// PGlite has a single connection, so it runs a smaller crowd through the same path.)
import { arriveAtCall } from '@kmg/core/applications/arrival';
import { queueNames } from '@kmg/db';
import { testDatabaseKind } from '@kmg/db/testing';
import { learningOutcomeRows } from '@kmg/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callInput, globalId, MOTIVATION, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

const TEACHERS = testDatabaseKind() === 'postgres' ? 500 : 120;
const DOUBLE_SUBMITS = TEACHERS / 10;
/** Teachers of another subject, who apply in the same crowd and are refused. */
const INELIGIBLE = 10;
const SEATS = 20;

let api: TestApi;
let callId: string;
let teachers: Teacher[];
let clients: TestClient[];
let ineligible: Teacher[];

/** A first-come call without endorsement, open now, with its seat rows. */
async function createFirstComeCall(title: string, seats: number): Promise<{ id: string; globalId: string }> {
  const ids = await seededIds(api);
  const prisma = api.database.prisma;
  const programme = await prisma.programme.findFirstOrThrow({
    where: { year: { gte: 2026 } },
    orderBy: { year: 'desc' },
  });
  const template = callInput(ids);
  const call = await prisma.trainingCall.create({
    data: {
      ...template,
      programmeId: programme.id,
      providerId: (await prisma.organization.findUniqueOrThrow({ where: { code: 'pt-unggul-semesta' } })).id,
      skillAreaId: (await prisma.skillArea.findUniqueOrThrow({ where: { code: 'welding' } })).id,
      title,
      startDate: new Date(`${template.startDate}T00:00:00Z`),
      endDate: new Date(`${template.endDate}T00:00:00Z`),
      competencyUnits: undefined,
      learningOutcomes: { create: learningOutcomeRows(template.learningOutcomes) },
      seats,
      status: 'OPEN',
      selectionMode: 'FIRST_COME',
      requiresEndorsement: false,
      eligibilityRules: { subjects: ['Teknik Pengelasan'] },
    },
  });
  await prisma.$executeRaw`INSERT INTO seats (call_id, number) SELECT ${call.id}::uuid, n FROM generate_series(1, ${seats}::int) n`;
  return { id: call.id, globalId: globalId('TrainingCall', call.id) };
}

/** `count` teachers of one school, each with a signed-in client. */
type Teacher = { userId: string; client: TestClient };

async function createTeachers(prefix: string, count: number, firstNuptk: number): Promise<Teacher[]> {
  const prisma = api.database.prisma;
  const school = await prisma.organization.findUniqueOrThrow({ where: { code: 'smkn-4-sampit' } });
  const users = Array.from({ length: count }, (_, index) => ({
    name: `Guru ${prefix} ${index + 1}`,
    email: `guru.${prefix}.${index + 1}@example.id`,
    roles: ['TEACHER' as const],
    organizationId: school.id,
    username: String(firstNuptk + index),
  }));
  await prisma.user.createMany({ data: users });
  const created = await prisma.user.findMany({
    where: { email: { startsWith: `guru.${prefix}.` } },
    select: { id: true, username: true },
  });
  await prisma.teacherProfile.createMany({
    data: created.map((user) => ({
      userId: user.id,
      nuptk: user.username ?? '',
      schoolId: school.id,
      subject: 'Teknik Pengelasan',
      employmentStatus: 'PNS' as const,
      teachingSince: new Date('2015-07-13T00:00:00Z'),
    })),
  });
  // Clients in the order the users were listed, so the test can tell them apart.
  const byEmail = new Map(
    (
      await prisma.user.findMany({
        where: { email: { startsWith: `guru.${prefix}.` } },
        select: { id: true, email: true },
      })
    ).map((user) => [user.email, user.id]),
  );
  return Promise.all(
    users.map(async (user) => {
      const userId = byEmail.get(user.email) as string;
      return { userId, client: await api.sessionFor(userId) };
    }),
  );
}

beforeAll(async () => {
  api = await startTestApi();
  callId = (await createFirstComeCall('Pelatihan Kilat Pengelasan (first come)', SEATS)).globalId;
  teachers = await createTeachers('uji', TEACHERS, 8_000_000_000_000_000);
  clients = teachers.map((teacher) => teacher.client);
  ineligible = await createTeachers('lain', INELIGIBLE, 8_200_000_000_000_000);
  await api.database.prisma.teacherProfile.updateMany({
    where: { userId: { in: ineligible.map((teacher) => teacher.userId) } },
    data: { subject: 'Matematika' },
  });
}, 300_000);

afterAll(() => api?.close());

const APPLY = `mutation ($callId: ID!, $motivation: String!) { applyToCall(callId: $callId, motivation: $motivation) {
  __typename ... on ApplyToCallSuccess { data { id status } } ... on Error { code } } }`;
const CONFIRM = `mutation ($id: ID!) { confirmSeat(id: $id) { __typename ... on ConfirmSeatSuccess { data { status } } ... on Error { code } } }`;

describe(`first come, first served under contention (${TEACHERS} teachers, ${SEATS} seats)`, () => {
  it('seats exactly the seats, confirms them, answers everyone with a typed result, loses nothing', async () => {
    const httpStatuses: number[] = [];
    const outcomes: string[] = [];
    const confirmations: string[] = [];
    const send = async (client: TestClient, query: string, variables: Record<string, unknown>) => {
      const response = await client.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      httpStatuses.push(response.status);
      const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data ?? {};
    };
    const applyThenConfirm = async (client: TestClient) => {
      const { applyToCall } = await send(client, APPLY, { callId, motivation: MOTIVATION });
      outcomes.push(
        applyToCall.__typename === 'ApplyToCallSuccess' ? applyToCall.data.status : applyToCall.code,
      );
      if (applyToCall.data?.status === 'ACCEPTED') {
        const { confirmSeat } = await send(client, CONFIRM, { id: applyToCall.data.id });
        confirmations.push(
          confirmSeat.__typename === 'ConfirmSeatSuccess' ? confirmSeat.data.status : confirmSeat.code,
        );
      }
    };
    // Some teachers double-tap: two submits at once, whichever lands first is their application.
    const duplicates = clients.slice(0, DOUBLE_SUBMITS).map(applyThenConfirm);
    const refused = ineligible.map((teacher) => applyThenConfirm(teacher.client));
    await Promise.all([...clients.map(applyThenConfirm), ...duplicates, ...refused]);

    expect(httpStatuses.every((status) => status === 200)).toBe(true);
    const tally: Record<string, number> = {};
    for (const outcome of outcomes) tally[outcome] = (tally[outcome] ?? 0) + 1;
    expect(tally).toEqual({
      ACCEPTED: SEATS,
      WAITLISTED: TEACHERS - SEATS,
      ALREADY_APPLIED: DOUBLE_SUBMITS,
      NOT_ELIGIBLE: INELIGIBLE,
    });
    expect(confirmations).toEqual(Array(SEATS).fill('CONFIRMED'));

    const prisma = api.database.prisma;
    const call = await prisma.trainingCall.findFirstOrThrow({
      where: { title: 'Pelatihan Kilat Pengelasan (first come)' },
    });
    const rows = await prisma.application.groupBy({
      by: ['status'],
      where: { callId: call.id },
      _count: true,
    });
    expect(Object.fromEntries(rows.map((row) => [row.status, row._count]))).toEqual({
      CONFIRMED: SEATS,
      WAITLISTED: TEACHERS - SEATS,
    });
    const seats = await prisma.seat.findMany({ where: { callId: call.id } });
    expect(seats).toHaveLength(SEATS);
    expect(new Set(seats.map((seat) => seat.applicationId)).size).toBe(SEATS);
    expect(seats.every((seat) => seat.applicationId !== null)).toBe(true);
    await expectArrivalOrder(call.id, teachers);
    await expectArrivalRecords(call.id, { seats: SEATS, refused: ineligible });
    // On PostgreSQL the crowd went in groups: rows written by one transaction share its id (xmin;
    // waitlisted rows, which nothing changed since). Embedded PGlite runs one query at a time in
    // this thread, so its arrivals reach the line one by one; the tests below group them on purpose.
    if (testDatabaseKind() === 'postgres') {
      const transactions = await prisma.$queryRaw<{ count: bigint }[]>`
        SELECT count(DISTINCT xmin::text) AS count FROM applications
        WHERE call_id = ${call.id}::uuid AND status = 'WAITLISTED'`;
      expect(Number(transactions[0]?.count)).toBeLessThan(TEACHERS - SEATS);
    }
    // A second tap that went in a group left no email job behind (removed just after the answer).
    await vi.waitFor(
      async () => {
        const orphans = await prisma.$queryRaw<{ count: bigint }[]>`
          SELECT count(*) AS count FROM pgboss.job j WHERE j.name = ${queueNames.email}
            AND NOT EXISTS (SELECT 1 FROM email_messages e WHERE e.id = (j.data->>'emailId')::uuid)`;
        expect(Number(orphans[0]?.count)).toBe(0);
      },
      { timeout: 60_000, interval: 200 },
    );
  });
});

describe("arrivals that reach the API while the call's statement is in flight", () => {
  /** Arrivals at the call, started in this order within one tick, as a crowd's requests reach the API. */
  async function arriveInOrder(
    callDbId: string,
    crowd: Teacher[],
    /** The school an arrival names; its teacher's own unless a test says otherwise. */
    schoolOf: (index: number, school: string | null) => string | null = (_, school) => school,
  ) {
    const prisma = api.database.prisma;
    const call = await prisma.trainingCall.findUniqueOrThrow({ where: { id: callDbId } });
    const users = await prisma.user.findMany({
      where: { id: { in: crowd.map((teacher) => teacher.userId) } },
      include: { teacherProfile: { select: { schoolId: true } } },
    });
    const byId = new Map(users.map((user) => [user.id, user]));
    const now = new Date();
    return Promise.allSettled(
      crowd.map((teacher, index) => {
        const user = byId.get(teacher.userId);
        if (!user) throw new Error(`teacher ${teacher.userId} not found`);
        return arriveAtCall({
          call,
          teacher: { id: user.id, email: user.email, locale: 'id' },
          fields: {
            motivation: MOTIVATION,
            schoolId: schoolOf(index, user.teacherProfile?.schoolId ?? null),
          },
          now,
        });
      }),
    );
  }

  const transactionsOf = async (callDbId: string) =>
    (
      await api.database.prisma.$queryRaw<{ teacher_id: string; tx: string }[]>`
        SELECT teacher_id, xmin::text AS tx FROM applications WHERE call_id = ${callDbId}::uuid ORDER BY queue_number`
    ).map((row) => row.tx);

  it('go together in one transaction, in the order they arrived', async () => {
    const call = await createFirstComeCall('Pengelasan Rombongan (first come)', 3);
    const crowd = await createTeachers('rombongan', 6, 8_300_000_000_000_000);
    const settled = await arriveInOrder(call.id, crowd);
    const outcomes = settled.map((result) => (result.status === 'fulfilled' ? result.value : result.reason));
    expect(
      outcomes.map(({ status, queueNumber, seatNumber, waitlistPosition }) => [
        status,
        queueNumber,
        seatNumber,
        waitlistPosition,
      ]),
    ).toEqual([
      ['ACCEPTED', 1, 1, null],
      ['ACCEPTED', 2, 2, null],
      ['ACCEPTED', 3, 3, null],
      ['WAITLISTED', 4, null, 1],
      ['WAITLISTED', 5, null, 2],
      ['WAITLISTED', 6, null, 3],
    ]);
    // The first went alone at once; the five that came while it was in flight went together.
    const transactions = await transactionsOf(call.id);
    expect(transactions).toHaveLength(6);
    expect(new Set(transactions.slice(1)).size).toBe(1);
    expect(transactions[0]).not.toBe(transactions[1]);
    await expectArrivalOrder(call.id, crowd);
  });

  it('answer a failure in a group on its own, and settle the rest of the group in order', async () => {
    const call = await createFirstComeCall('Pengelasan Rombongan Gagal (first come)', 3);
    const crowd = await createTeachers('gagal', 6, 8_400_000_000_000_000);
    // The fourth names a school that does not exist: the database refuses its row (foreign key),
    // which rolls back the whole group it went in.
    const settled = await arriveInOrder(call.id, crowd, (index, school) =>
      index === 3 ? '00000000-0000-4000-8000-000000000000' : school,
    );
    expect(settled.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const outcomes = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(
      outcomes.map(({ status, queueNumber, waitlistPosition }) => [status, queueNumber, waitlistPosition]),
    ).toEqual([
      ['ACCEPTED', 1, null],
      ['ACCEPTED', 2, null],
      ['ACCEPTED', 3, null],
      ['WAITLISTED', 4, 1],
      ['WAITLISTED', 5, 2],
    ]);
    // After the group failed, each went again alone: one transaction each.
    expect(new Set(await transactionsOf(call.id)).size).toBe(5);
    await expectArrivalOrder(call.id, crowd);
    const refused = crowd[3] as Teacher;
    const prisma = api.database.prisma;
    expect(await prisma.application.count({ where: { teacherId: refused.userId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { actorId: refused.userId } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: refused.userId } })).toBe(0);
  });
});

/**
 * What each arrival at a call nobody has left leaves behind, checked in the database:
 * - queue numbers 1..n without gaps, given in the order the database took the arrivals (the order
 *   of their submission events), and the seats held by exactly the first `seats` of them;
 * - per application, in this order: the submission (to SUBMITTED), then the outcome (to ACCEPTED,
 *   or to WAITLISTED because the seats were full), then, for a confirmed seat, the confirmation;
 * - per teacher, one notice of the outcome, a waitlisted one naming their place on the waitlist
 *   (then one for the confirmation), and one email saying the same, with its delivery job queued;
 * - nothing at all for a refused teacher.
 */
async function expectArrivalRecords(
  callDbId: string,
  { seats, refused }: { seats: number; refused: Teacher[] },
) {
  const prisma = api.database.prisma;
  const applications = await prisma.application.findMany({
    where: { callId: callDbId },
    select: {
      id: true,
      teacherId: true,
      status: true,
      queueNumber: true,
      teacher: { select: { email: true } },
    },
    orderBy: { queueNumber: 'asc' },
  });
  expect(applications.map((application) => application.queueNumber)).toEqual(
    applications.map((_, index) => index + 1),
  );
  expect(applications.slice(0, seats).every((application) => application.status === 'CONFIRMED')).toBe(true);
  expect(applications.slice(seats).every((application) => application.status === 'WAITLISTED')).toBe(true);

  const events = await prisma.auditEvent.findMany({ where: { callId: callDbId }, orderBy: { id: 'asc' } });
  const submissions = events.filter((event) => event.action === 'application.submitted');
  expect(submissions.map((event) => event.applicationId)).toEqual(
    applications.map((application) => application.id),
  );
  const trailOf = (id: string) =>
    events
      .filter((event) => event.applicationId === id)
      .map((event) => [event.action, event.fromStatus, event.toStatus, event.reason, event.actorId]);
  for (const [index, application] of applications.entries()) {
    const teacher = application.teacherId;
    expect(trailOf(application.id)).toEqual(
      index < seats
        ? [
            ['application.submitted', null, 'SUBMITTED', null, teacher],
            ['application.accepted', 'SUBMITTED', 'ACCEPTED', null, teacher],
            ['application.confirmed', 'ACCEPTED', 'CONFIRMED', null, teacher],
          ]
        : [
            ['application.submitted', null, 'SUBMITTED', null, teacher],
            ['application.waitlisted', 'SUBMITTED', 'WAITLISTED', 'SEATS_FULL', teacher],
          ],
    );
  }

  const notices = await prisma.notification.findMany({
    where: { callId: callDbId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const noticesOf = (id: string) =>
    notices.filter((notice) => notice.applicationId === id).map((notice) => [notice.kind, notice.params]);
  const call = await prisma.trainingCall.findUniqueOrThrow({ where: { id: callDbId } });
  for (const [index, application] of applications.entries()) {
    expect(noticesOf(application.id)).toEqual(
      index < seats
        ? [
            ['APPLICATION_ACCEPTED', expect.objectContaining({ call: call.title })],
            ['SEAT_CONFIRMED', { call: call.title }],
          ]
        : [['APPLICATION_WAITLISTED', { call: call.title, position: index + 1 - seats }]],
    );
  }

  const emails = await prisma.emailMessage.findMany({
    where: { toAddress: { in: applications.map((application) => application.teacher.email) } },
  });
  const jobs = await prisma.$queryRaw<{ email_id: string }[]>`
    SELECT data->>'emailId' AS email_id FROM pgboss.job WHERE name = ${queueNames.email}`;
  const queued = new Set(jobs.map((job) => job.email_id));
  for (const [index, application] of applications.entries()) {
    const arrival = index < seats ? /Anda mendapat kursi/ : /daftar tunggu/;
    const mine = emails.filter(
      (email) => email.toAddress === application.teacher.email && arrival.test(email.text),
    );
    expect(mine).toHaveLength(1);
    const [email] = mine;
    if (index >= seats) expect(email?.text).toMatch(`urutan ke-${index + 1 - seats} daftar tunggu`);
    expect(queued.has(email?.id ?? '')).toBe(true);
  }

  const refusedIds = refused.map((teacher) => teacher.userId);
  expect(await prisma.application.count({ where: { teacherId: { in: refusedIds } } })).toBe(0);
  expect(await prisma.auditEvent.count({ where: { actorId: { in: refusedIds } } })).toBe(0);
  expect(await prisma.notification.count({ where: { userId: { in: refusedIds } } })).toBe(0);
}

type Sent = { status: number; body: { data?: Record<string, any>; errors?: unknown[] } };

async function send(client: TestClient, query: string, variables: Record<string, unknown>): Promise<Sent> {
  const response = await client.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Sent['body'] };
}

/** The field's result type name, or the failure as text (HTTP status, GraphQL errors). */
function outcomeOf(sent: Sent, field: string): string {
  if (sent.status !== 200 || sent.body.errors)
    return `HTTP ${sent.status} ${JSON.stringify(sent.body.errors)}`;
  const result = sent.body.data?.[field];
  return result.__typename.endsWith('Success') ? (result.data?.status ?? 'OK') : result.code;
}

/**
 * What every teacher is owed on a first-come call, checked in the database and through the API:
 * - no seat is held twice, and no seat is empty while anyone waits;
 * - the seat holders are exactly the ACCEPTED and CONFIRMED applications;
 * - arrival order: nobody who reached the queue earlier waits while a later arrival holds a seat;
 * - the waitlist positions teachers see are 1..n, without gaps, in arrival order.
 */
async function expectArrivalOrder(callDbId: string, teachers: Teacher[]) {
  const prisma = api.database.prisma;
  const call = await prisma.trainingCall.findUniqueOrThrow({ where: { id: callDbId } });
  const seats = await prisma.seat.findMany({ where: { callId: callDbId } });
  const applications = await prisma.application.findMany({
    where: { callId: callDbId },
    select: { id: true, teacherId: true, status: true, queueNumber: true },
  });
  const waiting = applications.filter((application) => application.status === 'WAITLISTED');
  const holders = seats.flatMap((seat) => (seat.applicationId ? [seat.applicationId] : []));

  expect(seats).toHaveLength(call.seats);
  expect(new Set(holders).size).toBe(holders.length);
  if (waiting.length > 0) expect(holders).toHaveLength(call.seats);
  const seated = applications.filter((application) => ['ACCEPTED', 'CONFIRMED'].includes(application.status));
  expect(new Set(holders)).toEqual(new Set(seated.map((application) => application.id)));

  const lastSeated = Math.max(...seated.map((application) => application.queueNumber ?? Number.NaN));
  const firstWaiting = Math.min(...waiting.map((application) => application.queueNumber ?? Number.NaN));
  expect(Number.isNaN(lastSeated) || Number.isNaN(firstWaiting)).toBe(false);
  if (waiting.length > 0 && seated.length > 0) expect(lastSeated).toBeLessThan(firstWaiting);

  const clientOf = new Map(teachers.map((teacher) => [teacher.userId, teacher.client] as const));
  const positions = await Promise.all(
    waiting.map(async (application) => {
      const client = clientOf.get(application.teacherId) as TestClient;
      const { application: seen } = await client.data(
        `query ($id: ID!) { application(id: $id) { waitlistPosition } }`,
        { id: globalId('Application', application.id) },
      );
      return { queueNumber: application.queueNumber ?? 0, position: seen.waitlistPosition as number };
    }),
  );
  positions.sort((a, b) => a.queueNumber - b.queueNumber);
  expect(positions.map((entry) => entry.position)).toEqual(waiting.map((_, index) => index + 1));
}

// Seats change hands while newcomers arrive: seated teachers decline or withdraw, waitlisted ones
// withdraw and new teachers apply, all at the same moment, twice over. (40 seats and 320 teachers
// on PostgreSQL; a smaller crowd on PGlite.)
const CHURN =
  testDatabaseKind() === 'postgres'
    ? { seats: 40, first: 200, leaving: 25, withdrawing: 20, newcomers: 60 }
    : { seats: 10, first: 50, leaving: 6, withdrawing: 5, newcomers: 15 };

describe(`first come under churn (${CHURN.seats} seats, ${CHURN.first + 2 * CHURN.newcomers} teachers)`, () => {
  it('gives every freed seat to the head of the waitlist and never seats a newcomer over those waiting', async () => {
    const call = await createFirstComeCall('Pengelasan Antrean (first come)', CHURN.seats);
    const crowd = await createTeachers('antre', CHURN.first + 2 * CHURN.newcomers, 8_100_000_000_000_000);
    const prisma = api.database.prisma;
    const applicationOf = new Map<Teacher, string>();
    const failures: string[] = [];
    const apply = async (teacher: Teacher) => {
      const sent = await send(teacher.client, APPLY, { callId: call.globalId, motivation: MOTIVATION });
      const outcome = outcomeOf(sent, 'applyToCall');
      if (outcome !== 'ACCEPTED' && outcome !== 'WAITLISTED') failures.push(`apply: ${outcome}`);
      else applicationOf.set(teacher, sent.body.data?.applyToCall.data.id);
    };
    const leave = async (teacher: Teacher, how: 'declineSeat' | 'withdrawApplication') => {
      const id = applicationOf.get(teacher) as string;
      const sent = await send(
        teacher.client,
        `mutation ($id: ID!) { ${how}(id: $id) { __typename ... on Error { code } } }`,
        {
          id,
        },
      );
      const outcome = outcomeOf(sent, how);
      if (outcome !== 'OK') failures.push(`${how}: ${outcome}`);
    };
    const statusOf = async (teacher: Teacher) =>
      (
        await prisma.application.findFirstOrThrow({
          where: { callId: call.id, teacherId: teacher.userId },
          select: { status: true },
        })
      ).status;

    const first = crowd.slice(0, CHURN.first);
    await Promise.all(first.map(apply));
    expect(failures).toEqual([]);
    await expectArrivalOrder(call.id, crowd);

    let freedSeats = 0;
    const arrived: Teacher[] = [...first];
    for (const round of [1, 2]) {
      const statuses = await Promise.all(
        arrived.map(async (teacher) => [teacher, await statusOf(teacher)] as const),
      );
      const seated = statuses.filter(([, status]) => status === 'ACCEPTED').map(([teacher]) => teacher);
      const waiting = statuses.filter(([, status]) => status === 'WAITLISTED').map(([teacher]) => teacher);
      const leaving = seated.slice(0, CHURN.leaving);
      const withdrawing = waiting.slice(-CHURN.withdrawing);
      const newcomers = crowd.slice(
        CHURN.first + (round - 1) * CHURN.newcomers,
        CHURN.first + round * CHURN.newcomers,
      );
      await Promise.all([
        ...leaving.map((teacher, index) => leave(teacher, index % 2 ? 'declineSeat' : 'withdrawApplication')),
        ...withdrawing.map((teacher) => leave(teacher, 'withdrawApplication')),
        ...newcomers.map(apply),
      ]);
      expect(failures).toEqual([]);
      freedSeats += leaving.length;
      await expectArrivalOrder(call.id, crowd);

      // Independently of queue numbers: everyone who was waiting before this round began arrived
      // before its newcomers, so no newcomer may hold a seat while one of them still waits.
      const stillWaiting = await Promise.all(waiting.map(statusOf));
      const newcomersSeated = (await Promise.all(newcomers.map(statusOf))).filter(
        (status) => status === 'ACCEPTED',
      );
      if (stillWaiting.includes('WAITLISTED')) expect(newcomersSeated).toEqual([]);
      arrived.push(...newcomers);

      // Every seat freed while teachers waited went to one of them, in the same transaction.
      const promoted = await prisma.auditEvent.count({
        where: { callId: call.id, action: 'application.promoted' },
      });
      expect(promoted).toBe(freedSeats);
    }

    // The database itself refuses a seat given past someone who arrived earlier.
    const [seat] = await prisma.$queryRaw<{ id: string }[]>`
      UPDATE seats SET application_id = NULL WHERE id = (
        SELECT id FROM seats WHERE call_id = ${call.id}::uuid ORDER BY number LIMIT 1
      ) RETURNING id`;
    const last = await prisma.application.findFirstOrThrow({
      where: { callId: call.id, status: 'WAITLISTED' },
      orderBy: { queueNumber: 'desc' },
    });
    await expect(
      prisma.$executeRaw`UPDATE seats SET application_id = ${last.id}::uuid WHERE id = ${seat?.id}::uuid`,
    ).rejects.toThrow(/arrival order/);
  });
});
