// What a call's status badge says. The API keeps a call OPEN after its application window has
// passed (until a manager closes it or commits the selection); staff read that as closed for
// applications, so the badge says so.
import type { CallStatus } from '@kmg/domain';
import { hasPassed } from '#lib/deadline.ts';

export type CallState = CallStatus | 'APPLICATIONS_CLOSED';

export function callStateOf(call: { status: CallStatus; applicationClosesAt: string }, now: Date): CallState {
  return call.status === 'OPEN' && hasPassed(call.applicationClosesAt, now)
    ? 'APPLICATIONS_CLOSED'
    : call.status;
}
