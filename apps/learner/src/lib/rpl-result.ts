// The university's answer to an RPL application as the teacher reads it: what the completeness
// check found missing, the SKS recognised per course against what was proposed, and the appeal
// (banding) the teacher may make once, within the university's appeal days.

import type { RplApplicationStatus } from '@kmg/domain';

export type CourseDecision = {
  courseCode: string;
  courseName: string;
  proposedSks: number;
  sks: number;
  reason: string | null;
};

/** How the committee's SKS for a course compare with the proposal. */
export type CourseOutcome = 'asProposed' | 'reduced' | 'notRecognised' | 'raised';

export function courseOutcome({
  proposedSks,
  sks,
}: Pick<CourseDecision, 'proposedSks' | 'sks'>): CourseOutcome {
  if (sks === proposedSks) return 'asProposed';
  if (sks === 0) return 'notRecognised';
  return sks < proposedSks ? 'reduced' : 'raised';
}

/** SKS recognised and proposed over all courses of a decision. */
export function decisionTotals(courses: readonly Pick<CourseDecision, 'proposedSks' | 'sks'>[]) {
  return courses.reduce(
    (totals, course) => ({
      recognised: totals.recognised + course.sks,
      proposed: totals.proposed + course.proposedSks,
    }),
    { recognised: 0, proposed: 0 },
  );
}

type Decision = { kind: string; decidedAt: string };

/** The decision in force: the newest the teacher sees (an appeal's, once decided). */
export function decisionInForce<T extends Decision>(decisions: readonly T[]): T | null {
  return [...decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))[0] ?? null;
}

/** The first decision, the one an appeal is made against. */
export function originalDecision<T extends Decision>(decisions: readonly T[]): T | null {
  return (
    [...decisions]
      .filter((decision) => decision.kind === 'ORIGINAL')
      .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))[0] ?? null
  );
}

export type AppealChange = {
  courseCode: string;
  courseName: string;
  before: number;
  after: number;
  reason: string | null;
};

/** The courses whose SKS the appeal's decision changed, in the appeal decision's order. */
export function appealChanges(
  original: { courses: readonly CourseDecision[] },
  appeal: { courses: readonly CourseDecision[] },
): AppealChange[] {
  return appeal.courses.flatMap((course) => {
    const before = original.courses.find((entry) => entry.courseCode === course.courseCode)?.sks ?? 0;
    if (before === course.sks) return [];
    return [
      {
        courseCode: course.courseCode,
        courseName: course.courseName,
        before,
        after: course.sks,
        reason: course.reason,
      },
    ];
  });
}

/**
 * The note the officer added to the missing items. The API stores both as one text (each item as
 * a "• " line, then the note); the items come apart in `missingItems`, so the rest is the note.
 */
export function returnNote(evidenceRequest: string | null, missingItems: readonly string[]): string | null {
  if (!evidenceRequest) return null;
  const items = new Set(missingItems.map((item) => item.trim()));
  const rest = evidenceRequest
    .split('\n')
    .filter((line) => {
      const text = line.replace(/^\s*•\s*/, '').trim();
      return text !== '' && !items.has(text);
    })
    .join('\n')
    .trim();
  return rest === '' ? null : rest;
}

/** The appeal reason's length, as the API checks it (`appealSchema` in @kmg/core). */
export const appealReasonLength = { min: 10, max: 4000 } as const;

export function appealReasonIssue(reason: string): 'tooShort' | 'tooLong' | null {
  const length = reason.trim().length;
  if (length < appealReasonLength.min) return 'tooShort';
  if (length > appealReasonLength.max) return 'tooLong';
  return null;
}

/**
 * Whether the teacher may appeal now: the case is decided, the appeal days are running, and they
 * have not appealed yet (once only: checked here too, so an answer cached from before the appeal
 * cannot offer the form again).
 */
export function canAppeal({
  status,
  appealWindow,
  appeal,
}: {
  status: RplApplicationStatus;
  appealWindow: { open: boolean } | null;
  appeal: object | null;
}): boolean {
  return status === 'DECIDED' && !!appealWindow?.open && appeal === null;
}
