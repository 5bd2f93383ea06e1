// The provider's delivery tools (issue 13): attendance imported from a spreadsheet register, QR
// check-in per training day confirmed by the provider, and Kompeten on every unit for many
// participants at once. Each through the real API, with the refusals that must hold.
import { randomBytes } from 'node:crypto';
import { defaultTrainingDays } from '@kmg/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let call: { id: string; gid: string };
let provider: TestClient;
let otherProvider: TestClient;
let manager: TestClient;
let teacher: TestClient;
let eko: TestClient;
let outsider: TestClient;
const days = new Map<string, string>();
const application = { sri: '', eko: '' };
let unitIds: string[] = [];

// Cikarang (Jawa Barat, WIB): Monday 2 to Friday 6 November 2026; "today" is Wednesday the 4th.
const dates = defaultTrainingDays('2026-11-02', '2026-11-06');
const wednesdayMorning = '2026-11-04T03:00:00Z';

beforeAll(async () => {
  api = await startTestApi();
  api.clock.set(wednesdayMorning);
  const prisma = api.database.prisma;
  const template = await prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg-open-robot-las-lanjut' },
  });
  const row = await prisma.trainingCall.create({
    data: {
      programmeId: template.programmeId,
      providerId: template.providerId,
      skillAreaId: template.skillAreaId,
      title: 'Perawatan Robot Las (uji presensi)',
      description: template.description,
      mode: 'OFFLINE',
      venueName: template.venueName,
      city: template.city,
      province: template.province,
      startDate: new Date('2026-11-02T00:00:00Z'),
      endDate: new Date('2026-11-06T00:00:00Z'),
      trainingHours: 40,
      seats: 10,
      applicationOpensAt: new Date('2026-09-01T00:00:00Z'),
      applicationClosesAt: new Date('2026-10-01T00:00:00Z'),
      status: 'IN_TRAINING',
      assessmentKind: 'COMPETENCY',
      trainingDays: { create: dates.map((date) => ({ date: new Date(`${date}T00:00:00Z`) })) },
      competencyUnits: {
        create: [
          { code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik', position: 0 },
          { code: 'C.282000.012.01', title: 'Memprogram Robot Las dengan Teach Pendant', position: 1 },
        ],
      },
    },
    include: { trainingDays: true, competencyUnits: { orderBy: { position: 'asc' } } },
  });
  call = { id: row.id, gid: globalId('TrainingCall', row.id) };
  for (const day of row.trainingDays) days.set(day.date.toISOString().slice(0, 10), day.id);
  unitIds = row.competencyUnits.map((unit) => unit.id);
  for (const [key, email] of [
    ['sri', demo.teacher],
    ['eko', 'eko.prasetyo@kmg.demo'],
  ] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { teacherProfile: true } });
    const created = await prisma.application.create({
      data: {
        callId: row.id,
        teacherId: user.id,
        schoolId: user.teacherProfile?.schoolId,
        motivation: 'x'.repeat(120),
        status: 'CONFIRMED',
        confirmedAt: new Date(),
      },
    });
    application[key] = created.id;
  }
  [provider, otherProvider, manager, teacher, eko, outsider] = await Promise.all([
    api.signIn(demo.provider),
    api.signIn(demo.otherProvider),
    api.signIn(demo.manager),
    api.signIn(demo.teacher),
    api.signIn('eko.prasetyo@kmg.demo'),
    api.signIn(demo.otherTeacher),
  ]);
});
afterAll(() => api?.close());

const day = (date: string) => days.get(date) as string;

/** Runs `body` with the call's results submitted, then puts them back to recording. */
async function whileSubmitted(body: () => Promise<void>) {
  const prisma = api.database.prisma;
  await prisma.trainingCall.update({ where: { id: call.id }, data: { resultsStatus: 'SUBMITTED' } });
  try {
    await body();
  } finally {
    await prisma.trainingCall.update({ where: { id: call.id }, data: { resultsStatus: 'RECORDING' } });
  }
}

