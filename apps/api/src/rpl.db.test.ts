// RPL through the API on the demo seed: a teacher's estimate at a programme (worked out by hand from
// the seeded rules and limits), the application from draft to submission with its evidence files,
// verification and stored proposal, the university's staff asking for more evidence, equivalence
// rules under four eyes, regulation profiles per layer, and the curriculum import. The tests run in
// order and build on one another: the application submitted early is the one later rule changes
// must leave alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';
import {
  APPLICATION,
  APPROVE_RULE,
  credentialOf,
  curriculumFile,
  ESTIMATE,
  postCurriculum,
  REQUEST_EVIDENCE,
  RETIRE_RULE,
  renamedProgram,
  rplDemo,
  rplIds,
  ruleInput,
  SAVE_DRAFT,
  SAVE_PROFILE,
  SAVE_RULE,
  START,
  SUBMIT,
  selfEvaluations,
  tinyPdf,
  uploadRplEvidence,
  WITHDRAW,
} from '#test/rpl-fixtures.ts';

let api: TestApi;
let ids: Awaited<ReturnType<typeof rplIds>>;
let yohanes: TestClient;
let unnes: TestClient;
let unnesHead: TestClient;
let polman: TestClient;
let manager: TestClient;
/** Yohanes's application to S1-PTM, submitted in the second block. */
let yohanesApplication: string;

/** The engine's answer the teacher reads, from a query that must succeed. */
async function estimateFor(client: TestClient, programmeGid: string) {
  const { rplEstimate } = await client.data(ESTIMATE, { programmeId: programmeGid });
  expect(rplEstimate.__typename, JSON.stringify(rplEstimate)).toBe('RplEstimateSuccess');
  return rplEstimate.data;
}

const proposedRows = (estimate: { proposed: { code: string; sks: number; ruleCode: string }[] }) =>
  estimate.proposed.map((course) => [course.code, course.sks, course.ruleCode]);

