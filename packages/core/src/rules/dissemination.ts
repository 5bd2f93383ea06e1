/**
 * Who may do what with a dissemination report (pengimbasan):
 *
 * - **see**: the teacher who wrote it; the principal of the school it was written at; admins.
 * - **edit**: the teacher alone (fields, files, submitting); whether it can change now is a state rule.
 * - **verify**: the principal of the school it was written at (verify, or return with a note).
 *
 * What anyone may read of verified reports on a published profile is `publicDisseminationWhere`.
 */
import type { Prisma } from '@kmg/db';
import type { Actor } from '#actor.ts';
import { hasRole } from '#actor.ts';
import { admins, anyOf, grant, grantIf, nothing, type Rule, whereOf } from '#rules/rule.ts';

type Where = Prisma.DisseminationReportWhereInput;

export type DisseminationVerb = 'see' | 'edit' | 'verify';

export type DisseminationRow = { teacherId: string; schoolId: string };

function own(actor: Actor): Rule<Where, DisseminationRow> {
  const viewerId = actor.viewer?.id;
  return grantIf(!!viewerId, () => grant({ teacherId: viewerId }, (report) => report.teacherId === viewerId));
}

function ofPrincipalsSchool(actor: Actor): Rule<Where, DisseminationRow> {
  const schoolId = actor.viewer?.organizationId;
  return grantIf(hasRole(actor.viewer, 'PRINCIPAL') && !!schoolId, () =>
    grant({ schoolId: schoolId ?? undefined }, (report) => report.schoolId === schoolId),
  );
}

export function disseminationRule(actor: Actor, verb: DisseminationVerb): Rule<Where, DisseminationRow> {
  if (!actor.viewer) return nothing();
  switch (verb) {
    case 'see':
      return anyOf(own(actor), ofPrincipalsSchool(actor), admins(actor));
    case 'edit':
      return own(actor);
    case 'verify':
      return ofPrincipalsSchool(actor);
  }
}

export function disseminationReportsWhere(actor: Actor, verb: DisseminationVerb): Promise<Where> {
  return whereOf(disseminationRule(actor, verb));
}

export function canSeeDisseminationReport(actor: Actor, report: DisseminationRow): Promise<boolean> {
  return disseminationRule(actor, 'see').allows(report);
}

/** Verified reports of a teacher, as a published profile lists them. */
export function publicDisseminationWhere(teacherId: string): Where {
  return { teacherId, status: 'VERIFIED' };
}
