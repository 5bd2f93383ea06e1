// Issue 14, after the training: teachers rate the training (managers read every rating with
// names, the provider's staff without, teachers the provider's average from three ratings), job
// platforms per skill area, teachers' private industry contacts, and trained teachers per province.
import { provinces } from '@kmg/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let teacher: TestClient;
let credentialId: string;
let robotCallId: string;

const RATE = `mutation ($id: ID!, $input: TrainingRatingInput!) {
  rateTraining(credentialId: $id, input: $input) {
    __typename
    ... on RateTrainingSuccess { data { canRate myRating { stars review isEditable editableUntil } } }
    ... on ValidationError { code fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;
const CALL_RATINGS = `query ($id: ID!) { trainingCall(id: $id) {
  ratings { showsNames summary { average count } providerSummary { count }
    ratings { stars review ratedAt teacherName } } } }`;
const PROVIDER_RATING = `query ($id: ID!) { trainingCall(id: $id) { providerRating { average count } } }`;
const CONTACT = `mutation ($input: IndustryContactInput!) {
  createIndustryContact(input: $input) {
    __typename
    ... on CreateIndustryContactSuccess { data { id companyName email application { call { title } } } }
    ... on ValidationError { code fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;

const errorCode = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;

async function trainingCredential(email: string, callCode: string) {
  const prisma = api.database.prisma;
  const call = await prisma.trainingCall.findUniqueOrThrow({ where: { code: callCode } });
  return prisma.credential.findFirstOrThrow({
    where: { teacher: { email }, kind: 'TRAINING', application: { callId: call.id } },
  });
}

beforeAll(async () => {
  api = await startTestApi();
  teacher = await api.signIn(demo.teacher);
  const credential = await trainingCredential(demo.teacher, 'kmg25-robot-las');
  credentialId = globalId('Credential', credential.id);
  const call = await api.database.prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg25-robot-las' },
  });
  robotCallId = globalId('TrainingCall', call.id);
}, 240_000);

afterAll(async () => {
  await api?.close();
});

describe('rating a training', () => {
  it('refuses stars outside 1-5 on the field, in the teacher’s language', async () => {
    const english = await api.signIn(demo.teacher, { locale: 'en' });
    const result = await english.data(RATE, { id: credentialId, input: { stars: 6 } });
    expect(result.rateTraining).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'stars'], code: 'RATING_STARS', message: 'Choose 1 to 5 stars.' }],
    });
    const long = await teacher.data(RATE, {
      id: credentialId,
      input: { stars: 4, review: 'x'.repeat(1001) },
    });
    expect(long.rateTraining.fieldErrors[0].path).toEqual(['input', 'review']);
  });

  it('lets the holder rate once and change it, and nobody else', async () => {
    for (const email of [demo.otherTeacher]) {
      const other = await api.signIn(email);
      expect(
        (await other.data(RATE, { id: credentialId, input: { stars: 1 } })).rateTraining.__typename,
      ).toBe('NotFoundError');
    }
    for (const email of [demo.principal, demo.provider, demo.manager, demo.admin]) {
      const staff = await api.signIn(email);
      expect(errorCode(await staff.gql(RATE, { id: credentialId, input: { stars: 1 } }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await api.client().gql(RATE, { id: credentialId, input: { stars: 1 } }))).toBe(
      'UNAUTHENTICATED',
    );
    const first = await teacher.data(RATE, {
      id: credentialId,
      input: { stars: 4, review: '  Sangat praktis. ' },
    });
    expect(first.rateTraining).toMatchObject({
      __typename: 'RateTrainingSuccess',
      data: { canRate: true, myRating: { stars: 4, review: 'Sangat praktis.', isEditable: true } },
    });
    const changed = await teacher.data(RATE, { id: credentialId, input: { stars: 5, review: '' } });
    expect(changed.rateTraining.data.myRating).toMatchObject({ stars: 5, review: null });
    const rows = await api.database.prisma.trainingRating.findMany({
      where: { teacher: { email: demo.teacher } },
    });
    expect(rows).toHaveLength(1);
    const audit = await api.database.prisma.auditEvent.findMany({
      where: {
        action: { in: ['training.rated', 'training.rating_changed'] },
        applicationId: rows[0]?.applicationId,
      },
      orderBy: { occurredAt: 'asc' },
    });
    expect(audit.map((event) => event.action)).toEqual(['training.rated', 'training.rating_changed']);
  });

  it('keeps a rating as it is 30 days after it was given', async () => {
    const prisma = api.database.prisma;
    const row = await prisma.trainingRating.findFirstOrThrow({ where: { teacher: { email: demo.teacher } } });
    await prisma.trainingRating.update({
      where: { id: row.id },
      data: { createdAt: new Date(Date.now() - 31 * 24 * 3_600_000) },
    });
    const result = await teacher.data(RATE, { id: credentialId, input: { stars: 1 } });
    expect(result.rateTraining).toMatchObject({ __typename: 'BaseError', code: 'RATING_LOCKED' });
    const own = await teacher.data(
      `query ($id: String!) { credentialById(id: $id) { canRate myRating { stars isEditable } } }`,
      {
        id: row.applicationId ? (await trainingCredential(demo.teacher, 'kmg25-robot-las')).id : '',
      },
    );
    expect(own.credentialById).toEqual({ canRate: false, myRating: { stars: 5, isEditable: false } });
    await prisma.trainingRating.update({ where: { id: row.id }, data: { createdAt: row.createdAt } });
  });

  it('refuses a teacher whose credential was revoked: the training is not completed', async () => {
    const prisma = api.database.prisma;
    const credential = await trainingCredential('agung.pratama@kmg.demo', 'kmg25-robot-las');
    await prisma.credential.update({ where: { id: credential.id }, data: { revokedAt: new Date() } });
    const holder = await api.signIn('agung.pratama@kmg.demo');
    const result = await holder.data(RATE, {
      id: globalId('Credential', credential.id),
      input: { stars: 2 },
    });
    expect(result.rateTraining).toMatchObject({ code: 'RATING_NOT_COMPLETED' });
    await prisma.credential.update({ where: { id: credential.id }, data: { revokedAt: null } });
  });

  it('shows managers every rating with names, the provider’s staff without, and nobody else', async () => {
    const manager = await api.signIn(demo.manager);
    const managed = (await manager.data(CALL_RATINGS, { id: robotCallId })).trainingCall.ratings;
    // Five seeded ratings and the demo teacher's.
    expect(managed.summary).toEqual({ average: 4.3, count: 6 });
    expect(managed.showsNames).toBe(true);
    expect(managed.ratings.map((rating: { teacherName: string }) => rating.teacherName)).toContain(
      'Sri Wahyuni',
    );
    expect(managed.providerSummary.count).toBe(6);

    const provider = await api.signIn(demo.provider);
    const delivered = (await provider.data(CALL_RATINGS, { id: robotCallId })).trainingCall.ratings;
    expect(delivered.showsNames).toBe(false);
    expect(delivered.summary).toEqual(managed.summary);
    expect(
      delivered.ratings.every(
        (rating: { teacherName: null; ratedAt: null }) =>
          rating.teacherName === null && rating.ratedAt === null,
      ),
    ).toBe(true);
    // By stars, so the order does not tell who wrote which.
    const stars = delivered.ratings.map((rating: { stars: number }) => rating.stars);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
    expect(delivered.ratings.some((rating: { review: string | null }) => rating.review)).toBe(true);

    for (const client of [
      await api.signIn(demo.otherProvider),
      teacher,
      await api.signIn(demo.principal),
      api.client(),
    ]) {
      expect((await client.data(CALL_RATINGS, { id: robotCallId })).trainingCall.ratings).toBeNull();
    }
    // Another provider's full summary is not the staff's to read.
    const other = await api.signIn(demo.otherProvider);
    const hidden = await other.data(
      `query ($id: ID!) { trainingCall(id: $id) { provider { ratingSummary { count } } } }`,
      {
        id: robotCallId,
      },
    );
    expect(hidden.trainingCall.provider.ratingSummary).toBeNull();
  });

  it('shows teachers a provider’s average on its calls only from three ratings', async () => {
    const prisma = api.database.prisma;
    const unggulCall = await prisma.trainingCall.findFirstOrThrow({
      where: { provider: { code: 'pt-unggul-semesta' }, status: 'OPEN' },
    });
    const anonymous = await api
      .client()
      .data(PROVIDER_RATING, { id: globalId('TrainingCall', unggulCall.id) });
    expect(anonymous.trainingCall.providerRating).toEqual({ average: 4.3, count: 6 });

    // Inlastek has one rating: not shown to teachers, shown in full to its own staff.
    const inlastek = await trainingCredential('yohanes.tanaem@kmg.demo', 'kmg25-welding-inspector');
    const yohanes = await api.signIn('yohanes.tanaem@kmg.demo');
    await yohanes.data(RATE, { id: globalId('Credential', inlastek.id), input: { stars: 2 } });
    const inlastekCall = await prisma.trainingCall.findFirstOrThrow({
      where: { code: 'kmg25-welding-inspector' },
    });
    const shown = await teacher.data(PROVIDER_RATING, { id: globalId('TrainingCall', inlastekCall.id) });
    expect(shown.trainingCall.providerRating).toBeNull();
    const staff = await api.signIn(demo.otherProvider);
    const own = await staff.data(
      `query ($id: ID!) { trainingCall(id: $id) { provider { ratingSummary { average count } } } }`,
      {
        id: globalId('TrainingCall', inlastekCall.id),
      },
    );
    expect(own.trainingCall.provider.ratingSummary).toEqual({ average: 2, count: 1 });
  });
});

