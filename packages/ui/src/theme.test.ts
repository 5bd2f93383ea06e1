import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '#contrast.ts';
import { accessibleColors, cssVariablesResolver, localizedTheme, theme } from '#theme.ts';

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

  it('darken the green badges and orange buttons that carry white text (2.7:1 and 3:1)', () => {
    const { light } = cssVariablesResolver({ ...DEFAULT_THEME, ...theme } as typeof DEFAULT_THEME);
    for (const name of ['green', 'orange']) {
      expect(contrastRatio(light[`--mantine-color-${name}-filled`] ?? '', '#ffffff')).toBeGreaterThanOrEqual(
        4.5,
      );
      expect(
        contrastRatio(light[`--mantine-color-${name}-filled-hover`] ?? '', '#ffffff'),
      ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('darken the outline badges of the selection page (teal and yellow were 3.1:1 and 2.1:1)', () => {
    const { light } = cssVariablesResolver({ ...DEFAULT_THEME, ...theme } as typeof DEFAULT_THEME);
    for (const name of ['teal', 'yellow']) {
      expect(contrastRatio(light[`--mantine-color-${name}-outline`] ?? '', '#ffffff')).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });

  it('keeps white text on the primary buttons at AA', () => {
    expect(contrastRatio(theme.colors?.kmg?.[7] ?? '', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('theme', () => {
  const colors = { ...DEFAULT_THEME.colors, ...theme.colors };

  it.each(Object.keys(colors).filter((name) => name !== 'dark'))(
    "gives %s a darkest shade that reads as text on white and on gray.0 (the verification page's green)",
    (name) => {
      const darkest = colors[name]?.[9] ?? '';
      expect(contrastRatio(darkest, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(darkest, DEFAULT_THEME.colors.gray[0])).toBeGreaterThanOrEqual(4.5);
    },
  );
});

describe('localizedTheme', () => {
  it("names every close button in the reader's language", () => {
    expect(localizedTheme('Tutup').components?.CloseButton?.defaultProps).toEqual({ 'aria-label': 'Tutup' });
    expect(localizedTheme('Close').components?.CloseButton?.defaultProps).toEqual({ 'aria-label': 'Close' });
  });

  it("keeps a dialog's top row out of the landmarks", () => {
    const { components } = localizedTheme('Tutup');
    expect(components?.Modal?.defaultProps).toEqual({ attributes: { header: { role: 'none' } } });
    expect(components?.Drawer?.defaultProps).toEqual({ attributes: { header: { role: 'none' } } });
  });
});