describe('importAttendance', () => {
  const IMPORT = `mutation ($id: ID!, $content: String!, $apply: Boolean!) {
    importAttendance(callId: $id, content: $content, apply: $apply) {
      __typename
      ... on ImportAttendanceSuccess { data {
        validCount invalidCount appliedCount
        rows { row identifier participantName date present late note issues { field code message } }
      } }
      ... on ValidationError { fieldErrors { path code message } }
      ... on Error { code message }
    }
  }`;
  // As Indonesian Excel saves it: a byte order mark, semicolons, day-first dates, CRLF.
  const register = [
    '\uFEFFNama;NUPTK;Email;Tanggal;Kehadiran;Keterangan',
    `Sri Wahyuni;${demo.teacherNuptk};;02/11/2026;Hadir;`,
    `Sri Wahyuni;${demo.teacherNuptk};;03/11/2026;Terlambat;Ban bocor di jalan`,
    'Eko Prasetyo;;eko.prasetyo@kmg.demo;2026-11-02;Izin;Rapat dinas di sekolah',
    'Budi Setiawan;;budi.setiawan@kmg.demo;02/11/2026;Hadir;',
    `Sri Wahyuni;${demo.teacherNuptk};;01/11/2026;Hadir;`,
    `Sri Wahyuni;${demo.teacherNuptk};;06/11/2026;Hadir;`,
    'Eko Prasetyo;;eko.prasetyo@kmg.demo;03/11/2026;mungkin;',
    '',
  ].join('\r\n');

  it('previews every row with its problems and writes nothing', async () => {
    const { importAttendance } = await provider.data(IMPORT, {
      id: call.gid,
      content: register,
      apply: false,
    });
    expect(importAttendance.__typename).toBe('ImportAttendanceSuccess');
    const preview = importAttendance.data;
    expect(preview).toMatchObject({ validCount: 3, invalidCount: 4, appliedCount: 0 });
    expect(
      preview.rows.map((row: { row: number; issues: { code: string }[] }) => [
        row.row,
        row.issues.map((issue) => issue.code),
      ]),
    ).toEqual([
      [1, []],
      [2, []],
      [3, []],
      [4, ['ATTENDANCE_ROW_UNKNOWN_PARTICIPANT']],
      [5, ['ATTENDANCE_ROW_NOT_TRAINING_DAY']],
      [6, ['ATTENDANCE_ROW_FUTURE_DAY']],
      [7, ['ATTENDANCE_ROW_BAD_STATUS']],
    ]);
    expect(preview.rows[1]).toMatchObject({
      participantName: 'Sri Wahyuni',
      date: '2026-11-03',
      present: true,
      late: true,
      note: 'Ban bocor di jalan',
    });
    expect(preview.rows[3].issues[0].message).toBe('"budi.setiawan@kmg.demo" bukan peserta pelatihan ini.');
    expect(preview.rows[4].issues[0].message).toBe('1 November 2026 bukan hari pelatihan.');
    expect(await api.database.prisma.attendance.count({ where: { day: { callId: call.id } } })).toBe(0);
  });

  it('reads a comma-separated file with English headers and answers in English', async () => {
    const english = await api.signIn(demo.provider, { locale: 'en' });
    const { importAttendance } = await english.data(IMPORT, {
      id: call.gid,
      content:
        'Email,Date,Status,Notes\neko.prasetyo@kmg.demo,3 Nov 2026,late,"Traffic, then rain"\nnobody@x.id,2026-11-02,present,',
      apply: false,
    });
    expect(importAttendance.data.rows[0]).toMatchObject({
      participantName: 'Eko Prasetyo',
      late: true,
      note: 'Traffic, then rain',
    });
    expect(importAttendance.data.rows[1].issues[0].message).toBe(
      '"nobody@x.id" is not a participant of this training.',
    );
  });

  it('refuses a file without the required columns, naming them', async () => {
    const { importAttendance } = await provider.data(IMPORT, {
      id: call.gid,
      content: 'Nama;Hari\nSri;Senin\n',
      apply: false,
    });
    expect(importAttendance).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['content'], code: 'ATTENDANCE_FILE_COLUMNS' }],
    });
    expect(importAttendance.fieldErrors[0].message).toContain('NUPTK/Email, Tanggal, Status');
  });

  it('applies the valid rows in one transaction and skips the others', async () => {
    const { importAttendance } = await provider.data(IMPORT, {
      id: call.gid,
      content: register,
      apply: true,
    });
    expect(importAttendance.data).toMatchObject({ validCount: 3, invalidCount: 4, appliedCount: 3 });
    const rows = await api.database.prisma.attendance.findMany({
      where: { day: { callId: call.id } },
      select: { applicationId: true, dayId: true, present: true, late: true, note: true },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        { applicationId: application.sri, dayId: day('2026-11-02'), present: true, late: false, note: null },
        {
          applicationId: application.sri,
          dayId: day('2026-11-03'),
          present: true,
          late: true,
          note: 'Ban bocor di jalan',
        },
        {
          applicationId: application.eko,
          dayId: day('2026-11-02'),
          present: false,
          late: false,
          note: 'Rapat dinas di sekolah',
        },
      ]),
    );
    expect(rows).toHaveLength(3);
    const audit = await api.database.prisma.auditEvent.findFirstOrThrow({
      where: { callId: call.id, action: 'delivery.attendance_imported' },
    });
    expect(audit.details).toEqual({ entries: 3, present: 2, late: 1, skipped: 4 });
    const { trainingCall } = await provider.data(
      `query ($id: ID!) { trainingCall(id: $id) { participants(first: 10) { edges { node { attendance { dayId present late note } } } } } }`,
      { id: call.gid },
    );
    expect(trainingCall.participants.edges[0].node.attendance).toContainEqual({
      dayId: day('2026-11-03'),
      present: true,
      late: true,
      note: 'Ban bocor di jalan',
    });
  });

  it('lets a manager of the programme import too', async () => {
    const { importAttendance } = await manager.data(IMPORT, {
      id: call.gid,
      content: register,
      apply: false,
    });
    expect(importAttendance.__typename).toBe('ImportAttendanceSuccess');
  });

  it("refuses another provider's staff and teachers", async () => {
    const other = await otherProvider.data(IMPORT, { id: call.gid, content: register, apply: true });
    expect(other.importAttendance).toMatchObject({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
    const byTeacher = await teacher.gql(IMPORT, { id: call.gid, content: register, apply: true });
    expect(byTeacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is locked once the results are submitted, like the register', async () => {
    await whileSubmitted(async () => {
      const { importAttendance } = await provider.data(IMPORT, {
        id: call.gid,
        content: register,
        apply: true,
      });
      expect(importAttendance).toMatchObject({ __typename: 'InvalidStateError', code: 'RESULTS_LOCKED' });
    });
  });

  it('clears late when the register later marks the day absent (the database holds late as present)', async () => {
    await provider.data(
      `mutation ($id: ID!, $entries: [AttendanceInput!]!) { recordAttendance(callId: $id, entries: $entries) { __typename } }`,
      {
        id: call.gid,
        entries: [
          {
            applicationId: globalId('Application', application.sri),
            dayId: day('2026-11-03'),
            present: false,
          },
        ],
      },
    );
    const row = await api.database.prisma.attendance.findUniqueOrThrow({
      where: { applicationId_dayId: { applicationId: application.sri, dayId: day('2026-11-03') } },
    });
    expect(row).toMatchObject({ present: false, late: false });
    await expect(
      api.database.prisma.attendance.update({
        where: { applicationId_dayId: { applicationId: application.sri, dayId: day('2026-11-03') } },
        data: { late: true },
      }),
    ).rejects.toThrow(/attendance_late_is_present/);
  });
});

describe('QR check-in', () => {
  const OPEN = `mutation ($day: ID!, $rotate: Boolean) { openCheckInCode(dayId: $day, rotate: $rotate) {
    __typename ... on OpenCheckInCodeSuccess { data { dayId date path qrSvg(origin: "https://kmg.example") } } ... on Error { code message } } }`;
  const CHECK_IN = `mutation ($token: String!) { checkIn(token: $token) {
    __typename ... on CheckInSuccess { data { id status scannedAt callTitle day { date } } } ... on Error { code message } } }`;
  const DECIDE = `mutation ($id: ID!, $entries: [CheckInEntryInput!]!, $confirm: Boolean!) { decideCheckIns(callId: $id, entries: $entries, confirm: $confirm) {
    __typename ... on Error { code message } } }`;
  const tokens = new Map<string, string>();
  const tokenOf = (path: string) => path.replace('/hadir/', '');

  it('shows a day its code to the provider, the same until rotated', async () => {
    const first = await provider.data(OPEN, { day: day('2026-11-04') });
    const code = first.openCheckInCode.data;
    expect(code.path).toMatch(/^\/hadir\/[A-Za-z0-9_-]{43}$/);
    expect(code.qrSvg).toMatch(/^<svg/);
    const again = await provider.data(OPEN, { day: day('2026-11-04') });
    expect(again.openCheckInCode.data.path).toBe(code.path);
    const rotated = await provider.data(OPEN, { day: day('2026-11-04'), rotate: true });
    expect(rotated.openCheckInCode.data.path).not.toBe(code.path);
    tokens.set('old', tokenOf(code.path));
    tokens.set('2026-11-04', tokenOf(rotated.openCheckInCode.data.path));
    const thursday = await provider.data(OPEN, { day: day('2026-11-05') });
    tokens.set('2026-11-05', tokenOf(thursday.openCheckInCode.data.path));
  });

  it("refuses the code to another provider's staff and to teachers", async () => {
    const other = await otherProvider.data(OPEN, { day: day('2026-11-04') });
    expect(other.openCheckInCode).toMatchObject({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
    const byTeacher = await teacher.gql(OPEN, { day: day('2026-11-04') });
    expect(byTeacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a replaced code and a forged one', async () => {
    for (const token of [
      tokens.get('old'),
      randomBytes(32).toString('base64url'),
      'abc',
      day('2026-11-04'),
    ]) {
      const { checkIn } = await teacher.data(CHECK_IN, { token });
      expect(checkIn).toMatchObject({ __typename: 'InvalidStateError', code: 'CHECK_IN_INVALID' });
    }
  });

  it("refuses another day's code, on the venue's calendar", async () => {
    const { checkIn } = await teacher.data(CHECK_IN, { token: tokens.get('2026-11-05') });
    expect(checkIn).toMatchObject({
      code: 'CHECK_IN_WRONG_DAY',
      message:
        'Kode QR ini untuk 5 November 2026; hari ini di lokasi pelatihan 4 November 2026. Pindai kode hari ini.',
    });
  });

  it('refuses a teacher without a seat in the call', async () => {
    const { checkIn } = await outsider.data(CHECK_IN, { token: tokens.get('2026-11-04') });
    expect(checkIn).toMatchObject({ __typename: 'NotAllowedError', code: 'CHECK_IN_NOT_SEATED' });
    const anonymous = await api.client().gql(CHECK_IN, { token: tokens.get('2026-11-04') });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records a pending check-in once, however often it is scanned', async () => {
    const first = await teacher.data(CHECK_IN, { token: tokens.get('2026-11-04') });
    expect(first.checkIn.data).toMatchObject({
      status: 'PENDING',
      callTitle: 'Perawatan Robot Las (uji presensi)',
      day: { date: '2026-11-04' },
    });
    api.clock.advance(60_000);
    const second = await teacher.data(CHECK_IN, { token: tokens.get('2026-11-04') });
    expect(second.checkIn.data).toEqual(first.checkIn.data);
    expect(
      await api.database.prisma.auditEvent.count({
        where: { callId: call.id, action: 'delivery.checked_in' },
      }),
    ).toBe(1);
    api.clock.set(wednesdayMorning);
  });

  it("takes Thursday's code just after midnight in Cikarang, while it is still Wednesday in UTC", async () => {
    api.clock.set('2026-11-04T17:30:00Z');
    try {
      const thursday = await eko.data(CHECK_IN, { token: tokens.get('2026-11-05') });
      expect(thursday.checkIn.data).toMatchObject({ status: 'PENDING', day: { date: '2026-11-05' } });
      const wednesday = await eko.data(CHECK_IN, { token: tokens.get('2026-11-04') });
      expect(wednesday.checkIn.code).toBe('CHECK_IN_WRONG_DAY');
    } finally {
      api.clock.set(wednesdayMorning);
    }
  });

  it('lists pending check-ins to the provider only', async () => {
    const PENDING = `query ($id: ID!) { trainingCall(id: $id) { checkIns { id status day { date } application { teacher { name } } } } }`;
    const { trainingCall } = await provider.data(PENDING, { id: call.gid });
    expect(
      trainingCall.checkIns.map(
        (row: { day: { date: string }; application: { teacher: { name: string } } }) => [
          row.application.teacher.name,
          row.day.date,
        ],
      ),
    ).toEqual([
      ['Sri Wahyuni', '2026-11-04'],
      ['Eko Prasetyo', '2026-11-05'],
    ]);
    const byOther = await otherProvider.gql(PENDING, { id: call.gid });
    expect(byOther.data?.trainingCall?.checkIns ?? null).toBeNull();
  });

  it("refuses another provider's staff and teachers a decision", async () => {
    const entries = [{ applicationId: globalId('Application', application.sri), dayId: day('2026-11-04') }];
    const other = await otherProvider.data(DECIDE, { id: call.gid, entries, confirm: true });
    expect(other.decideCheckIns).toMatchObject({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
    const byTeacher = await teacher.gql(DECIDE, { id: call.gid, entries, confirm: true });
    expect(byTeacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('confirms check-ins in bulk as attendance, rejects one, and decides each only once', async () => {
    const sri = { applicationId: globalId('Application', application.sri), dayId: day('2026-11-04') };
    const ekoThursday = { applicationId: globalId('Application', application.eko), dayId: day('2026-11-05') };
    const confirmed = await provider.data(DECIDE, { id: call.gid, entries: [sri], confirm: true });
    expect(confirmed.decideCheckIns.__typename).toBe('DecideCheckInsSuccess');
    const attendance = await api.database.prisma.attendance.findUniqueOrThrow({
      where: { applicationId_dayId: { applicationId: application.sri, dayId: day('2026-11-04') } },
    });
    expect(attendance.present).toBe(true);
    const again = await provider.data(DECIDE, { id: call.gid, entries: [sri, ekoThursday], confirm: false });
    expect(again.decideCheckIns).toMatchObject({ code: 'CHECK_IN_ALREADY_DECIDED' });
    // Nothing of the refused batch was written.
    expect(
      (
        await api.database.prisma.checkIn.findUniqueOrThrow({
          where: { applicationId_dayId: { applicationId: application.eko, dayId: day('2026-11-05') } },
        })
      ).status,
    ).toBe('PENDING');
    const rejected = await provider.data(DECIDE, { id: call.gid, entries: [ekoThursday], confirm: false });
    expect(rejected.decideCheckIns.__typename).toBe('DecideCheckInsSuccess');
    expect(
      await api.database.prisma.attendance.count({
        where: { applicationId: application.eko, dayId: day('2026-11-05') },
      }),
    ).toBe(0);
    const { trainingCall } = await provider.data(
      `query ($id: ID!) { trainingCall(id: $id) { checkIns { id } } }`,
      {
        id: call.gid,
      },
    );
    expect(trainingCall.checkIns).toEqual([]);
  });

  it('is locked once the results are submitted', async () => {
    await whileSubmitted(async () => {
      const scan = await eko.data(CHECK_IN, { token: tokens.get('2026-11-04') });
      expect(scan.checkIn.code).toBe('RESULTS_LOCKED');
      const open = await provider.data(OPEN, { day: day('2026-11-04') });
      expect(open.openCheckInCode.code).toBe('RESULTS_LOCKED');
    });
  });
});

describe('recordAssessmentsInBulk', () => {
  const BULK = `mutation ($id: ID!, $ids: [ID!]!) { recordAssessmentsInBulk(callId: $id, applicationIds: $ids, decision: KOMPETEN) {
    __typename
    ... on RecordAssessmentsInBulkSuccess { data { participants units changed applications { id assessments { unitId decision notes } } } }
    ... on ValidationError { fieldErrors { path code } }
    ... on Error { code message } } }`;
  const ids = () => [globalId('Application', application.sri), globalId('Application', application.eko)];

  it('marks every unit Kompeten for the chosen participants, keeping notes already written', async () => {
    const ASSESS = `mutation ($a: ID!, $u: ID!, $input: AssessmentInput!) { recordAssessment(applicationId: $a, unitId: $u, input: $input) { __typename } }`;
    await provider.data(ASSESS, {
      a: globalId('Application', application.eko),
      u: unitIds[0],
      input: { decision: 'BELUM_KOMPETEN', notes: 'Belum tepat menyetel arus las.' },
    });
    const { recordAssessmentsInBulk } = await provider.data(BULK, { id: call.gid, ids: ids() });
    expect(recordAssessmentsInBulk.data).toMatchObject({ participants: 2, units: 2, changed: 4 });
    const decisions = await api.database.prisma.unitAssessment.findMany({
      where: { application: { callId: call.id } },
      select: { applicationId: true, unitId: true, decision: true, notes: true },
    });
    expect(decisions).toHaveLength(4);
    expect(decisions.every((row) => row.decision === 'KOMPETEN')).toBe(true);
    expect(
      decisions.find((row) => row.applicationId === application.eko && row.unitId === unitIds[0])?.notes,
    ).toBe('Belum tepat menyetel arus las.');
    // The exception, changed individually afterwards.
    await provider.data(ASSESS, {
      a: globalId('Application', application.eko),
      u: unitIds[1],
      input: { decision: 'BELUM_KOMPETEN', notes: 'Program teach pendant belum lengkap.' },
    });
    const again = await provider.data(BULK, {
      id: call.gid,
      ids: [globalId('Application', application.sri)],
    });
    expect(again.recordAssessmentsInBulk.data).toMatchObject({ participants: 1, changed: 0 });
    expect(
      (
        await api.database.prisma.unitAssessment.findFirstOrThrow({
          where: { applicationId: application.eko, unitId: unitIds[1] },
        })
      ).decision,
    ).toBe('BELUM_KOMPETEN');
  });

  it('refuses someone who is not a participant, and writes nothing', async () => {
    const elsewhere = await api.database.prisma.application.findFirstOrThrow({
      where: { call: { code: 'kmg-cnc-berjalan' } },
    });
    const before = await api.database.prisma.unitAssessment.count({
      where: { application: { callId: call.id } },
    });
    const { recordAssessmentsInBulk } = await provider.data(BULK, {
      id: call.gid,
      ids: [globalId('Application', application.sri), globalId('Application', elsewhere.id)],
    });
    expect(recordAssessmentsInBulk).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['applicationIds', '1'], code: 'NOT_A_PARTICIPANT' }],
    });
    expect(
      await api.database.prisma.unitAssessment.count({ where: { application: { callId: call.id } } }),
    ).toBe(before);
  });

  it("refuses another provider's staff and teachers", async () => {
    const other = await otherProvider.data(BULK, { id: call.gid, ids: ids() });
    expect(other.recordAssessmentsInBulk).toMatchObject({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
    const byTeacher = await teacher.gql(BULK, { id: call.gid, ids: ids() });
    expect(byTeacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is locked once the results are submitted', async () => {
    await whileSubmitted(async () => {
      const { recordAssessmentsInBulk } = await provider.data(BULK, { id: call.gid, ids: ids() });
      expect(recordAssessmentsInBulk).toMatchObject({
        __typename: 'InvalidStateError',
        code: 'RESULTS_LOCKED',
      });
    });
  });
});
