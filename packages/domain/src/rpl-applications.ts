import type { Locale, MessageParams } from '#messages.ts';
import { defineStateMachine } from '#state-machine.ts';

export const rplApplicationStatuses = ['DRAFT', 'SUBMITTED', 'EVIDENCE_REQUESTED', 'WITHDRAWN'] as const;
export type RplApplicationStatus = (typeof rplApplicationStatuses)[number];

export const rplApplicationStatusLabels: Record<RplApplicationStatus, Record<Locale, string>> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  SUBMITTED: { id: 'Diajukan, menunggu penilaian', en: 'Submitted, awaiting assessment' },
  EVIDENCE_REQUESTED: { id: 'Diminta bukti tambahan', en: 'More evidence requested' },
  WITHDRAWN: { id: 'Ditarik', en: 'Withdrawn' },
};

export type RplApplicationAction = 'submit' | 'requestEvidence' | 'withdraw';

/**
 * A teacher drafts, then submits; the university may ask for more evidence, which the teacher
 * answers by submitting again. Until the review starts (part 2) the teacher may withdraw.
 */
export const rplApplicationMachine = defineStateMachine<RplApplicationStatus, RplApplicationAction>({
  initial: 'DRAFT',
  transitions: {
    submit: { from: ['DRAFT', 'EVIDENCE_REQUESTED'], to: 'SUBMITTED' },
    requestEvidence: { from: ['SUBMITTED'], to: 'EVIDENCE_REQUESTED' },
    withdraw: { from: ['DRAFT', 'SUBMITTED', 'EVIDENCE_REQUESTED'], to: 'WITHDRAWN' },
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
