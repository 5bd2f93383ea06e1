// Delivery to credential: provider staff record attendance and SKKNI assessments, submit; the
// manager approves; the queue issues signed Open Badges 3.0 credentials; anyone verifies them;
// revocation, suspension and amendments show up where verifiers look.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueCredential } from '@kmg/core/credentials/issue-credential';
import { verifyCredentialDocument } from '@kmg/core/credentials/verify-credential';
import { readStatus } from '@kmg/credentials';
import { defaultTrainingDays } from '@kmg/domain';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let callId: string;
let provider: TestClient;
let manager: TestClient;
const participants: { email: string; applicationId: string; gid: string }[] = [];
let unitIds: string[] = [];
let dayIds: string[] = [];

/** The official 1EdTech OB 3.0 JSON Schema, as published (shared/standards). */
const officialSchema = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL(
        '../../../packages/credentials/src/schema/ob_v3p0_achievementcredential_schema.json',
        import.meta.url,
      ),
    ),
    'utf8',
  ),
);

beforeAll(async () => {
  api = await startTestApi();
  const prisma = api.database.prisma;
  const template = await prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg-open-robot-las-lanjut' },
    include: { learningOutcomes: { orderBy: { position: 'asc' } } },
  });
  const call = await prisma.trainingCall.create({
    data: {
      programmeId: template.programmeId,
      providerId: template.providerId,
      skillAreaId: template.skillAreaId,
      title: 'Uji Kompetensi Robot Las (uji kredensial)',
      description: template.description,
      learningOutcomes: {
        create: template.learningOutcomes.map(({ code, textId, textEn, position }) => ({
          code,
          textId,
          textEn,
          position,
        })),
      },
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
      // Its attendance days, as createCall writes them with the dates.
      trainingDays: {
        create: defaultTrainingDays('2026-11-02', '2026-11-06').map((date) => ({
          date: new Date(`${date}T00:00:00Z`),
        })),
      },
      competencyUnits: {
        create: [
          { code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik', position: 0 },
          { code: 'C.282000.012.01', title: 'Memprogram Robot Las dengan Teach Pendant', position: 1 },
        ],
      },
    },
    include: { competencyUnits: { orderBy: { position: 'asc' } } },
  });
  callId = globalId('TrainingCall', call.id);
  unitIds = call.competencyUnits.map((unit) => unit.id);
  for (const email of [demo.teacher, 'eko.prasetyo@kmg.demo']) {
    const teacher = await prisma.user.findUniqueOrThrow({
      where: { email },
      include: { teacherProfile: true },
    });
    const application = await prisma.application.create({
      data: {
        callId: call.id,
        teacherId: teacher.id,
        schoolId: teacher.teacherProfile?.schoolId,
        motivation: 'x'.repeat(120),
        status: 'CONFIRMED',
        confirmedAt: new Date(),
      },
    });
    participants.push({ email, applicationId: application.id, gid: globalId('Application', application.id) });
  }
  provider = await api.signIn(demo.provider);
  manager = await api.signIn(demo.manager);
});
afterAll(() => api?.close());

const achievementInput = {
  achievementType: 'MicroCredential',
  nameId: 'Operator Robot Las Industri',
  nameEn: 'Industrial Welding Robot Operator',
  descriptionId: 'Guru SMK yang mampu memprogram dan mengoperasikan robot las industri dengan aman.',
  descriptionEn: 'SMK teachers able to program and operate an industrial welding robot safely.',
  criteriaId: 'Hadir minimal 80% dan Kompeten pada setiap unit SKKNI.',
  criteriaEn: 'Attend at least 80% and be competent in every SKKNI unit.',
  kkniLevel: 4,
  sks: 1,
  validityMonths: 36,
  assessmentMethod: 'Uji kompetensi per unit SKKNI oleh asesor berlisensi BNSP',
  qualityAssurance: 'Kurikulum ditelaah Direktorat SMK',
  assessmentKind: 'COMPETENCY',
  minAttendancePercent: 80,
};

