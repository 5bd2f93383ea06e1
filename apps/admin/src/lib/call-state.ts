// What a call's status badge says. The API keeps a call OPEN after its application window has
// passed (until a manager closes it or commits the selection), and IN_TRAINING after its last
// training day (until its results are approved); staff read the first as closed for applications
// and the second as waiting for results, so the badge says so.
import { type CallStatus, type LocalDate, localDateAt } from '@kmg/domain';
import { hasPassed } from '#lib/deadline.ts';

export type CallState = CallStatus | 'APPLICATIONS_CLOSED' | 'AWAITING_RESULTS';

export function callStateOf(
  call: { status: CallStatus; applicationClosesAt: string; endDate: LocalDate; timeZone: string },
  now: Date,
): CallState {
  if (call.status === 'OPEN' && hasPassed(call.applicationClosesAt, now)) return 'APPLICATIONS_CLOSED';
  // The last day counts as training until it ends on the venue's clock.
  if (call.status === 'IN_TRAINING' && call.endDate < localDateAt(now, call.timeZone))
    return 'AWAITING_RESULTS';
  return call.status;
}
