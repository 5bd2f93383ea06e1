import { describe, expect, it } from 'vitest';
import { coursesBySemester, errorsByRow, formatWeight, importCurriculum } from '#lib/curriculum-import.ts';

const file = new File(['code,name'], 'kurikulum.csv', { type: 'text/csv' });
const programmeUuid = '01a236f5-9c64-72ee-afc2-60c3f22af53f';
const request = {
  programmeId: btoa(`StudyProgramme:${programmeUuid}`),
  version: '2024',
  effectiveFrom: '2024-08-01',
  file,
};

function answer(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('importCurriculum', () => {
  it('posts the file with the upload header and the parameters', async () => {
    let seen: { url: string; init: RequestInit } | null = null;
    const send: typeof fetch = async (url, init) => {
      seen = { url: String(url), init: init as RequestInit };
      return new Response(JSON.stringify({ courses: [], errors: [], courseCount: 0, totalSks: 0 }));
    };
    await importCurriculum({ ...request, mode: 'preview' }, 'id', send);
    expect(seen!.url).toBe(
      `/api/rpl/curriculum?programmeId=${programmeUuid}&version=2024&effectiveFrom=2024-08-01&mode=preview`,
    );
    expect(seen!.init.headers).toMatchObject({ 'x-kmg-upload': '1' });
    expect(seen!.init.credentials).toBe('include');
  });

  it('reads a preview, a save, refused rows and other refusals', async () => {
    const preview = {
      courses: [],
      errors: [{ row: 3, field: 'sks', code: 'X', message: 'SKS?' }],
      courseCount: 0,
      totalSks: 0,
    };
    expect(await importCurriculum({ ...request, mode: 'preview' }, 'en', answer(200, preview))).toEqual({
      ok: true,
      mode: 'preview',
      preview,
    });
    expect(
      await importCurriculum({ ...request, mode: 'save' }, 'en', answer(201, { curriculumId: 'c1' })),
    ).toEqual({ ok: true, mode: 'save', curriculumId: 'c1' });
    expect(
      await importCurriculum(
        { ...request, mode: 'save' },
        'en',
        answer(422, { ...preview, message: 'Fix rows' }),
      ),
    ).toEqual({
      ok: false,
      kind: 'file',
      errors: preview.errors,
      message: 'Fix rows',
    });
    expect(
      await importCurriculum(
        { ...request, mode: 'save' },
        'en',
        answer(400, {
          code: 'VALIDATION',
          message: 'Bad',
          issues: [{ path: ['version'], code: 'INVALID_FORMAT', message: 'Invalid format.' }],
        }),
      ),
    ).toMatchObject({
      ok: false,
      kind: 'request',
      message: 'Bad',
      fieldErrors: { version: 'Invalid format.' },
    });
  });

  it('says nothing of its own when the server cannot be reached', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await importCurriculum({ ...request, mode: 'preview' }, 'id', offline)).toMatchObject({
      ok: false,
      kind: 'request',
      message: null,
    });
  });
});

describe('errorsByRow', () => {
  it('groups the errors by row, in row order', () => {
    const errors = [
      { row: 7, field: 'sks', code: 'A', message: 'a' },
      { row: 2, field: 'code', code: 'B', message: 'b' },
      { row: 7, field: 'weight', code: 'C', message: 'c' },
    ];
    expect([...errorsByRow(errors)].map(([row, list]) => [row, list.map((e) => e.field)])).toEqual([
      [2, ['code']],
      [7, ['sks', 'weight']],
    ]);
  });
});

describe('coursesBySemester', () => {
  it('orders semesters and keeps course order inside each', () => {
    const courses = [
      { code: 'B', semester: 2 },
      { code: 'A', semester: 1 },
      { code: 'C', semester: 2 },
    ];
    expect(coursesBySemester(courses).map(([semester, list]) => [semester, list.map((c) => c.code)])).toEqual(
      [
        [1, ['A']],
        [2, ['B', 'C']],
      ],
    );
  });
});

describe('formatWeight', () => {
  it.each([
    [0.25, 'en', '25 %'],
    [0.125, 'id', '12,5 %'],
  ] as const)('%s in %s is %s', (weight, locale, text) => {
    expect(formatWeight(weight, locale)).toBe(text);
  });
});
