import { z } from 'zod';
import { isLocalDate, type LocalDate } from '#dates.ts';
import type { Locale, MessageParams } from '#messages.ts';
import { defineStateMachine } from '#state-machine.ts';
import { textSchema } from '#validation.ts';

// Dissemination (pengimbasan): what a teacher did to pass a completed training on to fellow
// teachers and students, verified by the principal of their school.

export const disseminationKinds = [
  'SCHOOL_WORKSHOP',
  'TEACHER_FORUM',
  'TEACHING_MODULE',
  'STUDENT_PRACTICE',
  'INDUSTRY_CLASS',
  'CONTENT_PUBLISHED',
] as const;
export type DisseminationKind = (typeof disseminationKinds)[number];

export const disseminationKindLabels: Record<DisseminationKind, Record<Locale, string>> = {
  SCHOOL_WORKSHOP: { id: 'Workshop/IHT guru di sekolah', en: 'In-school workshop for teachers' },
  TEACHER_FORUM: { id: 'Sesi MGMP / forum guru', en: 'MGMP / teacher forum session' },
  TEACHING_MODULE: { id: 'Modul ajar / RPP disusun', en: 'Teaching module or lesson plan' },
  STUDENT_PRACTICE: { id: 'Proyek / praktik siswa', en: 'Student project or practice' },
  INDUSTRY_CLASS: { id: 'Kelas industri', en: 'Industry class' },
  CONTENT_PUBLISHED: { id: 'Konten dipublikasikan', en: 'Content published' },
};

export const disseminationStatuses = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED'] as const;
export type DisseminationStatus = (typeof disseminationStatuses)[number];

export const disseminationStatusLabels: Record<DisseminationStatus, Record<Locale, string>> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  SUBMITTED: { id: 'Diajukan', en: 'Submitted' },
  VERIFIED: { id: 'Terverifikasi', en: 'Verified' },
  RETURNED: { id: 'Dikembalikan', en: 'Returned' },
};

export type DisseminationAction = 'submit' | 'verify' | 'return';

/**
 * The teacher submits a draft (or a returned report, after editing it); the principal verifies it
 * or returns it with a note. A verified report is final.
 */
export const disseminationMachine = defineStateMachine<DisseminationStatus, DisseminationAction>({
  initial: 'DRAFT',
  transitions: {
    submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
    verify: { from: ['SUBMITTED'], to: 'VERIFIED' },
    return: { from: ['SUBMITTED'], to: 'RETURNED' },
  },
  refusal: {
    code: 'INVALID_DISSEMINATION_TRANSITION',
    statusLabels: disseminationStatusLabels,
    actionLabels: {
      submit: { id: 'diajukan', en: 'submitted' },
      verify: { id: 'diverifikasi', en: 'verified' },
      return: { id: 'dikembalikan', en: 'returned' },
    },
  },
});

/** The teacher changes a report (fields and files) while it is with them: a draft or returned. */
export const disseminationEditableStatuses: readonly DisseminationStatus[] = ['DRAFT', 'RETURNED'];

/** Why the report cannot be changed now, or null when it can. */
export function disseminationEditRefusal(
  status: DisseminationStatus,
): { code: 'INVALID_DISSEMINATION_TRANSITION'; params: MessageParams } | null {
  if (disseminationEditableStatuses.includes(status)) return null;
  return {
    code: 'INVALID_DISSEMINATION_TRANSITION',
    params: { status: disseminationStatusLabels[status], action: { id: 'diubah', en: 'changed' } },
  };
}

const count = z.number().int().min(0).max(100_000);

/** What the teacher types; the same rules in the app's form and the API. */
export const disseminationReportSchema = z.object({
  kind: z.enum(disseminationKinds),
  heldOn: textSchema.refine(isLocalDate, 'INVALID_DATE'),
  place: textSchema.trim().min(3).max(300),
  description: textSchema.trim().min(10).max(2000),
  teachersReached: count,
  studentsReached: count,
  schoolsReached: count,
});
export type DisseminationReportInput = z.infer<typeof disseminationReportSchema>;

