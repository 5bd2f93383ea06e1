// The reviewers' workflow of RPL cases (issue 11 §7) through the API on the demo seed: deadlines and
// the reminder sweep, the administrative check, assessors assigned by round-robin and by hand, the
// two assessments, the committee, the validator under four eyes, decrees numbered per university
// and year (also when issued at once), their PDFs, the recognition credential, appeals and the
// amended decree, a second university, precedents, reports, and the database's own refusals. The
// tests run in order and build on one another, like the part-1 tests, through these cases:
//   K   Ketut at UNNES S1-PTM (5 SKS proposed): deadlines and reminders, then assignment; withdrawn.
//   Y   Yohanes at S1-PTM (10 SKS): returned for missing items, assessed with a disagreement,
//       decided, returned by the validator, decided again, decreed, appealed, amended.
//   S   Sri at S1-PTM (5): an assessor may not validate it; decreed at once with E; the appeal
//       window closes; its extra course becomes a precedent.
//   E   Eko at S1-PTM (5): a validator who decided may not validate it; appealed without change.
//   H   a lecturer who is also a teacher, at S1-PTM: never assesses their own case; withdrawn.
//   P   Sri at Polman D4-TRM (3): the second university's own people and numbers.
//   Y2  Yohanes at D4-TRM: decreed with its intake in the new year, numbered from 1 again.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyCredential as dccVerifyCredential } from '@digitalcredentials/verifier-core';
import { sendRplReminders } from '@kmg/core/rpl/review/queue';
import {
  bundledContexts,
  CLR_CREDENTIAL_SCHEMA_URL,
  CLR_V2_CONTEXT,
  clrCredentialSchema,
  OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
  openBadgeCredentialSchema,
  validateOpenBadgeSchema,
} from '@kmg/credentials';
import { addDays, type LocalDate, localDateAt } from '@kmg/domain';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';
import {
  APPROVE_RULE,
  ESTIMATE,
  rplIds,
  tinyPdf,
  tinyPng,
  uploadRplEvidence,
  WITHDRAW,
} from '#test/rpl-fixtures.ts';
import {
  ACCEPT,
  APPEAL,
  ASSIGN,
  applyAndSubmit,
  CASE,
  COMPLETE_ASSESSMENT,
  createStaffMember,
  createTeachingLecturer,
  DECIDE,
  decisions,
  FIGURE,
  ISSUE_DECREE,
  judgements,
  PROPOSE_PRECEDENT,
  type Programme,
  parseCsv,
  pdfText,
  people,
  QUEUE,
  REPORT,
  RETURN_TO_COMMITTEE,
  RETURN_TO_TEACHER,
  SAVE_ASSESSMENT,
  SAVE_SETTINGS,
  SET_STAFF_ROLES,
  SETTINGS,
  userId,
  VALIDATE,
} from '#test/rpl-review-fixtures.ts';

const clrSchema = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../packages/credentials/src/schema/clr_v2p0_clrcredential_schema.json', import.meta.url),
    ),
    'utf8',
  ),
);
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateClrSchema = ajv.compile(clrSchema);

let api: TestApi;
let ptm: Programme;
let trm: Programme;
const c = {} as Record<
  | 'academic'
  | 'officer'
  | 'practitioner'
  | 'committee'
  | 'validator'
  | 'polmanOfficer'
  | 'polmanHead'
  | 'yohanes'
  | 'sri'
  | 'eko'
  | 'ketut'
  | 'budi'
  | 'manager'
  | 'admin',
  TestClient
>;
/** The cases, by the letters of the header. */
const cases = {} as Record<
  'K' | 'Y' | 'S' | 'E' | 'H' | 'P' | 'Y2',
  Awaited<ReturnType<typeof applyAndSubmit>>
>;
/** People a test adds: a second UNNES assessor (both kinds), the teaching lecturer, Polman's staff. */
const added = {} as Record<
  'bayu' | 'dimas' | 'polmanPractitioner' | 'polmanValidator',
  { id: string; client: TestClient }
>;
/** The seeded people's user ids. */
const ids = {} as Record<keyof typeof people, string>;

/** A mutation's payload, or the request-level refusal (a scope the viewer lacks) as its code. */
async function mutate(client: TestClient, document: string, variables: Record<string, unknown>) {
  const result = await client.gql(document, variables);
  if (result.errors?.length) {
    return { __typename: 'GraphQLError', code: result.errors[0]?.extensions?.code } as Record<string, any>;
  }
  return Object.values(result.data ?? {})[0] as Record<string, any>;
}

async function caseAs(client: TestClient, key: keyof typeof cases) {
  return (await client.data(CASE, { id: cases[key].gid })).rplApplication as Record<string, any>;
}

const wrongRole = (message: RegExp) => ({
  __typename: 'InvalidStateError',
  code: 'RPL_CASE_WRONG_ROLE',
  message: expect.stringMatching(message),
});
const roleConflict = (first: string, second: string) => ({
  __typename: 'InvalidStateError',
  code: 'RPL_CASE_ROLE_CONFLICT',
  message: `Anda memegang peran ${first} sekaligus ${second} pada kasus ini; aturan empat mata melarangnya.`,
});
const notFound = { __typename: 'NotFoundError' };
const forbidden = { __typename: 'GraphQLError', code: 'FORBIDDEN' };
const transitionRefused = (status: string, action: string) => ({
  __typename: 'InvalidStateError',
  code: 'INVALID_RPL_CASE_TRANSITION',
  message: `Kasus RPL berstatus "${status}" tidak dapat ${action}.`,
});

/** The seats of a case: academic and practitioner assessors' user ids. */
async function seats(key: keyof typeof cases) {
  const rows = await api.database.prisma.rplCaseParticipant.findMany({
    where: { applicationId: cases[key].id, role: { in: ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'] } },
  });
  return {
    academic: rows.find((row) => row.role === 'ACADEMIC_ASSESSOR')?.userId ?? null,
    practitioner: rows.find((row) => row.role === 'PRACTITIONER_ASSESSOR')?.userId ?? null,
  };
}

/** Sets one person's RPL roles as the university admin does (every programme), keeping their affiliation. */
async function setRoles(admin: TestClient, person: string, roles: string[]) {
  const member = await api.database.prisma.rplStaffMember.findFirst({ where: { userId: person } });
  const result = await mutate(admin, SET_STAFF_ROLES, {
    userId: person,
    roles: roles.map((role) => ({ role, programmeIds: [] })),
    affiliation: member?.affiliation ?? null,
    employeeNumber: member?.employeeNumber ?? null,
  });
  expect(result, JSON.stringify(result)).toMatchObject({ __typename: 'SetRplStaffRolesSuccess' });
}

/** Both assessors of a case submit: every proposed course recognised. */
async function assessAll(
  key: keyof typeof cases,
  courses: string[],
  academic: TestClient,
  practitioner: TestClient,
) {
  for (const [assessor, score] of [
    [academic, 80],
    [practitioner, 84],
  ] as const) {
    const saved = await mutate(assessor, SAVE_ASSESSMENT, {
      id: cases[key].gid,
      submit: true,
      courses: judgements(
        ptm,
        Object.fromEntries(courses.map((code) => [code, { score, recommendation: 'RECOGNISE' as const }])),
      ),
    });
    expect(saved.__typename, JSON.stringify(saved)).toBe('SaveRplAssessmentSuccess');
  }
  expect((await caseAs(c.committee, key)).status).toBe('AWAITING_COMMITTEE');
}

/** Noon in Jakarta on a calendar day. */
const noonInJakarta = (date: LocalDate) => new Date(`${date}T05:00:00.000Z`);
const jakartaToday = () => localDateAt(api.clock.now(), 'Asia/Jakarta');

beforeAll(async () => {
  api = await startTestApi();
  const rpl = await rplIds(api);
  ptm = rpl.ptm;
  trm = rpl.trm;
  // The pathway award behind Yohanes's PTM210 is issued by the queue after start-up.
  const deadline = Date.now() + 120_000;
  while (
    (await api.database.prisma.credential.count({
      where: { teacher: { email: people.yohanes }, kind: 'PATHWAY' },
    })) === 0
  ) {
    if (Date.now() > deadline) throw new Error('the welding pathway was not awarded to Yohanes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const [key, email] of Object.entries(people) as [keyof typeof people, string][]) {
    c[key as keyof typeof c] = await api.signIn(email);
    ids[key] = await userId(api, email);
  }
});
afterAll(() => api?.close());

describe('deadlines and the reminder sweep', () => {
  let dueOn: LocalDate;
  let wholeCaseDueOn: LocalDate;

  it("saves the university's step targets (its admin only)", async () => {
    const { rplUniversitySettings: current } = await c.committee.data(SETTINGS);
    expect(current).toMatchObject({ decreeNumberPattern: 'B/{seq:4}/UN37/RPL/{year}', appealDays: 14 });
    const input = { ...current, deadlineTargets: JSON.stringify({ administrativeCheck: 2, wholeCase: 10 }) };
    expect(await mutate(c.officer, SAVE_SETTINGS, { input })).toMatchObject({
      __typename: 'NotAllowedError',
      code: 'FORBIDDEN',
    });
    const saved = await mutate(c.committee, SAVE_SETTINGS, { input });
    expect(saved, JSON.stringify(saved)).toMatchObject({
      data: { deadlineTargets: '{"wholeCase":10,"administrativeCheck":2}' },
    });
    const badPattern = await mutate(c.committee, SAVE_SETTINGS, {
      input: { ...input, decreeNumberPattern: 'RPL/{year}' },
    });
    expect(badPattern).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'decreeNumberPattern'], code: 'DECREE_NUMBER_WITHOUT_SEQUENCE' }],
    });
  });

  it("gives a submitted case its due dates from the targets, overdue after the due day, in the queue's overdue view", async () => {
    cases.K = await applyAndSubmit(c.ketut, ptm);
    const submittedOn = jakartaToday();
    const { deadlines } = await caseAs(c.officer, 'K');
    dueOn = addDays(submittedOn, 2);
    wholeCaseDueOn = addDays(submittedOn, 10);
    expect(deadlines).toEqual([
      { step: 'administrativeCheck', startedOn: submittedOn, dueOn, daysLeft: 2, isOverdue: false },
      { step: 'wholeCase', startedOn: submittedOn, dueOn: wholeCaseDueOn, daysLeft: 10, isOverdue: false },
    ]);
    const overdueNow = async () =>
      (await c.officer.data(QUEUE, { view: 'OPEN', overdue: true })).rplQueue.map(
        (item: { case: { id: string } }) => item.case.id,
      );
    try {
      api.clock.set(noonInJakarta(dueOn));
      expect((await caseAs(c.officer, 'K')).deadlines[0]).toMatchObject({ daysLeft: 0, isOverdue: false });
      expect(await overdueNow()).toEqual([]);
      api.clock.set(noonInJakarta(addDays(dueOn, 1)));
      expect((await caseAs(c.officer, 'K')).deadlines[0]).toMatchObject({ daysLeft: -1, isOverdue: true });
      expect(await overdueNow()).toEqual([cases.K.gid]);
    } finally {
      api.clock.reset();
    }
  });

  it('sends each reminder once, to the people of the step, as a notice and an email', async () => {
    const prisma = api.database.prisma;
    const noticesTo = async () => {
      const rows = await prisma.notification.findMany({
        where: { subjectId: cases.K.id, kind: { in: ['RPL_CASE_REMINDER', 'RPL_CASE_OVERDUE'] } },
        select: { userId: true, kind: true },
      });
      const count = (userId: string, kind: string) =>
        rows.filter((row) => row.userId === userId && row.kind === kind).length;
      return {
        officers: [ids.academic, ids.officer].map((id) => [
          count(id, 'RPL_CASE_REMINDER'),
          count(id, 'RPL_CASE_OVERDUE'),
        ]),
        admin: [count(ids.committee, 'RPL_CASE_REMINDER'), count(ids.committee, 'RPL_CASE_OVERDUE')],
        others: rows.filter((row) => ![ids.academic, ids.officer, ids.committee].includes(row.userId)).length,
      };
    };
    const emailsTo = async (email: string) =>
      prisma.emailMessage.count({ where: { toAddress: email, subject: { contains: 'tenggat' } } });
    const sweep = (date: LocalDate) => sendRplReminders(noonInJakarta(date));

    // The day before: the completeness check's first reminder to both officers; nothing for the
    // whole case yet. Run again the same day: nothing more.
    expect(await sweep(addDays(dueOn, -1))).toBe(1);
    expect(await sweep(addDays(dueOn, -1))).toBe(0);
    expect(await noticesTo()).toEqual({
      officers: [
        [1, 0],
        [1, 0],
      ],
      admin: [0, 0],
      others: 0,
    });
    // The due day, then the day after (overdue), each once.
    expect(await sweep(dueOn)).toBe(1);
    expect(await sweep(addDays(dueOn, 1))).toBe(1);
    expect(await sweep(addDays(dueOn, 1))).toBe(0);
    // The whole case overdue after its tenth day goes to the university admin, once; the missed
    // reminders before it are not sent late.
    expect(await sweep(addDays(wholeCaseDueOn, 1))).toBe(1);
    expect(await sweep(addDays(wholeCaseDueOn, 2))).toBe(0);
    expect(await noticesTo()).toEqual({
      officers: [
        [2, 1],
        [2, 1],
      ],
      admin: [0, 1],
      others: 0,
    });
    // One email per notice, through the outbox.
    expect(await emailsTo(people.academic)).toBe(3);
    expect(await emailsTo(people.officer)).toBe(3);
    expect(await emailsTo(people.committee)).toBe(1);
    expect(await emailsTo(people.practitioner)).toBe(0);
    expect(await emailsTo(people.ketut)).toBe(0);
    const delivered = await api.waitForEmail(people.officer, /melewati tenggat/);
    expect(delivered).toContain('Pemeriksaan kelengkapan');
  });
});

