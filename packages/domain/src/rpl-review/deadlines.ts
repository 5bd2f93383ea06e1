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

/** Target days per step (calendar days, Jakarta calendar). */
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
  /** 0 on the due date, negative once overdue. */
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
 * the latest one whose day has come is reported.
 */
export function computeCaseDeadlines(input: {
  history: readonly StatusChange[];
  now: Date;
  targets?: Partial<DeadlineTargets>;
  reminderDaysBefore?: readonly number[];
}): StepDeadline[] {
  const targets = { ...defaultDeadlineTargets, ...input.targets };
  const offsets = [...(input.reminderDaysBefore ?? [1, 0])].sort((a, b) => a - b);
  const history = [...input.history].sort((a, b) => a.at.getTime() - b.at.getTime());
  const current = history.at(-1);
  if (!current) return [];
  const today = localDateAt(input.now, rplTimeZone);
  const dayOf = (at: Date) => localDateAt(at, rplTimeZone);

  const deadline = (step: CaseStep, startedAt: Date, dueOn: LocalDate): StepDeadline => {
    const daysLeft = daysBetween(today, dueOn);
    let reminder: StepReminder | null = null;
    if (daysLeft < 0) reminder = { kind: 'OVERDUE' };
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
      isOverdue: daysLeft < 0,
      reminder,
      reminderKey: reminder ? `${step}:${startedAt.toISOString()}:${suffix}` : null,
    };
  };

  const deadlines: StepDeadline[] = [];
  const step = stepOfStatus[current.status];
  if (step) deadlines.push(deadline(step, current.at, addDays(dayOf(current.at), targets[step])));

  const firstSubmission = history.find((change) => change.status === 'SUBMITTED');
  if (firstSubmission && wholeCaseRunning.includes(current.status)) {
    let pausedDays = 0;
    history.forEach((change, index) => {
      const next = history[index + 1];
      if (change.status === 'EVIDENCE_REQUESTED' && next) {
        pausedDays += daysBetween(dayOf(change.at), dayOf(next.at));
      }
    });
    const dueOn = addDays(dayOf(firstSubmission.at), targets.wholeCase + pausedDays);
    deadlines.push(deadline('wholeCase', firstSubmission.at, dueOn));
  }
  return deadlines;
}
