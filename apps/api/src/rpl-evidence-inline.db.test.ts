// Reading a teacher's RPL evidence in the console's page (`GET /api/rpl/evidence/:id?inline=1`): a
// PDF or a picture comes inline, locked down (nothing of its own runs, only our own pages may frame
// it); any other file, or a request without the flag, is a download; and whoever may not read the
// file is refused exactly as before, flag or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';
import {
  credentialOf,
  heicPhoto,
  mp4Video,
  rplDemo,
  rplIds,
  SAVE_DRAFT,
  START,
  SUBMIT,
  selfEvaluations,
  tinyPdf,
  tinyPng,
  uploadRplEvidence,
} from '#test/rpl-fixtures.ts';

const INLINE_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Sri's files, as she uploads them to her application to Polman's D4-TRM. */
const files = {
  pdf: { bytes: tinyPdf, name: 'sertifikat bnsp.pdf', mimeType: 'application/pdf' },
  png: { bytes: tinyPng, name: 'foto-sertifikat.png', mimeType: 'image/png' },
  heic: { bytes: heicPhoto, name: 'IMG_0412.HEIC', mimeType: 'image/heic' },
  mp4: { bytes: mp4Video, name: 'pengelasan.mp4', mimeType: 'video/mp4' },
} as const;
type FileKey = keyof typeof files;

let api: TestApi;
let sri: TestClient;
let polman: TestClient;
/** Each file's evidence id. */
const evidenceIds = {} as Record<FileKey, string>;

beforeAll(async () => {
  api = await startTestApi();
  const ids = await rplIds(api);
  sri = await api.signIn(rplDemo.sri);
  polman = await api.signIn(rplDemo.polmanAssessor);
  const { startRplApplication } = await sri.data(START, { intakeId: ids.trm.intake });
  const applicationId = startRplApplication.data.id;
  for (const [key, file] of Object.entries(files) as [FileKey, (typeof files)[FileKey]][]) {
    const uploaded = await uploadRplEvidence(sri, applicationId, file.bytes, {
      name: file.name,
      kind: 'WORK_EXPERIENCE',
      title: `Bukti ${key}`,
    });
    expect(uploaded.status, key).toBe(201);
    evidenceIds[key] = ((await uploaded.json()) as { id: string }).id;
  }
  const robot = await credentialOf(api, rplDemo.sri, 'kmg25-robot-las');
  await sri.data(SAVE_DRAFT, {
    id: applicationId,
    input: {
      credentialIds: [robot.gid],
      externalCredentialIds: [],
      selfEvaluations: selfEvaluations(ids.trm.outcomes('TRM203'), { credentialIds: [robot.gid] }),
    },
  });
  const submitted = await sri.data(SUBMIT, { id: applicationId });
  expect(submitted.submitRplApplication, JSON.stringify(submitted)).toMatchObject({
    data: { status: 'SUBMITTED' },
  });
});
afterAll(() => api?.close());

const read = (client: TestClient, key: FileKey, query = '?inline=1') =>
  client.request(`/api/rpl/evidence/${evidenceIds[key]}${query}`);

describe('GET /api/rpl/evidence/:id?inline=1', () => {
  it.each([
    ['pdf', 'inline'],
    ['png', 'inline'],
    ['heic', 'attachment'],
    ['mp4', 'attachment'],
  ] as const)('sends the university’s assessor a %s file as %s', async (key, disposition) => {
    const file = files[key];
    const response = await read(polman, key);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(file.mimeType);
    expect(response.headers.get('content-disposition')).toBe(
      `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const policy = response.headers.get('content-security-policy');
    if (disposition === 'inline') expect(policy).toBe(INLINE_POLICY);
    else expect(policy).not.toBe(INLINE_POLICY);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(file.bytes);
  });

  it('shows the teacher her own file inline too', async () => {
    const response = await read(sri, 'pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^inline; /);
  });

  it.each([
    ['no query', ''],
    ['inline=0', '?inline=0'],
    ['inline=true', '?inline=true'],
    ['inline given twice', '?inline=1&inline=1'],
  ])('sends a PDF as a download with %s', async (_case, query) => {
    const response = await read(polman, 'pdf', query);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(response.headers.get('content-security-policy')).not.toBe(INLINE_POLICY);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(tinyPdf);
  });

  it('refuses whoever may not read the file, as without the flag', async () => {
    const unnes = await api.signIn(rplDemo.unnesAssessor);
    const yohanes = await api.signIn(rplDemo.yohanes);
    const refusals = [
      // Another university's assessor, and another teacher: the file is not theirs to know of.
      [unnes, 'pdf', 404],
      [unnes, 'png', 404],
      [yohanes, 'pdf', 404],
      [api.client(), 'pdf', 401],
    ] as const;
    for (const [client, key, status] of refusals) {
      for (const query of ['?inline=1', '']) {
        const response = await read(client, key, query);
        expect(response.status, `${key}${query}`).toBe(status);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(response.headers.get('content-disposition')).toBeNull();
      }
    }
    const unknown = await polman.request('/api/rpl/evidence/0b1f7c2e-3a4d-4e5f-8a6b-7c8d9e0f1a2b?inline=1');
    expect(unknown.status).toBe(404);
  });
});
