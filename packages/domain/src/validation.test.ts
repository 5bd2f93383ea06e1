import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { translateError } from '#messages.ts';
import * as rules from '#validation.ts';
import {
  callInputSchema,
  evidenceLinkSchema,
  motivationSchema,
  rubricSchema,
  teacherRegistrationSchema,
  textSchema,
  toFieldIssues,
} from '#validation.ts';

const NUL = '\u0000';

const call = {
  title: 'Pelatihan Pengoperasian Robot Las Industri',
  description: 'Pelatihan lima hari mengoperasikan robot las industri di pusat teknologi las.',
  learningOutcomes: ['Mengoperasikan robot las busur secara aman'],
  competencyUnits: [{ code: 'C.250000.001.01', title: 'Mengoperasikan robot las' }],
  mode: 'OFFLINE',
  venueName: 'Unggul Daihen Welding Technology Center',
  address: 'Jl. Akasia 2 Blok AE 3-5-6, Kawasan Industri Delta Silicon 1',
  city: 'Cikarang, Bekasi',
  province: '32',
  startDate: '2026-12-07',
  endDate: '2026-12-11',
  trainingHours: 40,
  seats: 20,
  applicationOpensAt: new Date('2026-11-01T00:00:00Z'),
  applicationClosesAt: new Date('2026-11-30T00:00:00Z'),
};

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldIssues(result.error.issues);
}

describe('callInputSchema', () => {
  it('accepts a complete call and trims text', () => {
    const parsed = callInputSchema.parse({ ...call, title: `  ${call.title}  ` });
    expect(parsed.title).toBe(call.title);
  });

  it.each([
    ['seats below 1', { seats: 0 }, ['seats'], 'SEATS_TOO_FEW'],
    ['fractional hours', { trainingHours: 4.5 }, ['trainingHours'], 'NOT_INTEGER'],
    ['a short title', { title: 'Las' }, ['title'], 'TOO_SHORT'],
    ['an empty city', { city: '' }, ['city'], 'REQUIRED'],
    ['no learning outcomes', { learningOutcomes: [] }, ['learningOutcomes'], 'TOO_FEW_ITEMS'],
    [
      'a malformed SKKNI code',
      { competencyUnits: [{ code: 'C25.001', title: 'Unit' }] },
      ['competencyUnits', '0', 'code'],
      'SKKNI_FORMAT',
    ],
    ['an impossible date', { startDate: '2026-02-30' }, ['startDate'], 'INVALID_DATE'],
    ['end before start', { endDate: '2026-12-01' }, ['endDate'], 'END_BEFORE_START'],
    ['an unknown mode', { mode: 'HYBRID' }, ['mode'], 'INVALID_FORMAT'],
    ['a missing title', { title: undefined }, ['title'], 'REQUIRED'],
    ['a NUL in the title', { title: `Pengelasan${NUL} GMAW` }, ['title'], 'INVALID_CHARACTER'],
    [
      'a NUL in a learning outcome',
      { learningOutcomes: [`Mengelas${NUL}`] },
      ['learningOutcomes', '0'],
      'INVALID_CHARACTER',
    ],
    ['a NUL in the venue', { venueName: NUL }, ['venueName'], 'INVALID_CHARACTER'],
  ])('reports %s on its field', (_name, change, path, code) => {
    expect(issuesOf(callInputSchema, { ...call, ...change })).toContainEqual(
      expect.objectContaining({ path, code }),
    );
  });

  it('reports a repeated SKKNI unit on the second one', () => {
    const unit = call.competencyUnits[0];
    const issues = issuesOf(callInputSchema, { ...call, competencyUnits: [unit, unit] });
    expect(issues).toEqual([{ path: ['competencyUnits', '1', 'code'], code: 'DUPLICATE_ITEM' }]);
  });
});

