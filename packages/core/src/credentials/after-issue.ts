// What happens once a credential is issued, in the transaction that issued it: the audit trail and
// the teacher's notice, and a re-evaluation of the teacher's pathways (pathways/award.ts).
import type { Prisma } from '@kmg/db';

type Tx = Prisma.TransactionClient;

export type IssuedCredential = {
  credentialId: string;
  revision: number;
  teacherId: string;
  achievementId: string;
  issuer: { id: string; code: string };
  /** Set for credentials earned in a training call. */
  training: { callId: string; callTitle: string; applicationId: string; achievementName: string } | null;
  /** Set for pathway awards. */
  pathway?: { versionId: string; code: string; title: string } | null;
  now: Date;
};

export type AfterIssueHook = (tx: Tx, issued: IssuedCredential) => Promise<void>;

const hooks: AfterIssueHook[] = [];

/** Registers a hook; hooks run in registration order, inside the issuing transaction. */
export function onCredentialIssued(hook: AfterIssueHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

export async function runAfterIssueHooks(tx: Tx, issued: IssuedCredential): Promise<void> {
  for (const hook of hooks) await hook(tx, issued);
}

export type CredentialStatusChange = {
  credentialId: string;
  teacherId: string;
  action: 'revoke' | 'suspend' | 'reinstate';
  now: Date;
  actorId: string | null;
};

export type StatusChangeHook = (tx: Tx, change: CredentialStatusChange) => Promise<void>;

const statusHooks: StatusChangeHook[] = [];

/** Registers a hook run inside the transaction that revokes, suspends or reinstates a credential. */
export function onCredentialStatusChanged(hook: StatusChangeHook): void {
  if (!statusHooks.includes(hook)) statusHooks.push(hook);
}

export async function runStatusChangeHooks(tx: Tx, change: CredentialStatusChange): Promise<void> {
  for (const hook of statusHooks) await hook(tx, change);
}
