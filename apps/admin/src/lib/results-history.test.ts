import { describe, expect, it } from 'vitest';
import { pendingReturn, type ResultsEvent, resultsStepOf } from '#lib/results-history.ts';

const event = (action: string, reason: string | null = null): ResultsEvent => ({
  action,
  occurredAt: '2026-11-24T03:00:00Z',
  reason,
  actor: { name: 'Rina Kusumawati' },
});
const submitted = event('delivery.results_submitted');
const returned = event('delivery.results_returned', 'Kehadiran hari ketiga belum dicatat.');
const approved = event('delivery.results_approved');

describe('resultsStepOf', () => {
  it.each([
    ['delivery.results_submitted', 'submitted'],
    ['delivery.results_returned', 'returned'],
    ['delivery.results_approved', 'approved'],
    ['delivery.unit_assessed', null],
  ])('reads %s as %s', (action, step) => {
    expect(resultsStepOf(action)).toBe(step);
  });
});

describe('pendingReturn', () => {
  it.each([
    ['nothing submitted yet', [], 'RECORDING', null],
    ['returned, being recorded again', [submitted, returned], 'RECORDING', returned],
    ['returned, then submitted again', [submitted, returned, submitted], 'SUBMITTED', null],
    ['returned twice', [submitted, returned, submitted, returned], 'RECORDING', returned],
    ['approved after a return', [submitted, returned, submitted, approved], 'APPROVED', null],
    // The status is read with the trail; a stale trail never shows a return that is over.
    ['returned, but the status says submitted', [submitted, returned], 'SUBMITTED', null],
  ] as const)('for %s gives the return to work on', (_case, history, status, expected) => {
    expect(pendingReturn(history, status)).toBe(expected);
  });
});
