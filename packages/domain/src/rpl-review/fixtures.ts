import { course } from '#rpl/fixtures.ts';
import type { Course, RecognitionProposal } from '#rpl/types.ts';
import type { Assessment, CourseAssessment, OutcomeAssessment } from '#rpl-review/assessments.ts';

// Scenario data for the review workflow's tests: a programme of four courses (one a final
// project), a proposal recognising two of them, and builders for assessors' records.

export const courses: Course[] = [
  course('PTM101', { sks: 3 }),
  course('PTM102', { sks: 2 }),
  course('PTM201', { sks: 4, semester: 2 }),
  course('PTM499', { sks: 6, semester: 8, kind: 'FINAL_PROJECT' }),
];

export function proposal(
  overrides: { capSks?: number | null } = {},
): Extract<RecognitionProposal, { kind: 'proposal' }> {
  return {
    kind: 'proposal',
    totalSks: 5,
    capSks: overrides.capSks === undefined ? 7 : overrides.capSks,
    capSource: null,
    courseCount: 2,
    isProvenOptimal: true,
    proposed: [
      {
        courseId: 'course-PTM101',
        courseCode: 'PTM101',
        semester: 1,
        sks: 3,
        ruleId: 'r1',
        ruleVersion: 1,
        credentialIds: ['c1'],
        coverage: 1,
      },
      {
        courseId: 'course-PTM102',
        courseCode: 'PTM102',
        semester: 1,
        sks: 2,
        ruleId: 'r2',
        ruleVersion: 1,
        credentialIds: ['c1'],
        coverage: 1,
      },
    ],
    notProposed: [
      { courseId: 'course-PTM201', courseCode: 'PTM201', semester: 2, reason: 'NO_RULE', rules: [] },
      {
        courseId: 'course-PTM499',
        courseCode: 'PTM499',
        semester: 8,
        reason: 'COURSE_KIND_EXCLUDED',
        rules: [],
      },
    ],
    hoursUsed: 40,
  };
}

export function outcome(outcomeCode: string, overrides: Partial<OutcomeAssessment> = {}): OutcomeAssessment {
  return {
    outcomeCode,
    principles: { valid: true, authentic: true, current: true, sufficient: true },
    method: 'PORTFOLIO',
    scheduledOn: null,
    place: null,
    link: null,
    score: 80,
    ...overrides,
  };
}

/** A course judged on both its CPMK (`<code>-1`, `<code>-2`) with the same score and principles. */
export function courseAssessment(
  code: string,
  overrides: Partial<CourseAssessment> & { score?: number } = {},
): CourseAssessment {
  const { score = 80, ...rest } = overrides;
  return {
    courseId: `course-${code}`,
    outcomes: [outcome(`${code}-1`, { score }), outcome(`${code}-2`, { score })],
    recommendation: 'RECOGNISE',
    notes: null,
    ...rest,
  };
}

export function assessment(role: Assessment['assessorRole'], assessed: CourseAssessment[]): Assessment {
  return { assessorRole: role, courses: assessed };
}
