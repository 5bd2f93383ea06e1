// Scenario data for the RPL review tests (issue 11): the universities' seeded RPL people, a teacher's
// application from estimate to submission, the assessors' judgements, the committee's decisions,
// extra staff a test adds, and the GraphQL documents of every step.
import { execFileSync } from 'node:child_process';
import { hashPassword } from 'better-auth/crypto';
import { expect } from 'vitest';
import { globalId } from '#test/fixtures.ts';
import type { TestApi, TestClient } from '#test/harness.ts';
import {
  ESTIMATE,
  type rplIds,
  SAVE_DRAFT,
  START,
  SUBMIT,
  tinyPdf,
  uploadRplEvidence,
} from '#test/rpl-fixtures.ts';

/** The seeded RPL staff (packages/db/src/seed/rpl.ts) and the teachers who apply. */
export const people = {
  /** Lestari Handayani: academic assessor and administrative officer at UNNES. */
  academic: 'asesor@kmg.demo',
  /** Rina Marlina: administrative officer at UNNES. */
  officer: 'tendik@kmg.demo',
  /** Practitioner assessor at UNNES. */
  practitioner: 'praktisi@kmg.demo',
  /** Wahyu Hidayat: programme committee and university admin at UNNES. */
  committee: 'kaprodi@kmg.demo',
  /** Sri Wahyuningsih: validator at UNNES. */
  validator: 'validator@kmg.demo',
  /** Academic assessor and administrative officer at Polman Bandung. */
  polmanOfficer: 'asesor.polman@kmg.demo',
  /** Committee and university admin at Polman Bandung. */
  polmanHead: 'kaprodi.polman@kmg.demo',
  /** Holds the welding-robot and welding-inspector credentials and the welding pathway award. */
  yohanes: 'yohanes.tanaem@kmg.demo',
  /** Sri Wahyuni: the welding-robot credential. */
  sri: 'guru@kmg.demo',
  /** The welding-robot credential. */
  eko: 'eko.prasetyo@kmg.demo',
  /** The welding-robot credential. */
  ketut: 'ketut.arsana@kmg.demo',
  /** A teacher with no RPL case. */
  budi: 'budi.setiawan@kmg.demo',
  manager: 'manajer@kmg.demo',
  admin: 'admin@kmg.demo',
} as const;

export const STAFF_PASSWORD = 'kata-sandi-staf-uji';

export type Programme = Awaited<ReturnType<typeof rplIds>>['ptm'];

/** The raw uuid inside a global id. */
export const rawId = (gid: string) => Buffer.from(gid, 'base64').toString('utf8').split(':')[1] as string;

