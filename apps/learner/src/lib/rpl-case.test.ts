import { describe, expect, it } from 'vitest';
import { caseProgress, stepTarget } from '#lib/rpl-case.ts';

const history = [
  { action: 'RPL_APPLICATION_STARTED', at: '2026-06-01T01:00:00Z' },
  { action: 'RPL_APPLICATION_SUBMIT', at: '2026-06-01T02:00:00Z' },
  { action: 'RPL_CASE_RETURN_TO_TEACHER', at: '2026-06-02T02:00:00Z' },
  { action: 'RPL_APPLICATION_SUBMIT', at: '2026-06-03T02:00:00Z' },
  { action: 'RPL_CASE_ACCEPT_AS_COMPLETE', at: '2026-06-04T02:00:00Z' },
  { action: 'RPL_CASE_ASSESSOR_ASSIGNED', at: '2026-06-04T03:00:00Z' },
  { action: 'RPL_CASE_COMPLETE_ASSESSMENT', at: '2026-06-08T02:00:00Z' },
  { action: 'RPL_CASE_DECIDE', at: '2026-06-09T02:00:00Z' },
  { action: 'RPL_CASE_RETURN_TO_COMMITTEE', at: '2026-06-10T02:00:00Z' },
  { action: 'RPL_CASE_DECIDE', at: '2026-06-11T02:00:00Z' },
  { action: 'RPL_CASE_VALIDATE', at: '2026-06-12T02:00:00Z' },
  { action: 'RPL_CASE_ISSUE_DECREE', at: '2026-06-13T02:00:00Z' },
  { action: 'RPL_CASE_APPEAL', at: '2026-06-14T02:00:00Z' },
  { action: 'RPL_CASE_DECIDE_APPEAL', at: '2026-06-16T02:00:00Z' },
  { action: 'RPL_CASE_ISSUE_DECREE', at: '2026-06-16T02:00:01Z' },
];

const states = (progress: ReturnType<typeof caseProgress>) =>
  progress?.entries.map((entry) => `${entry.step}:${entry.state}`);

describe('caseProgress', () => {
  it.each(['DRAFT', 'WITHDRAWN'] as const)('shows no progress for a %s application', (status) => {
    expect(caseProgress({ status, history, appeal: null })).toBeNull();
  });

  it.each([
    ['SUBMITTED', 'completenessCheck'],
    ['IN_ASSESSMENT', 'assessment'],
    ['AWAITING_COMMITTEE', 'committee'],
    ['AWAITING_VALIDATION', 'validation'],
    ['APPROVED', 'decree'],
  ] as const)('puts a %s case at the %s step, the ones before done', (status, step) => {
    const progress = caseProgress({ status, history: [], appeal: null });
    expect(progress?.current).toBe(step);
    const index = progress?.entries.findIndex((entry) => entry.step === step) ?? -1;
    expect(progress?.entries.slice(0, index).every((entry) => entry.state === 'done')).toBe(true);
    expect(progress?.entries[index]?.state).toBe('current');
    expect(progress?.entries.slice(index + 1).every((entry) => entry.state === 'upcoming')).toBe(true);
  });

  it('marks the completeness check as returned while the teacher is to complete the application', () => {
    expect(states(caseProgress({ status: 'EVIDENCE_REQUESTED', history, appeal: null }))).toEqual([
      'submitted:done',
      'completenessCheck:returned',
      'assessment:upcoming',
      'committee:upcoming',
      'validation:upcoming',
      'decree:upcoming',
    ]);
  });

  it('has every step done once decided, and no appeal step without an appeal', () => {
    const progress = caseProgress({ status: 'DECIDED', history, appeal: null });
    expect(progress?.current).toBeNull();
    expect(progress?.entries.every((entry) => entry.state === 'done')).toBe(true);
    expect(progress?.entries.map((entry) => entry.step)).not.toContain('appeal');
  });

  it('dates the first submission and decree, and the last run of a repeated step', () => {
    const progress = caseProgress({ status: 'DECIDED', history, appeal: null });
    expect(Object.fromEntries(progress?.entries.map((entry) => [entry.step, entry.doneAt]) ?? [])).toEqual({
      submitted: '2026-06-01T02:00:00Z',
      completenessCheck: '2026-06-04T02:00:00Z',
      assessment: '2026-06-08T02:00:00Z',
      committee: '2026-06-11T02:00:00Z',
      validation: '2026-06-12T02:00:00Z',
      decree: '2026-06-13T02:00:00Z',
    });
  });

  it('adds the appeal as the current step while it is being decided', () => {
    const progress = caseProgress({
      status: 'APPEALED',
      history,
      appeal: { appealedAt: '2026-06-14T02:00:00Z', decidedAt: null },
    });
    expect(progress?.current).toBe('appeal');
    expect(states(progress)?.at(-1)).toBe('appeal:current');
    expect(states(progress)?.at(-2)).toBe('decree:done');
  });

  it('dates a decided appeal by its decision', () => {
    const progress = caseProgress({
      status: 'DECIDED',
      history,
      appeal: { appealedAt: '2026-06-14T02:00:00Z', decidedAt: '2026-06-16T02:00:00Z' },
    });
    expect(progress?.entries.at(-1)).toEqual({
      step: 'appeal',
      state: 'done',
      doneAt: '2026-06-16T02:00:00Z',
    });
  });

  it('leaves a step without its history entry undated', () => {
    const progress = caseProgress({ status: 'IN_ASSESSMENT', history: [], appeal: null });
    expect(progress?.entries[0]).toEqual({ step: 'submitted', state: 'done', doneAt: null });
  });
});

describe('stepTarget', () => {
  const deadlines = [
    { step: 'assessment', dueOn: '2026-06-11', isOverdue: false },
    { step: 'wholeCase', dueOn: '2026-06-15', isOverdue: false },
    { step: 'committee', dueOn: '2026-06-01', isOverdue: true },
  ];

  it('gives the current step’s due date', () => {
    expect(stepTarget(deadlines, 'assessment')?.dueOn).toBe('2026-06-11');
  });

  it.each([
    ['an overdue step', 'committee'],
    ['a step without a deadline', 'validation'],
    ['a decided case', null],
  ] as const)('gives nothing for %s', (_case, step) => {
    expect(stepTarget(deadlines, step)).toBeNull();
  });
});
