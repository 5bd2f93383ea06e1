/**
 * Who may set an organization's certificate branding (logo, signatory): admins and program
 * managers for any issuer, including the programme's parent organization (the ministry logo);
 * provider staff for their own organization only. Everyone else, no one.
 */
import { type Actor, hasRole } from '#actor.ts';

export function canManageBranding(actor: Actor, organizationId: string): boolean {
  const viewer = actor.viewer;
  if (!viewer) return false;
  if (hasRole(viewer, 'ADMIN') || hasRole(viewer, 'PROGRAM_MANAGER')) return true;
  return hasRole(viewer, 'PROVIDER_STAFF') && viewer.organizationId === organizationId;
}

/** Whether the actor may set any branding at all (the console shows the screen). */
export function mayManageSomeBranding(actor: Actor): boolean {
  const viewer = actor.viewer;
  if (!viewer) return false;
  return (
    hasRole(viewer, 'ADMIN') ||
    hasRole(viewer, 'PROGRAM_MANAGER') ||
    (hasRole(viewer, 'PROVIDER_STAFF') && viewer.organizationId !== null)
  );
}
