import { type RplCaseRole, regulationLimitsSchema, translateError } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import {
  defaultRolePairs,
  describeLimit,
  effectiveLimits,
  formToLimits,
  limitsToForm,
  nextRolePair,
  type ProfileFormValues,
  type ProfileRow,
  parseLimits,
  profileFieldErrors,
  profilesInForce,
  type RolePairSetting,
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

describe('the four-eyes role pairs', () => {
  const pairs: [RplCaseRole, RplCaseRole][] = [
    ['ACADEMIC_ASSESSOR', 'VALIDATOR'],
    ['ADMIN_OFFICER', 'COMMITTEE'],
  ];

  it('round-trips the pairs a layer sets, and its JSON passes the schema', () => {
    const form = limitsToForm({ forbiddenRolePairs: pairs });
    expect(form.forbiddenRolePairs).toMatchObject({ mode: 'set', pairs });
    const limits = formToLimits(form);
    expect(limits).toEqual({ forbiddenRolePairs: pairs });
    expect(regulationLimitsSchema.parse(JSON.parse(JSON.stringify(limits)))).toEqual(limits);
  });

  it('round-trips an empty list, which sets "no pairs" rather than inheriting', () => {
    expect(formToLimits(limitsToForm({ forbiddenRolePairs: [] }))).toEqual({ forbiddenRolePairs: [] });
  });

  it('leaves inherited pairs out, but starts them from what applies below', () => {
    const form = limitsToForm({}, pairs);
    expect(form.forbiddenRolePairs).toMatchObject({ mode: 'inherit', pairs });
    expect(formToLimits(form)).toEqual({});
    form.forbiddenRolePairs.mode = 'set';
    expect(formToLimits(form)).toEqual({ forbiddenRolePairs: pairs });
  });

  it('starts inherited pairs from the defaults when nothing is said of the layer below', () => {
    expect(limitsToForm({}).forbiddenRolePairs.pairs).toEqual(defaultRolePairs());
    expect(defaultRolePairs()).toEqual([
      ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'],
      ['ACADEMIC_ASSESSOR', 'VALIDATOR'],
      ['PRACTITIONER_ASSESSOR', 'VALIDATOR'],
      ['COMMITTEE', 'VALIDATOR'],
    ]);
  });

  it('does not share its pairs with the limits it was made from', () => {
    const form = limitsToForm({ forbiddenRolePairs: pairs });
    for (const pair of form.forbiddenRolePairs.pairs) pair[1] = 'UNIVERSITY_ADMIN';
    expect(pairs).toEqual([
      ['ACADEMIC_ASSESSOR', 'VALIDATOR'],
      ['ADMIN_OFFICER', 'COMMITTEE'],
    ]);
  });

  it.each([
    [[], ['ADMIN_OFFICER', 'ACADEMIC_ASSESSOR']],
    [[['ADMIN_OFFICER', 'ACADEMIC_ASSESSOR']], ['ADMIN_OFFICER', 'PRACTITIONER_ASSESSOR']],
    [[['ACADEMIC_ASSESSOR', 'ADMIN_OFFICER']], ['ADMIN_OFFICER', 'PRACTITIONER_ASSESSOR']],
  ] as const)('offers after %j the pair %j', (listed, next) => {
    expect(nextRolePair(listed.map(([a, b]) => [a, b]))).toEqual(next);
  });

  it('offers no pair once all fifteen are listed, the most the schema takes', () => {
    let listed: RolePairSetting[] = [];
    for (let next = nextRolePair(listed); next; next = nextRolePair(listed)) listed = [...listed, next];
    expect(listed).toHaveLength(15);
    expect(regulationLimitsSchema.safeParse({ forbiddenRolePairs: listed }).success).toBe(true);
  });

  it('writes the pairs in words', () => {
    const labels = { none: '-', yes: 'y', no: 'n', emptyList: 'Tidak ada', item: () => '?' };
    expect(describeLimit('forbiddenRolePairs', pairs, labels, 'id')).toBe(
      'asesor akademisi + validator; petugas administrasi + tim RPL program studi',
    );
    expect(describeLimit('forbiddenRolePairs', [['COMMITTEE', 'VALIDATOR']], labels, 'en')).toBe(
      'programme RPL committee + validator',
    );
    expect(describeLimit('forbiddenRolePairs', [], labels, 'id')).toBe('Tidak ada');
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
    expect(applied.forbiddenRolePairs).toEqual({ value: defaultRolePairs(), layer: null });
  });

  it('takes the pairs of the highest layer that sets them, an empty list included', () => {
    const applied = effectiveLimits(
      profilesInForce(
        [
          profile('NATIONAL', 1, { forbiddenRolePairs: [['COMMITTEE', 'VALIDATOR']] }),
          profile('UNIVERSITY', 1, { forbiddenRolePairs: [] }),
        ],
        '2025-06-01',
      ),
    );
    expect(applied.forbiddenRolePairs).toEqual({ value: [], layer: 'UNIVERSITY' });
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

  it("refuses a pair of the same role on that pair, in the console's language", () => {
    const limits = limitsToForm({});
    limits.forbiddenRolePairs = {
      ...limits.forbiddenRolePairs,
      mode: 'set',
      pairs: [
        ['ACADEMIC_ASSESSOR', 'VALIDATOR'],
        ['VALIDATOR', 'VALIDATOR'],
      ],
    };
    expect(validateProfileForm(values({ limits }), 'id')).toEqual({
      'limits.forbiddenRolePairs.pairs.1': translateError('RPL_ROLE_PAIR_SAME', 'id'),
    });
  });

  it('refuses a pair with a role not chosen, on that pair', () => {
    const limits = limitsToForm({ forbiddenRolePairs: [['COMMITTEE', 'VALIDATOR']] });
    limits.forbiddenRolePairs.pairs.push(['ADMIN_OFFICER', null]);
    expect(Object.keys(validateProfileForm(values({ limits }), 'en'))).toEqual([
      'limits.forbiddenRolePairs.pairs.1',
    ]);
  });

  it('refuses more than fifteen pairs on the list', () => {
    const limits = limitsToForm({});
    limits.forbiddenRolePairs.mode = 'set';
    limits.forbiddenRolePairs.pairs = Array.from({ length: 16 }, () => ['COMMITTEE', 'VALIDATOR']);
    expect(validateProfileForm(values({ limits }), 'en')).toEqual({
      'limits.forbiddenRolePairs.pairs': translateError('TOO_MANY_ITEMS', 'en', { max: 15 }),
    });
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

  it.each([
    [['input', 'limits', 'forbiddenRolePairs', '2'], 'limits.forbiddenRolePairs.pairs.2'],
    [['limits', 'forbiddenRolePairs', '0', '1'], 'limits.forbiddenRolePairs.pairs.0'],
    [['input', 'limits', 'forbiddenRolePairs'], 'limits.forbiddenRolePairs.pairs'],
  ])('puts the role pairs message at %j on %s', (path, field) => {
    expect(profileFieldErrors([{ path, message: 'm' }])).toEqual({ [field]: 'm' });
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