async function waitForIssuance(total: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { trainingCall } = await manager.data(
      `query ($id: ID!) { trainingCall(id: $id) { issuanceProgress { queued issued failed total } } }`,
      { id: callId },
    );
    if (trainingCall.issuanceProgress.issued + trainingCall.issuanceProgress.failed >= total)
      return trainingCall.issuanceProgress;
    if (Date.now() > deadline)
      throw new Error(`issuance stuck: ${JSON.stringify(trainingCall.issuanceProgress)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('recording results', () => {
  it('lets the provider define the achievement and record attendance in bulk', async () => {
    const saved = await provider.data(
      `mutation ($id: ID!, $input: AchievementInput!) { saveAchievement(callId: $id, input: $input) { __typename ... on SaveAchievementSuccess { data { achievement { name kkniLevel } trainingDays { id date } } } } }`,
      { id: callId, input: achievementInput },
    );
    expect(saved.saveAchievement.data.achievement).toEqual({
      name: 'Operator Robot Las Industri',
      kkniLevel: 4,
    });
    dayIds = saved.saveAchievement.data.trainingDays.map((day: { id: string }) => day.id);
    expect(saved.saveAchievement.data.trainingDays.map((day: { date: string }) => day.date)).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
    ]);
    const [sri, eko] = participants as [(typeof participants)[number], (typeof participants)[number]];
    const entries = dayIds.flatMap((dayId, index) => [
      { applicationId: sri.gid, dayId, present: true },
      { applicationId: eko.gid, dayId, present: index < 3 },
    ]);
    const result = await provider.data(
      `mutation ($id: ID!, $entries: [AttendanceInput!]!) { recordAttendance(callId: $id, entries: $entries) { __typename } }`,
      {
        id: callId,
        entries,
      },
    );
    expect(result.recordAttendance.__typename).toBe('RecordAttendanceSuccess');
  });

  it("refuses another provider's staff", async () => {
    const other = await api.signIn(demo.otherProvider);
    const { recordAttendance } = await other.data(
      `mutation ($id: ID!, $entries: [AttendanceInput!]!) { recordAttendance(callId: $id, entries: $entries) { __typename ... on Error { code } } }`,
      {
        id: callId,
        entries: [{ applicationId: participants[0]?.gid, dayId: dayIds[0], present: true }],
      },
    );
    expect(recordAttendance).toEqual({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
  });

  it('refuses to submit until every unit is assessed, then records decisions with evidence', async () => {
    const early = await provider.data(
      `mutation ($id: ID!) { submitResults(callId: $id) { __typename ... on Error { code message } } }`,
      { id: callId },
    );
    expect(early.submitResults).toMatchObject({
      code: 'RESULTS_INCOMPLETE',
      message: 'Hasil 2 peserta belum lengkap.',
    });
    const ASSESS = `mutation ($a: ID!, $u: ID!, $input: AssessmentInput!) { recordAssessment(applicationId: $a, unitId: $u, input: $input) {
      __typename ... on RecordAssessmentSuccess { data { decision evidence { kind name url } application { assessments { unitId } } } } ... on ValidationError { fieldErrors { path code } } } }`;
    const badLink = await provider.data(ASSESS, {
      a: participants[0]?.gid,
      u: unitIds[0],
      input: { decision: 'KOMPETEN', links: [{ name: 'Foto', url: 'bukan tautan' }] },
    });
    expect(badLink.recordAssessment.fieldErrors).toEqual([
      { path: ['input', 'links', '0', 'url'], code: 'INVALID_FORMAT' },
    ]);
    for (const participant of participants) {
      for (const [index, unitId] of unitIds.entries()) {
        const result = await provider.data(ASSESS, {
          a: participant.gid,
          u: unitId,
          input: {
            decision: 'KOMPETEN',
            notes: 'Lulus observasi praktik.',
            links: [{ name: 'Video uji praktik', url: 'https://contoh.id/video/uji' }],
          },
        });
        expect(result.recordAssessment.data.decision).toBe('KOMPETEN');
        // The decision comes back with its participant, every unit assessed so far included.
        expect(result.recordAssessment.data.application.assessments).toEqual(
          unitIds.slice(0, index + 1).map((id) => ({ unitId: id })),
        );
      }
    }
    const { application } = await provider.data(
      `query ($a: ID!, $u: ID!, $none: ID!) { application(id: $a) { assessment(unitId: $u) { unitId decision evidence { kind } } none: assessment(unitId: $none) { unitId } } }`,
      { a: participants[0]?.gid, u: unitIds[1], none: '00000000-0000-7000-8000-000000000000' },
    );
    expect(application).toEqual({
      assessment: { unitId: unitIds[1], decision: 'KOMPETEN', evidence: [{ kind: 'LINK' }] },
      none: null,
    });
    const { trainingCall } = await provider.data(
      `query ($id: ID!) { trainingCall(id: $id) { participants(first: 10) { edges { node { teacher { name } completion { attendancePercent passed reasons { message } } } } } } }`,
      { id: callId },
    );
    expect(
      trainingCall.participants.edges.map((edge: any) => [edge.node.teacher.name, edge.node.completion]),
    ).toEqual([
      ['Sri Wahyuni', { attendancePercent: 100, passed: true, reasons: [] }],
      [
        'Eko Prasetyo',
        {
          attendancePercent: 60,
          passed: false,
          reasons: [{ message: 'Kehadiran 60% di bawah syarat 80%.' }],
        },
      ],
    ]);
  });

  it('accepts an evidence file by upload, checking its type from its bytes', async () => {
    const assessment = await api.database.prisma.unitAssessment.findFirstOrThrow({
      where: { applicationId: participants[0]?.applicationId },
    });
    const upload = (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      return provider.request(`/api/evidence?assessmentId=${assessment.id}`, { method: 'POST', body: form });
    };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const accepted = await upload(pdf, 'lembar-observasi.pdf');
    expect(accepted.status).toBe(201);
    expect((await accepted.json()) as any).toMatchObject({
      name: 'lembar-observasi.pdf',
      mimeType: 'application/pdf',
    });
    const disguised = await upload(Buffer.from('#!/bin/sh\necho hi\n'), 'foto.jpg');
    expect(disguised.status).toBe(415);
    expect(((await disguised.json()) as any).code).toBe('FILE_TYPE');
  });

  it('removes a wrong piece of evidence, file and all, only for those who deliver the call', async () => {
    const assessment = await api.database.prisma.unitAssessment.findFirstOrThrow({
      where: { applicationId: participants[0]?.applicationId },
    });
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'salah-peserta.pdf');
    const created = (await (
      await provider.request(`/api/evidence?assessmentId=${assessment.id}`, { method: 'POST', body: form })
    ).json()) as { id: string };
    const { storageKey } = await api.database.prisma.evidence.findUniqueOrThrow({
      where: { id: created.id },
    });
    const remove = (client: TestClient) =>
      client.request(`/api/evidence/${created.id}`, { method: 'DELETE', headers: { 'x-kmg-upload': '1' } });

    expect((await readFile(join(api.mailDir, 'uploads', storageKey as string))).length).toBeGreaterThan(0);
    const stranger = await api.signIn('inlastek@kmg.demo');
    expect((await remove(stranger)).status).toBe(403);
    expect((await remove(api.client())).status).toBe(401);
    expect((await remove(provider)).status).toBe(204);
    expect(await api.database.prisma.evidence.findUnique({ where: { id: created.id } })).toBeNull();
    await expect(readFile(join(api.mailDir, 'uploads', storageKey as string))).rejects.toThrow(/ENOENT/);
    expect((await remove(provider)).status).toBe(404);
  });
});

describe('approval and issuance', () => {
  it('submits, approves, and issues a signed credential to whoever passed, in the background', async () => {
    const submitted = await provider.data(
      `mutation ($id: ID!) { submitResults(callId: $id) { __typename } }`,
      { id: callId },
    );
    expect(submitted.submitResults.__typename).toBe('SubmitResultsSuccess');
    await api.waitForEmail(demo.manager, /Hasil pelatihan menunggu persetujuan/);

    // The manager sends them back once, with a reason the provider reads; the provider resubmits.
    const RETURN = `mutation ($id: ID!, $reason: String!) { returnResults(callId: $id, reason: $reason) {
      __typename ... on ReturnResultsSuccess { data { resultsStatus } } ... on ValidationError { fieldErrors { path code } } ... on Error { code } } }`;
    const tooShort = await manager.data(RETURN, { id: callId, reason: 'Cek.' });
    expect(tooShort.returnResults.fieldErrors).toEqual([{ path: ['reason'], code: 'TOO_SHORT' }]);
    const byStaff = await provider.gql(RETURN, { id: callId, reason: 'Mengembalikan hasil sendiri.' });
    expect(byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reason = 'Mohon lampirkan foto benda kerja untuk unit kedua sebelum disetujui.';
    const returned = await manager.data(RETURN, { id: callId, reason });
    expect(returned.returnResults.data.resultsStatus).toBe('RECORDING');
    await api.waitForEmail(demo.provider, /Hasil pelatihan dikembalikan/);
    const again = await provider.data(`mutation ($id: ID!) { submitResults(callId: $id) { __typename } }`, {
      id: callId,
    });
    expect(again.submitResults.__typename).toBe('SubmitResultsSuccess');
    const { trainingCall } = await manager.data(
      `query ($id: ID!) { trainingCall(id: $id) { viewerCanRun viewerCanDeliver resultsHistory { action reason actor { name } } } }`,
      { id: callId },
    );
    expect(trainingCall.viewerCanRun).toBe(true);
    expect(
      trainingCall.resultsHistory.map((e: { action: string; reason: string | null }) => [e.action, e.reason]),
    ).toEqual([
      ['delivery.results_submitted', null],
      ['delivery.results_returned', reason],
      ['delivery.results_submitted', null],
    ]);
    const providerView = await provider.data(
      `query ($id: ID!) { trainingCall(id: $id) { viewerCanRun viewerCanDeliver } }`,
      { id: callId },
    );
    expect(providerView.trainingCall).toEqual({ viewerCanRun: false, viewerCanDeliver: true });

    const edit = await provider.data(
      `mutation ($id: ID!, $entries: [AttendanceInput!]!) { recordAttendance(callId: $id, entries: $entries) { __typename ... on Error { code } } }`,
      {
        id: callId,
        entries: [{ applicationId: participants[1]?.gid, dayId: dayIds[4], present: true }],
      },
    );
    expect(edit.recordAttendance.code).toBe('RESULTS_LOCKED');
    const byProvider = await provider.gql(
      `mutation ($id: ID!) { approveResults(callId: $id) { __typename } }`,
      { id: callId },
    );
    expect(byProvider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = await manager.data(
      `mutation ($id: ID!) { approveResults(callId: $id) { __typename ... on ApproveResultsSuccess { data { status resultsStatus } } } }`,
      { id: callId },
    );
    expect(approved.approveResults.data).toEqual({ status: 'COMPLETED', resultsStatus: 'APPROVED' });
    await api.waitForEmail(demo.provider, /Hasil pelatihan disetujui/);
    expect(await waitForIssuance(1)).toEqual({ queued: 0, issued: 1, failed: 0, total: 1 });
  });

  it("puts the credential in the teacher's wallet, valid against the official 1EdTech schema", async () => {
    const teacher = await api.signIn(demo.teacher);
    const { myCredentials } = await teacher.data(
      `query { myCredentials { id credentialId name status learnerName issuerName awardedAt document pdfUrl jsonUrl verifyUrl linkedInUrl } }`,
    );
    const credential = myCredentials.find((c: { name: string }) => c.name === 'Operator Robot Las Industri');
    expect(credential).toMatchObject({
      status: 'ACTIVE',
      learnerName: 'Sri Wahyuni',
      issuerName: 'PT Unggul Semesta',
    });
    const document = JSON.parse(credential.document);
    // Awarded when the programme approved the results (signed, validFrom, when the job ran).
    const { application } = await api.database.prisma.credential.findUniqueOrThrow({
      where: { id: credential.credentialId },
      select: { application: { select: { call: { select: { resultsApprovedAt: true } } } } },
    });
    // To the second, as OB dates are written.
    const approvedAt = Math.floor((application?.call.resultsApprovedAt?.getTime() ?? 0) / 1000) * 1000;
    expect(new Date(credential.awardedAt).getTime()).toBe(approvedAt);
    expect(new Date(document.awardedDate).getTime()).toBe(approvedAt);
    expect(new Date(document.validFrom).getTime()).toBeGreaterThanOrEqual(approvedAt);
    const ajv = new Ajv2019({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(officialSchema);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(document.proof[0]).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
    });
    expect(document.credentialSubject.result.map((r: { value?: string }) => r.value)).toEqual([
      'Kompeten',
      'Kompeten',
    ]);
    expect(credential.linkedInUrl).toMatch(
      /^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME&name=Operator/,
    );

    const json = await teacher.request(credential.jsonUrl);
    expect(JSON.parse(await json.text()).id).toBe(`urn:uuid:${credential.credentialId}`);
    const pdf = await api.client().request(credential.pdfUrl);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('resolves the achievement and its picture that the credential names, for anyone', async () => {
    const teacher = await api.signIn(demo.teacher);
    const { myCredentials } = await teacher.data(`query { myCredentials { name document } }`);
    const credential = myCredentials.find((c: { name: string }) => c.name === 'Operator Robot Las Industri');
    const { achievement } = JSON.parse(credential.document).credentialSubject;
    expect(achievement.image).toEqual({
      id: `${achievement.id}/image.svg`,
      type: 'Image',
      caption: 'Operator Robot Las Industri',
    });

    const described = await fetch(`${api.url}${new URL(achievement.id).pathname}`);
    expect(described.status).toBe(200);
    expect(described.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const body = (await described.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: achievement.id, name: achievement.name, type: achievement.type });
    expect(body['@context']).toEqual(JSON.parse(credential.document)['@context']);

    const picture = await fetch(`${api.url}${new URL(achievement.image.id).pathname}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(picture.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const svg = await picture.text();
    expect(svg).toContain('<title>Operator Robot Las Industri</title>');
    expect(svg).toContain('>KREDENSIAL MIKRO</text>');

    const unknown = `${api.url}/achievements/00000000-0000-4000-8000-000000000000`;
    expect((await fetch(unknown)).status).toBe(404);
    expect((await fetch(`${unknown}/image.svg`)).status).toBe(404);
    expect((await fetch(`${api.url}/achievements/not-an-id/image.svg`)).status).toBe(404);
  });

  it('answers anyone who follows the issuer and SKKNI links inside a credential', async () => {
    const teacher = await api.signIn(demo.teacher);
    const { myCredentials } = await teacher.data(`query { myCredentials { name document } }`);
    const credential = myCredentials.find((c: { name: string }) => c.name === 'Operator Robot Las Industri');
    const document = JSON.parse(credential.document);
    const unit = document.credentialSubject.achievement.alignment.find(
      (a: { targetFramework: string }) => a.targetFramework === 'SKKNI',
    );
    const slugOf = (url: string) => new URL(url).pathname.split('/').pop() as string;

    const anyone = api.client();
    const { issuer, parent, skkniUnit, unknownUnit, notACode } = await anyone.data(
      `query ($slug: String!, $parent: String!, $code: String!) {
        issuer(slug: $slug) { slug name kind did didDocumentUrl parentName parentSlug credentialCount }
        parent: issuer(slug: $parent) { name kind }
        skkniUnit(code: $code) { code title trainings { title } }
        unknownUnit: skkniUnit(code: "Z.999999.999.99") { code }
        notACode: skkniUnit(code: "robot las") { code }
      }`,
      {
        slug: slugOf(document.issuer.url),
        parent: slugOf(document.issuer.parentOrg.id),
        code: slugOf(unit.targetUrl),
      },
    );
    expect(issuer).toMatchObject({
      slug: 'pt-unggul-semesta',
      name: 'PT Unggul Semesta',
      kind: 'PROVIDER',
      did: document.issuer.id,
      didDocumentUrl: '/issuers/pt-unggul-semesta/did.json',
      parentName: 'Direktorat Sekolah Menengah Kejuruan',
      parentSlug: 'dit-smk',
    });
    expect(issuer.credentialCount).toBeGreaterThan(0);
    expect(parent).toEqual({ name: 'Direktorat Sekolah Menengah Kejuruan', kind: 'MINISTRY' });
    expect(skkniUnit).toMatchObject({ code: unit.targetCode, title: unit.targetName });
    expect(skkniUnit.trainings.map((call: { title: string }) => call.title)).toContain(
      'Pelatihan Pengoperasian Robot Las Industri',
    );
    expect(unknownUnit).toBeNull();
    expect(notACode).toBeNull();
    const { school } = await anyone.data(`query { school: issuer(slug: "smkn-10-semarang") { name } }`);
    expect(school).toBeNull();
  });

  it('never issues twice, whatever runs the job again', async () => {
    await issueCredential(participants[0]?.applicationId ?? '');
    expect(
      await api.database.prisma.credential.count({
        where: { applicationId: participants[0]?.applicationId },
      }),
    ).toBe(1);
  });
});

