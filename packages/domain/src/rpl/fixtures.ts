import { resolveRegulation } from '#rpl/regulation.ts';
import type {
  Course,
  CourseKind,
  EquivalenceRule,
  Intake,
  RegulationLimits,
  RegulationProfile,
  ResolvedRegulation,
  RplCredential,
  RuleRequirement,
  StudyProgramme,
} from '#rpl/types.ts';

// Scenario data for the RPL engine's tests: a small S1 programme at a campus accredited Baik
// Sekali, the national rules of the 2025 SMK-teacher intake, and builders for the variations.

export const intake: Intake = { id: 'intake-2025', cutoffDate: '2025-06-30' };

export const nationalProfile: RegulationProfile = {
  id: 'nat-2025',
  layer: 'NATIONAL',
  version: 1,
  citation: 'Permendikbudristek 41/2021; Kepdirjendikti 112/B/KPT/2025',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  limits: {
    maxShareOfProgramme: 0.7,
    excludedCourseKinds: ['FINAL_PROJECT'],
    degreeLevelsWithoutRpl: ['S3'],
    minAccreditation: 'BAIK_SEKALI',
    requireValidAtCutoff: true,
    hoursPerSks: 45,
  },
};

export function regulationWith(limits: RegulationLimits = {}): ResolvedRegulation {
  return resolveRegulation(
    [
      nationalProfile,
      {
        id: 'prodi-test',
        layer: 'PROGRAMME',
        version: 1,
        citation: 'SK Rektor 1/2025',
        effectiveFrom: '2025-01-01',
        effectiveTo: null,
        limits,
      },
    ],
    intake.cutoffDate,
  );
}

/** A course with two equally weighted CPMK, `<code>-1` and `<code>-2`. */
export function course(
  code: string,
  { sks = 3, semester = 1, kind = 'REGULAR' }: { sks?: number; semester?: number; kind?: CourseKind } = {},
): Course {
  return {
    id: `course-${code}`,
    code,
    sks,
    semester,
    kind,
    outcomes: [
      { code: `${code}-1`, weight: 1 },
      { code: `${code}-2`, weight: 1 },
    ],
  };
}

export function programme(courses: Course[], overrides: Partial<StudyProgramme> = {}): StudyProgramme {
  return {
    id: 'prodi-ptm',
    degree: 'S1',
    accreditation: 'BAIK_SEKALI',
    accreditationExpiresOn: '2028-12-31',
    totalSks: 144,
    semesters: 8,
    rplOffered: true,
    courses,
    ...overrides,
  };
}

/** A rule recognising the whole course through one achievement (the common case). */
export function rule(
  target: Course,
  requirements: RuleRequirement[] | string,
  overrides: Partial<EquivalenceRule> = {},
): EquivalenceRule {
  const code = overrides.code ?? `R-${target.code}`;
  return {
    id: overrides.id ?? `rule-${code}`,
    version: 1,
    code,
    courseId: target.id,
    requirements:
      typeof requirements === 'string'
        ? [{ kind: 'ACHIEVEMENT', achievementCode: requirements }]
        : requirements,
    coveredOutcomes: target.outcomes.map((outcome) => outcome.code),
    coverage: { kind: 'ALL' },
    sks: target.sks,
    ...overrides,
  };
}

export function credential(id: string, overrides: Partial<RplCredential> = {}): RplCredential {
  return {
    id,
    achievementCode: id.toUpperCase(),
    pathwayCode: null,
    issuedOn: '2024-03-01',
    validUntil: null,
    revokedOn: null,
    suspendedOn: null,
    hours: 32,
    units: [],
    outcomeCodes: [],
    ...overrides,
  };
}
