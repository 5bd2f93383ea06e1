import { findProvince, isLocalDate } from '@kmg/domain';

// The browse page keeps its filters in the address bar, so back/forward, reloads and shared links
// show the same list. Parameter names are Indonesian like the routes; anything unreadable in a
// hand-edited link is dropped rather than sent to the API.

export const callSorts = ['deadline', 'soonest', 'latest'] as const;
export type CallSort = (typeof callSorts)[number];

export type CallFilters = {
  search: string;
  skillAreaId: string | null;
  /** Province code (Kemendagri). */
  province: string | null;
  startsFrom: string | null;
  startsUntil: string | null;
  /** Also list published calls that no longer take applications. */
  includeClosed: boolean;
  sort: CallSort;
};

const params = {
  search: 'q',
  skillAreaId: 'bidang',
  province: 'provinsi',
  startsFrom: 'mulai_dari',
  startsUntil: 'mulai_sampai',
  includeClosed: 'semua',
  sort: 'urutan',
} as const;

const sortParams: Record<CallSort, string> = { deadline: 'batas', soonest: 'mulai', latest: 'terbaru' };

/**
 * Open calls read best by the nearest deadline; once closed calls are in the list, the newest
 * trainings come first so last year's do not bury this year's.
 */
export function defaultSort(includeClosed: boolean): CallSort {
  return includeClosed ? 'latest' : 'deadline';
}

export const emptyCallFilters: CallFilters = {
  search: '',
  skillAreaId: null,
  province: null,
  startsFrom: null,
  startsUntil: null,
  includeClosed: false,
  sort: defaultSort(false),
};

/** Turns closed calls on or off; a sort the teacher picked stays, the default follows the list. */
export function withIncludeClosed(filters: CallFilters, includeClosed: boolean): CallFilters {
  const sort =
    filters.sort === defaultSort(filters.includeClosed) ? defaultSort(includeClosed) : filters.sort;
  return { ...filters, includeClosed, sort };
}

export function readCallFilters(search: URLSearchParams): CallFilters {
  const date = (name: string) => {
    const value = search.get(name);
    return value && isLocalDate(value) ? value : null;
  };
  const province = search.get(params.province);
  const includeClosed = search.get(params.includeClosed) === '1';
  const sortParam = search.get(params.sort);
  const sort = callSorts.find((key) => sortParams[key] === sortParam) ?? defaultSort(includeClosed);
  return {
    search: search.get(params.search)?.trim().slice(0, 200) ?? '',
    skillAreaId: search.get(params.skillAreaId) || null,
    province: province && findProvince(province) ? province : null,
    startsFrom: date(params.startsFrom),
    startsUntil: date(params.startsUntil),
    includeClosed,
    sort,
  };
}

/** Only what differs from the defaults goes into the address, so plain links stay plain. */
export function writeCallFilters(filters: CallFilters): URLSearchParams {
  const search = new URLSearchParams();
  const text = filters.search.trim();
  if (text) search.set(params.search, text);
  if (filters.skillAreaId) search.set(params.skillAreaId, filters.skillAreaId);
  if (filters.province) search.set(params.province, filters.province);
  if (filters.startsFrom) search.set(params.startsFrom, filters.startsFrom);
  if (filters.startsUntil) search.set(params.startsUntil, filters.startsUntil);
  if (filters.includeClosed) search.set(params.includeClosed, '1');
  if (filters.sort !== defaultSort(filters.includeClosed)) search.set(params.sort, sortParams[filters.sort]);
  return search;
}

/** How many narrowing filters are on (search and sort are shown elsewhere). */
export function countActiveFilters(filters: CallFilters): number {
  return [
    filters.skillAreaId,
    filters.province,
    filters.startsFrom,
    filters.startsUntil,
    filters.includeClosed || null,
  ].filter(Boolean).length;
}

const orderBy = {
  deadline: { field: 'APPLICATION_CLOSES_AT', direction: 'ASC' },
  soonest: { field: 'START_DATE', direction: 'ASC' },
  latest: { field: 'START_DATE', direction: 'DESC' },
} as const;

/** The `trainingCalls` arguments for these filters. */
export function toCallQuery(filters: CallFilters) {
  const search = filters.search.trim();
  return {
    filter: {
      acceptingApplications: filters.includeClosed ? null : true,
      search: search || null,
      skillAreaIds: filters.skillAreaId ? [filters.skillAreaId] : null,
      provinces: filters.province ? [filters.province] : null,
      startsOnOrAfter: filters.startsFrom,
      startsOnOrBefore: filters.startsUntil,
    },
    orderBy: orderBy[filters.sort],
  };
}
