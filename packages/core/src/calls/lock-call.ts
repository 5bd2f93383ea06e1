import type { Prisma, TrainingCall } from '@kmg/db';
import type { Actor } from '#actor.ts';
import { lockSeats } from '#applications/seats.ts';
import { NotAllowedError, NotFoundError } from '#errors.ts';
import { type CallVerb, callRule, canSeeCall } from '#rules/calls.ts';

/**
 * Locks a call for the rest of the transaction, loads it and checks the actor may `verb` it.
 * Concurrent changes of one call run one after another. A call the actor may not even see (a
 * draft of someone else's) is not found; one they see but may not change is refused.
 *
 * `seats`: take the call's seat lock first, for changes that can move seats (editing, cancelling,
 * selection). It comes before the row lock: the one lock order every seat-changing transaction
 * follows (applications/seats.ts).
 *
 * Call `prepareRules(actor)` before the transaction starts: the check reads what it loaded.
 */
export async function lockCallFor(
  tx: Prisma.TransactionClient,
  actor: Actor,
  { id, verb, seats = false }: { id: string; verb: Exclude<CallVerb, 'see'>; seats?: boolean },
): Promise<TrainingCall> {
  if (seats) await lockSeats(tx, id);
  await tx.$queryRaw`SELECT id FROM training_calls WHERE id = ${id}::uuid FOR UPDATE`;
  const call = await tx.trainingCall.findUnique({ where: { id } });
  if (!call) throw new NotFoundError();
  if (!(await callRule(actor, verb).allows(call))) {
    if (!(await canSeeCall(actor, call))) throw new NotFoundError();
    throw new NotAllowedError('FORBIDDEN');
  }
  return call;
}