export async function userId(api: TestApi, email: string) {
  return (await api.database.prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

/**
 * A university's RPL staff account, made by the platform admin (as the console does), signed in.
 * Its RPL roles are the university admin's to give (`SET_STAFF_ROLES`).
 */
export async function createStaffMember(
  api: TestApi,
  admin: TestClient,
  { name, email, university }: { name: string; email: string; university: string },
) {
  const organization = await api.database.prisma.organization.findUniqueOrThrow({
    where: { code: university },
  });
  const { createStaffAccount } = await admin.data(
    `mutation ($input: StaffAccountInput!) { createStaffAccount(input: $input) {
      __typename ... on CreateStaffAccountSuccess { data { id } } ... on Error { code message } } }`,
    {
      input: {
        name,
        email,
        password: STAFF_PASSWORD,
        roles: ['RPL_REVIEWER'],
        organizationId: globalId('Organization', organization.id),
      },
    },
  );
  expect(createStaffAccount.__typename, JSON.stringify(createStaffAccount)).toBe('CreateStaffAccountSuccess');
  return {
    id: rawId(createStaffAccount.data.id),
    client: await api.signIn(email, { password: STAFF_PASSWORD }),
  };
}

/**
 * A lecturer who is also a teacher (both roles on one account, at UNNES): the applicant who must never
 * assess their own case. Made in the database, as no console screen makes such an account.
 */
export async function createTeachingLecturer(api: TestApi, email: string) {
  const prisma = api.database.prisma;
  const unnes = await prisma.organization.findUniqueOrThrow({ where: { code: 'unnes' } });
  const user = await prisma.user.create({
    data: { name: 'Dimas Pratama', email, roles: ['TEACHER', 'RPL_REVIEWER'], organizationId: unnes.id },
  });
  await prisma.account.create({
    data: {
      userId: user.id,
      accountId: user.id,
      providerId: 'credential',
      password: await hashPassword(STAFF_PASSWORD),
    },
  });
  return { id: user.id, client: await api.signIn(email, { password: STAFF_PASSWORD }) };
}

/**
 * A teacher applies to a programme's intake as part 1 lets them: the credentials the estimate
 * proposes, every CPMK of the proposed courses self-evaluated with the credentials behind it (an
 * evidence file when nothing is proposed), then submits. Returns the application's ids and the
 * proposal as submitted.
 */
export async function applyAndSubmit(teacher: TestClient, programme: Programme) {
  const { rplEstimate } = await teacher.data(ESTIMATE, { programmeId: programme.gid });
  expect(rplEstimate.__typename, JSON.stringify(rplEstimate)).toBe('RplEstimateSuccess');
  const proposed = rplEstimate.data.proposed as {
    code: string;
    sks: number;
    credentials: { id: string }[];
  }[];
  const started = await teacher.data(START, { intakeId: programme.intake });
  expect(started.startRplApplication.__typename, JSON.stringify(started)).toBe('StartRplApplicationSuccess');
  const gid = started.startRplApplication.data.id as string;
  const credentialGid = (id: string) => globalId('Credential', id);
  const credentialIds = [...new Set(proposed.flatMap((course) => course.credentials.map((c) => c.id)))];
  const saved = await teacher.data(SAVE_DRAFT, {
    id: gid,
    input: {
      credentialIds: credentialIds.map(credentialGid),
      externalCredentialIds: [],
      selfEvaluations: proposed.flatMap((course) =>
        programme.outcomes(course.code).map((outcomeId) => ({
          outcomeId,
          level: 'GOOD',
          credentialIds: course.credentials.map((c) => credentialGid(c.id)),
          evidenceIds: [],
        })),
      ),
    },
  });
  expect(saved.saveRplDraft.__typename, JSON.stringify(saved)).toBe('SaveRplDraftSuccess');
  if (proposed.length === 0) {
    const upload = await uploadRplEvidence(teacher, gid, tinyPdf, {
      name: 'surat-tugas-mengajar.pdf',
      kind: 'WORK_EXPERIENCE',
      title: 'Surat tugas mengajar',
    });
    expect(upload.status).toBe(201);
  }
  const submitted = await teacher.data(SUBMIT, { id: gid });
  expect(submitted.submitRplApplication.__typename, JSON.stringify(submitted)).toBe(
    'SubmitRplApplicationSuccess',
  );
  return {
    gid,
    id: rawId(gid),
    proposedSks: submitted.submitRplApplication.data.proposedSks as number,
    proposed: proposed.map((course) => [course.code, course.sks] as const),
  };
}

export type Judgement = {
  score: number;
  recommendation: 'RECOGNISE' | 'DO_NOT_RECOGNISE' | 'NEEDS_MORE_EVIDENCE';
  /** The evidence principle "sufficient" (memadai) for every CPMK. */
  sufficient?: boolean;
  /** Only these CPMK of the course (all when absent). */
  outcomes?: string[];
};

/** An assessor's judgement of these courses, per CPMK by portfolio, as `saveRplAssessment` takes it. */
export function judgements(programme: Programme, courses: Record<string, Judgement>) {
  return Object.entries(courses).map(([code, judgement]) => {
    const course = programme.course(code);
    return {
      courseId: globalId('Course', course.id),
      recommendation: judgement.recommendation,
      notes: `Portofolio ${code} diperiksa.`,
      outcomes: course.outcomes
        .filter((outcome) => !judgement.outcomes || judgement.outcomes.includes(outcome.code))
        .map((outcome) => ({
          outcomeCode: outcome.code,
          valid: true,
          authentic: true,
          current: true,
          sufficient: judgement.sufficient ?? true,
          method: 'PORTFOLIO',
          score: judgement.score,
        })),
    };
  });
}

/** A committee decision per course, as `decideRplCase` takes it: [code, SKS, reason]. */
export function decisions(programme: Programme, rows: [string, number, string?][]) {
  return rows.map(([code, sks, reason]) => ({
    courseId: globalId('Course', programme.course(code).id),
    sks,
    ...(reason ? { reason } : {}),
  }));
}

/** The text of a PDF, page by page (pdftotext, whitespace collapsed). */
export function pdfText(pdf: Uint8Array): string {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    encoding: 'utf8',
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** RFC 4180 rows of a CSV text (a leading byte-order mark dropped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

// ---- GraphQL documents ----------------------------------------------------------------------

const refusal = `... on ValidationError { code message fieldErrors { path code message } } ... on Error { code message }`;

export const CASE_FIELDS = `id status missingItems evidenceRequest proposedSks recognisedSks decidedAt caseReference
  availableActions myRoles mySeat minutesUrl
  participants { userId name role }
  deadlines { step startedOn dueOn daysLeft isOverdue }
  assessments { role assessorName submittedAt courses { courseId recommendation outcomes { outcomeCode score sufficient } } }
  comparison { courseId kind recommendationDiffers scoreGap principleDifferences academicScore practitionerScore academicRecommendation practitionerRecommendation }
  decisions { id kind totalSks decidedByName validatedByName validatedAt returnedAt returnReason courses { courseCode proposedSks sks reason } }
  decree { id number scope amendsNumber pdfUrl pdfUrlEn caseCount }
  recognitionCredential { credentialId kind status revokedAt revocationReason document }
  appeal { reason decidedAt }
  appealWindow { open lastDay daysLeft }
  history { action toStatusLabel roleLabel reason }`;

export const CASE = `query ($id: ID!) { rplApplication(id: $id) { ${CASE_FIELDS} } }`;

const step = (name: string, args: string, params: string, selection = 'id status') =>
  `mutation (${args}) { ${name}(${params}) {
    __typename ... on ${name[0]?.toUpperCase()}${name.slice(1)}Success { data { ${selection} } } ${refusal} } }`;

export const ACCEPT = step(
  'acceptRplCase',
  '$id: ID!',
  'applicationId: $id',
  'id status participants { name role }',
);
export const RETURN_TO_TEACHER = step(
  'returnRplCaseToTeacher',
  '$id: ID!, $items: [String!]!, $message: String',
  'applicationId: $id, missingItems: $items, message: $message',
  'id status missingItems evidenceRequest',
);
export const ASSIGN = `mutation ($ids: [ID!]!, $academicId: String, $practitionerId: String, $roundRobin: Boolean) {
  assignRplAssessors(applicationIds: $ids, academicId: $academicId, practitionerId: $practitionerId, roundRobin: $roundRobin) {
    __typename ... on AssignRplAssessorsSuccess { data } ${refusal} } }`;
export const SAVE_ASSESSMENT = step(
  'saveRplAssessment',
  '$id: ID!, $courses: [RplCourseJudgementInput!]!, $submit: Boolean!',
  'applicationId: $id, courses: $courses, submit: $submit',
);
export const COMPLETE_ASSESSMENT = step('completeRplAssessment', '$id: ID!', 'applicationId: $id');
export const DECIDE = step(
  'decideRplCase',
  '$id: ID!, $decisions: [RplCourseDecisionInput!]!, $notes: String, $appeal: Boolean',
  'applicationId: $id, decisions: $decisions, notes: $notes, appeal: $appeal',
  'id status recognisedSks',
);
export const VALIDATE = step('validateRplCase', '$id: ID!', 'applicationId: $id');
export const RETURN_TO_COMMITTEE = step(
  'returnRplCaseToCommittee',
  '$id: ID!, $reason: String!',
  'applicationId: $id, reason: $reason',
);
export const ISSUE_DECREE = step(
  'issueRplDecree',
  '$id: ID, $intakeId: ID',
  'applicationId: $id, intakeId: $intakeId',
  'id number scope decreedOn caseCount amendsNumber pdfUrl pdfUrlEn',
);
export const APPEAL = step(
  'appealRplCase',
  '$id: ID!, $reason: String!',
  'applicationId: $id, reason: $reason',
);
export const PROPOSE_PRECEDENT = step(
  'proposeRplPrecedent',
  '$id: ID!, $courseId: ID!',
  'applicationId: $id, courseId: $courseId',
  'id code version status sks coveredOutcomes requirements createdByName',
);
export const SET_STAFF_ROLES = `mutation ($userId: String!, $roles: [RplStaffRoleInput!]!, $affiliation: String, $employeeNumber: String) {
  setRplStaffRoles(userId: $userId, roles: $roles, affiliation: $affiliation, employeeNumber: $employeeNumber) {
    __typename ... on SetRplStaffRolesSuccess { data } ${refusal} } }`;
export const SETTINGS = `{ rplUniversitySettings {
  decreeNumberPattern decreeScope authority facultyId facultyEn
  letterhead { ministryId ministryEn unitId unitEn address contacts }
  signatories { name positionId positionEn employeeNumber employeeNumberLabel }
  place appealDays deadlineTargets workingDays holidays autoAssign } }`;
export const SAVE_SETTINGS = `mutation ($input: RplUniversitySettingsInput!) { saveRplUniversitySettings(input: $input) {
  __typename ... on SaveRplUniversitySettingsSuccess { data { deadlineTargets appealDays } } ${refusal} } }`;
export const QUEUE = `query ($view: RplQueueView!, $overdue: Boolean) { rplQueue(view: $view, overdue: $overdue) {
  isOverdue case { id status } deadlines { step dueOn isOverdue } } }`;
export const REPORT = `{ rplReport {
  rows { universityName programmeCode intakeCode applications decided totalSks meanSks byStatus sksDistribution }
  assessors { name roleLabel cases open }
  nonRecognition { reason count } } }`;
export const FIGURE = `{ rplProgrammeFigure { totalSks teachers universities { university teachers sks cases } } }`;
