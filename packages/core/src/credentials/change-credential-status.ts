import { type Credential, db } from '@kmg/db';
import { credentialReasonSchema } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { runStatusChangeHooks } from '#credentials/after-issue.ts';
import type { Tx } from '#credentials/config.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, parseInput } from '#errors.ts';
import { notify } from '#notify.ts';
import { canManageCredential } from '#rules/credentials.ts';
import { prepareRules } from '#rules/rule.ts';

/** Revokes a credential with a reason anyone verifying it will read. */
export async function revokeInTransaction(
  tx: Tx,
  credential: Credential,
  reason: string,
  now: Date,
  actorId: string | null = null,
) {
  await tx.credential.update({
    where: { id: credential.id },
    data: { revokedAt: now, revocationReason: reason },
  });
  await recordAudit(tx, {
    actorId,
    action: 'credential.revoked',
    subject: { type: 'CREDENTIAL', id: credential.id },
    applicationId: credential.applicationId,
    reason,
    details: { credentialId: credential.id },
  });
  await runStatusChangeHooks(tx, {
    credentialId: credential.id,
    teacherId: credential.teacherId,
    action: 'revoke',
    now,
    actorId,
  });
}

async function credentialForChange(tx: Tx, ctx: Actor, id: string) {
  await tx.$queryRaw`SELECT id FROM credentials WHERE id = ${id}::uuid FOR UPDATE`;
  const credential = await tx.credential.findUnique({
    where: { id },
    include: { application: { include: { call: true } } },
  });
  if (!credential) throw new NotFoundError();
  if (!(await canManageCredential(ctx, credential))) throw new NotAllowedError('FORBIDDEN');
  return credential;
}

/** The program manager (or an admin) revokes, suspends or reinstates a credential, with a reason. */
export async function changeCredentialStatus(
  ctx: Actor,
  { id, action, reason }: { id: string; action: 'revoke' | 'suspend' | 'reinstate'; reason?: string | null },
) {
  const text = action === 'reinstate' ? null : parseInput(credentialReasonSchema, reason ?? '', ['reason']);
  await prepareRules(ctx);
  return db().$transaction(async (tx) => {
    const credential = await credentialForChange(tx, ctx, id);
    if (credential.revokedAt) throw new InvalidStateError('ALREADY_REVOKED');
    const actorId = ctx.viewer?.id ?? null;
    if (action === 'revoke') {
      await revokeInTransaction(tx, credential, text ?? '', ctx.now, actorId);
    } else {
      await tx.credential.update({
        where: { id },
        data:
          action === 'suspend'
            ? { suspendedAt: ctx.now, suspensionReason: text }
            : { suspendedAt: null, suspensionReason: null },
      });
      await recordAudit(tx, {
        actorId,
        action: action === 'suspend' ? 'credential.suspended' : 'credential.reinstated',
        subject: { type: 'CREDENTIAL', id },
        applicationId: credential.applicationId,
        reason: text,
        details: { credentialId: id },
      });
      await runStatusChangeHooks(tx, {
        credentialId: id,
        teacherId: credential.teacherId,
        action,
        now: ctx.now,
        actorId,
      });
    }
    await notify(tx, [
      {
        userId: credential.teacherId,
        kind:
          action === 'revoke'
            ? 'CREDENTIAL_REVOKED'
            : action === 'suspend'
              ? 'CREDENTIAL_SUSPENDED'
              : 'CREDENTIAL_REINSTATED',
        params: {
          achievement:
            (credential.source as { achievement?: { name?: { id?: string } } }).achievement?.name?.id ?? '',
          reason: text ?? '',
        },
        subject: { type: 'CREDENTIAL', id },
        applicationId: credential.applicationId,
      },
    ]);
    return { id };
  });
}