/** Returning a report needs a note the teacher will act on. */
export const disseminationReturnNoteSchema = textSchema.trim().min(10).max(1000);

/**
 * What a report must hold before it goes to the principal, besides its fields: an activity that
 * has happened (not after `today`, not before the training started) and reached someone.
 */
export function checkDisseminationSubmission({
  heldOn,
  today,
  trainingStart,
  teachersReached,
  studentsReached,
}: {
  heldOn: LocalDate;
  today: LocalDate;
  trainingStart: LocalDate;
  teachersReached: number;
  studentsReached: number;
}):
  | { kind: 'ok' }
  | {
      kind: 'refused';
      code: 'DISSEMINATION_DATE_IN_FUTURE' | 'DISSEMINATION_BEFORE_TRAINING' | 'DISSEMINATION_NO_AUDIENCE';
    } {
  if (heldOn > today) return { kind: 'refused', code: 'DISSEMINATION_DATE_IN_FUTURE' };
  if (heldOn < trainingStart) return { kind: 'refused', code: 'DISSEMINATION_BEFORE_TRAINING' };
  if (teachersReached + studentsReached === 0) return { kind: 'refused', code: 'DISSEMINATION_NO_AUDIENCE' };
  return { kind: 'ok' };
}

/** The programme's expectation: `minActivities` verified activities within `withinMonths`. */
export type DisseminationExpectation = { minActivities: number; withinMonths: number };

/** A date `months` calendar months after `date`, clamped to the month's last day (31 Aug + 6 = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** The bounds the database's CHECK holds too. */
export const disseminationExpectationSchema = z.object({
  minActivities: z.number().int().min(0).max(50),
  withinMonths: z.number().int().min(1).max(60),
});

/** Days before the deadline on which a teacher still short of the expectation is reminded. */
export const disseminationReminderDays = [30, 7] as const;

export type DisseminationProgress = {
  required: number;
  /** Verified activities held by the deadline. */
  verified: number;
  /** Submitted, waiting for the principal. */
  pending: number;
  /** The last day an activity counts (the training's last day plus the months). */
  deadline: LocalDate;
  state: 'none-expected' | 'met' | 'on-track' | 'due-soon' | 'missed';
  daysLeft: number;
};

/**
 * Where a teacher stands against the programme's expectation for one training. Only verified
 * activities held on or before the deadline count; "due soon" is within the first reminder window.
 */
export function evaluateDisseminationProgress({
  expectation,
  trainingEnd,
  today,
  reports,
}: {
  expectation: DisseminationExpectation;
  trainingEnd: LocalDate;
  today: LocalDate;
  reports: readonly { status: DisseminationStatus; heldOn: LocalDate }[];
}): DisseminationProgress {
  const deadline = addMonths(trainingEnd, expectation.withinMonths);
  const counted = reports.filter((report) => report.heldOn <= deadline);
  const verified = counted.filter((report) => report.status === 'VERIFIED').length;
  const pending = counted.filter((report) => report.status === 'SUBMITTED').length;
  const daysLeft = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
  const required = expectation.minActivities;
  const state =
    required === 0
      ? 'none-expected'
      : verified >= required
        ? 'met'
        : daysLeft < 0
          ? 'missed'
          : daysLeft <= disseminationReminderDays[0]
            ? 'due-soon'
            : 'on-track';
  return { required, verified, pending, deadline, state, daysLeft };
}

/**
 * The reminder due today for a teacher short of the expectation, or null: the smallest window
 * (30 or 7 days before the deadline) `today` falls in. Its key makes each one sent once, even when
 * the sweep runs late or twice.
 */
export function dueDisseminationReminder(
  progress: DisseminationProgress,
): { key: string; daysBefore: number } | null {
  if (progress.state !== 'due-soon') return null;
  const window = [...disseminationReminderDays]
    .sort((a, b) => a - b)
    .find((days) => progress.daysLeft <= days);
  if (window === undefined) return null;
  return { key: `deadline-${progress.deadline}-${window}d`, daysBefore: window };
}
