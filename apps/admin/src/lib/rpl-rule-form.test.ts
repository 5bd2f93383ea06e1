import { describe, expect, it } from 'vitest';
import {
  coverageFromJson,
  emptyRuleForm,
  newRequirementRow,
  type RequirementRow,
  type RuleFormValues,
  requirementsToRows,
  ruleFieldPath,
  ruleFormFromVersion,
  toCoverage,
  toRequirements,
  toRuleInput,
  validateRuleForm,
} from '#lib/rpl-rule-form.ts';

const row = (change: Partial<RequirementRow>): RequirementRow => ({ ...newRequirementRow(), ...change });

describe('toRequirements', () => {
  it.each([
    [
      { kind: 'ACHIEVEMENT', code: ' KMG-TM-01 ' },
      { kind: 'ACHIEVEMENT', achievementCode: 'KMG-TM-01' },
    ],
    [
      { kind: 'SKKNI_UNIT', code: 'C.28.LAS.01' },
      { kind: 'SKKNI_UNIT', unitCode: 'C.28.LAS.01' },
    ],
    [
      { kind: 'PATHWAY', code: 'JLR-ROBOT' },
      { kind: 'PATHWAY', pathwayCode: 'JLR-ROBOT' },
    ],
    [
      { kind: 'LEARNING_OUTCOME', code: 'KMG-TM-01', outcomeCode: 'LO2' },
      { kind: 'LEARNING_OUTCOME', achievementCode: 'KMG-TM-01', outcomeCode: 'LO2' },
    ],
    [
      { kind: 'HOURS', minimum: '40' },
      { kind: 'HOURS', minimum: 40 },
    ],
  ] as const)('writes %o as %o', (change, expected) => {
    expect(toRequirements([row(change as Partial<RequirementRow>)])).toEqual([expected]);
  });

  it('reads the same JSON back into rows', () => {
    const json = JSON.stringify([
      { kind: 'ACHIEVEMENT', achievementCode: 'A' },
      { kind: 'LEARNING_OUTCOME', achievementCode: 'A', outcomeCode: 'LO1' },
      { kind: 'HOURS', minimum: 32 },
      { kind: 'UNKNOWN' },
    ]);
    expect(toRequirements(requirementsToRows(json))).toEqual(JSON.parse(json).slice(0, 3));
  });
});

describe('coverage', () => {
  it.each([
    ['ALL', 75, { kind: 'ALL' }],
    ['DEFAULT', 75, { kind: 'DEFAULT' }],
    ['MIN', 75, { kind: 'MIN', minimum: 0.75 }],
    ['MIN', '62,5', { kind: 'MIN', minimum: 0.625 }],
  ] as const)('%s with %s %% is %o', (coverageKind, minCoveragePercent, expected) => {
    expect(toCoverage({ coverageKind, minCoveragePercent })).toEqual(expected);
    expect(coverageFromJson(JSON.stringify(expected)).coverageKind).toBe(coverageKind);
  });
});

const valid = (): RuleFormValues => ({
  ...emptyRuleForm('2025-01-01'),
  code: 'R-CNC-1',
  courseId: 'Q291cnNlOjE=',
  requirements: [row({ kind: 'ACHIEVEMENT', code: 'KMG-CNC' }), row({ kind: 'HOURS', minimum: 40 })],
  coveredOutcomes: ['CPMK1'],
  sks: 3,
  rationaleId: 'Pelatihan CNC mencakup CPMK praktik pemesinan.',
});

describe('validateRuleForm', () => {
  it('accepts a complete rule', () => {
    expect(validateRuleForm(valid(), { locale: 'en', courseSks: 3, isNew: true })).toEqual({});
  });

  it('refuses hours as the only requirement, on the list', () => {
    const errors = validateRuleForm(
      { ...valid(), requirements: [row({ kind: 'HOURS', minimum: 40 })] },
      { locale: 'en', courseSks: 3, isNew: true },
    );
    expect(Object.keys(errors)).toEqual(['requirements']);
  });

  it('puts an empty code on its row and more SKS than the course on the SKS', () => {
    const values = { ...valid(), sks: 4, requirements: [row({ kind: 'SKKNI_UNIT', code: '' })] };
    const errors = validateRuleForm(values, { locale: 'id', courseSks: 3, isNew: true });
    expect(Object.keys(errors).sort()).toEqual(['requirements.0.code', 'sks']);
  });

  it('asks for the course, and for the code only on a new rule', () => {
    const values = { ...valid(), courseId: null, code: '' };
    expect(
      Object.keys(validateRuleForm(values, { locale: 'en', courseSks: null, isNew: true })).sort(),
    ).toEqual(['code', 'courseId']);
    expect(Object.keys(validateRuleForm(values, { locale: 'en', courseSks: null, isNew: false }))).toEqual([
      'courseId',
    ]);
  });
});

describe('ruleFieldPath', () => {
  it.each([
    [['input', 'requirements', '1', 'unitCode'], 'requirements.1.code'],
    [['requirements', '2'], 'requirements.2.code'],
    [['input', 'requirements', '0', 'minimum'], 'requirements.0.minimum'],
    [['requirements', '0', 'outcomeCode'], 'requirements.0.outcomeCode'],
    [['requirements'], 'requirements'],
    [['input', 'coverage', 'minimum'], 'minCoveragePercent'],
    [['coveredOutcomes', '3'], 'coveredOutcomes'],
    [['sks'], 'sks'],
  ])('%o lands on %s', (path, field) => {
    expect(ruleFieldPath(path)).toBe(field);
  });
});

describe('ruleFormFromVersion and toRuleInput', () => {
  it('round-trips a saved version', () => {
    const version = {
      code: 'R-1',
      course: { id: 'Q291cnNlOjE=' },
      requirements: JSON.stringify([{ kind: 'PATHWAY', pathwayCode: 'JLR-1' }]),
      coveredOutcomes: ['CPMK1', 'CPMK2'],
      coverage: JSON.stringify({ kind: 'MIN', minimum: 0.8 }),
      sks: 2,
      rationaleId: 'Alasan yang cukup panjang.',
      rationaleEn: null,
      effectiveFrom: '2025-02-01',
      effectiveTo: null,
    };
    expect(toRuleInput(ruleFormFromVersion(version))).toEqual({
      courseId: version.course.id,
      requirements: version.requirements,
      coveredOutcomes: version.coveredOutcomes,
      coverage: version.coverage,
      sks: 2,
      rationaleId: version.rationaleId,
      rationaleEn: null,
      effectiveFrom: '2025-02-01',
      effectiveTo: null,
    });
  });
});
