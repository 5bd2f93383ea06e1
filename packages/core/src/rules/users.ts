/**
 * Who sees whom. A person is seen by themselves; by staff who handle other people's applications
 * and accounts (admins, program managers, provider staff, selection reviewers), who see everyone;
 * and by the principal of their school. Only admins manage accounts.
 */
import type { Prisma, Role } from '@kmg/db';
import type { Actor } from '#actor.ts';
import { hasRole } from '#actor.ts';

type Where = Prisma.UserWhereInput;
type UserRow = { id: string; organizationId: string | null };

const staffRoles: readonly Role[] = ['ADMIN', 'PROGRAM_MANAGER', 'PROVIDER_STAFF', 'SELECTION_REVIEWER'];

/**
 * The grants, each a filter and the same condition on a row. Synchronous (nothing to load), so
 * the User type, read in every list of people, checks rows without awaiting.
 */
function userGrants(actor: Actor): { where: Where; allows: (user: UserRow) => boolean }[] {
  const viewer = actor.viewer;
  if (!viewer) return [];
  if (staffRoles.some((role) => hasRole(viewer, role))) {
    return [{ where: { NOT: { id: { in: [] } } }, allows: () => true }];
  }
  const schoolId = hasRole(viewer, 'PRINCIPAL') ? viewer.organizationId : null;
  return [
    { where: { id: viewer.id }, allows: (user) => user.id === viewer.id },
    ...(schoolId
      ? [{ where: { organizationId: schoolId }, allows: (user: UserRow) => user.organizationId === schoolId }]
      : []),
  ];
}

/** The people the actor may see, as a `where` for lists. */
export function usersWhere(actor: Actor): Where {
  const grants = userGrants(actor);
  if (grants.length === 0) return { id: { in: [] } };
  return grants.length === 1 ? (grants[0] as { where: Where }).where : { OR: grants.map((g) => g.where) };
}

export function canSeeUser(actor: Actor, user: UserRow): boolean {
  return userGrants(actor).some((g) => g.allows(user));
}

/** Creating staff accounts, rotating issuer keys, listing every account. */
export function canManageAccounts(actor: Actor): boolean {
  return hasRole(actor.viewer, 'ADMIN');
}
