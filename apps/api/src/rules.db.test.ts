// The rules agree with themselves: for every role and every verb, the `where` a list uses lets
// through exactly the rows the one-record predicate allows, over the whole demo data (with an
// application still waiting for its principal in a call whose reviewers are assigned, and a piece
// of evidence, so every grant has rows on both sides of it).
import { type Actor, createActor, loadViewer } from '@kmg/core/actor';
import { type ApplicationVerb, applicationRule, applicationsWhere } from '@kmg/core/rules/applications';
import { type CallVerb, callRule, callsWhere } from '@kmg/core/rules/calls';
import { type CredentialVerb, credentialRule, credentialsWhere } from '@kmg/core/rules/credentials';
import { canSeeEvidence, evidenceWhere } from '@kmg/core/rules/deliveries';
import { canSeeNotification, notificationsWhere } from '@kmg/core/rules/notifications';
import { canSeeReview, reviewsWhere } from '@kmg/core/rules/reviews';
import { canSeeUser, usersWhere } from '@kmg/core/rules/users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, MOTIVATION } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;

const people = {
  anonymous: null,
  teacher: demo.teacher,
  principal: demo.principal,
  provider: demo.provider,
  otherProvider: demo.otherProvider,
  manager: demo.manager,
  selectionReviewer: demo.selectionReviewer,
  rplReviewer: demo.reviewer,
  admin: demo.admin,
} as const;
type Person = keyof typeof people;

async function actorOf(person: Person): Promise<Actor> {
  const email = people[person];
  const user = email ? await api.database.prisma.user.findUniqueOrThrow({ where: { email } }) : null;
  return createActor({ viewer: user ? await loadViewer(user.id) : null, locale: 'id' });
}

/** Ids the `where` lets through, and ids the predicate allows, over every row. */
async function bothWays<Row extends { id: string }>(
  rows: Row[],
  listed: { id: string }[],
  allows: (row: Row) => boolean | Promise<boolean>,
) {
  const allowed: string[] = [];
  for (const row of rows) if (await allows(row)) allowed.push(row.id);
  return { listed: listed.map((row) => row.id).sort(), allowed: allowed.sort() };
}

beforeAll(async () => {
  api = await startTestApi();
  const prisma = api.database.prisma;
  const call = await prisma.trainingCall.findUniqueOrThrow({ where: { code: 'kmg-seleksi-mekatronika' } });
  const teacher = await prisma.user.findUniqueOrThrow({
    where: { email: demo.teacher },
    include: { teacherProfile: true },
  });
  await prisma.application.create({
    data: {
      callId: call.id,
      teacherId: teacher.id,
      schoolId: teacher.teacherProfile?.schoolId ?? null,
      motivation: MOTIVATION,
      status: 'SUBMITTED',
    },
  });
  const assessment = await prisma.unitAssessment.findFirstOrThrow();
  await prisma.evidence.create({
    data: {
      assessmentId: assessment.id,
      kind: 'LINK',
      name: 'Foto benda kerja',
      url: 'https://contoh.id/foto',
      uploadedById: assessment.assessorId,
    },
  });
});
afterAll(() => api?.close());

const persons = Object.keys(people) as Person[];

describe('rules/calls', () => {
  const verbs: CallVerb[] = ['see', 'manage', 'deliver', 'review'];
  it.each(persons.flatMap((person) => verbs.map((verb) => [person, verb] as const)))(
    'as %s, %s: the list and the predicate agree',
    async (person, verb) => {
      const actor = await actorOf(person);
      const prisma = api.database.prisma;
      const result = await bothWays(
        await prisma.trainingCall.findMany(),
        await prisma.trainingCall.findMany({ where: await callsWhere(actor, verb), select: { id: true } }),
        (call) => callRule(actor, verb).allows(call),
      );
      expect(result.listed).toEqual(result.allowed);
    },
  );
});

describe('rules/applications', () => {
  const verbs: ApplicationVerb[] = ['see', 'respond', 'endorse', 'score'];
  it.each(persons.flatMap((person) => verbs.map((verb) => [person, verb] as const)))(
    'as %s, %s: the list and the predicate agree',
    async (person, verb) => {
      const actor = await actorOf(person);
      const prisma = api.database.prisma;
      const result = await bothWays(
        await prisma.application.findMany(),
        await prisma.application.findMany({
          where: await applicationsWhere(actor, verb),
          select: { id: true },
        }),
        (application) => applicationRule(actor, verb).allows(application),
      );
      expect(result.listed).toEqual(result.allowed);
    },
  );

  it('lets an assigned reviewer see the endorsed applications of the call, not the waiting one', async () => {
    const actor = await actorOf('selectionReviewer');
    const seen = await api.database.prisma.application.findMany({
      where: { AND: [await applicationsWhere(actor, 'see'), { call: { code: 'kmg-seleksi-mekatronika' } }] },
      select: { status: true },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((row) => row.status)).not.toContain('SUBMITTED');
  });
});

describe('rules/credentials', () => {
  const verbs: CredentialVerb[] = ['own', 'manage'];
  it.each(persons.flatMap((person) => verbs.map((verb) => [person, verb] as const)))(
    'as %s, %s: the list and the predicate agree',
    async (person, verb) => {
      const actor = await actorOf(person);
      const prisma = api.database.prisma;
      const result = await bothWays(
        await prisma.credential.findMany({ include: { application: { include: { call: true } } } }),
        await prisma.credential.findMany({
          where: await credentialsWhere(actor, verb),
          select: { id: true },
        }),
        (credential) => credentialRule(actor, verb).allows(credential),
      );
      expect(result.listed).toEqual(result.allowed);
    },
  );
});

describe('rules/reviews, rules/deliveries, rules/users, rules/notifications', () => {
  it.each(persons)('as %s: each list and its predicate agree', async (person) => {
    const actor = await actorOf(person);
    const prisma = api.database.prisma;
    const reviews = await bothWays(
      await prisma.review.findMany({ include: { application: { select: { callId: true } } } }),
      await prisma.review.findMany({ where: await reviewsWhere(actor), select: { id: true } }),
      (review) => canSeeReview(actor, review),
    );
    expect(reviews.listed).toEqual(reviews.allowed);
    const evidence = await bothWays(
      await prisma.evidence.findMany({
        include: { assessment: { select: { application: { select: { teacherId: true, callId: true } } } } },
      }),
      await prisma.evidence.findMany({ where: await evidenceWhere(actor), select: { id: true } }),
      (row) => canSeeEvidence(actor, row),
    );
    expect(evidence.listed).toEqual(evidence.allowed);
    const users = await bothWays(
      await prisma.user.findMany(),
      await prisma.user.findMany({ where: usersWhere(actor), select: { id: true } }),
      (user) => canSeeUser(actor, user),
    );
    expect(users.listed).toEqual(users.allowed);
    const notifications = await bothWays(
      await prisma.notification.findMany(),
      await prisma.notification.findMany({ where: notificationsWhere(actor), select: { id: true } }),
      (notification) => canSeeNotification(actor, notification),
    );
    expect(notifications.listed).toEqual(notifications.allowed);
  });
});
