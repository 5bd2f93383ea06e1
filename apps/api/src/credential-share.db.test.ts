// What a teacher shares of a credential, and what a link to it shows: one set of dates on every
// surface, link previews for crawlers, the badge picture with the credential baked in.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let teacher: TestClient;
/** The demo teacher's welding-robot credential, issued by the queue from the seed. */
let credential: {
  credentialId: string;
  awardedAt: string;
  validFrom: string;
  validUntil: string | null;
  document: string;
  pdfUrl: string;
  linkedInUrl: string;
};

beforeAll(async () => {
  api = await startTestApi();
  teacher = await api.signIn(demo.teacher);
  const { myCredentials } = await teacher.data(
    `query { myCredentials { name credentialId awardedAt validFrom validUntil document pdfUrl linkedInUrl } }`,
  );
  credential = myCredentials.find((c: { name: string }) => c.name === 'Operator Robot Las Industri');
});
afterAll(() => api?.close());

async function pdfText(url: string): Promise<string> {
  const response = await api.client().request(url);
  expect(response.status).toBe(200);
  const dir = await mkdtemp(join(tmpdir(), 'kmg-pdf-'));
  try {
    const file = join(dir, 'certificate.pdf');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
    return stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the dates of a credential', () => {
  it('are counted from the award, in the signed credential and the wallet alike', () => {
    // The demo training's results were approved on 14 November 2025 (10.00 WIB); the queue signed
    // the credential when the platform started, long after.
    const document = JSON.parse(credential.document);
    expect(document.awardedDate).toBe('2025-11-14T03:00:00Z');
    expect(document.validFrom).toBe('2025-11-14T03:00:00Z');
    expect(document.validUntil).toBe('2028-11-14T03:00:00Z');
    expect(document.proof[0].created > document.validFrom).toBe(true);
    expect({
      awardedAt: credential.awardedAt,
      validFrom: credential.validFrom,
      validUntil: credential.validUntil,
    }).toEqual({
      awardedAt: '2025-11-14T03:00:00.000Z',
      validFrom: '2025-11-14T03:00:00.000Z',
      validUntil: '2028-11-14T03:00:00.000Z',
    });
  });

  it('are the same in the LinkedIn link (issue and expiry month) and the PDF', async () => {
    const params = new URL(credential.linkedInUrl).searchParams;
    expect({
      issue: [params.get('issueYear'), params.get('issueMonth')],
      expiry: [params.get('expirationYear'), params.get('expirationMonth')],
    }).toEqual({ issue: ['2025', '11'], expiry: ['2028', '11'] });
    const text = await pdfText(credential.pdfUrl);
    expect(text).toContain('14 November 2025');
    expect(text).toContain('14 November 2028');
  });
});
