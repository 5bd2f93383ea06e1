// Teachers rate a training they completed (1-5 stars, an optional review). Who sees what:
// - the teacher: their own rating (and may change it for 30 days, see the domain's decideRating);
// - those who manage the call (program managers of its programme, admins): every rating with the
//   teacher's name;
// - the call's provider staff: their calls' ratings, reviews without names;
// - teachers browsing calls: the provider's average and count, from three ratings up.
import { db, type Prisma } from '@kmg/db';
import {
  decideRating,
  publicRatingSummary,
  type RatingSummary,
  summarizeRatings,
  trainingRatingSchema,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { InvalidStateError, NotFoundError, parseInput } from '#errors.ts';
import { canDeliverCall, canManageCall } from '#rules/calls.ts';
import { inTransaction } from '#transaction.ts';

export type TrainingRatingRow = Prisma.TrainingRatingGetPayload<{
  include: { teacher: { select: { name: true } } };
}>;

/** A credential of this application that still stands: the training was completed. */
const standingCredential = { revokedAt: null, kind: 'TRAINING' } as const;

/**
 * Gives or changes the teacher's rating of the training that awarded one of their credentials.
 * One rating per participation (application); a later revision of the credential rates the same.
 */
export async function rateTraining(
  ctx: Actor,
  { credentialId, input }: { credentialId: string; input: unknown },
): Promise<{ id: string; credentialId: string }> {
  const viewer = requireViewer(ctx);
  const data = parseInput(trainingRatingSchema, input, ['input']);
  return inTransaction(async (tx) => {
    const credential = await tx.credential.findUnique({
      where: { id: credentialId },
      select: { teacherId: true, applicationId: true },
    });
    // Someone else's credential is as good as none here: only its holder rates the training.
    if (!credential || credential.teacherId !== viewer.id) throw new NotFoundError();
    if (!credential.applicationId) throw new InvalidStateError('RATING_NOT_COMPLETED');
    const applicationId = credential.applicationId;
    const application = await tx.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        callId: true,
        call: { select: { providerId: true } },
        rating: { select: { id: true, createdAt: true } },
        _count: { select: { credentials: { where: standingCredential } } },
      },
    });
    const decision = decideRating({
      hasCredential: application._count.credentials > 0,
      ratedAt: application.rating?.createdAt ?? null,
      now: ctx.now,
    });
    if (decision.kind === 'refused') throw new InvalidStateError(decision.reason);
    const saved = await tx.trainingRating.upsert({
      where: { applicationId },
      create: {
        applicationId,
        callId: application.callId,
        providerId: application.call.providerId,
        teacherId: viewer.id,
        stars: data.stars,
        review: data.review,
        createdAt: ctx.now,
      },
      update: { stars: data.stars, review: data.review },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: decision.isEdit ? 'training.rating_changed' : 'training.rated',
      applicationId,
      callId: application.callId,
      details: { stars: data.stars },
      occurredAt: ctx.now,
    });
    return { id: saved.id, credentialId };
  });
}

/** The viewer's own rating of an application's training (null for anyone else, or none yet). */
export async function findMyRating(ctx: Actor, applicationId: string | null) {
  if (!ctx.viewer || !applicationId) return null;
  return db().trainingRating.findFirst({ where: { applicationId, teacherId: ctx.viewer.id } });
}

export type CallRatings = {
  summary: RatingSummary | null;
  /** Whether the viewer sees who wrote each review (those who manage the call). */
  showsNames: boolean;
  ratings: TrainingRatingRow[];
};

/**
 * A call's ratings for those who deliver it: managers with names, provider staff without.
 * Null for anyone else.
 */
export async function findCallRatings(ctx: Actor, callId: string): Promise<CallRatings | null> {
  const ownership = await ctx.callOwnership.load(callId);
  if (!ownership || !(await canDeliverCall(ctx, ownership))) return null;
  const showsNames = await canManageCall(ctx, ownership);
  const ratings = await db().trainingRating.findMany({
    where: { callId },
    include: { teacher: { select: { name: true } } },
    // Without names the order must not give them away either: providers know who took part and
    // might match a review's date to a participant, so they read reviews by stars, undated.
    orderBy: showsNames ? { createdAt: 'desc' } : [{ stars: 'desc' }, { id: 'asc' }],
  });
  return { summary: summarizeRatings(ratings.map((rating) => rating.stars)), showsNames, ratings };
}

/** Every rating of a provider's trainings, summed (batched per request). */
export function providerRatingSummary(ctx: Actor, providerId: string): Promise<RatingSummary | null> {
  return ctx.once(`provider-rating:${providerId}`, async () => {
    const [row] = await db().trainingRating.groupBy({
      by: ['providerId'],
      where: { providerId },
      _avg: { stars: true },
      _count: { _all: true },
    });
    if (!row) return null;
    return { average: Math.round((row._avg.stars ?? 0) * 10) / 10, count: row._count._all };
  });
}

/** What teachers see of a provider's ratings: nothing below three. */
export async function publicProviderRating(ctx: Actor, providerId: string): Promise<RatingSummary | null> {
  return publicRatingSummary(await providerRatingSummary(ctx, providerId));
}

/**
 * A provider's rating summary for those who may see it in full: admins and program managers (any
 * provider: they compare providers), provider staff for their own organization (null for another).
 */
export async function staffProviderRating(ctx: Actor, providerId: string): Promise<RatingSummary | null> {
  const viewer = ctx.viewer;
  const allowed =
    viewer?.roles.includes('ADMIN') ||
    viewer?.roles.includes('PROGRAM_MANAGER') ||
    (viewer?.roles.includes('PROVIDER_STAFF') && viewer.organizationId === providerId);
  if (!allowed) return null;
  return providerRatingSummary(ctx, providerId);
}
