import { describe, expect, it } from 'vitest';
import { characterBand } from '#character-count.tsx';

describe('characterBand', () => {
  it.each([
    [0, 100, 2000, 'below'],
    [99, 100, 2000, 'below'],
    [100, 100, 2000, 'within'],
    [2000, 100, 2000, 'within'],
    [2001, 100, 2000, 'above'],
    [0, undefined, 1000, 'within'],
    [1001, undefined, 1000, 'above'],
  ] as const)('puts %i characters (min %s, max %i) %s the bounds', (count, min, max, expected) => {
    expect(characterBand(count, min, max)).toBe(expected);
  });
});
