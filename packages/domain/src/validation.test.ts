import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { translateError } from '#messages.ts';
import {
  callInputSchema,
  evidenceLinkSchema,
  motivationSchema,
  teacherRegistrationSchema,
  toFieldIssues,
} from '#validation.ts';

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

describe('motivationSchema', () => {
  it('counts characters after trimming and gives the bound', () => {
    const issues = issuesOf(motivationSchema, `  ${'a'.repeat(99)}  `);
    expect(issues).toEqual([{ path: [], code: 'TOO_SHORT', params: { min: 100 } }]);
    expect(translateError('TOO_SHORT', 'id', { min: 100 })).toBe('Minimal 100 karakter.');
    expect(issuesOf(motivationSchema, 'a'.repeat(100))).toEqual([]);
    expect(issuesOf(motivationSchema, 'a'.repeat(2001))[0]?.code).toBe('TOO_LONG');
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
});
