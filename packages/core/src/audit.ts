import type { Prisma } from '@kmg/db';
import { type Subject, subjectColumns } from '#subject.ts';

export type AuditEntry = {
  /** Null when the platform acted on its own (a deadline passed). */
  actorId: string | null;
  action: string;
  /** What the event is about; its application, else its call, when not given. */
  subject?: Subject | null;
  callId?: string | null;
  applicationId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  details?: Prisma.InputJsonValue;
  /** When it happened, by the request's clock (default: the database's time). */
  occurredAt?: Date;
};

/** Appends decisions to the audit trail, in the caller's transaction (the table refuses edits). */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const rows = Array.isArray(entries) ? entries : [entries];
  if (rows.length === 0) return;
  await tx.auditEvent.createMany({ data: rows.map(auditRow) });
}

/** The stored row of an audit entry. */
export function auditRow({ subject, ...row }: AuditEntry) {
  return { ...row, ...subjectColumns({ ...row, subject }) };
}