describe('the administrative check', () => {
  beforeAll(async () => {
    cases.Y = await applyAndSubmit(c.yohanes, ptm);
    expect(cases.Y.proposedSks).toBe(10);
  });

  it('offers each person the steps their role allows on a submitted case', async () => {
    const actions = async (client: TestClient) => (await caseAs(client, 'Y')).availableActions;
    expect(await actions(c.officer)).toEqual(['returnToTeacher', 'acceptAsComplete']);
    expect(await actions(c.academic)).toEqual(['returnToTeacher', 'acceptAsComplete']);
    expect(await actions(c.yohanes)).toEqual(['withdraw']);
    for (const client of [c.practitioner, c.committee, c.validator])
      expect(await actions(client)).toEqual([]);
  });

  it('refuses the step to the wrong people: another role, another university, a teacher', async () => {
    const accept = (client: TestClient) => mutate(client, ACCEPT, { id: cases.Y.gid });
    const expected = wrongRole(/^Kasus ini hanya dapat dinyatakan lengkap oleh petugas administrasi\.$/);
    expect(await accept(c.practitioner)).toMatchObject(expected);
    expect(await accept(c.committee)).toMatchObject(expected);
    expect(await accept(c.validator)).toMatchObject(expected);
    expect(await accept(c.polmanOfficer)).toMatchObject(notFound);
    expect(await accept(c.yohanes)).toMatchObject(forbidden);
    expect(await accept(c.sri)).toMatchObject(forbidden);
    // Steps of later statuses are refused by the status, naming it.
    expect(await mutate(c.validator, VALIDATE, { id: cases.Y.gid })).toMatchObject(
      transitionRefused('Diajukan, menunggu pemeriksaan kelengkapan', 'divalidasi'),
    );
    expect((await caseAs(c.officer, 'Y')).status).toBe('SUBMITTED');
  });

  it('returns the case only with the missing items, which the teacher reads, answers and resubmits', async () => {
    const back = (items: string[]) =>
      mutate(c.officer, RETURN_TO_TEACHER, {
        id: cases.Y.gid,
        items,
        message: 'Mohon dilengkapi dalam tiga hari.',
      });
    expect(await back([])).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'RPL_MISSING_ITEMS_REQUIRED',
    });
    expect(await back(['   '])).toMatchObject({ code: 'RPL_MISSING_ITEMS_REQUIRED' });
    const items = ['Sertifikat BNSP yang masih berlaku', 'Surat keterangan mengajar dari kepala sekolah'];
    expect(await back(items)).toMatchObject({
      __typename: 'ReturnRplCaseToTeacherSuccess',
      data: { status: 'EVIDENCE_REQUESTED', missingItems: items },
    });
    const seen = await caseAs(c.yohanes, 'Y');
    expect(seen).toMatchObject({ status: 'EVIDENCE_REQUESTED', missingItems: items });
    expect(seen.evidenceRequest).toBe(
      '• Sertifikat BNSP yang masih berlaku\n• Surat keterangan mengajar dari kepala sekolah\nMohon dilengkapi dalam tiga hari.',
    );
    const notice = await api.database.prisma.notification.findFirstOrThrow({
      where: { userId: ids.yohanes, kind: 'RPL_EVIDENCE_REQUESTED', subjectId: cases.Y.id },
    });
    expect(JSON.stringify(notice.params)).toContain('Surat keterangan mengajar');
    // Not the officer's to accept while it is with the teacher.
    expect(await mutate(c.officer, ACCEPT, { id: cases.Y.gid })).toMatchObject({
      code: 'INVALID_RPL_CASE_TRANSITION',
    });
    const upload = await uploadRplEvidence(c.yohanes, cases.Y.gid, tinyPdf, {
      name: 'surat-keterangan-mengajar.pdf',
      kind: 'WORK_EXPERIENCE',
      title: 'Surat keterangan mengajar',
    });
    expect(upload.status).toBe(201);
    const resubmitted = await c.yohanes.data(
      `mutation ($id: ID!) { submitRplApplication(applicationId: $id) { __typename ... on SubmitRplApplicationSuccess { data { status proposedSks } } } }`,
      { id: cases.Y.gid },
    );
    expect(resubmitted.submitRplApplication).toMatchObject({
      data: { status: 'SUBMITTED', proposedSks: 10 },
    });
  });

  it('accepts the case as complete: into assessment, assessors seated round-robin and told', async () => {
    const accepted = await mutate(c.officer, ACCEPT, { id: cases.Y.gid });
    expect(accepted, JSON.stringify(accepted)).toMatchObject({ data: { status: 'IN_ASSESSMENT' } });
    expect(await seats('Y')).toEqual({ academic: ids.academic, practitioner: ids.practitioner });
    const assigned = await api.database.prisma.notification.findMany({
      where: { subjectId: cases.Y.id, kind: 'RPL_CASE_ASSIGNED' },
      select: { userId: true },
    });
    expect(assigned.map((row) => row.userId).sort()).toEqual([ids.academic, ids.practitioner].sort());
    const { missingItems, history } = await caseAs(c.officer, 'Y');
    expect(missingItems).toEqual([]);
    expect(history.map((event: { action: string }) => event.action)).toEqual([
      'RPL_APPLICATION_STARTED',
      'RPL_APPLICATION_SUBMIT',
      'RPL_CASE_RETURN_TO_TEACHER',
      'RPL_APPLICATION_SUBMIT',
      'RPL_CASE_ACCEPT_AS_COMPLETE',
      'RPL_CASE_ASSESSOR_ASSIGNED',
      'RPL_CASE_ASSESSOR_ASSIGNED',
    ]);
  });
});

