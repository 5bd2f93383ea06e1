import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
  type MantineThemeOverride,
  mergeThemeOverrides,
  Notification,
} from '@mantine/core';

// A deep teal close to the ministry's vocational branding; shades checked for AA contrast on white
// at index 7 (buttons) and above (text).
const kmg: MantineColorsTuple = [
  '#e6f7f6',
  '#ccebe9',
  '#9ad7d3',
  '#64c2bc',
  '#3aafa8',
  '#20a39b',
  '#0f8c85',
  '#00716b',
  '#005e59',
  '#004946',
];

/**
 * Mantine's darkest shade is the one pages use for coloured text (`c="green.9"`), yet four palettes'
 * read below AA on white (green 4.4:1, orange 4.3:1, lime 3.7:1, yellow 3:1): a darker shade 9 of
 * the same hue.
 */
const darkestShades = { green: '#267b37', orange: '#b8400d', lime: '#4a7309', yellow: '#945400' } as const;

function withDarkestShade(name: keyof typeof darkestShades): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades[9] = darkestShades[name];
  return shades as unknown as MantineColorsTuple;
}

export const theme = createTheme({
  primaryColor: 'kmg',
  primaryShade: { light: 7, dark: 5 },
  colors: {
    kmg,
    green: withDarkestShade('green'),
    orange: withDarkestShade('orange'),
    lime: withDarkestShade('lime'),
    yellow: withDarkestShade('yellow'),
  },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    // The description under a notification's title is gray.6 in Mantine: 3.3:1 on white.
    Notification: Notification.extend({
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
    // A modal's or drawer's top row is a <header> in Mantine: beside the page's own header, a
    // second banner landmark with no name of its own. Inside a dialog it is no landmark at all.
    // Plain objects rather than `Modal.extend`: importing the components would put them in the
    // learner's first bundle.
    Modal: { defaultProps: { attributes: { header: { role: 'none' } } } },
    Drawer: { defaultProps: { attributes: { header: { role: 'none' } } } },
  },
});

/**
 * The theme in the reader's language: every close button (toasts, dialogs, drawers, alerts) is
 * named "Tutup" or "Close" unless its component names it more precisely.
 */
export function localizedTheme(closeLabel: string): MantineThemeOverride {
  return mergeThemeOverrides(theme, {
    components: {
      // Mantine passes unknown default props on to the <button>.
      CloseButton: { defaultProps: { 'aria-label': closeLabel } },
    },
  });
}

/** The palettes whose shade 7 carries no text at AA: the shade used instead, and its hover. */
const filledShades = {
  blue: { filled: DEFAULT_THEME.colors.blue[9], hover: '#154f85' },
  cyan: { filled: DEFAULT_THEME.colors.cyan[9], hover: '#095c6b' },
  teal: { filled: DEFAULT_THEME.colors.teal[9], hover: '#066b4c' },
  green: { filled: darkestShades.green, hover: '#1f6f31' },
  lime: { filled: darkestShades.lime, hover: '#3d5f07' },
  yellow: { filled: darkestShades.yellow, hover: '#7a4500' },
  orange: { filled: darkestShades.orange, hover: '#a6370b' },
} as const;

/**
 * Text colours that reach AA (4.5:1) where Mantine's defaults fall short, each with the background
 * it is read on (checked in theme.test.ts). Secondary text (gray.6, 3.3:1), placeholders (gray.5,
 * 2.1:1), error text and red buttons (red.6/7, 3.3:1), and the text of "light" badges and alerts on
 * their tinted fill (green 3.8:1, teal 4.3:1, yellow 2.7:1, orange 3.6:1) keep their hue, a shade darker.
 */
export const accessibleColors: Readonly<Record<string, { color: string; on: string }>> = {
  '--mantine-color-dimmed': { color: '#5c636a', on: '#ffffff' },
  '--mantine-color-placeholder': { color: '#6c757d', on: '#ffffff' },
  '--mantine-color-error': { color: '#c92a2a', on: DEFAULT_THEME.colors.red[0] },
  '--mantine-color-red-filled': { color: '#c92a2a', on: '#ffffff' },
  '--mantine-color-red-filled-hover': { color: '#a61e1e', on: '#ffffff' },
  '--mantine-color-red-outline': { color: '#c92a2a', on: '#ffffff' },
  '--mantine-color-red-light-color': { color: '#b02525', on: DEFAULT_THEME.colors.red[1] },
  '--mantine-color-green-light-color': { color: '#1f6f31', on: DEFAULT_THEME.colors.green[1] },
  '--mantine-color-teal-light-color': { color: '#066b4c', on: DEFAULT_THEME.colors.teal[1] },
  '--mantine-color-cyan-light-color': { color: '#0a6878', on: DEFAULT_THEME.colors.cyan[1] },
  '--mantine-color-yellow-light-color': { color: '#8f4a00', on: DEFAULT_THEME.colors.yellow[1] },
  '--mantine-color-orange-light-color': { color: '#a6370b', on: DEFAULT_THEME.colors.orange[1] },
  // Outline badges and buttons: text and border in shade 7, below AA on white for these hues
  // (yellow 2.1:1, teal 3.1:1); shade 9 instead. Filled ones: white text on shade 7 (green 2.7:1,
  // orange 3:1); shade 9, and darker still under the pointer.
  ...Object.fromEntries(
    Object.entries(filledShades).flatMap(([name, { filled, hover }]) => [
      [`--mantine-color-${name}-outline`, { color: filled, on: '#ffffff' }],
      // A fill: `on` is the white text it carries.
      [`--mantine-color-${name}-filled`, { color: filled, on: '#ffffff' }],
      [`--mantine-color-${name}-filled-hover`, { color: hover, on: '#ffffff' }],
    ]),
  ),
};

/** Mantine's CSS variables with the AA colours for the light scheme; passed by `KmgProvider`. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: Object.fromEntries(Object.entries(accessibleColors).map(([name, { color }]) => [name, color])),
  dark: {},
});
