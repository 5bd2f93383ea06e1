import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '#contrast.ts';
import { accessibleColors, cssVariablesResolver, theme } from '#theme.ts';

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#868e96', '#ffffff', 3.32],
  ])('gives %s on %s as %d:1', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });
});

describe('accessibleColors', () => {
  it.each(Object.entries(accessibleColors))('%s reads at AA on its background', (_name, { color, on }) => {
    expect(contrastRatio(color, on)).toBeGreaterThanOrEqual(4.5);
  });

  it('are what the provider sets for the light scheme', () => {
    const { light } = cssVariablesResolver({ ...DEFAULT_THEME, ...theme } as typeof DEFAULT_THEME);
    expect(light['--mantine-color-dimmed']).toBe('#5c636a');
    expect(Object.keys(light)).toHaveLength(Object.keys(accessibleColors).length);
  });

  it('keeps white text on the primary buttons at AA', () => {
    expect(contrastRatio(theme.colors?.kmg?.[7] ?? '', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
