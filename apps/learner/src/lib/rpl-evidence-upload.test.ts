import { describe, expect, it } from 'vitest';
import { removeRplEvidence, uploadRplEvidence } from '#lib/rpl-evidence-upload.ts';

const file = new File(['%PDF-1.4'], 'sertifikat-bnsp.pdf', { type: 'application/pdf' });
const upload = {
  applicationId: 'app-1',
  kind: 'BNSP_CERTIFICATE' as const,
  title: ' Juru Las Madya ',
  issuedOn: '2024-05-02',
  file,
};

function recording(response: () => Response) {
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const send = (async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return response();
  }) as typeof fetch;
  return { seen, send };
}

describe('uploadRplEvidence', () => {
  it('posts the file with its kind, title and date in the address and the upload header', async () => {
    const stored = { id: 'e1', fileName: file.name, size: 8, mimeType: 'application/pdf' };
    const { seen, send } = recording(() => new Response(JSON.stringify(stored), { status: 201 }));
    expect(await uploadRplEvidence(upload, 'id', send)).toEqual({ ok: true, evidence: stored });
    const url = new URL(seen[0]!.url, 'http://x');
    expect(url.pathname).toBe('/api/rpl/evidence');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      applicationId: 'app-1',
      kind: 'BNSP_CERTIFICATE',
      title: 'Juru Las Madya',
      issuedOn: '2024-05-02',
    });
    expect((seen[0]!.init!.headers as Record<string, string>)['x-kmg-upload']).toBe('1');
    expect((seen[0]!.init!.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('leaves out a missing date', async () => {
    const { seen, send } = recording(() => new Response(JSON.stringify({ id: 'e1' }), { status: 201 }));
    await uploadRplEvidence({ ...upload, issuedOn: null }, 'id', send);
    expect(new URL(seen[0]!.url, 'http://x').searchParams.has('issuedOn')).toBe(false);
  });

  it.each([
    [413, { code: 'FILE_TOO_LARGE', message: 'Berkas terlalu besar.' }],
    [409, { code: 'INVALID_RPL_APPLICATION_TRANSITION', message: 'Pengajuan sudah diajukan.' }],
  ])('passes on a %i refusal in the API’s words', async (status, body) => {
    const { send } = recording(() => new Response(JSON.stringify(body), { status }));
    expect(await uploadRplEvidence(upload, 'id', send)).toEqual({ ok: false, ...body });
  });

  it('words a refusal without a body itself', async () => {
    const { send } = recording(() => new Response('Bad gateway', { status: 502 }));
    const result = await uploadRplEvidence(upload, 'en', send);
    expect(result.ok === false && result.message).toBeTruthy();
  });

  it('reports an unreachable server without a message', async () => {
    const send = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await uploadRplEvidence(upload, 'id', send)).toEqual({ ok: false, code: null, message: null });
  });
});

describe('removeRplEvidence', () => {
  it('deletes the evidence with the upload header', async () => {
    const { seen, send } = recording(() => new Response(null, { status: 204 }));
    expect(await removeRplEvidence('e-1', 'id', send)).toEqual({ ok: true });
    expect(seen[0]!.url).toBe('/api/rpl/evidence/e-1');
    expect(seen[0]!.init!.method).toBe('DELETE');
  });

  it('passes on a refusal in the API’s words', async () => {
    const body = { code: 'NOT_FOUND', message: 'Data tidak ditemukan.' };
    const { send } = recording(() => new Response(JSON.stringify(body), { status: 404 }));
    expect(await removeRplEvidence('e-1', 'id', send)).toEqual({ ok: false, ...body });
  });
});
