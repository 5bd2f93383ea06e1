// An RPL case as the console works it: ids as the API gives them, deadlines as people read them,
// and the two long forms (an assessor's judgement, the committee's decision) turned into the
// mutations' input and back, with the API's field errors placed on the rows they are about.
import {
  type AssessmentMethod,
  type AssessmentRecommendation,
  type EvidencePrinciple,
  type Locale,
  outcomeAssessmentSchema,
  scheduledMethods,
  toFieldIssues,
  translateError,
} from '@kmg/domain';
import type { ApiFieldError } from '@kmg/ui';

/**
 * The database id inside a global id (`base64("Course:<uuid>")`), as the proposal, the
 * self-evaluation and the staff list name records; a value that is not a global id is returned as
 * it is.
 */
export function rawIdOf(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const at = decoded.indexOf(':');
    if (at > 0 && /^[A-Za-z]+$/.test(decoded.slice(0, at))) return decoded.slice(at + 1);
  } catch {}
  return globalId;
}

// ---- Deadlines --------------------------------------------------------------------------------

export type Deadline = { step: string; dueOn: string; daysLeft: number; isOverdue: boolean };

/** How a due date reads: late, due today or tomorrow, or on time. */
export type DeadlineTone = 'overdue' | 'soon' | 'onTime';

export function deadlineTone(deadline: Pick<Deadline, 'daysLeft' | 'isOverdue'>): DeadlineTone {
  if (deadline.isOverdue) return 'overdue';
  return deadline.daysLeft <= 1 ? 'soon' : 'onTime';
}

/** The step the case waits on now (the whole case's clock is listed after it), or null. */
export function currentDeadline<D extends Deadline>(deadlines: readonly D[]): D | null {
  return deadlines.find((deadline) => deadline.step !== 'wholeCase') ?? null;
}

// ---- Administrative check ---------------------------------------------------------------------

/** The items the teacher must add, trimmed, blanks dropped; the message when there are none. */
export function checkMissingItems(
  items: readonly string[],
  locale: Locale,
): { items: string[]; error: string | null } {
  const kept = items.map((item) => item.trim()).filter((item) => item !== '');
  return {
    items: kept,
    error: kept.length === 0 ? translateError('RPL_MISSING_ITEMS_REQUIRED', locale) : null,
  };
}

// ---- An assessor's judgement ------------------------------------------------------------------

export type OutcomeDraft = Record<EvidencePrinciple, boolean> & {
  method: AssessmentMethod;
  scheduledOn: string | null;
  place: string;
  link: string;
  /** Null until the assessor enters one. */
  score: number | null;
};

export type CourseDraft = {
  courseId: string;
  recommendation: AssessmentRecommendation | null;
  notes: string;
  /** By CPMK code, in the course's order. */
  outcomes: Record<string, OutcomeDraft>;
};

/** A proposed course as the form needs it: its id (as the proposal gives it) and CPMK codes. */
export type AssessedCourse = { courseId: string; code: string; outcomeCodes: readonly string[] };

/** A saved judgement as the API returns it (`RplCourseJudgement`). */
export type SavedCourseJudgement = {
  courseId: string;
  recommendation: AssessmentRecommendation;
  notes: string | null;
  outcomes: readonly (Record<EvidencePrinciple, boolean> & {
    outcomeCode: string;
    method: AssessmentMethod;
    scheduledOn: string | null;
    place: string | null;
    link: string | null;
    score: number;
  })[];
};

const blankOutcome = (): OutcomeDraft => ({
  valid: false,
  authentic: false,
  current: false,
  sufficient: false,
  // The portfolio is where every RPL assessment starts; the assessor picks another method when the
  // teacher must show something in person.
  method: 'PORTFOLIO',
  scheduledOn: null,
  place: '',
  link: '',
  score: null,
});

/** The form for every proposed course, filled from what the assessor saved before. */
export function initialAssessmentDraft(
  courses: readonly AssessedCourse[],
  saved: readonly SavedCourseJudgement[],
): CourseDraft[] {
  return courses.map((course) => {
    const earlier = saved.find((entry) => entry.courseId === course.courseId);
    const outcomes: Record<string, OutcomeDraft> = {};
    for (const code of course.outcomeCodes) {
      const judged = earlier?.outcomes.find((outcome) => outcome.outcomeCode === code);
      outcomes[code] = judged
        ? {
            valid: judged.valid,
            authentic: judged.authentic,
            current: judged.current,
            sufficient: judged.sufficient,
            method: judged.method,
            scheduledOn: judged.scheduledOn,
            place: judged.place ?? '',
            link: judged.link ?? '',
            score: judged.score,
          }
        : blankOutcome();
    }
    return {
      courseId: course.courseId,
      recommendation: earlier?.recommendation ?? null,
      notes: earlier?.notes ?? '',
      outcomes,
    };
  });
}

