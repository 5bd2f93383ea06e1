import type { Locale } from '@kmg/domain';
import { type Doc, drawQr, type FontName, fitLine } from '#pdf.ts';
import type { DocumentText, Signatory, UniversityLetterhead } from '#rpl-documents.ts';

// The layout of an Indonesian official letter (surat dinas) on A4 portrait, shared by the RPL
// decree and minutes: the letterhead (kop surat) with its double rule, text that flows onto new
// pages, bordered tables whose header repeats on every page, signature blocks, the QR block and
// the "Halaman x dari y" footer. Black on white, as these documents are printed and stamped.

export const PAGE = { width: 595.28, height: 841.89 };
/** 2.5 cm left (the binding side), 2 cm right. */
export const LEFT = 71;
export const RIGHT = PAGE.width - 57;
export const WIDTH = RIGHT - LEFT;
const TOP = 50;
const BOTTOM = PAGE.height - 64;

export const ink = '#111111';
const muted = '#4a4a4a';
const band = '#e9ecef';

export const BODY = 10;
export const LINE_GAP = 2.2;

export function pick(text: DocumentText, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 2 }).format(value);
}

/** A running cursor over pages: whatever is drawn asks for its height first. */
export class Flow {
  readonly doc: Doc;
  y: number;
  /** Called on each new page, e.g. to repeat a table's header. */
  private onNewPage: Array<() => void> = [];

  constructor(doc: Doc, top: number) {
    this.doc = doc;
    this.y = top;
  }

  /** Starts a new page unless `height` still fits on this one; true when it started one. */
  ensure(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.newPage();
    return true;
  }

  newPage() {
    this.doc.addPage();
    this.y = TOP;
    for (const draw of this.onNewPage) draw();
  }

  get remaining() {
    return BOTTOM - this.y;
  }

  /** Runs `draw` with `repeat` called on every page it starts. */
  withRepeat(repeat: () => void, draw: () => void) {
    this.onNewPage.push(repeat);
    try {
      draw();
    } finally {
      this.onNewPage.pop();
    }
  }
}

type TextStyle = { font?: FontName; size?: number; color?: string };

function setStyle(doc: Doc, { font = 'regular', size = BODY, color = ink }: TextStyle) {
  doc.font(font).fontSize(size).fillColor(color);
}

export function textHeight(doc: Doc, text: string, width: number, style: TextStyle = {}): number {
  setStyle(doc, style);
  return doc.heightOfString(text, { width, lineGap: LINE_GAP });
}

/** Wrapped text at `x` on the flow's line; returns its height. */
export function drawText(
  flow: Flow,
  text: string,
  x: number,
  width: number,
  style: TextStyle & { align?: 'left' | 'center' | 'right' | 'justify' } = {},
): number {
  const { doc } = flow;
  setStyle(doc, style);
  const height = doc.heightOfString(text, { width, lineGap: LINE_GAP });
  doc.text(text, x, flow.y, { width, lineGap: LINE_GAP, align: style.align ?? 'left' });
  return height;
}

/** A paragraph over the text width, on a new page when it does not fit. */
export function paragraph(
  flow: Flow,
  text: string,
  style: TextStyle & { align?: 'left' | 'center' | 'right' | 'justify'; after?: number } = {},
) {
  flow.ensure(textHeight(flow.doc, text, WIDTH, style));
  flow.y += drawText(flow, text, LEFT, WIDTH, { align: 'justify', ...style }) + (style.after ?? 6);
}

export function centeredLines(flow: Flow, lines: string[], style: TextStyle = {}) {
  for (const line of lines) {
    flow.ensure(textHeight(flow.doc, line, WIDTH, style));
    flow.y += drawText(flow, line, LEFT, WIDTH, { ...style, align: 'center' });
  }
}

/**
 * Labelled items as in a decree: "Menimbang : a. bahwa …". The label sits beside the first item;
 * `marker` numbers each item ("a.", "1.") and may be null for a single unnumbered item.
 */
export function labelledItems(
  flow: Flow,
  label: string,
  items: string[],
  {
    marker,
    labelWidth = 92,
    style = {},
    after = 8,
  }: {
    marker: ((index: number) => string) | null;
    labelWidth?: number;
    style?: TextStyle;
    after?: number;
  },
) {
  const { doc } = flow;
  const colon = LEFT + labelWidth;
  const markerX = colon + 10;
  const textX = marker ? markerX + 18 : markerX;
  const width = RIGHT - textX;
  items.forEach((item, index) => {
    const height = textHeight(doc, item, width, style);
    flow.ensure(height);
    if (index === 0) {
      setStyle(doc, style);
      doc.text(label, LEFT, flow.y, { lineBreak: false });
      doc.text(':', colon, flow.y, { lineBreak: false });
    }
    if (marker) {
      setStyle(doc, style);
      doc.text(marker(index), markerX, flow.y, { lineBreak: false });
    }
    flow.y += drawText(flow, item, textX, width, { ...style, align: 'justify' }) + 3;
  });
  flow.y += after;
}

