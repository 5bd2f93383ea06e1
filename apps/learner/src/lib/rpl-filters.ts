import { findProvince } from '@kmg/domain';

// The programme list keeps its filters in the address like the call list: back/forward, reloads
// and shared links show the same list; anything unreadable in a hand-edited link is dropped.

export const rplDegrees = ['D3', 'D4', 'S1', 'S2'] as const;
export type RplDegree = (typeof rplDegrees)[number];
export const studyModes = ['ON_CAMPUS', 'ONLINE', 'HYBRID'] as const;
export type StudyMode = (typeof studyModes)[number];

export type ProgrammeFilters = {
  search: string;
  /** Province code (Kemendagri) of the university. */
  province: string | null;
  degree: RplDegree | null;
  mode: StudyMode | null;
};

export const emptyProgrammeFilters: ProgrammeFilters = {
  search: '',
  province: null,
  degree: null,
  mode: null,
};

const params = { search: 'q', province: 'provinsi', degree: 'jenjang', mode: 'cara' } as const;
const modeParams: Record<StudyMode, string> = {
  ON_CAMPUS: 'tatap-muka',
  ONLINE: 'daring',
  HYBRID: 'campuran',
};

export function readProgrammeFilters(search: URLSearchParams): ProgrammeFilters {
  const province = search.get(params.province);
  const degree = search.get(params.degree)?.toUpperCase();
  const mode = search.get(params.mode);
  return {
    search: search.get(params.search)?.trim().slice(0, 200) ?? '',
    province: province && findProvince(province) ? province : null,
    degree: rplDegrees.find((value) => value === degree) ?? null,
    mode: studyModes.find((value) => modeParams[value] === mode) ?? null,
  };
}

/** Only the filters in force go into the address, so the plain list has a plain link. */
export function writeProgrammeFilters(filters: ProgrammeFilters): URLSearchParams {
  const search = new URLSearchParams();
  const text = filters.search.trim();
  if (text) search.set(params.search, text);
  if (filters.province) search.set(params.province, filters.province);
  if (filters.degree) search.set(params.degree, filters.degree.toLowerCase());
  if (filters.mode) search.set(params.mode, modeParams[filters.mode]);
  return search;
}

/** How many narrowing filters are on (the search box shows its own). */
export function countProgrammeFilters(filters: ProgrammeFilters): number {
  return [filters.province, filters.degree, filters.mode].filter(Boolean).length;
}

/** The `studyProgrammes` arguments for these filters. */
export function toProgrammeQuery(filters: ProgrammeFilters) {
  return {
    search: filters.search.trim() || null,
    province: filters.province,
    degree: filters.degree,
    mode: filters.mode,
  };
}
