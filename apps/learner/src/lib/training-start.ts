import { type CallStatus, type LocalDate, startOfLocalDate } from '@kmg/domain';

/**
 * Whether a call's training has begun: from 00:00 of its first day where it takes place (the
 * instant the API stops accepting withdrawals), whether or not the call has been moved to
 * "in training" yet.
 */
export function hasTrainingStarted(
  call: { status: CallStatus; startDate: LocalDate; timeZone: string },
  now: Date,
): boolean {
  if (call.status === 'IN_TRAINING' || call.status === 'COMPLETED') return true;
  return now >= startOfLocalDate(call.startDate, call.timeZone);
}
