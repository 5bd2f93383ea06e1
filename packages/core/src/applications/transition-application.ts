// The one place an application's status is written: every move is checked against the domain's
// table (`applicationTransitions`), stamped, audited and announced in the caller's transaction.
import type { Prisma } from '@kmg/db';
import { type ApplicationAction, type ApplicationStatus, applicationMachine } from '@kmg/domain';
import { type AuditEntry, recordAudit } from '#audit.ts';
import { InvalidStateError } from '#errors.ts';
import { type Notice, notify } from '#notify.ts';

type Tx = Prisma.TransactionClient;

/** Other fields written with the status; the status itself is the table's to write. */
export type ApplicationChanges = Omit<Prisma.ApplicationUncheckedUpdateManyInput, 'status'>;

/** The audit event of a move: its action defaults to the table's name for it (`application.confirmed`). */
export type MoveAudit = { action?: string; reason?: string | null; details?: Prisma.InputJsonValue };

/** How each action is named in the audit trail. */
const auditActions: Record<ApplicationAction, string> = {
  resubmit: 'application.resubmitted',
  endorse: 'application.endorsed',
  refuseEndorsement: 'application.not_endorsed',
  undoEndorsement: 'application.endorsement_undone',
  expireEndorsement: 'application.endorsement_expired',
  accept: 'application.accepted',
  waitlist: 'application.waitlisted',
  reject: 'application.rejected',
  confirm: 'application.confirmed',
  decline: 'application.declined',
  lapse: 'application.lapsed',
  withdraw: 'application.withdrawn',
  cancel: 'application.cancelled',
};

const closing = (now: Date) => ({ closedAt: now });

/** What entering each status stamps: when it happened, and what no longer holds. */
const stamps: Record<ApplicationStatus, (now: Date) => ApplicationChanges> = {
  SUBMITTED: (now) => ({ submittedAt: now, withdrawnAt: null, closedAt: null }),
  ENDORSED: (now) => ({ endorsedAt: now }),
  ACCEPTED: (now) => ({ acceptedAt: now, waitlistedAt: null, outcomeReason: null }),
  WAITLISTED: (now) => ({ waitlistedAt: now }),
  CONFIRMED: (now) => ({ confirmedAt: now }),
  WITHDRAWN: (now) => ({ withdrawnAt: now, closedAt: now }),
  NOT_ENDORSED: closing,
  ENDORSEMENT_EXPIRED: closing,
  REJECTED: closing,
  DECLINED: closing,
  LAPSED: closing,
  CANCELLED: closing,
};

export type ApplicationInState = { id: string; callId: string; status: ApplicationStatus };

/** Where `action` takes the application; throws (a bug guard) when the table does not allow it. */
function planOrThrow(status: ApplicationStatus, action: ApplicationAction): ApplicationStatus {
  const plan = applicationMachine.plan(status, action);
  if (plan.kind === 'refused') throw new InvalidStateError(plan.code, plan.params);
  return plan.to;
}

/** One move of one application: what `transitionApplication` writes, and `planMove` describes. */
export type Move = {
  application: ApplicationInState;
  action: ApplicationAction;
  /** Null when the platform acts on its own (a deadline passed, a seat freed). */
  actorId: string | null;
  now: Date;
  data?: ApplicationChanges;
  audit?: MoveAudit | false;
};

/**
 * What a move writes, without writing it: the new status with its stamps and `data`, and its audit
 * event. Throws (a bug guard) when the table does not allow the move. For `transitionApplication`,
 * and for the first-come arrival, which hands the writes to the database in one statement.
 */
export function planMove(move: Move): {
  to: ApplicationStatus;
  changes: ApplicationChanges & { status: ApplicationStatus };
  audit: AuditEntry | null;
} {
  const { application, action, now } = move;
  const to = planOrThrow(application.status, action);
  return {
    to,
    changes: { ...stamps[to](now), ...move.data, status: to },
    audit: move.audit === false ? null : auditEntry(application, action, to, move.actorId, move.audit),
  };
}

/**
 * Moves one application by `action`: checks the table, writes the status with its stamps and
 * `data` (only while the status is still the one the caller read, so a concurrent change is
 * refused rather than overwritten), records the audit event and sends the notices. Services
 * decide first (`decide*` in the domain) and hold the row lock; the checks here are the guard.
 *
 * `audit: false` is only for a reviewed call's move into review, which another event explains: the
 * principal's endorsement (recorded by the service whether the call then reviews or seats the
 * teacher), or, where no endorsement is needed, the submission itself.
 */
export async function transitionApplication(
  tx: Tx,
  input: Move & {
    /** Whom to tell; a function when a notice reads what was just written (a waitlist position). */
    notices?: Notice[] | (() => Promise<Notice[]>);
  },
): Promise<ApplicationStatus> {
  const { to, changes, audit } = planMove(input);
  const { count } = await tx.application.updateMany({
    where: { id: input.application.id, status: input.application.status },
    data: changes,
  });
  if (count !== 1) throw new InvalidStateError('STATUS_CHANGED');
  if (audit) await recordAudit(tx, audit);
  const notices = typeof input.notices === 'function' ? await input.notices() : (input.notices ?? []);
  await notify(tx, notices);
  return to;
}

/**
 * Moves many applications by one action with the same changes (a cancelled call releasing
 * everyone): each row is checked against the table and written only from the status it was read
 * in, one statement per starting status.
 */
export async function transitionApplications(
  tx: Tx,
  input: {
    applications: readonly ApplicationInState[];
    action: ApplicationAction;
    actorId: string | null;
    now: Date;
    data?: ApplicationChanges;
    audit?: MoveAudit;
    notices?: Notice[];
  },
): Promise<void> {
  const { applications, action, now } = input;
  const byStatus = new Map<ApplicationStatus, string[]>();
  for (const application of applications) {
    planOrThrow(application.status, action);
    byStatus.set(application.status, [...(byStatus.get(application.status) ?? []), application.id]);
  }
  const to = applicationMachine.transitions[action].to;
  for (const [from, ids] of byStatus) {
    const { count } = await tx.application.updateMany({
      where: { id: { in: ids }, status: from },
      data: { ...stamps[to](now), ...input.data, status: to },
    });
    if (count !== ids.length) throw new InvalidStateError('STATUS_CHANGED');
  }
  await recordAudit(
    tx,
    applications.map((application) => auditEntry(application, action, to, input.actorId, input.audit)),
  );
  await notify(tx, input.notices ?? []);
}

function auditEntry(
  application: ApplicationInState,
  action: ApplicationAction,
  to: ApplicationStatus,
  actorId: string | null,
  audit: MoveAudit | undefined,
): AuditEntry {
  return {
    actorId,
    action: audit?.action ?? auditActions[action],
    callId: application.callId,
    applicationId: application.id,
    fromStatus: application.status,
    toStatus: to,
    ...(audit?.reason !== undefined ? { reason: audit.reason } : {}),
    ...(audit?.details !== undefined ? { details: audit.details } : {}),
  };
}
