// What happens once a credential is issued, in the transaction that issued it: the audit trail and
// the teacher's notice today; pathway evaluation hangs here next.
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
