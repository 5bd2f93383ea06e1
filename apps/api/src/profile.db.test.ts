// Issue 13: each credential public or private by its holder's choice, the teacher's public
// profile, and certificate branding (logos and signatory) set by the issuer and recorded at issuance.
import { execFileSync } from 'node:child_process';
import { brandingSnapshot } from '@kmg/core/credentials/branding';
import { demoLogoPng } from '@kmg/db/seed-images';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let teacher: TestClient;
let teacherId: string;
let credentialIds: string[];

/** A teacher of the demo holding two training credentials (PT Unggul Semesta's and Inlastek's). */
const holder = { email: 'yohanes.tanaem@kmg.demo', nuptk: '9171020911880005', slug: 'yohanes-tanaem' };

const SET_VISIBILITY = `mutation ($id: ID!, $isPublic: Boolean!) {
  setCredentialVisibility(id: $id, isPublic: $isPublic) {
    __typename
    ... on SetCredentialVisibilitySuccess { data { credentialId isPublic } }
    ... on Error { code message }
  }
}`;
const UPDATE_PROFILE = `mutation ($input: PublicProfileSettingsInput!) {
  updateMyPublicProfile(input: $input) {
    __typename
    ... on UpdateMyPublicProfileSuccess { data { slug isPublished url } }
    ... on ValidationError { code fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;
const PUBLIC_PROFILE = `query ($slug: String!) {
  publicProfile(slug: $slug) {
    slug name url
    school { name city provinceName }
    credentials { credentialId name issuerName verifyUrl isPublic }
    pathways { credentialId name }
  }
}`;
const UPDATE_SIGNATORY = `mutation ($organizationId: ID!, $input: CertificateSignatoryInput!) {
  updateCertificateSignatory(organizationId: $organizationId, input: $input) {
    __typename
    ... on UpdateCertificateSignatorySuccess { data { signatoryName signatoryPosition logoUrl signatureUrl } }
    ... on ValidationError { code fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;

const errorCode = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');

beforeAll(async () => {
  api = await startTestApi();
  teacher = await api.signIn(holder.email);
  const user = await api.database.prisma.user.findUniqueOrThrow({ where: { email: holder.email } });
  teacherId = user.id;
  const credentials = await api.database.prisma.credential.findMany({
    where: { teacherId, kind: { in: ['TRAINING', 'PATHWAY'] }, revokedAt: null },
    orderBy: [{ kind: 'asc' }, { validFrom: 'asc' }],
  });
  credentialIds = credentials.map((credential) => credential.id);
}, 240_000);

afterAll(async () => {
  await api?.close();
});

describe('public or private credentials', () => {
  it('are public by default, and the holder sees the setting while others read null', async () => {
    expect(credentialIds.length).toBeGreaterThanOrEqual(2);
    const own = await teacher.data(`{ myCredentials { credentialId isPublic } }`);
    expect(own.myCredentials.every((c: { isPublic: boolean }) => c.isPublic === true)).toBe(true);
    const anonymous = await api
      .client()
      .data(`query ($id: String!) { credentialById(id: $id) { isPublic } }`, {
        id: credentialIds[0],
      });
    expect(anonymous.credentialById.isPublic).toBeNull();
  });

  it('lets the holder make a credential private, and refuses everyone else', async () => {
    const id = globalId('Credential', credentialIds[0] as string);
    const other = await api.signIn(demo.otherTeacher);
    const refused = await other.data(SET_VISIBILITY, { id, isPublic: false });
    expect(refused.setCredentialVisibility).toMatchObject({
      __typename: 'NotAllowedError',
      code: 'FORBIDDEN',
    });
    for (const email of [demo.principal, demo.admin, demo.manager, demo.provider]) {
      const staff = await api.signIn(email);
      expect(errorCode(await staff.gql(SET_VISIBILITY, { id, isPublic: false }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await api.client().gql(SET_VISIBILITY, { id, isPublic: false }))).toBe(
      'UNAUTHENTICATED',
    );
    const stored = await api.database.prisma.credential.findUniqueOrThrow({
      where: { id: credentialIds[0] },
    });
    expect(stored.isPublic).toBe(true);

    const done = await teacher.data(SET_VISIBILITY, { id, isPublic: false });
    expect(done.setCredentialVisibility).toMatchObject({
      __typename: 'SetCredentialVisibilitySuccess',
      data: { credentialId: credentialIds[0], isPublic: false },
    });
  });

  it('still verifies a private credential for whoever holds its id or file', async () => {
    const anonymous = api.client();
    const result = await anonymous.data(`query ($id: String!) { verifyCredential(id: $id) { valid } }`, {
      id: credentialIds[0],
    });
    expect(result.verifyCredential.valid).toBe(true);
    expect((await anonymous.request(`/credentials/${credentialIds[0]}.json`)).status).toBe(200);
    expect((await anonymous.request(`/credentials/${credentialIds[0]}/certificate.pdf`)).status).toBe(200);
  });
});

describe('the public profile', () => {
  it('is off until the teacher turns it on, with an address made from the name', async () => {
    const settings = await teacher.data(`{ myPublicProfile { slug isPublished url } }`);
    expect(settings.myPublicProfile).toEqual({
      slug: holder.slug,
      isPublished: false,
      url: `${api.url}/guru/${holder.slug}`,
    });
    const anonymous = await api.client().data(PUBLIC_PROFILE, { slug: holder.slug });
    expect(anonymous.publicProfile).toBeNull();
  });

  it('shows name, school and only the public credentials once published, and nothing private', async () => {
    const saved = await teacher.data(UPDATE_PROFILE, { input: { isPublished: true } });
    expect(saved.updateMyPublicProfile.data).toMatchObject({ slug: holder.slug, isPublished: true });

    const response = await api.client().request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PUBLIC_PROFILE, variables: { slug: holder.slug } }),
    });
    const text = await response.text();
    const profile = JSON.parse(text).data.publicProfile;
    expect(profile).toMatchObject({
      name: 'Yohanes Tanaem',
      school: { name: 'SMK Negeri 1 Jayapura', provinceName: 'Papua' },
    });
    const listed = [...profile.credentials, ...profile.pathways].map(
      (c: { credentialId: string }) => c.credentialId,
    );
    expect(listed).not.toContain(credentialIds[0]);
    expect(listed.sort()).toEqual(credentialIds.slice(1).sort());
    // Not the holder: the visibility flag itself is not shown.
    expect(profile.credentials.every((c: { isPublic: null }) => c.isPublic === null)).toBe(true);
    expect(text).not.toContain(holder.nuptk);
    expect(text).not.toContain(holder.email);
  });

  it('does not list revoked credentials', async () => {
    const id = credentialIds[1] as string;
    await api.database.prisma.credential.update({
      where: { id },
      data: { revokedAt: new Date(), revocationReason: 'uji' },
    });
    const profile = (await api.client().data(PUBLIC_PROFILE, { slug: holder.slug })).publicProfile;
    const listed = [...profile.credentials, ...profile.pathways].map(
      (c: { credentialId: string }) => c.credentialId,
    );
    expect(listed).not.toContain(id);
  });

  it('refuses an address that is badly formed or already taken, in the reader language', async () => {
    const bad = await teacher.data(UPDATE_PROFILE, { input: { isPublished: true, slug: 'Yohanes Tanaem!' } });
    expect(bad.updateMyPublicProfile.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'slug'], code: 'PROFILE_SLUG_FORMAT' }),
    ]);
    const other = await api.signIn(demo.otherTeacher, { locale: 'en' });
    const taken = await other.data(UPDATE_PROFILE, { input: { isPublished: true, slug: holder.slug } });
    expect(taken.updateMyPublicProfile.fieldErrors).toEqual([
      {
        path: ['input', 'slug'],
        code: 'PROFILE_SLUG_TAKEN',
        message: 'Someone else already uses this profile address. Choose another.',
      },
    ]);
    // The teacher renames theirs; the old address no longer answers.
    const renamed = await teacher.data(UPDATE_PROFILE, {
      input: { isPublished: true, slug: 'pak-yohanes-las' },
    });
    expect(renamed.updateMyPublicProfile.data.slug).toBe('pak-yohanes-las');
    expect((await api.client().data(PUBLIC_PROFILE, { slug: holder.slug })).publicProfile).toBeNull();
    expect((await api.client().data(PUBLIC_PROFILE, { slug: 'pak-yohanes-las' })).publicProfile.name).toBe(
      'Yohanes Tanaem',
    );
  });

  it('is for teachers only, and is gone once turned off', async () => {
    const principal = await api.signIn(demo.principal);
    expect(errorCode(await principal.gql(UPDATE_PROFILE, { input: { isPublished: true } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await api.client().gql(UPDATE_PROFILE, { input: { isPublished: true } }))).toBe(
      'UNAUTHENTICATED',
    );
    await teacher.data(UPDATE_PROFILE, { input: { isPublished: false } });
    expect((await api.client().data(PUBLIC_PROFILE, { slug: 'pak-yohanes-las' })).publicProfile).toBeNull();
  });

  it('keeps addresses well formed in the database itself', async () => {
    await expect(
      api.database.prisma.publicProfile.update({ where: { userId: teacherId }, data: { slug: 'Bad Slug' } }),
    ).rejects.toThrow();
  });
});

