// When a component of a pathway award is revoked, the award is not revoked with it: a review opens
// and a program manager revokes or keeps the award, with a reason. Suspensions and reinstatements
// only make the teacher's pathways be evaluated again.
import type { Prisma } from '@kmg/db';
import { credentialReasonSchema } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { type CredentialStatusChange, onCredentialStatusChanged } from '#credentials/after-issue.ts';
import { revokeInTransaction } from '#credentials/change-credential-status.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, parseInput } from '#errors.ts';
import { queuePathwayEvaluation } from '#pathways/award.ts';
import { canManagePathways } from '#rules/pathways.ts';
import { inTransaction } from '#transaction.ts';

type Tx = Prisma.TransactionClient;

async function afterStatusChange(tx: Tx, change: CredentialStatusChange): Promise<void> {
  if (change.action === 'revoke') {
    const awards = await tx.credentialComponent.findMany({
      where: { componentId: change.credentialId, credential: { kind: 'PATHWAY', revokedAt: null } },
      select: { credentialId: true },
    });
    if (awards.length > 0) {
      await tx.pathwayAwardReview.createMany({
        data: awards.map((award) => ({ awardId: award.credentialId, componentId: change.credentialId })),
        skipDuplicates: true,
      });
      await recordAudit(
        tx,
        awards.map((award) => ({
          actorId: change.actorId,
          action: 'pathway.award_review_opened',
          subject: { type: 'CREDENTIAL' as const, id: award.credentialId },
          details: { componentId: change.credentialId },
        })),
      );
    }
  }
  await queuePathwayEvaluation(tx, change.teacherId);
}
onCredentialStatusChanged(afterStatusChange);

export type AwardReviewDecision = 'KEEP' | 'REVOKE';

/** A program manager keeps or revokes an award whose component was revoked, with a reason. */
export async function decideAwardReview(
  ctx: Actor,
  { id, decision, reason }: { id: string; decision: AwardReviewDecision; reason: unknown },
): Promise<{ id: string }> {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  if (!canManagePathways(ctx)) throw new NotAllowedError('FORBIDDEN');
  const text = parseInput(credentialReasonSchema, reason ?? '', ['reason']);
  const actorId = ctx.viewer.id;
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM pathway_award_reviews WHERE id = ${id}::uuid FOR UPDATE`;
    const review = await tx.pathwayAwardReview.findUnique({ where: { id }, include: { award: true } });
    if (!review) throw new NotFoundError();
    if (review.status !== 'OPEN') throw new InvalidStateError('AWARD_REVIEW_DECIDED');
    // One decision covers the award: other open reviews of it close the same way.
    const others = await tx.pathwayAwardReview.updateMany({
      where: { awardId: review.awardId, status: 'OPEN' },
      data: {
        status: decision === 'REVOKE' ? 'REVOKED' : 'KEPT',
        reason: text,
        decidedById: actorId,
        decidedAt: ctx.now,
      },
    });
    if (decision === 'REVOKE' && !review.award.revokedAt)
      await revokeInTransaction(tx, review.award, text, ctx.now, actorId);
    await recordAudit(tx, {
      actorId,
      action: decision === 'REVOKE' ? 'pathway.award_revoked' : 'pathway.award_kept',
      subject: { type: 'CREDENTIAL', id: review.awardId },
      reason: text,
      details: { reviewId: id, componentId: review.componentId, reviewsClosed: others.count },
    });
    return { id };
  });
}
