import { type LocalDate, startOfLocalDate } from '#dates.ts';
import type { ErrorCode, Locale, MessageParams } from '#messages.ts';
import { findProvince } from '#provinces.ts';
import { defineStateMachine, type TransitionPlan, type TransitionTable } from '#state-machine.ts';

export const callStatuses = ['DRAFT', 'OPEN', 'CLOSED', 'IN_TRAINING', 'COMPLETED', 'CANCELLED'] as const;
export type CallStatus = (typeof callStatuses)[number];

export const deliveryModes = ['ONLINE', 'OFFLINE', 'BLENDED'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export const callStatusLabels: Record<CallStatus, Record<Locale, string>> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  OPEN: { id: 'Dibuka', en: 'Open' },
  CLOSED: { id: 'Ditutup', en: 'Closed' },
  IN_TRAINING: { id: 'Pelatihan berjalan', en: 'In training' },
  COMPLETED: { id: 'Selesai', en: 'Completed' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
};

export const deliveryModeLabels: Record<DeliveryMode, Record<Locale, string>> = {
  ONLINE: { id: 'Daring', en: 'Online' },
  OFFLINE: { id: 'Luring', en: 'In person' },
  BLENDED: { id: 'Campuran', en: 'Blended' },
};

/** What a call says about travel costs to the venue: not covered, reimbursed up to an amount, paid in full. */
export const travelSupportKinds = ['NOT_COVERED', 'REIMBURSED_UP_TO', 'COVERED'] as const;
export type TravelSupport = (typeof travelSupportKinds)[number];

/** A rule broken by a whole value: which field to point at, and why. */
export type FieldIssue = { path: string[]; code: ErrorCode; params?: MessageParams };

export type CallSchedule = {
  mode: DeliveryMode;
  venueName?: string | null;
  province: string;
  startDate: LocalDate;
  endDate: LocalDate;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
};

/**
 * The time zone a call's dates are read in: its venue's province (WIB, WITA or WIT). Online calls
 * still name the organizing province.
 */
export function callTimeZone(province: string): string {
  return findProvince(province)?.timeZone ?? 'Asia/Jakarta';
}

/**
 * Rules that tie a call's fields together. The application window must close before the first
 * training day begins in the venue's time zone, so every applicant can be selected in time.
 */
export function checkCallSchedule(call: CallSchedule): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!findProvince(call.province)) issues.push({ path: ['province'], code: 'UNKNOWN_PROVINCE' });
  if (call.endDate < call.startDate) issues.push({ path: ['endDate'], code: 'END_BEFORE_START' });
  if (call.applicationClosesAt <= call.applicationOpensAt) {
    issues.push({ path: ['applicationClosesAt'], code: 'WINDOW_CLOSES_BEFORE_OPENS' });
  }
  const trainingStarts = startOfLocalDate(call.startDate, callTimeZone(call.province));
  if (call.applicationClosesAt > trainingStarts) {
    issues.push({
      path: ['applicationClosesAt'],
      code: 'WINDOW_AFTER_TRAINING_START',
      params: { start: { date: call.startDate } },
    });
  }
  if (call.mode !== 'ONLINE' && !call.venueName?.trim()) {
    issues.push({ path: ['venueName'], code: 'VENUE_REQUIRED' });
  }
  return issues;
}

/** What a programme's managers do to a call: the status changes they ask for, and editing it. */
export type CallAction = 'publish' | 'close' | 'cancel' | 'update';

/** Every status change a call goes through; the platform starts and completes training. */
export type CallTransition = Exclude<CallAction, 'update'> | 'startTraining' | 'complete';

export const callActionLabels: Record<CallAction | CallTransition, Record<Locale, string>> = {
  publish: { id: 'dibuka', en: 'published' },
  close: { id: 'ditutup', en: 'closed' },
  cancel: { id: 'dibatalkan', en: 'cancelled' },
  update: { id: 'diubah', en: 'edited' },
  startTraining: { id: 'dimulai pelatihannya', en: 'put in training' },
  complete: { id: 'diselesaikan', en: 'completed' },
};

/** The call state machine: which statuses each action starts from, and where it leads. */
export const callTransitions: TransitionTable<CallStatus, CallTransition> = {
  publish: { from: ['DRAFT'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED' },
  cancel: { from: ['DRAFT', 'OPEN', 'CLOSED'], to: 'CANCELLED' },
  /** When the first training day begins at the venue, whether or not the call was closed first. */
  startTraining: { from: ['OPEN', 'CLOSED'], to: 'IN_TRAINING' },
  /** When the results are approved, from whatever stage the call had reached. */
  complete: { from: ['OPEN', 'CLOSED', 'IN_TRAINING'], to: 'COMPLETED' },
};

/** Statuses in which a call's content may still be edited (`update` keeps the status). */
export const editableCallStatuses: readonly CallStatus[] = ['DRAFT', 'OPEN'];

export const callMachine = defineStateMachine<CallStatus, CallTransition>({
  initial: 'DRAFT',
  transitions: callTransitions,
  refusal: { code: 'INVALID_TRANSITION', statusLabels: callStatusLabels, actionLabels: callActionLabels },
});

/** Whether a call in `status` may take `action` at `now`, and the status it ends in. */
export function planCallTransition(
  call: { status: CallStatus; province: string; applicationClosesAt: Date },
  action: CallAction | CallTransition,
  now: Date,
): TransitionPlan<CallStatus> {
  if (action === 'update') {
    return editableCallStatuses.includes(call.status)
      ? { kind: 'allowed', to: call.status }
      : { kind: 'refused', code: 'CALL_NOT_EDITABLE', params: {} };
  }
  const plan = callMachine.plan(call.status, action);
  if (plan.kind === 'allowed' && action === 'publish' && call.applicationClosesAt <= now) {
    return {
      kind: 'refused',
      code: 'WINDOW_CLOSED',
      params: {
        closesAt: { instant: call.applicationClosesAt.toISOString(), timeZone: callTimeZone(call.province) },
      },
    };
  }
  return plan;
}