describe('rubricSchema', () => {
  const criterion = { key: 'motivation', nameId: 'Motivasi', nameEn: 'Motivation', weight: 3, maxScore: 5 };
  const level = (score: number, descriptionId = 'Rencana rinci', descriptionEn = 'Detailed plan') => ({
    score,
    descriptionId,
    descriptionEn,
  });

  it('keeps a rubric without descriptors working: no levels', () => {
    expect(rubricSchema.parse([criterion])).toEqual([{ ...criterion, levels: [] }]);
    expect(rubricSchema.parse([{ ...criterion, levels: null }])[0]?.levels).toEqual([]);
  });

  it('stores descriptors lowest score first, trimmed', () => {
    const parsed = rubricSchema.parse([{ ...criterion, levels: [level(5, '  Rinci sekali '), level(1)] }]);
    expect(parsed[0]?.levels.map((entry) => [entry.score, entry.descriptionId])).toEqual([
      [1, 'Rencana rinci'],
      [5, 'Rinci sekali'],
    ]);
  });

  it.each([
    ['a score above the scale', [level(6)], ['0', 'levels', '0', 'score'], 'LEVEL_OUT_OF_SCALE', { max: 5 }],
    ['a negative score', [level(-1)], ['0', 'levels', '0', 'score'], 'TOO_SMALL', { min: 0 }],
    [
      'a score described twice',
      [level(2), level(2)],
      ['0', 'levels', '1', 'score'],
      'LEVEL_DESCRIBED_TWICE',
      undefined,
    ],
    [
      'a missing English text',
      [level(2, 'Cukup', '  ')],
      ['0', 'levels', '0', 'descriptionEn'],
      'REQUIRED',
      undefined,
    ],
    ['a text too short', [level(2, 'ok')], ['0', 'levels', '0', 'descriptionId'], 'TOO_SHORT', { min: 3 }],
    [
      'a text too long',
      [level(2, 'x'.repeat(301))],
      ['0', 'levels', '0', 'descriptionId'],
      'TOO_LONG',
      { max: 300 },
    ],
  ])('points at %s', (_case, levels, path, code, params) => {
    const issues = issuesOf(rubricSchema, [{ ...criterion, levels }]);
    expect(issues).toEqual([{ path, code, ...(params ? { params } : {}) }]);
  });

  it('points at descriptors in the order sent, whatever else is wrong (the form maps them back)', () => {
    const issues = issuesOf(rubricSchema, [
      { ...criterion, levels: [level(6), level(2, 'Cukup', ''), level(3), level(3)] },
    ]);
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      '0.levels.0.score',
      '0.levels.1.descriptionEn',
      '0.levels.3.score',
    ]);
  });

  it('says so in both languages', () => {
    const [issue] = issuesOf(rubricSchema, [{ ...criterion, levels: [level(6)] }]);
    expect(translateError(issue!.code, 'id', issue!.params)).toMatch(/5/);
    expect(translateError(issue!.code, 'en', issue!.params)).toMatch(/5/);
  });
});

describe('motivationSchema', () => {
  it('counts characters after trimming and gives the bound', () => {
    const issues = issuesOf(motivationSchema, `  ${'a'.repeat(99)}  `);
    expect(issues).toEqual([{ path: [], code: 'TOO_SHORT', params: { min: 100 } }]);
    expect(translateError('TOO_SHORT', 'id', { min: 100 })).toBe('Minimal 100 karakter.');
    expect(issuesOf(motivationSchema, 'a'.repeat(100))).toEqual([]);
    expect(issuesOf(motivationSchema, 'a'.repeat(2001))[0]?.code).toBe('TOO_LONG');
  });

  it('names the NUL first when the text is also too short', () => {
    expect(issuesOf(motivationSchema, `Saya${NUL}`)).toEqual([{ path: [], code: 'INVALID_CHARACTER' }]);
  });
});