describe('job platforms per skill area', () => {
  const LINKS = `query { skillAreas { code jobLinks { name url description } } }`;
  const SET = `mutation ($id: ID!, $links: [JobLinkInput!]!) {
    setSkillAreaJobLinks(skillAreaId: $id, links: $links) {
      __typename
      ... on SetSkillAreaJobLinksSuccess { data { jobLinks { name url } } }
      ... on ValidationError { fieldErrors { path code } }
    }
  }`;

  it('gives every skill area SiapKerja and Karirhub, for anyone, in their language', async () => {
    const { skillAreas } = await api.client({ locale: 'en' }).data(LINKS);
    expect(skillAreas.length).toBeGreaterThanOrEqual(9);
    for (const area of skillAreas) {
      expect(area.jobLinks.map((link: { url: string }) => link.url)).toEqual([
        'https://siapkerja.kemnaker.go.id',
        'https://karirhub.kemnaker.go.id',
      ]);
    }
    expect(skillAreas[0].jobLinks[1].description).toMatch(/^The Ministry of Manpower's job vacancies/);
  });

  const karirhub = {
    name: 'Karirhub',
    url: 'https://karirhub.kemnaker.go.id',
    descriptionId: 'a',
    descriptionEn: 'b',
  };
  async function weldingId() {
    const welding = await api.database.prisma.skillArea.findUniqueOrThrow({ where: { code: 'welding' } });
    return globalId('SkillArea', welding.id);
  }

  it('lets program managers change them, refuses http addresses and other roles', async () => {
    const id = await weldingId();
    const manager = await api.signIn(demo.manager);
    const bad = await manager.data(SET, {
      id,
      links: [{ ...karirhub, url: 'http://karirhub.kemnaker.go.id' }],
    });
    expect(bad.setSkillAreaJobLinks.fieldErrors).toEqual([
      { path: ['links', '0', 'url'], code: 'JOB_LINK_URL' },
    ]);
    const provider = await api.signIn(demo.provider);
    expect(errorCode(await provider.gql(SET, { id, links: [] }))).toBe('FORBIDDEN');
    const good = await manager.data(SET, { id, links: [karirhub] });
    expect(good.setSkillAreaJobLinks.data.jobLinks).toEqual([
      { name: 'Karirhub', url: 'https://karirhub.kemnaker.go.id' },
    ]);
  });

  it('names the second of two links with the same platform name on its field', async () => {
    const manager = await api.signIn(demo.manager);
    const twice = await manager.data(SET, {
      id: await weldingId(),
      links: [karirhub, { ...karirhub, name: 'karirhub ' }],
    });
    expect(twice.setSkillAreaJobLinks.fieldErrors).toEqual([
      { path: ['links', '1', 'name'], code: 'DUPLICATE_ITEM' },
    ]);
  });
});

describe("a teacher's industry contacts", () => {
  it('are recorded with the training where they met, and listed to the teacher only', async () => {
    const application = await api.database.prisma.application.findFirstOrThrow({
      where: { teacher: { email: demo.teacher }, call: { code: 'kmg25-robot-las' } },
    });
    const created = await teacher.data(CONTACT, {
      input: {
        companyName: 'PT Daihen Indonesia',
        contactName: 'Bambang',
        email: 'Bambang@Daihen.example',
        applicationId: globalId('Application', application.id),
      },
    });
    expect(created.createIndustryContact).toMatchObject({
      __typename: 'CreateIndustryContactSuccess',
      data: { companyName: 'PT Daihen Indonesia', email: 'bambang@daihen.example' },
    });
    expect(created.createIndustryContact.data.application.call.title).toMatch(/Robot Las/);
    const { myIndustryContacts } = await teacher.data(`query { myIndustryContacts { companyName } }`);
    expect(myIndustryContacts.map((c: { companyName: string }) => c.companyName)).toContain(
      'PT Daihen Indonesia',
    );

    const other = await api.signIn(demo.otherTeacher);
    expect((await other.data(`query { myIndustryContacts { companyName } }`)).myIndustryContacts).toEqual([]);
    const id = created.createIndustryContact.data.id;
    const update = `mutation ($id: ID!) { updateIndustryContact(id: $id, input: { companyName: "Diambil" }) { __typename } }`;
    const remove = `mutation ($id: ID!) { deleteIndustryContact(id: $id) { __typename } }`;
    expect((await other.data(update, { id })).updateIndustryContact.__typename).toBe('NotFoundError');
    expect((await other.data(remove, { id })).deleteIndustryContact.__typename).toBe('NotFoundError');
    // The principal does not read them: the contact's details were given to the teacher.
    expect(
      errorCode(await (await api.signIn(demo.principal)).gql(`query { myIndustryContacts { companyName } }`)),
    ).toBe('FORBIDDEN');
    expect((await teacher.data(remove, { id })).deleteIndustryContact.__typename).toBe(
      'DeleteIndustryContactSuccess',
    );
  });

  it('refuses a bad email, a bad phone and another teacher’s training on the fields', async () => {
    const foreign = await api.database.prisma.application.findFirstOrThrow({
      where: { teacher: { email: 'eko.prasetyo@kmg.demo' } },
    });
    const result = await teacher.data(CONTACT, {
      input: { companyName: 'PT Maju', email: 'bukan-email', phone: 'telepon saja' },
    });
    expect(result.createIndustryContact.fieldErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(
      ['input.email', 'input.phone'],
    );
    const foreignTraining = await teacher.data(CONTACT, {
      input: { companyName: 'PT Maju', applicationId: globalId('Application', foreign.id) },
    });
    expect(foreignTraining.createIndustryContact.fieldErrors).toMatchObject([
      { path: ['input', 'applicationId'], code: 'NOT_FOUND' },
    ]);
  });
});

describe('teachers trained per province', () => {
  const FIGURES = `query { provinceTrainingFigures { provinceCode provinceName teachersTrained teachersRegistered trainedPerThousand } }`;

  it('lists all 38 provinces with the hand-counted figures, for admins and program managers', async () => {
    const prisma = api.database.prisma;
    const profiles = await prisma.teacherProfile.findMany({
      select: {
        userId: true,
        school: { select: { province: true } },
        user: {
          select: { credentials: { where: { kind: 'TRAINING', revokedAt: null }, select: { id: true } } },
        },
      },
    });
    const admin = await api.signIn(demo.admin);
    const { provinceTrainingFigures } = await admin.data(FIGURES);
    expect(provinceTrainingFigures.map((row: { provinceCode: string }) => row.provinceCode)).toEqual(
      provinces.map((province) => province.code),
    );
    for (const row of provinceTrainingFigures) {
      const here = profiles.filter((profile) => profile.school.province === row.provinceCode);
      const trained = here.filter((profile) => profile.user.credentials.length > 0).length;
      expect(row, row.provinceName).toMatchObject({
        teachersRegistered: here.length,
        teachersTrained: trained,
      });
      expect(row.trainedPerThousand).toBe(
        here.length ? Math.round((trained / here.length) * 10000) / 10 : null,
      );
    }
    expect(provinceTrainingFigures.some((row: { teachersTrained: number }) => row.teachersTrained > 0)).toBe(
      true,
    );
    const manager = await api.signIn(demo.manager);
    expect((await manager.data(FIGURES)).provinceTrainingFigures).toHaveLength(38);
    for (const email of [demo.teacher, demo.provider, demo.principal]) {
      expect(errorCode(await (await api.signIn(email)).gql(FIGURES))).toBe('FORBIDDEN');
    }
  });
});