/** "Nama : …" rows with a fixed label column. */
export function fieldRows(
  flow: Flow,
  rows: Array<[string, string]>,
  { x = LEFT, labelWidth = 110 }: { x?: number; labelWidth?: number } = {},
) {
  const { doc } = flow;
  const valueX = x + labelWidth + 10;
  for (const [label, value] of rows) {
    const height = textHeight(doc, value, RIGHT - valueX, { font: 'semibold' });
    flow.ensure(height);
    setStyle(doc, {});
    doc.text(label, x, flow.y, { lineBreak: false });
    doc.text(':', x + labelWidth, flow.y, { lineBreak: false });
    flow.y += drawText(flow, value, valueX, RIGHT - valueX, { font: 'semibold' }) + 1;
  }
}

/**
 * The letterhead: emblem left, the ministry, the university and unit in capitals, the address and
 * contacts, and the double rule (thick over thin). Returns the y below it.
 */
export function drawLetterhead(doc: Doc, head: UniversityLetterhead, locale: Locale): number {
  const logoSize = 66;
  const top = 36;
  if (head.logo) {
    const bytes = Buffer.from(head.logo);
    const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    if (!isPng && !isJpeg) throw new TypeError('The letterhead logo must be PNG or JPEG bytes');
    doc.image(bytes, LEFT - 8, top + 4, { fit: [logoSize, logoSize], align: 'center', valign: 'center' });
  }
  // Centred on the page, as Indonesian letterheads are, but clear of the emblem.
  const textLeft = head.logo ? LEFT + logoSize + 4 : LEFT;
  const textRight = head.logo ? RIGHT - logoSize + 4 : RIGHT;
  const lines: Array<{ text: string; font: FontName; size: number; spacing?: number }> = [
    ...(head.ministry
      ? [{ text: pick(head.ministry, locale).toUpperCase(), font: 'regular' as const, size: 11 }]
      : []),
    { text: pick(head.name, locale).toUpperCase(), font: 'bold', size: 14.5, spacing: 0.3 },
    ...(head.unit
      ? [{ text: pick(head.unit, locale).toUpperCase(), font: 'semibold' as const, size: 12 }]
      : []),
    ...head.address.map((line) => ({ text: pick(line, locale), font: 'regular' as const, size: 8.5 })),
    ...(head.contacts?.length
      ? [{ text: head.contacts.join('  ·  '), font: 'regular' as const, size: 8.5 }]
      : []),
  ];
  let y = top;
  for (const line of lines) {
    doc.font(line.font).fontSize(line.size).fillColor(ink);
    const text = fitLine(doc, line.text, textRight - textLeft);
    const width = doc.widthOfString(text, { characterSpacing: line.spacing ?? 0 });
    doc.text(text, textLeft + (textRight - textLeft - width) / 2, y, {
      lineBreak: false,
      characterSpacing: line.spacing ?? 0,
    });
    y += line.size * 1.32;
  }
  y = Math.max(y, head.logo ? top + logoSize + 6 : y) + 4;
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(2.2).strokeColor(ink).stroke();
  doc
    .moveTo(LEFT, y + 3.2)
    .lineTo(RIGHT, y + 3.2)
    .lineWidth(0.6)
    .stroke();
  return y + 18;
}

export type Column = { header: string; width: number; align?: 'left' | 'center' | 'right' };
export type Cell =
  | string
  | { text: string; font?: FontName; span?: number; align?: 'left' | 'center' | 'right' };
/** A header cell over several columns (the first header row of a two-row header). */
export type ColumnGroup = { header: string; span: number };

const PAD_X = 4;
const PAD_Y = 3;

function cellParts(cell: Cell) {
  return typeof cell === 'string' ? { text: cell } : cell;
}

function rowHeight(doc: Doc, columns: Column[], cells: Cell[], size: number): number {
  let column = 0;
  let height = 0;
  for (const cell of cells) {
    const { text, font = 'regular', span = 1 } = cellParts(cell);
    const width = columns.slice(column, column + span).reduce((sum, entry) => sum + entry.width, 0);
    height = Math.max(height, textHeight(doc, text, width - PAD_X * 2, { font, size }));
    column += span;
  }
  return height + PAD_Y * 2;
}

