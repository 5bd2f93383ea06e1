// Drives the demo teacher's RPL case through the reviewers' workflow against a running API, so the
// learner pages can be looked at in every status: `node scripts/drive-rpl-case.ts <stage>` with
// KMG_API_URL (default http://localhost:4000). Each run takes the case from where it is to
// <stage>, one step at a time, as the people who take each step:
//
//   submitted  the teacher (yohanes.tanaem) applies to UNNES S1 Pendidikan Teknik Mesin
//   returned   the officer returns it with missing items
//   assessing  the teacher submits again; the officer accepts it and seats both assessors
//   committee  both assessors submit their judgement
//   validation the committee decides (one course below the proposal, with the reason)
//   approved   the validator validates
//   decided    the university admin issues the decree
//   appealed   the teacher appeals
//   reDecided  the committee decides the appeal (one more SKS: an amended decree)
//
// Demo data only: it signs in with the seed's shared password.

const api = (process.env.KMG_API_URL ?? 'http://localhost:4000').replace(/\/$/, '');
const password = process.env.DEMO_PASSWORD ?? 'demo-kmg-2026';

const people = {
  teacher: 'yohanes.tanaem@kmg.demo',
  officer: 'asesor@kmg.demo',
  academic: 'asesor@kmg.demo',
  practitioner: 'praktisi@kmg.demo',
  committee: 'kaprodi@kmg.demo',
  validator: 'validator@kmg.demo',
  admin: 'kaprodi@kmg.demo',
} as const;

const stages = [
  'submitted',
  'returned',
  'assessing',
  'committee',
  'validation',
  'approved',
  'decided',
  'appealed',
  'reDecided',
] as const;
type Stage = (typeof stages)[number];

const sessions = new Map<string, string>();

