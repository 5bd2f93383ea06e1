import { describe, expect, it } from 'vitest';
import { type EligibilityRules, listRequirements } from '#lib/requirements.ts';

const noRules: EligibilityRules = {
  subjects: null,
  employmentStatuses: null,
  minTeachingYears: null,
  maxAge: null,
  ageReferenceDate: null,
  provinces: null,
  schoolStatuses: null,
  centreOfExcellenceOnly: false,
};

const call = (rules: Partial<EligibilityRules>, requiresEndorsement = false) => ({
  eligibilityRules: { ...noRules, ...rules },
  requiresEndorsement,
  programme: { year: 2026 },
});

describe('listRequirements', () => {
  it('lists nothing for a call open to every teacher', () => {
    expect(listRequirements(call({}))).toEqual([]);
  });

  it.each([
    ['empty lists', { subjects: [], employmentStatuses: [], provinces: [], schoolStatuses: [] }],
    ['zero years of teaching', { minTeachingYears: 0 }],
  ])('treats %s as no limit', (_case, rules) => {
    expect(listRequirements(call(rules))).toEqual([]);
  });

  it('lists every rule, in the order a teacher checks themselves, with the endorsement last', () => {
    const rules: EligibilityRules = {
      subjects: ['Teknik Otomasi Industri', 'Mekatronika'],
      employmentStatuses: ['PNS', 'PPPK'],
      minTeachingYears: 2,
      maxAge: 45,
      ageReferenceDate: '2026-12-31',
      provinces: [{ code: '32', name: 'Jawa Barat' }],
      schoolStatuses: ['NEGERI'],
      centreOfExcellenceOnly: true,
    };
    expect(listRequirements(call(rules, true))).toEqual([
      { rule: 'subjects', subjects: ['Teknik Otomasi Industri', 'Mekatronika'] },
      { rule: 'employment', statuses: ['PNS', 'PPPK'] },
      { rule: 'teachingYears', years: 2 },
      { rule: 'age', maxAge: 45, on: '2026-12-31' },
      { rule: 'provinces', provinces: ['Jawa Barat'] },
      { rule: 'schoolStatus', statuses: ['NEGERI'] },
      { rule: 'centreOfExcellence' },
      { rule: 'endorsement' },
    ]);
  });

  it('counts age on 31 December of the programme year when the call names no date', () => {
    expect(listRequirements(call({ maxAge: 45 }))).toEqual([{ rule: 'age', maxAge: 45, on: '2026-12-31' }]);
  });
});
