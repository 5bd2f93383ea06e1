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
