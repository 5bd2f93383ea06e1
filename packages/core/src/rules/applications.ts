/**
 * Who may do what with an application (the words are those of rules/calls.ts):
 *
 * - **see**: the applicant; the principal of the teacher's school; those who deliver the call
 *   (its managers, its provider's staff, admins); and the call's assigned reviewers, once the
 *   application is endorsed.
 * - **respond**: the applicant alone withdraws it and confirms or declines the seat it wins.
 * - **endorse**: the principal of the teacher's school endorses or declines it, and may undo that.
 *   On calls that ask for an endorsement, they also read the teacher's earlier KMG trainings and
 *   credentials before deciding (`canSeeApplicantRecord`).
 * - **score**: the call's assigned reviewers (whether it can be scored now is a state rule).
 *
 * A seat belongs to its application: holding, confirming and declining one are `respond`, and
 * there is no separate seats module.
 */
import type { ApplicationStatus, Prisma } from '@kmg/db';
import type { Actor, CallOwnership } from '#actor.ts';
import { hasRole } from '#actor.ts';
import { deliveredCalls, reviewedBy } from '#rules/calls.ts';
import { allOf, anyOf, grant, grantIf, nothing, type Rule, through, whereOf } from '#rules/rule.ts';

type Where = Prisma.ApplicationWhereInput;

export type ApplicationVerb = 'see' | 'respond' | 'endorse' | 'score';

/**
 * What the rules read of an application. Services inside a transaction pass `call` (the call's
 * owners are otherwise loaded through the request's batched loader, which uses the shared client
 * and so must not run inside a transaction).
 */
export type ApplicationRow = {
  teacherId: string;
  schoolId: string | null;
  callId: string;
  status: ApplicationStatus;
  call?: CallOwnership;
};

/** Until endorsed, an application is between the teacher and their principal; reviewers read it from then on. */
const beforeReview: readonly ApplicationStatus[] = ['SUBMITTED', 'NOT_ENDORSED', 'ENDORSEMENT_EXPIRED'];

/** The actor's own applications: for nested selections, which cannot wait for a loader. */
export function ownApplicationsWhere(actor: Actor): Where {
  return actor.viewer ? { teacherId: actor.viewer.id } : { id: { in: [] } };
}

function own(actor: Actor): Rule<Where, ApplicationRow> {
  const viewerId = actor.viewer?.id;
  return grantIf(!!viewerId, () =>
    grant(ownApplicationsWhere(actor), (application) => application.teacherId === viewerId),
  );
}

function ofPrincipalsSchool(actor: Actor): Rule<Where, ApplicationRow> {
  const schoolId = actor.viewer?.organizationId;
  return grantIf(hasRole(actor.viewer, 'PRINCIPAL') && !!schoolId, () =>
    grant({ schoolId }, (application) => application.schoolId === schoolId),
  );
}

/** Applications to calls the actor delivers. */
export function ofDeliveredCalls(actor: Actor): Rule<Where, Pick<ApplicationRow, 'callId' | 'call'>> {
  return through(
    deliveredCalls(actor),
    (call) => ({ call }),
    (application) => ownersOf(actor, application),
  );
}

/**
 * The call's programme and provider: from the row when it carries them, else through the request's
 * batched loader. A row the schema loaded may hold a partial `call` (only the fields a query
 * selected), so both fields are checked, never assumed.
 */
function ownersOf(actor: Actor, application: Pick<ApplicationRow, 'callId' | 'call'>) {
  const call = application.call;
  if (typeof call?.programmeId === 'string' && typeof call.providerId === 'string') return call;
  return actor.callOwnership.load(application.callId);
}

function ofReviewedCalls(actor: Actor): Rule<Where, ApplicationRow> {
  return reviewedBy(
    actor,
    (application) => application.callId,
    (ids) => ({ callId: { in: ids } }),
  );
}

export function applicationRule(actor: Actor, verb: ApplicationVerb): Rule<Where, ApplicationRow> {
  if (!actor.viewer) return nothing();
  switch (verb) {
    case 'see':
      return anyOf(
        own(actor),
        ofPrincipalsSchool(actor),
        ofDeliveredCalls(actor),
        allOf(
          ofReviewedCalls(actor),
          grant(
            { status: { notIn: [...beforeReview] } },
            (application) => !beforeReview.includes(application.status),
          ),
        ),
      );
    case 'respond':
      return own(actor);
    case 'endorse':
      return ofPrincipalsSchool(actor);
    case 'score':
      return ofReviewedCalls(actor);
  }
}

/** The applications the actor may see, respond to, endorse or score, as a `where` for lists. */
export function applicationsWhere(actor: Actor, verb: ApplicationVerb): Promise<Where> {
  return whereOf(applicationRule(actor, verb));
}

export function canSeeApplication(actor: Actor, application: ApplicationRow): Promise<boolean> {
  return applicationRule(actor, 'see').allows(application);
}

export function canRespondToApplication(actor: Actor, application: ApplicationRow): Promise<boolean> {
  return applicationRule(actor, 'respond').allows(application);
}

export function canEndorseApplication(actor: Actor, application: ApplicationRow): Promise<boolean> {
  return applicationRule(actor, 'endorse').allows(application);
}

/**
 * The teacher's earlier KMG trainings and credentials, read when deciding an endorsement: for the
 * principal who may endorse this application, and only on a call that asks for an endorsement.
 */
export async function canSeeApplicantRecord(
  actor: Actor,
  application: ApplicationRow & { call: { requiresEndorsement: boolean } },
): Promise<boolean> {
  return application.call.requiresEndorsement && (await canEndorseApplication(actor, application));
}

/** An application's decision history (staff-side): for those who deliver its call. */
export function canSeeApplicationHistory(
  actor: Actor,
  application: Pick<ApplicationRow, 'callId' | 'call'>,
): Promise<boolean> {
  return ofDeliveredCalls(actor).allows(application);
}

export function canScoreApplication(actor: Actor, application: ApplicationRow): Promise<boolean> {
  return applicationRule(actor, 'score').allows(application);
}
