import { addDays, type LocalDate } from '#dates.ts';
import type { ErrorCode, MessageParams } from '#messages.ts';

export type AssessmentKind = 'TRAINING' | 'COMPETENCY';
export type UnitDecision = 'KOMPETEN' | 'BELUM_KOMPETEN';

/** The days a training is expected to run: every date from start to end except Sundays. */
export function defaultTrainingDays(startDate: LocalDate, endDate: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let date = startDate; date <= endDate; date = addDays(date, 1)) {
    if (new Date(`${date}T00:00:00Z`).getUTCDay() !== 0) days.push(date);
  }
  return days.length > 0 ? days : [startDate];
}

/** 1 SKS is 45 hours of learning (Permendikbudristek 53/2023): the workload figure, not a recognition. */
export function sksByWorkload(hours: number): number {
  return Math.round((hours / 45) * 100) / 100;
}

export type ParticipantRecord = {
  /** Days with attendance recorded, present or not. */
  attendance: ReadonlyMap<string, boolean>;
  /** Decisions by competency unit id. */
  decisions: ReadonlyMap<string, UnitDecision>;
};

export type CompletionRules = {
  dayIds: readonly string[];
  unitIds: readonly string[];
  minAttendancePercent: number;
  assessmentKind: AssessmentKind;
};

export type Completion = {
  attendancePercent: number;
  /** Everything recorded: every day has attendance and, for competency calls, every unit a decision. */
  complete: boolean;
  passed: boolean;
  reasons: { code: ErrorCode; params?: MessageParams }[];
};

/**
 * Whether a participant earns the call's credential. Training calls: attendance at or above the
 * call's minimum. Competency calls: that, and Kompeten on every SKKNI unit (a Belum Kompeten unit
 * means the micro-credential is not awarded yet).
 */
export function evaluateCompletion(record: ParticipantRecord, rules: CompletionRules): Completion {
  const recordedDays = rules.dayIds.filter((day) => record.attendance.has(day));
  const presentDays = rules.dayIds.filter((day) => record.attendance.get(day) === true).length;
  const attendancePercent =
    rules.dayIds.length === 0 ? 0 : Math.round((presentDays / rules.dayIds.length) * 1000) / 10;
  const reasons: Completion['reasons'] = [];
  let complete = recordedDays.length === rules.dayIds.length;
  if (!complete)
    reasons.push({
      code: 'ATTENDANCE_INCOMPLETE',
      params: { missing: rules.dayIds.length - recordedDays.length },
    });
  if (attendancePercent < rules.minAttendancePercent) {
    reasons.push({
      code: 'ATTENDANCE_TOO_LOW',
      params: { percent: attendancePercent, min: rules.minAttendancePercent },
    });
  }
  if (rules.assessmentKind === 'COMPETENCY') {
    const missing = rules.unitIds.filter((unit) => !record.decisions.has(unit)).length;
    if (missing > 0) {
      complete = false;
      reasons.push({ code: 'ASSESSMENT_INCOMPLETE', params: { missing } });
    }
    const notYet = rules.unitIds.filter((unit) => record.decisions.get(unit) === 'BELUM_KOMPETEN').length;
    if (notYet > 0) reasons.push({ code: 'NOT_YET_COMPETENT', params: { count: notYet } });
  }
  return { attendancePercent, complete, passed: complete && reasons.length === 0, reasons };
}