describe('verification', () => {
  async function stored() {
    return api.database.prisma.credential.findFirstOrThrow({
      where: { applicationId: participants[0]?.applicationId },
      orderBy: { revision: 'desc' },
    });
  }
  const VERIFY = `query ($id: String, $document: String) { verifyCredential(id: $id, document: $document) {
    valid revocationReason checks { name ok code message }
    credential { status trainingStartDate trainingEndDate call { title } } } }`;

  it('says valid, check by check, without anyone signing in', async () => {
    const credential = await stored();
    const { verifyCredential } = await api.client().data(VERIFY, { id: credential.id });
    expect(
      verifyCredential.checks.map(
        (c: { name: string; ok: boolean; code: string }) => `${c.name}:${c.ok}:${c.code}`,
      ),
    ).toEqual([
      'schema:true:valid',
      'signature:true:valid',
      'issuer:true:valid',
      'status:true:active',
      'validity:true:valid',
    ]);
    expect(verifyCredential.valid).toBe(true);
    expect(verifyCredential.credential).toMatchObject({
      status: 'ACTIVE',
      trainingStartDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      call: { title: expect.any(String) },
    });
  });

  it('rejects a tampered file, through GraphQL and through plain HTTP', async () => {
    const document = (await stored()).document as {
      credentialSubject: { name?: string; achievement: { name: string } };
    };
    const tampered = JSON.parse(JSON.stringify(document));
    tampered.credentialSubject.achievement.name = 'Operator Robot Las Industri Tingkat Ahli';
    const { verifyCredential } = await api.client().data(VERIFY, { document: JSON.stringify(tampered) });
    expect(verifyCredential.valid).toBe(false);
    expect(verifyCredential.checks.find((c: { name: string }) => c.name === 'signature')).toMatchObject({
      ok: false,
      code: 'signature_invalid',
    });
    const http = await fetch(`${api.url}/api/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(tampered),
    });
    expect(((await http.json()) as any).valid).toBe(false);
    const garbage = await api.client().data(VERIFY, { document: 'bukan json' });
    expect(garbage.verifyCredential.valid).toBe(false);
  });

  it('publishes the issuer key where its did:web points, and the status list', async () => {
    const credential = await stored();
    const document = credential.document as {
      issuer: { id: string };
      credentialStatus: { statusListCredential: string; statusListIndex: string };
    };
    const did = (await fetch(`${api.url}/issuers/pt-unggul-semesta/did.json`).then((r) => r.json())) as any;
    expect(did.id).toBe(document.issuer.id);
    expect(did.assertionMethod).toHaveLength(1);
    const statusPath = new URL(document.credentialStatus.statusListCredential).pathname;
    const list = (await fetch(`${api.url}${statusPath}`).then((r) => r.json())) as any;
    expect(list.type).toContain('BitstringStatusListCredential');
    expect(
      await readStatus({
        encodedList: list.credentialSubject.encodedList,
        index: Number(document.credentialStatus.statusListIndex),
      }),
    ).toBe(false);
  });

  it('suspends and reinstates; revokes with a reason that the page and the status list show', async () => {
    const credential = await stored();
    const id = globalId('Credential', credential.id);
    const SUSPEND = `mutation ($id: ID!, $reason: String!) { suspendCredential(id: $id, reason: $reason) { __typename ... on SuspendCredentialSuccess { data { status } } } }`;
    expect(
      (await manager.data(SUSPEND, { id, reason: 'Sedang diperiksa ulang oleh asesor.' })).suspendCredential
        .data.status,
    ).toBe('SUSPENDED');
    const suspended = await api.client().data(VERIFY, { id: credential.id });
    expect(
      suspended.verifyCredential.checks.find((c: { name: string }) => c.name === 'status'),
    ).toMatchObject({ ok: false, code: 'suspended' });
    await manager.data(`mutation ($id: ID!) { reinstateCredential(id: $id) { __typename } }`, { id });
    expect((await api.client().data(VERIFY, { id: credential.id })).verifyCredential.valid).toBe(true);

    const teacher = await api.signIn(demo.teacher);
    const byTeacher = await teacher.gql(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Saya ingin mencabutnya.") { __typename } }`,
      { id },
    );
    expect(byTeacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const REVOKE = `mutation ($id: ID!, $reason: String!) { revokeCredential(id: $id, reason: $reason) { __typename ... on RevokeCredentialSuccess { data { status revocationReason } } ... on Error { code } } }`;
    const revoked = await manager.data(REVOKE, {
      id,
      reason: 'Bukti uji praktik ternyata milik peserta lain.',
    });
    expect(revoked.revokeCredential.data).toEqual({
      status: 'REVOKED',
      revocationReason: 'Bukti uji praktik ternyata milik peserta lain.',
    });
    const again = await manager.data(REVOKE, { id, reason: 'Dicabut dua kali seharusnya ditolak.' });
    expect(again.revokeCredential.code).toBe('ALREADY_REVOKED');
    const { verifyCredential } = await api.client().data(VERIFY, { id: credential.id });
    expect(verifyCredential).toMatchObject({
      valid: false,
      revocationReason: 'Bukti uji praktik ternyata milik peserta lain.',
    });
    expect(verifyCredential.checks.find((c: { name: string }) => c.name === 'status')).toMatchObject({
      ok: false,
      code: 'revoked',
    });
    const document = credential.document as {
      credentialStatus: { statusListCredential: string; statusListIndex: string };
    };
    const list = (await fetch(
      `${api.url}${new URL(document.credentialStatus.statusListCredential).pathname}`,
    ).then((r) => r.json())) as any;
    expect(
      await readStatus({
        encodedList: list.credentialSubject.encodedList,
        index: Number(document.credentialStatus.statusListIndex),
      }),
    ).toBe(true);
    // The list is valid from the revocation itself: a verifier whose clock reads that very
    // instant already sees "revoked", not a list from its future.
    const { revokedAt } = await api.database.prisma.credential.findUniqueOrThrow({
      where: { id: credential.id },
    });
    expect(list.validFrom).toBe(`${(revokedAt as Date).toISOString().slice(0, 19)}Z`);
    const atThatInstant = await verifyCredentialDocument(credential.document, revokedAt as Date);
    expect(atThatInstant.checks.status).toMatchObject({ ok: false, code: 'revoked' });
  });

  it('keeps an issued credential final in the database itself', async () => {
    const credential = await stored();
    await expect(
      api.database.prisma.$executeRawUnsafe(
        `UPDATE credentials SET document = '{}' WHERE id = '${credential.id}'`,
      ),
    ).rejects.toThrow(/cannot be changed/);
  });
});

describe('amendments', () => {
  it('corrects a result after approval only through a recorded amendment, then issues the credential', async () => {
    const eko = participants[1] as (typeof participants)[number];
    const proposed = await provider.data(
      `mutation ($a: ID!, $input: AmendmentInput!) { proposeAmendment(applicationId: $a, input: $input) { __typename ... on ProposeAmendmentSuccess { data { amendments { id status } } } } }`,
      {
        a: eko.gid,
        input: {
          reason: 'Daftar hadir hari keempat dan kelima tertinggal di lokasi; sudah ditandatangani peserta.',
          attendance: [
            { dayId: dayIds[3], present: true },
            { dayId: dayIds[4], present: true },
          ],
        },
      },
    );
    const amendment = proposed.proposeAmendment.data.amendments[0];
    expect(amendment.status).toBe('PROPOSED');
    const decided = await manager.data(
      `mutation ($id: ID!) { decideAmendment(id: $id, approve: true) { __typename ... on DecideAmendmentSuccess { data { completion { passed } history { action } } } } }`,
      {
        id: amendment.id,
      },
    );
    expect(decided.decideAmendment.data.completion.passed).toBe(true);
    expect(decided.decideAmendment.data.history.map((e: { action: string }) => e.action)).toContain(
      'delivery.amendment_applied',
    );
    expect(await waitForIssuance(2)).toMatchObject({ issued: 2, failed: 0 });
    expect(await api.database.prisma.credential.count({ where: { applicationId: eko.applicationId } })).toBe(
      1,
    );
  });
});

describe('issuer key rotation', () => {
  const ROTATE = `mutation ($org: ID!) { rotateIssuerKey(organizationId: $org) {
    __typename ... on RotateIssuerKeySuccess { data { keyId } } } }`;
  const methodOf = (document: unknown) =>
    (document as { proof: { verificationMethod: string }[] }).proof[0]?.verificationMethod;

  it('lets only an admin rotate; old credentials keep verifying and new ones use the new key', async () => {
    const org = await api.database.prisma.organization.findUniqueOrThrow({
      where: { code: 'pt-unggul-semesta' },
    });
    const eko = participants[1] as (typeof participants)[number];
    const before = await api.database.prisma.credential.findFirstOrThrow({
      where: { applicationId: eko.applicationId, revokedAt: null },
    });

    const refused = await manager.gql(ROTATE, { org: globalId('Organization', org.id) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const admin = await api.signIn(demo.admin);
    const { rotateIssuerKey } = await admin.data(ROTATE, { org: globalId('Organization', org.id) });
    const newKey: string = rotateIssuerKey.data.keyId;
    expect(methodOf(before.document)).not.toContain(newKey);

    const did = (await fetch(`${api.url}/issuers/pt-unggul-semesta/did.json`).then((r) => r.json())) as any;
    expect(did.assertionMethod).toHaveLength(2);
    expect((await verifyCredentialDocument(before.document)).valid).toBe(true);

    // The revoked credential of the first participant is issued again: signed with the new key.
    const first = participants[0] as (typeof participants)[number];
    await issueCredential(first.applicationId);
    const reissued = await api.database.prisma.credential.findFirstOrThrow({
      where: { applicationId: first.applicationId, revokedAt: null },
    });
    expect(methodOf(reissued.document)).toContain(newKey);
    expect((await verifyCredentialDocument(reissued.document)).valid).toBe(true);
  });
});

describe('achievement versions', () => {
  const SAVE = `mutation ($id: ID!, $input: AchievementInput!) { saveAchievement(callId: $id, input: $input) {
    __typename ... on SaveAchievementSuccess { data { achievement { id nameEn } } } } }`;
  const withContent = {
    units: { orderBy: { position: 'asc' } },
    learningOutcomes: { orderBy: { position: 'asc' } },
  } as const;

  async function theCall() {
    const first = participants[0] as (typeof participants)[number];
    const { call } = await api.database.prisma.application.findUniqueOrThrow({
      where: { id: first.applicationId },
      select: {
        call: {
          include: {
            achievement: { include: withContent },
            competencyUnits: { orderBy: { position: 'asc' } },
            learningOutcomes: { orderBy: { position: 'asc' } },
          },
        },
      },
    });
    return call;
  }

  it("publishes the version a call awards with its first credential, frozen with the call's units and outcomes", async () => {
    const call = await theCall();
    expect(call.achievement).toMatchObject({
      code: call.id,
      version: 1,
      status: 'PUBLISHED',
      ownerId: call.providerId,
    });
    expect(call.achievement?.publishedAt).toBeInstanceOf(Date);
    expect(call.achievement?.units.map((unit) => unit.unitCode)).toEqual(
      call.competencyUnits.map((unit) => unit.code),
    );
    expect(call.achievement?.learningOutcomes.map((outcome) => [outcome.code, outcome.textId])).toEqual(
      call.learningOutcomes.map((outcome) => [outcome.code, outcome.textId]),
    );
    const awarded = await api.database.prisma.credential.findMany({
      where: { application: { callId: call.id } },
      select: { achievementId: true },
    });
    expect(new Set(awarded.map((credential) => credential.achievementId))).toEqual(
      new Set([call.achievementId]),
    );
  });

  it("makes the next version when a later cohort's template changes, leaving issued credentials on theirs", async () => {
    const prisma = api.database.prisma;
    const call = await theCall();
    const published = call.achievement;
    if (!published) throw new Error('the call awards no achievement');
    // The next cohort of the same training awards the same (published) version at first.
    const {
      id: _id,
      code: _code,
      achievement: _achievement,
      competencyUnits,
      learningOutcomes,
      eligibilityRules,
      rubric,
      seatsPerProvince: _seatsPerProvince,
      createdAt: _createdAt,
      updatedAt: _updatedAt,
      ...fields
    } = call;
    const next = await prisma.trainingCall.create({
      data: {
        ...fields,
        title: `${call.title} (angkatan 2027)`,
        eligibilityRules: eligibilityRules ?? {},
        rubric: rubric ?? [],
        startDate: new Date('2027-11-01T00:00:00Z'),
        endDate: new Date('2027-11-05T00:00:00Z'),
        status: 'IN_TRAINING',
        resultsStatus: 'RECORDING',
        resultsSubmittedAt: null,
        resultsApprovedAt: null,
        competencyUnits: {
          create: competencyUnits.map(({ code, title, position }) => ({ code, title, position })),
        },
        learningOutcomes: {
          create: learningOutcomes.map(({ code, textId, textEn, position }) => ({
            code,
            textId,
            textEn,
            position,
          })),
        },
      },
    });
    expect(next.achievementId).toBe(published.id);

    const saved = await provider.data(SAVE, {
      id: globalId('TrainingCall', next.id),
      input: { ...achievementInput, nameEn: 'Industrial Welding Robot Operator (2027)' },
    });
    const version2 = await prisma.achievement.findUniqueOrThrow({
      where: { id: saved.saveAchievement.data.achievement.id },
      include: withContent,
    });
    expect(version2).toMatchObject({
      code: published.code,
      version: 2,
      status: 'DRAFT',
      ownerId: published.ownerId,
      nameEn: 'Industrial Welding Robot Operator (2027)',
      publishedAt: null,
    });
    expect(version2.units.map((unit) => unit.unitCode)).toEqual(published.units.map((unit) => unit.unitCode));
    expect((await prisma.trainingCall.findUniqueOrThrow({ where: { id: next.id } })).achievementId).toBe(
      version2.id,
    );
    // Version 1 is as it was, and still what the first cohort awards and its credentials name.
    expect(await prisma.achievement.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({
      version: 1,
      status: 'PUBLISHED',
      nameEn: published.nameEn,
      updatedAt: published.updatedAt,
    });
    expect((await theCall()).achievementId).toBe(published.id);

    // Saved again while a draft: edited in place, no third version.
    const again = await provider.data(SAVE, {
      id: globalId('TrainingCall', next.id),
      input: { ...achievementInput, nameEn: 'Industrial Welding Robot Operator, 2027 cohort' },
    });
    expect(again.saveAchievement.data.achievement).toEqual({
      id: version2.id,
      nameEn: 'Industrial Welding Robot Operator, 2027 cohort',
    });
    expect(await prisma.achievement.count({ where: { code: published.code } })).toBe(2);
  });
});
