// Contention on a first-come call: hundreds of teachers apply at once for 20 seats, and the ones
// who get a seat confirm it while others are still applying. Exactly 20 are seated, nobody twice,
// every request gets a typed answer, and nothing is lost. (500 teachers on PostgreSQL; embedded
// PGlite has a single connection, so it runs a smaller crowd through the same path.)
import { testDatabaseKind } from '@kmg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInput, globalId, MOTIVATION, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

const TEACHERS = testDatabaseKind() === 'postgres' ? 500 : 120;
const DOUBLE_SUBMITS = TEACHERS / 10;
const SEATS = 20;

let api: TestApi;
let callId: string;
let clients: TestClient[];

beforeAll(async () => {
  api = await startTestApi();
  const ids = await seededIds(api);
  const prisma = api.database.prisma;
  const school = await prisma.organization.findUniqueOrThrow({ where: { code: 'smkn-4-sampit' } });
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
      title: 'Pelatihan Kilat Pengelasan (first come)',
      startDate: new Date(`${template.startDate}T00:00:00Z`),
      endDate: new Date(`${template.endDate}T00:00:00Z`),
      competencyUnits: undefined,
      seats: SEATS,
      status: 'OPEN',
      selectionMode: 'FIRST_COME',
      requiresEndorsement: false,
    },
  });
  await prisma.$executeRaw`INSERT INTO seats (call_id, number) SELECT ${call.id}::uuid, n FROM generate_series(1, ${SEATS}::int) n`;
  callId = globalId('TrainingCall', call.id);

  const users = Array.from({ length: TEACHERS }, (_, index) => ({
    name: `Guru Uji ${index + 1}`,
    email: `guru.uji.${index + 1}@example.id`,
    roles: ['TEACHER' as const],
    organizationId: school.id,
    username: String(8_000_000_000_000_000 + index),
  }));
  await prisma.user.createMany({ data: users });
  const created = await prisma.user.findMany({
    where: { email: { startsWith: 'guru.uji.' } },
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
  clients = await Promise.all(created.map((user) => api.sessionFor(user.id)));
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
    await Promise.all([...clients.map(applyThenConfirm), ...duplicates]);

    expect(httpStatuses.every((status) => status === 200)).toBe(true);
    const tally: Record<string, number> = {};
    for (const outcome of outcomes) tally[outcome] = (tally[outcome] ?? 0) + 1;
    expect(tally).toEqual({ ACCEPTED: SEATS, WAITLISTED: TEACHERS - SEATS, ALREADY_APPLIED: DOUBLE_SUBMITS });
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
    // The waitlist is in arrival order, with no gaps.
    const waitlisted = await prisma.application.findMany({
      where: { callId: call.id, status: 'WAITLISTED' },
      orderBy: { waitlistedAt: 'asc' },
    });
    expect(waitlisted).toHaveLength(TEACHERS - SEATS);
  });
});
