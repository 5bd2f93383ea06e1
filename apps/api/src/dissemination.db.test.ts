// Issue 14, part 1: dissemination reports (pengimbasan). A teacher records what they passed on after
// a completed training, with evidence photos stripped of their location; the principal of their
// school verifies or returns it; verified activities show on the public profile.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { disseminationFigures, sendDisseminationReminders } from '@kmg/core/dissemination/reports';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let teacher: TestClient;
let principal: TestClient;
let otherPrincipal: TestClient;
let otherTeacher: TestClient;
let applicationId: string;
let schoolId: string;

const TRAININGS = `{ myDisseminationTrainings {
  applicationId callTitle trainingEnd
  progress { required verified pending deadline state summary }
  reports { id status kind heldOn teachersReached isEditable }
} }`;
const REPORT_FIELDS =
  'id status statusLabel returnNote teachersReached studentsReached isEditable evidence { id fileName mimeType url }';
const CREATE = `mutation ($applicationId: ID!, $input: DisseminationReportInput!) {
  createDisseminationReport(applicationId: $applicationId, input: $input) {
    __typename
    ... on CreateDisseminationReportSuccess { data { ${REPORT_FIELDS} } }
    ... on ValidationError { code fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;
const UPDATE = `mutation ($id: ID!, $input: DisseminationReportInput!) {
  updateDisseminationReport(id: $id, input: $input) {
    __typename
    ... on UpdateDisseminationReportSuccess { data { ${REPORT_FIELDS} } }
    ... on Error { code message }
  }
}`;
const SUBMIT = `mutation ($id: ID!) {
  submitDisseminationReport(id: $id) {
    __typename
    ... on SubmitDisseminationReportSuccess { data { ${REPORT_FIELDS} } }
    ... on Error { code message }
  }
}`;
const VERIFY = `mutation ($id: ID!) {
  verifyDisseminationReport(id: $id) {
    __typename
    ... on VerifyDisseminationReportSuccess { data { ${REPORT_FIELDS} } }
    ... on Error { code message }
  }
}`;
const RETURN = `mutation ($id: ID!, $note: String!) {
  returnDisseminationReport(id: $id, note: $note) {
    __typename
    ... on ReturnDisseminationReportSuccess { data { ${REPORT_FIELDS} } }
    ... on ValidationError { code fieldErrors { path code } }
    ... on Error { code message }
  }
}`;
const SCHOOL_REPORTS = `query ($after: String, $decided: Boolean) {
  schoolDisseminationReports(first: 100, after: $after, decided: $decided) {
    edges { node { id status teacherName trainingTitle } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type SchoolReport = { id: string; status: string; teacherName: string; trainingTitle: string };
type SchoolReportPage = {
  edges: { node: SchoolReport }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** Every report the principal is sent, page after page. */
async function allSchoolReports(client: TestClient, decided?: boolean): Promise<SchoolReport[]> {
  const reports: SchoolReport[] = [];
  let after: string | null = null;
  do {
    const data: { schoolDisseminationReports: SchoolReportPage } = await client.data(SCHOOL_REPORTS, {
      after,
      decided,
    });
    const page = data.schoolDisseminationReports;
    reports.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return reports;
}
const ONE = `query ($id: ID!) { disseminationReport(id: $id) { id status } }`;

const input = (change: Record<string, unknown> = {}) => ({
  kind: 'TEACHER_FORUM',
  heldOn: '2026-03-05',
  place: 'MGMP Teknik Pengelasan Kota Semarang',
  description: 'Berbagi materi robot las dengan anggota MGMP se-Kota Semarang.',
  teachersReached: 25,
  studentsReached: 0,
  schoolsReached: 9,
  ...change,
});

/** A 3000 × 2000 phone photo carrying the camera's make and a GPS position (Semarang). */
async function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#b4532a' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Murah 5' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 59/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '110/1 25/1 0/1',
      },
    })
    .toBuffer();
}

function upload(client: TestClient, reportId: string, bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return client.request(`/api/dissemination/evidence?reportId=${encodeURIComponent(reportId)}`, {
    method: 'POST',
    body: form,
  });
}

async function storedFile(): Promise<Buffer[]> {
  const dir = join(api.mailDir, 'uploads', 'evidence');
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(names.map((name) => readFile(join(dir, name))));
}

beforeAll(async () => {
  api = await startTestApi();
  api.clock.set('2026-04-01T03:00:00Z');
  teacher = await api.signIn(demo.teacher);
  principal = await api.signIn(demo.principal);
  otherPrincipal = await api.signIn('kepsek.makassar@kmg.demo');
  otherTeacher = await api.signIn('eko.prasetyo@kmg.demo');
  const prisma = api.database.prisma;
  const guru = await prisma.user.findUniqueOrThrow({ where: { email: demo.teacher } });
  const application = await prisma.application.findFirstOrThrow({
    where: { teacherId: guru.id, call: { code: 'kmg25-robot-las' } },
  });
  applicationId = globalId('Application', application.id);
  schoolId = application.schoolId ?? '';
}, 240_000);

afterAll(async () => {
  await api?.close();
});

describe('the demo', () => {
  it("shows the teacher's completed training with the programme's expectation as progress", async () => {
    const { myDisseminationTrainings } = await teacher.data(TRAININGS);
    const training = myDisseminationTrainings.find(
      (t: { callTitle: string }) => t.callTitle === 'Pelatihan Pengoperasian Robot Las Industri',
    );
    expect(training.progress).toEqual({
      required: 2,
      verified: 1,
      pending: 1,
      deadline: '2027-05-07',
      state: 'on-track',
      summary: '1 dari 2 kegiatan terverifikasi, batas 7 Mei 2027',
    });
    expect(training.reports.map((r: { status: string }) => r.status).sort()).toEqual([
      'DRAFT',
      'SUBMITTED',
      'VERIFIED',
    ]);
  });

  it('gives the principal the submitted report to verify, and not the draft', async () => {
    const schoolDisseminationReports = await allSchoolReports(principal);
    expect(schoolDisseminationReports.map((r) => r.status).sort()).toEqual(['SUBMITTED', 'VERIFIED']);
    expect(schoolDisseminationReports[0]?.teacherName).toBe('Sri Wahyuni');
  });
});

describe('reminders before the deadline', () => {
  it('reminds a teacher short of the expectation once, through notices and email', async () => {
    const now = new Date('2027-04-20T03:00:00Z'); // 17 days before 7 May 2027
    const first = await sendDisseminationReminders(now);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sendDisseminationReminders(now)).toBe(0);
    const guru = await api.database.prisma.user.findUniqueOrThrow({ where: { email: demo.teacher } });
    const notices = await api.database.prisma.notification.findMany({
      where: { userId: guru.id, kind: 'DISSEMINATION_REMINDER' },
    });
    expect(notices).toHaveLength(1);
    await api.waitForEmail(demo.teacher, /Pengimbasan: batas waktu mendekat/);
  });
});

