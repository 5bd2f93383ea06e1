// The calls table's state lives in the URL (filters, sort, page), so a view can be bookmarked,
// shared with a colleague and restored with the back button.
import { type CallStatus, callStatuses } from '@kmg/domain';
import { type CursorPage, pageVariables, readPage, writePage } from '#lib/pagination.ts';

export const callSortFields = [
  'TITLE',
  'START_DATE',
  'APPLICATION_CLOSES_AT',
  'SEATS',
  'CREATED_AT',
] as const;
export type CallSortField = (typeof callSortFields)[number];
export type SortDirection = 'ASC' | 'DESC';

export type CallSort = { field: CallSortField; direction: SortDirection };

/** Newest trainings first: what is coming up matters more than what is done. */
export const defaultCallSort: CallSort = { field: 'START_DATE', direction: 'DESC' };

/** The direction a column sorts in when first clicked: words A–Z, numbers and dates largest first. */
const firstDirection: Record<CallSortField, SortDirection> = {
  TITLE: 'ASC',
  START_DATE: 'DESC',
  APPLICATION_CLOSES_AT: 'DESC',
  SEATS: 'DESC',
  CREATED_AT: 'DESC',
};

export type CallFilters = {
  search: string;
  statuses: CallStatus[];
  skillAreaId: string | null;
  province: string | null;
  programmeId: string | null;
};

export type CallsSearch = { filters: CallFilters; sort: CallSort; page: CursorPage };

export const emptyCallFilters: CallFilters = {
  search: '',
  statuses: [],
  skillAreaId: null,
  province: null,
  programmeId: null,
};

const isStatus = (value: string): value is CallStatus => (callStatuses as readonly string[]).includes(value);
const isSortField = (value: string): value is CallSortField =>
  (callSortFields as readonly string[]).includes(value);

export function readCallsSearch(params: URLSearchParams): CallsSearch {
  const field = params.get('sort') ?? '';
  const direction = params.get('dir');
  const sort: CallSort = isSortField(field)
    ? { field, direction: direction === 'ASC' || direction === 'DESC' ? direction : firstDirection[field] }
    : defaultCallSort;
  return {
    filters: {
      search: params.get('q') ?? '',
      statuses: [...new Set(params.getAll('status').filter(isStatus))],
      skillAreaId: params.get('skill') || null,
      province: params.get('province') || null,
      programmeId: params.get('programme') || null,
    },
    sort,
    page: readPage(params),
  };
}

export function writeCallsSearch({ filters, sort, page }: CallsSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set('q', filters.search.trim());
  for (const status of filters.statuses) params.append('status', status);
  if (filters.skillAreaId) params.set('skill', filters.skillAreaId);
  if (filters.province) params.set('province', filters.province);
  if (filters.programmeId) params.set('programme', filters.programmeId);
  if (sort.field !== defaultCallSort.field || sort.direction !== defaultCallSort.direction) {
    params.set('sort', sort.field);
    params.set('dir', sort.direction);
  }
  return writePage(params, page);
}

export function hasActiveFilters(filters: CallFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.statuses.length > 0 ||
    filters.skillAreaId !== null ||
    filters.province !== null ||
    filters.programmeId !== null
  );
}

/** Clicking a column header: the same column flips direction, another starts in its natural order. */
export function toggleSort(current: CallSort, field: CallSortField): CallSort {
  if (current.field === field) return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
  return { field, direction: firstDirection[field] };
}

/** Variables for the calls query: only the calls the viewer runs (provider staff: their own). */
export function callsVariables({ filters, sort, page }: CallsSearch) {
  const search = filters.search.trim();
  return {
    filter: {
      managedOnly: true,
      search: search || null,
      statuses: filters.statuses.length > 0 ? filters.statuses : null,
      skillAreaIds: filters.skillAreaId ? [filters.skillAreaId] : null,
      provinces: filters.province ? [filters.province] : null,
      programmeId: filters.programmeId,
    },
    orderBy: sort,
    ...pageVariables(page),
  };
}
