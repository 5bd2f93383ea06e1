import type { SubjectType } from '@kmg/db';

/** What an audit event or a notice is about: a record of any kind (an application, a credential...). */
export type Subject = { type: SubjectType; id: string };

/** The stored subject of an entry: the one it names, else its application, else its call. */
export function subjectColumns(entry: {
  subject?: Subject | null;
  applicationId?: string | null;
  callId?: string | null;
}): { subjectType: SubjectType | null; subjectId: string | null } {
  const subject: Subject | null =
    entry.subject ??
    (entry.applicationId
      ? { type: 'APPLICATION', id: entry.applicationId }
      : entry.callId
        ? { type: 'CALL', id: entry.callId }
        : null);
  return { subjectType: subject?.type ?? null, subjectId: subject?.id ?? null };
}
