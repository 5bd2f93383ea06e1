// The badge seal as a PNG: link previews (Open Graph) and wallets take no SVG.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

// Noto Sans from its npm package, as the PDF certificate uses: no system font, nothing fetched.
const require = createRequire(import.meta.url);
const badgeFonts = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
];

/**
 * Renders a badge SVG (`achievementBadgeSvg`) to a PNG `width` pixels wide, for link previews and
 * wallets that take no SVG. Text is set in the bundled Noto Sans whatever family the SVG names.
 */
export function renderBadgePng(svg: string, width = 512): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: false,
      fontFiles: badgeFonts.map((file) => require.resolve(file)),
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
    },
  });
  return Buffer.from(resvg.render().asPng());
}
