import { rplApplicationPath, rplApplicationSections, rplApplicationsPath } from '#lib/rpl-links.ts';

/** What a notice needs to say where it leads. */
export type NoticeLink = {
  kind: string;
  application: {
    id: string;
    status: string;
    call: { id: string };
    teacher: { id: string };
  } | null;
  rplApplication?: { id: string } | null;
};

/**
 * Where tapping a notice goes: news of a teacher's credential (issued, revoked, suspended,
 * reinstated) opens their wallet; a teacher's own application is shown on its call; an application
 * from the principal's school is shown in "Sekolah saya", in the tab that holds it now. Notices
 * about no application lead nowhere. RPL notices open that RPL application, at the part they are
 * about (what is missing, the result, the appeal), else (no longer visible) the RPL applications.
 * Dissemination notices lead to the principal's tab of reports, or to the teacher's own list.
 */
export function notificationTarget(notice: NoticeLink, viewerId: string): string | null {
  if (notice.kind.startsWith('RPL_')) {
    if (!notice.rplApplication) return rplApplicationsPath;
    const section = rplNoticeSections[notice.kind];
    return `${rplApplicationPath(notice.rplApplication.id)}${section ? `#${section}` : ''}`;
  }
  // Dissemination: the principal verifies on "Sekolah saya"; the teacher reads hers on her page.
  if (notice.kind === 'DISSEMINATION_SUBMITTED') return '/sekolah?tampil=pengimbasan';
  if (notice.kind.startsWith('DISSEMINATION_')) return '/pengimbasan';
  const { application } = notice;
  if (!application) return null;
  if (notice.kind.startsWith('CREDENTIAL_') && application.teacher.id === viewerId) return '/kredensial';
  if (application.teacher.id === viewerId)
    return `/pelatihan/${encodeURIComponent(application.call.id)}#daftar`;
  const tab = application.status === 'SUBMITTED' ? '' : '?tampil=diputuskan';
  return `/sekolah${tab}#${schoolCardId(application.id)}`;
}

/** The part of the RPL application page each teacher's notice is about. */
const rplNoticeSections: Record<string, string> = {
  RPL_EVIDENCE_REQUESTED: rplApplicationSections.returned,
  RPL_DECREED: rplApplicationSections.result,
  RPL_APPEAL_DECIDED: rplApplicationSections.appeal,
};

/** The element id of an application's card in "Sekolah saya", for links to it. */
export function schoolCardId(applicationId: string): string {
  return `pendaftaran-${applicationId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}