function drawRow(
  flow: Flow,
  columns: Column[],
  cells: Cell[],
  {
    size,
    height,
    fill,
    defaultFont = 'regular',
  }: { size: number; height: number; fill?: string; defaultFont?: FontName },
) {
  const { doc } = flow;
  let x = LEFT;
  let column = 0;
  for (const cell of cells) {
    const { text, font = defaultFont, span = 1, align } = cellParts(cell);
    const spanned = columns.slice(column, column + span);
    const width = spanned.reduce((sum, entry) => sum + entry.width, 0);
    if (fill) doc.rect(x, flow.y, width, height).fill(fill);
    doc.rect(x, flow.y, width, height).lineWidth(0.5).strokeColor(ink).stroke();
    setStyle(doc, { font, size });
    const textHeightValue = doc.heightOfString(text, { width: width - PAD_X * 2, lineGap: LINE_GAP });
    doc.text(text, x + PAD_X, flow.y + (height - textHeightValue) / 2 + 0.5, {
      width: width - PAD_X * 2,
      lineGap: LINE_GAP,
      align: align ?? spanned[0]?.align ?? 'left',
    });
    x += width;
    column += span;
  }
  flow.y += height;
}

/**
 * A bordered table whose header repeats on each page it continues to (after `caption`, e.g. the
 * teacher's name and "(lanjutan)"). The last body row is kept with the footer rows (totals).
 */
export function drawTable(
  flow: Flow,
  {
    columns,
    groups,
    rows,
    footer = [],
    size = 9,
    continuation,
  }: {
    columns: Column[];
    groups?: ColumnGroup[];
    rows: Cell[][];
    footer?: Cell[][];
    size?: number;
    /** Printed above the repeated header on a continuation page. */
    continuation?: string;
  },
) {
  const { doc } = flow;
  const headerCells: Cell[] = columns.map((column) => ({
    text: column.header,
    font: 'semibold',
    align: 'center',
  }));
  const groupCells: Cell[] | null = groups
    ? groups.map((group) => ({ text: group.header, span: group.span, font: 'semibold', align: 'center' }))
    : null;
  const headerHeight =
    rowHeight(doc, columns, headerCells, size) + (groupCells ? rowHeight(doc, columns, groupCells, size) : 0);
  const headerCell = (text: string, x: number, y: number, width: number, height: number) => {
    doc.rect(x, y, width, height).fill(band);
    doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(ink).stroke();
    setStyle(doc, { font: 'semibold', size });
    const textHeightValue = doc.heightOfString(text, { width: width - PAD_X * 2, lineGap: LINE_GAP });
    doc.text(text, x + PAD_X, y + (height - textHeightValue) / 2 + 0.5, {
      width: width - PAD_X * 2,
      lineGap: LINE_GAP,
      align: 'center',
    });
  };
  const drawHeader = () => {
    if (!groups || !groupCells) {
      drawRow(flow, columns, headerCells, {
        size,
        height: rowHeight(doc, columns, headerCells, size),
        fill: band,
        defaultFont: 'semibold',
      });
      return;
    }
    const groupHeight = rowHeight(doc, columns, groupCells, size);
    const columnHeight = rowHeight(doc, columns, headerCells, size);
    let x = LEFT;
    let column = 0;
    for (const group of groups) {
      const spanned = columns.slice(column, column + group.span);
      const width = spanned.reduce((sum, entry) => sum + entry.width, 0);
      // A group naming its one column covers both header rows.
      if (group.span === 1 && group.header === spanned[0]?.header) {
        headerCell(group.header, x, flow.y, width, groupHeight + columnHeight);
      } else {
        headerCell(group.header, x, flow.y, width, groupHeight);
        let columnX = x;
        for (const entry of spanned) {
          headerCell(entry.header, columnX, flow.y + groupHeight, entry.width, columnHeight);
          columnX += entry.width;
        }
      }
      x += width;
      column += group.span;
    }
    flow.y += groupHeight + columnHeight;
  };
  const footerHeight = footer.reduce((sum, cells) => sum + rowHeight(doc, columns, cells, size), 0);
  const firstRowHeight = rows[0] ? rowHeight(doc, columns, rows[0], size) : 0;
  flow.ensure(headerHeight + firstRowHeight + (rows.length <= 1 ? footerHeight : 0));
  drawHeader();
  flow.withRepeat(
    () => {
      if (continuation) {
        flow.y += drawText(flow, continuation, LEFT, WIDTH, { font: 'italic', size: 8.5, color: muted }) + 3;
      }
      drawHeader();
    },
    () => {
      rows.forEach((cells, index) => {
        const height = rowHeight(doc, columns, cells, size);
        flow.ensure(height + (index === rows.length - 1 ? footerHeight : 0));
        drawRow(flow, columns, cells, { size, height });
      });
      for (const cells of footer) {
        const height = rowHeight(doc, columns, cells, size);
        flow.ensure(height);
        drawRow(flow, columns, cells, { size, height, fill: band, defaultFont: 'semibold' });
      }
    },
  );
}

