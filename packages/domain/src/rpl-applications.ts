import type { Locale, MessageParams } from '#messages.ts';
import {
  type RplCaseStatus,
  rplCaseStatuses,
  rplCaseStatusLabels,
  rplCaseTransitions,
} from '#rpl-review/case-machine.ts';
import { defineStateMachine } from '#state-machine.ts';

/** An application is an RPL case: one set of statuses from the teacher's draft to the decree. */
export const rplApplicationStatuses = rplCaseStatuses;
export type RplApplicationStatus = RplCaseStatus;
export const rplApplicationStatusLabels = rplCaseStatusLabels;

export type RplApplicationAction = 'submit' | 'requestEvidence' | 'withdraw';

/**
 * The teacher's side of the case machine: a teacher drafts, then submits; the university may
 * return it for more evidence, which the teacher answers by submitting again; until the committee
 * decides, the teacher may withdraw. The reviewers' moves are `rplCaseMachine`'s.
 */
export const rplApplicationMachine = defineStateMachine<RplApplicationStatus, RplApplicationAction>({
  initial: 'DRAFT',
  transitions: {
    submit: rplCaseTransitions.submit,
    requestEvidence: rplCaseTransitions.returnToTeacher,
    withdraw: rplCaseTransitions.withdraw,
  },
  refusal: {
    code: 'INVALID_RPL_APPLICATION_TRANSITION',
    statusLabels: rplApplicationStatusLabels,
    actionLabels: {
      submit: { id: 'diajukan', en: 'submitted' },
      requestEvidence: { id: 'dimintai bukti tambahan', en: 'asked for more evidence' },
      withdraw: { id: 'ditarik', en: 'withdrawn' },
    },
  },
});

/**
 * What the application holds (credentials, files, self-evaluation) changes only while it is with
 * the teacher: a draft, or one the university asked more evidence for. Editing keeps the status.
 */
export const rplEditableStatuses: readonly RplApplicationStatus[] = ['DRAFT', 'EVIDENCE_REQUESTED'];

/** Why the application cannot be changed now, or null when it can. */
export function rplEditRefusal(
  status: RplApplicationStatus,
): { code: 'INVALID_RPL_APPLICATION_TRANSITION'; params: MessageParams } | null {
  if (rplEditableStatuses.includes(status)) return null;
  return {
    code: 'INVALID_RPL_APPLICATION_TRANSITION',
    params: { status: rplApplicationStatusLabels[status], action: { id: 'diubah', en: 'changed' } },
  };
}

/** The campus self-evaluation (evaluasi diri) scale for one course outcome. */
export const selfEvaluationLevels = ['VERY_GOOD', 'GOOD', 'NEVER'] as const;
export type SelfEvaluationLevel = (typeof selfEvaluationLevels)[number];
export const selfEvaluationLabels: Record<SelfEvaluationLevel, Record<Locale, string>> = {
  VERY_GOOD: { id: 'Sangat baik', en: 'Very good' },
  GOOD: { id: 'Baik', en: 'Good' },
  NEVER: { id: 'Tidak pernah', en: 'Never' },
};
