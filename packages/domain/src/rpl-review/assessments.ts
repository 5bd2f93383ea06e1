import { z } from 'zod';
import type { Locale } from '#messages.ts';
import type { Course, RecognitionProposal } from '#rpl/types.ts';
import type { AssessorRole } from '#rpl-review/assignments.ts';
import { localDateSchema, textSchema } from '#validation.ts';

export const assessmentMethods = [
  'PORTFOLIO',
  'WRITTEN_TEST',
  'INTERVIEW',
  'OBSERVATION',
  'DEMONSTRATION',
] as const;
export type AssessmentMethod = (typeof assessmentMethods)[number];

/** Methods that need the teacher present: a date, and a place or a meeting link. */
export const scheduledMethods: readonly AssessmentMethod[] = [
  'WRITTEN_TEST',
  'INTERVIEW',
  'OBSERVATION',
  'DEMONSTRATION',
];

export const assessmentMethodLabels: Record<AssessmentMethod, Record<Locale, string>> = {
  PORTFOLIO: { id: 'portofolio', en: 'portfolio' },
  WRITTEN_TEST: { id: 'tes tertulis', en: 'written test' },
  INTERVIEW: { id: 'wawancara', en: 'interview' },
  OBSERVATION: { id: 'observasi', en: 'observation' },
  DEMONSTRATION: { id: 'demonstrasi', en: 'demonstration' },
};

export const assessmentRecommendations = ['RECOGNISE', 'DO_NOT_RECOGNISE', 'NEEDS_MORE_EVIDENCE'] as const;
export type AssessmentRecommendation = (typeof assessmentRecommendations)[number];

export const assessmentRecommendationLabels: Record<AssessmentRecommendation, Record<Locale, string>> = {
  RECOGNISE: { id: 'Diakui', en: 'Recognise' },
  DO_NOT_RECOGNISE: { id: 'Tidak diakui', en: 'Do not recognise' },
  NEEDS_MORE_EVIDENCE: { id: 'Perlu bukti tambahan', en: 'Needs more evidence' },
};

/** The four principles of assessing evidence (valid, asli, terkini, memadai). */
export const evidencePrinciples = ['valid', 'authentic', 'current', 'sufficient'] as const;
export type EvidencePrinciple = (typeof evidencePrinciples)[number];

const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/** One CPMK of one course as one assessor judged it. */
export const outcomeAssessmentSchema = z
  .object({
    outcomeCode: textSchema.trim().min(1).max(40),
    principles: z.object({
      valid: z.boolean(),
      authentic: z.boolean(),
      current: z.boolean(),
      sufficient: z.boolean(),
    }),
    method: z.enum(assessmentMethods),
    scheduledOn: localDateSchema.nullish().transform((value) => value ?? null),
    place: optionalText(200),
    link: optionalText(500),
    score: z.number().int().min(0).max(100),
  })
  .superRefine((outcome, ctx) => {
    if (!scheduledMethods.includes(outcome.method)) return;
    const params = { method: assessmentMethodLabels[outcome.method] };
    if (!outcome.scheduledOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['scheduledOn'],
        message: 'RPL_ASSESSMENT_SCHEDULE_REQUIRED',
        params,
      });
    }
    if (!outcome.place && !outcome.link) {
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'RPL_ASSESSMENT_PLACE_REQUIRED', params });
    }
  });
export type OutcomeAssessment = z.output<typeof outcomeAssessmentSchema>;

/** One proposed course as one assessor judged it: per CPMK, then a recommendation for the course. */
export const courseAssessmentSchema = z.object({
  courseId: textSchema.trim().min(1).max(100),
  outcomes: z.array(outcomeAssessmentSchema).min(1).max(50),
  recommendation: z.enum(assessmentRecommendations),
  notes: optionalText(4000),
});
export type CourseAssessment = z.output<typeof courseAssessmentSchema>;

/** One assessor's record for a case; saved as the assessor works, so it may be partial. */
export const assessmentSchema = z.object({
  assessorRole: z.enum([
    'ACADEMIC_ASSESSOR',
    'PRACTITIONER_ASSESSOR',
  ] as const satisfies readonly AssessorRole[]),
  courses: z.array(courseAssessmentSchema).max(200),
});
export type Assessment = z.output<typeof assessmentSchema>;

/** What an assessor has not yet recorded: a whole proposed course, or one of its CPMK. */
export type MissingAssessmentItem = { courseId: string; outcomeCode: string | null };

