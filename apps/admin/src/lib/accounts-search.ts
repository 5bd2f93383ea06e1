// The accounts list's state in the URL (search, role, organization, page), so a filtered view can
// be bookmarked and restored with the back button.
import { type CursorPage, pageVariables, readPage, writePage } from '#lib/pagination.ts';
import type { Role } from '#lib/viewer.tsx';

export const accountRoles: readonly Role[] = [
  'ADMIN',
  'PROGRAM_MANAGER',
  'PROVIDER_STAFF',
  'SELECTION_REVIEWER',
  'PRINCIPAL',
  'RPL_REVIEWER',
  'TEACHER',
];

export type AccountFilters = { search: string; role: Role | null; organizationId: string | null };

export type AccountsSearch = { filters: AccountFilters; page: CursorPage };

export const emptyAccountFilters: AccountFilters = { search: '', role: null, organizationId: null };

export function readAccountsSearch(params: URLSearchParams): AccountsSearch {
  const role = accountRoles.find((candidate) => candidate === params.get('role')) ?? null;
  return {
    filters: { search: params.get('q') ?? '', role, organizationId: params.get('org') || null },
    page: readPage(params),
  };
}

export function writeAccountsSearch({ filters, page }: AccountsSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set('q', filters.search.trim());
  if (filters.role) params.set('role', filters.role);
  if (filters.organizationId) params.set('org', filters.organizationId);
  return writePage(params, page);
}

export function hasAccountFilters(filters: AccountFilters): boolean {
  return filters.search.trim() !== '' || filters.role !== null || filters.organizationId !== null;
}

/** Variables for the `users` connection. */
export function accountsVariables({ filters, page }: AccountsSearch) {
  const search = filters.search.trim();
  return {
    filter: { search: search || null, role: filters.role, organizationId: filters.organizationId },
    ...pageVariables(page),
  };
}
