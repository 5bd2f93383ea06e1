// The results' own trail (`TrainingCall.resultsHistory`): submitted by the provider, returned by
// the program manager with the reason, approved. Oldest first, as the API gives it.

export type ResultsEvent = {
  action: string;
  occurredAt: string;
  reason: string | null;
  actor: { name: string } | null;
};

export type ResultsStep = 'submitted' | 'returned' | 'approved';

const steps: Record<string, ResultsStep> = {
  'delivery.results_submitted': 'submitted',
  'delivery.results_returned': 'returned',
  'delivery.results_approved': 'approved',
};

/** Which step an event records; null for anything else the trail may hold one day. */
export function resultsStepOf(action: string): ResultsStep | null {
  return steps[action] ?? null;
}

/**
 * The return the provider is working on: the last event, when it sent the results back and they
 * are being recorded again. Once they are submitted again, it is history.
 */
export function pendingReturn<T extends ResultsEvent>(
  history: readonly T[],
  resultsStatus: string,
): T | null {
  if (resultsStatus !== 'RECORDING') return null;
  const last = history.at(-1);
  return last && resultsStepOf(last.action) === 'returned' ? last : null;
}
