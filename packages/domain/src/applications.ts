import { type CallStatus, callTimeZone } from '#calls.ts';
import type { ErrorCode, Locale, MessageParams } from '#messages.ts';
import type { WaitReason } from '#selection.ts';
import { defineStateMachine, type TransitionPlan, type TransitionTable } from '#state-machine.ts';

export const applicationStatuses = [
  'SUBMITTED',
  'ENDORSED',
  'NOT_ENDORSED',
  'ENDORSEMENT_EXPIRED',
  'ACCEPTED',
  'CONFIRMED',
  'WAITLISTED',
  'REJECTED',
  'DECLINED',
  'LAPSED',
  'WITHDRAWN',
  'CANCELLED',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicationStatusLabels: Record<ApplicationStatus, Record<Locale, string>> = {
  SUBMITTED: { id: 'Menunggu rekomendasi kepala sekolah', en: "Awaiting the principal's endorsement" },
  ENDORSED: { id: 'Direkomendasikan, dalam seleksi', en: 'Endorsed, in selection' },
  NOT_ENDORSED: { id: 'Tidak direkomendasikan', en: 'Not endorsed' },
  ENDORSEMENT_EXPIRED: { id: 'Rekomendasi tidak diberikan tepat waktu', en: 'Not endorsed in time' },
  ACCEPTED: { id: 'Diterima, menunggu konfirmasi Anda', en: 'Accepted, awaiting your confirmation' },
  CONFIRMED: { id: 'Kursi dikonfirmasi', en: 'Seat confirmed' },
  WAITLISTED: { id: 'Daftar tunggu', en: 'Waitlisted' },
  REJECTED: { id: 'Tidak terpilih', en: 'Not selected' },
  DECLINED: { id: 'Kursi ditolak', en: 'Seat declined' },
  LAPSED: { id: 'Konfirmasi terlewat', en: 'Confirmation lapsed' },
  WITHDRAWN: { id: 'Ditarik', en: 'Withdrawn' },
  CANCELLED: { id: 'Pelatihan dibatalkan', en: 'Training cancelled' },
};

/** Statuses that hold one of the call's seats. */
export const seatHoldingStatuses: readonly ApplicationStatus[] = ['ACCEPTED', 'CONFIRMED'];

/** Statuses still in play: the application can still lead to (or holds) a seat. */
export const openApplicationStatuses: readonly ApplicationStatus[] = [
  'SUBMITTED',
  'ENDORSED',
  'ACCEPTED',
  'CONFIRMED',
  'WAITLISTED',
];

export type ApplicationAction =
  | 'resubmit'
  | 'endorse'
  | 'refuseEndorsement'
  | 'undoEndorsement'
  | 'expireEndorsement'
  | 'accept'
  | 'waitlist'
  | 'reject'
  | 'confirm'
  | 'decline'
  | 'lapse'
  | 'withdraw'
  | 'cancel';

/**
 * The application state machine: what each action does, from where. Withdrawing and cancelling
 * reach every application still in play; a withdrawn application is submitted again rather than
 * duplicated (one per teacher per call).
 */
export const applicationTransitions: TransitionTable<ApplicationStatus, ApplicationAction> = {
  resubmit: { from: ['WITHDRAWN'], to: 'SUBMITTED' },
  endorse: { from: ['SUBMITTED'], to: 'ENDORSED' },
  refuseEndorsement: { from: ['SUBMITTED'], to: 'NOT_ENDORSED' },
  /** The principal takes back either decision while it is the last word (not after selection ran). */
  undoEndorsement: { from: ['ENDORSED', 'NOT_ENDORSED'], to: 'SUBMITTED' },
  expireEndorsement: { from: ['SUBMITTED'], to: 'ENDORSEMENT_EXPIRED' },
  accept: { from: ['SUBMITTED', 'ENDORSED', 'WAITLISTED'], to: 'ACCEPTED' },
  waitlist: { from: ['SUBMITTED', 'ENDORSED'], to: 'WAITLISTED' },
  reject: { from: ['ENDORSED'], to: 'REJECTED' },
  confirm: { from: ['ACCEPTED'], to: 'CONFIRMED' },
  decline: { from: ['ACCEPTED'], to: 'DECLINED' },
  lapse: { from: ['ACCEPTED'], to: 'LAPSED' },
  withdraw: { from: openApplicationStatuses, to: 'WITHDRAWN' },
  cancel: { from: openApplicationStatuses, to: 'CANCELLED' },
};

/** Each action as the refusal names it ("… cannot be confirmed"). */
export const applicationActionLabels: Record<ApplicationAction, Record<Locale, string>> = {
  resubmit: { id: 'diajukan kembali', en: 'submitted again' },
  endorse: { id: 'direkomendasikan', en: 'endorsed' },
  refuseEndorsement: { id: 'ditolak rekomendasinya', en: 'refused an endorsement' },
  undoEndorsement: { id: 'dibatalkan keputusan rekomendasinya', en: 'have its endorsement decision undone' },
  expireEndorsement: { id: 'dinyatakan lewat batas rekomendasi', en: 'marked as not endorsed in time' },
  accept: { id: 'diterima', en: 'accepted' },
  waitlist: { id: 'dimasukkan ke daftar tunggu', en: 'waitlisted' },
  reject: { id: 'dinyatakan tidak terpilih', en: 'marked as not selected' },
  confirm: { id: 'dikonfirmasi', en: 'confirmed' },
  decline: { id: 'ditolak', en: 'declined' },
  lapse: { id: 'dinyatakan terlewat', en: 'marked as lapsed' },
  withdraw: { id: 'ditarik', en: 'withdrawn' },
  cancel: { id: 'dibatalkan', en: 'cancelled' },
};

export const applicationMachine = defineStateMachine<ApplicationStatus, ApplicationAction>({
  initial: 'SUBMITTED',
  transitions: applicationTransitions,
  refusal: {
    code: 'INVALID_APPLICATION_TRANSITION',
    statusLabels: applicationStatusLabels,
    actionLabels: applicationActionLabels,
  },
});

/** Where `action` takes an application in `status`, or why it may not. */
export function planApplicationTransition(
  status: ApplicationStatus,
  action: ApplicationAction,
): TransitionPlan<ApplicationStatus> {
  return applicationMachine.plan(status, action);
}

export function canTransition(status: ApplicationStatus, action: ApplicationAction): boolean {
  return applicationMachine.can(status, action);
}

/** Principals endorse until this instant: the call's own deadline, or seven days after applications close. */
export function endorsementDeadline(call: {
  endorsementDeadline: Date | null;
  applicationClosesAt: Date;
}): Date {
  return call.endorsementDeadline ?? new Date(call.applicationClosesAt.getTime() + 7 * 86_400_000);
}

/**
 * An accepted teacher confirms within the call's confirmation days, and never later than the
 * moment the training starts.
 */
export function confirmationDeadline(input: {
  acceptedAt: Date;
  confirmationDays: number;
  trainingStartsAt: Date;
}): Date {
  const byDays = input.acceptedAt.getTime() + input.confirmationDays * 86_400_000;
  return new Date(Math.min(byDays, input.trainingStartsAt.getTime()));
}

/** Bounds of the motivation statement, in characters as a reader counts them (code points). */
export const MOTIVATION_MIN_LENGTH = 100;
export const MOTIVATION_MAX_LENGTH = 2000;

/** Characters as a person counts them: emoji and accented letters count once. */
export function countCharacters(text: string): number {
  return [...text.trim()].length;
}

export type ApplicationWindow = {
  status: CallStatus;
  province: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
};

export type WindowCheck =
  | { kind: 'open' }
  | {
      kind: 'closed';
      code: Extract<ErrorCode, 'CALL_NOT_OPEN' | 'WINDOW_NOT_STARTED' | 'WINDOW_CLOSED'>;
      params?: MessageParams;
    };

/** A call takes applications while it is open and `now` is inside its window (closing instant excluded). */
export function checkApplicationWindow(call: ApplicationWindow, now: Date): WindowCheck {
  if (call.status !== 'OPEN') return { kind: 'closed', code: 'CALL_NOT_OPEN' };
  const timeZone = callTimeZone(call.province);
  if (now < call.applicationOpensAt) {
    const opensAt = { instant: call.applicationOpensAt.toISOString(), timeZone };
    return { kind: 'closed', code: 'WINDOW_NOT_STARTED', params: { opensAt } };
  }
  if (now >= call.applicationClosesAt) {
    const closesAt = { instant: call.applicationClosesAt.toISOString(), timeZone };
    return { kind: 'closed', code: 'WINDOW_CLOSED', params: { closesAt } };
  }
  return { kind: 'open' };
}

export type ApplyDecision =
  | { kind: 'create' }
  /** A withdrawn application is submitted again rather than duplicated: one per teacher per call. */
  | { kind: 'resubmit'; applicationId: string }
  | { kind: 'refused'; code: ErrorCode; params?: MessageParams };

export function decideApply(input: {
  call: ApplicationWindow;
  existing: { id: string; status: ApplicationStatus } | null;
  now: Date;
}): ApplyDecision {
  const window = checkApplicationWindow(input.call, input.now);
  if (window.kind === 'closed') return { kind: 'refused', code: window.code, params: window.params };
  if (!input.existing) return { kind: 'create' };
  if (input.existing.status === 'WITHDRAWN') return { kind: 'resubmit', applicationId: input.existing.id };
  return { kind: 'refused', code: 'ALREADY_APPLIED' };
}

export type Decision = { kind: 'allowed' } | { kind: 'refused'; code: ErrorCode; params?: MessageParams };
export type WithdrawDecision = Decision;

/**
 * Only the applicant withdraws, only an application still in play, and only before the training
 * begins: after that, attendance and results decide the outcome.
 */
export function decideWithdraw(input: {
  application: { teacherId: string; status: ApplicationStatus };
  actorId: string;
  trainingStartsAt: Date;
  now: Date;
}): WithdrawDecision {
  if (input.application.teacherId !== input.actorId) return { kind: 'refused', code: 'NOT_YOUR_APPLICATION' };
  if (input.application.status === 'WITHDRAWN') return { kind: 'refused', code: 'ALREADY_WITHDRAWN' };
  if (!canTransition(input.application.status, 'withdraw'))
    return { kind: 'refused', code: 'APPLICATION_CLOSED' };
  if (input.now >= input.trainingStartsAt) return { kind: 'refused', code: 'TRAINING_STARTED' };
  return { kind: 'allowed' };
}

/** The principal of the teacher's school endorses or declines a submitted application before the deadline. */
export function decideEndorsement(input: {
  application: { status: ApplicationStatus; schoolId: string | null };
  principalSchoolId: string | null;
  deadline: Date;
  timeZone: string;
  now: Date;
}): Decision {
  if (!input.principalSchoolId || input.application.schoolId !== input.principalSchoolId) {
    return { kind: 'refused', code: 'NOT_YOUR_SCHOOL' };
  }
  if (!canTransition(input.application.status, 'endorse'))
    return { kind: 'refused', code: 'ENDORSEMENT_DONE' };
  if (input.now >= input.deadline) {
    return {
      kind: 'refused',
      code: 'ENDORSEMENT_CLOSED',
      params: { deadline: { instant: input.deadline.toISOString(), timeZone: input.timeZone } },
    };
  }
  return { kind: 'allowed' };
}

/**
 * The principal of the teacher's school takes back an endorsement decision (either way), until the
 * endorsement deadline and only while the decision is the application's last step: once selection
 * or a seat has followed, the decision has been acted on and stands.
 */
export function decideEndorsementUndo(input: {
  application: { status: ApplicationStatus; schoolId: string | null };
  principalSchoolId: string | null;
  /** The call's selection has been committed: its outcomes were decided with this decision in them. */
  isSelectionCommitted: boolean;
  deadline: Date;
  timeZone: string;
  now: Date;
}): Decision {
  const { application } = input;
  if (!input.principalSchoolId || application.schoolId !== input.principalSchoolId) {
    return { kind: 'refused', code: 'NOT_YOUR_SCHOOL' };
  }
  if (application.status === 'SUBMITTED') return { kind: 'refused', code: 'NO_ENDORSEMENT_DECISION' };
  if (!canTransition(application.status, 'undoEndorsement')) {
    return {
      kind: 'refused',
      code: 'ENDORSEMENT_ACTED_ON',
      params: { status: applicationStatusLabels[application.status] },
    };
  }
  if (input.isSelectionCommitted) return { kind: 'refused', code: 'SELECTION_COMMITTED' };
  if (input.now >= input.deadline) {
    return {
      kind: 'refused',
      code: 'ENDORSEMENT_UNDO_CLOSED',
      params: { deadline: { instant: input.deadline.toISOString(), timeZone: input.timeZone } },
    };
  }
  return { kind: 'allowed' };
}

/** The accepted teacher confirms or declines their seat, confirming only before `confirmBy`. */
export function decideSeatResponse(input: {
  application: { teacherId: string; status: ApplicationStatus; confirmBy: Date | null };
  actorId: string;
  response: 'confirm' | 'decline';
  timeZone: string;
  now: Date;
}): Decision {
  const { application } = input;
  if (application.teacherId !== input.actorId) return { kind: 'refused', code: 'NOT_YOUR_APPLICATION' };
  if (!canTransition(application.status, input.response)) return { kind: 'refused', code: 'NOT_ACCEPTED' };
  if (input.response === 'confirm' && application.confirmBy && input.now >= application.confirmBy) {
    return {
      kind: 'refused',
      code: 'CONFIRMATION_CLOSED',
      params: { deadline: { instant: application.confirmBy.toISOString(), timeZone: input.timeZone } },
    };
  }
  return { kind: 'allowed' };
}

/** Why a freed seat goes to the waitlist, as recorded on the promotion. */
export type PromotionCause = 'SEAT_DECLINED' | 'SEAT_WITHDRAWN' | 'SEAT_LAPSED' | 'SEATS_ADDED';

/** Why a selection or seat outcome happened: the codes recorded on applications and in the audit. */
export type OutcomeReason = WaitReason | 'BELOW_MIN_SCORE' | 'NOT_REVIEWED' | PromotionCause;

/**
 * Why a selection or seat outcome happened, in words a teacher reads: the one table the API, the
 * console and the learner app take them from.
 */
export const outcomeReasonLabels: Record<OutcomeReason, Record<Locale, string>> = {
  SEATS_FULL: { id: 'Semua kursi sudah terisi', en: 'All seats are taken' },
  SCHOOL_CAP: { id: 'Batas peserta per sekolah sudah tercapai', en: 'The per-school limit is reached' },
  PROVINCE_CAP: { id: 'Batas peserta per provinsi sudah tercapai', en: 'The per-province limit is reached' },
  BELOW_MIN_SCORE: { id: 'Skor seleksi di bawah batas minimal', en: 'Selection score below the minimum' },
  NOT_REVIEWED: { id: 'Belum dinilai semua penilai', en: 'Not yet scored by every reviewer' },
  // Why a waitlisted teacher moved up (the platform acts; nobody chose them by hand).
  SEAT_DECLINED: {
    id: 'Kursi dilepas karena peserta lain menolak',
    en: 'A seat freed when another teacher declined',
  },
  SEAT_WITHDRAWN: {
    id: 'Kursi dilepas karena peserta lain menarik pendaftaran',
    en: 'A seat freed when another teacher withdrew',
  },
  SEAT_LAPSED: {
    id: 'Kursi dilepas karena peserta lain tidak mengonfirmasi tepat waktu',
    en: 'A seat freed when another teacher did not confirm in time',
  },
  SEATS_ADDED: { id: 'Kuota pelatihan ditambah', en: 'The call gained seats' },
};

/** A recorded reason in the reader's words: a code from the table, or a person's own sentence as written. */
export function describeOutcomeReason(reason: string, locale: Locale): string {
  return Object.hasOwn(outcomeReasonLabels, reason)
    ? outcomeReasonLabels[reason as OutcomeReason][locale]
    : reason;
}
