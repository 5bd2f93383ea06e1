import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkDisseminationSubmission,
  disseminationEditRefusal,
  disseminationMachine,
  disseminationReportSchema,
  dueDisseminationReminder,
  evaluateDisseminationProgress,
} from '#dissemination.ts';

describe('disseminationMachine', () => {
  it.each([
    ['DRAFT', 'submit', 'SUBMITTED'],
    ['RETURNED', 'submit', 'SUBMITTED'],
    ['SUBMITTED', 'verify', 'VERIFIED'],
    ['SUBMITTED', 'return', 'RETURNED'],
  ] as const)('lets a %s report be %s (to %s)', (from, action, to) => {
    expect(disseminationMachine.plan(from, action)).toEqual({ kind: 'allowed', to });
  });

  it.each([
    ['DRAFT', 'verify'],
    ['DRAFT', 'return'],
    ['SUBMITTED', 'submit'],
    ['VERIFIED', 'submit'],
    ['VERIFIED', 'return'],
    ['RETURNED', 'verify'],
  ] as const)('refuses to %s a %s report, naming both', (from, action) => {
    const plan = disseminationMachine.plan(from, action);
    expect(plan.kind).toBe('refused');
    if (plan.kind === 'refused') expect(plan.code).toBe('INVALID_DISSEMINATION_TRANSITION');
  });
});

describe('disseminationEditRefusal', () => {
  it.each([
    ['DRAFT', true],
    ['RETURNED', true],
    ['SUBMITTED', false],
    ['VERIFIED', false],
  ] as const)('a %s report may be edited: %s', (status, editable) => {
    expect(disseminationEditRefusal(status) === null).toBe(editable);
  });
});

describe('disseminationReportSchema', () => {
  const valid = {
    kind: 'SCHOOL_WORKSHOP',
    heldOn: '2026-01-15',
    place: 'Lab las SMKN 10 Semarang',
    description: 'Workshop robot las untuk guru TPL.',
    teachersReached: 12,
    studentsReached: 0,
    schoolsReached: 1,
  };
  it('accepts a complete report', () => {
    expect(disseminationReportSchema.safeParse(valid).success).toBe(true);
  });
  it.each([
    ['a negative count', { teachersReached: -1 }],
    ['a fractional count', { studentsReached: 1.5 }],
    ['an impossible date', { heldOn: '2026-02-30' }],
    ['an unknown kind', { kind: 'PARTY' }],
    ['a too short description', { description: 'ok' }],
  ])('refuses %s', (_label, change) => {
    expect(disseminationReportSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe('checkDisseminationSubmission', () => {
  const base = { today: '2026-03-01', trainingStart: '2025-11-03', teachersReached: 5, studentsReached: 0 };
  it.each([
    ['2026-03-01', 5, 0, 'ok'],
    ['2026-03-02', 5, 0, 'DISSEMINATION_DATE_IN_FUTURE'],
    ['2025-11-02', 5, 0, 'DISSEMINATION_BEFORE_TRAINING'],
    ['2025-11-03', 0, 30, 'ok'],
    ['2026-01-10', 0, 0, 'DISSEMINATION_NO_AUDIENCE'],
  ] as const)(
    'an activity on %s reaching %i teachers and %i students: %s',
    (heldOn, teachers, students, result) => {
      const outcome = checkDisseminationSubmission({
        ...base,
        heldOn,
        teachersReached: teachers,
        studentsReached: students,
      });
      expect(outcome.kind === 'ok' ? 'ok' : outcome.code).toBe(result);
    },
  );
});

describe('addMonths', () => {
  it.each([
    ['2025-11-07', 6, '2026-05-07'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2025-12-15', 1, '2026-01-15'],
  ] as const)('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('evaluateDisseminationProgress', () => {
  const expectation = { minActivities: 2, withinMonths: 6 };
  const trainingEnd = '2025-11-07'; // deadline 2026-05-07
  const verified = { status: 'VERIFIED', heldOn: '2026-01-10' } as const;
  const submitted = { status: 'SUBMITTED', heldOn: '2026-02-10' } as const;

  it('counts verified activities and waiting ones separately, with the deadline', () => {
    const progress = evaluateDisseminationProgress({
      expectation,
      trainingEnd,
      today: '2026-01-20',
      reports: [verified, submitted, { status: 'DRAFT', heldOn: '2026-01-12' }],
    });
    expect(progress).toMatchObject({
      required: 2,
      verified: 1,
      pending: 1,
      deadline: '2026-05-07',
      state: 'on-track',
    });
  });

  it.each([
    ['2026-04-06', 'on-track', null],
    ['2026-04-07', 'due-soon', 'deadline-2026-05-07-30d'],
    ['2026-04-30', 'due-soon', 'deadline-2026-05-07-7d'],
    ['2026-05-07', 'due-soon', 'deadline-2026-05-07-7d'],
    ['2026-05-08', 'missed', null],
  ] as const)('on %s one activity short is %s, reminder %s', (today, state, key) => {
    const progress = evaluateDisseminationProgress({ expectation, trainingEnd, today, reports: [verified] });
    expect(progress.state).toBe(state);
    expect(dueDisseminationReminder(progress)?.key ?? null).toBe(key);
  });

  it('is met by enough verified activities, and sends no reminder', () => {
    const progress = evaluateDisseminationProgress({
      expectation,
      trainingEnd,
      today: '2026-04-30',
      reports: [verified, { ...verified, heldOn: '2026-03-01' }],
    });
    expect(progress.state).toBe('met');
    expect(dueDisseminationReminder(progress)).toBeNull();
  });

  it('does not count an activity held after the deadline', () => {
    const progress = evaluateDisseminationProgress({
      expectation,
      trainingEnd,
      today: '2026-06-01',
      reports: [verified, { status: 'VERIFIED', heldOn: '2026-05-20' }],
    });
    expect(progress).toMatchObject({ verified: 1, state: 'missed' });
  });

  it('expects nothing when the programme asks for no activity', () => {
    const progress = evaluateDisseminationProgress({
      expectation: { minActivities: 0, withinMonths: 6 },
      trainingEnd,
      today: '2026-05-01',
      reports: [],
    });
    expect(progress.state).toBe('none-expected');
  });
});