export type OutcomeJudgementInput = Record<EvidencePrinciple, boolean> & {
  outcomeCode: string;
  method: AssessmentMethod;
  scheduledOn: string | null;
  place: string | null;
  link: string | null;
  score: number;
};
export type CourseJudgementInput = {
  courseId: string;
  recommendation: AssessmentRecommendation;
  notes: string | null;
  outcomes: OutcomeJudgementInput[];
};

/** Where a form value lives, for messages: `<courseId>.recommendation`, `<courseId>.<CPMK>.score`. */
export const draftKey = (courseId: string, outcomeCode?: string | null, field?: string) =>
  [courseId, outcomeCode, field].filter(Boolean).join('.');

/** Whether the assessor has entered anything for a course (an untouched one is not "unsaved"). */
function hasInput(course: CourseDraft): boolean {
  if (course.recommendation || course.notes.trim()) return true;
  return Object.values(course.outcomes).some(
    (outcome) =>
      outcome.score !== null ||
      outcome.valid ||
      outcome.authentic ||
      outcome.current ||
      outcome.sufficient ||
      outcome.method !== 'PORTFOLIO' ||
      outcome.scheduledOn !== null ||
      outcome.place.trim() !== '' ||
      outcome.link.trim() !== '',
  );
}

/**
 * The mutation's `courses`: each course with a recommendation and at least one scored CPMK (a
 * draft may be partial; the API checks each CPMK sent), and for each sent row where it sits in the
 * form, so the API's `courses.2.outcomes.0.place` finds its field. `unsent` lists the courses with
 * something entered but left out (kept on screen, not saved yet).
 */
export function assessmentInput(draft: readonly CourseDraft[]): {
  courses: CourseJudgementInput[];
  positions: { courseId: string; outcomeCodes: string[] }[];
  unsent: string[];
} {
  const courses: CourseJudgementInput[] = [];
  const positions: { courseId: string; outcomeCodes: string[] }[] = [];
  const unsent: string[] = [];
  for (const course of draft) {
    const scored = Object.entries(course.outcomes).filter(([, outcome]) => outcome.score !== null);
    if (!course.recommendation || scored.length === 0) {
      if (hasInput(course)) unsent.push(course.courseId);
      continue;
    }
    const scheduled = (method: AssessmentMethod) => scheduledMethods.includes(method);
    courses.push({
      courseId: course.courseId,
      recommendation: course.recommendation,
      notes: course.notes.trim() || null,
      outcomes: scored.map(([code, outcome]) => ({
        outcomeCode: code,
        valid: outcome.valid,
        authentic: outcome.authentic,
        current: outcome.current,
        sufficient: outcome.sufficient,
        method: outcome.method,
        // A portfolio needs nobody present: a date or place left from another method is not sent.
        scheduledOn: scheduled(outcome.method) ? outcome.scheduledOn : null,
        place: scheduled(outcome.method) ? outcome.place.trim() || null : null,
        link: scheduled(outcome.method) ? outcome.link.trim() || null : null,
        score: outcome.score as number,
      })),
    });
    positions.push({ courseId: course.courseId, outcomeCodes: scored.map(([code]) => code) });
  }
  return { courses, positions, unsent };
}

/** What keeps a judgement from being submitted, course by course, in form order. */
export type AssessmentGap = { courseId: string; outcomeCode: string | null; key: string; message: string };

/**
 * Everything the assessor still has to fill before submitting (the API checks the same): a
 * recommendation per course, a score per CPMK, and a date and a place or link for the methods that
 * need the teacher present (the domain's own rule, so the words match the API's).
 */
