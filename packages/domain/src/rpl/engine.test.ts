import { describe, expect, it } from 'vitest';
import { errorMessages, translateError } from '#messages.ts';
import {
  createRecognitionEstimator,
  findRecognitionGains,
  proposeRecognition,
  rplMessageCodes,
} from '#rpl/engine.ts';
import { course, credential, intake, programme, regulationWith, rule } from '#rpl/fixtures.ts';
import type {
  EquivalenceRule,
  RecognitionProposal,
  RegulationLimits,
  RplCredential,
  StudyProgramme,
} from '#rpl/types.ts';

function propose(
  subject: StudyProgramme,
  rules: EquivalenceRule[],
  credentials: RplCredential[],
  limits: RegulationLimits = {},
) {
  return proposeRecognition({
    regulation: regulationWith(limits),
    programme: subject,
    rules,
    credentials,
    intake,
  });
}

function asProposal(result: RecognitionProposal) {
  if (result.kind !== 'proposal') throw new Error(`expected a proposal, got ${JSON.stringify(result)}`);
  return result;
}

const reasonOf = (result: RecognitionProposal, code: string) =>
  asProposal(result).notProposed.find((c) => c.courseCode === code)?.reason;

describe('proposeRecognition: eligibility', () => {
  const a = course('A');
  it.each([
    ['a programme that does not offer RPL', { rplOffered: false }, 'RPL_NOT_OFFERED'],
    ['a doctoral programme', { degree: 'S3' }, 'DEGREE_WITHOUT_RPL'],
    ['accreditation Baik (C) below Baik Sekali', { accreditation: 'C' }, 'ACCREDITATION_TOO_LOW'],
    ['no accreditation', { accreditation: null }, 'ACCREDITATION_TOO_LOW'],
    [
      'accreditation expired before the cut-off',
      { accreditationExpiresOn: '2025-06-29' },
      'ACCREDITATION_EXPIRED',
    ],
  ] as const)('refuses %s', (_case, overrides, code) => {
    const result = propose(programme([a], overrides as Partial<StudyProgramme>), [rule(a, 'X')], []);
    expect(result.kind).toBe('ineligible');
    if (result.kind === 'ineligible') expect(result.reasons.map((r) => r.code)).toEqual([code]);
  });

  it.each([
    ['old grade A', 'A'],
    ['old grade B', 'B'],
    ['Unggul', 'UNGGUL'],
  ] as const)('accepts %s', (_case, accreditation) => {
    expect(propose(programme([a], { accreditation }), [rule(a, 'X')], []).kind).toBe('proposal');
  });

  it('accepts an accreditation that ends on the cut-off day', () => {
    expect(propose(programme([a], { accreditationExpiresOn: '2025-06-30' }), [], []).kind).toBe('proposal');
  });

  it('names the national profile behind a refusal', () => {
    const result = propose(programme([a], { degree: 'S3' }), [], []);
    expect(result).toMatchObject({ reasons: [{ source: { layer: 'NATIONAL', profileId: 'nat-2025' } }] });
  });
});

