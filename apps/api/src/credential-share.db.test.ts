// What a teacher shares of a credential, and what a link to it shows: one set of dates on every
// surface, link previews for crawlers, the badge picture with the credential baked in.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { platformDocumentLoader } from '@kmg/core/credentials/issuers';
import { verifyCredentialDocument } from '@kmg/core/credentials/verify-credential';
import { readBakedCredential, verifyImportedCredential } from '@kmg/credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewTags } from '#link-preview.ts';
import { demo } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let teacher: TestClient;
let webRoot: string;
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

// The learner app's page as the build writes it; the API writes each credential's tags into it.
const indexHtml = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Kredensial Mikro Guru SMK: pelatihan industri dan kredensial mikro untuk guru SMK." />
    <title>KMG – Kredensial Mikro Guru SMK</title>
  </head>
  <body><div id="root"></div><script type="module" src="/assets/index.js"></script></body>
</html>`;

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'kmg-web-'));
  await mkdir(join(webRoot, 'learner', 'dist'), { recursive: true });
  await writeFile(join(webRoot, 'learner', 'dist', 'index.html'), indexHtml);
  api = await startTestApi({ webRoot });
  teacher = await api.signIn(demo.teacher);
  const { myCredentials } = await teacher.data(
    `query { myCredentials { name credentialId awardedAt validFrom validUntil document pdfUrl linkedInUrl } }`,
  );
  credential = myCredentials.find((c: { name: string }) => c.name === 'Operator Robot Las Industri');
});
afterAll(async () => {
  await api?.close();
  if (webRoot) await rm(webRoot, { recursive: true, force: true });
});

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

/** The Open Graph and Twitter tags of a page as a crawler reads it: raw HTML, no scripts run. */
async function previewOf(path: string, locale: 'id' | 'en' = 'id') {
  const response = await api.client({ locale }).request(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  const tags: Record<string, string> = {};
  for (const [, key, value] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g))
    tags[key as string] = value as string;
  return { html, tags, title: /<title>([^<]*)<\/title>/.exec(html)?.[1] };
}

describe('link previews', () => {
  it("describe a shared credential in the raw HTML of its verification page, in the reader's language", async () => {
    const id = credential.credentialId;
    const { html, tags, title } = await previewOf(`/verify/${id}`);
    expect(title).toBe('Operator Robot Las Industri – Sri Wahyuni');
    expect(tags).toMatchObject({
      'og:title': 'Operator Robot Las Industri – Sri Wahyuni',
      'og:description':
        'Kredensial mikro dari PT Unggul Semesta untuk Sri Wahyuni, diberikan 14 November 2025. Periksa keasliannya di KMG.',
      'og:url': `${api.url}/verify/${id}`,
      'og:type': 'website',
      'og:image:type': 'image/png',
      'twitter:card': 'summary',
      'twitter:title': 'Operator Robot Las Industri – Sri Wahyuni',
    });
    expect(tags['og:image']).toMatch(new RegExp(`^${api.url}/achievements/[0-9a-f-]{36}/image\\.png$`));
    expect(tags['twitter:image']).toBe(tags['og:image']);
    // The app still starts on the page, and the build's generic description is replaced, not doubled.
    expect(html).toContain('<div id="root"></div><script type="module" src="/assets/index.js"></script>');
    expect(html.match(/name="description"/g)).toHaveLength(1);
    // Nothing the public page does not show: no NUPTK, no hashed identity, no salt.
    const document = JSON.parse(credential.document);
    expect(html).not.toContain(demo.teacherNuptk);
    const hashed = document.credentialSubject.identifier.filter((entry: { hashed: boolean }) => entry.hashed);
    expect(hashed.length).toBeGreaterThan(0);
    for (const entry of hashed) expect(html).not.toContain(entry.identityHash);

    const english = await previewOf(`/kredensial/${id}`, 'en');
    expect(english.tags['og:title']).toBe('Industrial Welding Robot Operator – Sri Wahyuni');
    expect(english.tags['og:description']).toBe(
      'A micro-credential from PT Unggul Semesta to Sri Wahyuni, awarded 14 November 2025. Check it is genuine on KMG.',
    );
    expect(english.html).toContain('<html lang="en">');
  });

  it('give the badge as a PNG a crawler can show', async () => {
    const { tags } = await previewOf(`/verify/${credential.credentialId}`);
    const image = await api.client().request(new URL(tags['og:image'] as string).pathname);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await image.arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('name nobody for an unknown or revoked credential', async () => {
    const unknown = await previewOf('/verify/0193a3c2-0000-7000-8000-000000000000');
    expect(unknown.tags['og:title']).toBe('Verifikasi kredensial – KMG');
    expect(unknown.tags['og:image']).toBe(`${api.url}/icon-512.png`);
    expect(unknown.tags['og:url']).toBe(`${api.url}/verify/0193a3c2-0000-7000-8000-000000000000`);

    const other = await api.database.prisma.credential.findFirstOrThrow({
      where: { teacher: { email: 'eko.prasetyo@kmg.demo' }, kind: 'TRAINING' },
      select: { id: true, source: true },
    });
    const before = await previewOf(`/verify/${other.id}`);
    expect(before.tags['og:title']).toContain('Eko Prasetyo');
    await api.database.prisma.credential.update({
      where: { id: other.id },
      data: { revokedAt: new Date(), revocationReason: 'Diterbitkan keliru.' },
    });
    const revoked = await previewOf(`/verify/${other.id}`);
    expect(revoked.tags['og:title']).toBe('Verifikasi kredensial – KMG');
    expect(revoked.html).not.toContain('Eko Prasetyo');
  });

  it('leaves other pages under the same paths to the app', async () => {
    const { tags, title } = await previewOf('/kredensial/impor');
    expect(tags['og:title']).toBeUndefined();
    expect(title).toBe('KMG – Kredensial Mikro Guru SMK');
  });

  it('escape whatever a name holds', () => {
    const { tags } = previewTags(
      {
        kind: 'credential',
        name: 'Las "Pro" <script>alert(1)</script>',
        learnerName: "O'Brien & Co",
        issuerName: 'PT A',
        awardedAt: '2025-11-14T03:00:00Z',
        url: `${api.url}/verify/x`,
        imageUrl: `${api.url}/a.png`,
      },
      'id',
    );
    expect(tags).not.toContain('<script>');
    expect(tags).toContain(
      'content="Las &quot;Pro&quot; &lt;script&gt;alert(1)&lt;/script&gt; – O&#39;Brien &amp; Co"',
    );
  });
});

describe('the baked badge', () => {
  it('is the seal as a PNG with the signed credential in it, which still verifies', async () => {
    const response = await api.client().request(`/credentials/${credential.credentialId}/badge.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="kmg-lencana-${credential.credentialId}.png"`,
    );
    const png = Buffer.from(await response.arrayBuffer());
    const baked = readBakedCredential(png);
    expect(baked.kind).toBe('found');
    const text = baked.kind === 'found' ? baked.text : '';
    expect(JSON.parse(text)).toEqual(JSON.parse(credential.document));
    const verification = await verifyCredentialDocument(JSON.parse(text), api.clock.now());
    expect(verification.checks.signature.ok).toBe(true);

    // The import reads the PNG itself: every check passes, then it is refused only as KMG's own.
    const imported = await verifyImportedCredential(
      { kind: 'text', text: png },
      {
        teacher: { nuptk: demo.teacherNuptk, email: demo.teacher },
        now: api.clock.now(),
        platform: { publicBaseUrl: api.url, documentLoader: platformDocumentLoader() },
      },
    );
    expect(imported).toMatchObject({ kind: 'refused', reason: 'ISSUED_BY_KMG' });
    const checks = Object.fromEntries(imported.checks.map((check) => [check.check, check.code]));
    expect(checks).toMatchObject({ source: 'OK', proof: 'OK', recipient: 'MATCHED_NUPTK' });
  });

  it('is there for credentials only', async () => {
    expect(
      (await api.client().request('/credentials/0193a3c2-0000-7000-8000-000000000000/badge.png')).status,
    ).toBe(404);
    expect((await api.client().request('/credentials/not-an-id/badge.png')).status).toBe(404);
  });
});

describe('who may share', () => {
  const query = `query ($id: String!) { verifyCredential(id: $id) { credential { viewerIsHolder badgeUrl pdfUrl } } }`;

  it('is the teacher it was awarded to, and nobody else', async () => {
    const id = credential.credentialId;
    const asHolder = await teacher.data(query, { id });
    expect(asHolder.verifyCredential.credential).toEqual({
      viewerIsHolder: true,
      badgeUrl: `/credentials/${id}/badge.png`,
      pdfUrl: `/credentials/${id}/certificate.pdf`,
    });
    const other = await api.signIn(demo.otherTeacher);
    expect((await other.data(query, { id })).verifyCredential.credential.viewerIsHolder).toBe(false);
    const manager = await api.signIn(demo.manager);
    expect((await manager.data(query, { id })).verifyCredential.credential.viewerIsHolder).toBe(false);
    expect((await api.client().data(query, { id })).verifyCredential.credential.viewerIsHolder).toBe(false);
  });
});