const SIGNING_SPACE = 58;

function signatureHeight(doc: Doc, block: Signatory, width: number, locale: Locale): number {
  const position = textHeight(doc, `${pick(block.position, locale)},`, width);
  const name = textHeight(doc, block.name, width, { font: 'bold' });
  return position + SIGNING_SPACE + name + (block.employeeNumber ? BODY * 1.5 : 0);
}

function drawSignature(flow: Flow, block: Signatory, x: number, width: number, locale: Locale) {
  const { doc } = flow;
  const start = flow.y;
  flow.y += drawText(flow, `${pick(block.position, locale)},`, x, width);
  flow.y += SIGNING_SPACE;
  const nameHeight = drawText(flow, block.name, x, width, { font: 'bold' });
  setStyle(doc, { font: 'bold' });
  const underline = Math.min(doc.widthOfString(block.name), width);
  doc
    .moveTo(x, flow.y + BODY + 2)
    .lineTo(x + underline, flow.y + BODY + 2)
    .lineWidth(0.6)
    .strokeColor(ink)
    .stroke();
  flow.y += nameHeight;
  if (block.employeeNumber) {
    flow.y += drawText(flow, `${block.employeeNumberLabel ?? 'NIP'} ${block.employeeNumber}`, x, width);
  }
  const end = flow.y;
  flow.y = start;
  return end;
}

/**
 * Signature blocks in rows of `perRow`: a single signatory signs on the right half, as on Indonesian
 * letters. `lead` (place and date) goes above the first row, in the right-hand column; each row
 * stays on one page, and the first one on the page of the lead and `keepWith` points before it.
 */
export function drawSignatures(
  flow: Flow,
  blocks: Signatory[],
  {
    locale,
    perRow = 2,
    lead = [],
    keepWith = 0,
  }: { locale: Locale; perRow?: number; lead?: string[]; keepWith?: number },
) {
  const gap = 18;
  const columnWidth = (WIDTH - gap * (perRow - 1)) / perRow;
  const columnX = (column: number) => LEFT + column * (columnWidth + gap);
  const leadHeight = lead.reduce((sum, line) => sum + textHeight(flow.doc, line, columnWidth), 0);
  for (let start = 0; start < blocks.length; start += perRow) {
    const row = blocks.slice(start, start + perRow);
    const height = Math.max(...row.map((block) => signatureHeight(flow.doc, block, columnWidth, locale)));
    flow.ensure(height + (start === 0 ? keepWith + leadHeight : 0));
    if (start === 0) {
      flow.y += keepWith;
      for (const line of lead) flow.y += drawText(flow, line, columnX(perRow - 1), columnWidth);
    }
    let bottom = flow.y;
    row.forEach((block, index) => {
      // A row of one signs on the right, like the last column.
      const column = row.length === 1 ? perRow - 1 : index;
      bottom = Math.max(bottom, drawSignature(flow, block, columnX(column), columnWidth, locale));
    });
    flow.y = bottom + 16;
  }
}

/** A framed QR code with the URL printed beside it. */
export function drawVerification(flow: Flow, url: string, lines: string[]) {
  const { doc } = flow;
  const size = 66;
  const height = size + 12;
  flow.ensure(height);
  const top = flow.y;
  doc.rect(LEFT, top, WIDTH, height).lineWidth(0.5).strokeColor(muted).stroke();
  drawQr(doc, url, LEFT + 6, top + 6, size);
  const x = LEFT + size + 16;
  let y = top + 12;
  for (const line of lines) {
    doc.font('regular').fontSize(8.5).fillColor(ink);
    doc.text(line, x, y, { width: RIGHT - x - 8, lineGap: 1 });
    y += doc.heightOfString(line, { width: RIGHT - x - 8, lineGap: 1 }) + 2;
  }
  doc.font('semibold').fontSize(8.5).fillColor(ink);
  doc.text(fitLine(doc, url, RIGHT - x - 8), x, y + 2, { lineBreak: false, link: url });
  flow.y = top + height + 10;
}

/** On every buffered page: a thin rule, the document's name on the left, "Halaman x dari y" right. */
export function drawFooters(doc: Doc, name: string, pageLabel: (page: number, count: number) => string) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const y = PAGE.height - 46;
    doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.4).strokeColor(muted).stroke();
    doc.font('regular').fontSize(7.5).fillColor(muted);
    const label = pageLabel(index - start + 1, count);
    const labelWidth = doc.widthOfString(label);
    doc.text(fitLine(doc, name, WIDTH - labelWidth - 20), LEFT, y + 5, { lineBreak: false });
    doc.text(label, RIGHT - labelWidth, y + 5, { lineBreak: false });
  }
}
