import type { Locale } from '#messages.ts';
import { defineStateMachine } from '#state-machine.ts';

export const rplApplicationStatuses = ['DRAFT', 'SUBMITTED', 'EVIDENCE_REQUESTED', 'WITHDRAWN'] as const;
export type RplApplicationStatus = (typeof rplApplicationStatuses)[number];

export const rplApplicationStatusLabels: Record<RplApplicationStatus, Record<Locale, string>> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  SUBMITTED: { id: 'Diajukan, menunggu penilaian', en: 'Submitted, awaiting assessment' },
  EVIDENCE_REQUESTED: { id: 'Diminta bukti tambahan', en: 'More evidence requested' },
  WITHDRAWN: { id: 'Ditarik', en: 'Withdrawn' },
};

export type RplApplicationAction = 'submit' | 'requestEvidence' | 'withdraw' | 'edit';

/**
 * A teacher drafts, then submits; the university may ask for more evidence, which the teacher
 * answers by submitting again. Until the review starts (part 2) the teacher may withdraw. Editing
 * (credentials, files, self-evaluation) is open while the application is with the teacher.
 */
export const rplApplicationMachine = defineStateMachine<RplApplicationStatus, RplApplicationAction>({
  initial: 'DRAFT',
  transitions: {
    submit: { from: ['DRAFT', 'EVIDENCE_REQUESTED'], to: 'SUBMITTED' },
    requestEvidence: { from: ['SUBMITTED'], to: 'EVIDENCE_REQUESTED' },
    withdraw: { from: ['DRAFT', 'SUBMITTED', 'EVIDENCE_REQUESTED'], to: 'WITHDRAWN' },
    // Editing leaves the status as it is: the table says from where it is allowed.
    edit: { from: ['DRAFT', 'EVIDENCE_REQUESTED'], to: 'DRAFT' },
  },
  refusal: {
    code: 'INVALID_RPL_APPLICATION_TRANSITION',
    statusLabels: rplApplicationStatusLabels,
    actionLabels: {
      submit: { id: 'diajukan', en: 'submitted' },
      requestEvidence: { id: 'dimintai bukti tambahan', en: 'asked for more evidence' },
      withdraw: { id: 'ditarik', en: 'withdrawn' },
      edit: { id: 'diubah', en: 'changed' },
    },
  },
});

/** The campus self-evaluation (evaluasi diri) scale for one course outcome. */
export const selfEvaluationLevels = ['VERY_GOOD', 'GOOD', 'NEVER'] as const;
export type SelfEvaluationLevel = (typeof selfEvaluationLevels)[number];
export const selfEvaluationLabels: Record<SelfEvaluationLevel, Record<Locale, string>> = {
  VERY_GOOD: { id: 'Sangat baik', en: 'Very good' },
  GOOD: { id: 'Baik', en: 'Good' },
  NEVER: { id: 'Tidak pernah', en: 'Never' },
};
