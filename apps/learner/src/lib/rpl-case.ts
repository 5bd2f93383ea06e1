// Where a submitted RPL application stands, told the way a teacher follows it: six steps from
// submission to the decree (SK, surat keputusan), then the appeal if there is one. The status says
// which step is current; the case's history says when each step before it was done.

import type { RplApplicationStatus } from '@kmg/domain';

export const progressSteps = [
  'submitted',
  'completenessCheck',
  'assessment',
  'committee',
  'validation',
  'decree',
  'appeal',
] as const;
export type ProgressStep = (typeof progressSteps)[number];

/** `returned`: the completeness check sent the application back, and the teacher is to act. */
export type StepState = 'done' | 'current' | 'returned' | 'upcoming';

export type ProgressEntry = { step: ProgressStep; state: StepState; doneAt: string | null };

export type CaseProgress = {
  entries: ProgressEntry[];
  /** The step the case waits on now; null once decided (nothing waits). */
  current: ProgressStep | null;
};

/** The step each status waits on; decided and appealed cases are past the decree. */
const currentStepOf: Partial<Record<RplApplicationStatus, ProgressStep>> = {
  SUBMITTED: 'completenessCheck',
  EVIDENCE_REQUESTED: 'completenessCheck',
  IN_ASSESSMENT: 'assessment',
  AWAITING_COMMITTEE: 'committee',
  AWAITING_VALIDATION: 'validation',
  APPROVED: 'decree',
  APPEALED: 'appeal',
};

/**
 * The history entries (audit actions) that finish each step. A step the case went through twice
 * (the validator returned the decision to the committee) is dated by its last run; submission and
 * decree by their first, since a resubmission answers the completeness check and an amended decree
 * belongs to the appeal.
 */
const finishedBy: Record<Exclude<ProgressStep, 'appeal'>, { action: string; isFirst: boolean }> = {
  submitted: { action: 'RPL_APPLICATION_SUBMIT', isFirst: true },
  completenessCheck: { action: 'RPL_CASE_ACCEPT_AS_COMPLETE', isFirst: false },
  assessment: { action: 'RPL_CASE_COMPLETE_ASSESSMENT', isFirst: false },
  committee: { action: 'RPL_CASE_DECIDE', isFirst: false },
  validation: { action: 'RPL_CASE_VALIDATE', isFirst: false },
  decree: { action: 'RPL_CASE_ISSUE_DECREE', isFirst: true },
};

type HistoryEntry = { action: string; at: string };

/**
 * The steps of a submitted application with their state and the day each was done. Null for a
 * draft or a withdrawn application, which have no progress to show. The appeal is a step only
 * once the teacher has appealed.
 */
export function caseProgress({
  status,
  history,
  appeal,
}: {
  status: RplApplicationStatus;
  history: readonly HistoryEntry[];
  appeal: { appealedAt: string; decidedAt: string | null } | null;
}): CaseProgress | null {
  if (status === 'DRAFT' || status === 'WITHDRAWN') return null;
  const current = currentStepOf[status] ?? null;
  const steps = progressSteps.filter((step) => step !== 'appeal' || appeal !== null);
  const currentIndex = current === null ? steps.length : steps.indexOf(current);
  const entries = steps.map((step, index): ProgressEntry => {
    const state: StepState =
      index < currentIndex
        ? 'done'
        : index > currentIndex
          ? 'upcoming'
          : status === 'EVIDENCE_REQUESTED'
            ? 'returned'
            : 'current';
    return { step, state, doneAt: state === 'done' ? finishedAt(step, history, appeal) : null };
  });
  return { entries, current };
}

function finishedAt(
  step: ProgressStep,
  history: readonly HistoryEntry[],
  appeal: { decidedAt: string | null } | null,
): string | null {
  if (step === 'appeal') return appeal?.decidedAt ?? null;
  const { action, isFirst } = finishedBy[step];
  const times = history
    .filter((entry) => entry.action === action)
    .map((entry) => entry.at)
    .sort();
  return (isFirst ? times[0] : times.at(-1)) ?? null;
}

/** The step deadline the teacher is told about: the current step's, while it is not overdue. */
export function stepTarget<T extends { step: string; dueOn: string; isOverdue: boolean }>(
  deadlines: readonly T[],
  current: ProgressStep | null,
): T | null {
  const step = current && deadlineStepOf[current];
  if (!step) return null;
  return deadlines.find((deadline) => deadline.step === step && !deadline.isOverdue) ?? null;
}

/** The university's step names (`CaseStep` in @kmg/domain) for the steps it works against a target. */
const deadlineStepOf: Partial<Record<ProgressStep, string>> = {
  completenessCheck: 'administrativeCheck',
  assessment: 'assessment',
  committee: 'committee',
  validation: 'validation',
  decree: 'decree',
  appeal: 'appealDecision',
};
