// Pathways end to end through the API and the job queue: the seeded credentials are issued at
// start-up and the queue awards the demo pathway to the teacher who completes it; awards are made
// exactly once; a revoked component opens a review; the builder drafts, previews and publishes,
// and publishing awards everyone who already qualifies; an imported credential fills an item.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateTeacherPathways } from '@kmg/core/pathways/award';
import { validateClrCredential } from '@kmg/credentials';
import { signExternalTestBadge } from '@kmg/credentials/testing';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

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
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateOb = ajv.compile(officialSchema);

const COMPLETE = 'yohanes.tanaem@kmg.demo';
const WELDING = 'JALUR-PENGELASAN-INDUSTRI';

let api: TestApi;
let manager: TestClient;
let teacher: TestClient;

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function teacherId(email: string) {
  return (await api.database.prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

function awardsOf(id: string, code = WELDING) {
  return api.database.prisma.credential.findMany({
    where: { teacherId: id, kind: 'PATHWAY', pathwayVersion: { pathway: { code } } },
    include: { components: true },
  });
}

beforeAll(async () => {
  api = await startTestApi();
  manager = await api.signIn(demo.manager);
  teacher = await api.signIn(demo.teacher);
  // The seeded results are issued by the queue at start-up.
  await waitFor('the seeded credentials', async () => {
    const pending = await api.database.prisma.credentialIssuance.count({
      where: { status: { not: 'ISSUED' } },
    });
    return pending === 0;
  });
});
afterAll(() => api?.close());

describe('awarding', () => {
  it('awards the demo pathway to the teacher whose issued credentials complete it, without anyone awarding it', async () => {
    const id = await teacherId(COMPLETE);
    const [award] = await waitFor('the award', async () => {
      const awards = await awardsOf(id);
      return awards.length > 0 && awards;
    });
    const components = await api.database.prisma.credential.findMany({
      where: { id: { in: award?.components.map((row) => row.componentId) } },
      include: { achievement: true },
    });
    expect(components.map((row) => row.achievement?.code).sort()).toEqual([
      'kmg25-robot-las',
      'kmg25-welding-inspector',
    ]);
    const document = award?.document as Record<string, any>;
    expect(validateOb(document), JSON.stringify(validateOb.errors)).toBe(true);
    expect(document.proof[0].cryptosuite).toBe('eddsa-rdfc-2022');
    expect(document.credentialSubject.achievement.name).toBe('Teknologi Pengelasan Industri');
    // The summed hours (40 + 80) and SKS (1 + 2) of its components, and each component by its page.
    expect(document.credentialSubject.achievement.tag).toContain('mc:workload-hours=120');
    expect(document.credentialSubject.creditsEarned).toBe(3);
    expect(document.evidence.map((entry: { id: string }) => entry.id).sort()).toEqual(
      components.map((row) => `${api.url}/verify/${row.id}`).sort(),
    );
    const verified = await (
      await fetch(`${api.url}/api/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(document),
      })
    ).json();
    expect(verified).toMatchObject({ valid: true, kind: 'OpenBadgeCredential' });
  });

  it('issues the CLR 2.0 bundle with it: schema-valid, verified as a whole and per embedded credential', async () => {
    const id = await teacherId(COMPLETE);
    const [award] = await awardsOf(id);
    const response = await fetch(`${api.url}/credentials/${award?.id}/clr.json`);
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as Record<string, any>;
    expect(validateClrCredential(bundle)).toMatchObject({ ok: true });
    const embedded = bundle.credentialSubject.verifiableCredential as Record<string, any>[];
    expect(embedded).toHaveLength(3);
    // Exactly as signed.
    expect(embedded[0]).toEqual(award?.document);
    const associations = bundle.credentialSubject.association as { associationType: string }[];
    expect(associations.filter((a) => a.associationType === 'isParentOf')).toHaveLength(2);
    expect(associations.filter((a) => a.associationType === 'isChildOf')).toHaveLength(2);
    const { verifyCredential } = await manager.data(
      `query ($d: String!) { verifyCredential(document: $d) { valid kind embedded { valid kind credentialId } } }`,
      { d: JSON.stringify(bundle) },
    );
    expect(verifyCredential.valid).toBe(true);
    expect(verifyCredential.kind).toBe('ClrCredential');
    expect(verifyCredential.embedded.map((entry: { valid: boolean }) => entry.valid)).toEqual([
      true,
      true,
      true,
    ]);
    // A changed embedded credential fails on its own and breaks the bundle's signature.
    embedded[1] = { ...embedded[1], name: 'Diubah' };
    const { verifyCredential: tampered } = await manager.data(
      `query ($d: String!) { verifyCredential(document: $d) { valid embedded { valid } } }`,
      { d: JSON.stringify(bundle) },
    );
    expect(tampered.valid).toBe(false);
    expect(tampered.embedded.map((entry: { valid: boolean }) => entry.valid)).toEqual([true, false, true]);
  });

  it('awards once, however often and however concurrently it is evaluated', async () => {
    const id = await teacherId(COMPLETE);
    const now = api.clock.now();
    const outcomes = await Promise.all([
      evaluateTeacherPathways(id, now),
      evaluateTeacherPathways(id, now),
      evaluateTeacherPathways(id, now),
    ]);
    expect(outcomes.flat()).toEqual([]);
    expect(await awardsOf(id)).toHaveLength(1);
    await expect(
      api.database.prisma.$executeRawUnsafe(
        `INSERT INTO credentials (id, kind, teacher_id, issuer_id, achievement_id, pathway_version_id, document, source, valid_from, revocation_list_id, status_index)
         SELECT gen_random_uuid(), kind, teacher_id, issuer_id, achievement_id, pathway_version_id, document, source, valid_from, revocation_list_id, status_index + 100000
         FROM credentials WHERE kind = 'PATHWAY' AND teacher_id = $1::uuid`,
        id,
      ),
    ).rejects.toThrow(/credentials_pathway_version_id_teacher_id_key|unique/i);
  });

  it('shows the demo teacher what is done, what is missing and which open training would fill it', async () => {
    const { myPathways } = await teacher.data(`{ myPathways {
      isComplete concernsTeacher progressPercent award { id }
      version { code title illustrative }
      items { item { itemId label } isFilled isMissing openTrainings { title } }
      notCounted { reason message }
    } }`);
    const welding = myPathways.find((p: { version: { code: string } }) => p.version.code === WELDING);
    expect(welding).toMatchObject({ isComplete: false, concernsTeacher: true, award: null, notCounted: [] });
    expect(welding.version).toMatchObject({ title: 'Teknologi Pengelasan Industri', illustrative: true });
    expect(
      welding.items.map((item: { item: { itemId: string }; isFilled: boolean; isMissing: boolean }) => [
        item.item.itemId,
        item.isFilled,
        item.isMissing,
      ]),
    ).toEqual([
      ['robot-las', true, false],
      ['inspektur-las', false, true],
    ]);
    const automation = myPathways.find(
      (p: { version: { code: string } }) => p.version.code === 'JALUR-OTOMASI-ROBOTIKA',
    );
    const open = Object.fromEntries(
      automation.items.map((item: { item: { itemId: string }; openTrainings: { title: string }[] }) => [
        item.item.itemId,
        item.openTrainings.length,
      ]),
    );
    expect(open['robot-lanjut']).toBeGreaterThan(0);
    expect(open['plc-hmi']).toBeGreaterThan(0);
  });

  it('explains in English why a credential does not count', async () => {
    const id = await teacherId(demo.teacher);
    const robot = await api.database.prisma.credential.findFirstOrThrow({
      where: { teacherId: id, kind: 'TRAINING', achievement: { code: 'kmg25-robot-las' } },
    });
    await api.database.prisma.credential.update({
      where: { id: robot.id },
      data: { suspendedAt: new Date() },
    });
    try {
      const english = await api.signIn(demo.teacher, { locale: 'en' });
      const { myPathways } = await english.data(
        `{ myPathways { version { code } notCounted { credentialId reason message } } }`,
      );
      const welding = myPathways.find((p: { version: { code: string } }) => p.version.code === WELDING);
      expect(welding.notCounted).toEqual([
        { credentialId: robot.id, reason: 'SUSPENDED', message: 'This credential is suspended.' },
      ]);
    } finally {
      await api.database.prisma.credential.update({ where: { id: robot.id }, data: { suspendedAt: null } });
    }
  });
});

describe('a component revoked after the award', () => {
  it('opens a review instead of revoking the award; the manager keeps it with a reason', async () => {
    const id = await teacherId(COMPLETE);
    const [award] = await awardsOf(id);
    const inspector = await api.database.prisma.credential.findFirstOrThrow({
      where: { teacherId: id, achievement: { code: 'kmg25-welding-inspector' } },
    });
    const revoked = await manager.data(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Sertifikat diterbitkan karena kesalahan data.") { __typename } }`,
      { id: globalId('Credential', inspector.id) },
    );
    expect(revoked.revokeCredential.__typename).toBe('RevokeCredentialSuccess');
    expect(
      (await api.database.prisma.credential.findUniqueOrThrow({ where: { id: award?.id } })).revokedAt,
    ).toBeNull();
    const { pathwayAwardReviews } = await manager.data(
      `{ pathwayAwardReviews(open: true) { id status award { credentialId } component { credentialId } } }`,
    );
    expect(pathwayAwardReviews).toEqual([
      expect.objectContaining({
        status: 'OPEN',
        award: { credentialId: award?.id },
        component: { credentialId: inspector.id },
      }),
    ]);
    const reviewId = pathwayAwardReviews[0].id;
    const refused = await teacher.gql(
      `mutation ($id: ID!) { decidePathwayAwardReview(id: $id, decision: KEEP, reason: "Tetap berlaku karena ...") { __typename } }`,
      { id: reviewId },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const short = await manager.data(
      `mutation ($id: ID!) { decidePathwayAwardReview(id: $id, decision: KEEP, reason: "ok") { __typename ... on ValidationError { fieldErrors { path code } } } }`,
      { id: reviewId },
    );
    expect(short.decidePathwayAwardReview.__typename).toBe('ValidationError');
    const kept = await manager.data(
      `mutation ($id: ID!) { decidePathwayAwardReview(id: $id, decision: KEEP, reason: "Kompetensi sudah dibuktikan ulang lewat uji praktik.") { __typename ... on DecidePathwayAwardReviewSuccess { data { status reason decidedByName } } } }`,
      { id: reviewId },
    );
    expect(kept.decidePathwayAwardReview.data).toEqual({
      status: 'KEPT',
      reason: 'Kompetensi sudah dibuktikan ulang lewat uji praktik.',
      decidedByName: expect.any(String),
    });
    const again = await manager.data(
      `mutation ($id: ID!) { decidePathwayAwardReview(id: $id, decision: REVOKE, reason: "Dicabut setelah ditinjau ulang.") { __typename ... on Error { code } } }`,
      { id: reviewId },
    );
    expect(again.decidePathwayAwardReview).toEqual({
      __typename: 'InvalidStateError',
      code: 'AWARD_REVIEW_DECIDED',
    });
    expect(
      (await api.database.prisma.credential.findUniqueOrThrow({ where: { id: award?.id } })).revokedAt,
    ).toBeNull();
  });
});

const TREE = (code: string) =>
  JSON.stringify({
    requirements: {
      type: 'group',
      id: 'root',
      rule: { kind: 'all' },
      children: [{ type: 'item', id: 'robot', match: { kind: 'achievement', code } }],
    },
    precedes: [],
    recencyYears: null,
    allowCredentialReuse: false,
  });

const CONTENT = {
  titleId: 'Dasar Robotika Industri',
  titleEn: 'Industrial Robotics Basics',
  descriptionId: 'Jalur uji: satu kredensial robot las sudah cukup untuk jalur ini.',
  descriptionEn: 'A test pathway: one welding-robot credential is enough for it.',
  kkniLevel: 4,
  achievementType: 'MicroCredential',
  validityMonths: 24,
};

describe('the builder', () => {
  let versionId: string;
  let pathwayId: string;

  it('refuses a tree it cannot award, field by field, in the reader language', async () => {
    const directorate = await api.database.prisma.organization.findUniqueOrThrow({
      where: { code: 'dit-smk' },
    });
    const issuerId = globalId('Organization', directorate.id);
    const bad = JSON.stringify({
      requirements: {
        type: 'group',
        id: 'root',
        rule: { kind: 'atLeast', count: 3 },
        children: [
          { type: 'item', id: 'a', match: { kind: 'achievement', code: 'tidak-ada' } },
          { type: 'item', id: 'a', match: { kind: 'skkniUnit', unitCode: 'C.282000.011.01' } },
        ],
      },
      precedes: [{ before: 'a', after: 'z' }],
    });
    const { createPathway } = await manager.data(
      `mutation ($i: ID!, $c: PathwayContentInput!, $d: String!) { createPathway(code: "JALUR-UJI", issuerId: $i, content: $c, definition: $d) {
        __typename ... on ValidationError { fieldErrors { path code message } } } }`,
      { i: issuerId, c: CONTENT, d: bad },
    );
    expect(createPathway.fieldErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      'PATHWAY_COUNT_TOO_HIGH',
      'PATHWAY_ID_DUPLICATE',
      'PATHWAY_ORDER_UNKNOWN_ITEM',
    ]);
    const created = await manager.data(
      `mutation ($i: ID!, $c: PathwayContentInput!, $d: String!) { createPathway(code: "jalur-uji", issuerId: $i, content: $c, definition: $d) {
        __typename ... on CreatePathwaySuccess { data { id code version status pathway { id } } } ... on ValidationError { fieldErrors { path code } } } }`,
      { i: issuerId, c: CONTENT, d: TREE('kmg25-robot-las') },
    );
    expect(created.createPathway.data).toMatchObject({ code: 'JALUR-UJI', version: 1, status: 'DRAFT' });
    versionId = created.createPathway.data.id;
    pathwayId = created.createPathway.data.pathway.id;
    const teacherTry = await teacher.gql(
      `mutation ($i: ID!, $c: PathwayContentInput!, $d: String!) { createPathway(code: "JALUR-GURU", issuerId: $i, content: $c, definition: $d) { __typename } }`,
      { i: issuerId, c: CONTENT, d: TREE('kmg25-robot-las') },
    );
    expect(teacherTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { pathways } = await teacher.data(`{ pathways { code status } }`);
    expect(pathways.map((p: { code: string }) => p.code)).not.toContain('JALUR-UJI');
  });

  it('previews who would receive it, publishes, and awards everyone who already qualifies in the background', async () => {
    const { pathwayPublicationPreview } = await manager.data(
      `query ($v: ID!) { pathwayPublicationPreview(versionId: $v) { teachersEvaluated wouldReceive oneAway } }`,
      { v: versionId },
    );
    // Nine teachers hold the welding-robot credential (the demo teacher, Eko, Yohanes, Ketut and
    // the five RPL demo applicants).
    expect(pathwayPublicationPreview.wouldReceive).toBe(9);
    const published = await manager.data(
      `mutation ($v: ID!) { publishPathway(versionId: $v) { __typename ... on PublishPathwaySuccess { data { status } } } }`,
      { v: versionId },
    );
    expect(published.publishPathway.data.status).toBe('PUBLISHED');
    const done = await waitFor('the backfill', async () => {
      const { pathwayVersion } = await manager.data(
        `query ($v: ID!) { pathwayVersion(id: $v) { backfillStatus backfillAwarded awardCount } }`,
        { v: versionId },
      );
      return pathwayVersion.backfillStatus === 'DONE' && pathwayVersion;
    });
    expect(done).toMatchObject({ backfillAwarded: 9, awardCount: 9 });
    const id = await teacherId(demo.teacher);
    expect(await awardsOf(id, 'JALUR-UJI')).toHaveLength(1);
  });

  it('keeps a published version as it is: an edit drafts the next version', async () => {
    const saved = await manager.data(
      `mutation ($p: ID!, $c: PathwayContentInput!, $d: String!) { savePathwayDraft(pathwayId: $p, content: $c, definition: $d) {
        __typename ... on SavePathwayDraftSuccess { data { id version status } } } }`,
      {
        p: pathwayId,
        c: { ...CONTENT, titleId: 'Dasar Robotika Industri (revisi)' },
        d: TREE('kmg25-welding-inspector'),
      },
    );
    expect(saved.savePathwayDraft.data).toMatchObject({ version: 2, status: 'DRAFT' });
    await expect(
      api.database.prisma.pathwayVersion.update({
        where: { id: Buffer.from(versionId, 'base64').toString().split(':')[1] },
        data: { titleId: 'Diubah diam-diam' },
      }),
    ).rejects.toThrow(/published/);
  });
});

describe('importing a credential issued elsewhere', () => {
  it('verifies it, keeps it, and lets it fill a pathway item that names its achievement', async () => {
    const { credential, issuerId } = await signExternalTestBadge({ email: demo.teacher });
    const tid = await teacherId(demo.teacher);
    const pathway = await api.database.prisma.pathway.create({
      data: {
        code: 'JALUR-IMPOR',
        issuerId: (await api.database.prisma.organization.findUniqueOrThrow({ where: { code: 'dit-smk' } }))
          .id,
      },
    });
    const content = CONTENT;
    const achievement = await api.database.prisma.achievement.create({
      data: {
        code: 'JALUR-IMPOR',
        status: 'PUBLISHED',
        publishedAt: new Date(),
        ownerId: pathway.issuerId,
        achievementType: 'MicroCredential',
        nameId: 'Jalur impor',
        nameEn: 'Import pathway',
        descriptionId: content.descriptionId,
        descriptionEn: content.descriptionEn,
        criteriaId: 'Memenuhi syarat jalur.',
        criteriaEn: 'Meets the pathway.',
        kkniLevel: 4,
        assessmentMethod: 'Komponen',
        qualityAssurance: 'Program',
      },
    });
    await api.database.prisma.pathwayVersion.create({
      data: {
        pathwayId: pathway.id,
        version: 1,
        status: 'PUBLISHED',
        publishedAt: new Date(),
        achievementId: achievement.id,
        titleId: 'Jalur impor',
        titleEn: 'Import pathway',
        descriptionId: content.descriptionId,
        descriptionEn: content.descriptionEn,
        kkniLevel: 4,
        achievementType: 'MicroCredential',
        requirements: {
          type: 'group',
          id: 'root',
          rule: { kind: 'all' },
          children: [
            { type: 'item', id: 'robot', match: { kind: 'achievement', code: 'kmg25-robot-las' } },
            {
              type: 'item',
              id: 'plc',
              match: {
                kind: 'external',
                achievementId: 'https://polinus.example.org/capaian/plc-dasar',
                issuerId,
              },
            },
          ],
        },
      },
    });
    const other = await api.signIn(demo.otherTeacher);
    const { importCredential: mismatch } = await other.data(
      `mutation ($d: String!) { importCredential(document: $d) { __typename ... on Error { code message } } }`,
      { d: JSON.stringify(credential) },
    );
    expect(mismatch).toMatchObject({ __typename: 'ImportRefusedError', code: 'IMPORT_RECIPIENT_MISMATCH' });
    const tampered = { ...credential, name: 'Diubah' };
    const { importCredential: bad } = await teacher.data(
      `mutation ($d: String!) { importCredential(document: $d) { __typename ... on Error { code } } }`,
      { d: JSON.stringify(tampered) },
    );
    expect(bad).toEqual({ __typename: 'ImportRefusedError', code: 'IMPORT_PROOF_INVALID' });
    expect(await api.database.prisma.externalCredential.count({ where: { teacherId: tid } })).toBe(0);
    const { importCredential } = await teacher.data(
      `mutation ($d: String!) { importCredential(document: $d) { __typename ... on ImportCredentialSuccess { data { achievementName issuerName hours sks } } } }`,
      { d: JSON.stringify(credential) },
    );
    expect(importCredential.data).toEqual({
      achievementName: 'Dasar Pemrograman PLC',
      issuerName: 'Politeknik Otomasi Nusantara',
      hours: 32,
      sks: 1,
    });
    const [award] = await waitFor('the award with an imported component', async () => {
      const awards = await awardsOf(tid, 'JALUR-IMPOR');
      return awards.length > 0 && awards;
    });
    const external = await api.database.prisma.credentialExternalComponent.findMany({
      where: { credentialId: award?.id },
    });
    expect(external).toHaveLength(1);
    expect(external[0]?.itemIds).toEqual(['plc']);
  });
});
