/**
 * Who may do what with a training call. These words are the vocabulary of every rules module and
 * service; there are no others (no "run", no "own" for calls):
 *
 * - **see**: a published call (anything past draft) is public; a draft only those who deliver it.
 * - **manage**: program managers of the call's programme (their organization funds or owns it)
 *   and admins. They write the call (edit, publish, close, cancel), set and commit its selection,
 *   approve or return its results, decide amendments, and revoke or suspend its credentials.
 * - **deliver**: staff of the call's provider, and everyone who manages it. They record
 *   attendance, assessments and evidence, define the credential, submit results and propose
 *   amendments; and they read everything staff-side about the call (applicants, reviews,
 *   history), the selection included, read-only for provider staff.
 * - **review**: selection reviewers assigned to the call. They score its applications once
 *   endorsed (see rules/applications.ts).
 *
 * Each verb is one rule: `callsWhere` filters lists with it, `canManageCall` and the rest check
 * one call with the same rule.
 */
import type { Prisma } from '@kmg/db';
import type { Actor, CallOwnership } from '#actor.ts';
import { hasRole } from '#actor.ts';
import { admins, anyOf, grant, grantIf, grantIn, type Rule, whereOf } from '#rules/rule.ts';

type Where = Prisma.TrainingCallWhereInput;

export type CallVerb = 'see' | 'manage' | 'deliver' | 'review';

/** What the rules read of a call. */
export type CallRow = CallOwnership & { id: string; status: string };

/** Published calls (anything past draft) are public. */
export const publishedCallsWhere: Where = { status: { not: 'DRAFT' } };

/**
 * What the actor manages, keyed by programme: admins manage everything, program managers the
 * programmes their organization funds or owns (the actor loads those once per request).
 */
function managedBy<W, Row>(actor: Actor, programmeId: (row: Row) => string, where: (ids: string[]) => W) {
  return anyOf<W, Row>(
    admins(actor),
    grantIn(() => actor.managedProgrammeIds(), where, programmeId),
  );
}

/** Calls the actor manages, as a rule on a call's programme. */
export function managedCalls(actor: Actor): Rule<Where, CallOwnership> {
  return managedBy(
    actor,
    (call) => call.programmeId,
    (ids) => ({ programmeId: { in: ids } }),
  );
}

/** Calls the actor delivers, as a rule on a call's programme and provider. */
export function deliveredCalls(actor: Actor): Rule<Where, CallOwnership> {
  const organizationId = actor.viewer?.organizationId;
  return anyOf(
    managedCalls(actor),
    grantIf(hasRole(actor.viewer, 'PROVIDER_STAFF') && !!organizationId, () =>
      grant({ providerId: organizationId as string }, (call) => call.providerId === organizationId),
    ),
  );
}

/**
 * Assigned to review, keyed by call id: selection reviewers assigned to the call (the actor loads
 * those once per request).
 */
export function reviewedBy<W, Row>(actor: Actor, callId: (row: Row) => string, where: (ids: string[]) => W) {
  return grantIn<W, Row>(() => actor.reviewedCallIds(), where, callId);
}

function reviewed(actor: Actor): Rule<Where, { id: string }> {
  return reviewedBy(
    actor,
    (call) => call.id,
    (ids) => ({ id: { in: ids } }),
  );
}

export function callRule(actor: Actor, verb: CallVerb): Rule<Where, CallRow> {
  switch (verb) {
    case 'see':
      return anyOf<Where, CallRow>(
        grant(publishedCallsWhere, (call) => call.status !== 'DRAFT'),
        deliveredCalls(actor),
      );
    case 'manage':
      return managedCalls(actor);
    case 'deliver':
      return deliveredCalls(actor);
    case 'review':
      return reviewed(actor);
  }
}

/** The calls the actor may see, manage, deliver or review, as a `where` for lists. */
export function callsWhere(actor: Actor, verb: CallVerb): Promise<Where> {
  return whereOf(callRule(actor, verb));
}

export function canSeeCall(actor: Actor, call: CallRow): Promise<boolean> {
  return callRule(actor, 'see').allows(call);
}

export function canManageCall(actor: Actor, call: CallOwnership): Promise<boolean> {
  return managedCalls(actor).allows(call);
}

export function canDeliverCall(actor: Actor, call: CallOwnership): Promise<boolean> {
  return deliveredCalls(actor).allows(call);
}

export function canReviewCall(actor: Actor, call: { id: string }): Promise<boolean> {
  return reviewed(actor).allows(call);
}

/** Whether the actor manages a programme: creates calls in it and manages them. */
export function canManageProgramme(actor: Actor, programme: { id: string }): Promise<boolean> {
  return managedBy<Prisma.ProgrammeWhereInput, { id: string }>(
    actor,
    (row) => row.id,
    (ids) => ({ id: { in: ids } }),
  ).allows(programme);
}
