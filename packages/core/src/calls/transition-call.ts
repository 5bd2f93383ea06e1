// The one place a call's status is written: every move is checked against the domain's table
// (`callTransitions`), stamped, audited and announced in the caller's transaction.
import type { Prisma } from '@kmg/db';
import { type CallStatus, type CallTransition, callMachine } from '@kmg/domain';
import { recordAudit } from '#audit.ts';
import { InvalidStateError } from '#errors.ts';
import { type Notice, notify } from '#notify.ts';

type Tx = Prisma.TransactionClient;

/** Other fields written with the status; the status itself is the table's to write. */
export type CallChanges = Omit<Prisma.TrainingCallUncheckedUpdateManyInput, 'status'>;

/** How each action is named in the audit trail. */
const auditActions: Record<CallTransition, string> = {
  publish: 'call.published',
  close: 'call.closed',
  cancel: 'call.cancelled',
  startTraining: 'call.training_started',
  complete: 'call.completed',
};

/** What entering each status stamps. */
const stamps: Partial<Record<CallStatus, (now: Date) => CallChanges>> = {
  OPEN: (now) => ({ publishedAt: now }),
  CLOSED: (now) => ({ closedAt: now }),
  CANCELLED: (now) => ({ cancelledAt: now }),
};

/**
 * Moves a call by `action`: checks the table (a refusal is an `InvalidStateError` naming the
 * status and the action), writes the status with its stamp and `data` only while the status is
 * still the one the caller read, records the audit event and sends the notices. Timing rules
 * (publishing after the window closed) are `planCallTransition`'s, checked by the service first.
 *
 * `audit: false` is for moves another event already explains (approved results completing the
 * call, a committed selection closing it), which keep the events they always had.
 */
export async function transitionCall(
  tx: Tx,
  input: {
    call: { id: string; status: CallStatus };
    action: CallTransition;
    /** Null when the platform acts on its own (training starts). */
    actorId: string | null;
    now: Date;
    data?: CallChanges;
    audit?: { action?: string; reason?: string | null; details?: Prisma.InputJsonValue } | false;
    notices?: Notice[];
  },
): Promise<CallStatus> {
  const { call, action, now, audit } = input;
  const plan = callMachine.plan(call.status, action);
  if (plan.kind === 'refused') throw new InvalidStateError(plan.code, plan.params);
  const { count } = await tx.trainingCall.updateMany({
    where: { id: call.id, status: call.status },
    data: { ...stamps[plan.to]?.(now), ...input.data, status: plan.to },
  });
  if (count !== 1) throw new InvalidStateError('STATUS_CHANGED');
  if (audit !== false) {
    await recordAudit(tx, {
      actorId: input.actorId,
      action: audit?.action ?? auditActions[action],
      callId: call.id,
      fromStatus: call.status,
      toStatus: plan.to,
      ...(audit?.reason !== undefined ? { reason: audit.reason } : {}),
      ...(audit?.details !== undefined ? { details: audit.details } : {}),
    });
  }
  await notify(tx, input.notices ?? []);
  return plan.to;
}