beforeAll(async () => {
  api = await startTestApi();
  ids = await rplIds(api);
  // The seeded trainings' credentials and the pathway award they complete are issued by the queue.
  const prisma = api.database.prisma;
  const deadline = Date.now() + 120_000;
  while (
    (await prisma.credential.count({
      where: { teacher: { email: rplDemo.yohanes }, kind: 'PATHWAY' },
    })) === 0
  ) {
    if (Date.now() > deadline) throw new Error('the welding pathway was not awarded to Yohanes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  yohanes = await api.signIn(rplDemo.yohanes);
  unnes = await api.signIn(rplDemo.unnesAssessor);
  unnesHead = await api.signIn(rplDemo.unnesHead);
  polman = await api.signIn(rplDemo.polmanAssessor);
  manager = await api.signIn(demo.manager);
});
afterAll(() => api?.close());

// Yohanes at S1-PTM (144 SKS, 8 semesters; national 70 %, UNNES 100 SKS and 75 % coverage,
// programme: 2 courses per credential, a semester left):
//   PTM204 Teknik Pengelasan (3): unit C.282000.011.01 of the robot-las credential, 40 h ≥ 32, 75 % ≥ 75 %
//   PTM210 Pengelasan Lanjut (3): the JALUR-PENGELASAN-INDUSTRI award, all CPMK
//   PTM310 Robotika Industri (2): the robot-las credential (its second course: the limit is 2)
//   PTM313 Inspeksi dan Pengujian Las (2): the welding-inspector credential
// = 10 SKS in 4 courses, under a cap of min(floor(0.7 × 144), 100, 144 − 18) = 100.
const YOHANES_AT_PTM = [
  ['PTM204', 3, 'PTM-PENGELASAN-UNIT-ROBOT'],
  ['PTM210', 3, 'PTM-PENGELASAN-LANJUT-JALUR'],
  ['PTM310', 2, 'PTM-ROBOTIKA-ROBOT-LAS'],
  ['PTM313', 2, 'PTM-INSPEKSI-LAS'],
];

describe('rplEstimate', () => {
  it('proposes the courses and SKS the seeded rules and limits give a teacher with two credentials and a pathway', async () => {
    const robot = await credentialOf(api, rplDemo.yohanes, 'kmg25-robot-las');
    const inspector = await credentialOf(api, rplDemo.yohanes, 'kmg25-welding-inspector');
    const pathway = await credentialOf(api, rplDemo.yohanes, 'JALUR-PENGELASAN-INDUSTRI');
    const estimate = await estimateFor(yohanes, ids.ptm.gid);
    expect(estimate).toMatchObject({ isEligible: true, totalSks: 10, courseCount: 4, capSks: 100 });
    expect(estimate.capSource).toMatch(
      /^maksimal 70% SKS program studi · Nasional v1: Permendikbudristek 41\/2021/,
    );
    expect(proposedRows(estimate)).toEqual(YOHANES_AT_PTM);
    const used = Object.fromEntries(
      estimate.proposed.map((course: { code: string; credentials: { id: string }[] }) => [
        course.code,
        course.credentials.map((credential) => credential.id),
      ]),
    );
    expect(used).toEqual({
      PTM204: [robot.id],
      PTM210: [pathway.id],
      PTM310: [robot.id],
      PTM313: [inspector.id],
    });
    // The pathway's hours are its components': 40 + 80, counted once.
    expect(estimate.hoursUsed).toBe(120);
    const limits = Object.fromEntries(
      estimate.limits.map((row: { limit: string; value: string; layer: string | null }) => [
        row.limit,
        [JSON.parse(row.value), row.layer],
      ]),
    );
    expect(limits).toMatchObject({
      maxCoursesPerCredential: [2, 'PROGRAMME'],
      minSemestersRemaining: [1, 'PROGRAMME'],
      defaultMinCoverage: [0.75, 'UNIVERSITY'],
      maxSks: [100, 'UNIVERSITY'],
      maxShareOfProgramme: [0.7, 'NATIONAL'],
    });
    const reasons = Object.fromEntries(
      estimate.notProposed.map((course: { code: string; reason: string }) => [course.code, course.reason]),
    );
    expect(reasons).toMatchObject({
      PTM301: 'MISSING_EVIDENCE',
      PTM303: 'MISSING_EVIDENCE',
      // The fabrication rule is still a draft: it proposes nothing.
      PTM314: 'NO_RULE',
    });
    expect(Object.values(reasons)).toContain('COURSE_KIND_EXCLUDED');
    // The teacher reads each reason in words, not its code.
    const messages = Object.fromEntries(
      estimate.notProposed.map((course: { code: string; message: string }) => [course.code, course.message]),
    );
    expect(messages).toMatchObject({
      PTM303: 'Anda belum memiliki kredensial yang dipersyaratkan untuk mata kuliah ini.',
      PTM314: 'Mata kuliah ini belum memiliki aturan penyetaraan RPL.',
    });
  });

  it('names the open training whose credential would add SKS, and no pathway that adds none', async () => {
    const plc = await api.database.prisma.trainingCall.findUniqueOrThrow({
      where: { code: 'kmg-open-plc-hmi' },
    });
    const estimate = await estimateFor(yohanes, ids.ptm.gid);
    expect(estimate.gains).toEqual([
      { kind: 'TRAINING', id: plc.id, title: plc.title, gainSks: 3, courses: ['PTM303 Otomasi Industri'] },
    ]);
  });
});

describe('an application from draft to submission', () => {
  let evidenceId: string;

  it('starts a draft and saves the credentials put forward with part of the self-evaluation', async () => {
    const started = await yohanes.data(START, { intakeId: ids.ptm.intake });
    expect(started.startRplApplication).toMatchObject({
      __typename: 'StartRplApplicationSuccess',
      data: { status: 'DRAFT' },
    });
    yohanesApplication = started.startRplApplication.data.id;
    const credentials = [
      (await credentialOf(api, rplDemo.yohanes, 'kmg25-robot-las')).gid,
      (await credentialOf(api, rplDemo.yohanes, 'kmg25-welding-inspector')).gid,
      (await credentialOf(api, rplDemo.yohanes, 'JALUR-PENGELASAN-INDUSTRI')).gid,
    ];
    const saved = await yohanes.data(SAVE_DRAFT, {
      id: yohanesApplication,
      input: {
        credentialIds: credentials,
        externalCredentialIds: [],
        selfEvaluations: selfEvaluations(ids.ptm.outcomes('PTM204'), {
          credentialIds: credentials.slice(0, 1),
        }),
      },
    });
    expect(saved.saveRplDraft).toMatchObject({
      __typename: 'SaveRplDraftSuccess',
      data: { status: 'DRAFT' },
    });
  });

  it('refuses a credential that is not the teacher’s own, with its field path', async () => {
    const other = await credentialOf(api, rplDemo.sri, 'kmg25-robot-las');
    const saved = await yohanes.data(SAVE_DRAFT, {
      id: yohanesApplication,
      input: { credentialIds: [other.gid], externalCredentialIds: [], selfEvaluations: [] },
    });
    expect(saved.saveRplDraft).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'credentialIds', '0'], code: 'RPL_CREDENTIAL_NOT_YOURS' }],
    });
  });

  it('takes a PDF as evidence, refuses a file by its bytes (415) and someone else’s application (404)', async () => {
    const accepted = await uploadRplEvidence(yohanes, yohanesApplication, tinyPdf);
    expect(accepted.status).toBe(201);
    const body = (await accepted.json()) as { id: string; mimeType: string; size: number };
    expect(body).toMatchObject({ mimeType: 'application/pdf', size: tinyPdf.length });
    evidenceId = body.id;
    const refused = await uploadRplEvidence(yohanes, yohanesApplication, renamedProgram, {
      name: 'ijazah.pdf',
    });
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({ code: 'FILE_TYPE' });
    const sri = await api.signIn(rplDemo.sri);
    const foreign = await uploadRplEvidence(sri, yohanesApplication, tinyPdf);
    expect(foreign.status).toBe(404);
    // Downloads: the teacher's own file; not another teacher's; not the university's while a draft.
    const download = await yohanes.request(`/api/rpl/evidence/${evidenceId}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(tinyPdf);
    expect((await sri.request(`/api/rpl/evidence/${evidenceId}`)).status).toBe(404);
    expect((await unnes.request(`/api/rpl/evidence/${evidenceId}`)).status).toBe(404);
    expect(await api.database.prisma.rplEvidence.count({ where: { applicationId: evidenceOwner() } })).toBe(
      1,
    );
  });

  it('refuses to submit until every CPMK of the proposed courses is evaluated', async () => {
    const refused = await yohanes.data(SUBMIT, { id: yohanesApplication });
    // PTM210 (3 CPMK), PTM310 (2) and PTM313 (2) are proposed but not evaluated.
    expect(refused.submitRplApplication).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['selfEvaluations'], code: 'RPL_SELF_EVALUATION_INCOMPLETE' }],
    });
    expect(refused.submitRplApplication.fieldErrors[0].message).toMatch(/7/);
    const row = await api.database.prisma.rplApplication.findUniqueOrThrow({
      where: { id: evidenceOwner() },
    });
    expect(row).toMatchObject({ status: 'DRAFT', proposal: null, proposedSks: null });
  });

  it('submits: each credential verified at the cut-off, the proposal stored with its SKS', async () => {
    const robot = await credentialOf(api, rplDemo.yohanes, 'kmg25-robot-las');
    const inspector = await credentialOf(api, rplDemo.yohanes, 'kmg25-welding-inspector');
    const pathway = await credentialOf(api, rplDemo.yohanes, 'JALUR-PENGELASAN-INDUSTRI');
    const saved = await yohanes.data(SAVE_DRAFT, {
      id: yohanesApplication,
      input: {
        credentialIds: [robot.gid, inspector.gid, pathway.gid],
        externalCredentialIds: [],
        selfEvaluations: [
          ...selfEvaluations(ids.ptm.outcomes('PTM204', 'PTM310'), {
            credentialIds: [robot.gid],
            evidenceIds: [evidenceId],
          }),
          ...selfEvaluations(ids.ptm.outcomes('PTM210'), { credentialIds: [pathway.gid] }),
          ...selfEvaluations(ids.ptm.outcomes('PTM313'), { credentialIds: [inspector.gid] }),
        ],
      },
    });
    expect(saved.saveRplDraft.__typename).toBe('SaveRplDraftSuccess');
    const submitted = await yohanes.data(SUBMIT, { id: yohanesApplication });
    expect(submitted.submitRplApplication.__typename, JSON.stringify(submitted)).toBe(
      'SubmitRplApplicationSuccess',
    );
    const application = submitted.submitRplApplication.data;
    expect(application).toMatchObject({ status: 'SUBMITTED', proposedSks: 10 });
    expect(application.proposal.totalSks).toBe(10);
    expect(
      application.proposal.proposed.map((course: { code: string; sks: number; ruleCode: string }) => [
        course.code,
        course.sks,
        course.ruleCode,
      ]),
    ).toEqual(YOHANES_AT_PTM);
    const intake = await api.database.prisma.rplIntake.findUniqueOrThrow({ where: { id: ids.ptm.intakeId } });
    expect(application.credentials).toHaveLength(3);
    for (const entry of application.credentials) {
      expect(entry.isVerified, entry.verification).toBe(true);
      expect(JSON.parse(entry.verification)).toEqual({
        checks: { proof: true, status: true, validAtCutoff: true, recipient: true },
        detail: null,
        cutoffDate: intake.cutoffDate.toISOString().slice(0, 10),
      });
    }
    const row = await api.database.prisma.rplApplication.findUniqueOrThrow({
      where: { id: evidenceOwner() },
    });
    const stored = row.proposal as { ruleVersionIds: string[]; input: { credentials: { id: string }[] } };
    expect(stored.input.credentials.map((credential) => credential.id).sort()).toEqual(
      [robot.id, inspector.id, pathway.id].sort(),
    );
    expect(stored.ruleVersionIds).toHaveLength(6);
  });

  it('refuses a second application to the same intake', async () => {
    const again = await yohanes.data(START, { intakeId: ids.ptm.intake });
    expect(again.startRplApplication).toMatchObject({ __typename: 'BaseError', code: 'RPL_ALREADY_APPLIED' });
  });

  it('lets exactly one of two simultaneous starts win, and a withdrawn application be followed by a new one', async () => {
    const eko = await api.signIn(rplDemo.eko);
    const both = await Promise.all([
      eko.data(START, { intakeId: ids.ptm.intake }),
      eko.data(START, { intakeId: ids.ptm.intake }),
    ]);
    const outcomes = both.map((result) => result.startRplApplication.__typename).sort();
    expect(outcomes).toEqual(['BaseError', 'StartRplApplicationSuccess']);
    const won = both.find((result) => result.startRplApplication.__typename === 'StartRplApplicationSuccess');
    const lost = both.find((result) => result.startRplApplication.__typename === 'BaseError');
    expect(lost?.startRplApplication.code).toBe('RPL_ALREADY_APPLIED');
    const first = won?.startRplApplication.data.id;
    const withdrawn = await eko.data(WITHDRAW, { id: first });
    expect(withdrawn.withdrawRplApplication).toMatchObject({ data: { status: 'WITHDRAWN' } });
    const again = await eko.data(START, { intakeId: ids.ptm.intake });
    expect(again.startRplApplication).toMatchObject({ data: { status: 'DRAFT' } });
    expect(again.startRplApplication.data.id).not.toBe(first);
    // Withdrawn stays withdrawn.
    const twice = await eko.data(WITHDRAW, { id: first });
    expect(twice.withdrawRplApplication).toMatchObject({ code: 'INVALID_RPL_APPLICATION_TRANSITION' });
  });
});

/** The raw id of Yohanes's application. */
function evidenceOwner(): string {
  return Buffer.from(yohanesApplication, 'base64').toString().split(':')[1] as string;
}

describe('the university’s staff', () => {
  let polmanApplication: string;

  beforeAll(async () => {
    // Sri applies to Polman's D4-TRM with her welding-robot credential (TRM203, 3 SKS).
    const sri = await api.signIn(rplDemo.sri);
    const { startRplApplication } = await sri.data(START, { intakeId: ids.trm.intake });
    polmanApplication = startRplApplication.data.id;
    const robot = await credentialOf(api, rplDemo.sri, 'kmg25-robot-las');
    await sri.data(SAVE_DRAFT, {
      id: polmanApplication,
      input: {
        credentialIds: [robot.gid],
        externalCredentialIds: [],
        selfEvaluations: selfEvaluations(ids.trm.outcomes('TRM203'), { credentialIds: [robot.gid] }),
      },
    });
    const submitted = await sri.data(SUBMIT, { id: polmanApplication });
    expect(submitted.submitRplApplication, JSON.stringify(submitted)).toMatchObject({
      data: { status: 'SUBMITTED', proposedSks: 3 },
    });
  });

  const LIST = `{ rplApplications { id status teacherName programme { code } } }`;

  it('shows UNNES staff the submitted applications to UNNES programmes only: no drafts, not Polman’s', async () => {
    const { rplApplications } = await unnes.data(LIST);
    expect(rplApplications).toEqual([
      {
        id: yohanesApplication,
        status: 'SUBMITTED',
        teacherName: expect.any(String),
        programme: { code: 'S1-PTM' },
      },
    ]);
    const { rplApplications: atPolman } = await polman.data(LIST);
    expect(atPolman.map((row: { id: string }) => row.id)).toEqual([polmanApplication]);
    expect((await polman.data(APPLICATION, { id: yohanesApplication })).rplApplication).toBeNull();
    expect((await unnes.data(APPLICATION, { id: polmanApplication })).rplApplication).toBeNull();
  });

  it('lets Polman staff neither read nor ask for evidence on a UNNES application', async () => {
    const asked = await polman.data(REQUEST_EVIDENCE, {
      id: yohanesApplication,
      message: 'Mohon unggah sertifikat BNSP yang masih berlaku.',
    });
    expect(asked.requestRplEvidence).toMatchObject({ __typename: 'NotFoundError' });
    const evidence = await api.database.prisma.rplEvidence.findFirstOrThrow({
      where: { applicationId: evidenceOwner() },
    });
    expect((await polman.request(`/api/rpl/evidence/${evidence.id}`)).status).toBe(404);
    expect((await unnes.request(`/api/rpl/evidence/${evidence.id}`)).status).toBe(200);
  });

  it('asks for more evidence: the teacher is told, edits and submits again', async () => {
    const asked = await unnes.data(REQUEST_EVIDENCE, {
      id: yohanesApplication,
      message: 'Mohon unggah sertifikat BNSP yang masih berlaku.',
    });
    expect(asked.requestRplEvidence).toMatchObject({
      data: {
        status: 'EVIDENCE_REQUESTED',
        evidenceRequest: 'Mohon unggah sertifikat BNSP yang masih berlaku.',
      },
    });
    const { notifications } = await yohanes.data(
      `{ notifications(first: 10) { edges { node { kind title body } } } }`,
    );
    const notice = notifications.edges.find(
      (edge: { node: { kind: string } }) => edge.node.kind === 'RPL_EVIDENCE_REQUESTED',
    );
    expect(notice?.node.body).toMatch(/sertifikat BNSP/);
    // Asked once, not twice.
    const again = await unnes.data(REQUEST_EVIDENCE, {
      id: yohanesApplication,
      message: 'Sekali lagi, mohon.',
    });
    expect(again.requestRplEvidence.__typename).toBe('InvalidStateError');
    const upload = await uploadRplEvidence(yohanes, yohanesApplication, tinyPdf, {
      name: 'bnsp-2026.pdf',
      title: 'Sertifikat BNSP 2026',
    });
    expect(upload.status).toBe(201);
    const resubmitted = await yohanes.data(SUBMIT, { id: yohanesApplication });
    expect(resubmitted.submitRplApplication).toMatchObject({
      data: { status: 'SUBMITTED', proposedSks: 10 },
    });
  });

  it('keeps what the university has seen: a submitted file cannot be removed, a file added since can', async () => {
    await unnes.data(REQUEST_EVIDENCE, {
      id: yohanesApplication,
      message: 'Mohon tambahkan surat keterangan kerja dari sekolah.',
    });
    const row = await api.database.prisma.rplApplication.findFirstOrThrow({
      where: { teacher: { email: rplDemo.yohanes }, status: 'EVIDENCE_REQUESTED' },
      select: { evidence: { select: { id: true }, orderBy: { createdAt: 'asc' } } },
    });
    const submittedFile = row.evidence[0]?.id;
    if (!submittedFile) throw new Error('the submitted application holds no file');
    const remove = (id: string) =>
      yohanes.request(`/api/rpl/evidence/${id}`, { method: 'DELETE', headers: { 'x-kmg-upload': '1' } });
    const refused = await remove(submittedFile);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'RPL_EVIDENCE_SUBMITTED' });
    const added = await uploadRplEvidence(yohanes, yohanesApplication, tinyPdf, {
      name: 'surat-keterangan.pdf',
      kind: 'WORK_EXPERIENCE',
      title: 'Surat keterangan kerja',
    });
    expect(added.status).toBe(201);
    const { id: addedId } = (await added.json()) as { id: string };
    expect((await remove(addedId)).status).toBe(204);
    const resubmitted = await yohanes.data(SUBMIT, { id: yohanesApplication });
    expect(resubmitted.submitRplApplication).toMatchObject({
      data: { status: 'SUBMITTED', proposedSks: 10 },
    });
  });
});

describe('a revoked credential put forward', () => {
  it('is verified as failed at submission and not used by the proposal', async () => {
    const ketut = await api.signIn(rplDemo.ketut);
    const robot = await credentialOf(api, rplDemo.ketut, 'kmg25-robot-las');
    const { startRplApplication } = await ketut.data(START, { intakeId: ids.ptm.intake });
    const id = startRplApplication.data.id;
    await ketut.data(SAVE_DRAFT, {
      id,
      input: {
        credentialIds: [robot.gid],
        externalCredentialIds: [],
        selfEvaluations: selfEvaluations(ids.ptm.outcomes('PTM204', 'PTM310'), {
          credentialIds: [robot.gid],
        }),
      },
    });
    const revoked = await manager.data(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Sertifikat diterbitkan karena kesalahan data.") { __typename } }`,
      { id: robot.gid },
    );
    expect(revoked.revokeCredential.__typename).toBe('RevokeCredentialSuccess');
    const submitted = await ketut.data(SUBMIT, { id });
    expect(submitted.submitRplApplication.__typename, JSON.stringify(submitted)).toBe(
      'SubmitRplApplicationSuccess',
    );
    const application = submitted.submitRplApplication.data;
    expect(application).toMatchObject({ status: 'SUBMITTED', proposedSks: 0 });
    expect(application.proposal).toMatchObject({ totalSks: 0, proposed: [] });
    expect(application.credentials).toHaveLength(1);
    expect(application.credentials[0].isVerified).toBe(false);
    expect(JSON.parse(application.credentials[0].verification).checks).toEqual({
      proof: true,
      status: false,
      validAtCutoff: true,
      recipient: true,
    });
  });
});

