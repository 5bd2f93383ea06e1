// The attendance sheet: participants by training days, as recorded and as being edited. A day is
// taken like a paper register: once the provider works on a day, saving records everyone on it,
// and whoever is not ticked is recorded absent (a day left untouched stays unrecorded).
import { evaluateCompletion } from '@kmg/domain';

/** What the API holds: by participant (application id), by day id, present or not. */
export type RecordedAttendance = ReadonlyMap<string, ReadonlyMap<string, boolean>>;

export type AttendanceDraft = {
  /** Ticks changed here, by `cellKey`. */
  edits: ReadonlyMap<string, boolean>;
  /** Days worked on: saving records every participant on them. */
  days: ReadonlySet<string>;
};

export const emptyDraft: AttendanceDraft = { edits: new Map(), days: new Set() };

export function cellKey(applicationId: string, dayId: string): string {
  return `${applicationId}|${dayId}`;
}

/** The recorded attendance of participants as the API returns them. */
export function recordedAttendance(
  participants: readonly { id: string; attendance: readonly { dayId: string; present: boolean }[] }[],
): RecordedAttendance {
  return new Map(
    participants.map((participant) => [
      participant.id,
      new Map(participant.attendance.map((row) => [row.dayId, row.present])),
    ]),
  );
}

export type CellState = {
  present: boolean;
  /** Recorded on the server (present or absent); false for a day nobody has taken yet. */
  recorded: boolean;
  /** Will be recorded on save (a day worked on), or changed from what is recorded. */
  pending: boolean;
};

/** One cell as shown: the edit, else what is recorded, else unticked. */
export function cellState(
  recorded: RecordedAttendance,
  draft: AttendanceDraft,
  applicationId: string,
  dayId: string,
): CellState {
  const saved = recorded.get(applicationId)?.get(dayId);
  const edit = draft.edits.get(cellKey(applicationId, dayId));
  const present = edit ?? saved ?? false;
  return {
    present,
    recorded: saved !== undefined,
    pending: draft.days.has(dayId) && (saved === undefined || saved !== present),
  };
}

/** Ticks or unticks one participant on one day. */
export function setCell(
  draft: AttendanceDraft,
  applicationId: string,
  dayId: string,
  present: boolean,
): AttendanceDraft {
  const edits = new Map(draft.edits);
  edits.set(cellKey(applicationId, dayId), present);
  return { edits, days: new Set(draft.days).add(dayId) };
}

/** Marks everyone present (or absent) on a day. */
export function setDay(
  draft: AttendanceDraft,
  dayId: string,
  applicationIds: readonly string[],
  present: boolean,
): AttendanceDraft {
  const edits = new Map(draft.edits);
  for (const applicationId of applicationIds) edits.set(cellKey(applicationId, dayId), present);
  return { edits, days: new Set(draft.days).add(dayId) };
}

/** How many on a day are ticked, and whether the day is recorded for everyone. */
export function dayTally(
  recorded: RecordedAttendance,
  draft: AttendanceDraft,
  dayId: string,
  applicationIds: readonly string[],
): { present: number; unrecorded: number } {
  let present = 0;
  let unrecorded = 0;
  for (const applicationId of applicationIds) {
    const cell = cellState(recorded, draft, applicationId, dayId);
    if (cell.present) present += 1;
    if (!cell.recorded && !draft.days.has(dayId)) unrecorded += 1;
  }
  return { present, unrecorded };
}

export type AttendanceEntry = { applicationId: string; dayId: string; present: boolean };

/**
 * `recordAttendance` entries for a save: on every day worked on, each participant whose tick
 * differs from the record or who has no record yet (recorded absent unless ticked).
 */
export function attendanceEntries(
  recorded: RecordedAttendance,
  draft: AttendanceDraft,
  applicationIds: readonly string[],
  dayIds: readonly string[],
): AttendanceEntry[] {
  const entries: AttendanceEntry[] = [];
  for (const dayId of dayIds) {
    if (!draft.days.has(dayId)) continue;
    for (const applicationId of applicationIds) {
      const saved = recorded.get(applicationId)?.get(dayId);
      const present = draft.edits.get(cellKey(applicationId, dayId)) ?? saved ?? false;
      if (saved === undefined || saved !== present) entries.push({ applicationId, dayId, present });
    }
  }
  return entries;
}

/**
 * A participant's attendance with the edits applied, against the call's minimum: the same
 * percentage the API will compute once saved.
 */
export function draftAttendance(
  recorded: RecordedAttendance,
  draft: AttendanceDraft,
  applicationId: string,
  dayIds: readonly string[],
  minAttendancePercent: number,
): {
  percent: number;
  present: number;
  recorded: number;
  meetsMinimum: boolean;
  /** Whether the days not yet recorded could still bring it to the minimum. */
  canStillMeet: boolean;
} {
  const attendance = new Map<string, boolean>();
  for (const dayId of dayIds) {
    const cell = cellState(recorded, draft, applicationId, dayId);
    if (cell.recorded || draft.days.has(dayId)) attendance.set(dayId, cell.present);
  }
  const completion = evaluateCompletion(
    { attendance, decisions: new Map() },
    { dayIds, unitIds: [], minAttendancePercent, assessmentKind: 'TRAINING' },
  );
  const present = [...attendance.values()].filter(Boolean).length;
  const best = dayIds.length === 0 ? 0 : ((present + dayIds.length - attendance.size) / dayIds.length) * 100;
  return {
    percent: completion.attendancePercent,
    present,
    recorded: attendance.size,
    meetsMinimum: completion.attendancePercent >= minAttendancePercent,
    canStillMeet: Math.round(best * 10) / 10 >= minAttendancePercent,
  };
}
