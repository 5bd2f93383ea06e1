// Where reviewers disagree most: the program manager asks for another review before committing.
import type { db, Prisma, TrainingCall } from '@kmg/db';
import { measureDisagreement, type ReviewDisagreement, rankByDisagreement, type Scores } from '@kmg/domain';
import { readCallSettings } from '#calls/call-settings.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** At most this many applications are pointed at: the ones worth another review first. */
export const MAX_DISAGREEMENTS = 50;

/**
 * The call's endorsed applications scored by at least two reviewers, most disagreement first
 * (see `rankByDisagreement`), with the figures behind each. Who may read it is the caller's check
 * (those who manage the call).
 */
export async function findReviewDisagreements(
  client: Client,
  call: Pick<
    TrainingCall,
    'id' | 'eligibilityRules' | 'rubric' | 'seatsPerProvince' | 'seats' | 'minScore' | 'maxPerSchool'
  >,
  { first }: { first: number },
): Promise<{ applicationId: string; disagreement: ReviewDisagreement }[]> {
  const applications = await client.application.findMany({
    where: { callId: call.id, status: 'ENDORSED', reviews: { some: {} } },
    select: { id: true, reviews: { select: { total: true, scores: true } } },
    // Equal disagreement keeps the order the applications came in.
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  const { rubric } = readCallSettings(call);
  const ranked = rankByDisagreement(
    applications.map((application) => ({
      applicationId: application.id,
      disagreement: measureDisagreement(
        rubric,
        application.reviews.map((review) => ({ total: review.total, scores: review.scores as Scores })),
      ),
    })),
  );
  return ranked.slice(0, Math.max(0, Math.min(first, MAX_DISAGREEMENTS)));
}
