import { createContext, useContext } from 'react';
import type { introspection } from '#graphql-env.d.ts';

// Who is signed in, for pages that show or hide what a role may do. The API decides what each role
// may actually do; the console only avoids offering what would be refused.

/** The API's roles, as the printed schema lists them. */
export type Role = introspection['types']['Role']['enumValues'];

export type Viewer = {
  id: string;
  name: string;
  roles: readonly Role[];
  organization: { id: string; name: string; shortName: string | null } | null;
};

/** Roles that run calls: they see the calls pages. */
const callRoles: readonly Role[] = ['ADMIN', 'PROGRAM_MANAGER', 'PROVIDER_STAFF'];

/** Roles the console serves. */
const consoleRoles: readonly Role[] = [...callRoles, 'SELECTION_REVIEWER', 'RPL_REVIEWER'];

export function canUseConsole(roles: readonly Role[]): boolean {
  return roles.some((role) => consoleRoles.includes(role));
}

/** Runs calls (all of them, a programme's, or a provider's): the calls pages are theirs. */
export function runsCalls(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((role) => callRoles.includes(role));
}

/** Scores applications for the calls they are assigned to. */
export function isSelectionReviewer(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('SELECTION_REVIEWER');
}

/** Program managers and admins build, publish and retire credential pathways and decide award reviews. */
export function managesPathways(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((role) => role === 'ADMIN' || role === 'PROGRAM_MANAGER');
}

/**
 * Works on RPL for a university (its programmes, curricula, overrides, rules and applicants):
 * RPL staff for their own university, admins for every one.
 */
export function isRplStaff(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((role) => role === 'ADMIN' || role === 'RPL_REVIEWER');
}

/** Keeps the national RPL regulation profile (the layer under every university's overrides). */
export function managesNationalRegulation(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((role) => role === 'ADMIN' || role === 'PROGRAM_MANAGER');
}

/** Sets certificate branding: provider staff for their organization, admins and program managers for any. */
export function setsBranding(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some(
    (role) => role === 'ADMIN' || role === 'PROGRAM_MANAGER' || role === 'PROVIDER_STAFF',
  );
}

/** Program managers and admins see the programme's dashboard; provider staff their own calls' figures. */
export function seesDashboard(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some(
    (role) => role === 'ADMIN' || role === 'PROGRAM_MANAGER' || role === 'PROVIDER_STAFF',
  );
}

export function isAdmin(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.includes('ADMIN');
}

/** Only provider staff: they see their organization's calls and change nothing. */
export function isProviderOnly(viewer: Pick<Viewer, 'roles'>): boolean {
  return !viewer.roles.some((role) => role === 'ADMIN' || role === 'PROGRAM_MANAGER');
}

const ViewerContext = createContext<Viewer | null>(null);

export const ViewerProvider = ViewerContext.Provider;

/** The signed-in staff member; only inside the console shell, which signs people in first. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the console shell');
  return viewer;
}