describe('regulation profiles', () => {
  const national = {
    citation: 'Permendikbudristek 41/2021 (versi uji)',
    effectiveFrom: '2022-01-01',
    limits: JSON.stringify({
      maxShareOfProgramme: 0.7,
      excludedCourseKinds: ['FINAL_PROJECT'],
      degreeLevelsWithoutRpl: ['S3'],
      minAccreditation: 'BAIK_SEKALI',
      requireValidAtCutoff: true,
      hoursPerSks: 45,
    }),
  };
  const save = (client: TestClient, variables: Record<string, unknown>) =>
    client.data(SAVE_PROFILE, variables).then((result) => result.saveRegulationProfile);

  it('lets program managers save the national profile, as its next version, and nobody else', async () => {
    expect(await save(manager, { layer: 'NATIONAL', input: national })).toMatchObject({
      __typename: 'SaveRegulationProfileSuccess',
      data: { layer: 'NATIONAL', version: 2 },
    });
    expect(await save(unnes, { layer: 'NATIONAL', input: national })).toMatchObject({
      __typename: 'NotAllowedError',
      code: 'FORBIDDEN',
    });
    const teacher = await yohanes.gql(SAVE_PROFILE, { layer: 'NATIONAL', input: national });
    expect(teacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets university staff save their own university’s and programme’s overrides only', async () => {
    const unnesLimits = {
      citation: 'Pedoman RPL UNNES (versi uji)',
      effectiveFrom: '2024-01-01',
      limits: JSON.stringify({ defaultMinCoverage: 0.75, recencyYears: 5, maxSks: 100 }),
    };
    expect(
      await save(unnes, { layer: 'UNIVERSITY', universityId: ids.unnes, input: unnesLimits }),
    ).toMatchObject({ data: { layer: 'UNIVERSITY', version: 2 } });
    expect(
      await save(unnes, { layer: 'UNIVERSITY', universityId: ids.polman, input: unnesLimits }),
    ).toMatchObject({ __typename: 'NotAllowedError' });
    expect(
      await save(polman, { layer: 'UNIVERSITY', universityId: ids.polman, input: unnesLimits }),
    ).toMatchObject({ data: { layer: 'UNIVERSITY', version: 1 } });
    expect(
      await save(polman, { layer: 'PROGRAMME', programmeId: ids.ptm.gid, input: unnesLimits }),
    ).toMatchObject({
      __typename: 'NotAllowedError',
    });
    expect(
      await save(manager, { layer: 'PROGRAMME', programmeId: ids.ptm.gid, input: unnesLimits }),
    ).toMatchObject({
      __typename: 'NotAllowedError',
    });
  });

  it('refuses invalid limits with their field paths', async () => {
    const refused = await save(unnes, {
      layer: 'PROGRAMME',
      programmeId: ids.ptm.gid,
      input: {
        citation: 'Keputusan Koordinator Prodi PTM (uji)',
        effectiveFrom: '2024-01-01',
        limits: JSON.stringify({ maxCoursesPerCredential: 0, maxShareOfProgramme: 1.5, maxCourse: 3 }),
      },
    });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fieldErrors.map((issue: { path: string[] }) => issue.path.join('.')).sort()).toEqual([
      'input.limits',
      'input.limits.maxCoursesPerCredential',
      'input.limits.maxShareOfProgramme',
    ]);
  });

  it('changes the estimate with a new programme override: one course per credential', async () => {
    const override = (maxCoursesPerCredential: number) => ({
      layer: 'PROGRAMME',
      programmeId: ids.ptm.gid,
      input: {
        citation: 'Keputusan Koordinator Prodi PTM (uji)',
        effectiveFrom: '2024-01-01',
        limits: JSON.stringify({ maxCoursesPerCredential, minSemestersRemaining: 1 }),
      },
    });
    expect(await save(unnes, override(1))).toMatchObject({ data: { version: 2 } });
    const one = await estimateFor(yohanes, ids.ptm.gid);
    // The robot-las credential now earns PTM204 (3) rather than PTM310 (2).
    expect(proposedRows(one)).toEqual(YOHANES_AT_PTM.filter(([code]) => code !== 'PTM310'));
    expect(one.totalSks).toBe(8);
    expect(one.notProposed.find((course: { code: string }) => course.code === 'PTM310')?.reason).toBe(
      'CREDENTIAL_LIMIT',
    );
    expect(await save(unnes, override(2))).toMatchObject({ data: { version: 3 } });
    expect((await estimateFor(yohanes, ids.ptm.gid)).totalSks).toBe(10);
  });
});

