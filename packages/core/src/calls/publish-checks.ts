import type { db, Prisma, TrainingCall } from '@kmg/db';
import { checkCallBeforePublishing, type PublishCheck } from '@kmg/domain';
import { localDate } from '#dates.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** The checklist before publishing `call`, with what it reads beyond the row (its reviewers). */
export async function publishChecksFor(
  client: Client,
  call: Pick<
    TrainingCall,
    | 'id'
    | 'status'
    | 'province'
    | 'selectionMode'
    | 'requiresEndorsement'
    | 'endorsementDeadline'
    | 'rubric'
    | 'achievementId'
    | 'startDate'
    | 'endDate'
    | 'applicationOpensAt'
    | 'applicationClosesAt'
  >,
  now: Date,
): Promise<PublishCheck[]> {
  const reviewerCount = await client.callReviewer.count({ where: { callId: call.id } });
  return checkCallBeforePublishing(
    {
      ...call,
      reviewerCount,
      hasAchievement: call.achievementId !== null,
      startDate: localDate(call.startDate),
      endDate: localDate(call.endDate),
    },
    now,
  );
}
