import { describe, expect, it } from 'vitest';
import {
  attendanceEntries,
  cellState,
  dayTally,
  draftAttendance,
  emptyDraft,
  recordedAttendance,
  setCell,
  setDay,
} from '#lib/attendance-sheet.ts';

const days = ['d1', 'd2', 'd3', 'd4', 'd5'];
const people = ['sri', 'eko', 'maria'];

/** Sri and Eko recorded on day 1 (Eko absent); nothing else recorded yet. */
const recorded = recordedAttendance([
  { id: 'sri', attendance: [{ dayId: 'd1', present: true }] },
  { id: 'eko', attendance: [{ dayId: 'd1', present: false }] },
  { id: 'maria', attendance: [] },
]);

describe('cellState', () => {
  it.each([
    ['sri', 'd1', { present: true, recorded: true, pending: false }],
    ['eko', 'd1', { present: false, recorded: true, pending: false }],
    ['maria', 'd1', { present: false, recorded: false, pending: false }],
    ['sri', 'd2', { present: false, recorded: false, pending: false }],
  ])('reads %s on %s as recorded', (person, day, expected) => {
    expect(cellState(recorded, emptyDraft, person, day)).toEqual(expected);
  });

  it('shows an edit over the record and marks it pending', () => {
    const draft = setCell(emptyDraft, 'eko', 'd1', true);
    expect(cellState(recorded, draft, 'eko', 'd1')).toEqual({ present: true, recorded: true, pending: true });
  });

  it('marks an unrecorded participant on a day being taken as pending (recorded absent on save)', () => {
    const draft = setCell(emptyDraft, 'sri', 'd2', true);
    expect(cellState(recorded, draft, 'eko', 'd2')).toEqual({
      present: false,
      recorded: false,
      pending: true,
    });
  });

  it('is not pending when an edit returns to what is recorded', () => {
    const draft = setCell(setCell(emptyDraft, 'sri', 'd1', false), 'sri', 'd1', true);
    expect(cellState(recorded, draft, 'sri', 'd1').pending).toBe(false);
  });
});

describe('attendanceEntries', () => {
  it('sends nothing before anything is touched', () => {
    expect(attendanceEntries(recorded, emptyDraft, people, days)).toEqual([]);
  });

  it('records the whole day when everyone is marked present', () => {
    const draft = setDay(emptyDraft, 'd2', people, true);
    expect(attendanceEntries(recorded, draft, people, days)).toEqual([
      { applicationId: 'sri', dayId: 'd2', present: true },
      { applicationId: 'eko', dayId: 'd2', present: true },
      { applicationId: 'maria', dayId: 'd2', present: true },
    ]);
  });

  it('records those not ticked on a day being taken as absent', () => {
    const draft = setCell(setCell(emptyDraft, 'sri', 'd3', true), 'eko', 'd3', true);
    expect(attendanceEntries(recorded, draft, people, days)).toEqual([
      { applicationId: 'sri', dayId: 'd3', present: true },
      { applicationId: 'eko', dayId: 'd3', present: true },
      { applicationId: 'maria', dayId: 'd3', present: false },
    ]);
  });

  it('sends only changes and missing records on a day already taken', () => {
    const draft = setCell(emptyDraft, 'eko', 'd1', true);
    expect(attendanceEntries(recorded, draft, people, days)).toEqual([
      { applicationId: 'eko', dayId: 'd1', present: true },
      { applicationId: 'maria', dayId: 'd1', present: false },
    ]);
  });

  it('keeps the order of the days, whatever order they were worked on', () => {
    const draft = setDay(setDay(emptyDraft, 'd5', ['sri'], true), 'd4', ['sri'], true);
    expect(attendanceEntries(recorded, draft, ['sri'], days).map((entry) => entry.dayId)).toEqual([
      'd4',
      'd5',
    ]);
  });
});

describe('dayTally', () => {
  it('counts those present and those without a record on an untouched day', () => {
    expect(dayTally(recorded, emptyDraft, 'd1', people)).toEqual({ present: 1, unrecorded: 1 });
    expect(dayTally(recorded, emptyDraft, 'd2', people)).toEqual({ present: 0, unrecorded: 3 });
  });

  it('counts nobody as unrecorded on a day being taken', () => {
    const draft = setCell(emptyDraft, 'maria', 'd2', true);
    expect(dayTally(recorded, draft, 'd2', people)).toEqual({ present: 1, unrecorded: 0 });
  });
});

describe('draftAttendance', () => {
  it('computes the percentage over all training days, as the API does', () => {
    const draft = setDay(
      setDay(setDay(emptyDraft, 'd2', people, true), 'd3', people, true),
      'd4',
      people,
      true,
    );
    expect(draftAttendance(recorded, draft, 'sri', days, 80)).toEqual({
      percent: 80,
      present: 4,
      recorded: 4,
      meetsMinimum: true,
      canStillMeet: true,
    });
    expect(draftAttendance(recorded, draft, 'eko', days, 80)).toEqual({
      percent: 60,
      present: 3,
      recorded: 4,
      meetsMinimum: false,
      canStillMeet: true,
    });
  });

  it('tells when the days left can no longer reach the minimum', () => {
    const draft = setDay(emptyDraft, 'd2', ['eko'], false);
    // Eko missed days 1 and 2: at best 3 of 5 days, 60%.
    expect(draftAttendance(recorded, draft, 'eko', days, 80)).toMatchObject({
      percent: 0,
      canStillMeet: false,
    });
    expect(draftAttendance(recorded, emptyDraft, 'maria', days, 80)).toMatchObject({
      recorded: 0,
      canStillMeet: true,
    });
  });
});
