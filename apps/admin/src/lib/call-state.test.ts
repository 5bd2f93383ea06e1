import { describe, expect, it } from 'vitest';
import { callStateOf } from '#lib/call-state.ts';

const now = new Date('2026-11-24T05:00:00Z');
const before = '2026-11-24T04:59:00Z';
const after = '2026-12-01T16:59:00Z';

describe('callStateOf', () => {
  it.each([
    ['OPEN', after, 'OPEN'],
    ['OPEN', before, 'APPLICATIONS_CLOSED'],
    ['OPEN', '2026-11-24T05:00:00Z', 'APPLICATIONS_CLOSED'],
    ['DRAFT', before, 'DRAFT'],
    ['CLOSED', before, 'CLOSED'],
    ['IN_TRAINING', before, 'IN_TRAINING'],
    ['CANCELLED', after, 'CANCELLED'],
  ] as const)('reads a %s call closing %s as %s', (status, applicationClosesAt, state) => {
    expect(callStateOf({ status, applicationClosesAt }, now)).toBe(state);
  });
});
