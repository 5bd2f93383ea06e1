import { describe, expect, it } from 'vitest';
import {
  type AssessmentFormValues,
  assessmentFormFrom,
  checkEvidenceFile,
  evidenceAccept,
  LINK_NAME_MAX,
  LINKS_MAX,
  NOTES_MAX,
  normalizeUrl,
  toAssessmentInput,
  validateAssessment,
} from '#lib/assessment-form.ts';
import { removeEvidence, uploadEvidence } from '#lib/evidence-upload.ts';

const MB = 1024 * 1024;

describe('checkEvidenceFile', () => {
  it.each([
    ['foto-praktik.jpg', 'image/jpeg', 2 * MB],
    ['IMG_0042.HEIC', '', 3 * MB],
    ['lembar-observasi.pdf', 'application/pdf', 200_000],
    ['laporan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 10 * MB],
    ['uji-praktik.mp4', 'video/mp4', 9 * MB],
  ])('accepts %s', (name, type, size) => {
    expect(checkEvidenceFile({ name, type, size })).toBeNull();
  });

  it.each([
    ['catatan.txt', 'text/plain', 100, 'FILE_TYPE'],
    ['skrip.sh', 'application/x-sh', 100, 'FILE_TYPE'],
    ['laporan-lama.doc', 'application/msword', 100, 'FILE_TYPE'],
    ['video-panjang.mp4', 'video/mp4', 10 * MB + 1, 'FILE_TOO_LARGE'],
    ['kosong.pdf', 'application/pdf', 0, 'REQUIRED'],
  ])('refuses %s', (name, type, size, code) => {
    expect(checkEvidenceFile({ name, type, size })?.code).toBe(code);
  });

  it('names the limit in megabytes', () => {
    expect(checkEvidenceFile({ name: 'a.pdf', type: 'application/pdf', size: 11 * MB })).toEqual({
      code: 'FILE_TOO_LARGE',
      params: { max: 10 },
    });
  });

  it('offers the file picker the same types', () => {
    expect(evidenceAccept).toContain('application/pdf');
    expect(evidenceAccept).toContain('.heic');
  });
});

describe('normalizeUrl', () => {
  it.each([
    ['drive.google.com/file/d/abc', 'https://drive.google.com/file/d/abc'],
    ['  https://contoh.id/video ', 'https://contoh.id/video'],
    ['http://contoh.id', 'http://contoh.id'],
    ['bukan tautan', 'bukan tautan'],
    ['', ''],
  ])('reads %j as %j', (typed, url) => {
    expect(normalizeUrl(typed)).toBe(url);
  });
});

describe('validateAssessment', () => {
  const valid: AssessmentFormValues = {
    decision: 'KOMPETEN',
    notes: 'Lulus observasi praktik.',
    links: [{ name: 'Video uji praktik', url: 'youtu.be/abc' }],
  };

  it('accepts a decision with notes and links', () => {
    expect(validateAssessment(valid, 'id')).toEqual({});
  });

  it('asks for a decision', () => {
    expect(validateAssessment({ ...valid, decision: null }, 'id')).toEqual({ decision: 'Wajib diisi.' });
  });

  it('points at the link that is wrong, as the API does', () => {
    expect(
      validateAssessment(
        { ...valid, links: [...valid.links, { name: 'Foto', url: 'bukan tautan' }, { name: '', url: '' }] },
        'id',
      ),
    ).toEqual({
      'links.1.url': 'Format tidak valid.',
      'links.2.name': 'Wajib diisi.',
      'links.2.url': 'Wajib diisi.',
    });
  });

  it.each([
    ['javascript:alert(1)', 'Format tidak valid.'],
    ['ftp://contoh.id/berkas', 'Format tidak valid.'],
    ['http://localhost/video', 'Format tidak valid.'],
    ['https://drive.google.com/file/d/kmg', undefined],
    ['http://contoh.sch.id/portofolio', undefined],
  ])('takes only web links with a domain: %j', (url, message) => {
    expect(validateAssessment({ ...valid, links: [{ name: 'Bukti', url }] }, 'id')['links.0.url']).toBe(
      message,
    );
  });

  it('holds the limits the fields show', () => {
    const link = { name: 'x'.repeat(LINK_NAME_MAX), url: 'https://contoh.id' };
    expect(
      validateAssessment(
        { ...valid, notes: 'x'.repeat(NOTES_MAX), links: Array.from({ length: LINKS_MAX }, () => link) },
        'id',
      ),
    ).toEqual({});
    expect(
      validateAssessment(
        {
          ...valid,
          notes: 'x'.repeat(NOTES_MAX + 1),
          links: [{ ...link, name: `${link.name}x` }],
        },
        'en',
      ),
    ).toEqual({ notes: 'At most 2000 characters.', 'links.0.name': 'At most 200 characters.' });
    expect(
      validateAssessment({ ...valid, links: Array.from({ length: LINKS_MAX + 1 }, () => link) }, 'en'),
    ).toEqual({ links: 'At most 20 items.' });
  });

  it('limits the notes to 2000 characters', () => {
    expect(validateAssessment({ ...valid, notes: 'x'.repeat(2001) }, 'en')).toEqual({
      notes: 'At most 2000 characters.',
    });
  });
});

describe('toAssessmentInput', () => {
  it('trims notes to null and completes links', () => {
    expect(
      toAssessmentInput({
        decision: 'BELUM_KOMPETEN',
        notes: '  ',
        links: [{ name: ' Foto ', url: 'contoh.id/a' }],
      }),
    ).toEqual({
      decision: 'BELUM_KOMPETEN',
      notes: null,
      links: [{ name: 'Foto', url: 'https://contoh.id/a' }],
    });
  });

  it('starts from the saved decision, with no new links', () => {
    expect(assessmentFormFrom({ decision: 'KOMPETEN', notes: null })).toEqual({
      decision: 'KOMPETEN',
      notes: '',
      links: [],
    });
  });
});

describe('uploadEvidence', () => {
  const file = new File(['%PDF-1.4'], 'lembar-observasi.pdf', { type: 'application/pdf' });

  it('posts the file with the upload header and returns what was stored', async () => {
    let seen: { url: string; init: RequestInit | undefined } | null = null;
    const send = (async (url: string, init?: RequestInit) => {
      seen = { url, init };
      return new Response(
        JSON.stringify({ id: 'e1', name: file.name, size: 8, mimeType: 'application/pdf' }),
        {
          status: 201,
        },
      );
    }) as typeof fetch;
    const result = await uploadEvidence('a-1', file, 'id', send);
    expect(result).toEqual({
      ok: true,
      evidence: { id: 'e1', name: 'lembar-observasi.pdf', size: 8, mimeType: 'application/pdf' },
    });
    expect(seen!.url).toBe('/api/evidence?assessmentId=a-1');
    expect((seen!.init!.headers as Record<string, string>)['x-kmg-upload']).toBe('1');
  });

  it('passes on the API’s refusal in its own words', async () => {
    const send = (async () =>
      new Response(JSON.stringify({ code: 'FILE_TYPE', message: 'Jenis berkas tidak diterima.' }), {
        status: 415,
      })) as unknown as typeof fetch;
    expect(await uploadEvidence('a-1', file, 'id', send)).toEqual({
      ok: false,
      code: 'FILE_TYPE',
      message: 'Jenis berkas tidak diterima.',
    });
  });

  it('reports an unreachable server without a message', async () => {
    const send = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await uploadEvidence('a-1', file, 'id', send)).toEqual({ ok: false, code: null, message: null });
  });
});

