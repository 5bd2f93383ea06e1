import { describe, expect, it } from 'vitest';
import {
  decreeNumberTokens,
  insertToken,
  parseDeadlineTargets,
  previewDecreeNumber,
  type SettingsFormValues,
  settingsFormFrom,
  tokenKey,
  toSettingsInput,
  type UniversitySettings,
  validateSettingsForm,
} from '#lib/rpl-settings-form.ts';

const unnes: UniversitySettings = {
  decreeNumberPattern: 'B/{seq:4}/UN37/RPL/{year}',
  decreeScope: 'CASE',
  authority: 'DEAN',
  facultyId: 'Fakultas Teknik',
  facultyEn: 'Faculty of Engineering',
  letterhead: {
    ministryId: 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi',
    ministryEn: null,
    unitId: 'Fakultas Teknik',
    unitEn: null,
    address: ['Gedung E1 Kampus Sekaran, Gunungpati, Semarang 50229'],
    contacts: ['Telepon (024) 8508101', 'ft.unnes.ac.id'],
  },
  signatories: [
    {
      name: 'Wahyu Hidayat',
      positionId: 'Dekan Fakultas Teknik',
      positionEn: null,
      employeeNumber: '197806122005011002',
      employeeNumberLabel: 'NIP',
    },
  ],
  place: 'Semarang',
  appealDays: 14,
  deadlineTargets: '{"assessment":10}',
  workingDays: true,
  holidays: ['2026-08-17', '2026-01-01'],
  autoAssign: true,
};

const preview = { date: '2026-08-05', programmeCode: 'S1-PTM', universityCode: 'UNNES' };

describe('previewDecreeNumber', () => {
  it.each([
    ['B/{seq:4}/UN37/RPL/{year}', 'B/0001/UN37/RPL/2026'],
    ['{seq:3}/PL1/RPL/{roman-month}/{year}', '001/PL1/RPL/VIII/2026'],
    ['{seq}/{university}/{programme}/{month}/{year}', '1/UNNES/S1-PTM/08/2026'],
  ])('numbers %s as %s', (pattern, number) => {
    expect(previewDecreeNumber(pattern, preview, 'id')).toEqual({ kind: 'number', number });
  });

  it('says why a pattern cannot be used, in the reader’s language', () => {
    const result = previewDecreeNumber('SK/{tahun}', preview, 'en');
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.message).toContain('{tahun}');
      expect(result.message).toContain('{seq:3}');
      expect(result.message).toContain('{year}');
    }
    expect(previewDecreeNumber('', preview, 'id')).toEqual({ kind: 'invalid', message: 'Wajib diisi.' });
  });

  it('shows where the codes go when there are none yet', () => {
    expect(
      previewDecreeNumber(
        '{seq}/{programme}/{university}/{year}',
        { ...preview, programmeCode: '', universityCode: '' },
        'id',
      ),
    ).toEqual({ kind: 'number', number: '1/PRODI/PT/2026' });
  });
});

describe('decree number tokens', () => {
  it('lists the domain’s tokens, each with a message key', () => {
    expect(decreeNumberTokens).toEqual([
      '{seq:3}',
      '{year}',
      '{month}',
      '{roman-month}',
      '{programme}',
      '{university}',
    ]);
    expect(decreeNumberTokens.map(tokenKey)).toEqual([
      'seq',
      'year',
      'month',
      'romanMonth',
      'programme',
      'university',
    ]);
  });

  it.each([
    ['SK/', null, 'SK/{year}', 9],
    ['SK//RPL', { start: 3, end: 3 }, 'SK/{year}/RPL', 9],
    ['SK/2025/RPL', { start: 3, end: 7 }, 'SK/{year}/RPL', 9],
  ])('inserts a token into %j at %j', (text, selection, expected, cursor) => {
    expect(insertToken(text, '{year}', selection)).toEqual({ text: expected, cursor });
  });
});

describe('parseDeadlineTargets', () => {
  it('fills the steps the university did not change with the defaults', () => {
    expect(parseDeadlineTargets('{"assessment":10,"wholeCase":21}')).toEqual({
      administrativeCheck: 3,
      assessment: 10,
      committee: 3,
      validation: 2,
      decree: 2,
      appealDecision: 3,
      wholeCase: 21,
    });
  });

  it.each(['', 'null', '[]', '{"assessment":"10"}', '{"assessment":2.5}'])(
    'reads %j as the defaults',
    (json) => {
      expect(parseDeadlineTargets(json).assessment).toBe(7);
    },
  );
});