describe('assigning assessors', () => {
  beforeAll(async () => {
    // A second UNNES lecturer who assesses as an academic and as a practitioner.
    added.bayu = await createStaffMember(api, c.admin, {
      name: 'Bayu Saputra',
      email: 'bayu.saputra@unnes.example.id',
      university: 'unnes',
    });
    await setRoles(c.committee, added.bayu.id, ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR']);
  });

  it('seats the least-loaded assessors, never one person in both seats', async () => {
    // Lestari and Rudi assess Yohanes's case; Bayu assesses nothing yet. The officer who accepts
    // is Lestari herself.
    expect((await mutate(c.academic, ACCEPT, { id: cases.K.gid })).data.status).toBe('IN_ASSESSMENT');
    expect(await seats('K')).toEqual({ academic: added.bayu.id, practitioner: ids.practitioner });
  });

  it('may seat the officer who accepted the case: the four-eyes rule does not pair those roles', async () => {
    cases.S = await applyAndSubmit(c.sri, ptm);
    cases.E = await applyAndSubmit(c.eko, ptm);
    // Loads now: Lestari 1, Bayu 1 (as academic), Rudi 2. Ties go to the earlier account.
    expect((await mutate(c.academic, ACCEPT, { id: cases.S.gid })).data.status).toBe('IN_ASSESSMENT');
    expect(await seats('S')).toEqual({ academic: ids.academic, practitioner: added.bayu.id });
    expect((await mutate(c.officer, ACCEPT, { id: cases.E.gid })).data.status).toBe('IN_ASSESSMENT');
    expect(await seats('E')).toEqual({ academic: ids.academic, practitioner: ids.practitioner });
  });

  it('never seats the applicant, by round-robin or by hand', async () => {
    added.dimas = await createTeachingLecturer(api, 'dimas.pratama@unnes.example.id');
    await setRoles(c.committee, added.dimas.id, ['ACADEMIC_ASSESSOR']);
    cases.H = await applyAndSubmit(added.dimas.client, ptm);
    expect((await mutate(c.officer, ACCEPT, { id: cases.H.gid })).data.status).toBe('IN_ASSESSMENT');
    const seated = await seats('H');
    expect(seated.academic).not.toBe(added.dimas.id);
    expect(seated.practitioner).not.toBe(added.dimas.id);
    const byHand = await mutate(c.officer, ASSIGN, { ids: [cases.H.gid], academicId: added.dimas.id });
    expect(byHand).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['academicId'],
          code: 'RPL_ROLE_CONFLICT',
          message:
            'Dimas Pratama tidak boleh menjadi guru pemohon sekaligus asesor akademisi pada kasus yang sama.',
        },
      ],
    });
    expect(await seats('H')).toEqual(seated);
  });

  it('refuses a non-assessor, and one person in both seats, with field errors', async () => {
    const officer = await mutate(c.officer, ASSIGN, { ids: [cases.K.gid], academicId: ids.officer });
    expect(officer).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['academicId'],
          code: 'RPL_NOT_AN_ASSESSOR',
          message: 'Rina Marlina bukan asesor akademisi untuk program studi ini.',
        },
      ],
    });
    // Bayu is Ketut's academic assessor already.
    const both = await mutate(c.officer, ASSIGN, { ids: [cases.K.gid], practitionerId: added.bayu.id });
    expect(both).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['applicationIds', '0'],
          code: 'RPL_ROLE_CONFLICT',
          message:
            'Bayu Saputra tidak boleh menjadi asesor akademisi sekaligus asesor praktisi pada kasus yang sama.',
        },
      ],
    });
    expect(await seats('K')).toEqual({ academic: added.bayu.id, practitioner: ids.practitioner });
  });

  it('assigns in bulk all or none', async () => {
    // Dimas may assess Ketut's case but not his own: neither case changes.
    const mixed = await mutate(c.officer, ASSIGN, {
      ids: [cases.K.gid, cases.H.gid],
      academicId: added.dimas.id,
    });
    expect(mixed).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['academicId'] }] });
    expect(mixed.fieldErrors).toHaveLength(1);
    expect(await seats('K')).toEqual({ academic: added.bayu.id, practitioner: ids.practitioner });
    // A case no longer in assessment (Dimas withdraws his) stops the whole batch.
    const { withdrawRplApplication } = await added.dimas.client.data(WITHDRAW, { id: cases.H.gid });
    expect(withdrawRplApplication).toMatchObject({ data: { status: 'WITHDRAWN' } });
    await setRoles(c.committee, added.dimas.id, []);
    const withWithdrawn = await mutate(c.officer, ASSIGN, {
      ids: [cases.E.gid, cases.H.gid],
      academicId: added.bayu.id,
      practitionerId: ids.practitioner,
    });
    expect(withWithdrawn).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'RPL_CASE_NOT_IN_ASSESSMENT',
    });
    expect(await seats('E')).toEqual({ academic: ids.academic, practitioner: ids.practitioner });
    // Both cases at once, one person moving from one seat to the other (Bayu, Sri's practitioner,
    // becomes her academic assessor).
    const moved = await mutate(c.officer, ASSIGN, {
      ids: [cases.S.gid, cases.E.gid],
      academicId: added.bayu.id,
      practitionerId: ids.practitioner,
    });
    expect(moved, JSON.stringify(moved)).toEqual({ __typename: 'AssignRplAssessorsSuccess', data: 2 });
    for (const key of ['S', 'E'] as const)
      expect(await seats(key)).toEqual({ academic: added.bayu.id, practitioner: ids.practitioner });
    // Only the university admin and the officers assign; another university does not see the case.
    expect(await mutate(c.practitioner, ASSIGN, { ids: [cases.K.gid], roundRobin: true })).toMatchObject(
      wrongRole(/oleh admin perguruan tinggi atau petugas administrasi\.$/),
    );
    expect(await mutate(c.polmanOfficer, ASSIGN, { ids: [cases.K.gid], roundRobin: true })).toMatchObject(
      notFound,
    );
  });

  it('lets the committee move a case on by hand only once both assessors have submitted', async () => {
    expect(await mutate(c.committee, COMPLETE_ASSESSMENT, { id: cases.K.gid })).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'RPL_ASSESSMENTS_INCOMPLETE',
    });
    expect(await mutate(c.officer, COMPLETE_ASSESSMENT, { id: cases.K.gid })).toMatchObject(
      wrongRole(/oleh sistem atau tim RPL program studi\.$/),
    );
  });

  it('lets the teacher withdraw before the decision', async () => {
    const { withdrawRplApplication } = await c.ketut.data(WITHDRAW, { id: cases.K.gid });
    expect(withdrawRplApplication).toMatchObject({ data: { status: 'WITHDRAWN' } });
  });
});

describe("the assessors' judgement", () => {
  it('saves a draft as the assessor works; submitting is refused while CPMK are missing, counting them', async () => {
    const draft = await mutate(c.academic, SAVE_ASSESSMENT, {
      id: cases.Y.gid,
      submit: false,
      courses: judgements(ptm, { PTM204: { score: 80, recommendation: 'RECOGNISE' } }),
    });
    expect(draft, JSON.stringify(draft)).toMatchObject({ data: { status: 'IN_ASSESSMENT' } });
    // PTM204 whole, PTM210 one CPMK of three: 2 + PTM310 (2) + PTM313 (2) = 6 CPMK missing.
    const incomplete = await mutate(c.academic, SAVE_ASSESSMENT, {
      id: cases.Y.gid,
      submit: true,
      courses: judgements(ptm, {
        PTM204: { score: 80, recommendation: 'RECOGNISE' },
        PTM210: { score: 78, recommendation: 'RECOGNISE', outcomes: ['CPMK1'] },
      }),
    });
    expect(incomplete).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['courses'],
          code: 'RPL_ASSESSMENT_INCOMPLETE_ITEMS',
          message: 'Masih ada 6 CPMK yang belum dinilai; nilai semuanya sebelum menyerahkan.',
        },
      ],
    });
    const interview = await mutate(c.practitioner, SAVE_ASSESSMENT, {
      id: cases.Y.gid,
      submit: false,
      courses: judgements(ptm, { PTM204: { score: 80, recommendation: 'RECOGNISE' } }).map((course) => ({
        ...course,
        outcomes: course.outcomes.map((outcome) => ({ ...outcome, method: 'INTERVIEW' })),
      })),
    });
    expect(interview).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: expect.arrayContaining([
        {
          path: ['courses', '0', 'outcomes', '0', 'scheduledOn'],
          code: 'RPL_ASSESSMENT_SCHEDULE_REQUIRED',
          message: expect.any(String),
        },
      ]),
    });
  });

  it('refuses people without a seat on the case', async () => {
    const courses = judgements(ptm, { PTM204: { score: 80, recommendation: 'RECOGNISE' } });
    for (const client of [c.validator, c.committee, added.bayu.client])
      expect(
        await mutate(client, SAVE_ASSESSMENT, { id: cases.Y.gid, submit: false, courses }),
      ).toMatchObject({
        __typename: 'InvalidStateError',
        code: 'RPL_NOT_YOUR_ASSESSMENT',
      });
    expect(
      await mutate(c.polmanOfficer, SAVE_ASSESSMENT, { id: cases.Y.gid, submit: false, courses }),
    ).toMatchObject(notFound);
  });

  it("hides each assessor's judgement from the other until both have submitted; a submitted one never changes", async () => {
    const full = judgements(ptm, {
      PTM204: { score: 80, recommendation: 'RECOGNISE' },
      PTM210: { score: 78, recommendation: 'RECOGNISE' },
      PTM310: { score: 75, recommendation: 'RECOGNISE' },
      PTM313: { score: 82, recommendation: 'RECOGNISE' },
    });
    const submitted = await mutate(c.academic, SAVE_ASSESSMENT, {
      id: cases.Y.gid,
      submit: true,
      courses: full,
    });
    expect(submitted, JSON.stringify(submitted)).toMatchObject({ data: { status: 'IN_ASSESSMENT' } });
    const visibleTo = async (client: TestClient) =>
      (await caseAs(client, 'Y')).assessments.map((a: { role: string }) => a.role);
    expect(await visibleTo(c.practitioner)).toEqual([]);
    const practitionerDraft = judgements(ptm, {
      PTM204: { score: 86, recommendation: 'RECOGNISE' },
      PTM210: { score: 80, recommendation: 'RECOGNISE' },
      // The robotics evidence is thin, says the practitioner.
      PTM310: { score: 40, recommendation: 'DO_NOT_RECOGNISE', sufficient: false },
    });
    expect(
      (
        await mutate(c.practitioner, SAVE_ASSESSMENT, {
          id: cases.Y.gid,
          submit: false,
          courses: practitionerDraft,
        })
      ).__typename,
    ).toBe('SaveRplAssessmentSuccess');
    expect(await visibleTo(c.practitioner)).toEqual(['PRACTITIONER_ASSESSOR']);
    expect(await visibleTo(c.academic)).toEqual(['ACADEMIC_ASSESSOR']);
    expect((await caseAs(c.academic, 'Y')).comparison).toEqual([]);
    // The committee reads both as they are.
    expect(await visibleTo(c.committee)).toEqual(['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR']);
    // The teacher reads none.
    expect(await visibleTo(c.yohanes)).toEqual([]);

    const again = await mutate(c.academic, SAVE_ASSESSMENT, {
      id: cases.Y.gid,
      submit: false,
      courses: judgements(ptm, { PTM204: { score: 10, recommendation: 'DO_NOT_RECOGNISE' } }),
    });
    expect(again).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'RPL_ASSESSMENT_ALREADY_SUBMITTED',
    });
    const stored = await api.database.prisma.rplAssessment.findUniqueOrThrow({
      where: { applicationId_role: { applicationId: cases.Y.id, role: 'ACADEMIC_ASSESSOR' } },
    });
    expect((stored.courses as { outcomes: { score: number }[] }[])[0]?.outcomes[0]?.score).toBe(80);
  });

  it('moves the case to the committee by itself once both have submitted, and shows where they disagree', async () => {
    const practitioner = judgements(ptm, {
      PTM204: { score: 86, recommendation: 'RECOGNISE' },
      PTM210: { score: 80, recommendation: 'RECOGNISE' },
      PTM310: { score: 40, recommendation: 'DO_NOT_RECOGNISE', sufficient: false },
      PTM313: { score: 84, recommendation: 'RECOGNISE' },
    });
    const done = await mutate(c.practitioner, SAVE_ASSESSMENT, {
      id: cases.Y.gid,
      submit: true,
      courses: practitioner,
    });
    expect(done, JSON.stringify(done)).toMatchObject({ data: { status: 'AWAITING_COMMITTEE' } });
    const seen = await caseAs(c.practitioner, 'Y');
    expect(seen.assessments.map((a: { role: string }) => a.role)).toEqual([
      'ACADEMIC_ASSESSOR',
      'PRACTITIONER_ASSESSOR',
    ]);
    const byCode = (courseId: string) =>
      (['PTM204', 'PTM210', 'PTM310', 'PTM313'] as const).find((code) => ptm.course(code).id === courseId);
    expect(
      seen.comparison.map((row: Record<string, unknown>) => ({
        ...row,
        courseId: byCode(row.courseId as string),
      })),
    ).toEqual([
      expect.objectContaining({
        courseId: 'PTM204',
        kind: 'agree',
        academicScore: 80,
        practitionerScore: 86,
      }),
      expect.objectContaining({ courseId: 'PTM210', kind: 'agree' }),
      {
        courseId: 'PTM310',
        kind: 'disagree',
        academicScore: 75,
        practitionerScore: 40,
        academicRecommendation: 'RECOGNISE',
        practitionerRecommendation: 'DO_NOT_RECOGNISE',
        recommendationDiffers: true,
        scoreGap: 35,
        principleDifferences: ['CPMK1: sufficient', 'CPMK2: sufficient'],
      },
      expect.objectContaining({ courseId: 'PTM313', kind: 'agree' }),
    ]);
    const { history } = seen;
    expect(history.at(-1)).toMatchObject({
      action: 'RPL_CASE_COMPLETE_ASSESSMENT',
      roleLabel: 'sistem',
      toStatusLabel: 'Menunggu keputusan tim RPL',
    });
    const waiting = await api.database.prisma.notification.findMany({
      where: { subjectId: cases.Y.id, kind: 'RPL_CASE_WAITING' },
      select: { userId: true },
    });
    expect(waiting.map((row) => row.userId)).toEqual([ids.committee]);
  });
});