describe('equivalence rules', () => {
  const saveRule = (client: TestClient, code: string, input: object) =>
    client
      .data(SAVE_RULE, { programmeId: ids.ptm.gid, code, input })
      .then((result) => result.saveEquivalenceRuleDraft);
  const course = (code: string) => globalId('Course', ids.ptm.course(code).id);
  const versionOf = (code: string, version: number) =>
    api.database.prisma.equivalenceRuleVersion.findFirstOrThrow({ where: { rule: { code }, version } });

  it.each([
    [
      'an unknown course',
      { courseId: globalId('Course', '01940000-0000-7000-8000-000000000000') },
      'input.courseId',
      'NOT_FOUND',
    ],
    ['more SKS than the course', { sks: 3 }, 'input.sks', 'RULE_SKS_OVER_COURSE'],
    [
      'an unknown CPMK',
      { coveredOutcomes: ['CPMK1', 'CPMK9'] },
      'input.coveredOutcomes.1',
      'RULE_UNKNOWN_OUTCOME',
    ],
    [
      'an unknown achievement',
      { requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'tidak-ada' }] },
      'input.requirements.0',
      'RULE_UNKNOWN_REFERENCE',
    ],
    [
      'hours alone',
      { requirements: [{ kind: 'HOURS', minimum: 40 }] },
      'input.requirements',
      'RPL_RULE_HOURS_ALONE',
    ],
  ])('refuses a draft with %s at its field', async (_case, overrides, path, code) => {
    const { courseId, ...rest } = overrides as { courseId?: string };
    const refused = await saveRule(unnes, 'PTM-UJI', {
      ...ruleInput(course('PTM310'), rest),
      ...(courseId ? { courseId } : {}),
    });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fieldErrors).toEqual([{ path: path.split('.'), code }]);
  });

  it('approves under four eyes: never by its author, by a second staff member', async () => {
    const draft = await versionOf('PTM-FABRIKASI', 1);
    const gid = globalId('EquivalenceRuleVersion', draft.id);
    expect((await unnes.data(APPROVE_RULE, { id: gid })).approveEquivalenceRule).toMatchObject({
      code: 'RULE_FOUR_EYES',
    });
    expect((await polman.data(APPROVE_RULE, { id: gid })).approveEquivalenceRule.__typename).toBe(
      'NotAllowedError',
    );
    const approved = await unnesHead.data(APPROVE_RULE, { id: gid });
    expect(approved.approveEquivalenceRule).toMatchObject({ data: { status: 'APPROVED', version: 1 } });
    // Now the robot-las credential could support three courses: the limit of two keeps PTM310 out.
    const estimate = await estimateFor(yohanes, ids.ptm.gid);
    expect(proposedRows(estimate)).toEqual([
      ['PTM204', 3, 'PTM-PENGELASAN-UNIT-ROBOT'],
      ['PTM210', 3, 'PTM-PENGELASAN-LANJUT-JALUR'],
      ['PTM313', 2, 'PTM-INSPEKSI-LAS'],
      ['PTM314', 3, 'PTM-FABRIKASI'],
    ]);
    expect(estimate.notProposed.find((row: { code: string }) => row.code === 'PTM310')?.reason).toBe(
      'CREDENTIAL_LIMIT',
    );
  });

  it('counts, for a draft, the past applicants whose proposal would change', async () => {
    const draft = await saveRule(
      unnes,
      'PTM-PENGELASAN-LANJUT-JALUR',
      ruleInput(course('PTM210'), {
        requirements: [{ kind: 'PATHWAY', pathwayCode: 'JALUR-PENGELASAN-INDUSTRI' }],
        coveredOutcomes: ['CPMK1', 'CPMK2', 'CPMK3'],
        coverage: { kind: 'ALL' },
        sks: 2,
        effectiveFrom: api.clock.now().toISOString().slice(0, 10),
      }),
    );
    expect(draft).toMatchObject({ data: { version: 2, status: 'DRAFT', sks: 2 } });
    const { ruleWhatIf } = await unnesHead.data(
      `query ($id: ID!) { ruleWhatIf(versionId: $id) { __typename ... on RuleWhatIfSuccess { data {
        applicationsCompared changedCount changed { applicationId teacherName beforeSks afterSks } } } } }`,
      { id: draft.data.id },
    );
    // Yohanes's (10 SKS, the pathway's course now 2) and Ketut's (nothing usable, nothing changes).
    expect(ruleWhatIf.data).toEqual({
      applicationsCompared: 2,
      changedCount: 1,
      changed: [
        { applicationId: evidenceOwner(), teacherName: 'Yohanes Tanaem', beforeSks: 10, afterSks: 9 },
      ],
    });
  });

  it('closes the previous version when a new one is approved, and never changes an approved one', async () => {
    const draft = await versionOf('PTM-PENGELASAN-LANJUT-JALUR', 2);
    const approved = await unnesHead.data(APPROVE_RULE, { id: globalId('EquivalenceRuleVersion', draft.id) });
    expect(approved.approveEquivalenceRule).toMatchObject({ data: { status: 'APPROVED', version: 2 } });
    const first = await versionOf('PTM-PENGELASAN-LANJUT-JALUR', 1);
    const dayBefore = new Date(draft.effectiveFrom.getTime() - 86_400_000);
    expect(first).toMatchObject({ status: 'APPROVED', effectiveTo: dayBefore });
    // Saving again drafts version 3; version 2 stays as approved.
    const next = await saveRule(
      unnes,
      'PTM-PENGELASAN-LANJUT-JALUR',
      ruleInput(course('PTM210'), {
        requirements: [{ kind: 'PATHWAY', pathwayCode: 'JALUR-PENGELASAN-INDUSTRI' }],
        coveredOutcomes: ['CPMK1', 'CPMK2', 'CPMK3'],
        coverage: { kind: 'ALL' },
        sks: 1,
        effectiveFrom: '2030-01-01',
      }),
    );
    expect(next).toMatchObject({ data: { version: 3, status: 'DRAFT' } });
    expect(await versionOf('PTM-PENGELASAN-LANJUT-JALUR', 2)).toMatchObject({ status: 'APPROVED', sks: 2 });
    await expect(
      api.database.prisma.$executeRawUnsafe(
        `UPDATE equivalence_rule_versions SET sks = 3 WHERE id = $1::uuid`,
        draft.id,
      ),
    ).rejects.toThrow(/approved: draft a new version instead/);
  });

  it('retires a version: proposed no more, while the submitted application keeps its stored proposal', async () => {
    const inspection = await versionOf('PTM-INSPEKSI-LAS', 1);
    const retired = await unnes.data(RETIRE_RULE, { id: globalId('EquivalenceRuleVersion', inspection.id) });
    expect(retired.retireEquivalenceRule).toMatchObject({ data: { status: 'RETIRED' } });
    const estimate = await estimateFor(yohanes, ids.ptm.gid);
    expect(estimate.proposed.map((row: { code: string }) => row.code)).not.toContain('PTM313');
    const { rplApplication } = await yohanes.data(APPLICATION, { id: yohanesApplication });
    expect(rplApplication).toMatchObject({
      status: 'SUBMITTED',
      proposedSks: 10,
      proposal: { totalSks: 10 },
    });
    expect(
      rplApplication.proposal.proposed.map((row: { code: string; sks: number; ruleCode: string }) => [
        row.code,
        row.sks,
        row.ruleCode,
      ]),
    ).toEqual(YOHANES_AT_PTM);
  });

  it('approves a version starting the day after the last (dates are inclusive), as the approver saw it', async () => {
    const saved = await saveRule(
      unnes,
      'PTM-CNC',
      ruleInput(course('PTM301'), {
        requirements: [{ kind: 'ACHIEVEMENT', achievementCode: 'kmg-cnc-berjalan' }],
        coveredOutcomes: ['CPMK1', 'CPMK2', 'CPMK3'],
        coverage: { kind: 'ALL' },
        sks: 3,
        effectiveFrom: '2024-08-02',
      }),
    );
    expect(saved).toMatchObject({ data: { version: 2, status: 'DRAFT' } });
    // The approver's screen showed an older edit of the draft: refused, nothing approved.
    const stale = await unnesHead.data(
      `mutation ($id: ID!, $seen: DateTime) { approveEquivalenceRule(versionId: $id, seenUpdatedAt: $seen) {
        __typename ... on Error { code } } }`,
      { id: saved.data.id, seen: '2024-01-01T00:00:00.000Z' },
    );
    expect(stale.approveEquivalenceRule).toMatchObject({ code: 'RULE_CHANGED_SINCE_SEEN' });
    const approved = await unnesHead.data(APPROVE_RULE, { id: saved.data.id });
    expect(approved.approveEquivalenceRule).toMatchObject({ data: { status: 'APPROVED', version: 2 } });
    expect(await versionOf('PTM-CNC', 1)).toMatchObject({
      status: 'APPROVED',
      effectiveTo: new Date('2024-08-01T00:00:00.000Z'),
    });
  });
});

