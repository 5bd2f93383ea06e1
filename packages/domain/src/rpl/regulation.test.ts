import { describe, expect, it } from 'vitest';
import { nationalProfile } from '#rpl/fixtures.ts';
import { accreditationRank, resolveRegulation, rplDefaultLimits } from '#rpl/regulation.ts';
import { regulationLimitsSchema, ruleCoverageSchema, ruleRequirementsSchema } from '#rpl/schemas.ts';
import type { RegulationProfile } from '#rpl/types.ts';
import { defaultForbiddenRolePairs } from '#rpl-review/case-machine.ts';

const university: RegulationProfile = {
  id: 'univ-v1',
  layer: 'UNIVERSITY',
  version: 1,
  citation: 'Peraturan Rektor 7/2024',
  effectiveFrom: '2024-07-01',
  effectiveTo: '2025-06-30',
  limits: { maxSks: 100, maxCourses: 30, recencyYears: 5 },
};
const universityV2: RegulationProfile = {
  ...university,
  id: 'univ-v2',
  version: 2,
  citation: 'Peraturan Rektor 3/2025',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  limits: { maxSks: 90, maxCourses: null },
};
const programmeProfile: RegulationProfile = {
  id: 'prodi-v1',
  layer: 'PROGRAMME',
  version: 1,
  citation: 'SK Dekan 12/2025',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  limits: { maxCourses: 12, defaultMinCoverage: 0.75, maxCoursesPerCredential: 2 },
};
const profiles = [nationalProfile, university, universityV2, programmeProfile];

describe('resolveRegulation', () => {
  it('takes each limit from the most specific layer that sets it and says which', () => {
    const resolved = resolveRegulation(profiles, '2025-06-30');
    expect(resolved.maxCourses).toEqual({
      value: 12,
      source: { layer: 'PROGRAMME', profileId: 'prodi-v1', version: 1, citation: 'SK Dekan 12/2025' },
    });
    expect(resolved.maxSks.value).toBe(100);
    expect(resolved.maxSks.source?.layer).toBe('UNIVERSITY');
    expect(resolved.maxShareOfProgramme.value).toBe(0.7);
    expect(resolved.maxShareOfProgramme.source?.layer).toBe('NATIONAL');
    expect(resolved.recencyYears).toMatchObject({ value: 5, source: { profileId: 'univ-v1' } });
  });

  it('gives the built-in default, without a source, for a limit no layer sets', () => {
    const resolved = resolveRegulation(profiles, '2025-06-30');
    expect(resolved.minSemestersRemaining).toEqual({ value: null, source: null });
    expect(resolveRegulation([], '2025-06-30').hoursPerSks).toEqual({ value: 45, source: null });
    expect(resolveRegulation([], '2025-06-30').defaultMinCoverage.value).toBe(
      rplDefaultLimits.defaultMinCoverage,
    );
  });

  it("takes a layer's four-eyes pairs, else the reviewers' defaults, and refuses a pair of one role", () => {
    expect(resolveRegulation([], '2025-06-30').forbiddenRolePairs).toEqual({
      value: defaultForbiddenRolePairs.map(([a, b]) => [a, b]),
      source: null,
    });
    const strict = {
      ...university,
      id: 'strict',
      limits: { forbiddenRolePairs: [['ADMIN_OFFICER', 'VALIDATOR']] },
    } as RegulationProfile;
    expect(resolveRegulation([strict], '2025-06-30').forbiddenRolePairs).toMatchObject({
      value: [['ADMIN_OFFICER', 'VALIDATOR']],
      source: { profileId: 'strict' },
    });
    expect(
      regulationLimitsSchema.safeParse({ forbiddenRolePairs: [['VALIDATOR', 'VALIDATOR']] }).success,
    ).toBe(false);
  });

  it.each([
    ['the day before the new version', '2025-06-30', 'univ-v1', 100],
    ['its first day', '2025-07-01', 'univ-v2', 90],
    ['later', '2026-01-15', 'univ-v2', 90],
  ])('uses the university profile in force on %s', (_when, date, profileId, maxSks) => {
    const resolved = resolveRegulation(profiles, date);
    expect(resolved.maxSks).toMatchObject({ value: maxSks, source: { profileId } });
  });

  it('lets a layer lift a limit with null, which overrides the layer below', () => {
    const withNational = [
      { ...nationalProfile, limits: { ...nationalProfile.limits, maxCourses: 40 } },
      universityV2,
    ];
    expect(resolveRegulation(withNational, '2025-08-01').maxCourses).toMatchObject({
      value: null,
      source: { profileId: 'univ-v2' },
    });
  });

  it('ignores profiles not yet or no longer in force', () => {
    const resolved = resolveRegulation(profiles, '2024-12-31');
    expect(resolved.maxShareOfProgramme.source).toBeNull();
    expect(resolved.maxCourses).toMatchObject({ value: 30, source: { profileId: 'univ-v1' } });
    expect(resolved.defaultMinCoverage.source).toBeNull();
  });

  it('prefers the highest version among profiles of one layer in force together', () => {
    const overlapping = {
      ...university,
      id: 'univ-v3',
      version: 3,
      effectiveTo: null,
      limits: { maxSks: 80 },
    };
    expect(resolveRegulation([university, overlapping], '2025-01-01').maxSks.value).toBe(80);
  });
});

describe('accreditationRank', () => {
  it.each([
    ['A', 'UNGGUL'],
    ['B', 'BAIK_SEKALI'],
    ['C', 'BAIK'],
  ] as const)('ranks the old %s as %s', (old, current) => {
    expect(accreditationRank[old]).toBe(accreditationRank[current]);
  });
});

describe('rpl schemas', () => {
  it('accepts a layer that sets only some limits, and null for "no limit"', () => {
    expect(regulationLimitsSchema.parse({ maxSks: null, excludedCourseKinds: ['FINAL_PROJECT'] })).toEqual({
      maxSks: null,
      excludedCourseKinds: ['FINAL_PROJECT'],
    });
  });

  it.each([
    [{ maxShareOfProgramme: 1.2 }],
    [{ maxSks: -1 }],
    [{ minAccreditation: 'D' }],
    [{ maxCoursesPerCredential: 0 }],
    [{ maxSKS: 100 }],
  ])('refuses %j', (limits) => {
    expect(regulationLimitsSchema.safeParse(limits).success).toBe(false);
  });

  it('reads requirements and coverage as stored', () => {
    const requirements = [
      { kind: 'SKKNI_UNIT', unitCode: 'C.85.000.01.01' },
      { kind: 'HOURS', minimum: 40 },
    ];
    expect(ruleRequirementsSchema.parse(requirements)).toEqual(requirements);
    expect(ruleCoverageSchema.parse({ kind: 'MIN', minimum: 0.75 })).toEqual({ kind: 'MIN', minimum: 0.75 });
  });

  it('refuses an hours requirement with nothing to count hours on', () => {
    const parsed = ruleRequirementsSchema.safeParse([{ kind: 'HOURS', minimum: 40 }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('RPL_RULE_HOURS_ALONE');
  });
});
