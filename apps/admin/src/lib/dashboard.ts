// The dashboard's filters in the URL (`?tahun=2025&bidang=<id>&provinsi=33&penyelenggara=<id>`), so
// a view can be shared, and the export links that carry the same filters to the API.
import type { Locale } from '@kmg/domain';

export type DashboardSearch = {
  year: number | null;
  skillAreaId: string | null;
  province: string | null;
  providerId: string | null;
};

const keys = {
  year: 'tahun',
  skillAreaId: 'bidang',
  province: 'provinsi',
  providerId: 'penyelenggara',
} as const;

export function readDashboardSearch(params: URLSearchParams): DashboardSearch {
  const year = Number(params.get(keys.year));
  return {
    year: Number.isInteger(year) && year > 0 ? year : null,
    skillAreaId: params.get(keys.skillAreaId) || null,
    province: params.get(keys.province) || null,
    providerId: params.get(keys.providerId) || null,
  };
}

export function writeDashboardSearch(search: DashboardSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.year) params.set(keys.year, String(search.year));
  if (search.skillAreaId) params.set(keys.skillAreaId, search.skillAreaId);
  if (search.province) params.set(keys.province, search.province);
  if (search.providerId) params.set(keys.providerId, search.providerId);
  return params;
}

/** `/api/dashboard.csv|xlsx` with the page's filters and language; `table` picks one table. */
export function dashboardDownloadUrl({
  format,
  table,
  search,
  locale,
}: {
  format: 'csv' | 'xlsx';
  table: string | null;
  search: DashboardSearch;
  locale: Locale;
}): string {
  const params = new URLSearchParams();
  if (search.year) params.set('year', String(search.year));
  if (search.skillAreaId) params.set('skillArea', search.skillAreaId);
  if (search.province) params.set('province', search.province);
  if (search.providerId) params.set('provider', search.providerId);
  if (table) params.set('table', table);
  if (locale === 'en') params.set('lang', 'en');
  const query = params.toString();
  return `/api/dashboard.${format}${query ? `?${query}` : ''}`;
}

export type Cell = string | number | null;

/** A table's rows as the API sends them (JSON); anything unreadable is no rows. */
export function parseRows(json: string): Cell[][] {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed.filter(Array.isArray) as Cell[][]) : [];
  } catch {
    return [];
  }
}
