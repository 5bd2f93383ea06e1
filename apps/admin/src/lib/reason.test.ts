import { credentialReasonSchema, returnReasonSchema } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import { checkReason, reasonLimits } from '#lib/reason.ts';

describe('checkReason', () => {
  it.each([
    ['', 'Wajib diisi.'],
    ['   ', 'Wajib diisi.'],
    ['Terlalu', 'Minimal 10 karakter.'],
    // Spaces around the text do not count, as the API trims them.
    ['  pendek  ', 'Minimal 10 karakter.'],
    ['Kehadiran hari ketiga belum dicatat.', null],
    ['x'.repeat(2001), 'Maksimal 2000 karakter.'],
  ])('reads a return reason %j as %j', (value, message) => {
    expect(checkReason(returnReasonSchema, value, 'id')).toBe(message);
  });

  it('holds a credential reason to its own maximum, in English too', () => {
    expect(checkReason(credentialReasonSchema, 'x'.repeat(1001), 'en')).toBe('At most 1000 characters.');
    expect(checkReason(credentialReasonSchema, 'x'.repeat(1000), 'en')).toBeNull();
  });
});

describe('reasonLimits', () => {
  it('reads the lengths from the rule', () => {
    expect(reasonLimits(returnReasonSchema)).toEqual({ min: 10, max: 2000 });
    expect(reasonLimits(credentialReasonSchema)).toEqual({ min: 10, max: 1000 });
  });
});