describe('proposeRecognition: the SKS cap', () => {
  // 20 SKS programme: 70 % = 14 SKS. Four 4-SKS courses and a 2-SKS one, all evidenced: 18 SKS.
  const courses = [
    course('A', { sks: 4, semester: 1 }),
    course('B', { sks: 4, semester: 1 }),
    course('C', { sks: 4, semester: 2 }),
    course('D', { sks: 4, semester: 2 }),
    course('E', { sks: 2, semester: 3 }),
  ];
  const subject = programme(courses, { totalSks: 20, semesters: 4 });
  const rules = courses.map((c) => rule(c, `X${c.code}`));
  const held = courses.map((c) => credential(`x${c.code.toLowerCase()}`));

  it('fills the 70 % cap exactly, leaving out the latest course that does not fit', () => {
    const result = asProposal(propose(subject, rules, held));
    expect(result.capSks).toBe(14);
    expect(result.capSource).toMatchObject({ limit: 'maxShareOfProgramme', source: { layer: 'NATIONAL' } });
    expect(result.totalSks).toBe(14);
    expect(result.proposed.map((c) => c.courseCode)).toEqual(['A', 'B', 'C', 'E']);
    expect(result.notProposed).toMatchObject([{ courseCode: 'D', reason: 'CAP_REACHED' }]);
  });

  it('prefers a combination that reaches the cap over the earliest courses that do not', () => {
    // 13 SKS programme, cap 9: A(5) + B(5) overflows; A(5) + C(4) fills it; B is left out.
    const mixed = [course('A', { sks: 5 }), course('B', { sks: 5 }), course('C', { sks: 4, semester: 2 })];
    const result = asProposal(
      propose(
        programme(mixed, { totalSks: 13 }),
        mixed.map((c) => rule(c, `X${c.code}`)),
        mixed.map((c) => credential(`x${c.code.toLowerCase()}`)),
      ),
    );
    expect(result.totalSks).toBe(9);
    expect(result.proposed.map((c) => c.courseCode)).toEqual(['A', 'C']);
    expect(reasonOf(result, 'B')).toBe('CAP_REACHED');
  });

  it.each([
    ['70 % of 144', { maxShareOfProgramme: 0.7 }, 100, 'maxShareOfProgramme'],
    ['an absolute cap below it', { maxSks: 90 }, 90, 'maxSks'],
    [
      'one semester left of eight',
      { maxShareOfProgramme: null, minSemestersRemaining: 1 },
      126,
      'minSemestersRemaining',
    ],
    ['two semesters left', { minSemestersRemaining: 2 }, 100, 'maxShareOfProgramme'],
    [
      'two semesters left, no share',
      { maxShareOfProgramme: null, minSemestersRemaining: 2 },
      108,
      'minSemestersRemaining',
    ],
    ['no cap at all', { maxShareOfProgramme: null }, null, null],
  ] as const)('caps at %s', (_case, limits, cap, limit) => {
    const result = asProposal(propose(programme([]), [], [], limits));
    expect(result.capSks).toBe(cap);
    expect(result.capSource?.limit ?? null).toBe(limit);
  });

  it('rounds the share down (0.29 × 100 = 29, not 28.999…)', () => {
    const result = asProposal(
      propose(programme([], { totalSks: 100 }), [], [], { maxShareOfProgramme: 0.29 }),
    );
    expect(result.capSks).toBe(29);
  });

  it('stops at the course limit and says so', () => {
    const result = asProposal(propose(subject, rules, held, { maxCourses: 2 }));
    expect(result.proposed.map((c) => c.courseCode)).toEqual(['A', 'B']);
    expect(reasonOf(result, 'C')).toBe('MAX_COURSES_REACHED');
    expect(asProposal(result).notProposed[0]?.source?.layer).toBe('PROGRAMME');
  });

  it('recognises at most the course SKS even when the rule says more', () => {
    const a = course('A', { sks: 2 });
    const result = asProposal(propose(programme([a]), [rule(a, 'XA', { sks: 3 })], [credential('xa')]));
    expect(result.proposed[0]?.sks).toBe(2);
  });
});

describe('proposeRecognition: course kinds and rules', () => {
  const a = course('A');
  const thesis = course('SKRIPSI', { sks: 6, semester: 8, kind: 'FINAL_PROJECT' });
  const b = course('B');

  it('never proposes the final project, even with a rule and evidence', () => {
    const result = asProposal(
      propose(programme([a, thesis, b]), [rule(a, 'XA'), rule(thesis, 'XA')], [credential('xa')]),
    );
    expect(result.proposed.map((c) => c.courseCode)).toEqual(['A']);
    expect(result.notProposed).toMatchObject([
      { courseCode: 'B', reason: 'NO_RULE' },
      { courseCode: 'SKRIPSI', reason: 'COURSE_KIND_EXCLUDED', source: { layer: 'NATIONAL' } },
    ]);
  });

  it.each([
    ['all CPMK covered, ALL asked', ['A-1', 'A-2'], { kind: 'ALL' }, true],
    ['half covered, ALL asked', ['A-1'], { kind: 'ALL' }, false],
    ['half covered, 50 % asked', ['A-1'], { kind: 'MIN', minimum: 0.5 }, true],
    ['half covered, 75 % default', ['A-1'], { kind: 'DEFAULT' }, false],
    ['an outcome of another course', ['B-1', 'A-1'], { kind: 'MIN', minimum: 0.75 }, false],
  ] as const)('checks coverage: %s', (_case, coveredOutcomes, coverage, isProposed) => {
    const result = asProposal(
      propose(
        programme([a]),
        [rule(a, 'XA', { coveredOutcomes: [...coveredOutcomes], coverage })],
        [credential('xa')],
        { defaultMinCoverage: 0.75 },
      ),
    );
    expect(result.courseCount).toBe(isProposed ? 1 : 0);
    if (!isProposed) expect(reasonOf(result, 'A')).toBe('COVERAGE_TOO_LOW');
  });

  it('weighs CPMK by their weights', () => {
    const weighted = {
      ...a,
      outcomes: [
        { code: 'A-1', weight: 3 },
        { code: 'A-2', weight: 1 },
      ],
    };
    const result = asProposal(
      propose(
        programme([weighted]),
        [rule(weighted, 'XA', { coveredOutcomes: ['A-1'], coverage: { kind: 'MIN', minimum: 0.75 } })],
        [credential('xa')],
      ),
    );
    expect(result.proposed[0]?.coverage).toBe(0.75);
  });

  it('uses the rule giving more SKS when two rules recognise a course', () => {
    const big = course('A', { sks: 4 });
    const result = asProposal(
      propose(
        programme([big]),
        [
          rule(big, 'XA', { id: 'r-small', code: 'R1', sks: 2 }),
          rule(big, 'XB', { id: 'r-big', code: 'R2', sks: 4 }),
        ],
        [credential('xa'), credential('xb')],
      ),
    );
    expect(result.proposed).toMatchObject([{ ruleId: 'r-big', sks: 4, credentialIds: ['xb'] }]);
  });
});

