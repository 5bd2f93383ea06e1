import { describe, expect, it } from 'vitest';
import { checkEligibility, type EligibilityRules, type HeldSeat, type TeacherFacts } from '#eligibility.ts';
import { translateError } from '#messages.ts';

const teacher: TeacherFacts = {
  subject: 'Teknik Pengelasan',
  employmentStatus: 'PNS',
  teachingSince: '2012-07-16',
  birthDate: '1987-03-21',
  school: { province: '33', status: 'NEGERI', centreOfExcellence: true },
};
const call = { id: 'c1', startDate: '2026-12-07', endDate: '2026-12-11', programmeYear: 2026 };
const limits = { maxAcceptedPerYear: 1 };

function check(rules: EligibilityRules, overrides: Partial<TeacherFacts> = {}, held: HeldSeat[] = []) {
  return checkEligibility({ rules, limits, teacher: { ...teacher, ...overrides }, call, held });
}

describe('checkEligibility', () => {
  it('finds a teacher eligible when every rule holds', () => {
    const rules: EligibilityRules = {
      subjects: ['teknik  pengelasan', 'Teknik Otomasi Industri'],
      employmentStatuses: ['PNS', 'PPPK'],
      minTeachingYears: 2,
      maxAge: 45,
      provinces: ['33', '35'],
      schoolStatuses: ['NEGERI'],
      centreOfExcellenceOnly: true,
    };
    expect(check(rules)).toEqual({ kind: 'eligible' });
  });

  it.each<[string, EligibilityRules, Partial<TeacherFacts>, string]>([
    ['another subject', { subjects: ['Rekayasa Perangkat Lunak'] }, {}, 'INELIGIBLE_SUBJECT'],
    [
      'an honorary teacher',
      { employmentStatuses: ['PNS', 'PPPK'] },
      { employmentStatus: 'HONORER' },
      'INELIGIBLE_EMPLOYMENT',
    ],
    [
      'one year short of teaching',
      { minTeachingYears: 2 },
      { teachingSince: '2024-12-08' },
      'INELIGIBLE_TEACHING_YEARS',
    ],
    ['older than the limit on 31 December', { maxAge: 45 }, { birthDate: '1980-12-30' }, 'INELIGIBLE_AGE'],
    ['no birth date under an age limit', { maxAge: 45 }, { birthDate: null }, 'INELIGIBLE_AGE_UNKNOWN'],
    ['a school in another province', { provinces: ['35'] }, {}, 'INELIGIBLE_PROVINCE'],
    [
      'a private school',
      { schoolStatuses: ['NEGERI'] },
      { school: { ...teacher.school, status: 'SWASTA' } },
      'INELIGIBLE_SCHOOL_STATUS',
    ],
    [
      'a school that is not a centre of excellence',
      { centreOfExcellenceOnly: true },
      { school: { ...teacher.school, centreOfExcellence: false } },
      'INELIGIBLE_CENTRE_OF_EXCELLENCE',
    ],
  ])('refuses %s', (_name, rules, overrides, code) => {
    const result = check(rules, overrides);
    expect(result.kind).toBe('ineligible');
    expect(result.kind === 'ineligible' && result.reasons.map((reason) => reason.code)).toEqual([code]);
  });

  it.each([
    ['exactly 45 on the reference date', '1981-12-31', 'eligible'],
    ['46 on the reference date', '1980-12-31', 'ineligible'],
    ['turning 46 the day after', '1981-01-01', 'eligible'],
  ])('counts age on 31 December of the programme year: %s', (_name, birthDate, kind) => {
    expect(check({ maxAge: 45 }, { birthDate }).kind).toBe(kind);
  });

  it('counts teaching years up to the first training day', () => {
    expect(check({ minTeachingYears: 2 }, { teachingSince: '2024-12-07' }).kind).toBe('eligible');
    expect(check({ minTeachingYears: 2 }, { teachingSince: '2024-12-08' }).kind).toBe('ineligible');
  });

  it('lists every failing rule, with reasons a teacher can read in both languages', () => {
    const result = check({ minTeachingYears: 15, maxAge: 30 });
    if (result.kind !== 'ineligible') throw new Error('expected ineligible');
    expect(result.reasons.map((reason) => translateError(reason.code, 'id', reason.params))).toEqual([
      'Dibutuhkan pengalaman mengajar minimal 15 tahun; Anda 14 tahun.',
      'Usia maksimal 30 tahun pada 2026-12-31; usia Anda 39 tahun.',
    ]);
    expect(translateError(result.reasons[0]!.code, 'en', result.reasons[0]!.params)).toBe(
      'At least 15 years of teaching are required; you have 14.',
    );
  });

  it('holds a teacher to one accepted training per programme year', () => {
    const held: HeldSeat[] = [
      {
        callId: 'c0',
        title: 'Welding Inspector',
        programmeYear: 2026,
        startDate: '2026-03-02',
        endDate: '2026-03-06',
      },
    ];
    expect(check({}, {}, held)).toMatchObject({ kind: 'ineligible', reasons: [{ rule: 'yearLimit' }] });
    const lastYear = [{ ...held[0]!, programmeYear: 2025 }];
    expect(check({}, {}, lastYear)).toEqual({ kind: 'eligible' });
  });

  it('refuses overlapping dates even across programme years, and ignores the call itself', () => {
    const overlap: HeldSeat = {
      callId: 'c9',
      title: 'PLC dan HMI',
      programmeYear: 2027,
      startDate: '2026-12-11',
      endDate: '2026-12-15',
    };
    expect(check({}, {}, [overlap])).toMatchObject({ kind: 'ineligible', reasons: [{ rule: 'overlap' }] });
    const adjacent = { ...overlap, startDate: '2026-12-12' };
    expect(check({}, {}, [adjacent])).toEqual({ kind: 'eligible' });
    expect(check({}, {}, [{ ...overlap, callId: 'c1', programmeYear: 2026 }])).toEqual({ kind: 'eligible' });
  });
});
