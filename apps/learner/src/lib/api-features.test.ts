import { describe, expect, it } from 'vitest';
import { schemaHasField } from '#lib/api-features.ts';

describe('schemaHasField', () => {
  it.each([
    ['Query', 'myPathways', true],
    ['Credential', 'clrUrl', true],
    ['Query', 'noSuchField', false],
    ['NoSuchType', 'id', false],
  ])('answers for %s.%s: %s', (type, field, expected) => {
    expect(schemaHasField(type, field)).toBe(expected);
  });
});
