/**
 * Who may do what with a credential (the words are those of rules/calls.ts):
 *
 * - Anyone reads a credential by its id: that is how it is verified. Lists of credentials are the
 *   holder's own.
 * - **Public or private** is the holder's choice (`isPublic`, default public, as on Credly) and
 *   decides one thing: whether the credential is listed on the holder's public profile. Private
 *   means unlisted, not secret: its id is a random uuid no one can guess, and whoever the holder
 *   hands the link or the signed file to must still be able to verify it (the verification page,
 *   the JSON and the PDF answer as before). A public profile lists only public credentials that
 *   are neither revoked nor suspended, and only while the holder publishes the profile.
 * - **own** (choose public or private): the holder, and no one else (not the school, not staff).
 * - **manage** (revoke, suspend, reinstate): those who manage the call that awarded it; a
 *   credential awarded by no call (a bundle), admins.
 * - Issuance: its progress and errors are read by those who deliver the call, a failed issuance
 *   is queued again by those who manage it (call verbs, checked on the call).
 */
import type { Prisma } from '@kmg/db';
import type { Actor, CallOwnership } from '#actor.ts';
import { managedCalls } from '#rules/calls.ts';
import { admins, anyOf, grant, grantIf, type Rule, through, whereOf } from '#rules/rule.ts';

type Where = Prisma.CredentialWhereInput;

export type CredentialVerb = 'own' | 'manage';

export type CredentialRow = { teacherId: string; application: { call: CallOwnership } | null };

/** The holder's own credentials. */
export function ownCredentialsWhere(actor: Actor): Where {
  return actor.viewer ? { teacherId: actor.viewer.id } : { id: { in: [] } };
}

export function credentialRule(actor: Actor, verb: CredentialVerb): Rule<Where, CredentialRow> {
  const viewerId = actor.viewer?.id;
  switch (verb) {
    case 'own':
      return grantIf(!!viewerId, () =>
        grant(ownCredentialsWhere(actor), (credential) => credential.teacherId === viewerId),
      );
    case 'manage':
      return anyOf(
        admins(actor),
        through(
          managedCalls(actor),
          (call) => ({ application: { call } }),
          (credential) => credential.application?.call ?? null,
        ),
      );
  }
}

/** What a published profile lists of its holder's credentials (see "public or private" above). */
export function profileCredentialsWhere(holderId: string): Where {
  return {
    teacherId: holderId,
    isPublic: true,
    revokedAt: null,
    suspendedAt: null,
    kind: { in: ['TRAINING', 'PATHWAY'] },
  };
}

/** The credentials the actor holds or manages, as a `where` for lists. */
export function credentialsWhere(actor: Actor, verb: CredentialVerb): Promise<Where> {
  return whereOf(credentialRule(actor, verb));
}

export function canManageCredential(actor: Actor, credential: CredentialRow): Promise<boolean> {
  return credentialRule(actor, 'manage').allows(credential);
}
