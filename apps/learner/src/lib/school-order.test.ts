import { describe, expect, it } from 'vitest';
import { sortByEndorsementDeadline, sortByNewestDecision } from '#lib/school-order.ts';

const decided = (id: string, times: { endorsedAt?: string; closedAt?: string; submittedAt: string }) => ({
  id,
  endorsedAt: times.endorsedAt ?? null,
  closedAt: times.closedAt ?? null,
  submittedAt: times.submittedAt,
});

describe('sortByNewestDecision', () => {
  it('puts the application decided last first, whenever it was submitted', () => {
    const list = [
      decided('endorsed-monday', { submittedAt: '2026-11-01T01:00:00Z', endorsedAt: '2026-11-16T02:00:00Z' }),
      decided('declined-tuesday', {
        submittedAt: '2026-11-02T01:00:00Z',
        endorsedAt: '2026-11-17T02:00:00Z',
      }),
      decided('endorsed-just-now', {
        submittedAt: '2026-10-30T01:00:00Z',
        endorsedAt: '2026-11-24T07:00:00Z',
      }),
    ];
    expect(sortByNewestDecision(list).map((item) => item.id)).toEqual([
      'endorsed-just-now',
      'declined-tuesday',
      'endorsed-monday',
    ]);
  });

  it('counts an application closed without the principal from its closing', () => {
    const list = [
      decided('endorsed', { submittedAt: '2026-11-01T01:00:00Z', endorsedAt: '2026-11-10T02:00:00Z' }),
      decided('expired', { submittedAt: '2026-11-02T01:00:00Z', closedAt: '2026-11-20T17:00:00Z' }),
    ];
    expect(sortByNewestDecision(list).map((item) => item.id)).toEqual(['expired', 'endorsed']);
  });

  it('keeps the API’s order for decisions of the same moment', () => {
    const at = '2026-11-10T02:00:00Z';
    const list = ['a', 'b', 'c'].map((id) => decided(id, { submittedAt: at, endorsedAt: at }));
    expect(sortByNewestDecision(list).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('sortByEndorsementDeadline', () => {
  it('puts the soonest deadline first and keeps the API’s order for equal ones', () => {
    const list = [
      { id: 'late', call: { endorsementDeadline: '2026-12-20T16:59:59Z' } },
      { id: 'soon-1', call: { endorsementDeadline: '2026-12-01T16:59:59Z' } },
      { id: 'soon-2', call: { endorsementDeadline: '2026-12-01T16:59:59Z' } },
    ];
    expect(sortByEndorsementDeadline(list).map((item) => item.id)).toEqual(['soon-1', 'soon-2', 'late']);
  });
});
