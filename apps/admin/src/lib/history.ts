// An application's audit trail as people read it: each action code ("application.waitlisted")
// has a label in both languages under `admin.historyAction`, found by the code itself.

/** Every action the API records (packages/graphql services), so the labels can be checked. */
export const auditActions = [
  'application.submitted',
  'application.resubmitted',
  'application.endorsed',
  'application.not_endorsed',
  'application.endorsement_undone',
  'application.endorsement_expired',
  'application.accepted',
  'application.promoted',
  'application.waitlisted',
  'application.rejected',
  'application.confirmed',
  'application.declined',
  'application.lapsed',
  'application.withdrawn',
  'application.cancelled',
  'review.scored',
  'call.created',
  'call.updated',
  'call.reviewers_assigned',
  'call.selection_settings_updated',
  'call.selection_committed',
  'delivery.achievement_saved',
  'delivery.attendance_recorded',
  'delivery.unit_assessed',
  'delivery.evidence_removed',
  'delivery.results_submitted',
  'delivery.results_returned',
  'delivery.results_approved',
  'delivery.amendment_proposed',
  'delivery.amendment_applied',
  'delivery.amendment_rejected',
  'credential.issued',
  'credential.suspended',
  'credential.reinstated',
  'credential.revoked',
] as const;

/** The message key of an action's label; i18next nests on the dot, as the codes do. */
export function historyActionKey(action: string): string {
  return `admin.historyAction.${action}`;
}

type HistoryEvent = { action: string; actor: { name: string } | null };

/**
 * Who endorsed the application: the principal of the last endorsement, if the trail has one that
 * was not undone afterwards.
 */
export function endorsedBy(history: readonly HistoryEvent[]): string | null {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const event = history[index];
    if (event?.action === 'application.endorsement_undone') return null;
    if (event?.action === 'application.endorsed') return event.actor?.name ?? null;
  }
  return null;
}
