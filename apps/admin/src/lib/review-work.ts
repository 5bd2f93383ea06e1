// Where a reviewer's call stands, as the reviewer's queue ("Penilaian") shows it.
import { hasPassed } from '#lib/deadline.ts';

/**
 * `open`: still taking applications (endorsed ones can be scored already); `waiting`: nothing ready
 * to score yet (applicants await their principal's endorsement, or there are none); `ready`: some
 * endorsed applications are not fully scored; `complete`: every endorsed application is scored by
 * every reviewer; `committed`: the selection is final.
 */
export type ReviewStage = 'open' | 'waiting' | 'ready' | 'complete' | 'committed';

export function reviewStageOf(
  call: {
    status: string;
    applicationClosesAt: string;
    selectionCommittedAt: string | null;
    reviewProgress: { endorsed: number; complete: number };
  },
  now: Date,
): ReviewStage {
  const { endorsed, complete } = call.reviewProgress;
  if (call.selectionCommittedAt) return 'committed';
  if (call.status === 'OPEN' && !hasPassed(call.applicationClosesAt, now)) return 'open';
  if (endorsed === 0) return 'waiting';
  return complete >= endorsed ? 'complete' : 'ready';
}
