// The staff account form's rules: the domain's schema, plus the API's rule that every role but
// admin belongs to an organization.
import { type Locale, staffAccountSchema, staffRoles, toFieldIssues, translateError } from '@kmg/domain';

export type StaffRole = (typeof staffRoles)[number];
export type OrganizationKind = 'MINISTRY' | 'FUNDER' | 'PROVIDER' | 'SCHOOL' | 'UNIVERSITY';

export type StaffAccountValues = {
  name: string;
  email: string;
  password: string;
  roles: StaffRole[];
  organizationId: string | null;
};

export const emptyStaffAccount: StaffAccountValues = {
  name: '',
  email: '',
  password: '',
  roles: [],
  organizationId: null,
};

export function needsOrganization(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => role !== 'ADMIN');
}

export function validateStaffAccount(values: StaffAccountValues, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = staffAccountSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.error.issues)) {
      errors[issue.path.join('.')] ??= translateError(issue.code, locale, issue.params);
    }
  }
  if (needsOrganization(values.roles) && !values.organizationId) {
    errors.organizationId = translateError('REQUIRED', locale);
  }
  return errors;
}

/** Where people in each role usually work: their organizations are listed first. */
const usualKinds: Record<StaffRole, readonly OrganizationKind[]> = {
  ADMIN: [],
  PROGRAM_MANAGER: ['MINISTRY', 'FUNDER'],
  PROVIDER_STAFF: ['PROVIDER'],
  PRINCIPAL: ['SCHOOL'],
  // Selection reviewers come from the ministry, the funder or a university.
  SELECTION_REVIEWER: ['MINISTRY', 'FUNDER', 'UNIVERSITY'],
  RPL_REVIEWER: ['UNIVERSITY'],
};

const kindOrder: readonly OrganizationKind[] = ['MINISTRY', 'FUNDER', 'PROVIDER', 'SCHOOL', 'UNIVERSITY'];

/** Organization kinds in the order to offer them for these roles: the likely ones first. */
export function organizationKindOrder(roles: readonly StaffRole[]): OrganizationKind[] {
  const likely = new Set(roles.flatMap((role) => usualKinds[role]));
  return [...kindOrder.filter((kind) => likely.has(kind)), ...kindOrder.filter((kind) => !likely.has(kind))];
}

const passwordAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A random initial password, 16 characters without look-alikes (0/O, 1/l/I) so it can be read out
 * or copied by hand. Rejection sampling keeps every character equally likely.
 */
export function generatePassword(
  length = 16,
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const limit = 256 - (256 % passwordAlphabet.length);
  let password = '';
  while (password.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length)
        password += passwordAlphabet[byte % passwordAlphabet.length];
    }
  }
  return password;
}

export { staffRoles };
