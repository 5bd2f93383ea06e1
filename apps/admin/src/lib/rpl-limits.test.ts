import { describe, expect, it } from 'vitest';
import {
  effectiveLimits,
  formToLimits,
  limitsToForm,
  type ProfileFormValues,
  type ProfileRow,
  parseLimits,
  profileFieldErrors,
  profilesInForce,
  toProfileInput,
  validateProfileForm,
} from '#lib/rpl-limits.ts';

describe('limitsToForm and formToLimits', () => {
  it('round-trips what a layer sets, leaving the rest to the layer below', () => {
    const limits = {
      maxShareOfProgramme: 0.7,
      maxSks: null,
      excludedCourseKinds: ['FINAL_PROJECT' as const],
      degreeLevelsWithoutRpl: [],
      minAccreditation: 'BAIK_SEKALI' as const,
      requireValidAtCutoff: false,
      defaultMinCoverage: 0.75,
    };
    expect(formToLimits(limitsToForm(limits))).toEqual(limits);
  });

  it.each([
    [0.7, 70],
    [0.29, 29],
    [0.755, 75.5],
  ])('shows the share %s as %s percent and back', (share, percent) => {
    const form = limitsToForm({ maxShareOfProgramme: share });
    expect(form.maxShareOfProgramme).toMatchObject({ mode: 'set', amount: percent });
    expect(formToLimits(form)).toEqual({ maxShareOfProgramme: share });
  });

  it('writes "no limit" as null, and never for a limit that cannot be lifted', () => {
    const form = limitsToForm({});
    form.maxCourses.mode = 'none';
    form.hoursPerSks.mode = 'none';
    expect(formToLimits(form)).toEqual({ maxCourses: null });
  });

  it('reads numbers typed as text, with a decimal comma', () => {
    const form = limitsToForm({});
    form.maxSks = { ...form.maxSks, mode: 'set', amount: ' 100 ' };
    form.defaultMinCoverage = { ...form.defaultMinCoverage, mode: 'set', amount: '62,5' };
    expect(formToLimits(form)).toEqual({ maxSks: 100, defaultMinCoverage: 0.625 });
  });

  it('sends an unchosen accreditation as empty, so it is refused rather than read as "no minimum"', () => {
    const form = limitsToForm({});
    form.minAccreditation.mode = 'set';
    expect(formToLimits(form)).toEqual({ minAccreditation: '' });
  });
});

describe('parseLimits', () => {
  it.each([
    ['{"maxSks":100}', { maxSks: 100 }],
    ['not json', {}],
    ['{"misspelt":1}', {}],
  ])('reads %s', (json, expected) => {
    expect(parseLimits(json)).toEqual(expected);
  });
});

const profile = (
  layer: ProfileRow['layer'],
  version: number,
  limits: object,
  from = '2024-01-01',
  to: string | null = null,
): ProfileRow => ({
  id: `${layer}-${version}`,
  layer,
  version,
  citation: 'Permendikbudristek 41/2021',
  effectiveFrom: from,
  effectiveTo: to,
  limits: JSON.stringify(limits),
});

describe('profilesInForce and effectiveLimits', () => {
  const profiles = [
    profile('NATIONAL', 1, { maxShareOfProgramme: 0.7, excludedCourseKinds: ['FINAL_PROJECT'] }),
    profile('NATIONAL', 2, { maxShareOfProgramme: 0.5 }, '2030-01-01'),
    profile('UNIVERSITY', 1, { maxCourses: 20 }),
    profile('PROGRAMME', 1, { maxCourses: null, maxShareOfProgramme: 0.6 }, '2024-01-01', '2024-12-31'),
  ];

  it('takes per layer the highest version in force on the day', () => {
    const inForce = profilesInForce(profiles, '2025-06-01');
    expect([...inForce].map(([layer, row]) => `${layer}:${row.version}`)).toEqual([
      'NATIONAL:1',
      'UNIVERSITY:1',
    ]);
  });

  it('takes each limit from the highest layer that sets it, else the built-in default', () => {
    const applied = effectiveLimits(profilesInForce(profiles, '2024-06-01'));
    expect(applied.maxShareOfProgramme).toEqual({ value: 0.6, layer: 'PROGRAMME' });
    expect(applied.maxCourses).toEqual({ value: null, layer: 'PROGRAMME' });
    expect(applied.excludedCourseKinds).toEqual({ value: ['FINAL_PROJECT'], layer: 'NATIONAL' });
    expect(applied.hoursPerSks).toEqual({ value: 45, layer: null });
  });
});

describe('validateProfileForm', () => {
  const values = (change: Partial<ProfileFormValues> = {}): ProfileFormValues => ({
    citation: 'Kepdirjen Diktiristek 162/E/KPT/2022',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    limits: limitsToForm({ maxShareOfProgramme: 0.7 }),
    ...change,
  });

  it('accepts a complete profile', () => {
    expect(validateProfileForm(values(), 'en')).toEqual({});
  });

  it('puts a limit out of range on its value field', () => {
    const errors = validateProfileForm(values({ limits: limitsToForm({ maxShareOfProgramme: 1.5 }) }), 'en');
    expect(Object.keys(errors)).toEqual(['limits.maxShareOfProgramme.amount']);
  });

  it('names a short citation and an end before the start', () => {
    const errors = validateProfileForm(values({ citation: 'abc', effectiveTo: '2024-01-01' }), 'id');
    expect(Object.keys(errors).sort()).toEqual(['citation', 'effectiveTo']);
  });
});

describe('profileFieldErrors', () => {
  it('moves the API paths onto the form fields', () => {
    expect(
      profileFieldErrors([
        { path: ['input', 'limits', 'maxSks'], message: 'a' },
        { path: ['limits', 'excludedCourseKinds', '0'], message: 'b' },
        { path: ['citation'], message: 'c' },
      ]),
    ).toEqual({ 'limits.maxSks.amount': 'a', 'limits.excludedCourseKinds.list': 'b', citation: 'c' });
  });
});

describe('toProfileInput', () => {
  it('sends the limits as JSON and an empty end as null', () => {
    expect(
      toProfileInput({
        citation: ' SK Rektor 12/2025 ',
        effectiveFrom: '2025-01-01',
        effectiveTo: '',
        limits: limitsToForm({ maxSks: 90 }),
      } as never),
    ).toEqual({
      citation: 'SK Rektor 12/2025',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      limits: '{"maxSks":90}',
    });
  });
});
