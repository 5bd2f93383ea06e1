// Issue 13 for calls: the seat count's field error, a call's practical information, the checklist
// before publishing (and the API refusing what it blocks), and the confirmed teacher's calendar.
import { defaultTrainingDays } from '@kmg/domain';
import ICAL from 'ical.js';
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

const PRACTICAL = `mapUrl whatToBring accommodationProvided accommodationNote travelSupport travelSupportMaxRupiah travelSupportNote`;

const CREATE = `mutation ($input: TrainingCallInput!) {
  createTrainingCall(input: $input) {
    __typename
    ... on CreateTrainingCallSuccess { data { id ${PRACTICAL} } }
    ... on ValidationError { fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;

const PUBLISH = `mutation ($id: ID!) {
  publishTrainingCall(id: $id) {
    __typename
    ... on Error { code message }
    ... on PublishTrainingCallSuccess { data { id status } }
  }
}`;

const CHECKLIST = `query ($id: ID!) { trainingCall(id: $id) { publishChecklist { key severity state message } } }`;

async function draft(input: Record<string, unknown> = {}) {
  const manager = await api.signIn(demo.manager);
  const { createTrainingCall } = await manager.data(CREATE, { input: { ...callInput(ids), ...input } });
  expect(createTrainingCall.__typename, JSON.stringify(createTrainingCall)).toBe('CreateTrainingCallSuccess');
  return createTrainingCall.data as Record<string, unknown> & { id: string };
}

describe('the seat count', () => {
  it.each([0, -3])(
    'refuses %i seats with a field error, in both languages, and saves nothing',
    async (seats) => {
      const before = await api.database.prisma.trainingCall.count();
      for (const [locale, message] of [
        ['id', 'Kuota peserta minimal 1.'],
        ['en', 'A call needs at least 1 seat.'],
      ] as const) {
        const manager = await api.signIn(demo.manager, { locale });
        const { createTrainingCall } = await manager.data(CREATE, { input: { ...callInput(ids), seats } });
        expect(createTrainingCall.fieldErrors).toEqual([
          { path: ['input', 'seats'], code: 'SEATS_TOO_FEW', message },
        ]);
      }
      expect(await api.database.prisma.trainingCall.count()).toBe(before);
    },
  );
});

describe("a call's practical information", () => {
  it('keeps what to bring, accommodation and travel support, and links the address to a map', async () => {
    const call = await draft({
      whatToBring: 'Laptop dan sepatu keselamatan',
      accommodationProvided: true,
      accommodationNote: 'Mes kawasan industri',
      travelSupport: 'REIMBURSED_UP_TO',
      travelSupportMaxRupiah: 1_500_000,
    });
    expect(call).toMatchObject({
      whatToBring: 'Laptop dan sepatu keselamatan',
      accommodationProvided: true,
      accommodationNote: 'Mes kawasan industri',
      travelSupport: 'REIMBURSED_UP_TO',
      travelSupportMaxRupiah: 1_500_000,
      travelSupportNote: null,
      mapUrl:
        'https://www.openstreetmap.org/search?query=Kawasan%20Industri%20Delta%20Silicon%201%2C%20Cikarang%2C%20Bekasi%2C%20Jawa%20Barat%2C%20Indonesia',
    });
  });

  it('asks for the amount of a reimbursement "up to", and drops an amount that belongs to none', async () => {
    const manager = await api.signIn(demo.manager);
    const { createTrainingCall } = await manager.data(CREATE, {
      input: { ...callInput(ids), travelSupport: 'REIMBURSED_UP_TO' },
    });
    expect(createTrainingCall.fieldErrors).toEqual([
      {
        path: ['input', 'travelSupportMaxRupiah'],
        code: 'TRAVEL_SUPPORT_AMOUNT_REQUIRED',
        message: 'Tulis batas penggantian biaya perjalanan (Rp).',
      },
    ]);
    const call = await draft({ travelSupport: 'NOT_COVERED', travelSupportMaxRupiah: 500_000 });
    expect(call).toMatchObject({ travelSupport: 'NOT_COVERED', travelSupportMaxRupiah: null });
  });
});

describe('the checklist before publishing', () => {
  it('refuses to publish a reviewed call without reviewers, through the API alone, until one is assigned', async () => {
    const { id } = await draft();
    const manager = await api.signIn(demo.manager);
    const { trainingCall } = await manager.data(CHECKLIST, { id });
    expect(trainingCall.publishChecklist).toEqual([
      {
        key: 'reviewers',
        severity: 'BLOCKING',
        state: 'FAILED',
        message: 'Lowongan dengan seleksi penilaian belum punya penilai. Tetapkan penilai di tab Seleksi.',
      },
      { key: 'rubric', severity: 'BLOCKING', state: 'OK', message: null },
      { key: 'window', severity: 'BLOCKING', state: 'OK', message: null },
      { key: 'endorsement', severity: 'BLOCKING', state: 'OK', message: null },
      { key: 'training', severity: 'BLOCKING', state: 'OK', message: null },
      {
        key: 'achievement',
        severity: 'WARNING',
        state: 'FAILED',
        message:
          'Kredensial (achievement) yang diberikan belum ditetapkan. Dapat ditetapkan nanti, sebelum hasil disetujui.',
      },
    ]);

    const refused = await manager.data(PUBLISH, { id });
    expect(refused.publishTrainingCall).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'PUBLISH_NO_REVIEWERS',
    });
    const stored = await api.database.prisma.trainingCall.findUniqueOrThrow({
      where: { id: Buffer.from(id, 'base64').toString().split(':')[1] },
    });
    expect(stored.status).toBe('DRAFT');

    await assignFixtureReviewer(api, id);
    // The achievement is only a warning: it does not stop publishing.
    const published = await manager.data(PUBLISH, { id });
    expect(published.publishTrainingCall.data.status).toBe('OPEN');
    expect((await manager.data(CHECKLIST, { id })).trainingCall.publishChecklist).toBeNull();
  });

  it('refuses an endorsement deadline outside the window and the training', async () => {
    const { id } = await draft();
    await assignFixtureReviewer(api, id);
    const callId = Buffer.from(id, 'base64').toString().split(':')[1];
    const call = await api.database.prisma.trainingCall.update({
      where: { id: callId },
      data: { endorsementDeadline: new Date(Date.now() + 86_400_000) },
    });
    expect(call.endorsementDeadline! < call.applicationClosesAt).toBe(true);
    const manager = await api.signIn(demo.manager, { locale: 'en' });
    const refused = await manager.data(PUBLISH, { id });
    expect(refused.publishTrainingCall.code).toBe('PUBLISH_ENDORSEMENT_DEADLINE');
    expect(refused.publishTrainingCall.message).toMatch(
      /^The principals' endorsement deadline \(.+\) must fall after/,
    );
  });

  it('shows the checklist only to those who manage the call', async () => {
    const { id } = await draft();
    for (const email of [demo.provider, demo.teacher]) {
      const viewer = await api.signIn(email);
      const result = await viewer.gql(CHECKLIST, { id });
      expect(result.data?.trainingCall?.publishChecklist ?? null).toBeNull();
    }
  });
});

describe('the calendar of a confirmed seat', () => {
  const calendarPath = async () => {
    const call = await api.database.prisma.trainingCall.findUniqueOrThrow({
      where: { code: 'kmg-batam-pneumatik' },
      include: { trainingDays: { orderBy: { date: 'asc' } } },
    });
    return { call, path: `/api/calls/${globalId('TrainingCall', call.id)}/calendar.ics` };
  };

  it('gives the seated teacher one all-day event per training day at the venue', async () => {
    const { call, path } = await calendarPath();
    const teacher = await api.signIn('hadi.purnomo@kmg.demo');
    const response = await teacher.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="kmg-kmg-batam-pneumatik.ics"',
    );

    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const events = calendar.getAllSubcomponents('vevent');
    const days = defaultTrainingDays(
      call.startDate.toISOString().slice(0, 10),
      call.endDate.toISOString().slice(0, 10),
    );
    expect(days.length).toBeGreaterThan(0);
    expect(events.map((event) => (event.getFirstPropertyValue('dtstart') as ICAL.Time).toString())).toEqual(
      days,
    );
    for (const [index, event] of events.entries()) {
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
      // A DATE value: the same calendar day whatever zone the teacher's phone is in.
      expect(start.isDate).toBe(true);
      expect(end.toString()).toBe(
        new Date(Date.parse(`${days[index]}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
      );
      expect(event.getFirstPropertyValue('summary')).toBe(
        `Perawatan Sistem Pneumatik dan Hidrolik Industri (hari ${index + 1} dari ${days.length})`,
      );
      expect(event.getFirstPropertyValue('location')).toBe(
        'Pusat Pelatihan Robotika Nusantara, Kawasan Industri Batamindo, Jl. Rasamala No. 1, Mukakuning, Batam, Kepulauan Riau',
      );
      expect(event.getFirstPropertyValue('description')).toContain('Waktu setempat: WIB');
      expect(event.getFirstPropertyValue('uid')).toBe(`${call.trainingDays[index]?.id}@kmg`);
    }
  });

  it('gives nothing to anyone else: signed out, another teacher, staff, or a seat not yet confirmed', async () => {
    const { call, path } = await calendarPath();
    expect((await api.client().request(path)).status).toBe(401);
    for (const email of [demo.teacher, demo.manager, demo.provider]) {
      const viewer = await api.signIn(email);
      expect((await viewer.request(path)).status, email).toBe(404);
    }
    // Accepted but not confirmed yet: the seat may still go to someone else.
    const teacher = await api.database.prisma.user.findUniqueOrThrow({
      where: { email: 'budi.setiawan@kmg.demo' },
    });
    await api.database.prisma.application.create({
      data: { callId: call.id, teacherId: teacher.id, motivation: 'x'.repeat(120), status: 'ACCEPTED' },
    });
    const accepted = await api.signIn('budi.setiawan@kmg.demo');
    expect((await accepted.request(path)).status).toBe(404);
    const garbled = await api.signIn('hadi.purnomo@kmg.demo');
    expect((await garbled.request('/api/calls/not-an-id/calendar.ics')).status).toBe(404);
  });
});
