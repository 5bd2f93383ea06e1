import type { Cache, UpdatesConfig } from '@urql/exchange-graphcache';
import { graphql } from '#graphql.ts';

const NotificationReadAt = graphql(`
  fragment NotificationReadAt on Notification {
    id
    readAt
  }
`);

/** Drops every cached page of a list field, whatever its arguments, so it loads again when shown. */
function invalidateList(cache: Cache, field: string): void {
  for (const entry of cache.inspectFields('Query')) {
    if (entry.fieldName === field) cache.invalidate('Query', entry.fieldName, entry.arguments ?? undefined);
  }
}

/** The bell's count: the API has just written a notice for this person (or they read some). */
function invalidateUnreadCount(cache: Cache): void {
  cache.invalidate('Query', 'unreadNotificationCount');
}

function decided(cache: Cache, args: Record<string, unknown>): void {
  invalidateList(cache, 'schoolApplications');
  cache.invalidate({ __typename: 'Application', id: String(args.id) }, 'endorsementHistory');
}

const succeeded = (outcome: unknown) => {
  const typename = (outcome as { __typename?: string } | null)?.__typename;
  return !!typename?.endsWith('Success');
};

/**
 * After a change, refetch the lists it affects. Changed records update themselves by id: the
 * mutations select the call's `applicationCount` and `viewerApplication` for that reason.
 */
export const updates: UpdatesConfig = {
  Mutation: {
    applyToCall(result, _args, cache) {
      // A first application joins the teacher's list; a resubmitted one moves to its top. A seat
      // given (or a waitlist place) at once on a first-come call comes with a notice.
      if (!succeeded(result.applyToCall)) return;
      invalidateList(cache, 'myApplications');
      invalidateUnreadCount(cache);
    },
    withdrawApplication(result, _args, cache) {
      if (succeeded(result.withdrawApplication)) invalidateUnreadCount(cache);
    },
    confirmSeat(result, _args, cache) {
      if (succeeded(result.confirmSeat)) invalidateUnreadCount(cache);
    },
    declineSeat(result, _args, cache) {
      if (succeeded(result.declineSeat)) invalidateUnreadCount(cache);
    },
    // A decided application leaves the principal's pending list and joins the decided one.
    // A decision, or its undoing, moves the application between the tabs and adds to its history.
    endorseApplication(result, args, cache) {
      if (succeeded(result.endorseApplication)) decided(cache, args);
    },
    declineEndorsement(result, args, cache) {
      if (succeeded(result.declineEndorsement)) decided(cache, args);
    },
    undoEndorsementDecision(result, args, cache) {
      if (succeeded(result.undoEndorsementDecision)) decided(cache, args);
    },
    // An imported credential joins the imported list, and may fill a pathway's requirement.
    importCredential(result, _args, cache) {
      if (!succeeded(result.importCredential)) return;
      cache.invalidate('Query', 'myImportedCredentials');
      cache.invalidate('Query', 'myPathways');
    },
    // An RPL application started, submitted or withdrawn changes the teacher's list and the
    // programme page's "Ajukan RPL" / "Lihat pengajuan".
    startRplApplication(result, _args, cache) {
      if (succeeded(result.startRplApplication)) invalidateList(cache, 'myRplApplications');
    },
    submitRplApplication(result, _args, cache) {
      if (succeeded(result.submitRplApplication)) invalidateList(cache, 'myRplApplications');
    },
    withdrawRplApplication(result, _args, cache) {
      if (succeeded(result.withdrawRplApplication)) invalidateList(cache, 'myRplApplications');
    },
    markNotificationsRead(_result, args, cache) {
      const ids = (args.ids as string[] | null | undefined) ?? null;
      const readAt = new Date().toISOString();
      if (ids) {
        for (const id of ids) cache.writeFragment(NotificationReadAt, { id, readAt });
      } else {
        // "Mark all": every notice this person has, loaded or not.
        invalidateList(cache, 'notifications');
      }
      invalidateUnreadCount(cache);
    },
  },
};