async function signIn(email: string): Promise<string> {
  const known = sessions.get(email);
  if (known) return known;
  const response = await fetch(`${api}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: api },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in of ${email} failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  sessions.set(email, cookie);
  return cookie;
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL answers read loosely in a demo script.
type Json = Record<string, any>;

async function gql(email: string, query: string, variables: Json = {}): Promise<Json> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(email), origin: api },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Json; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`${email}: ${JSON.stringify(body.errors)}`);
  return body.data ?? {};
}

/** A mutation's result union: its data, or the error it answered with, thrown. */
function unwrap(result: Json, name: string): Json {
  if (!result.__typename?.endsWith('Success')) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.data;
}

const outcome = `__typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }`;

async function liveCase(): Promise<Json | null> {
  const data = await gql(
    people.teacher,
    `{ myRplApplications { id status intake { id } programme { id code } } }`,
  );
  return data.myRplApplications.find((a: Json) => a.status !== 'WITHDRAWN') ?? null;
}

async function caseDetails(id: string): Promise<Json> {
  const data = await gql(
    people.committee,
    `query ($id: ID!) { rplApplication(id: $id) {
      id status
      intake { curriculum { courses { id code outcomes { id code } } } }
      proposal { proposed { courseId code sks courseSks credentials { id } } }
    } }`,
    { id },
  );
  return data.rplApplication;
}

async function apply(): Promise<void> {
  const { studyProgrammes } = await gql(
    people.teacher,
    `{ studyProgrammes(search: "Pendidikan Teknik Mesin") { id code university { name } openIntake { id isOpen } } }`,
  );
  const programme = studyProgrammes.find((p: Json) => p.code === 'S1-PTM');
  if (!programme?.openIntake?.isOpen) throw new Error('No open UNNES S1-PTM intake in the demo data');
  const started = await gql(
    people.teacher,
    `mutation ($intakeId: ID!) { startRplApplication(intakeId: $intakeId) { ${outcome} ... on StartRplApplicationSuccess { data { id } } } }`,
    { intakeId: programme.openIntake.id },
  );
  const { id } = unwrap(started.startRplApplication, 'startRplApplication');
  const estimate = await gql(
    people.teacher,
    `query ($programmeId: ID!, $intakeId: ID) { rplEstimate(programmeId: $programmeId, intakeId: $intakeId) {
      __typename ... on RplEstimateSuccess { data { proposed { courseId credentials { id } } } }
    } }`,
    { programmeId: programme.id, intakeId: programme.openIntake.id },
  );
  const proposed: Json[] = estimate.rplEstimate.data.proposed;
  if (proposed.length === 0) throw new Error('The demo teacher has nothing to propose');
  const application = await gql(
    people.teacher,
    `query ($id: ID!) { rplApplication(id: $id) { intake { curriculum { courses { id outcomes { id } } } } } }`,
    { id },
  );
  const rawId = (global: string) => Buffer.from(global, 'base64').toString().split(':')[1] as string;
  const courses: Json[] = application.rplApplication.intake.curriculum.courses;
  const credentialIds = [...new Set(proposed.flatMap((c) => c.credentials.map((x: Json) => x.id)))];
  const selfEvaluations = proposed.flatMap((course) => {
    const found = courses.find((c) => rawId(c.id) === course.courseId);
    return (found?.outcomes ?? []).map((o: Json) => ({
      outcomeId: rawId(o.id),
      level: 'VERY_GOOD',
      credentialIds: course.credentials.map((x: Json) => x.id),
      evidenceIds: [],
      note: 'Mengajar dan mempraktikkan materi ini di bengkel SMK.',
    }));
  });
  const saved = await gql(
    people.teacher,
    `mutation ($id: ID!, $input: RplDraftInput!) { saveRplDraft(applicationId: $id, input: $input) { ${outcome} } }`,
    { id, input: { credentialIds, externalCredentialIds: [], selfEvaluations } },
  );
  unwrap({ ...saved.saveRplDraft, data: true }, 'saveRplDraft');
  await submit(id);
}

async function submit(id: string): Promise<void> {
  const submitted = await gql(
    people.teacher,
    `mutation ($id: ID!) { submitRplApplication(applicationId: $id) { ${outcome} ... on SubmitRplApplicationSuccess { data { status } } } }`,
    { id },
  );
  unwrap(submitted.submitRplApplication, 'submitRplApplication');
}

async function step(current: Json): Promise<void> {
  const id = current.id as string;
  switch (current.status as string) {
    case 'SUBMITTED': {
      if (!(await hasBeenReturned(id))) {
        const result = await gql(
          people.officer,
          `mutation ($id: ID!, $items: [String!]!, $message: String) { returnRplCaseToTeacher(applicationId: $id, missingItems: $items, message: $message) { ${outcome} ... on ReturnRplCaseToTeacherSuccess { data { status } } } }`,
          {
            id,
            items: [
              'Silabus pelatihan "Robot Las" dengan jumlah jam pelajaran',
              'Surat keterangan mengajar dari kepala sekolah (3 tahun terakhir)',
            ],
            message: 'Mohon lengkapi dua dokumen berikut lalu ajukan kembali.',
          },
        );
        unwrap(result.returnRplCaseToTeacher, 'returnRplCaseToTeacher');
        return;
      }
      const result = await gql(
        people.officer,
        `mutation ($id: ID!) { acceptRplCase(applicationId: $id) { ${outcome} ... on AcceptRplCaseSuccess { data { status } } } }`,
        { id },
      );
      unwrap(result.acceptRplCase, 'acceptRplCase');
      return;
    }
    case 'EVIDENCE_REQUESTED':
      await submit(id);
      return;
    case 'IN_ASSESSMENT': {
      const { rplStaff } = await gql(people.admin, `{ rplStaff { userId email } }`);
      const idOf = (email: string) => rplStaff.find((s: Json) => s.email === email)?.userId;
      const assigned = await gql(
        people.officer,
        `mutation ($ids: [ID!]!, $a: String, $p: String) { assignRplAssessors(applicationIds: $ids, academicId: $a, practitionerId: $p) { ${outcome} } }`,
        { ids: [id], a: idOf(people.academic), p: idOf(people.practitioner) },
      );
      unwrap({ ...assigned.assignRplAssessors, data: true }, 'assignRplAssessors');
      const details = await caseDetails(id);
      const courses = details.proposal.proposed.map((course: Json) => {
        const found = details.intake.curriculum.courses.find((c: Json) => c.code === course.code);
        return {
          courseId: course.courseId,
          recommendation: 'RECOGNISE',
          notes: 'Bukti sesuai CPMK.',
          outcomes: (found?.outcomes ?? []).map((o: Json) => ({
            outcomeCode: o.code,
            valid: true,
            authentic: true,
            current: true,
            sufficient: true,
            method: 'PORTFOLIO',
            score: 85,
          })),
        };
      });
      for (const assessor of [people.academic, people.practitioner]) {
        const saved = await gql(
          assessor,
          `mutation ($id: ID!, $courses: [RplCourseJudgementInput!]!) { saveRplAssessment(applicationId: $id, courses: $courses, submit: true) { ${outcome} } }`,
          { id, courses },
        );
        unwrap({ ...saved.saveRplAssessment, data: true }, `saveRplAssessment (${assessor})`);
      }
      return;
    }
    case 'AWAITING_COMMITTEE':
      await decide(id, false);
      return;
    case 'AWAITING_VALIDATION': {
      const result = await gql(
        people.validator,
        `mutation ($id: ID!) { validateRplCase(applicationId: $id) { ${outcome} } }`,
        { id },
      );
      unwrap({ ...result.validateRplCase, data: true }, 'validateRplCase');
      return;
    }
    case 'APPROVED': {
      const result = await gql(
        people.admin,
        `mutation ($id: ID!) { issueRplDecree(applicationId: $id) { ${outcome} ... on IssueRplDecreeSuccess { data { number } } } }`,
        { id },
      );
      console.log('Decree', unwrap(result.issueRplDecree, 'issueRplDecree').number);
      return;
    }
    case 'DECIDED': {
      const result = await gql(
        people.teacher,
        `mutation ($id: ID!, $reason: String!) { appealRplCase(applicationId: $id, reason: $reason) { ${outcome} } }`,
        {
          id,
          reason:
            'Mata kuliah Pengelasan Lanjut seharusnya diakui penuh: saya memegang sertifikat welder yang masih berlaku dan mengajar mata pelajaran ini lima tahun.',
        },
      );
      unwrap({ ...result.appealRplCase, data: true }, 'appealRplCase');
      return;
    }
    case 'APPEALED':
      await decide(id, true);
      return;
    default:
      throw new Error(`Nothing to do in ${current.status}`);
  }
}

async function hasBeenReturned(id: string): Promise<boolean> {
  const data = await gql(
    people.teacher,
    `query ($id: ID!) { rplApplication(id: $id) { evidenceRequestedAt } }`,
    { id },
  );
  return !!data.rplApplication.evidenceRequestedAt;
}

/**
 * The committee's decision: the proposal, except the largest course one SKS short (a reason
 * given); on appeal, the proposal as it was.
 */
async function decide(id: string, isAppeal: boolean): Promise<void> {
  const details = await caseDetails(id);
  const proposed: Json[] = details.proposal.proposed;
  const cut = [...proposed].sort((a, b) => b.sks - a.sks)[0];
  const decisions = proposed.map((course) =>
    !isAppeal && course === cut
      ? {
          courseId: course.courseId,
          sks: course.sks - 1,
          reason:
            'Bukti praktik pengelasan posisi 3G belum ada; diakui sebagian sampai demonstrasi dilakukan.',
        }
      : {
          courseId: course.courseId,
          sks: course.sks,
          reason: isAppeal && course === cut ? 'Banding diterima: sertifikat welder 3G masih berlaku.' : null,
        },
  );
  const result = await gql(
    people.committee,
    `mutation ($id: ID!, $decisions: [RplCourseDecisionInput!]!, $appeal: Boolean) { decideRplCase(applicationId: $id, decisions: $decisions, appeal: $appeal, notes: "Rapat tim RPL") { ${outcome} } }`,
    { id, decisions, appeal: isAppeal },
  );
  unwrap({ ...result.decideRplCase, data: true }, 'decideRplCase');
}

const reached: Record<Stage, (status: string, id: string) => Promise<boolean> | boolean> = {
  submitted: (status) => status !== 'DRAFT',
  returned: async (status, id) => status !== 'DRAFT' && (status !== 'SUBMITTED' || hasBeenReturned(id)),
  assessing: (status) => !['DRAFT', 'SUBMITTED', 'EVIDENCE_REQUESTED'].includes(status),
  committee: (status) =>
    ['AWAITING_COMMITTEE', 'AWAITING_VALIDATION', 'APPROVED', 'DECIDED', 'APPEALED'].includes(status),
  validation: (status) => ['AWAITING_VALIDATION', 'APPROVED', 'DECIDED', 'APPEALED'].includes(status),
  approved: (status) => ['APPROVED', 'DECIDED', 'APPEALED'].includes(status),
  decided: (status) => ['DECIDED', 'APPEALED'].includes(status),
  appealed: (status) => status === 'APPEALED',
  reDecided: async (status, id) => {
    if (status !== 'DECIDED') return false;
    const data = await gql(
      people.teacher,
      `query ($id: ID!) { rplApplication(id: $id) { appeal { decidedAt } } }`,
      {
        id,
      },
    );
    return !!data.rplApplication.appeal?.decidedAt;
  },
};

async function main() {
  const target = process.argv[2] as Stage | undefined;
  if (!target || !stages.includes(target)) throw new Error(`Usage: drive-rpl-case.ts <${stages.join('|')}>`);
  let current = await liveCase();
  if (!current) {
    await apply();
    current = await liveCase();
  }
  for (let guard = 0; guard < 20; guard += 1) {
    if (!current) throw new Error('The case disappeared');
    if (await reached[target](current.status, current.id)) {
      console.log(`Case ${current.id}: ${current.status}`);
      return;
    }
    await step(current);
    current = await liveCase();
  }
  throw new Error('Too many steps');
}

await main();
