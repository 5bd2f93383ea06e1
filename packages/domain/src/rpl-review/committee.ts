import type { FieldIssue } from '#calls.ts';
import type { Course, RecognitionProposal } from '#rpl/types.ts';

/** The committee's decision for one course: final SKS, and why when it departs from the proposal. */
export type CourseDecision = { courseId: string; sks: number; reason: string | null };

/**
 * Checks a committee decision against the engine's proposal and the regulation it applied.
 * Every proposed course needs a decision; SKS are whole numbers from 0 to the course's SKS; a
 * departure from the proposal (other SKS for a proposed course, or any SKS for one the proposal
 * left out) needs a reason; a course kind the regulation excludes stays at 0; and the total stays
 * within the proposal's cap: the regulation binds the committee as it bound the engine.
 */
export function checkCommitteeDecision(input: {
  proposal: RecognitionProposal;
  /** The programme's courses. */
  courses: readonly Course[];
  decisions: readonly CourseDecision[];
}): FieldIssue[] {
  const { proposal, courses, decisions } = input;
  const issues: FieldIssue[] = [];
  if (proposal.kind === 'ineligible') {
    if (decisions.some((d) => d.sks > 0))
      issues.push({ path: ['decisions'], code: 'RPL_DECISION_INELIGIBLE' });
    return issues;
  }

  const seen = new Set<string>();
  let total = 0;
  decisions.forEach((decision, index) => {
    const at = (field: string) => ['decisions', String(index), field];
    const course = courses.find((c) => c.id === decision.courseId);
    if (!course) {
      issues.push({ path: at('courseId'), code: 'RPL_DECISION_UNKNOWN_COURSE' });
      return;
    }
    if (seen.has(course.id)) {
      issues.push({ path: at('courseId'), code: 'RPL_DECISION_DUPLICATE' });
      return;
    }
    seen.add(course.id);
    if (!Number.isInteger(decision.sks)) {
      issues.push({ path: at('sks'), code: 'NOT_INTEGER' });
      return;
    }
    if (decision.sks < 0) {
      issues.push({ path: at('sks'), code: 'TOO_SMALL', params: { min: 0 } });
      return;
    }
    if (decision.sks > course.sks) {
      issues.push({ path: at('sks'), code: 'RULE_SKS_OVER_COURSE', params: { sks: course.sks } });
      return;
    }
    const notProposed = proposal.notProposed.find((c) => c.courseId === course.id);
    if (decision.sks > 0 && notProposed?.reason === 'COURSE_KIND_EXCLUDED') {
      issues.push({ path: at('sks'), code: 'RPL_COURSE_KIND_EXCLUDED' });
      return;
    }
    total += decision.sks;
    const proposedSks = proposal.proposed.find((c) => c.courseId === course.id)?.sks ?? 0;
    if (decision.sks !== proposedSks && !decision.reason?.trim()) {
      issues.push({ path: at('reason'), code: 'RPL_DECISION_REASON_REQUIRED', params: { proposedSks } });
    }
  });

  for (const proposed of proposal.proposed) {
    if (!seen.has(proposed.courseId)) {
      issues.push({
        path: ['decisions'],
        code: 'RPL_DECISION_MISSING',
        params: { course: proposed.courseCode },
      });
    }
  }
  if (proposal.capSks !== null && total > proposal.capSks) {
    issues.push({
      path: ['decisions'],
      code: 'RPL_DECISION_OVER_CAP',
      params: { total, cap: proposal.capSks },
    });
  }
  return issues;
}