describe('proposeRecognition: evidence at the cut-off', () => {
  const a = course('A');
  const unitRule = rule(a, [{ kind: 'SKKNI_UNIT', unitCode: 'C.85.000.01.01' }]);

  it.each([
    ['expired the day before the cut-off', { validUntil: '2025-06-29' }, 'CREDENTIAL_EXPIRED'],
    ['revoked', { revokedOn: '2025-01-10' }, 'CREDENTIAL_REVOKED'],
    ['suspended', { suspendedOn: '2025-05-01' }, 'CREDENTIAL_SUSPENDED'],
    ['issued after the cut-off', { issuedOn: '2025-07-01' }, 'CREDENTIAL_NOT_YET_ISSUED'],
  ] as const)('does not count a certificate %s', (_case, overrides, reason) => {
    const result = asProposal(propose(programme([a]), [rule(a, 'XA')], [credential('xa', overrides)]));
    expect(result.notProposed).toMatchObject([
      {
        courseCode: 'A',
        reason,
        rules: [{ reason, unmet: [{ credentials: [{ credentialId: 'xa', reason }] }] }],
      },
    ]);
  });

  it.each([
    ['valid through the cut-off day', { validUntil: '2025-06-30' }],
    ['revoked after the cut-off', { revokedOn: '2025-07-01' }],
  ] as const)('counts a certificate %s', (_case, overrides) => {
    expect(
      asProposal(propose(programme([a]), [rule(a, 'XA')], [credential('xa', overrides)])).courseCount,
    ).toBe(1);
  });

  it('counts an expired certificate where the regulation does not ask for validity', () => {
    const held = [credential('xa', { validUntil: '2020-01-01' })];
    const result = asProposal(
      propose(programme([a]), [rule(a, 'XA')], held, { requireValidAtCutoff: false }),
    );
    expect(result.courseCount).toBe(1);
  });

  it.each([
    ['exactly five years before the cut-off', '2020-06-30', true],
    ['a day more than five years before', '2020-06-29', false],
  ])('with five years recency, counts evidence issued %s: %s', (_case, issuedOn, counts) => {
    const result = asProposal(
      propose(programme([a]), [rule(a, 'XA')], [credential('xa', { issuedOn })], { recencyYears: 5 }),
    );
    expect(result.courseCount).toBe(counts ? 1 : 0);
    if (!counts) expect(reasonOf(result, 'A')).toBe('EVIDENCE_TOO_OLD');
  });

  it('refuses a required unit assessed Belum Kompeten', () => {
    const held = [credential('xa', { units: [{ unitCode: 'C.85.000.01.01', result: 'BK' }] })];
    const result = asProposal(propose(programme([a]), [unitRule], held));
    expect(reasonOf(result, 'A')).toBe('NOT_COMPETENT');
  });

  it('accepts the unit from another credential that assessed it Kompeten', () => {
    const held = [
      credential('xa', { units: [{ unitCode: 'C.85.000.01.01', result: 'BK' }] }),
      credential('xb', { units: [{ unitCode: 'C.85.000.01.01', result: 'K' }] }),
    ];
    expect(asProposal(propose(programme([a]), [unitRule], held)).proposed[0]?.credentialIds).toEqual(['xb']);
  });

  it('names missing evidence when nothing matches', () => {
    expect(reasonOf(propose(programme([a]), [rule(a, 'XA')], [credential('other')]), 'A')).toBe(
      'MISSING_EVIDENCE',
    );
  });

  it('names the nearest miss among several rules', () => {
    const rules = [
      rule(a, [
        { kind: 'ACHIEVEMENT', achievementCode: 'NONE' },
        { kind: 'ACHIEVEMENT', achievementCode: 'XA' },
      ]),
      rule(a, 'XA', { code: 'R-A2', id: 'rule-2' }),
    ];
    const result = propose(programme([a]), rules, [credential('xa', { validUntil: '2024-12-31' })]);
    expect(reasonOf(result, 'A')).toBe('CREDENTIAL_EXPIRED');
  });

  it('matches pathways and learning outcomes', () => {
    const b = course('B');
    const rules = [
      rule(a, [{ kind: 'PATHWAY', pathwayCode: 'LAS-P1' }]),
      rule(b, [{ kind: 'LEARNING_OUTCOME', achievementCode: 'XB', outcomeCode: 'LO-3' }]),
    ];
    const held = [
      credential('p', { achievementCode: null, pathwayCode: 'LAS-P1' }),
      credential('xb', { outcomeCodes: ['LO-1', 'LO-3'] }),
    ];
    expect(asProposal(propose(programme([a, b]), rules, held)).courseCount).toBe(2);
    const without = [held[0] as RplCredential, credential('xb', { outcomeCodes: ['LO-1'] })];
    expect(reasonOf(propose(programme([a, b]), rules, without), 'B')).toBe('MISSING_EVIDENCE');
  });

  it('counts hours over the credentials the rule uses, keeping hours apart from SKS', () => {
    const hoursRule = rule(a, [
      { kind: 'ACHIEVEMENT', achievementCode: 'XA' },
      { kind: 'ACHIEVEMENT', achievementCode: 'XB' },
      { kind: 'HOURS', minimum: 60 },
    ]);
    const enough = [credential('xa', { hours: 32 }), credential('xb', { hours: 28 })];
    const result = asProposal(propose(programme([a]), [hoursRule], enough));
    expect(result).toMatchObject({ totalSks: 3, hoursUsed: 60 });
    const few = [credential('xa', { hours: 32 }), credential('xb', { hours: 20 })];
    expect(reasonOf(propose(programme([a]), [hoursRule], few), 'A')).toBe('HOURS_TOO_FEW');
  });
});

