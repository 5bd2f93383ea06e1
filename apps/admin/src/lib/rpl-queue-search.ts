// The RPL queue's state lives in the URL (view, programme, intake, step, overdue), so a view can
// be bookmarked and shared with a colleague ("the overdue cases of S1 PTM").
import { type RplCaseStatus, rplCaseStatuses } from '@kmg/domain';

export const rplQueueViews = ['MINE', 'UNASSIGNED', 'OPEN', 'CLOSED'] as const;
export type RplQueueView = (typeof rplQueueViews)[number];

/** The views as the URL spells them (Bahasa Indonesia, like the console's other paths). */
const viewSlugs: Record<RplQueueView, string> = {
  MINE: 'saya',
  UNASSIGNED: 'belum-ditugaskan',
  OPEN: 'terbuka',
  CLOSED: 'selesai',
};

/** Statuses each view can hold, for the step filter: the open ones, or the closed ones. */
export const openCaseStatuses: readonly RplCaseStatus[] = [
  'SUBMITTED',
  'EVIDENCE_REQUESTED',
  'IN_ASSESSMENT',
  'AWAITING_COMMITTEE',
  'AWAITING_VALIDATION',
  'APPROVED',
  'APPEALED',
];
export const closedCaseStatuses: readonly RplCaseStatus[] = ['DECIDED', 'WITHDRAWN'];

export function statusesOfView(view: RplQueueView): readonly RplCaseStatus[] {
  if (view === 'CLOSED') return closedCaseStatuses;
  // Unassigned cases are in assessment by definition.
  if (view === 'UNASSIGNED') return ['IN_ASSESSMENT'];
  return openCaseStatuses;
}

export type RplQueueSearch = {
  view: RplQueueView;
  programmeId: string | null;
  intakeId: string | null;
  status: RplCaseStatus | null;
  overdue: boolean;
};

export const defaultRplQueueSearch: RplQueueSearch = {
  view: 'MINE',
  programmeId: null,
  intakeId: null,
  status: null,
  overdue: false,
};

export function readRplQueueSearch(params: URLSearchParams): RplQueueSearch {
  const slug = params.get('tampilan');
  const view = rplQueueViews.find((candidate) => viewSlugs[candidate] === slug) ?? 'MINE';
  const status = rplCaseStatuses.find((candidate) => candidate === params.get('status')) ?? null;
  return {
    view,
    programmeId: params.get('prodi') || null,
    // An intake belongs to a programme: without the programme it is not read.
    intakeId: (params.get('prodi') && params.get('gelombang')) || null,
    // A step the view cannot hold (a closed status among open cases) is dropped.
    status: status && statusesOfView(view).includes(status) ? status : null,
    overdue: params.get('terlambat') === '1' && view !== 'CLOSED',
  };
}

export function writeRplQueueSearch(search: RplQueueSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.view !== 'MINE') params.set('tampilan', viewSlugs[search.view]);
  if (search.programmeId) {
    params.set('prodi', search.programmeId);
    if (search.intakeId) params.set('gelombang', search.intakeId);
  }
  if (search.status && statusesOfView(search.view).includes(search.status))
    params.set('status', search.status);
  if (search.overdue && search.view !== 'CLOSED') params.set('terlambat', '1');
  return params;
}

/** The query's variables (the API's own names). */
export function rplQueueVariables(search: RplQueueSearch) {
  return {
    view: search.view,
    programmeId: search.programmeId,
    intakeId: search.intakeId,
    status: search.status,
    overdue: search.overdue || null,
  };
}

/** Whether any filter narrows the view (the empty state then offers to clear them). */
export function isFiltered(search: RplQueueSearch): boolean {
  return Boolean(search.programmeId || search.intakeId || search.status || search.overdue);
}