describe("the committee's decision", () => {
  const decide = (
    client: TestClient,
    key: keyof typeof cases,
    rows: [string, number, string?][],
    appeal = false,
  ) => mutate(client, DECIDE, { id: cases[key].gid, decisions: decisions(ptm, rows), appeal });
  const REASON_PTM310 = 'Asesor praktisi menilai bukti pemrograman robot belum memadai.';

  it('is the committee’s alone', async () => {
    const rows: [string, number][] = [
      ['PTM204', 3],
      ['PTM210', 3],
      ['PTM310', 2],
      ['PTM313', 2],
    ];
    const expected = wrongRole(/^Kasus ini hanya dapat diputuskan oleh tim RPL program studi\.$/);
    for (const client of [c.validator, c.academic, c.practitioner, c.officer])
      expect(await decide(client, 'Y', rows)).toMatchObject(expected);
    expect(await decide(c.polmanHead, 'Y', rows)).toMatchObject(notFound);
    expect(await decide(c.yohanes, 'Y', rows)).toMatchObject(forbidden);
  });

  it('refuses a departure from the proposal without a reason, at its row', async () => {
    const refused = await decide(c.committee, 'Y', [
      ['PTM204', 3],
      ['PTM210', 3],
      ['PTM310', 0],
      ['PTM313', 2],
    ]);
    expect(refused).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['decisions', '2', 'reason'],
          code: 'RPL_DECISION_REASON_REQUIRED',
          message: 'Keputusan berbeda dari usulan sistem (2 SKS): tuliskan alasannya.',
        },
      ],
    });
  });

  it('refuses a total over the regulation’s cap, and SKS for a course kind the regulation excludes', async () => {
    const programmeCourses = await api.database.prisma.course.findMany({
      where: { curriculum: { programmeId: ptm.id }, kind: { not: 'FINAL_PROJECT' } },
    });
    const everything = await mutate(c.committee, DECIDE, {
      id: cases.Y.gid,
      decisions: programmeCourses.map((course) => ({
        courseId: globalId('Course', course.id),
        sks: course.sks,
        reason: 'Uji batas regulasi.',
      })),
    });
    expect(everything).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['decisions'], code: 'RPL_DECISION_OVER_CAP' }],
    });
    expect(everything.fieldErrors[0].message).toMatch(/melebihi batas regulasi \(100 SKS\)/);
    const thesis = await decide(c.committee, 'Y', [
      ['PTM204', 3],
      ['PTM210', 3],
      ['PTM310', 2],
      ['PTM313', 2],
      ['PTM405', 6, 'Tesis magister setara skripsi.'],
    ]);
    expect(thesis).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['decisions', '4', 'sks'], code: 'RPL_COURSE_KIND_EXCLUDED' }],
    });
    expect((await caseAs(c.committee, 'Y')).decisions).toEqual([]);
  });

  it('decides course by course: on to the validator, who is told', async () => {
    const decided = await decide(c.committee, 'Y', [
      ['PTM204', 3],
      ['PTM210', 3],
      ['PTM310', 0, REASON_PTM310],
      ['PTM313', 2],
    ]);
    expect(decided, JSON.stringify(decided)).toMatchObject({ data: { status: 'AWAITING_VALIDATION' } });
    const [decision] = (await caseAs(c.committee, 'Y')).decisions;
    expect(decision).toMatchObject({ kind: 'ORIGINAL', totalSks: 8, decidedByName: 'Wahyu Hidayat' });
    expect(decision.courses.map((row: Record<string, unknown>) => Object.values(row))).toEqual([
      ['PTM204', 3, 3, null],
      ['PTM210', 3, 3, null],
      ['PTM310', 2, 0, REASON_PTM310],
      ['PTM313', 2, 2, null],
    ]);
    // The teacher sees no decision before it is validated.
    expect((await caseAs(c.yohanes, 'Y')).decisions).toEqual([]);
    expect(
      await api.database.prisma.notification.count({
        where: { subjectId: cases.Y.id, kind: 'RPL_CASE_WAITING', userId: ids.validator },
      }),
    ).toBe(1);
  });
});