export function findAssessmentGaps(
  draft: readonly CourseDraft[],
  locale: Locale,
  messages: { recommendation: string; score: string },
): AssessmentGap[] {
  const gaps: AssessmentGap[] = [];
  for (const course of draft) {
    for (const [code, outcome] of Object.entries(course.outcomes)) {
      if (outcome.score === null || !Number.isInteger(outcome.score)) {
        gaps.push({
          courseId: course.courseId,
          outcomeCode: code,
          key: draftKey(course.courseId, code, 'score'),
          message: messages.score,
        });
      }
      const parsed = outcomeAssessmentSchema.safeParse({
        outcomeCode: code,
        principles: {
          valid: outcome.valid,
          authentic: outcome.authentic,
          current: outcome.current,
          sufficient: outcome.sufficient,
        },
        method: outcome.method,
        scheduledOn: outcome.scheduledOn,
        place: outcome.place.trim() || null,
        link: outcome.link.trim() || null,
        score: outcome.score ?? 0,
      });
      if (parsed.success) continue;
      for (const issue of toFieldIssues(parsed.error.issues)) {
        const field = issue.path[0];
        if (field !== 'scheduledOn' && field !== 'place') continue;
        gaps.push({
          courseId: course.courseId,
          outcomeCode: code,
          key: draftKey(course.courseId, code, field),
          message: translateError(issue.code, locale, issue.params),
        });
      }
    }
    if (!course.recommendation) {
      gaps.push({
        courseId: course.courseId,
        outcomeCode: null,
        key: draftKey(course.courseId, null, 'recommendation'),
        message: messages.recommendation,
      });
    }
  }
  return gaps;
}

/**
 * The API's field errors on a saved judgement, on the form's keys (`courses.1.outcomes.0.score`
 * becomes `<courseId>.<CPMK>.score`); those about no one field stay in `rest`.
 */
export function placeAssessmentErrors(
  fieldErrors: readonly ApiFieldError[],
  positions: readonly { courseId: string; outcomeCodes: readonly string[] }[],
): { onFields: Record<string, string>; rest: string[] } {
  const onFields: Record<string, string> = {};
  const rest: string[] = [];
  for (const error of fieldErrors) {
    const [root, courseIndex, part, outcomeIndex, field] = error.path;
    const course =
      root === 'courses' && courseIndex !== undefined ? positions[Number(courseIndex)] : undefined;
    if (!course) {
      rest.push(error.message);
      continue;
    }
    if (part === 'outcomes' && outcomeIndex !== undefined) {
      const code = course.outcomeCodes[Number(outcomeIndex)];
      const key = code && draftKey(course.courseId, code, field ?? 'score');
      if (key) onFields[key] ??= error.message;
      else rest.push(error.message);
    } else if (part === 'recommendation' || part === 'notes') {
      onFields[draftKey(course.courseId, null, part)] ??= error.message;
    } else {
      rest.push(error.message);
    }
  }
  return { onFields, rest };
}

/** The course's score from its CPMK scores, weighted as the curriculum weighs them (as the API does). */
export function weightedScore(outcomes: readonly { score: number | null; weight: number }[]): number | null {
  const scored = outcomes.filter((outcome) => outcome.score !== null);
  if (scored.length === 0) return null;
  const total = scored.reduce((sum, outcome) => sum + outcome.weight, 0);
  if (total === 0) return null;
  return Math.round(scored.reduce((sum, outcome) => sum + (outcome.score ?? 0) * outcome.weight, 0) / total);
}

// ---- The committee's decision -----------------------------------------------------------------

export type DecisionRow = {
  courseId: string;
  code: string;
  name: string;
  courseSks: number;
  /** What the engine proposed (0 for a course it left out). */
  proposedSks: number;
  /** Null while the field is empty. */
  sks: number | null;
  reason: string;
};

/**
 * The decision form's rows: every proposed course at the proposal's SKS, or, when the committee
 * decides again (an appeal, a decision the validator returned), as it decided last time with its
 * reasons, including courses it added then.
 */
export function initialDecisionRows(
  proposed: readonly { courseId: string; code: string; name: string; courseSks: number; sks: number }[],
  previous: readonly {
    courseId: string;
    courseCode: string;
    courseName: string;
    courseSks: number;
    proposedSks: number;
    sks: number;
    reason: string | null;
  }[] = [],
): DecisionRow[] {
  const rows: DecisionRow[] = proposed.map((course) => {
    const earlier = previous.find((entry) => entry.courseId === course.courseId);
    return {
      courseId: course.courseId,
      code: course.code,
      name: course.name,
      courseSks: course.courseSks,
      proposedSks: course.sks,
      sks: earlier ? earlier.sks : course.sks,
      reason: earlier?.reason ?? '',
    };
  });
  for (const entry of previous) {
    if (rows.some((row) => row.courseId === entry.courseId)) continue;
    rows.push({
      courseId: entry.courseId,
      code: entry.courseCode,
      name: entry.courseName,
      courseSks: entry.courseSks,
      proposedSks: entry.proposedSks,
      sks: entry.sks,
      reason: entry.reason ?? '',
    });
  }
  return rows;
}

