// Where a call stands for a teacher, apart from the manager's checks (`call-checks.ts`): the call
// list's badge needs this and none of their rules.
import type { ApplicationStatus } from '#applications.ts';
import type { CallStatus } from '#calls.ts';
import type { Locale } from '#locale.ts';

/**
 * Where a call stands for a teacher, from its status and its application window: one word for the
 * list, the call page and "Pendaftaran saya", so none contradicts another ("Dibuka" beside "not
 * taking applications").
 */
export const teacherCallPhases = [
  'OPENS_SOON',
  'ACCEPTING',
  'APPLICATIONS_CLOSED',
  'SEAT_HELD',
  'IN_TRAINING',
  'COMPLETED',
  'CANCELLED',
] as const;
export type TeacherCallPhase = (typeof teacherCallPhases)[number];

export const teacherCallPhaseLabels: Record<TeacherCallPhase, Record<Locale, string>> = {
  OPENS_SOON: { id: 'Pendaftaran segera dibuka', en: 'Applications open soon' },
  ACCEPTING: { id: 'Menerima pendaftaran', en: 'Taking applications' },
  APPLICATIONS_CLOSED: { id: 'Pendaftaran ditutup', en: 'Applications closed' },
  SEAT_HELD: { id: 'Pelatihan akan datang', en: 'Upcoming training' },
  IN_TRAINING: { id: 'Pelatihan berjalan', en: 'Training under way' },
  COMPLETED: { id: 'Pelatihan selesai', en: 'Training completed' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
};

/** The badge colour of each phase: only a cancelled call is red; no phase is a warning. */
export const teacherCallPhaseColors: Record<TeacherCallPhase, string> = {
  OPENS_SOON: 'blue',
  ACCEPTING: 'green',
  APPLICATIONS_CLOSED: 'gray',
  SEAT_HELD: 'green',
  IN_TRAINING: 'blue',
  COMPLETED: 'gray',
  CANCELLED: 'red',
};

export function teacherCallPhase(
  call: { status: CallStatus; applicationOpensAt: Date | string; applicationClosesAt: Date | string },
  now: Date,
  applicationStatus?: ApplicationStatus | null,
): TeacherCallPhase {
  switch (call.status) {
    case 'CANCELLED':
      return 'CANCELLED';
    case 'COMPLETED':
      return 'COMPLETED';
    case 'IN_TRAINING':
      return 'IN_TRAINING';
    default: {
      if (applicationStatus === 'ACCEPTED' || applicationStatus === 'CONFIRMED') return 'SEAT_HELD';
      if (call.status !== 'OPEN') return 'APPLICATIONS_CLOSED';
      if (now < new Date(call.applicationOpensAt)) return 'OPENS_SOON';
      if (now >= new Date(call.applicationClosesAt)) return 'APPLICATIONS_CLOSED';
      return 'ACCEPTING';
    }
  }
}
