/**
 * Who may do what with pathways. Pathways are the programme's: **manage** (draft, publish, retire,
 * preview, decide award reviews, read awards) belongs to program managers and admins. Published
 * pathways are **seen** by everyone (a teacher's "Jalur", the public verification page); drafts and
 * retired versions only by those who manage them.
 */
import type { Prisma } from '@kmg/db';
import { type Actor, hasRole } from '#actor.ts';

export function canManagePathways(actor: Actor): boolean {
  return hasRole(actor.viewer, 'ADMIN') || hasRole(actor.viewer, 'PROGRAM_MANAGER');
}

/** The pathway versions the actor sees, as a `where` for lists. */
export function pathwayVersionsWhere(actor: Actor): Prisma.PathwayVersionWhereInput {
  return canManagePathways(actor) ? {} : { status: 'PUBLISHED' };
}

export function canSeePathwayVersion(actor: Actor, version: { status: string }): boolean {
  return canManagePathways(actor) || version.status === 'PUBLISHED';
}
