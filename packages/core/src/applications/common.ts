import { databaseErrorCodes, Prisma, type TrainingCall } from '@kmg/db';
import { callTimeZone, startOfLocalDate } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { lockSeats } from '#applications/seats.ts';
import { localDate } from '#dates.ts';
import { NotAllowedError, NotFoundError } from '#errors.ts';

export type Tx = Prisma.TransactionClient;

/** A unique key refused a row: Prisma's P2002, or the SQL state of our own statements (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') ||
    databaseErrorCodes(error).includes('23505')
  );
}

export function requireViewer(ctx: Actor) {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  return ctx.viewer;
}

export const deadlineParam = (instant: Date, call: Pick<TrainingCall, 'province'>) => ({
  instant: instant.toISOString(),
  timeZone: callTimeZone(call.province),
});

/** The instant the first training day begins in the venue's zone. */
export function trainingStartsAt(call: Pick<TrainingCall, 'startDate' | 'province'>): Date {
  return startOfLocalDate(localDate(call.startDate), callTimeZone(call.province));
}

/**
 * Locks an application for the rest of the transaction: its call's seat lock first, then the row
 * (the one lock order every seat-changing transaction follows).
 */
export async function lockApplication(tx: Tx, id: string) {
  const target = await tx.application.findUnique({ where: { id }, select: { callId: true } });
  if (!target) throw new NotFoundError();
  await lockSeats(tx, target.callId);
  await tx.$queryRaw`SELECT id FROM applications WHERE id = ${id}::uuid FOR UPDATE`;
  const application = await tx.application.findUnique({ where: { id }, include: { call: true } });
  if (!application) throw new NotFoundError();
  return application;
}
