// A call's training days, the columns of its attendance sheet: every date of the training but
// Sundays. Written with the call's dates (createCall, updateCall), so reading them never writes.
import type { db, Prisma } from '@kmg/db';
import { defaultTrainingDays } from '@kmg/domain';
import { localDate, storedDate } from '#dates.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/**
 * Makes the call's days match its dates: the missing ones are added, those now outside the
 * training go, unless attendance was recorded on them (a record is never dropped by an edit).
 */
export async function syncTrainingDays(
  tx: Prisma.TransactionClient,
  call: { id: string; startDate: Date; endDate: Date },
): Promise<void> {
  const dates = defaultTrainingDays(localDate(call.startDate), localDate(call.endDate)).map(storedDate);
  await tx.trainingDay.deleteMany({
    where: { callId: call.id, date: { notIn: dates }, attendance: { none: {} } },
  });
  await tx.trainingDay.createMany({
    data: dates.map((date) => ({ callId: call.id, date })),
    skipDuplicates: true,
  });
}

/** The call's training days, first to last. */
export function trainingDaysOf(client: Client, callId: string) {
  return client.trainingDay.findMany({ where: { callId }, orderBy: { date: 'asc' } });
}