describe('teacherRegistrationSchema', () => {
  const teacher = {
    name: 'Sri Wahyuni',
    nuptk: '1234567890123456',
    npsn: '20328921',
    email: 'Sri@Example.ID',
    password: 'rahasia-sekali',
    subject: 'Teknik Pengelasan',
    employmentStatus: 'PNS',
    teachingSince: '2012-07-16',
    birthDate: '1987-03-21',
  };

  it('normalises email and accepts a well-formed teacher', () => {
    expect(teacherRegistrationSchema.parse(teacher).email).toBe('sri@example.id');
  });

  it.each([
    ['nuptk', '12345', 'NUPTK_FORMAT'],
    ['npsn', '2032892', 'NPSN_FORMAT'],
    ['email', 'sri@', 'INVALID_EMAIL'],
    ['password', 'pendek', 'PASSWORD_TOO_SHORT'],
  ])('refuses a bad %s', (field, value, code) => {
    expect(issuesOf(teacherRegistrationSchema, { ...teacher, [field]: value })).toContainEqual(
      expect.objectContaining({ path: [field], code }),
    );
  });
});

describe('evidenceLinkSchema', () => {
  it.each([
    ['https://drive.google.com/file/d/abc/view', true],
    ['http://smkn10semarang.sch.id/foto.jpg', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['ftp://files.example.id/bukti.pdf', false],
    ['https://', false],
  ])('accepts %s: %s', (url, ok) => {
    expect(evidenceLinkSchema.safeParse({ name: 'Foto benda kerja', url }).success).toBe(ok);
  });

  it('refuses a NUL in the address, which a URL parser lets through', () => {
    const url = `https://drive.google.com/file/d/abc${NUL}/view`;
    expect(issuesOf(evidenceLinkSchema, { name: 'Foto benda kerja', url })).toEqual([
      { path: ['url'], code: 'INVALID_CHARACTER' },
    ]);
  });
});

describe('textSchema', () => {
  it.each([
    ['alone', NUL],
    ['at the start', `${NUL}Sri Wahyuni`],
    ['inside', `Sri${NUL}Wahyuni`],
    ['at the end, where trimming would not remove it', `Sri Wahyuni${NUL}`],
  ])('refuses a NUL %s', (_where, value) => {
    expect(issuesOf(textSchema, value)).toEqual([{ path: [], code: 'INVALID_CHARACTER' }]);
  });

  it('lets every other character through, control characters and emoji included', () => {
    expect(textSchema.parse('Baris 1\n\tBaris 2 \u0001 \u007f 👩‍🏫 é')).toBe(
      'Baris 1\n\tBaris 2 \u0001 \u007f 👩‍🏫 é',
    );
  });

  it('says what is wrong in both languages', () => {
    expect(translateError('INVALID_CHARACTER', 'id')).toMatch(/NUL/);
    expect(translateError('INVALID_CHARACTER', 'en')).toMatch(/NUL/);
  });
});

/** Every string a schema reads, with its path; a pipe's output only sees what its input passed. */
function textInputsOf(schema: z.ZodType, path: string[] = []): { path: string; schema: z.ZodType }[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string, step?: string) =>
    textInputsOf(def[key] as z.ZodType, step === undefined ? path : [...path, step]);
  switch (def.type) {
    case 'string':
      return [{ path: path.join('.') || '(value)', schema }];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) =>
        textInputsOf(field, [...path, key]),
      );
    case 'array':
      return inner('element', '0');
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'number':
    case 'int':
    case 'boolean':
    case 'date':
    case 'enum':
    case 'transform':
      return [];
    default:
      throw new Error(`textInputsOf does not know "${def.type}" schemas (at ${path.join('.')}): teach it`);
  }
}

describe('every text input', () => {
  const inputs = Object.entries<unknown>(rules)
    .filter(
      (entry): entry is [string, z.ZodType] =>
        !!entry[1] && typeof entry[1] === 'object' && '_zod' in entry[1],
    )
    .flatMap(([name, schema]) => textInputsOf(schema).map((input) => ({ ...input, name })));

  it('is found in the exported rules', () => {
    expect(inputs.length).toBeGreaterThan(40);
  });

  it('refuses a NUL character, whichever rule holds it', () => {
    const letThrough = inputs
      .filter(
        (input) => !issuesOf(input.schema, `a${NUL}b`).some((issue) => issue.code === 'INVALID_CHARACTER'),
      )
      .map((input) => `${input.name}: ${input.path}`);
    expect(letThrough).toEqual([]);
  });
});
