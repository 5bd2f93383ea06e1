/**
 * Who reads selection reviews (scoring is `score` in rules/applications.ts):
 *
 * - a reviewer reads their own reviews;
 * - those who deliver the call read every review of its applications, reviewer by reviewer;
 * - the call's assigned reviewers also read the summary (how many, the mean, the spread), not who
 *   gave which score.
 */
import type { Prisma } from '@kmg/db';
import type { Actor, CallOwnership } from '#actor.ts';
import { ofDeliveredCalls } from '#rules/applications.ts';
import { reviewedBy } from '#rules/calls.ts';
import { anyOf, grant, grantIf, type Rule, through, whereOf } from '#rules/rule.ts';

type Where = Prisma.ReviewWhereInput;

export type ReviewRow = { reviewerId: string; application: { callId: string; call?: CallOwnership } };

/** The actor's own reviews: for nested selections, which cannot wait for a loader. */
export function ownReviewsWhere(actor: Actor): Where {
  return actor.viewer ? { reviewerId: actor.viewer.id } : { id: { in: [] } };
}

function reviewRule(actor: Actor): Rule<Where, ReviewRow> {
  const viewerId = actor.viewer?.id;
  return anyOf(
    grantIf(!!viewerId, () => grant(ownReviewsWhere(actor), (review) => review.reviewerId === viewerId)),
    through(
      ofDeliveredCalls(actor),
      (application) => ({ application }),
      (review) => review.application,
    ),
  );
}

/** The reviews the actor may read, as a `where` for lists. */
export function reviewsWhere(actor: Actor): Promise<Where> {
  return whereOf(reviewRule(actor));
}

export function canSeeReview(actor: Actor, review: ReviewRow): Promise<boolean> {
  return reviewRule(actor).allows(review);
}

/** Every review of an application, reviewer by reviewer: for those who deliver its call. */
export function canSeeReviewsOf(
  actor: Actor,
  application: { callId: string; call?: CallOwnership },
): Promise<boolean> {
  return ofDeliveredCalls(actor).allows(application);
}

/** The summary of an application's reviews: also for the call's assigned reviewers. */
export function canSeeReviewSummary(
  actor: Actor,
  application: { callId: string; call?: CallOwnership },
): Promise<boolean> {
  return anyOf(
    ofDeliveredCalls(actor),
    reviewedBy(
      actor,
      (row: { callId: string }) => row.callId,
      (ids) => ({ callId: { in: ids } }),
    ),
  ).allows(application);
}