describe('curriculum import', () => {
  it('previews a file with errors: every row error, nothing saved', async () => {
    const before = await api.database.prisma.curriculum.count();
    const response = await postCurriculum(unnes, {
      programmeGid: ids.ptm.gid,
      mode: 'preview',
      file: curriculumFile('curriculum-with-errors.csv'),
      name: 'curriculum-with-errors.csv',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: { row: number; code: string }[] };
    expect(body.errors.length).toBeGreaterThanOrEqual(8);
    expect(body.errors.every((error) => error.row > 1 && error.code)).toBe(true);
    expect(await api.database.prisma.curriculum.count()).toBe(before);
  });

  it('previews and saves the D4 XLSX as a new version, once', async () => {
    const file = curriculumFile('d4-teknologi-rekayasa-manufaktur.xlsx');
    const seeded = await api.database.prisma.course.count({
      where: { curriculum: { programmeId: ids.trm.id } },
    });
    const preview = await postCurriculum(polman, {
      programmeGid: ids.trm.gid,
      mode: 'preview',
      file,
      name: 'kurikulum.xlsx',
    });
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as {
      format: string;
      errors: unknown[];
      courseCount: number;
      totalSks: number;
    };
    expect(body).toMatchObject({ errors: [], courseCount: seeded, totalSks: 144 });
    const save = () =>
      postCurriculum(polman, {
        programmeGid: ids.trm.gid,
        mode: 'save',
        file,
        name: 'kurikulum.xlsx',
        version: '2030',
        effectiveFrom: '2030-08-01',
      });
    const saved = await save();
    expect(saved.status).toBe(201);
    const { curriculumId } = (await saved.json()) as { curriculumId: string };
    expect(await api.database.prisma.course.count({ where: { curriculumId } })).toBe(seeded);
    const again = await save();
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'CURRICULUM_VERSION_EXISTS' });
  });

  it('refuses staff of another university', async () => {
    const response = await postCurriculum(unnes, {
      programmeGid: ids.trm.gid,
      mode: 'preview',
      file: curriculumFile('d4-teknologi-rekayasa-manufaktur.xlsx'),
      name: 'kurikulum.xlsx',
    });
    expect(response.status).toBe(403);
  });
});
