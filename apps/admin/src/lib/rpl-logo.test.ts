import { describe, expect, it } from 'vitest';
import { checkLogoFile, removeUniversityLogo, uploadUniversityLogo } from '#lib/rpl-logo.ts';

const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });

function answer(status: number, body?: unknown): typeof fetch {
  return async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
}

describe('checkLogoFile', () => {
  it.each([
    [{ type: 'image/png', size: 1024 * 1024 }, null],
    [{ type: 'image/jpeg', size: 10 }, null],
    [{ type: 'image/png', size: 1024 * 1024 + 1 }, 'Berkas maksimal 1 MB.'],
  ])('%j: %s', (file, expected) => {
    expect(checkLogoFile(file, 'id')).toBe(expected);
  });

  it('turns away other types before sending them', () => {
    expect(checkLogoFile({ type: 'image/svg+xml', size: 10 }, 'en')).toMatch(/./);
    expect(checkLogoFile({ type: 'application/pdf', size: 10 }, 'en')).not.toBeNull();
  });
});

describe('uploadUniversityLogo', () => {
  it('posts the file as `file` with the upload header and the reader’s language', async () => {
    let seen: { url: string; init: RequestInit } | null = null;
    const send: typeof fetch = async (url, init) => {
      seen = { url: String(url), init: init as RequestInit };
      return new Response(JSON.stringify({ logoUrl: '/api/rpl/universities/u1/logo' }), { status: 201 });
    };
    expect(await uploadUniversityLogo(png, 'en', send)).toEqual({
      ok: true,
      logoUrl: '/api/rpl/universities/u1/logo',
    });
    expect(seen!.url).toBe('/api/rpl/universities/logo');
    expect(seen!.init.method).toBe('POST');
    expect(seen!.init.headers).toMatchObject({ 'x-kmg-upload': '1', 'accept-language': 'en' });
    expect((seen!.init.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it.each([
    ['the file routes’ shape', { code: 'FILE_TYPE', message: 'Only PNG or JPEG.' }],
    ['an error object', { error: { code: 'FILE_TYPE', message: 'Only PNG or JPEG.' } }],
  ])('shows the API’s own words from %s', async (_shape, body) => {
    expect(await uploadUniversityLogo(png, 'en', answer(415, body))).toEqual({
      ok: false,
      code: 'FILE_TYPE',
      message: 'Only PNG or JPEG.',
    });
  });

  it('says something in the reader’s language when the refusal has no words', async () => {
    expect(await uploadUniversityLogo(png, 'id', answer(413, { code: 'FILE_TOO_LARGE' }))).toMatchObject({
      ok: false,
      code: 'FILE_TOO_LARGE',
    });
    const bare = await uploadUniversityLogo(png, 'id', async () => new Response('gateway', { status: 502 }));
    expect(bare).toMatchObject({ ok: false, code: null });
    expect(bare.ok === false && bare.message).toBeTruthy();
  });

  it('reports an unreachable server as no message', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await uploadUniversityLogo(png, 'id', offline)).toEqual({ ok: false, code: null, message: null });
  });
});

describe('removeUniversityLogo', () => {
  it('deletes with the upload header; 204 is done', async () => {
    let method = '';
    const send: typeof fetch = async (_url, init) => {
      method = String(init?.method);
      return new Response(null, { status: 204 });
    };
    expect(await removeUniversityLogo('id', send)).toEqual({ ok: true, logoUrl: null });
    expect(method).toBe('DELETE');
  });

  it('passes a refusal on', async () => {
    expect(
      await removeUniversityLogo('en', answer(403, { code: 'FORBIDDEN', message: 'Not allowed.' })),
    ).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Not allowed.' });
  });
});
