import type { FieldIssue } from '#calls.ts';
import type { ErrorCode, MessageParams } from '#messages.ts';
import {
  defaultForbiddenRolePairs,
  type RolePair,
  type RplCaseRole,
  rplCaseRoleLabels,
} from '#rpl-review/case-machine.ts';

/** One person in one role on one case. */
export type CaseAssignment = { personId: string; personName: string; role: RplCaseRole };

/**
 * Four-eyes check of a case's assignments: one issue per person and forbidden pair they hold,
 * on the row of the pair's second role (the one to change), naming the person and both roles.
 */
export function checkCaseAssignments(
  assignments: readonly CaseAssignment[],
  forbiddenPairs: readonly RolePair[] = defaultForbiddenRolePairs,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [first, second] of forbiddenPairs) {
    const firstHolders = new Set(assignments.filter((a) => a.role === first).map((a) => a.personId));
    assignments.forEach((assignment, index) => {
      if (assignment.role !== second || !firstHolders.has(assignment.personId)) return;
      issues.push({
        path: ['assignments', String(index)],
        code: 'RPL_ROLE_CONFLICT',
        params: {
          person: assignment.personName,
          first: rplCaseRoleLabels[first],
          second: rplCaseRoleLabels[second],
        },
      });
    });
  }
  return issues;
}

export type AssessorRole = Extract<RplCaseRole, 'ACADEMIC_ASSESSOR' | 'PRACTITIONER_ASSESSOR'>;
export const assessorRoles: readonly AssessorRole[] = ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'];

export type AssessorCandidate = {
  personId: string;
  /** The assessor roles the university gave this person. */
  roles: readonly AssessorRole[];
  /** Programmes the person assesses for. */
  programmeIds: readonly string[];
};

export type PickedAssessor = { personId: string; load: number };

export type AssessorPick =
  | { kind: 'picked'; academic: PickedAssessor; practitioner: PickedAssessor }
  | {
      kind: 'none';
      /** Per role nobody could take: nobody in the programme's pool, or everyone conflicts. */
      reasons: {
        role: AssessorRole;
        code: Extract<ErrorCode, 'RPL_NO_ELIGIBLE_ASSESSOR' | 'RPL_ASSESSORS_ALL_CONFLICT'>;
        params: MessageParams;
      }[];
    };

/**
 * Round-robin per programme: the least-loaded academic assessor, then the least-loaded
 * practitioner who is someone else. `loads` counts each person's open cases (absent = 0);
 * `conflicts` are people who may not assess this case (the applicant, its committee members or
 * validator). Ties go to the smaller person id, so the choice is stable; the winner's load then
 * grows, which turns the wheel. When the best academic is the only practitioner left, the next
 * academic is taken so the case still gets two people.
 */
export function pickAssessors(input: {
  pool: readonly AssessorCandidate[];
  loads: Readonly<Record<string, number>>;
  conflicts: readonly string[];
  programmeId: string;
}): AssessorPick {
  const loadOf = (personId: string) => input.loads[personId] ?? 0;
  const inProgramme = (role: AssessorRole) =>
    input.pool.filter((c) => c.roles.includes(role) && c.programmeIds.includes(input.programmeId));
  const ranked = (role: AssessorRole) =>
    inProgramme(role)
      .filter((c) => !input.conflicts.includes(c.personId))
      .map((c) => ({ personId: c.personId, load: loadOf(c.personId) }))
      .sort((a, b) => a.load - b.load || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));

  const academics = ranked('ACADEMIC_ASSESSOR');
  const practitioners = ranked('PRACTITIONER_ASSESSOR');
  for (const academic of academics) {
    const practitioner = practitioners.find((p) => p.personId !== academic.personId);
    if (practitioner) return { kind: 'picked', academic, practitioner };
  }

  const reasons: Extract<AssessorPick, { kind: 'none' }>['reasons'] = [];
  for (const role of assessorRoles) {
    const available = role === 'ACADEMIC_ASSESSOR' ? academics : practitioners;
    const params = { role: rplCaseRoleLabels[role] };
    if (inProgramme(role).length === 0) reasons.push({ role, code: 'RPL_NO_ELIGIBLE_ASSESSOR', params });
    else if (available.length === 0) reasons.push({ role, code: 'RPL_ASSESSORS_ALL_CONFLICT', params });
  }
  // Both roles have someone, but only the same single person: the practitioner seat is the one to fill.
  if (reasons.length === 0) {
    reasons.push({
      role: 'PRACTITIONER_ASSESSOR',
      code: 'RPL_ASSESSORS_ALL_CONFLICT',
      params: { role: rplCaseRoleLabels.PRACTITIONER_ASSESSOR },
    });
  }
  return { kind: 'none', reasons };
}