describe('validation', () => {
  const decide = (client: TestClient, key: keyof typeof cases, rows: [string, number, string?][]) =>
    mutate(client, DECIDE, { id: cases[key].gid, decisions: decisions(ptm, rows) });

  it("is the validator's: a return needs a reason; the returned decision stays, and a new one follows", async () => {
    expect((await caseAs(c.validator, 'Y')).availableActions).toEqual(['validate', 'returnToCommittee']);
    expect((await caseAs(c.committee, 'Y')).availableActions).toEqual([]);
    for (const client of [c.committee, c.officer, c.academic])
      expect(await mutate(client, VALIDATE, { id: cases.Y.gid })).toMatchObject(
        wrongRole(/^Kasus ini hanya dapat divalidasi oleh validator\.$/),
      );
    expect(await mutate(c.polmanHead, VALIDATE, { id: cases.Y.gid })).toMatchObject(notFound);
    expect(await mutate(c.validator, RETURN_TO_COMMITTEE, { id: cases.Y.gid, reason: '  ' })).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'RPL_RETURN_REASON_REQUIRED',
    });
    const reason = 'Alasan PTM310 perlu merujuk hasil wawancara asesor.';
    const returned = await mutate(c.validator, RETURN_TO_COMMITTEE, { id: cases.Y.gid, reason });
    expect(returned).toMatchObject({ data: { status: 'AWAITING_COMMITTEE' } });
    expect(
      await decide(c.committee, 'Y', [
        ['PTM204', 3],
        ['PTM210', 3],
        ['PTM310', 0, 'Wawancara menunjukkan pemrograman robot belum dikuasai.'],
        ['PTM313', 2],
      ]),
    ).toMatchObject({ data: { status: 'AWAITING_VALIDATION' } });
    const validated = await mutate(c.validator, VALIDATE, { id: cases.Y.gid });
    expect(validated).toMatchObject({ data: { status: 'APPROVED' } });
    const { decisions: all } = await caseAs(c.committee, 'Y');
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ totalSks: 8, validatedByName: 'Sri Wahyuningsih', returnedAt: null });
    expect(all[1]).toMatchObject({ totalSks: 8, validatedAt: null, returnReason: reason });
    expect(all[1].returnedAt).toEqual(expect.any(String));
    const { history } = await caseAs(c.committee, 'Y');
    expect(history).toContainEqual(
      expect.objectContaining({ action: 'RPL_CASE_RETURN_TO_COMMITTEE', roleLabel: 'validator', reason }),
    );
    // The teacher now reads the validated decision only.
    expect((await caseAs(c.yohanes, 'Y')).decisions.map((d: { id: string }) => d.id)).toEqual([all[0].id]);
  });

  it('refuses an assessor of the case as its validator', async () => {
    await assessAll('S', ['PTM204', 'PTM310'], added.bayu.client, c.practitioner);
    expect(
      await decide(c.committee, 'S', [
        ['PTM204', 3],
        ['PTM310', 2],
        ['PTM314', 3, 'Portofolio fabrikasi pelat dari bengkel sekolah memenuhi ketiga CPMK.'],
      ]),
    ).toMatchObject({ data: { status: 'AWAITING_VALIDATION' } });
    // Rudi, Sri's practitioner assessor, is made a validator too.
    await setRoles(c.committee, ids.practitioner, ['PRACTITIONER_ASSESSOR', 'VALIDATOR']);
    expect(await mutate(c.practitioner, VALIDATE, { id: cases.S.gid })).toMatchObject(
      roleConflict('asesor praktisi', 'validator'),
    );
    expect(await mutate(c.validator, VALIDATE, { id: cases.S.gid })).toMatchObject({
      data: { status: 'APPROVED' },
    });
  });

  it('refuses a validator who took part in the decision, and so does the database', async () => {
    await assessAll('E', ['PTM204', 'PTM310'], added.bayu.client, c.practitioner);
    // Sri Wahyuningsih sits on the committee too, and decides Eko's case.
    await setRoles(c.committee, ids.validator, ['VALIDATOR', 'COMMITTEE']);
    expect(
      await decide(c.validator, 'E', [
        ['PTM204', 3],
        ['PTM310', 2],
      ]),
    ).toMatchObject({ data: { status: 'AWAITING_VALIDATION' } });
    expect(await mutate(c.validator, VALIDATE, { id: cases.E.gid })).toMatchObject(
      roleConflict('tim RPL program studi', 'validator'),
    );
    expect(
      await mutate(c.validator, RETURN_TO_COMMITTEE, {
        id: cases.E.gid,
        reason: 'Saya sendiri yang memutuskan.',
      }),
    ).toMatchObject(roleConflict('tim RPL program studi', 'validator'));
    await expect(
      api.database.prisma.$executeRawUnsafe(
        `UPDATE rpl_committee_decisions SET validated_by_id = decided_by_id, validated_at = now()
         WHERE application_id = $1::uuid`,
        cases.E.id,
      ),
    ).rejects.toThrow(/rpl_committee_decisions_four_eyes/);
    // Rina Marlina validates instead.
    await setRoles(c.committee, ids.officer, ['ADMIN_OFFICER', 'VALIDATOR']);
    const officerValidator = c.officer;
    expect(await mutate(officerValidator, VALIDATE, { id: cases.E.gid })).toMatchObject({
      data: { status: 'APPROVED' },
    });
    // Everyone back to the seeded roles.
    await setRoles(c.committee, ids.practitioner, ['PRACTITIONER_ASSESSOR']);
    await setRoles(c.committee, ids.validator, ['VALIDATOR']);
    await setRoles(c.committee, ids.officer, ['ADMIN_OFFICER']);
  });
});

describe('decrees', () => {
  const numberPattern = (sequence: number) =>
    new RegExp(`^B/${String(sequence).padStart(4, '0')}/UN37/RPL/${jakartaToday().slice(0, 4)}$`);

  it("are the university admin's to issue", async () => {
    for (const client of [c.officer, c.validator, c.practitioner])
      expect(await mutate(client, ISSUE_DECREE, { id: cases.Y.gid })).toMatchObject(
        wrongRole(/^Kasus ini hanya dapat diterbitkan surat keputusannya oleh admin perguruan tinggi\.$/),
      );
    expect(await mutate(c.polmanHead, ISSUE_DECREE, { id: cases.Y.gid })).toMatchObject(notFound);
    expect(await mutate(c.yohanes, ISSUE_DECREE, { id: cases.Y.gid })).toMatchObject(forbidden);
  });

  it("numbers a decree in the university's pattern and decides the case, telling the teacher", async () => {
    expect((await caseAs(c.committee, 'Y')).availableActions).toEqual(['issueDecree']);
    expect((await caseAs(c.yohanes, 'Y')).availableActions).toEqual([]);
    const issued = await mutate(c.committee, ISSUE_DECREE, { id: cases.Y.gid });
    expect(issued, JSON.stringify(issued)).toMatchObject({
      __typename: 'IssueRplDecreeSuccess',
      data: { scope: 'CASE', caseCount: 1, amendsNumber: null, decreedOn: jakartaToday() },
    });
    expect(issued.data.number).toMatch(numberPattern(1));
    const decided = await caseAs(c.yohanes, 'Y');
    expect(decided).toMatchObject({
      status: 'DECIDED',
      recognisedSks: 8,
      decree: { number: issued.data.number },
      appealWindow: { open: true, lastDay: addDays(jakartaToday(), 14), daysLeft: 14 },
    });
    expect(decided.availableActions).toEqual(['appeal']);
    const notice = await api.database.prisma.notification.findFirstOrThrow({
      where: { userId: ids.yohanes, kind: 'RPL_DECREED', subjectId: cases.Y.id },
    });
    expect(notice.params).toMatchObject({ number: issued.data.number, sks: 8 });
    // Decided: no longer the teacher's to withdraw.
    const { withdrawRplApplication } = await c.yohanes.data(WITHDRAW, { id: cases.Y.gid });
    expect(withdrawRplApplication).toMatchObject({ code: 'INVALID_RPL_APPLICATION_TRANSITION' });
    // Anyone may check the decree behind its QR code: the teacher's NUPTK shows its last digits only.
    const { rplPublicDecree } = await api.client().data(
      `query ($id: String!) { rplPublicDecree(id: $id) {
        number universityName recognitions { teacherName nuptkMasked totalSks courses credentialVerifyUrl } } }`,
      { id: decided.decree.id },
    );
    const nuptk = (
      await api.database.prisma.teacherProfile.findUniqueOrThrow({ where: { userId: ids.yohanes } })
    ).nuptk;
    expect(rplPublicDecree).toEqual({
      number: issued.data.number,
      universityName: 'Universitas Negeri Semarang',
      recognitions: [
        {
          teacherName: 'Yohanes Tanaem',
          nuptkMasked: `${'•'.repeat(nuptk.length - 4)}${nuptk.slice(-4)}`,
          totalSks: 8,
          courses: [
            'PTM204 Teknik Pengelasan (3 SKS)',
            'PTM210 Pengelasan Lanjut (3 SKS)',
            'PTM313 Inspeksi dan Pengujian Las (2 SKS)',
          ],
          credentialVerifyUrl: `/verify/${decided.recognitionCredential.credentialId}`,
        },
      ],
    });
  });

  it('never gives two decrees one number, even issued at the same moment', async () => {
    const [s, e] = await Promise.all([
      mutate(c.committee, ISSUE_DECREE, { id: cases.S.gid }),
      mutate(c.committee, ISSUE_DECREE, { id: cases.E.gid }),
    ]);
    expect(s, JSON.stringify(s)).toMatchObject({ __typename: 'IssueRplDecreeSuccess' });
    expect(e, JSON.stringify(e)).toMatchObject({ __typename: 'IssueRplDecreeSuccess' });
    expect(s.data.number).not.toBe(e.data.number);
    const decrees = await api.database.prisma.rplDecree.findMany({ orderBy: { sequence: 'asc' } });
    expect(decrees.map((decree) => decree.sequence)).toEqual([1, 2, 3]);
    expect([s.data.number, e.data.number].sort()).toEqual([decrees[1]?.number, decrees[2]?.number]);
    for (const decree of decrees) expect(decree.number).toMatch(numberPattern(decree.sequence));
    expect((await caseAs(c.sri, 'S')).recognisedSks).toBe(8);
    expect((await caseAs(c.eko, 'E')).recognisedSks).toBe(5);
  });

  it('keeps decisions and decrees as recorded: the database refuses to change them', async () => {
    const prisma = api.database.prisma;
    const decree = await prisma.rplDecree.findFirstOrThrow({
      where: { applications: { some: { id: cases.Y.id } } },
    });
    await expect(
      prisma.$executeRawUnsafe(
        `UPDATE rpl_decrees SET number = 'B/9999/UN37/RPL/2026' WHERE id = $1::uuid`,
        decree.id,
      ),
    ).rejects.toThrow(/rpl_decrees rows are final/);
    await expect(
      prisma.$executeRawUnsafe(`DELETE FROM rpl_decrees WHERE id = $1::uuid`, decree.id),
    ).rejects.toThrow(/rpl_decrees rows are final/);
    const validated = await prisma.rplCommitteeDecision.findFirstOrThrow({
      where: { applicationId: cases.Y.id, validatedAt: { not: null } },
    });
    await expect(
      prisma.$executeRawUnsafe(
        `UPDATE rpl_committee_decisions SET total_sks = 10 WHERE id = $1::uuid`,
        validated.id,
      ),
    ).rejects.toThrow(/an RPL committee decision is final/);
    await expect(
      prisma.$executeRawUnsafe(
        `UPDATE rpl_committee_decisions SET validated_at = NULL, validated_by_id = NULL WHERE id = $1::uuid`,
        validated.id,
      ),
    ).rejects.toThrow(/an RPL committee decision is final/);
    await expect(
      prisma.$executeRawUnsafe(`DELETE FROM rpl_committee_decisions WHERE id = $1::uuid`, validated.id),
    ).rejects.toThrow(/an RPL committee decision is final/);
    await expect(
      prisma.$executeRawUnsafe(
        `UPDATE rpl_course_decisions SET sks = sks WHERE decision_id = $1::uuid`,
        validated.id,
      ),
    ).rejects.toThrow(/rpl_course_decisions rows are final/);
    await expect(
      prisma.$executeRawUnsafe(`DELETE FROM rpl_course_decisions WHERE decision_id = $1::uuid`, validated.id),
    ).rejects.toThrow(/rpl_course_decisions rows are final/);
    // A returned decision is as final as a validated one.
    const returned = await prisma.rplCommitteeDecision.findFirstOrThrow({
      where: { applicationId: cases.Y.id, returnedAt: { not: null } },
    });
    await expect(
      prisma.$executeRawUnsafe(
        `UPDATE rpl_committee_decisions SET returned_at = NULL, return_reason = NULL WHERE id = $1::uuid`,
        returned.id,
      ),
    ).rejects.toThrow(/an RPL committee decision is final/);
    const course = await prisma.rplCourseDecision.findFirstOrThrow({ where: { decisionId: returned.id } });
    expect(course.sks).toBeGreaterThanOrEqual(0);
  });
});

