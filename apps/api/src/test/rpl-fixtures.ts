// Scenario data for the RPL database tests: the seeded universities' staff, the seeded programmes,
// intakes, courses and credentials looked up by their codes, the files a teacher or a university
// uploads, and the inputs the GraphQL mutations take.
import { readFileSync } from 'node:fs';
import { globalId } from '#test/fixtures.ts';
import type { TestApi, TestClient } from '#test/harness.ts';

export const rplDemo = {
  /** UNNES: writes the seeded rules (asesor) and approves them (kaprodi). */
  unnesAssessor: 'asesor@kmg.demo',
  unnesHead: 'kaprodi@kmg.demo',
  polmanAssessor: 'asesor.polman@kmg.demo',
  polmanHead: 'kaprodi.polman@kmg.demo',
  /** Holds the welding-robot and welding-inspector credentials and the welding pathway award. */
  yohanes: 'yohanes.tanaem@kmg.demo',
  /** Holds the welding-robot credential only. */
  sri: 'guru@kmg.demo',
  ketut: 'ketut.arsana@kmg.demo',
  eko: 'eko.prasetyo@kmg.demo',
} as const;

const curriculaDir = new URL('../../../../packages/db/src/seed/curricula/', import.meta.url);
export const curriculumFile = (name: string) => readFileSync(new URL(name, curriculaDir));

/** The smallest PDF a browser opens: what a scanned certificate is to the type check. */
export const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A Windows program renamed to .pdf: refused by its bytes, whatever its name says. */
export const renamedProgram = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
/** A 1×1 PNG: a photographed certificate, as small as it gets. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** The opening box of an ISO media file of this brand: what the type check reads of HEIC or MP4. */
const isoMediaHead = (brand: string, compatible: string) => {
  const bytes = Buffer.alloc(32);
  bytes.writeUInt32BE(32, 0);
  bytes.write('ftyp', 4);
  bytes.write(brand, 8);
  bytes.write(compatible, 16);
  return bytes;
};
/** An iPhone photo (HEIC): accepted as evidence, but not a picture every browser draws. */
export const heicPhoto = isoMediaHead('heic', 'mif1heic');
/** A short video of work done (MP4). */
export const mp4Video = isoMediaHead('isom', 'isomiso2');

/** Global ids of the seeded RPL records. */
export async function rplIds(api: TestApi) {
  const prisma = api.database.prisma;
  const programme = async (university: string, code: string) => {
    const row = await prisma.studyProgramme.findFirstOrThrow({
      where: { code, university: { code: university } },
      include: {
        intakes: true,
        curricula: { include: { courses: { include: { outcomes: { orderBy: { position: 'asc' } } } } } },
      },
    });
    const courses = new Map(
      row.curricula.flatMap((curriculum) => curriculum.courses).map((course) => [course.code, course]),
    );
    const [intake] = row.intakes;
    if (!intake) throw new Error(`the seed gave ${code} no intake`);
    return {
      id: row.id,
      gid: globalId('StudyProgramme', row.id),
      intake: globalId('RplIntake', intake.id),
      intakeId: intake.id,
      course: (courseCode: string) => {
        const course = courses.get(courseCode);
        if (!course) throw new Error(`no course ${courseCode} in ${code}`);
        return course;
      },
      /** Global ids of every CPMK of these courses. */
      outcomes: (...courseCodes: string[]) =>
        courseCodes.flatMap((courseCode) => {
          const course = courses.get(courseCode);
          if (!course) throw new Error(`no course ${courseCode} in ${code}`);
          return course.outcomes.map((outcome) => globalId('CourseOutcome', outcome.id));
        }),
    };
  };
  const university = async (code: string) =>
    globalId('Organization', (await prisma.organization.findUniqueOrThrow({ where: { code } })).id);
  return {
    ptm: await programme('unnes', 'S1-PTM'),
    trm: await programme('polman-bandung', 'D4-TRM'),
    unnes: await university('unnes'),
    polman: await university('polman-bandung'),
  };
}

/** A teacher's wallet credential by achievement or pathway code, as a global id. */
export async function credentialOf(api: TestApi, email: string, code: string) {
  const row = await api.database.prisma.credential.findFirstOrThrow({
    where: {
      teacher: { email },
      OR: [{ achievement: { code } }, { pathwayVersion: { pathway: { code } } }],
    },
  });
  return { id: row.id, gid: globalId('Credential', row.id) };
}

export function uploadRplEvidence(
  client: TestClient,
  applicationGid: string,
  bytes: Buffer,
  { name = 'sertifikat-bnsp.pdf', kind = 'BNSP_CERTIFICATE', title = 'Sertifikat BNSP Juru Las' } = {},
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const query = new URLSearchParams({ applicationId: applicationGid, kind, title });
  return client.request(`/api/rpl/evidence?${query}`, { method: 'POST', body: form });
}