describe('settingsFormFrom and toSettingsInput', () => {
  it('round-trips the settings, sending only the targets that differ from the defaults', () => {
    const input = toSettingsInput(settingsFormFrom(unnes));
    expect(input).toEqual({
      decreeNumberPattern: 'B/{seq:4}/UN37/RPL/{year}',
      decreeScope: 'CASE',
      authority: 'DEAN',
      facultyId: 'Fakultas Teknik',
      facultyEn: 'Faculty of Engineering',
      letterhead: {
        ministryId: 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi',
        ministryEn: null,
        unitId: 'Fakultas Teknik',
        unitEn: null,
        address: ['Gedung E1 Kampus Sekaran, Gunungpati, Semarang 50229'],
        contacts: ['Telepon (024) 8508101', 'ft.unnes.ac.id'],
      },
      signatories: [
        {
          name: 'Wahyu Hidayat',
          positionId: 'Dekan Fakultas Teknik',
          positionEn: null,
          employeeNumber: '197806122005011002',
          employeeNumberLabel: 'NIP',
        },
      ],
      place: 'Semarang',
      appealDays: 14,
      deadlineTargets: '{"assessment":10}',
      workingDays: true,
      holidays: ['2026-01-01', '2026-08-17'],
      autoAssign: true,
    });
  });

  it('drops the faculty when the rector decrees, and trims what was typed', () => {
    const values: SettingsFormValues = {
      ...settingsFormFrom(unnes),
      authority: 'RECTOR',
      place: '  Semarang ',
      appealDays: '21',
      deadlineTargets: { ...settingsFormFrom(unnes).deadlineTargets, assessment: 7, committee: '5' },
    };
    expect(toSettingsInput(values)).toMatchObject({
      facultyId: null,
      facultyEn: null,
      place: 'Semarang',
      appealDays: 21,
      deadlineTargets: '{"committee":5}',
    });
  });

  it('starts with one empty signatory when none is kept', () => {
    const values = settingsFormFrom({ ...unnes, signatories: [] });
    expect(values.signatories).toHaveLength(1);
    expect(values.signatories[0]).toMatchObject({ name: '', positionId: '' });
  });
});

describe('validateSettingsForm', () => {
  const valid = settingsFormFrom(unnes);

  it('accepts the stored settings', () => {
    expect(validateSettingsForm(valid, 'id')).toEqual({});
  });

  it('puts each problem on its field, in the form’s paths (the API’s)', () => {
    const values: SettingsFormValues = {
      ...valid,
      decreeNumberPattern: 'SK/{seq:3}',
      facultyId: ' ',
      letterhead: { ...valid.letterhead, address: ['Jl. Sekaran', ''] },
      signatories: [{ ...valid.signatories[0]!, positionId: '' }],
      place: '',
      appealDays: 400,
      deadlineTargets: { ...valid.deadlineTargets, assessment: 0, wholeCase: 181, decree: 1.5 },
      holidays: ['2026-02-30'],
    };
    expect(validateSettingsForm(values, 'en')).toEqual({
      decreeNumberPattern:
        'The pattern must contain the year {year}, because the sequence starts again at 1 every year.',
      facultyId: 'Required.',
      'letterhead.address.1': 'Required.',
      'signatories.0.positionId': 'Required.',
      place: 'Required.',
      appealDays: 'At most 365.',
      'deadlineTargets.assessment': 'At least 1.',
      'deadlineTargets.wholeCase': 'At most 180.',
      'deadlineTargets.decree': 'Must be a whole number.',
      'holidays.0': 'Not a valid date.',
    });
  });

  it('needs no faculty when the rector decrees', () => {
    expect(validateSettingsForm({ ...valid, authority: 'RECTOR', facultyId: '' }, 'id')).toEqual({});
  });

  it('asks for at least one signatory', () => {
    expect(validateSettingsForm({ ...valid, signatories: [] }, 'id')).toEqual({
      signatories: 'Isi minimal 1 butir.',
    });
  });
});
