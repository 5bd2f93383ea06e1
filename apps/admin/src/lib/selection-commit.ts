// Counting a selection preview's outcomes; whether it may be committed is the domain's
// `decideCommit`, the rule the API commits by.
export type OutcomeKind = 'accepted' | 'waitlisted' | 'rejected' | 'pending';

export type OutcomeCounts = Record<OutcomeKind, number>;

export function countOutcomes(outcomes: readonly { kind: OutcomeKind }[]): OutcomeCounts {
  const counts: OutcomeCounts = { accepted: 0, waitlisted: 0, rejected: 0, pending: 0 };
  for (const outcome of outcomes) counts[outcome.kind] += 1;
  return counts;
}