describe('proposeRecognition: one credential for several courses', () => {
  const a = course('A');
  const b = course('B', { semester: 2 });
  const rules = [rule(a, 'XA'), rule(b, 'XA')];

  it('uses one credential for two courses where k = 2', () => {
    const result = asProposal(
      propose(programme([a, b]), rules, [credential('xa')], { maxCoursesPerCredential: 2 }),
    );
    expect(result.proposed.map((c) => c.credentialIds)).toEqual([['xa'], ['xa']]);
    expect(result.isProvenOptimal).toBe(true);
  });

  it('refuses the second course where k = 1 and names the credential', () => {
    const result = asProposal(
      propose(programme([a, b]), rules, [credential('xa')], { maxCoursesPerCredential: 1 }),
    );
    expect(result.proposed.map((c) => c.courseCode)).toEqual(['A']);
    expect(result.notProposed).toMatchObject([
      {
        courseCode: 'B',
        reason: 'CREDENTIAL_LIMIT',
        exhaustedCredentialIds: ['xa'],
        source: { layer: 'PROGRAMME' },
      },
    ]);
  });

  it('chooses which credential supports which course to recognise both where k = 1', () => {
    // A can use xa or xb; B only xa. Taking xa for A (the first set) would lose B.
    const both = [rule(a, 'XA'), rule(a, 'XB', { id: 'rule-A-xb', code: 'R-A-xb' }), rule(b, 'XA')];
    const result = asProposal(
      propose(programme([a, b]), both, [credential('xa'), credential('xb')], { maxCoursesPerCredential: 1 }),
    );
    expect(result.proposed.map((c) => [c.courseCode, c.credentialIds])).toEqual([
      ['A', ['xb']],
      ['B', ['xa']],
    ]);
  });
});