describe('a report from draft to verified', () => {
  let reportId: string;

  it('refuses a report for a training the teacher did not complete', async () => {
    const prisma = api.database.prisma;
    const other = await prisma.application.findFirstOrThrow({
      where: { teacher: { email: { not: demo.teacher } }, call: { code: 'kmg25-robot-las' } },
    });
    const result = await teacher.data(CREATE, {
      applicationId: globalId('Application', other.id),
      input: input(),
    });
    expect(result.createDisseminationReport.code).toBe('DISSEMINATION_NOT_COMPLETED');
  });

  it('refuses negative counts with a field error in the teacher’s language', async () => {
    const result = await teacher.data(CREATE, { applicationId, input: input({ teachersReached: -3 }) });
    expect(result.createDisseminationReport.__typename).toBe('ValidationError');
    expect(result.createDisseminationReport.fieldErrors[0].path).toEqual(['input', 'teachersReached']);
  });

  it('records a draft and stores a photo resized and without its location', async () => {
    const created = await teacher.data(CREATE, { applicationId, input: input() });
    expect(created.createDisseminationReport.data).toMatchObject({ status: 'DRAFT', isEditable: true });
    reportId = created.createDisseminationReport.data.id;

    const before = await storedFile();
    const photo = await photoWithLocation();
    const response = await upload(teacher, reportId, photo, 'IMG_2041.jpeg');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ fileName: 'IMG_2041.jpg', mimeType: 'image/jpeg' });
    const after = await storedFile();
    const stored = after.find((file) => !before.some((old) => old.equals(file)));
    if (!stored) throw new Error('no stored photo');
    const metadata = await sharp(stored).metadata();
    expect(Math.max(metadata.width ?? 0, metadata.height ?? 0)).toBe(1600);
    expect(metadata.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('PhoneCo'))).toBe(false);
    expect(stored.includes(Buffer.from('GPS'))).toBe(false);
  });

  it('refuses a file whose bytes are not an allowed type, and uploads by anyone else', async () => {
    const text = await upload(teacher, reportId, Buffer.from('<script>alert(1)</script>'), 'modul.pdf');
    expect(text.status).toBe(415);
    const stranger = await upload(otherTeacher, reportId, await photoWithLocation(), 'x.jpg');
    expect(stranger.status).toBe(404);
    const head = await upload(principal, reportId, await photoWithLocation(), 'x.jpg');
    expect(head.status).toBe(404);
  });

  it('lets only the teacher see and edit the draft; their principal sees it once submitted', async () => {
    expect((await otherTeacher.data(ONE, { id: reportId })).disseminationReport).toBeNull();
    expect((await otherPrincipal.data(ONE, { id: reportId })).disseminationReport).toBeNull();
    const edit = await otherTeacher.data(UPDATE, { id: reportId, input: input() });
    expect(edit.updateDisseminationReport.code).toBe('NOT_FOUND');
    const submit = await otherTeacher.data(SUBMIT, { id: reportId });
    expect(submit.submitDisseminationReport.code).toBe('NOT_FOUND');
    // A principal cannot act through teacher-only fields at all.
    const asPrincipal = await principal.gql(SUBMIT, { id: reportId });
    expect(asPrincipal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an activity date in the future at submission', async () => {
    await teacher.data(UPDATE, { id: reportId, input: input({ heldOn: '2026-04-02' }) });
    const refused = await teacher.data(SUBMIT, { id: reportId });
    expect(refused.submitDisseminationReport.code).toBe('DISSEMINATION_DATE_IN_FUTURE');
    await teacher.data(UPDATE, { id: reportId, input: input() });
  });

  it('goes to the principal, who returns it with a note; the teacher edits and resubmits', async () => {
    const submitted = await teacher.data(SUBMIT, { id: reportId });
    expect(submitted.submitDisseminationReport.data).toMatchObject({
      status: 'SUBMITTED',
      isEditable: false,
    });
    const locked = await teacher.data(UPDATE, { id: reportId, input: input() });
    expect(locked.updateDisseminationReport.code).toBe('INVALID_DISSEMINATION_TRANSITION');

    const elsewhere = await otherPrincipal.data(RETURN, { id: reportId, note: 'Lengkapi daftar hadir.' });
    expect(elsewhere.returnDisseminationReport.code).toBe('NOT_FOUND');
    const tooShort = await principal.data(RETURN, { id: reportId, note: 'kurang' });
    expect(tooShort.returnDisseminationReport.__typename).toBe('ValidationError');
    const note = 'Lampirkan daftar hadir peserta MGMP.';
    const returned = await principal.data(RETURN, { id: reportId, note });
    expect(returned.returnDisseminationReport.data).toMatchObject({ status: 'RETURNED', returnNote: note });

    const edited = await teacher.data(UPDATE, { id: reportId, input: input({ teachersReached: 27 }) });
    expect(edited.updateDisseminationReport.data).toMatchObject({ status: 'RETURNED', teachersReached: 27 });
    const again = await teacher.data(SUBMIT, { id: reportId });
    expect(again.submitDisseminationReport.data.status).toBe('SUBMITTED');
  });

  it('is verified by the principal, and is then final', async () => {
    const verified = await principal.data(VERIFY, { id: reportId });
    expect(verified.verifyDisseminationReport.data).toMatchObject({ status: 'VERIFIED', isEditable: false });
    const twice = await principal.data(VERIFY, { id: reportId });
    expect(twice.verifyDisseminationReport.code).toBe('INVALID_DISSEMINATION_TRANSITION');
    const edit = await teacher.data(UPDATE, { id: reportId, input: input() });
    expect(edit.updateDisseminationReport.code).toBe('INVALID_DISSEMINATION_TRANSITION');
    const { myDisseminationTrainings } = await teacher.data(TRAININGS);
    const training = myDisseminationTrainings.find(
      (t: { callTitle: string }) => t.callTitle === 'Pelatihan Pengoperasian Robot Las Industri',
    );
    expect(training.progress).toMatchObject({ verified: 2, state: 'met' });
  });

  it('keeps the whole history in the audit trail', async () => {
    const id = Buffer.from(reportId, 'base64').toString('utf8').split(':')[1];
    const events = await api.database.prisma.auditEvent.findMany({
      where: { subjectType: 'DISSEMINATION_REPORT', subjectId: id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual([
      'dissemination.created',
      'dissemination.edited',
      'dissemination.edited',
      'dissemination.submit',
      'dissemination.return',
      'dissemination.edited',
      'dissemination.submit',
      'dissemination.verify',
    ]);
    expect(events.find((e) => e.action === 'dissemination.return')?.reason).toBe(
      'Lampirkan daftar hadir peserta MGMP.',
    );
  });

  it('shows verified activities on the published profile, without description, place or files', async () => {
    await teacher.data(`mutation { updateMyPublicProfile(input: { isPublished: true }) { __typename } }`);
    const { myPublicProfile } = await teacher.data(`{ myPublicProfile { slug } }`);
    const { publicProfile } = await api
      .client()
      .data(
        `query ($slug: String!) { publicProfile(slug: $slug) { disseminationActivities { kind kindLabel heldOn teachersReached studentsReached schoolsReached } } }`,
        { slug: myPublicProfile.slug },
      );
    expect(publicProfile.disseminationActivities).toEqual([
      {
        kind: 'TEACHER_FORUM',
        kindLabel: 'Sesi MGMP / forum guru',
        heldOn: '2026-03-05',
        teachersReached: 27,
        studentsReached: 0,
        schoolsReached: 9,
      },
      {
        kind: 'SCHOOL_WORKSHOP',
        kindLabel: 'Workshop/IHT guru di sekolah',
        heldOn: '2026-01-15',
        teachersReached: 14,
        studentsReached: 0,
        schoolsReached: 1,
      },
    ]);
    const leak = await api
      .client()
      .gql(
        `query ($slug: String!) { publicProfile(slug: $slug) { disseminationActivities { description } } }`,
        {
          slug: myPublicProfile.slug,
        },
      );
    expect(leak.errors?.length).toBeGreaterThan(0);
  });
});

describe('deleting a draft', () => {
  const DELETE = `mutation ($id: ID!) {
    deleteDisseminationDraft(id: $id) {
      __typename
      ... on Error { code message }
    }
  }`;
  const storedNames = () => readdir(join(api.mailDir, 'uploads', 'evidence')).catch(() => [] as string[]);

  it('removes its uploaded files from storage once the draft is gone', async () => {
    const created = await teacher.data(CREATE, { applicationId, input: input() });
    const draftId = created.createDisseminationReport.data.id;
    const before = await storedNames();
    expect((await upload(teacher, draftId, await photoWithLocation(), 'forum.jpg')).status).toBe(201);
    const added = (await storedNames()).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);

    const deleted = await teacher.data(DELETE, { id: draftId });
    expect(deleted.deleteDisseminationDraft.__typename).toBe('DeleteDisseminationDraftSuccess');
    expect((await teacher.data(ONE, { id: draftId })).disseminationReport).toBeNull();
    expect(await storedNames()).not.toContain(added[0]);
  });
});

describe('disseminationFigures', () => {
  it('counts reports submitted and verified and the audience of the verified ones', async () => {
    expect(await disseminationFigures({ schoolId })).toEqual({
      reportsSubmitted: 3,
      reportsVerified: 2,
      teachersReporting: 1,
      teachersReached: 41,
      studentsReached: 0,
      schoolsReached: 10,
    });
    expect((await disseminationFigures({ schoolProvince: '73' })).reportsSubmitted).toBe(0);
  });
});

describe('database invariants', () => {
  it('refuses negative counts and a verified report without a verifier, whatever the code does', async () => {
    const prisma = api.database.prisma;
    const report = await prisma.disseminationReport.findFirstOrThrow({ where: { status: 'SUBMITTED' } });
    await expect(
      prisma.disseminationReport.update({ where: { id: report.id }, data: { studentsReached: -1 } }),
    ).rejects.toThrow();
    await expect(
      prisma.disseminationReport.update({ where: { id: report.id }, data: { status: 'VERIFIED' } }),
    ).rejects.toThrow();
    await expect(
      prisma.disseminationReport.update({ where: { id: report.id }, data: { status: 'RETURNED' } }),
    ).rejects.toThrow();
  });
});

describe("the principal's list of reports", () => {
  it('reaches every one of more than 200 reports, a page at a time, and splits waiting from decided', async () => {
    const prisma = api.database.prisma;
    const sample = await prisma.disseminationReport.findFirstOrThrow({
      where: { schoolId, status: 'SUBMITTED' },
    });
    const place = 'Uji halaman daftar kepala sekolah';
    await prisma.disseminationReport.createMany({
      data: Array.from({ length: 205 }, (_, index) => ({
        teacherId: sample.teacherId,
        applicationId: sample.applicationId,
        schoolId,
        kind: sample.kind,
        heldOn: sample.heldOn,
        place,
        description: `Kegiatan ${index + 1}`,
        status: 'SUBMITTED' as const,
        submittedAt: new Date(Date.UTC(2026, 2, 10, 0, index)),
      })),
    });
    try {
      const all = await allSchoolReports(principal);
      expect(new Set(all.map((report) => report.id)).size).toBe(all.length);
      expect(all.length).toBe(205 + 3);
      const waiting = await allSchoolReports(principal, false);
      const decided = await allSchoolReports(principal, true);
      expect(waiting.every((report) => report.status === 'SUBMITTED')).toBe(true);
      expect(decided.every((report) => report.status === 'VERIFIED' || report.status === 'RETURNED')).toBe(
        true,
      );
      expect(waiting.length + decided.length).toBe(all.length);
      const counted = await principal.data(
        `query { schoolDisseminationReports(first: 1, decided: false) { totalCount } }`,
      );
      expect(counted.schoolDisseminationReports.totalCount).toBe(waiting.length);
    } finally {
      await prisma.disseminationReport.deleteMany({ where: { place } });
    }
  });
});
