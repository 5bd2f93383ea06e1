import { describe, expect, it } from 'vitest';
import { translateError } from '#messages.ts';
import {
  assessmentSchema,
  compareAssessments,
  courseScore,
  findMissingAssessmentItems,
  isAssessmentComplete,
  outcomeAssessmentSchema,
} from '#rpl-review/assessments.ts';
import { assessment, courseAssessment, courses, outcome, proposal } from '#rpl-review/fixtures.ts';
import { toFieldIssues } from '#validation.ts';

describe('outcomeAssessmentSchema', () => {
  it('takes a portfolio check without a date or place', () => {
    expect(outcomeAssessmentSchema.safeParse(outcome('PTM101-1')).success).toBe(true);
  });

  it.each(['WRITTEN_TEST', 'INTERVIEW', 'OBSERVATION', 'DEMONSTRATION'] as const)(
    'asks %s for a date and a place or link',
    (method) => {
      const parsed = outcomeAssessmentSchema.safeParse(outcome('PTM101-1', { method }));
      expect(parsed.success).toBe(false);
      const issues = parsed.success ? [] : toFieldIssues(parsed.error.issues);
      expect(issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
        ['scheduledOn', 'RPL_ASSESSMENT_SCHEDULE_REQUIRED'],
        ['place', 'RPL_ASSESSMENT_PLACE_REQUIRED'],
      ]);
      expect(translateError(issues[0]!.code, 'id', issues[0]!.params)).toMatch(
        /^Metode \S.* memerlukan tanggal/,
      );
    },
  );

  it.each([[{ place: 'Bengkel Otomotif Gedung B' }], [{ link: 'https://meet.example/rpl-ptm' }]])(
    'takes a scheduled interview with a place or a link (%j)',
    (where) => {
      const parsed = outcomeAssessmentSchema.safeParse(
        outcome('PTM101-1', { method: 'INTERVIEW', scheduledOn: '2026-03-12', ...where }),
      );
      expect(parsed.success).toBe(true);
    },
  );

  it.each([
    [-1, 'TOO_SMALL'],
    [101, 'TOO_LARGE'],
    [80.5, 'NOT_INTEGER'],
  ])('refuses a score of %s', (score, code) => {
    const parsed = outcomeAssessmentSchema.safeParse(outcome('PTM101-1', { score }));
    expect(parsed.success ? [] : toFieldIssues(parsed.error.issues).map((issue) => issue.code)).toEqual([
      code,
    ]);
  });

  it('refuses an impossible date', () => {
    const parsed = outcomeAssessmentSchema.safeParse(
      outcome('PTM101-1', { method: 'OBSERVATION', scheduledOn: '2026-02-30', place: 'SMKN 1' }),
    );
    expect(parsed.success ? [] : toFieldIssues(parsed.error.issues).map((issue) => issue.code)).toEqual([
      'INVALID_DATE',
    ]);
  });
});

describe('assessmentSchema', () => {
  it('takes a whole record and refuses an unknown recommendation', () => {
    const record = assessment('ACADEMIC_ASSESSOR', [courseAssessment('PTM101')]);
    expect(assessmentSchema.parse(record)).toEqual(record);
    const wrong = { ...record, courses: [{ ...record.courses[0], recommendation: 'MAYBE' }] };
    expect(assessmentSchema.safeParse(wrong).success).toBe(false);
  });
});

describe('isAssessmentComplete', () => {
  it('is complete when every CPMK of every proposed course is judged (courses outside the proposal do not count)', () => {
    const record = assessment('ACADEMIC_ASSESSOR', [courseAssessment('PTM101'), courseAssessment('PTM102')]);
    expect(isAssessmentComplete({ proposal: proposal(), courses, assessment: record })).toBe(true);
  });

  it('lists a course not yet opened, and a CPMK not yet judged', () => {
    const partial = courseAssessment('PTM101');
    partial.outcomes = partial.outcomes.slice(0, 1);
    const record = assessment('PRACTITIONER_ASSESSOR', [partial, courseAssessment('PTM201')]);
    expect(findMissingAssessmentItems({ proposal: proposal(), courses, assessment: record })).toEqual([
      { courseId: 'course-PTM101', outcomeCode: 'PTM101-2' },
      { courseId: 'course-PTM102', outcomeCode: null },
    ]);
    expect(isAssessmentComplete({ proposal: proposal(), courses, assessment: record })).toBe(false);
  });
});

describe('courseScore', () => {
  it('weighs CPMK scores by their weights', () => {
    const assessed = courseAssessment('PTM101');
    assessed.outcomes = [outcome('PTM101-1', { score: 90 }), outcome('PTM101-2', { score: 60 })];
    expect(
      courseScore(
        {
          outcomes: [
            { code: 'PTM101-1', weight: 2 },
            { code: 'PTM101-2', weight: 1 },
          ],
        },
        assessed,
      ),
    ).toBe(80);
    expect(courseScore(undefined, assessed)).toBe(75);
  });
});

describe('compareAssessments', () => {
  const compare = (
    academic: ReturnType<typeof courseAssessment>[],
    practitioner: ReturnType<typeof courseAssessment>[],
  ) =>
    compareAssessments({
      academic: assessment('ACADEMIC_ASSESSOR', academic),
      practitioner: assessment('PRACTITIONER_ASSESSOR', practitioner),
      courses,
    });

  it('agrees when recommendation and principles match and scores lie within the gap', () => {
    expect(
      compare([courseAssessment('PTM101', { score: 80 })], [courseAssessment('PTM101', { score: 60 })]),
    ).toEqual([
      {
        courseId: 'course-PTM101',
        kind: 'agree',
        academic: { recommendation: 'RECOGNISE', score: 80 },
        practitioner: { recommendation: 'RECOGNISE', score: 60 },
      },
    ]);
  });

  it('says what the two disagree on', () => {
    const practitioner = courseAssessment('PTM101', { score: 55, recommendation: 'NEEDS_MORE_EVIDENCE' });
    practitioner.outcomes[1] = outcome('PTM101-2', {
      score: 55,
      principles: { valid: true, authentic: true, current: false, sufficient: false },
    });
    expect(compare([courseAssessment('PTM101', { score: 80 })], [practitioner])).toEqual([
      {
        courseId: 'course-PTM101',
        kind: 'disagree',
        academic: { recommendation: 'RECOGNISE', score: 80 },
        practitioner: { recommendation: 'NEEDS_MORE_EVIDENCE', score: 55 },
        recommendation: true,
        principles: [{ outcomeCode: 'PTM101-2', differ: ['current', 'sufficient'] }],
        scoreGap: 25,
      },
    ]);
  });

  it.each([
    [20, null, 'agree'],
    [21, 21, 'disagree'],
  ])('a score gap of %s points is reported as %s', (gap, scoreGap, kind) => {
    const [result] = compare(
      [courseAssessment('PTM102', { score: 90 })],
      [courseAssessment('PTM102', { score: 90 - gap })],
    );
    expect(result?.kind).toBe(kind);
    if (result?.kind === 'disagree')
      expect(result).toMatchObject({ recommendation: false, principles: [], scoreGap });
  });

  it('shows a course only one assessor recorded as pending, in the academic order first', () => {
    const result = compare(
      [courseAssessment('PTM102')],
      [courseAssessment('PTM101'), courseAssessment('PTM102')],
    );
    expect(result.map((r) => [r.courseId, r.kind])).toEqual([
      ['course-PTM102', 'agree'],
      ['course-PTM101', 'pending'],
    ]);
    expect(result[1]).toMatchObject({ academic: null, practitioner: { score: 80 } });
  });
});
