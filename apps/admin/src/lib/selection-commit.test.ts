import { describe, expect, it } from 'vitest';
import { countOutcomes } from '#lib/selection-commit.ts';

describe('countOutcomes', () => {
  it('counts each kind of outcome', () => {
    expect(
      countOutcomes([
        { kind: 'accepted' },
        { kind: 'accepted' },
        { kind: 'waitlisted' },
        { kind: 'rejected' },
      ]),
    ).toEqual({ accepted: 2, waitlisted: 1, rejected: 1, pending: 0 });
  });
});
