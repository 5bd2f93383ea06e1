// Corrections after approval: provider staff propose changes to one participant's attendance or
// unit decisions with a reason; the program manager approves (the change is applied and the
// credential reissued) or rejects. Rules from @kmg/domain (`amendmentSchema`).
import {
  amendmentSchema,
  type Completion,
  evaluateCompletion,
  type Locale,
  toFieldIssues,
  translateError,
} from '@kmg/domain';
import type { UnitDecision } from '#lib/assessment-form.ts';

export const AMENDMENT_REASON_MIN = 10;
export const AMENDMENT_REASON_MAX = 2000;

export type AmendmentChange = {
  attendance: { dayId: string; present: boolean }[];
  decisions: { unitId: string; decision: UnitDecision }[];
};

/** The change as the API stores it (`ResultAmendment.change`, JSON); anything unreadable is empty. */
export function parseAmendmentChange(json: string): AmendmentChange {
  try {
    const value = JSON.parse(json) as Partial<AmendmentChange> | null;
    return {
      attendance: Array.isArray(value?.attendance) ? value.attendance : [],
      decisions: Array.isArray(value?.decisions) ? value.decisions : [],
    };
  } catch {
    return { attendance: [], decisions: [] };
  }
}

export type ChangeLine =
  | { kind: 'attendance'; date: string | null; present: boolean }
  | { kind: 'decision'; code: string | null; decision: UnitDecision };

/** The change line by line, with each day's date and each unit's code (in the call's order). */
export function describeAmendmentChange(
  change: AmendmentChange,
  days: readonly { id: string; date: string }[],
  units: readonly { id: string; code: string }[],
): ChangeLine[] {
  const dayIndex = (id: string) => days.findIndex((day) => day.id === id);
  const unitIndex = (id: string) => units.findIndex((unit) => unit.id === id);
  return [
    ...[...change.attendance]
      .sort((a, b) => dayIndex(a.dayId) - dayIndex(b.dayId))
      .map((row) => ({
        kind: 'attendance' as const,
        date: days.find((day) => day.id === row.dayId)?.date ?? null,
        present: row.present,
      })),
    ...[...change.decisions]
      .sort((a, b) => unitIndex(a.unitId) - unitIndex(b.unitId))
      .map((row) => ({
        kind: 'decision' as const,
        code: units.find((unit) => unit.id === row.unitId)?.code ?? null,
        decision: row.decision,
      })),
  ];
}

export type AttendanceChoice = 'keep' | 'present' | 'absent';
export type DecisionChoice = 'keep' | UnitDecision;

export type AmendmentFormValues = {
  reason: string;
  /** By day id. */
  attendance: Record<string, AttendanceChoice>;
  /** By unit id. */
  decisions: Record<string, DecisionChoice>;
};

export const emptyAmendmentForm: AmendmentFormValues = { reason: '', attendance: {}, decisions: {} };

/** `AmendmentInput`: the reason and only what changes. */
export function toAmendmentInput(values: AmendmentFormValues): { reason: string } & AmendmentChange {
  return {
    reason: values.reason.trim(),
    attendance: Object.entries(values.attendance)
      .filter(([, choice]) => choice !== 'keep')
      .map(([dayId, choice]) => ({ dayId, present: choice === 'present' })),
    decisions: Object.entries(values.decisions).flatMap(([unitId, choice]) =>
      choice === 'keep' ? [] : [{ unitId, decision: choice }],
    ),
  };
}

/** The reason's rule is the API's own (`amendmentSchema`); an empty one reads "required". */
export function validateAmendment(values: AmendmentFormValues, locale: Locale): Record<string, string> {
  if (values.reason.trim() === '') return { reason: translateError('REQUIRED', locale) };
  const parsed = amendmentSchema.shape.reason.safeParse(values.reason);
  const [issue] = parsed.success ? [] : toFieldIssues(parsed.error.issues);
  return issue ? { reason: translateError(issue.code, locale, issue.params) } : {};
}

/** What the participant's result would be with the change applied (the API decides on approval). */
export function completionAfter(
  record: {
    attendance: readonly { dayId: string; present: boolean }[];
    assessments: readonly { unitId: string; decision: UnitDecision }[];
  },
  change: AmendmentChange,
  rules: {
    dayIds: readonly string[];
    unitIds: readonly string[];
    minAttendancePercent: number;
    assessmentKind: 'TRAINING' | 'COMPETENCY';
  },
): Completion {
  const attendance = new Map(record.attendance.map((row) => [row.dayId, row.present]));
  for (const row of change.attendance) attendance.set(row.dayId, row.present);
  const decisions = new Map(record.assessments.map((row) => [row.unitId, row.decision]));
  for (const row of change.decisions) decisions.set(row.unitId, row.decision);
  return evaluateCompletion({ attendance, decisions }, rules);
}
