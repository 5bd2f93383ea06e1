// Evidence uploads when things go wrong: a broken or hostile request body never stops the server,
// and an upload that is refused, or whose record cannot be written, leaves no file behind.
import { readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_EVIDENCE_MB } from '#files/routes.ts';
import { demo } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let provider: TestClient;
/** An assessment of a call the demo provider delivers, its results still being recorded. */
let assessmentId: string;
/** An assessment of the same provider's call whose results are already submitted. */
let lockedAssessmentId: string;

/** A well-formed id that no assessment has. */
const unknownAssessmentId = '0b1f7c2e-3a4d-4e5f-8a6b-7c8d9e0f1a2b';

/** A 1×1 PNG: the smallest file the route accepts as an image. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** A valid PNG of the given size in bytes (the picture, then padding after its end). */
const pngOfSize = (size: number) => Buffer.concat([png, Buffer.alloc(size - png.length)]);

const boundary = 'kmg-test-boundary';
/** The start of a multipart body: one file part's headers and the first bytes of a PNG. */
const partHead = Buffer.concat([
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
  ),
  png.subarray(0, 8),
]);

beforeAll(async () => {
  api = await startTestApi({}, { jobs: false });
  const prisma = api.database.prisma;
  const template = await prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg-open-robot-las-lanjut' },
  });
  const teacher = await prisma.user.findUniqueOrThrow({
    where: { email: demo.teacher },
    include: { teacherProfile: true },
  });
  const assessor = await prisma.user.findUniqueOrThrow({ where: { email: demo.provider } });
  const assessmentIn = async (resultsStatus: 'RECORDING' | 'SUBMITTED') => {
    const call = await prisma.trainingCall.create({
      data: {
        programmeId: template.programmeId,
        providerId: template.providerId,
        skillAreaId: template.skillAreaId,
        title: `Uji Kompetensi Robot Las (uji unggahan, ${resultsStatus})`,
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
        resultsStatus,
        assessmentKind: 'COMPETENCY',
        competencyUnits: {
          create: [{ code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik', position: 0 }],
        },
      },
      include: { competencyUnits: true },
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
    const assessment = await prisma.unitAssessment.create({
      data: {
        applicationId: application.id,
        unitId: call.competencyUnits[0]?.id ?? '',
        decision: 'KOMPETEN',
        assessorId: assessor.id,
      },
    });
    return assessment.id;
  };
  assessmentId = await assessmentIn('RECORDING');
  lockedAssessmentId = await assessmentIn('SUBMITTED');
  provider = await api.signIn(demo.provider);
});
afterAll(() => api?.close());

// An error no listener took stops a real server; vitest only reports it, so each test looks too.
const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => uncaught.push(error);
beforeAll(() => {
  process.on('uncaughtException', recordUncaught);
  process.on('unhandledRejection', recordUncaught);
});
afterAll(() => {
  process.off('uncaughtException', recordUncaught);
  process.off('unhandledRejection', recordUncaught);
});
afterEach(() => {
  expect(uncaught.splice(0), 'errors that would stop the server').toEqual([]);
});

/** Files in the upload folder, where the harness's disk storage keeps evidence. */
async function storedFiles(): Promise<string[]> {
  return readdir(join(api.mailDir, 'uploads', 'evidence')).catch(() => []);
}

function upload(client: TestClient, id: string, bytes: Buffer, name = 'foto.png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return client.request(`/api/evidence?assessmentId=${id}`, { method: 'POST', body: form });
}

function postRaw(client: TestClient, id: string, body: Buffer | string, contentType: string) {
  return client.request(`/api/evidence?assessmentId=${id}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}

/**
 * Starts a multipart upload that announces 5 MB and sends only the first part's head.
 * Resolves with the status if the server answers before the body is complete, or with 'waiting'
 * after `waitMs`; either way the client then drops the connection, mid-body.
 */
function startUploadAndDrop(client: TestClient, id: string, { waitMs = 2_000 } = {}) {
  return new Promise<number | 'waiting'>((resolve) => {
    const req = httpRequest(`${api.url}/api/evidence?assessmentId=${id}`, {
      method: 'POST',
      headers: {
        cookie: client.cookie,
        origin: api.url,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(5 * 1024 * 1024),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('waiting');
    }, waitMs);
    req.on('response', (response) => {
      clearTimeout(timer);
      response.resume();
      req.destroy();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', () => {});
    req.write(partHead);
  });
}

/** The server still answers: its health check, and a normal upload that stores one file. */
async function expectServerStillServes() {
  expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  const before = (await storedFiles()).length;
  const accepted = await upload(provider, assessmentId, png);
  expect(accepted.status).toBe(201);
  expect((await storedFiles()).length).toBe(before + 1);
}

describe('POST /api/evidence', () => {
  it('answers a multipart body that ends before the form does with 400, in the reader’s language', async () => {
    const before = await storedFiles();
    const english = await api.signIn(demo.provider, { locale: 'en' });
    const truncated = await postRaw(
      english,
      assessmentId,
      partHead,
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(truncated.status).toBe(400);
    expect(await truncated.json()).toEqual({
      code: 'UPLOAD_UNREADABLE',
      message:
        'The file did not arrive intact (the upload broke off or was malformed). Try uploading it again.',
    });
    expect(await storedFiles()).toEqual(before);
    await expectServerStillServes();
  });

  it.each([
    ['a JSON body', '{"file":"a.png"}', 'application/json'],
    ['a multipart body without a boundary', partHead, 'multipart/form-data'],
    ['a form that is not multipart', 'file=a.png', 'application/x-www-form-urlencoded'],
  ])('answers %s with 400, not 500', async (_case, body, contentType) => {
    const response = await postRaw(provider, assessmentId, body, contentType);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('UPLOAD_UNREADABLE');
    await expectServerStillServes();
  });

  it('answers a form without a file, or with an empty one, with 400', async () => {
    const noFile = await postRaw(
      provider,
      assessmentId,
      `--${boundary}--\r\n`,
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { code: string }).code).toBe('REQUIRED');
    const empty = await upload(provider, assessmentId, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { code: string }).code).toBe('REQUIRED');
  });

  it('refuses a file over the limit with 413 and stores nothing, and takes one of exactly the limit', async () => {
    const before = await storedFiles();
    const oversized = await upload(provider, assessmentId, pngOfSize(MAX_EVIDENCE_MB * 1024 * 1024 + 1));
    expect(oversized.status).toBe(413);
    expect(((await oversized.json()) as { code: string }).code).toBe('FILE_TOO_LARGE');
    expect(await storedFiles()).toEqual(before);
    const largest = await upload(provider, assessmentId, pngOfSize(MAX_EVIDENCE_MB * 1024 * 1024));
    expect(largest.status).toBe(201);
    expect(((await largest.json()) as { size: number }).size).toBe(MAX_EVIDENCE_MB * 1024 * 1024);
  });

  it('keeps serving when clients drop the connection in the middle of the body', async () => {
    const before = await storedFiles();
    const evidenceBefore = await api.database.prisma.evidence.count();
    const dropped = await Promise.all(
      Array.from({ length: 5 }, () => startUploadAndDrop(provider, assessmentId, { waitMs: 300 })),
    );
    expect(dropped).toEqual(Array(5).fill('waiting'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedFiles()).toEqual(before);
    expect(await api.database.prisma.evidence.count()).toBe(evidenceBefore);
    await expectServerStillServes();
  });

  it('refuses whoever may not attach evidence before reading the file', async () => {
    const teacher = await api.signIn(demo.teacher);
    // The body is announced but never sent: only an answer that does not wait for it arrives.
    expect(await startUploadAndDrop(teacher, assessmentId)).toBe(403);
    expect(await startUploadAndDrop(provider, unknownAssessmentId)).toBe(404);
    expect(await startUploadAndDrop(api.client(), assessmentId)).toBe(401);
    await expectServerStillServes();
  });

  it('stores no file when the upload is refused', async () => {
    const before = await storedFiles();
    const refusals: [string, TestClient, string, { status: number; code: string }][] = [
      [
        'an assessment that does not exist',
        provider,
        unknownAssessmentId,
        { status: 404, code: 'NOT_FOUND' },
      ],
      [
        "another provider's call",
        await api.signIn(demo.otherProvider),
        assessmentId,
        { status: 403, code: 'FORBIDDEN' },
      ],
      ['a teacher', await api.signIn(demo.teacher), assessmentId, { status: 403, code: 'FORBIDDEN' }],
      ['results already submitted', provider, lockedAssessmentId, { status: 409, code: 'RESULTS_LOCKED' }],
    ];
    const answers: [string, { status: number; code: string }][] = [];
    for (const [who, client, id] of refusals) {
      const response = await upload(client, id, pngOfSize(2 * 1024 * 1024));
      answers.push([
        who,
        { status: response.status, code: ((await response.json()) as { code: string }).code },
      ]);
    }
    expect(await storedFiles()).toEqual(before);
    expect(answers).toEqual(refusals.map(([who, , , answer]) => [who, answer]));
  });

  it('deletes the stored file when its record cannot be written', async () => {
    const prisma = api.database.prisma;
    await prisma.$executeRawUnsafe(`CREATE FUNCTION test_refuse_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'evidence refused for the test'; END $$`);
    await prisma.$executeRawUnsafe(
      'CREATE TRIGGER test_refuse_evidence BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION test_refuse_evidence()',
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const before = await storedFiles();
      const failed = await upload(provider, assessmentId, png);
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({
        code: 'INTERNAL',
        message: 'Terjadi kesalahan di server. Coba lagi nanti.',
      });
      expect(await storedFiles()).toEqual(before);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await prisma.$executeRawUnsafe('DROP TRIGGER test_refuse_evidence ON evidence');
      await prisma.$executeRawUnsafe('DROP FUNCTION test_refuse_evidence()');
    }
    await expectServerStillServes();
  });
});

describe('GET /api/evidence/:id', () => {
  it('sends the stored file back', async () => {
    const { id } = (await (await upload(provider, assessmentId, png, 'foto.png')).json()) as { id: string };
    const download = await provider.request(`/api/evidence/${id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
  });

  it('answers 500 when the stored file has gone missing, and keeps serving', async () => {
    const { id } = (await (await upload(provider, assessmentId, png)).json()) as { id: string };
    const { storageKey } = await api.database.prisma.evidence.findUniqueOrThrow({ where: { id } });
    await rm(join(api.mailDir, 'uploads', storageKey ?? ''));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const download = await provider.request(`/api/evidence/${id}`);
      expect(download.status).toBe(500);
      expect(((await download.json()) as { code: string }).code).toBe('INTERNAL');
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    await expectServerStillServes();
  });
});
