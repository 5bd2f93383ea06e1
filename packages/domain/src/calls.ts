import { type LocalDate, startOfLocalDate } from '#dates.ts';
import type { ErrorCode, Locale, MessageParams } from '#messages.ts';
import { findProvince } from '#provinces.ts';

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

export type CallAction = 'publish' | 'close' | 'cancel' | 'update';

export const callActionLabels: Record<CallAction, Record<Locale, string>> = {
  publish: { id: 'dibuka', en: 'published' },
  close: { id: 'ditutup', en: 'closed' },
  cancel: { id: 'dibatalkan', en: 'cancelled' },
  update: { id: 'diubah', en: 'edited' },
};

/** Which statuses each action starts from, and where it leads (`update` keeps the status). */
const transitions: Record<CallAction, { from: readonly CallStatus[]; to: CallStatus | null }> = {
  publish: { from: ['DRAFT'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED' },
  cancel: { from: ['DRAFT', 'OPEN', 'CLOSED'], to: 'CANCELLED' },
  update: { from: ['DRAFT', 'OPEN'], to: null },
};

export type TransitionPlan =
  | { kind: 'allowed'; to: CallStatus }
  | { kind: 'refused'; code: ErrorCode; params?: MessageParams };

/** Whether a call in `status` may take `action` at `now`, and the status it ends in. */
export function planCallTransition(
  call: { status: CallStatus; province: string; applicationClosesAt: Date },
  action: CallAction,
  now: Date,
): TransitionPlan {
  const rule = transitions[action];
  if (!rule.from.includes(call.status)) {
    if (action === 'update') return { kind: 'refused', code: 'CALL_NOT_EDITABLE' };
    return {
      kind: 'refused',
      code: 'INVALID_TRANSITION',
      params: { status: callStatusLabels[call.status], action: callActionLabels[action] },
    };
  }
  if (action === 'publish' && call.applicationClosesAt <= now) {
    return {
      kind: 'refused',
      code: 'WINDOW_CLOSED',
      params: {
        closesAt: { instant: call.applicationClosesAt.toISOString(), timeZone: callTimeZone(call.province) },
      },
    };
  }
  return { kind: 'allowed', to: rule.to ?? call.status };
}