export function postCurriculum(
  client: TestClient,
  {
    programmeGid,
    mode,
    file,
    name,
    version = '',
    effectiveFrom = '',
  }: {
    programmeGid: string;
    mode: 'preview' | 'save';
    file: Buffer;
    name: string;
    version?: string;
    effectiveFrom?: string;
  },
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const query = new URLSearchParams({ programmeId: programmeGid, mode, version, effectiveFrom });
  return client.request(`/api/rpl/curriculum?${query}`, { method: 'POST', body: form });
}

/** A self-evaluation of every given CPMK at GOOD, backed by these credentials and files. */
export function selfEvaluations(
  outcomeGids: string[],
  { credentialIds = [], evidenceIds = [] }: { credentialIds?: string[]; evidenceIds?: string[] },
) {
  return outcomeGids.map((outcomeId) => ({ outcomeId, level: 'GOOD', credentialIds, evidenceIds }));
}

/** An equivalence rule draft's input: an achievement for a course's first two CPMK. */
export function ruleInput(
  courseGid: string,
  overrides: Partial<{
    requirements: object[];
    coveredOutcomes: string[];
    coverage: object;
    sks: number;
    effectiveFrom: string;
  }> = {},
) {
  const { requirements, coverage, ...rest } = overrides;
  return {
    courseId: courseGid,
    requirements: JSON.stringify(
      requirements ?? [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg25-robot-las' }],
    ),
    coveredOutcomes: ['CPMK1', 'CPMK2'],
    coverage: JSON.stringify(coverage ?? { kind: 'DEFAULT' }),
    sks: 2,
    rationaleId: 'Pelatihan ini mencakup capaian mata kuliah yang disebut (uji).',
    effectiveFrom: '2024-08-01',
    ...rest,
  };
}

// ---- GraphQL documents ----------------------------------------------------------------------

export const ESTIMATE = `query ($programmeId: ID!) { rplEstimate(programmeId: $programmeId) {
  __typename ... on RplEstimateSuccess { data {
    isEligible totalSks courseCount capSks capSource hoursUsed cutoffDate
    limits { limit value layer }
    proposed { code sks courseSks ruleCode ruleVersion coverage credentials { id name } }
    notProposed { code reason message }
    gains { kind id title gainSks courses }
  } }
  ... on Error { code message } } }`;

export const START = `mutation ($intakeId: ID!) { startRplApplication(intakeId: $intakeId) {
  __typename ... on StartRplApplicationSuccess { data { id status } } ... on Error { code message } } }`;

export const SAVE_DRAFT = `mutation ($id: ID!, $input: RplDraftInput!) { saveRplDraft(applicationId: $id, input: $input) {
  __typename ... on SaveRplDraftSuccess { data { id status } }
  ... on ValidationError { fieldErrors { path code } } ... on Error { code message } } }`;

export const SUBMIT = `mutation ($id: ID!) { submitRplApplication(applicationId: $id) {
  __typename ... on SubmitRplApplicationSuccess { data {
    id status proposedSks submittedAt
    credentials { credential { id } isVerified verification }
    proposal { totalSks proposed { code sks ruleCode credentials { id } } }
  } }
  ... on ValidationError { code fieldErrors { path code message } } ... on Error { code message } } }`;

export const WITHDRAW = `mutation ($id: ID!) { withdrawRplApplication(applicationId: $id) {
  __typename ... on WithdrawRplApplicationSuccess { data { id status withdrawnAt } } ... on Error { code } } }`;

export const REQUEST_EVIDENCE = `mutation ($id: ID!, $message: String!) { requestRplEvidence(applicationId: $id, message: $message) {
  __typename ... on RequestRplEvidenceSuccess { data { id status evidenceRequest } } ... on Error { code } } }`;

export const APPLICATION = `query ($id: ID!) { rplApplication(id: $id) {
  id status proposedSks teacherName
  proposal { totalSks proposed { code sks ruleCode ruleVersion } }
} }`;

export const SAVE_RULE = `mutation ($programmeId: ID!, $code: String!, $input: EquivalenceRuleInput!) {
  saveEquivalenceRuleDraft(programmeId: $programmeId, code: $code, input: $input) {
    __typename ... on SaveEquivalenceRuleDraftSuccess { data { id code version status sks effectiveFrom } }
    ... on ValidationError { fieldErrors { path code } } ... on Error { code message } } }`;

export const APPROVE_RULE = `mutation ($id: ID!) { approveEquivalenceRule(versionId: $id) {
  __typename ... on ApproveEquivalenceRuleSuccess { data { id status version approvedByName } }
  ... on Error { code } } }`;

export const RETIRE_RULE = `mutation ($id: ID!) { retireEquivalenceRule(versionId: $id) {
  __typename ... on RetireEquivalenceRuleSuccess { data { id status retiredAt } } ... on Error { code } } }`;

export const SAVE_PROFILE = `mutation ($layer: ProfileLayer!, $universityId: ID, $programmeId: ID, $input: RegulationProfileInput!) {
  saveRegulationProfile(layer: $layer, universityId: $universityId, programmeId: $programmeId, input: $input) {
    __typename ... on SaveRegulationProfileSuccess { data { id layer version limits } }
    ... on ValidationError { fieldErrors { path code } } ... on Error { code } } }`;