/** Every CPMK of every proposed course, in proposal order, that `assessment` does not cover. */
export function findMissingAssessmentItems(input: {
  proposal: RecognitionProposal;
  courses: readonly Course[];
  assessment: Assessment;
}): MissingAssessmentItem[] {
  if (input.proposal.kind !== 'proposal') return [];
  const missing: MissingAssessmentItem[] = [];
  for (const proposed of input.proposal.proposed) {
    const recorded = input.assessment.courses.find((c) => c.courseId === proposed.courseId);
    if (!recorded) {
      missing.push({ courseId: proposed.courseId, outcomeCode: null });
      continue;
    }
    const course = input.courses.find((c) => c.id === proposed.courseId);
    for (const outcome of course?.outcomes ?? []) {
      if (!recorded.outcomes.some((o) => o.outcomeCode === outcome.code)) {
        missing.push({ courseId: proposed.courseId, outcomeCode: outcome.code });
      }
    }
  }
  return missing;
}

/** An assessor is done when every CPMK of every proposed course carries their judgement. */
export function isAssessmentComplete(input: {
  proposal: RecognitionProposal;
  courses: readonly Course[];
  assessment: Assessment;
}): boolean {
  return findMissingAssessmentItems(input).length === 0;
}

/**
 * A course's score: its CPMK scores weighted by the CPMK weights (rounded), or the plain mean for
 * outcomes the course does not weigh.
 */
export function courseScore(
  course: Pick<Course, 'outcomes'> | undefined,
  assessed: CourseAssessment,
): number {
  const weighted = assessed.outcomes.map((o) => ({
    score: o.score,
    weight: course?.outcomes.find((c) => c.code === o.outcomeCode)?.weight ?? 1,
  }));
  const total = weighted.reduce((sum, o) => sum + o.weight, 0);
  if (total === 0) return 0;
  return Math.round(weighted.reduce((sum, o) => sum + o.score * o.weight, 0) / total);
}

/** Two assessors' course scores disagree when further apart than this many points. */
export const ASSESSMENT_SCORE_GAP = 20;

export type CourseComparison = {
  courseId: string;
  academic: { recommendation: AssessmentRecommendation; score: number } | null;
  practitioner: { recommendation: AssessmentRecommendation; score: number } | null;
} & (
  | { kind: 'agree' }
  /** One side has not recorded this course yet. */
  | { kind: 'pending' }
  | {
      kind: 'disagree';
      recommendation: boolean;
      /** CPMK where the two differ on at least one principle, with the principles. */
      principles: { outcomeCode: string; differ: EvidencePrinciple[] }[];
      scoreGap: number | null;
    }
);

/**
 * Side by side, per course either assessor recorded (academic's order first): agreement, or what
 * they disagree on: the recommendation, a principle of a CPMK both judged, or course scores
 * further apart than `scoreGap` (reported only then).
 */
export function compareAssessments(input: {
  academic: Assessment;
  practitioner: Assessment;
  courses?: readonly Course[];
  scoreGap?: number;
}): CourseComparison[] {
  const threshold = input.scoreGap ?? ASSESSMENT_SCORE_GAP;
  const ids = [...new Set([...input.academic.courses, ...input.practitioner.courses].map((c) => c.courseId))];
  return ids.map((courseId): CourseComparison => {
    const course = input.courses?.find((c) => c.id === courseId);
    const a = input.academic.courses.find((c) => c.courseId === courseId);
    const p = input.practitioner.courses.find((c) => c.courseId === courseId);
    const summary = (side: CourseAssessment | undefined) =>
      side ? { recommendation: side.recommendation, score: courseScore(course, side) } : null;
    const base = { courseId, academic: summary(a), practitioner: summary(p) };
    if (!a || !p || !base.academic || !base.practitioner) return { ...base, kind: 'pending' };

    const recommendation = a.recommendation !== p.recommendation;
    const principles = a.outcomes.flatMap((ao) => {
      const po = p.outcomes.find((o) => o.outcomeCode === ao.outcomeCode);
      if (!po) return [];
      const differ = evidencePrinciples.filter((key) => ao.principles[key] !== po.principles[key]);
      return differ.length > 0 ? [{ outcomeCode: ao.outcomeCode, differ }] : [];
    });
    const gap = Math.abs(base.academic.score - base.practitioner.score);
    const scoreGap = gap > threshold ? gap : null;
    if (!recommendation && principles.length === 0 && scoreGap === null) return { ...base, kind: 'agree' };
    return { ...base, kind: 'disagree', recommendation, principles, scoreGap };
  });
}
