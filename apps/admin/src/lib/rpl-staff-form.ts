// One person's RPL roles at their university, as the "Peran RPL" form edits them: each role held
// for every programme or for chosen ones, their affiliation (printed on the minutes) and employee
// number. `setRplStaffRoles` replaces everything the person held.

import {
  defaultForbiddenRolePairs,
  type Locale,
  type RplCaseRole,
  rplCaseRoles,
  translateError,
} from '@kmg/domain';
import type { ApiFieldError } from '@kmg/ui';

export type ProgrammeScope = 'ALL' | 'SOME';

export type StaffGrant = { held: boolean; scope: ProgrammeScope; programmeIds: string[] };

export type StaffFormValues = {
  grants: Record<RplCaseRole, StaffGrant>;
  affiliation: string;
  employeeNumber: string;
};

/** What `rplStaff` gives for one person; programme ids are global ids, none = every programme. */
export type StaffMember = {
  affiliation: string | null;
  employeeNumber: string | null;
  roles: readonly { role: RplCaseRole; programmeIds: readonly string[] }[];
};

export const AFFILIATION_MAX = 200;
export const EMPLOYEE_NUMBER_MAX = 40;

export function staffFormFrom(member: StaffMember): StaffFormValues {
  const grants = Object.fromEntries(
    rplCaseRoles.map((role) => {
      const held = member.roles.find((grant) => grant.role === role);
      const programmeIds = [...(held?.programmeIds ?? [])];
      return [role, { held: Boolean(held), scope: programmeIds.length > 0 ? 'SOME' : 'ALL', programmeIds }];
    }),
  ) as Record<RplCaseRole, StaffGrant>;
  return {
    grants,
    affiliation: member.affiliation ?? '',
    employeeNumber: member.employeeNumber ?? '',
  };
}

/** The roles sent, in the order the API numbers its field errors by. */
export function heldRoles(values: StaffFormValues): RplCaseRole[] {
  return rplCaseRoles.filter((role) => values.grants[role].held);
}

/** `setRplStaffRoles`'s arguments beside the person's id. */
export function toStaffRolesInput(values: StaffFormValues) {
  return {
    roles: heldRoles(values).map((role) => {
      const grant = values.grants[role];
      return { role, programmeIds: grant.scope === 'SOME' ? grant.programmeIds : [] };
    }),
    affiliation: values.affiliation.trim() || null,
    employeeNumber: values.employeeNumber.trim() || null,
  };
}

/** What the form can tell before asking the API: chosen programmes, and the lengths it keeps. */
export function validateStaffForm(values: StaffFormValues, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const role of heldRoles(values)) {
    const grant = values.grants[role];
    // No programme chosen would mean every programme to the API: say so instead of widening it.
    if (grant.scope === 'SOME' && grant.programmeIds.length === 0)
      errors[`grants.${role}.programmeIds`] = translateError('TOO_FEW_ITEMS', locale, { min: 1 });
  }
  if (values.affiliation.trim().length > AFFILIATION_MAX)
    errors.affiliation = translateError('TOO_LONG', locale, { max: AFFILIATION_MAX });
  if (values.employeeNumber.trim().length > EMPLOYEE_NUMBER_MAX)
    errors.employeeNumber = translateError('TOO_LONG', locale, { max: EMPLOYEE_NUMBER_MAX });
  return errors;
}

/**
 * The API's field errors on the form's fields: `roles.2.programmeIds.0` is the third role sent
 * (`sent`, from `heldRoles`), so it lands on that role's programmes; `roles` (the last university
 * admin, a role twice) on the role list. Others keep their path (and show above the form).
 */
export function staffFormErrors(
  fieldErrors: readonly ApiFieldError[],
  sent: readonly RplCaseRole[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of fieldErrors) {
    const path = error.path[0] === 'input' ? error.path.slice(1) : error.path;
    let key = path.join('.');
    if (path[0] === 'roles') {
      const role = path[1] === undefined ? undefined : sent[Number(path[1])];
      key = role
        ? path[2] === 'programmeIds'
          ? `grants.${role}.programmeIds`
          : `grants.${role}.held`
        : 'grants';
    }
    errors[key] ??= error.message;
  }
  return errors;
}

/**
 * Pairs of roles this person would hold that the four-eyes rule keeps apart on one case (the
 * regulation's default pairs): they may hold both, but never on the same case.
 */
export function fourEyesPairs(values: StaffFormValues): (readonly [RplCaseRole, RplCaseRole])[] {
  const held = heldRoles(values);
  return defaultForbiddenRolePairs.filter(([a, b]) => held.includes(a) && held.includes(b));
}
