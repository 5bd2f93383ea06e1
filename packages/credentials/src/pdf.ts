import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

// What every printed document of this package shares: the embedded fonts, the document set-up
// that never touches pdfkit's bundled Helvetica, one-line fitting, and the vector QR code.

export type Doc = PDFKit.PDFDocument;

/** TTF/OTF data by role; `loadBundledFonts` reads Noto Sans from its npm package. */
export type PdfFonts = Record<'regular' | 'italic' | 'semibold' | 'bold', Uint8Array>;
export type FontName = keyof PdfFonts;

// Noto Sans from an npm package (TTF, which fontkit embeds and subsets): no font is fetched at run
// time, and it covers every Latin letter an Indonesian name may carry.
const require = createRequire(import.meta.url);
const fontFiles = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  semibold: '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const satisfies Record<FontName, string>;
let bundledFonts: PdfFonts | undefined;

export function loadBundledFonts(): PdfFonts {
  const read = (name: FontName) => readFileSync(require.resolve(fontFiles[name]));
  bundledFonts ??= {
    regular: read('regular'),
    italic: read('italic'),
    semibold: read('semibold'),
    bold: read('bold'),
  };
  return bundledFonts;
}

/**
 * A pdfkit document with `fonts` registered under their role names, and the bytes it will have
 * once `doc.end()` is called.
 */
export function createPdf(
  fonts: PdfFonts,
  options: Omit<PDFKit.PDFDocumentOptions, 'font' | 'margin'>,
): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    // Starting on our own font keeps pdfkit from loading its Helvetica metrics, which it finds
    // through a package-relative require that breaks once bundled.
    font: Buffer.from(fonts.regular) as unknown as string,
    margin: 0,
    ...options,
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, data] of Object.entries(fonts)) doc.registerFont(name, Buffer.from(data));
  return { doc, bytes };
}

/** Shortens `text` with an ellipsis until it fits `width` in the current font. */
export function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let end = text.length;
  while (end > 0 && doc.widthOfString(`${text.slice(0, end).trimEnd()}…`) > width) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Vector QR code (crisp at any zoom), merging dark runs per row so renderers show no seams. */
export function drawQr(doc: Doc, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row += 1) {
    let runStart = -1;
    for (let col = 0; col <= modules.size; col += 1) {
      const isDark = col < modules.size && modules.get(row, col) === 1;
      if (isDark && runStart === -1) runStart = col;
      if (!isDark && runStart !== -1) {
        doc.rect(x + (quiet + runStart) * cell, y + (quiet + row) * cell, (col - runStart) * cell, cell);
        runStart = -1;
      }
    }
  }
  doc.fill('#000000');
  doc.link(x, y, size, size, url);
}
