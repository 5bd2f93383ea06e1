import { describe, expect, it } from 'vitest';
import { toFormErrors } from '#form-errors.ts';

describe('toFormErrors', () => {
  it('maps API paths to form paths and keeps the first message per field', () => {
    expect(
      toFormErrors([
        { path: ['input', 'endDate'], message: 'End before start' },
        { path: ['input', 'learningOutcomes', '0'], message: 'Too short' },
        { path: ['input', 'endDate'], message: 'second' },
        { path: ['motivation'], message: 'Minimal 100 karakter.' },
      ]),
    ).toEqual({
      endDate: 'End before start',
      'learningOutcomes.0': 'Too short',
      motivation: 'Minimal 100 karakter.',
    });
  });
});
