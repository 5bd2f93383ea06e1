import { describe, expect, it } from 'vitest';
import { computeCaseDeadlines, type StatusChange } from '#rpl-review/deadlines.ts';

/** An instant given as Jakarta wall-clock time (WIB, UTC+7). */
const wib = (local: string) => new Date(`${local}+07:00`);

// Friday 30 January 2026, 16:00 WIB: the teacher submits.
const submitted: StatusChange = { status: 'SUBMITTED', at: wib('2026-01-30T16:00:00') };

describe('computeCaseDeadlines', () => {
  it('counts calendar days through the weekend and the month end', () => {
    // Sunday morning: the completeness check is due Monday 2 February, the whole case on 13 February.
    expect(computeCaseDeadlines({ history: [submitted], now: wib('2026-02-01T09:00:00') })).toEqual([
      {
        step: 'administrativeCheck',
        startedOn: '2026-01-30',
        dueOn: '2026-02-02',
        daysLeft: 1,
        isOverdue: false,
        reminder: { kind: 'BEFORE_DUE', daysBefore: 1 },
        reminderKey: 'administrativeCheck:2026-01-30T09:00:00.000Z:before-1',
      },
      {
        step: 'wholeCase',
        startedOn: '2026-01-30',
        dueOn: '2026-02-13',
        daysLeft: 12,
        isOverdue: false,
        reminder: null,
        reminderKey: null,
      },
    ]);
  });

  it.each([
    ['the day before', '2026-02-01T23:59:00', 1, { kind: 'BEFORE_DUE', daysBefore: 1 }],
    ['the due date, first minute', '2026-02-02T00:00:00', 0, { kind: 'BEFORE_DUE', daysBefore: 0 }],
    ['the due date, last minute', '2026-02-02T23:59:00', 0, { kind: 'BEFORE_DUE', daysBefore: 0 }],
    ['the day after', '2026-02-03T00:00:00', -1, { kind: 'OVERDUE' }],
    ['a week after', '2026-02-09T12:00:00', -7, { kind: 'OVERDUE' }],
    ['two days before', '2026-01-31T12:00:00', 2, null],
  ])('on %s (Jakarta time) reports the right reminder', (_, now, daysLeft, reminder) => {
    const [step] = computeCaseDeadlines({ history: [submitted], now: wib(now) });
    expect(step).toMatchObject({ step: 'administrativeCheck', daysLeft, isOverdue: daysLeft < 0, reminder });
  });

  it('reads the day a step starts in Jakarta: 00:30 WIB on 28 February is the 28th, not the 27th (UTC)', () => {
    const history: StatusChange[] = [
      submitted,
      { status: 'IN_ASSESSMENT', at: wib('2026-02-02T10:00:00') },
      { status: 'AWAITING_COMMITTEE', at: wib('2026-02-28T00:30:00') },
    ];
    const [step] = computeCaseDeadlines({ history, now: wib('2026-03-02T08:00:00') });
    expect(step).toMatchObject({
      step: 'committee',
      startedOn: '2026-02-28',
      dueOn: '2026-03-03',
      daysLeft: 1,
    });
  });

  it("stops the whole-case clock while the case is back with the teacher, and restarts each step's", () => {
    const history: StatusChange[] = [
      // Given out of order: the history is sorted by time.
      { status: 'IN_ASSESSMENT', at: wib('2026-02-05T09:00:00') },
      submitted,
      { status: 'EVIDENCE_REQUESTED', at: wib('2026-01-31T10:00:00') },
      { status: 'SUBMITTED', at: wib('2026-02-04T20:00:00') },
    ];
    expect(computeCaseDeadlines({ history, now: wib('2026-02-14T08:00:00') })).toEqual([
      {
        step: 'assessment',
        startedOn: '2026-02-05',
        dueOn: '2026-02-12',
        daysLeft: -2,
        isOverdue: true,
        reminder: { kind: 'OVERDUE' },
        reminderKey: 'assessment:2026-02-05T02:00:00.000Z:overdue',
      },
      // 13 February plus the four days with the teacher (31 January to 4 February).
      expect.objectContaining({
        step: 'wholeCase',
        startedOn: '2026-01-30',
        dueOn: '2026-02-17',
        daysLeft: 3,
      }),
    ]);
  });

  it('has nothing open while the case is with the teacher, decided or withdrawn', () => {
    const with_ = (status: StatusChange['status']) => [submitted, { status, at: wib('2026-02-01T10:00:00') }];
    const now = wib('2026-02-20T10:00:00');
    expect(
      computeCaseDeadlines({ history: [{ status: 'DRAFT', at: wib('2026-01-29T10:00:00') }], now }),
    ).toEqual([]);
    expect(computeCaseDeadlines({ history: with_('EVIDENCE_REQUESTED'), now })).toEqual([]);
    expect(computeCaseDeadlines({ history: with_('DECIDED'), now })).toEqual([]);
    expect(computeCaseDeadlines({ history: with_('WITHDRAWN'), now })).toEqual([]);
    expect(computeCaseDeadlines({ history: [], now })).toEqual([]);
  });

  it('tracks the appeal on its own, outside the turnaround', () => {
    const history: StatusChange[] = [
      submitted,
      { status: 'DECIDED', at: wib('2026-02-10T10:00:00') },
      { status: 'APPEALED', at: wib('2026-02-20T10:00:00') },
    ];
    expect(computeCaseDeadlines({ history, now: wib('2026-02-21T10:00:00') })).toEqual([
      expect.objectContaining({ step: 'appealDecision', dueOn: '2026-02-23', daysLeft: 2, reminder: null }),
    ]);
  });

  it('takes targets and reminder days from the university, catching up a reminder the job missed', () => {
    const [step, whole] = computeCaseDeadlines({
      history: [submitted],
      now: wib('2026-02-02T10:00:00'),
      targets: { administrativeCheck: 5, wholeCase: 10 },
      reminderDaysBefore: [0, 3, 1],
    });
    // Due 4 February, two days left: the three-day reminder (its day was yesterday) is still owed.
    expect(step).toMatchObject({
      dueOn: '2026-02-04',
      daysLeft: 2,
      reminder: { kind: 'BEFORE_DUE', daysBefore: 3 },
    });
    expect(whole).toMatchObject({ dueOn: '2026-02-09', daysLeft: 7, reminder: null });
  });

  describe('in working days', () => {
    const workingDays = { holidays: ['2026-02-17'] }; // Tahun Baru Imlek
    const step = (history: StatusChange[], now: string) =>
      computeCaseDeadlines({ history, now: wib(now), workingDays })[0];

    it('skips the weekend: a Friday submission is due the next Wednesday', () => {
      expect(step([submitted], '2026-02-02T09:00:00')).toMatchObject({
        dueOn: '2026-02-04',
        daysLeft: 2,
        reminder: null,
      });
    });

    it('reminds on Friday for a Monday deadline, not on Sunday', () => {
      const wednesday: StatusChange = { status: 'SUBMITTED', at: wib('2026-01-28T10:00:00') };
      expect(step([wednesday], '2026-01-30T09:00:00')).toMatchObject({
        dueOn: '2026-02-02',
        daysLeft: 1,
        reminder: { kind: 'BEFORE_DUE', daysBefore: 1 },
      });
      expect(step([wednesday], '2026-02-01T09:00:00')).toMatchObject({ daysLeft: 1 });
    });

    it('skips a holiday', () => {
      const history: StatusChange[] = [
        submitted,
        { status: 'IN_ASSESSMENT', at: wib('2026-02-12T10:00:00') },
      ];
      expect(step(history, '2026-02-21T10:00:00')).toMatchObject({
        dueOn: '2026-02-24',
        daysLeft: 2,
        reminder: null,
      });
      expect(step(history, '2026-02-23T10:00:00')).toMatchObject({
        daysLeft: 1,
        reminder: { daysBefore: 1 },
      });
    });

    it.each([
      ['Saturday', '2026-02-07T10:00:00', -1],
      ['Monday', '2026-02-09T10:00:00', -1],
      ['Tuesday', '2026-02-10T10:00:00', -2],
    ])('is overdue from the day after a Friday deadline (%s)', (_, now, daysLeft) => {
      const tuesday: StatusChange = { status: 'SUBMITTED', at: wib('2026-02-03T10:00:00') };
      expect(step([tuesday], now)).toMatchObject({
        dueOn: '2026-02-06',
        daysLeft,
        isOverdue: true,
        reminder: { kind: 'OVERDUE' },
      });
    });
  });
});