describe('removeEvidence', () => {
  it('deletes the evidence with the upload header', async () => {
    let seen: { url: string; init: RequestInit | undefined } | null = null;
    const send = (async (url: string, init?: RequestInit) => {
      seen = { url, init };
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    expect(await removeEvidence('e-1', 'id', send)).toEqual({ ok: true });
    expect(seen!.url).toBe('/api/evidence/e-1');
    expect(seen!.init!.method).toBe('DELETE');
    expect((seen!.init!.headers as Record<string, string>)['x-kmg-upload']).toBe('1');
  });

  it.each([
    [409, { code: 'RESULTS_LOCKED', message: 'Hasil sudah diajukan.' }, 'Hasil sudah diajukan.'],
    [404, { code: 'NOT_FOUND', message: 'Data tidak ditemukan.' }, 'Data tidak ditemukan.'],
  ])('passes on a %i refusal in the API’s words', async (status, body, message) => {
    const send = (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
    expect(await removeEvidence('e-1', 'id', send)).toEqual({ ok: false, code: body.code, message });
  });

  it('words a refusal without a body itself', async () => {
    const send = (async () => new Response('Bad gateway', { status: 502 })) as unknown as typeof fetch;
    const result = await removeEvidence('e-1', 'en', send);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toBeTruthy();
  });

  it('reports an unreachable server without a message', async () => {
    const send = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await removeEvidence('e-1', 'id', send)).toEqual({ ok: false, code: null, message: null });
  });
});