describe('proposeRecognition: ties', () => {
  it.each([
    ['the earlier semester', [course('A', { semester: 2 }), course('B', { semester: 1 })], 'B'],
    ['the lower course code in one semester', [course('K2'), course('K1')], 'K1'],
  ])('among courses of equal SKS, prefers %s', (_case, courses, winner) => {
    // 4 SKS programme, cap 70 % = 2 SKS: only one of two 2-SKS courses fits.
    const two = courses.map((c) => ({ ...c, sks: 2 }));
    const result = asProposal(
      propose(
        programme(two, { totalSks: 4, semesters: 2 }),
        two.map((c) => rule(c, 'XA')),
        [credential('xa')],
        { maxCoursesPerCredential: null },
      ),
    );
    expect(result.proposed.map((c) => c.courseCode)).toEqual([winner]);
  });

  it('gives the same proposal whatever order the credentials and rules arrive in', () => {
    const courses = [course('A'), course('B', { semester: 2 }), course('C', { semester: 2 })];
    const rules = [rule(courses[0]!, 'XA'), rule(courses[1]!, 'XB'), rule(courses[2]!, 'XA')];
    const held = [credential('xb'), credential('xa'), credential('xc')];
    const first = propose(programme(courses, { totalSks: 9 }), rules, held, { maxCoursesPerCredential: 1 });
    const second = propose(
      programme([...courses].reverse(), { totalSks: 9 }),
      [...rules].reverse(),
      [...held].reverse(),
      { maxCoursesPerCredential: 1 },
    );
    expect(second).toEqual(first);
  });
});

describe('createRecognitionEstimator', () => {
  it('answers as proposeRecognition does, for many teachers against one programme', () => {
    const courses = [course('A'), course('B')];
    const context = {
      regulation: regulationWith({}),
      programme: programme(courses),
      rules: courses.map((c) => rule(c, `X${c.code}`)),
      intake,
    };
    const estimate = createRecognitionEstimator(context);
    for (const held of [[], [credential('xa')], [credential('xa'), credential('xb')]])
      expect(estimate(held)).toEqual(proposeRecognition({ ...context, credentials: held }));
  });
});

describe('findRecognitionGains', () => {
  it('ranks hypothetical credentials by the SKS they would add', () => {
    const courses = [course('A', { sks: 2 }), course('B', { sks: 4 }), course('C', { sks: 3 })];
    const gains = findRecognitionGains({
      regulation: regulationWith({}),
      programme: programme(courses),
      rules: courses.map((c) => rule(c, `X${c.code}`)),
      intake,
      credentials: [credential('xa')],
      candidates: [
        { key: 'training-xa', credential: credential('xa2', { achievementCode: 'XA' }) },
        { key: 'training-xc', credential: credential('xc') },
        { key: 'training-xb', credential: credential('xb') },
      ],
    });
    expect(gains).toEqual([
      { key: 'training-xb', gainSks: 4, addedCourseIds: ['course-B'], removedCourseIds: [] },
      { key: 'training-xc', gainSks: 3, addedCourseIds: ['course-C'], removedCourseIds: [] },
      { key: 'training-xa', gainSks: 0, addedCourseIds: [], removedCourseIds: [] },
    ]);
  });

  it('counts only what fits under the cap', () => {
    // 10 SKS programme, cap 7: A (4) held; B (4) would replace nothing and not fit; C (3) fits.
    const courses = [course('A', { sks: 4 }), course('B', { sks: 4 }), course('C', { sks: 3 })];
    const gains = findRecognitionGains({
      regulation: regulationWith({}),
      programme: programme(courses, { totalSks: 10 }),
      rules: courses.map((c) => rule(c, `X${c.code}`)),
      intake,
      credentials: [credential('xa')],
      candidates: [
        { key: 'b', credential: credential('xb') },
        { key: 'c', credential: credential('xc') },
      ],
    });
    expect(gains.map((g) => [g.key, g.gainSks])).toEqual([
      ['c', 3],
      ['b', 0],
    ]);
  });
});

describe('rplMessageCodes', () => {
  it('has a message in both languages for every reason', () => {
    for (const code of Object.values(rplMessageCodes)) {
      expect(errorMessages[code].id.length, code).toBeGreaterThan(0);
      expect(errorMessages[code].en.length, code).toBeGreaterThan(0);
    }
    expect(translateError(rplMessageCodes.DEGREE_WITHOUT_RPL, 'id', { degree: 'S3' })).toBe(
      'RPL tidak berlaku untuk jenjang S3.',
    );
  });
});
