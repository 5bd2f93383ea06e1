// Whether the selection of a call can be committed now, by the API's rules in the API's order
// (`commitSelection`), so the console explains a refusal before the manager asks.
import { type CallStatus, callStatusLabels, type ErrorCode, type MessageParams } from '@kmg/domain';

export type OutcomeKind = 'accepted' | 'waitlisted' | 'rejected' | 'pending';

export type OutcomeCounts = Record<OutcomeKind, number>;

export function countOutcomes(outcomes: readonly { kind: OutcomeKind }[]): OutcomeCounts {
  const counts: OutcomeCounts = { accepted: 0, waitlisted: 0, rejected: 0, pending: 0 };
  for (const outcome of outcomes) counts[outcome.kind] += 1;
  return counts;
}

const commitAction = { id: 'ditetapkan hasil seleksinya', en: 'given a selection result' };

export type CommitPlan = { kind: 'allowed' } | { kind: 'refused'; code: ErrorCode; params?: MessageParams };

export function planCommit(
  call: {
    status: CallStatus;
    selectionMode: 'REVIEWED' | 'FIRST_COME';
    selectionCommittedAt: string | null;
    applicationClosesAt: string;
    /** Reviewers assigned to the call. */
    reviewers: number;
  },
  /** Endorsed applications not yet scored by every reviewer. */
  pending: number,
  now: Date,
): CommitPlan {
  if (call.selectionMode !== 'REVIEWED') return { kind: 'refused', code: 'NOT_REVIEWED_CALL' };
  if (call.selectionCommittedAt) return { kind: 'refused', code: 'SELECTION_COMMITTED' };
  if (call.status === 'CANCELLED' || call.status === 'DRAFT') {
    return {
      kind: 'refused',
      code: 'INVALID_TRANSITION',
      params: { status: callStatusLabels[call.status], action: commitAction },
    };
  }
  if (call.status === 'OPEN' && now.getTime() < Date.parse(call.applicationClosesAt)) {
    return { kind: 'refused', code: 'SELECTION_TOO_EARLY' };
  }
  if (call.reviewers === 0) return { kind: 'refused', code: 'NO_REVIEWERS' };
  if (pending > 0) return { kind: 'refused', code: 'REVIEWS_INCOMPLETE', params: { count: pending } };
  return { kind: 'allowed' };
}