describe('the decree and the minutes as PDF', () => {
  const fetchPdf = async (client: TestClient, path: string) => {
    const response = await client.request(path);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  };

  it('prints the decree in Indonesian and English: number, courses, total, teacher, legal basis', async () => {
    const decided = await caseAs(c.yohanes, 'Y');
    const decree = await api.database.prisma.rplDecree.findUniqueOrThrow({
      where: { id: decided.decree.id },
    });
    const legalBasis = (decree.content as { legalBasis: string[] }).legalBasis;
    expect(legalBasis.length).toBeGreaterThan(0);
    expect(legalBasis.join(' ')).toContain('Permendikbudristek 41/2021');
    for (const [path, total] of [
      [decided.decree.pdfUrl, 'Jumlah SKS yang diakui 8'],
      [decided.decree.pdfUrlEn, 'Total SKS recognised 8'],
    ] as const) {
      const pdf = await fetchPdf(c.yohanes, path);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      const text = pdfText(pdf.bytes);
      expect(text).toContain(decided.decree.number);
      for (const code of ['PTM204', 'PTM210', 'PTM313']) expect(text).toContain(code);
      expect(text).not.toContain('PTM310');
      expect(text).toContain(total);
      expect(text).toContain('Yohanes Tanaem');
      for (const citation of legalBasis) expect(text).toContain(citation);
    }
  });

  it("prints the minutes: the assessors' names and scores, the committee's SKS and reason", async () => {
    const { minutesUrl } = await caseAs(c.committee, 'Y');
    const [id, en] = await Promise.all([
      fetchPdf(c.committee, minutesUrl),
      fetchPdf(c.committee, `${minutesUrl}?lang=en`),
    ]);
    expect([id.status, en.status]).toEqual([200, 200]);
    const text = pdfText(id.bytes);
    for (const fragment of [
      'BERITA ACARA ASESMEN',
      'Yohanes Tanaem',
      'Asesor akademik Lestari Handayani',
      'Asesor praktisi Rudi Setiawan',
      'Wahyu Hidayat',
      // PTM310, CPMK by CPMK: the academic's score and verdict, then the practitioner's.
      '75 Diakui 40 Tidak diakui',
      'Keputusan komite : 0 SKS',
      'Wawancara menunjukkan pemrograman robot belum dikuasai.',
    ])
      expect(text).toContain(fragment);
    const english = pdfText(en.bytes);
    for (const fragment of [
      'MINUTES OF ASSESSMENT',
      'Academic assessor Lestari Handayani',
      '75 Recognise 40 Do not recognise',
    ])
      expect(english).toContain(fragment);
  });

  it("prints the university's logo, which its admin alone uploads and anyone may read", async () => {
    const { decree } = await caseAs(c.yohanes, 'Y');
    const images = async () =>
      Buffer.from((await fetchPdf(c.yohanes, decree.pdfUrl)).bytes)
        .toString('latin1')
        .split('/Subtype /Image').length - 1;
    const withoutLogo = await images();
    const upload = (client: TestClient, bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'logo-unnes.png');
      return client.request('/api/rpl/universities/logo', { method: 'POST', body: form });
    };
    expect((await upload(c.officer, tinyPng)).status).toBe(403);
    expect((await upload(c.committee, tinyPdf)).status).toBe(415);
    const uploaded = await upload(c.committee, tinyPng);
    expect(uploaded.status).toBe(201);
    const { logoUrl } = (await uploaded.json()) as { logoUrl: string };
    expect(logoUrl).toBe(`/api/rpl/universities/${await unnesId()}/logo`);
    const logo = await api.client().request(logoUrl);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(tinyPng);
    expect(await images()).toBeGreaterThan(withoutLogo);
    const removed = await c.committee.request('/api/rpl/universities/logo', { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await api.client().request(logoUrl)).status).toBe(404);
    expect(await images()).toBe(withoutLogo);
  });

  it("lets the decree's teacher and the university's staff read them; another university and another teacher get 404", async () => {
    const { decree, minutesUrl } = await caseAs(c.yohanes, 'Y');
    for (const client of [c.yohanes, c.officer, c.practitioner, c.validator])
      expect((await fetchPdf(client, decree.pdfUrl)).status).toBe(200);
    for (const client of [c.sri, c.budi, c.polmanOfficer, c.polmanHead]) {
      expect((await fetchPdf(client, decree.pdfUrl)).status).toBe(404);
      expect((await fetchPdf(client, minutesUrl)).status).toBe(404);
    }
    expect((await fetchPdf(c.yohanes, minutesUrl)).status).toBe(200);
    expect((await fetchPdf(api.client(), decree.pdfUrl)).status).toBe(401);
  });
});

