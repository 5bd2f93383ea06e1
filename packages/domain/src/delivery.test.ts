import { describe, expect, it } from 'vitest';
import { defaultTrainingDays, evaluateCompletion, sksByWorkload } from '#delivery.ts';

describe('defaultTrainingDays', () => {
  it('takes every date of the training but Sundays', () => {
    expect(defaultTrainingDays('2025-11-03', '2025-11-07')).toEqual([
      '2025-11-03',
      '2025-11-04',
      '2025-11-05',
      '2025-11-06',
      '2025-11-07',
    ]);
    expect(defaultTrainingDays('2025-11-10', '2025-11-22')).toHaveLength(12);
  });
});

describe('sksByWorkload', () => {
  it.each([
    [40, 0.89],
    [45, 1],
    [128, 2.84],
  ])('%i hours is %d SKS of workload', (hours, sks) => {
    expect(sksByWorkload(hours)).toBe(sks);
  });
});

describe('evaluateCompletion', () => {
  const days = ['d1', 'd2', 'd3', 'd4', 'd5'];
  const attendance = (present: boolean[]) => new Map(days.map((day, i) => [day, present[i] ?? false]));
  const rules = {
    dayIds: days,
    unitIds: ['u1', 'u2'],
    minAttendancePercent: 80,
    assessmentKind: 'TRAINING' as const,
  };

  it.each([
    ['all five days', [true, true, true, true, true], true],
    ['four of five (80%)', [true, true, false, true, true], true],
    ['three of five (60%)', [true, false, false, true, true], false],
  ])('completes a training with %s', (_name, present, passed) => {
    expect(evaluateCompletion({ attendance: attendance(present), decisions: new Map() }, rules).passed).toBe(
      passed,
    );
  });

  it('waits until every day is recorded', () => {
    const partial = new Map([['d1', true]]);
    const result = evaluateCompletion({ attendance: partial, decisions: new Map() }, rules);
    expect(result.complete).toBe(false);
    expect(result.reasons[0]).toEqual({ code: 'ATTENDANCE_INCOMPLETE', params: { missing: 4 } });
  });

  it('awards a competency credential only when every unit is Kompeten', () => {
    const competency = { ...rules, assessmentKind: 'COMPETENCY' as const };
    const full = attendance([true, true, true, true, true]);
    expect(
      evaluateCompletion(
        {
          attendance: full,
          decisions: new Map([
            ['u1', 'KOMPETEN'],
            ['u2', 'KOMPETEN'],
          ]),
        },
        competency,
      ).passed,
    ).toBe(true);
    const notYet = evaluateCompletion(
      {
        attendance: full,
        decisions: new Map([
          ['u1', 'KOMPETEN'],
          ['u2', 'BELUM_KOMPETEN'],
        ]),
      },
      competency,
    );
    expect(notYet).toMatchObject({
      complete: true,
      passed: false,
      reasons: [{ code: 'NOT_YET_COMPETENT', params: { count: 1 } }],
    });
    const missing = evaluateCompletion(
      { attendance: full, decisions: new Map([['u1', 'KOMPETEN']]) },
      competency,
    );
    expect(missing).toMatchObject({ complete: false, passed: false });
  });
});
