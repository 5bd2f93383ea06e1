import { addDays, daysBetween, type LocalDate, localDateAt } from '#dates.ts';
import type { Locale } from '#messages.ts';
import { rplTimeZone } from '#rpl-review/appeals.ts';
import type { RplCaseStatus } from '#rpl-review/case-machine.ts';

/** A step the university works against a target; `wholeCase` runs from submission to the decree. */
export type CaseStep =
  | 'administrativeCheck'
  | 'assessment'
  | 'committee'
  | 'validation'
  | 'decree'
  | 'appealDecision'
  | 'wholeCase';

/** Target days per step (calendar or working days, as the university counts; Jakarta calendar). */
export type DeadlineTargets = Record<CaseStep, number>;

/** The two-week turnaround of issue 11; `appealDecision` is ours (the committee's own pace). */
export const defaultDeadlineTargets: DeadlineTargets = {
  administrativeCheck: 3,
  assessment: 7,
  committee: 3,
  validation: 2,
  decree: 2,
  appealDecision: 3,
  wholeCase: 14,
};

export const caseStepLabels: Record<CaseStep, Record<Locale, string>> = {
  administrativeCheck: { id: 'Pemeriksaan kelengkapan', en: 'Completeness check' },
  assessment: { id: 'Asesmen', en: 'Assessment' },
  committee: { id: 'Keputusan tim RPL', en: 'Committee decision' },
  validation: { id: 'Validasi', en: 'Validation' },
  decree: { id: 'Penerbitan surat keputusan', en: 'Decree' },
  appealDecision: { id: 'Keputusan banding', en: 'Appeal decision' },
  wholeCase: { id: 'Seluruh proses', en: 'Whole case' },
};

/** The step each status waits on; statuses absent here wait on nobody at the university. */
const stepOfStatus: Partial<Record<RplCaseStatus, CaseStep>> = {
  SUBMITTED: 'administrativeCheck',
  IN_ASSESSMENT: 'assessment',
  AWAITING_COMMITTEE: 'committee',
  AWAITING_VALIDATION: 'validation',
  APPROVED: 'decree',
  APPEALED: 'appealDecision',
};

/** Statuses in which the turnaround clock runs: from submission to the decree, minus the teacher's time. */
const wholeCaseRunning: readonly RplCaseStatus[] = [
  'SUBMITTED',
  'IN_ASSESSMENT',
  'AWAITING_COMMITTEE',
  'AWAITING_VALIDATION',
  'APPROVED',
];

export type StatusChange = { status: RplCaseStatus; at: Date };

export type StepReminder = { kind: 'BEFORE_DUE'; daysBefore: number } | { kind: 'OVERDUE' };

export type StepDeadline = {
  step: CaseStep;
  startedOn: LocalDate;
  /** The step is on time through the end of this day (Jakarta). */
  dueOn: LocalDate;
  /**
   * Days (as counted) from today to the due date: 0 on it, negative once overdue. Working days
   * after the due date count from -1, so a weekend after a Friday deadline is already overdue.
   */
  daysLeft: number;
  isOverdue: boolean;
  /** The reminder whose day has come, or null. */
  reminder: StepReminder | null;
  /** One per step run and reminder: the outbox sends each key once, so a missed day is caught up. */
  reminderKey: string | null;
};

/**
 * Open deadlines of a case from its history (any order) and `now`: the current step's, and the
 * whole case's while it runs. A step starts on the day the case last entered its status; the
 * whole case starts on the first submission and stops while the case is back with the teacher
 * (EVIDENCE_REQUESTED), its due date moving by those days. Reminders fall `reminderDaysBefore`
 * days before the due date (default the day before and the day itself), then once when overdue;
 * the latest one whose day has come is reported. With `workingDays`, targets, pauses and reminders
 * count Monday to Friday minus the given holidays (libur nasional, cuti bersama).
 */
export function computeCaseDeadlines(input: {
  history: readonly StatusChange[];
  now: Date;
  targets?: Partial<DeadlineTargets>;
  reminderDaysBefore?: readonly number[];
  workingDays?: { holidays: readonly LocalDate[] };
}): StepDeadline[] {
  const { add, between } = dayCounter(input.workingDays);
  const targets = { ...defaultDeadlineTargets, ...input.targets };
  const offsets = [...(input.reminderDaysBefore ?? [1, 0])].sort((a, b) => a - b);
  const history = [...input.history].sort((a, b) => a.at.getTime() - b.at.getTime());
  const current = history.at(-1);
  if (!current) return [];
  const today = localDateAt(input.now, rplTimeZone);
  const dayOf = (at: Date) => localDateAt(at, rplTimeZone);

  const deadline = (step: CaseStep, startedAt: Date, dueOn: LocalDate): StepDeadline => {
    const isOverdue = today > dueOn;
    const daysLeft = isOverdue ? Math.min(-1, between(today, dueOn)) : between(today, dueOn);
    let reminder: StepReminder | null = null;
    if (isOverdue) reminder = { kind: 'OVERDUE' };
    else {
      const daysBefore = offsets.find((offset) => offset >= daysLeft);
      if (daysBefore !== undefined) reminder = { kind: 'BEFORE_DUE', daysBefore };
    }
    const suffix = reminder?.kind === 'OVERDUE' ? 'overdue' : `before-${reminder?.daysBefore}`;
    return {
      step,
      startedOn: dayOf(startedAt),
      dueOn,
      daysLeft,
      isOverdue,
      reminder,
      reminderKey: reminder ? `${step}:${startedAt.toISOString()}:${suffix}` : null,
    };
  };

  const deadlines: StepDeadline[] = [];
  const step = stepOfStatus[current.status];
  if (step) deadlines.push(deadline(step, current.at, add(dayOf(current.at), targets[step])));

  const firstSubmission = history.find((change) => change.status === 'SUBMITTED');
  if (firstSubmission && wholeCaseRunning.includes(current.status)) {
    let pausedDays = 0;
    history.forEach((change, index) => {
      const next = history[index + 1];
      if (change.status === 'EVIDENCE_REQUESTED' && next) {
        pausedDays += between(dayOf(change.at), dayOf(next.at));
      }
    });
    const dueOn = add(dayOf(firstSubmission.at), targets.wholeCase + pausedDays);
    deadlines.push(deadline('wholeCase', firstSubmission.at, dueOn));
  }
  return deadlines;
}

/**
 * Adding and counting days: calendar days, or working days (a Saturday start counts from Monday;
 * `between(a, b)` counts the working days after `a` through `b`, negative when `b` is earlier).
 */
function dayCounter(workingDays: { holidays: readonly LocalDate[] } | undefined): {
  add: (date: LocalDate, days: number) => LocalDate;
  between: (from: LocalDate, to: LocalDate) => number;
} {
  if (!workingDays) return { add: addDays, between: daysBetween };
  const holidays = new Set(workingDays.holidays);
  const isWorkingDay = (date: LocalDate) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !holidays.has(date);
  };
  const countAfter = (from: LocalDate, to: LocalDate) => {
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count++;
    return count;
  };
  return {
    add(date, days) {
      let result = date;
      for (let left = days; left > 0; ) {
        result = addDays(result, 1);
        if (isWorkingDay(result)) left--;
      }
      return result;
    },
    between: (from, to) => (to >= from ? countAfter(from, to) : -countAfter(to, from)),
  };
}
