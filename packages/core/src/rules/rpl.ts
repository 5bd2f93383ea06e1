/**
 * Who may do what with RPL (the words are those of the other rules modules):
 *
 * - The catalogue (universities' programmes, curricula, intakes, active equivalence rules) is
 *   **seen** by everyone: a teacher compares programmes before applying.
 * - A university's programmes, curricula, regulation overrides and rules are **managed** by its
 *   own staff (RPL reviewers of that university) and admins. The national regulation profile is
 *   managed by program managers and admins.
 * - An application is the teacher's own; the university whose programme it is for sees it once
 *   submitted (never a draft, nor a draft withdrawn unsubmitted); admins see every submitted one.
 */
import type { Prisma } from '@kmg/db';
import { type Actor, hasRole } from '#actor.ts';
import { anyOf, grant, grantIf, type Rule, whereOf } from '#rules/rule.ts';

/** The university the viewer works for as RPL staff, if any. */
export function staffUniversityId(actor: Actor): string | null {
  return hasRole(actor.viewer, 'RPL_REVIEWER') ? (actor.viewer?.organizationId ?? null) : null;
}

/** Whether the actor may change this university's catalogue, overrides and rules. */
export function canManageUniversity(actor: Actor, universityId: string): boolean {
  return hasRole(actor.viewer, 'ADMIN') || staffUniversityId(actor) === universityId;
}

export function canManageNationalRegulation(actor: Actor): boolean {
  return hasRole(actor.viewer, 'ADMIN') || hasRole(actor.viewer, 'PROGRAM_MANAGER');
}

/** Whether the actor works on RPL at all (the console's RPL screens). */
export function isRplStaff(actor: Actor): boolean {
  return hasRole(actor.viewer, 'ADMIN') || staffUniversityId(actor) !== null;
}

type ApplicationWhere = Prisma.RplApplicationWhereInput;
export type RplApplicationRow = {
  teacherId: string;
  submittedAt: Date | null;
  programme: { universityId: string };
};

export type RplApplicationVerb = 'own' | 'review' | 'see';

export function rplApplicationRule(
  actor: Actor,
  verb: RplApplicationVerb,
): Rule<ApplicationWhere, RplApplicationRow> {
  const viewerId = actor.viewer?.id;
  const universityId = staffUniversityId(actor);
  switch (verb) {
    case 'own':
      return grantIf(!!viewerId, () =>
        grant({ teacherId: viewerId }, (row: RplApplicationRow) => row.teacherId === viewerId),
      );
    case 'see':
      return anyOf(rplApplicationRule(actor, 'own'), rplApplicationRule(actor, 'review'));
    case 'review':
      return anyOf(
        grantIf(hasRole(actor.viewer, 'ADMIN'), () =>
          grant({ submittedAt: { not: null } }, (row: RplApplicationRow) => row.submittedAt !== null),
        ),
        grantIf(universityId !== null, () =>
          grant(
            { submittedAt: { not: null }, programme: { universityId: universityId as string } },
            (row: RplApplicationRow) =>
              row.submittedAt !== null && row.programme.universityId === universityId,
          ),
        ),
      );
  }
}

export function rplApplicationsWhere(actor: Actor, verb: RplApplicationVerb): Promise<ApplicationWhere> {
  return whereOf(rplApplicationRule(actor, verb));
}

export function canSeeRplApplication(actor: Actor, row: RplApplicationRow): Promise<boolean> {
  return rplApplicationRule(actor, 'see').allows(row);
}

/** Programmes whose staff view the actor has: their own university's, or every one for admins. */
export function managedProgrammesWhere(actor: Actor): Prisma.StudyProgrammeWhereInput {
  if (hasRole(actor.viewer, 'ADMIN')) return {};
  const universityId = staffUniversityId(actor);
  return universityId ? { universityId } : { id: { in: [] } };
}
