// Addresses of the RPL pages, for links from anywhere (cards, notices, after a mutation).

export const rplProgrammesPath = '/rpl';

/** The teacher's RPL applications. */
export const rplApplicationsPath = '/rpl/pengajuan';

/** One RPL application's page (its global id). */
export function rplApplicationPath(applicationId: string): string {
  return `${rplApplicationsPath}/${encodeURIComponent(applicationId)}`;
}

/** A study programme's RPL page (its global id). */
export function rplProgrammePath(programmeId: string): string {
  return `/rpl/prodi/${encodeURIComponent(programmeId)}`;
}

/** Where on an application's page each part of the university's answer is (element ids). */
export const rplApplicationSections = {
  returned: 'kekurangan',
  result: 'hasil',
  appeal: 'banding',
} as const;

/** The public page of an RPL decree (SK, surat keputusan) where anyone checks it. */
export function rplDecreePath(decreeId: string): string {
  return `/verify/sk/${encodeURIComponent(decreeId)}`;
}

/**
 * A KMG verification address, absolute as a signed file carries it or already a path, as the path
 * of the page in this app; null for any other address.
 */
export function verifyPathOf(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url, 'http://kmg.invalid')) return null;
  const { pathname } = new URL(url, 'http://kmg.invalid');
  return /^\/verify\/[^/]/.test(pathname) ? pathname : null;
}