/** A row departs from the proposal (and so needs a reason) when its SKS differ. */
export const departsFromProposal = (row: Pick<DecisionRow, 'sks' | 'proposedSks'>) =>
  row.sks !== null && row.sks !== row.proposedSks;

/**
 * What the form can tell before sending (the API checks all of it again): an SKS per course within
 * the course's SKS, a reason for each departure, and the total against the cap.
 */
export function checkDecisionRows(
  rows: readonly DecisionRow[],
  capSks: number | null,
  locale: Locale,
  messages: { sksRequired: string; sksOverCourse: (sks: number) => string },
): { onFields: Record<string, string>; total: number; overCap: string | null } {
  const onFields: Record<string, string> = {};
  let total = 0;
  for (const row of rows) {
    if (row.sks === null || !Number.isInteger(row.sks) || row.sks < 0) {
      onFields[`${row.courseId}.sks`] = messages.sksRequired;
      continue;
    }
    if (row.sks > row.courseSks) {
      onFields[`${row.courseId}.sks`] = messages.sksOverCourse(row.courseSks);
      continue;
    }
    total += row.sks;
    if (departsFromProposal(row) && row.reason.trim() === '') {
      onFields[`${row.courseId}.reason`] = translateError('RPL_DECISION_REASON_REQUIRED', locale, {
        proposedSks: row.proposedSks,
      });
    }
  }
  const overCap =
    capSks !== null && total > capSks
      ? translateError('RPL_DECISION_OVER_CAP', locale, { total, cap: capSks })
      : null;
  return { onFields, total, overCap };
}

/** The mutation's `decisions`, in row order (the API's `decisions.N` is row N). */
export function decisionInput(rows: readonly DecisionRow[]) {
  return rows.map((row) => ({
    courseId: row.courseId,
    sks: row.sks ?? 0,
    reason: row.reason.trim() || null,
  }));
}

/** The API's `decisions.N.sks` and `decisions.N.reason` on row N's fields; the rest above the form. */
export function placeDecisionErrors(
  fieldErrors: readonly ApiFieldError[],
  rows: readonly Pick<DecisionRow, 'courseId'>[],
): { onFields: Record<string, string>; rest: string[] } {
  const onFields: Record<string, string> = {};
  const rest: string[] = [];
  for (const error of fieldErrors) {
    const [root, index, field] = error.path;
    const row = root === 'decisions' && index !== undefined ? rows[Number(index)] : undefined;
    if (row && (field === 'sks' || field === 'reason'))
      onFields[`${row.courseId}.${field}`] ??= error.message;
    else if (row && field === 'courseId') onFields[`${row.courseId}.sks`] ??= error.message;
    else rest.push(error.message);
  }
  return { onFields, rest };
}

// ---- Bulk assignment --------------------------------------------------------------------------

/**
 * The API's refusals of a bulk assignment: `applicationIds.N` on the N-th case sent, `academicId`
 * and `practitionerId` on the two pickers, anything else above the form.
 */
export function placeAssignmentErrors(
  fieldErrors: readonly ApiFieldError[],
  applicationIds: readonly string[],
): {
  byCase: Record<string, string[]>;
  academic: string | null;
  practitioner: string | null;
  rest: string[];
} {
  const byCase: Record<string, string[]> = {};
  let academic: string | null = null;
  let practitioner: string | null = null;
  const rest: string[] = [];
  for (const error of fieldErrors) {
    const [root, index] = error.path;
    const caseId =
      root === 'applicationIds' && index !== undefined ? applicationIds[Number(index)] : undefined;
    if (caseId) byCase[caseId] = [...(byCase[caseId] ?? []), error.message];
    else if (root === 'academicId') academic ??= error.message;
    else if (root === 'practitionerId') practitioner ??= error.message;
    else rest.push(error.message);
  }
  return { byCase, academic, practitioner, rest };
}
