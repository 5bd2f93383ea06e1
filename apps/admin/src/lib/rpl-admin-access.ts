// Which of a university's RPL pages (people, decree settings, decrees, reports) the console offers
// whom. The API decides what each person may actually do; the console only avoids offering what
// would be refused.
import type { RplCaseRole } from '@kmg/domain';
import type { Viewer } from '#lib/viewer.tsx';

export type RplAdminAccess = {
  /** Peran RPL: who holds which role, for which programmes. */
  staff: boolean;
  /** Pengaturan SK: numbering, letterhead, signatories, deadlines. */
  settings: boolean;
  /** The university's decrees (every RPL role reads them). */
  decrees: boolean;
  /** Issues an intake's decree: the university admin's step. */
  issueDecrees: boolean;
  reports: boolean;
};

/**
 * `roles`: the viewer's RPL roles at their university (`rplMyStaffRoles`); `canAdminister`: whether
 * they keep its people and settings (`rplCanAdministerUniversity`: its university admins, and
 * platform admins for every university).
 */
export function rplAdminAccess({
  roles,
  canAdminister,
}: {
  roles: readonly RplCaseRole[];
  canAdminister: boolean;
}): RplAdminAccess {
  const holdsRole = roles.length > 0;
  return {
    staff: canAdminister,
    settings: canAdminister,
    decrees: canAdminister || holdsRole,
    issueDecrees: roles.includes('UNIVERSITY_ADMIN'),
    reports: canAdminister || holdsRole,
  };
}

/** Program managers and admins follow KMG's own figure: SKS its credentials earned through RPL. */
export function seesRplProgrammeFigure(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((role) => role === 'ADMIN' || role === 'PROGRAM_MANAGER');
}