describe('the recognition credential', () => {
  let credential: Record<string, any>;
  let document: Record<string, any>;

  beforeAll(async () => {
    credential = (await caseAs(c.yohanes, 'Y')).recognitionCredential;
    document = JSON.parse(credential.document);
  });

  it('is in the teacher’s hands: a CLR 2.0 credential the official schema accepts', async () => {
    expect(credential).toMatchObject({ kind: 'CLR', status: 'ACTIVE', revokedAt: null });
    const valid = validateClrSchema(document);
    expect(validateClrSchema.errors ?? [], JSON.stringify(validateClrSchema.errors)).toEqual([]);
    expect(valid).toBe(true);
    expect(document.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    const row = await api.database.prisma.credential.findUniqueOrThrow({
      where: { id: credential.credentialId },
    });
    expect(row.teacherId).toBe(ids.yohanes);
  });

  it('gives each recognised course creditsEarned = the decided SKS', async () => {
    const embedded = document.credentialSubject.verifiableCredential as Record<string, any>[];
    const courses = embedded
      .filter((vc) => vc.credentialSubject.achievement.achievementType === 'Course')
      .map((vc) => [vc.credentialSubject.achievement.humanCode, vc.credentialSubject.creditsEarned]);
    expect(courses.sort()).toEqual([
      ['PTM204', 3],
      ['PTM210', 3],
      ['PTM313', 2],
    ]);
    const whole = embedded.find((vc) => vc.credentialSubject.achievement.achievementType !== 'Course');
    expect(whole?.credentialSubject.creditsEarned).toBe(8);
    for (const vc of embedded) expect(validateOpenBadgeSchema(vc)).toEqual({ ok: true });
  });

  it('verifies on the platform: the verifyCredential query and the /api/verify route', async () => {
    const { verifyCredential } = await c.budi.data(
      `query ($id: String!) { verifyCredential(id: $id) { valid kind checks { name ok code } embedded { valid } } }`,
      { id: credential.credentialId },
    );
    expect(verifyCredential).toMatchObject({ valid: true, kind: 'ClrCredential' });
    expect(verifyCredential.embedded.length).toBe(4);
    expect(verifyCredential.embedded.every((entry: { valid: boolean }) => entry.valid)).toBe(true);
    const response = await fetch(`${api.url}/api/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: credential.document,
    });
    expect(await response.json()).toMatchObject({ valid: true, kind: 'ClrCredential' });
  });

  it("verifies with the Digital Credentials Consortium's verifier-core, fetching the DID and status from the API", async () => {
    const realFetch = globalThis.fetch;
    const origin = new URL(api.url);
    const published = new Map<string, unknown>([
      [CLR_CREDENTIAL_SCHEMA_URL, clrCredentialSchema],
      [OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, openBadgeCredentialSchema],
      [CLR_V2_CONTEXT, bundledContexts.get(CLR_V2_CONTEXT)],
    ]);
    const requested: string[] = [];
    // did:web resolves over https; the test API speaks http on the same host and port. Anything
    // not ours, not published by 1EdTech, is refused: the check runs offline.
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      requested.push(url.href);
      const document = published.get(url.href);
      if (document) return Promise.resolve(Response.json(document));
      if (url.host !== origin.host) return Promise.reject(new TypeError(`offline: refused ${url.href}`));
      url.protocol = origin.protocol;
      return realFetch(url, init);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const result = (await dccVerifyCredential({
        credential: document as never,
        knownDIDRegistries: [],
      })) as {
        log: { id: string; valid: boolean }[];
        additionalInformation?: { id: string; results: { schema: string; result: { valid: boolean } }[] }[];
        errors?: unknown[];
      };
      expect(result.errors ?? [], JSON.stringify(result)).toEqual([]);
      expect(result.log).toEqual(
        expect.arrayContaining([
          { id: 'valid_signature', valid: true },
          { id: 'revocation_status', valid: true },
          { id: 'expiration', valid: true },
        ]),
      );
      expect(result.additionalInformation).toContainEqual({
        id: 'schema_check',
        results: [expect.objectContaining({ schema: CLR_CREDENTIAL_SCHEMA_URL, result: { valid: true } })],
      });
      expect(requested).toContain(`${api.url.replace('http:', 'https:')}/issuers/unnes/did.json`);
    } finally {
      warn.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});

describe('appeals', () => {
  it('are refused once the window has closed', async () => {
    const decidedAt = new Date((await caseAs(c.sri, 'S')).decidedAt);
    const lastDay = addDays(localDateAt(decidedAt, 'Asia/Jakarta'), 14);
    try {
      api.clock.set(noonInJakarta(addDays(lastDay, 1)));
      expect((await caseAs(c.sri, 'S')).appealWindow).toEqual({ open: false, lastDay, daysLeft: -1 });
      const late = await mutate(c.sri, APPEAL, {
        id: cases.S.gid,
        reason: 'Saya baru menemukan sertifikat fabrikasi yang relevan.',
      });
      expect(late).toMatchObject({ __typename: 'InvalidStateError', code: 'RPL_APPEAL_WINDOW_CLOSED' });
      expect(late.message).toMatch(/^Masa banding berakhir pada /);
    } finally {
      api.clock.reset();
    }
    expect((await caseAs(c.sri, 'S')).status).toBe('DECIDED');
  });

  it("are the case's own teacher's, once, with a reason", async () => {
    const reason = 'Saya memiliki portofolio pemrograman robot las dari proyek teaching factory sekolah.';
    expect(await mutate(c.sri, APPEAL, { id: cases.Y.gid, reason })).toMatchObject(notFound);
    expect(await mutate(c.committee, APPEAL, { id: cases.Y.gid, reason })).toMatchObject(forbidden);
    expect(await mutate(c.yohanes, APPEAL, { id: cases.Y.gid, reason: 'Kurang.' })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['reason'] }],
    });
    expect(await mutate(c.yohanes, APPEAL, { id: cases.Y.gid, reason })).toMatchObject({
      data: { status: 'APPEALED' },
    });
    expect(await mutate(c.yohanes, APPEAL, { id: cases.Y.gid, reason })).toMatchObject({
      code: 'INVALID_RPL_CASE_TRANSITION',
    });
    // Wahyu was told at each of his steps: as committee, as university admin, and now the appeal.
    const told = await api.database.prisma.notification.findMany({
      where: { subjectId: cases.Y.id, kind: 'RPL_CASE_WAITING', userId: ids.committee },
      orderBy: { createdAt: 'asc' },
    });
    expect(told.map((notice) => (notice.params as { step: { id: string } }).step.id)).toEqual([
      'Keputusan tim RPL',
      'Keputusan tim RPL',
      'Penerbitan surat keputusan',
      'Keputusan banding',
    ]);
  });

  it('are decided by the committee: a changed result gives an amended decree and a new recognition, the old revoked', async () => {
    const before = await caseAs(c.yohanes, 'Y');
    const rows = decisions(ptm, [
      ['PTM204', 3],
      ['PTM210', 3],
      ['PTM310', 2],
      ['PTM313', 2],
    ]);
    expect(
      await mutate(c.validator, DECIDE, { id: cases.Y.gid, decisions: rows, appeal: true }),
    ).toMatchObject(wrongRole(/diputuskan bandingnya oleh tim RPL program studi/));
    const decided = await mutate(c.committee, DECIDE, { id: cases.Y.gid, decisions: rows, appeal: true });
    expect(decided, JSON.stringify(decided)).toMatchObject({
      data: { status: 'DECIDED', recognisedSks: 10 },
    });
    const after = await caseAs(c.yohanes, 'Y');
    expect(after.decree.number).toMatch(/^B\/0004\/UN37\/RPL\/\d{4}$/);
    expect(after.decree.amendsNumber).toBe(before.decree.number);
    expect(after.decidedAt).toBe(before.decidedAt);
    expect(after.appeal.decidedAt).toEqual(expect.any(String));
    expect(after.decisions[0]).toMatchObject({ kind: 'APPEAL', totalSks: 10 });
    expect(after.recognitionCredential.credentialId).not.toBe(before.recognitionCredential.credentialId);
    expect(after.recognitionCredential.status).toBe('ACTIVE');
    const embedded = JSON.parse(after.recognitionCredential.document).credentialSubject
      .verifiableCredential as Record<string, any>[];
    expect(
      embedded
        .filter((vc) => vc.credentialSubject.achievement.achievementType === 'Course')
        .map((vc) => [vc.credentialSubject.achievement.humanCode, vc.credentialSubject.creditsEarned])
        .sort(),
    ).toEqual([
      ['PTM204', 3],
      ['PTM210', 3],
      ['PTM310', 2],
      ['PTM313', 2],
    ]);
    const old = await api.database.prisma.credential.findUniqueOrThrow({
      where: { id: before.recognitionCredential.credentialId },
    });
    expect(old.revokedAt).not.toBeNull();
    expect(old.revocationReason).toBe(`Diganti oleh surat keputusan ${after.decree.number}`);
    const { verifyCredential } = await c.budi.data(
      `query ($id: String!) { verifyCredential(id: $id) { valid checks { name ok code } } }`,
      { id: old.id },
    );
    expect(verifyCredential.valid).toBe(false);
    expect(verifyCredential.checks).toContainEqual({ name: 'status', ok: false, code: 'revoked' });
    // The amended decree prints the new total.
    const pdf = await c.yohanes.request(after.decree.pdfUrl);
    expect(pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('Jumlah SKS yang diakui 10');
    // Appealed once: never again.
    expect(
      await mutate(c.yohanes, APPEAL, { id: cases.Y.gid, reason: 'Saya ingin banding sekali lagi, mohon.' }),
    ).toMatchObject({ code: 'RPL_APPEAL_ALREADY_MADE' });
  });

  it('decided without a change keep the decree and the recognition', async () => {
    const before = await caseAs(c.eko, 'E');
    expect(
      await mutate(c.eko, APPEAL, {
        id: cases.E.gid,
        reason: 'Mohon ditinjau kembali pengakuan mata kuliah Fabrikasi Logam.',
      }),
    ).toMatchObject({ data: { status: 'APPEALED' } });
    const decided = await mutate(c.committee, DECIDE, {
      id: cases.E.gid,
      appeal: true,
      decisions: decisions(ptm, [
        ['PTM204', 3],
        ['PTM310', 2],
      ]),
    });
    expect(decided).toMatchObject({ data: { status: 'DECIDED', recognisedSks: 5 } });
    const after = await caseAs(c.eko, 'E');
    expect(after.decree).toEqual(before.decree);
    expect(after.recognitionCredential).toEqual(before.recognitionCredential);
    expect(await api.database.prisma.rplDecree.count({ where: { universityId: await unnesId() } })).toBe(4);
  });
});

async function unnesId() {
  return (await api.database.prisma.organization.findUniqueOrThrow({ where: { code: 'unnes' } })).id;
}

describe('a second university', () => {
  it("runs Polman's case with its own people and its own decree numbers", async () => {
    cases.P = await applyAndSubmit(c.sri, trm);
    expect(cases.P.proposedSks).toBe(3);
    expect((await mutate(c.polmanOfficer, ACCEPT, { id: cases.P.gid })).data.status).toBe('IN_ASSESSMENT');
    // Polman has no practitioner assessor yet: nobody is seated, and round-robin says why.
    expect(await seats('P')).toEqual({ academic: null, practitioner: null });
    const none = await mutate(c.polmanOfficer, ASSIGN, { ids: [cases.P.gid], roundRobin: true });
    expect(none).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['applicationIds', '0'],
          code: 'RPL_NO_ELIGIBLE_ASSESSOR',
          message: 'Belum ada asesor praktisi untuk program studi ini.',
        },
      ],
    });
    const head = await mutate(c.polmanOfficer, ASSIGN, {
      ids: [cases.P.gid],
      practitionerId: ids.polmanHead,
    });
    expect(head).toMatchObject({
      fieldErrors: [{ path: ['practitionerId'], code: 'RPL_NOT_AN_ASSESSOR' }],
    });
    // UNNES's practitioner is no Polman assessor either.
    expect(
      await mutate(c.polmanOfficer, ASSIGN, { ids: [cases.P.gid], practitionerId: ids.practitioner }),
    ).toMatchObject({
      fieldErrors: [{ path: ['practitionerId'], code: 'RPL_NOT_AN_ASSESSOR' }],
    });
    added.polmanPractitioner = await createStaffMember(api, c.admin, {
      name: 'Gilang Ramadhan',
      email: 'gilang.ramadhan@polman.example.id',
      university: 'polman-bandung',
    });
    added.polmanValidator = await createStaffMember(api, c.admin, {
      name: 'Nur Aini',
      email: 'nur.aini@polman.example.id',
      university: 'polman-bandung',
    });
    // UNNES's admin does not give Polman's people roles.
    expect(
      await mutate(c.committee, SET_STAFF_ROLES, {
        userId: added.polmanPractitioner.id,
        roles: [{ role: 'PRACTITIONER_ASSESSOR', programmeIds: [] }],
      }),
    ).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ code: 'RPL_NOT_UNIVERSITY_STAFF' }] });
    await setRoles(c.polmanHead, added.polmanPractitioner.id, ['PRACTITIONER_ASSESSOR']);
    await setRoles(c.polmanHead, added.polmanValidator.id, ['VALIDATOR']);
    expect(await mutate(c.polmanOfficer, ASSIGN, { ids: [cases.P.gid], roundRobin: true })).toEqual({
      __typename: 'AssignRplAssessorsSuccess',
      data: 1,
    });
    expect(await seats('P')).toEqual({
      academic: ids.polmanOfficer,
      practitioner: added.polmanPractitioner.id,
    });
    for (const [assessor, score] of [
      [c.polmanOfficer, 82],
      [added.polmanPractitioner.client, 88],
    ] as const) {
      const saved = await mutate(assessor, SAVE_ASSESSMENT, {
        id: cases.P.gid,
        submit: true,
        courses: judgements(trm, { TRM203: { score, recommendation: 'RECOGNISE' } }),
      });
      expect(saved.__typename, JSON.stringify(saved)).toBe('SaveRplAssessmentSuccess');
    }
    const decided = await mutate(c.polmanHead, DECIDE, {
      id: cases.P.gid,
      decisions: decisions(trm, [['TRM203', 3]]),
    });
    expect(decided).toMatchObject({ data: { status: 'AWAITING_VALIDATION' } });
    expect(await mutate(c.validator, VALIDATE, { id: cases.P.gid })).toMatchObject(notFound);
    expect(await mutate(added.polmanValidator.client, VALIDATE, { id: cases.P.gid })).toMatchObject({
      data: { status: 'APPROVED' },
    });
    const issued = await mutate(c.polmanHead, ISSUE_DECREE, { id: cases.P.gid });
    expect(issued, JSON.stringify(issued)).toMatchObject({ __typename: 'IssueRplDecreeSuccess' });
    expect(issued.data.number).toMatch(/^001\/PL1\/RPL\/[IVXLC]+\/\d{4}$/);
    // UNNES's staff do not read Polman's decree.
    expect((await c.officer.request(issued.data.pdfUrl)).status).toBe(404);
    expect((await c.sri.request(issued.data.pdfUrl)).status).toBe(200);
  });

  it("numbers each year from 1, and decrees an intake's validated cases at once", async () => {
    cases.Y2 = await applyAndSubmit(c.yohanes, trm);
    // Polman's officer accepts, and is seated as its academic assessor by round-robin.
    expect((await mutate(c.polmanOfficer, ACCEPT, { id: cases.Y2.gid })).data.status).toBe('IN_ASSESSMENT');
    expect(await seats('Y2')).toEqual({
      academic: ids.polmanOfficer,
      practitioner: added.polmanPractitioner.id,
    });
    const courses = cases.Y2.proposed.map(([code]) => code);
    for (const assessor of [c.polmanOfficer, added.polmanPractitioner.client]) {
      const saved = await mutate(assessor, SAVE_ASSESSMENT, {
        id: cases.Y2.gid,
        submit: true,
        courses: judgements(
          trm,
          Object.fromEntries(
            courses.map((code) => [code, { score: 85, recommendation: 'RECOGNISE' as const }]),
          ),
        ),
      });
      expect(saved.__typename, JSON.stringify(saved)).toBe('SaveRplAssessmentSuccess');
    }
    expect(
      await mutate(c.polmanHead, DECIDE, {
        id: cases.Y2.gid,
        decisions: decisions(
          trm,
          cases.Y2.proposed.map(([code, sks]) => [code, sks]),
        ),
      }),
    ).toMatchObject({ data: { status: 'AWAITING_VALIDATION' } });
    expect(await mutate(added.polmanValidator.client, VALIDATE, { id: cases.Y2.gid })).toMatchObject({
      data: { status: 'APPROVED' },
    });
    const thisYear = Number(jakartaToday().slice(0, 4));
    try {
      api.clock.set(noonInJakarta(`${thisYear + 1}-01-02` as LocalDate));
      const issued = await mutate(c.polmanHead, ISSUE_DECREE, { intakeId: trm.intake });
      expect(issued, JSON.stringify(issued)).toMatchObject({
        data: { scope: 'INTAKE', caseCount: 1, number: `001/PL1/RPL/I/${thisYear + 1}` },
      });
    } finally {
      api.clock.reset();
    }
    expect(await mutate(c.polmanHead, ISSUE_DECREE, { intakeId: trm.intake })).toMatchObject({
      code: 'RPL_NOTHING_TO_DECREE',
    });
    const polman = await api.database.prisma.organization.findUniqueOrThrow({
      where: { code: 'polman-bandung' },
    });
    const sequences = await api.database.prisma.rplDecreeSequence.findMany({
      where: { universityId: polman.id },
      orderBy: { year: 'asc' },
    });
    expect(sequences.map((row) => [row.year, row.last])).toEqual([
      [thisYear, 1],
      [thisYear + 1, 1],
    ]);
    expect((await caseAs(c.yohanes, 'Y2')).recognisedSks).toBe(cases.Y2.proposedSks);
  });
});

describe('precedents', () => {
  let draftId: string;

  it('turn a decided course into a draft equivalence rule that names the case', async () => {
    const course = globalId('Course', ptm.course('PTM314').id);
    for (const client of [c.validator, c.officer])
      expect(await mutate(client, PROPOSE_PRECEDENT, { id: cases.S.gid, courseId: course })).toMatchObject(
        wrongRole(/dijadikan preseden oleh tim RPL program studi/),
      );
    expect(
      await mutate(c.polmanHead, PROPOSE_PRECEDENT, { id: cases.S.gid, courseId: course }),
    ).toMatchObject(notFound);
    const proposed = await mutate(c.committee, PROPOSE_PRECEDENT, { id: cases.S.gid, courseId: course });
    expect(proposed, JSON.stringify(proposed)).toMatchObject({
      data: {
        code: 'PRESEDEN-PTM314',
        version: 1,
        status: 'DRAFT',
        sks: 3,
        coveredOutcomes: ['CPMK1', 'CPMK2', 'CPMK3'],
      },
    });
    expect(JSON.parse(proposed.data.requirements)).toEqual([
      { kind: 'ACHIEVEMENT', achievementCode: 'kmg25-robot-las' },
    ]);
    draftId = proposed.data.id;
    const row = await api.database.prisma.equivalenceRuleVersion.findUniqueOrThrow({
      where: {
        id: (
          await api.database.prisma.equivalenceRuleVersion.findFirstOrThrow({
            where: { rule: { code: 'PRESEDEN-PTM314' } },
          })
        ).id,
      },
    });
    expect(row).toMatchObject({ status: 'DRAFT', precedentApplicationId: cases.S.id });
  });

  it('need a second person to approve; then a later applicant is proposed the course, and the earlier decision stays', async () => {
    const decisionsBefore = await api.database.prisma.rplCommitteeDecision.findMany({
      where: { applicationId: cases.S.id },
      include: { courses: true },
    });
    const proposalBefore = (
      await api.database.prisma.rplApplication.findUniqueOrThrow({ where: { id: cases.S.id } })
    ).proposal;
    expect((await c.committee.data(APPROVE_RULE, { id: draftId })).approveEquivalenceRule).toMatchObject({
      code: 'RULE_FOUR_EYES',
    });
    expect((await c.academic.data(APPROVE_RULE, { id: draftId })).approveEquivalenceRule).toMatchObject({
      data: { status: 'APPROVED' },
    });
    const { rplEstimate } = await c.ketut.data(ESTIMATE, { programmeId: ptm.gid });
    expect(rplEstimate.data.proposed).toContainEqual(
      expect.objectContaining({ code: 'PTM314', sks: 3, ruleCode: 'PRESEDEN-PTM314' }),
    );
    const after = await api.database.prisma.rplApplication.findUniqueOrThrow({ where: { id: cases.S.id } });
    expect(after).toMatchObject({ status: 'DECIDED', recognisedSks: 8, proposal: proposalBefore });
    expect(
      await api.database.prisma.rplCommitteeDecision.findMany({
        where: { applicationId: cases.S.id },
        include: { courses: true },
      }),
    ).toEqual(decisionsBefore);
  });
});

describe('reports', () => {
  // Decided at UNNES S1-PTM: Yohanes 10 (after his appeal), Sri 8, Eko 5; Ketut and Dimas withdrew.
  const expectedRow = {
    universityName: 'Universitas Negeri Semarang',
    programmeCode: 'S1-PTM',
    applications: 5,
    decided: 3,
    totalSks: 23,
    meanSks: 7.7,
  };

  it('gives the university its numbers as decided', async () => {
    const { rplReport } = await c.officer.data(REPORT);
    expect(rplReport.rows).toHaveLength(1);
    const [row] = rplReport.rows;
    expect(row).toMatchObject(expectedRow);
    expect(JSON.parse(row.byStatus)).toEqual({ DECIDED: 3, WITHDRAWN: 2 });
    expect(JSON.parse(row.sksDistribution)).toEqual([
      { band: '1–5', count: 1 },
      { band: '6–10', count: 2 },
    ]);
    // The only validated course below its proposal: Yohanes's PTM310 before his appeal.
    expect(rplReport.nonRecognition).toEqual([
      { reason: 'Wawancara menunjukkan pemrograman robot belum dikuasai.', count: 1 },
    ]);
    expect(rplReport.assessors).toContainEqual({
      name: 'Rudi Setiawan',
      roleLabel: 'asesor praktisi',
      cases: 5,
      open: 0,
    });
    const polman = await c.polmanHead.data(REPORT);
    expect(polman.rplReport.rows).toEqual([
      expect.objectContaining({ programmeCode: 'D4-TRM', decided: 2, totalSks: 3 + cases.Y2.proposedSks }),
    ]);
  });

  it('gives the same numbers as CSV and XLSX, and refuses a teacher', async () => {
    const csv = await c.officer.request('/api/rpl/reports.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parseCsv(await csv.text());
    expect(rows).toHaveLength(1);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const csvRow = rows[0] as string[];
    expect(csvRow[column('Kode prodi')]).toBe('S1-PTM');
    expect(csvRow[column('Pengajuan')]).toBe('5');
    expect(csvRow[column('Diputuskan')]).toBe('3');
    expect(csvRow[column('Total SKS diakui')]).toBe('23');
    expect(csvRow[column('Rata-rata SKS')]).toBe('7.7');
    expect(csvRow[column('Surat keputusan terbit')]).toBe('3');

    const xlsx = await c.officer.request('/api/rpl/reports.xlsx?lang=en');
    expect(xlsx.status).toBe(200);
    const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([
      'By programme',
      "Assessors' load",
      'Reasons not recognised',
    ]);
    const [xHeader, xRow] = (sheets[0]?.data ?? []) as unknown[][];
    const at = (name: string) => xRow?.[(xHeader ?? []).indexOf(name)];
    expect([
      at('Programme code'),
      at('Applications'),
      at('Decided'),
      at('SKS recognised'),
      at('Mean SKS'),
    ]).toEqual(['S1-PTM', 5, 3, 23, 7.7]);
    expect(sheets[2]?.data.slice(1)).toEqual([
      ['Wawancara menunjukkan pemrograman robot belum dikuasai.', 1],
    ]);

    for (const path of ['/api/rpl/reports.csv', '/api/rpl/reports.xlsx'])
      expect((await c.yohanes.request(path)).status).toBe(403);
    expect((await c.yohanes.gql(REPORT)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("sums decided SKS across universities for the programme's managers", async () => {
    const { rplProgrammeFigure } = await c.manager.data(FIGURE);
    // Yohanes, Sri and Eko at UNNES; Sri and Yohanes again at Polman.
    const polmanSks = 3 + cases.Y2.proposedSks;
    expect(rplProgrammeFigure).toEqual({
      totalSks: 23 + polmanSks,
      teachers: 3,
      universities: [
        { university: 'Universitas Negeri Semarang', teachers: 3, sks: 23, cases: 3 },
        {
          university: expect.stringMatching(/Polman|Politeknik Manufaktur/),
          teachers: 2,
          sks: polmanSks,
          cases: 2,
        },
      ],
    });
    for (const client of [c.officer, c.yohanes])
      expect((await client.gql(FIGURE)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