describe('certificate branding', () => {
  let unggul: string;
  let inlastek: string;
  let school: string;
  let unggulId: string;

  beforeAll(async () => {
    const org = (code: string) =>
      api.database.prisma.organization.findUniqueOrThrow({ where: { code }, select: { id: true } });
    unggulId = (await org('pt-unggul-semesta')).id;
    unggul = globalId('Organization', unggulId);
    inlastek = globalId('Organization', (await org('inlastek')).id);
    school = globalId('Organization', (await org('smkn-10-semarang')).id);
  });

  const upload = (
    client: TestClient,
    organizationId: string,
    slot: string,
    bytes: Buffer,
    type = 'image/png',
  ) => {
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(bytes)], { type }), 'logo.png');
    return client.request(`/api/branding/${organizationId}/${slot}`, { method: 'POST', body });
  };

  it('records the seeded signatory on credentials issued since, and prints it on the certificate', async () => {
    const credential = await api.database.prisma.credential.findFirstOrThrow({
      where: { teacherId, kind: 'TRAINING', issuerId: unggulId },
      select: { id: true, issuerId: true, signatoryName: true, issuerLogoId: true, programmeLogoId: true },
    });
    expect(credential.issuerId).toBe(unggulId);
    expect(credential.signatoryName).toBe('Ir. Hadi Purnomo, M.T.');
    expect(credential.issuerLogoId).not.toBeNull();
    expect(credential.programmeLogoId).not.toBeNull();
    const pdf = Buffer.from(
      await (await api.client().request(`/credentials/${credential.id}/certificate.pdf`)).arrayBuffer(),
    );
    const text = pdfText(pdf);
    expect(text).toContain('Ir. Hadi Purnomo, M.T.');
    expect(text).toContain('Direktur Pelatihan (contoh)');
  });

  it("lets provider staff set their own organization's signatory, and no one else's", async () => {
    const provider = await api.signIn(demo.provider);
    const saved = await provider.data(UPDATE_SIGNATORY, {
      organizationId: unggul,
      input: { signatoryName: 'Dr. Maya Lestari', signatoryPosition: 'Kepala Akademi (contoh)' },
    });
    expect(saved.updateCertificateSignatory.data).toMatchObject({
      signatoryName: 'Dr. Maya Lestari',
      signatoryPosition: 'Kepala Akademi (contoh)',
    });
    const other = await provider.data(UPDATE_SIGNATORY, {
      organizationId: inlastek,
      input: { signatoryName: 'Orang Lain', signatoryPosition: 'Direktur' },
    });
    expect(other.updateCertificateSignatory).toMatchObject({
      __typename: 'NotAllowedError',
      code: 'FORBIDDEN',
    });
    for (const email of [holder.email, demo.principal, demo.reviewer]) {
      const client = await api.signIn(email);
      const result = await client.gql(UPDATE_SIGNATORY, {
        organizationId: unggul,
        input: { signatoryName: 'X', signatoryPosition: 'Y' },
      });
      expect(errorCode(result)).toBe('FORBIDDEN');
    }
    const anonymous = await api.client().gql(UPDATE_SIGNATORY, {
      organizationId: unggul,
      input: { signatoryName: 'X', signatoryPosition: 'Y' },
    });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const branding = await api.database.prisma.organizationBranding.findUniqueOrThrow({
      where: { organizationId: unggulId },
    });
    expect(branding.signatoryName).toBe('Dr. Maya Lestari');
  });

  it('lets program managers and admins set any issuer, and refuses a school', async () => {
    const manager = await api.signIn(demo.manager);
    const saved = await manager.data(UPDATE_SIGNATORY, {
      organizationId: inlastek,
      input: { signatoryName: 'Dra. Wulan Sasmita', signatoryPosition: 'Direktur (contoh)' },
    });
    expect(saved.updateCertificateSignatory.__typename).toBe('UpdateCertificateSignatorySuccess');
    const admin = await api.signIn(demo.admin);
    const schoolResult = await admin.data(UPDATE_SIGNATORY, {
      organizationId: school,
      input: { signatoryName: 'Kepala Sekolah', signatoryPosition: 'Kepala' },
    });
    expect(schoolResult.updateCertificateSignatory.code).toBe('BRANDING_NOT_AN_ISSUER');
  });

  it('asks for a position with a name, field by field', async () => {
    const provider = await api.signIn(demo.provider);
    const result = await provider.data(UPDATE_SIGNATORY, {
      organizationId: unggul,
      input: { signatoryName: 'Tanpa Jabatan', signatoryPosition: '' },
    });
    expect(result.updateCertificateSignatory.fieldErrors).toEqual([
      { path: ['input', 'signatoryPosition'], code: 'REQUIRED', message: 'Wajib diisi.' },
    ]);
  });

  it('takes PNG and JPEG logos from those who may, checked from the bytes, and stores nothing refused', async () => {
    const provider = await api.signIn(demo.provider);
    const count = () => api.database.prisma.brandingImage.count();
    const before = await count();
    const logo = demoLogoPng({ color: '#334155', points: 7 });

    const stored = await upload(provider, unggul, 'logo', logo);
    expect(stored.status).toBe(201);
    const { imageUrl } = (await stored.json()) as { imageUrl: string };
    const image = await api.client().request(imageUrl);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(logo)).toBe(true);

    expect((await upload(provider, inlastek, 'logo', logo)).status).toBe(403);
    const teacherUpload = await upload(await api.signIn(holder.email), unggul, 'logo', logo);
    expect(teacherUpload.status).toBe(403);
    expect((await upload(api.client(), unggul, 'logo', logo)).status).toBe(401);
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const wrongType = await upload(provider, unggul, 'logo', pdf, 'image/png');
    expect(wrongType.status).toBe(415);
    expect(((await wrongType.json()) as { code: string }).code).toBe('BRANDING_IMAGE_TYPE');
    const huge = Buffer.concat([logo, Buffer.alloc(1024 * 1024)]);
    expect((await upload(provider, unggul, 'logo', huge)).status).toBe(413);
    expect(await count()).toBe(before + 1);
  });

  it('keeps the signatory a credential was issued with, while new ones take the current one', async () => {
    const credential = await api.database.prisma.credential.findFirstOrThrow({
      where: { teacherId, issuerId: unggulId },
      select: { id: true },
    });
    const text = pdfText(
      Buffer.from(
        await (await api.client().request(`/credentials/${credential.id}/certificate.pdf`)).arrayBuffer(),
      ),
    );
    expect(text).toContain('Ir. Hadi Purnomo, M.T.');
    expect(text).not.toContain('Dr. Maya Lestari');
    const snapshot = await api.database.prisma.$transaction((tx) => brandingSnapshot(tx, unggulId));
    expect(snapshot).toMatchObject({
      signatoryName: 'Dr. Maya Lestari',
      signatoryPosition: 'Kepala Akademi (contoh)',
    });
  });

  it('never lets the database change an issued credential’s branding or a stored image', async () => {
    const prisma = api.database.prisma;
    const credential = await prisma.credential.findFirstOrThrow({ where: { teacherId, issuerId: unggulId } });
    await expect(
      prisma.credential.update({ where: { id: credential.id }, data: { signatoryName: 'Pemalsu' } }),
    ).rejects.toThrow(/branding of an issued credential/);
    const image = await prisma.brandingImage.findFirstOrThrow();
    await expect(prisma.brandingImage.delete({ where: { id: image.id } })).rejects.toThrow();
    await expect(
      prisma.brandingImage.update({ where: { id: image.id }, data: { mimeType: 'image/jpeg' } }),
    ).rejects.toThrow();
  });
});
