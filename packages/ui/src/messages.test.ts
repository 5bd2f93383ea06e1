import { applicationStatuses } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import { commonMessages } from '#messages.ts';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('commonMessages', () => {
  it('has the same keys in Indonesian and English', () => {
    expect(keys(commonMessages.en).sort()).toEqual(keys(commonMessages.id).sort());
  });

  it('names every application status in both languages', () => {
    for (const locale of ['id', 'en'] as const) {
      expect(Object.keys(commonMessages[locale].status.application).sort()).toEqual(
        [...applicationStatuses].sort(),
      );
    }
    expect(commonMessages.id.status.application.WAITLISTED).toBe('Daftar tunggu');
  });
});
