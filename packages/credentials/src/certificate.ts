import type { AchievementType, BilingualText, OpenBadgeInput, ParticipationForm } from '#credential.ts';
import {
  createPdf,
  type Doc,
  drawQr,
  type FontName,
  fitLine,
  loadBundledFonts,
  type PdfFonts,
} from '#pdf.ts';

export type RenderCertificateOptions = {
  /** The data the credential was built from (`buildOpenBadgeCredential` input). */
  input: OpenBadgeInput;
  /** Public page where anyone can verify this credential; encoded in the QR code and printed. */
  verificationUrl: string;
  /** Time zone the dates are printed in (training venues span WIB, WITA and WIT). */
  timeZone?: string;
  /**
   * TTF/OTF data to use instead of the bundled Noto Sans; for a bundled deployable that does not
   * ship `node_modules`, read the files at build time and pass them here.
   */
  fonts?: CertificateFonts;
  /** Logos and the signatory, as recorded when the credential was issued; none printed when absent. */
  branding?: CertificateBranding;
};

/** PNG or JPEG bytes (pdfkit embeds both). */
export type CertificateImage = Uint8Array;

export type CertificateBranding = {
  /** The issuing organization's logo, beside its name in the footer. */
  issuerLogo?: CertificateImage;
  /** The programme's (the ministry's) logo, beside the parent organization in the header. */
  programmeLogo?: CertificateImage;
  /** Who signs for the issuer: printed under the signature image, when there is one. */
  signatory?: { name: string; position: string; signature?: CertificateImage };
};

/** The certificate's fonts; see `PdfFonts`. */
export type CertificateFonts = PdfFonts;

const colors = {
  ink: '#1f2933',
  muted: '#5b6b7b',
  navy: '#12355b',
  gold: '#b8913a',
  rule: '#d9dee5',
  band: '#f3f5f8',
};

const PAGE = { width: 841.89, height: 595.28 };
const LEFT = 60;
const RIGHT = PAGE.width - 60;
const WIDTH = RIGHT - LEFT;

const titles: Record<AchievementType, { title: BilingualText; lead: BilingualText }> = {
  CertificateOfCompletion: {
    title: { id: 'SERTIFIKAT PELATIHAN', en: 'Certificate of Completion' },
    lead: { id: 'telah menyelesaikan pelatihan', en: 'has completed the training' },
  },
  MicroCredential: {
    title: { id: 'SERTIFIKAT KREDENSIAL MIKRO', en: 'Micro-credential Certificate' },
    lead: { id: 'atas capaian kredensial mikro', en: 'for achieving the micro-credential' },
  },
  Certification: {
    title: { id: 'SERTIFIKAT KOMPETENSI', en: 'Certificate of Competence' },
    lead: { id: 'atas sertifikasi kompetensi', en: 'for the competency certification' },
  },
};

const participationLabels: Record<ParticipationForm, BilingualText> = {
  online: { id: 'Daring', en: 'Online' },
  onsite: { id: 'Luring', en: 'Onsite' },
  blended: { id: 'Bauran', en: 'Blended' },
};

type MonthStyle = 'long' | 'short';

function dateParts(value: Date | string, locale: string, timeZone: string, month: MonthStyle = 'long') {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month,
    year: 'numeric',
  }).formatToParts(new Date(value));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
}

function formatDate(
  value: Date | string,
  locale: string,
  timeZone: string,
  monthStyle: MonthStyle = 'long',
): string {
  const { day, month, year } = dateParts(value, locale, timeZone, monthStyle);
  return `${day} ${month} ${year}`;
}

/** "3–7 November 2025", "28 Oktober – 2 November 2025", or full dates across years. */
function formatDateRange(
  start: Date | string,
  end: Date | string,
  locale: string,
  timeZone: string,
  monthStyle: MonthStyle = 'long',
): string {
  const from = dateParts(start, locale, timeZone, monthStyle);
  const to = dateParts(end, locale, timeZone, monthStyle);
  if (from.year !== to.year) {
    return `${formatDate(start, locale, timeZone, monthStyle)} – ${formatDate(end, locale, timeZone, monthStyle)}`;
  }
  if (from.month !== to.month) return `${from.day} ${from.month} – ${to.day} ${to.month} ${to.year}`;
  if (from.day !== to.day) return `${from.day}–${to.day} ${to.month} ${to.year}`;
  return `${to.day} ${to.month} ${to.year}`;
}

/** Largest font size (down to `min`) at which `text` fits one line of `width`. */
function fitSize(
  doc: Doc,
  text: string,
  { font, max, min, width }: { font: FontName; max: number; min: number; width: number },
) {
  let size = max;
  doc.font(font);
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

/** The first variant that fits `width` at `size`, else the last (shortest) one. */
function pickFitting(
  doc: Doc,
  variants: string | string[],
  { font, size, width }: { font: FontName; size: number; width: number },
) {
  const list = typeof variants === 'string' ? [variants] : variants;
  doc.font(font).fontSize(size);
  return list.find((variant) => doc.widthOfString(variant) <= width) ?? list[list.length - 1] ?? '';
}

function centered(
  doc: Doc,
  text: string,
  y: number,
  { font, size, color }: { font: FontName; size: number; color: string },
) {
  doc.font(font).fontSize(size).fillColor(color);
  const line = fitLine(doc, text, WIDTH);
  doc.text(line, LEFT + (WIDTH - doc.widthOfString(line)) / 2, y, { lineBreak: false });
}

/** Two-language label: Indonesian first, English after a middle dot, muted. */
function label(doc: Doc, text: BilingualText, x: number, y: number, width: number) {
  doc.font('semibold').fontSize(7.5).fillColor(colors.muted);
  doc.text(fitLine(doc, `${text.id.toUpperCase()} · ${text.en}`, width), x, y, { lineBreak: false });
}

function drawFrame(doc: Doc) {
  doc
    .lineWidth(2.5)
    .strokeColor(colors.navy)
    .rect(20, 20, PAGE.width - 40, PAGE.height - 40)
    .stroke();
  doc
    .lineWidth(0.75)
    .strokeColor(colors.gold)
    .rect(27, 27, PAGE.width - 54, PAGE.height - 54)
    .stroke();
}

/** An image scaled to fit a box, aligned to its right edge or its left. */
function drawImage(
  doc: Doc,
  image: CertificateImage,
  {
    x,
    y,
    width,
    height,
    align,
  }: { x: number; y: number; width: number; height: number; align: 'left' | 'right' | 'center' },
) {
  // pdfkit aligns left unless told otherwise.
  doc.image(Buffer.from(image), x, y, {
    fit: [width, height],
    ...(align === 'left' ? {} : { align }),
    valign: 'center',
  });
}

function drawHeader(doc: Doc, input: OpenBadgeInput, programmeLogo?: CertificateImage) {
  doc.font('bold').fontSize(10).fillColor(colors.navy);
  doc.text('KREDENSIAL MIKRO GURU SMK', LEFT, 48, { lineBreak: false, characterSpacing: 1.2 });
  doc.font('italic').fontSize(8.5).fillColor(colors.muted);
  doc.text('Micro-credentials for Vocational (SMK) Teachers', LEFT, 62, { lineBreak: false });

  // "Direktorat ..., Kementerian ..." reads best broken at the comma, unit above ministry.
  const [unit, ...rest] = input.issuer.parentOrg.name.split(', ');
  const lines = [
    { text: unit ?? '', font: 'semibold' as const },
    { text: rest.join(', '), font: 'regular' as const },
  ];
  // The programme's logo closes the line, the parent organization's name before it.
  const logoSize = 40;
  const textRight = programmeLogo ? RIGHT - logoSize - 10 : RIGHT;
  if (programmeLogo)
    drawImage(doc, programmeLogo, {
      x: RIGHT - logoSize,
      y: 40,
      width: logoSize,
      height: logoSize,
      align: 'right',
    });
  lines.forEach((line, index) => {
    doc.font(line.font).fontSize(8.5).fillColor(colors.navy);
    const text = fitLine(doc, line.text, 360);
    doc.text(text, textRight - doc.widthOfString(text), 48 + index * 13, { lineBreak: false });
  });
  doc.moveTo(LEFT, 86).lineTo(RIGHT, 86).lineWidth(0.75).strokeColor(colors.gold).stroke();
}

function drawDetails(doc: Doc, input: OpenBadgeInput, timeZone: string, y: number): number {
  const { achievement } = input;
  const issued = input.awardedDate ?? input.validFrom;
  const bilingualDate = (value: Date | string) => ({
    value: formatDate(value, 'id-ID', timeZone),
    note: formatDate(value, 'en-GB', timeZone),
  });
  const cells: Array<{ label: BilingualText; value: string | string[]; note: string | string[] }> = [
    ...(input.activity
      ? [
          {
            label: { id: 'Pelaksanaan', en: 'Training dates' },
            // Long month names first; abbreviated ones when a range across months does not fit.
            value: (['long', 'short'] as const).map((style) =>
              formatDateRange(
                input.activity?.startDate ?? '',
                input.activity?.endDate ?? '',
                'id-ID',
                timeZone,
                style,
              ),
            ),
            note: (['long', 'short'] as const).map((style) =>
              formatDateRange(
                input.activity?.startDate ?? '',
                input.activity?.endDate ?? '',
                'en-GB',
                timeZone,
                style,
              ),
            ),
          },
        ]
      : []),
    {
      label: { id: 'Beban belajar', en: 'Workload' },
      value: `${achievement.workloadHours} jam · ${String(achievement.credits).replace('.', ',')} SKS`,
      note: `${achievement.workloadHours} hours · ${achievement.credits} SKS credit${achievement.credits === 1 ? '' : 's'}`,
    },
    {
      label: { id: 'Jenjang KKNI', en: 'KKNI level' },
      value: `Jenjang ${achievement.kkni.level}`,
      note: `Level ${achievement.kkni.level} of 9`,
    },
    {
      label: { id: 'Keikutsertaan', en: 'Participation' },
      value: participationLabels[achievement.participation].id,
      note: participationLabels[achievement.participation].en,
    },
    { label: { id: 'Diterbitkan', en: 'Issued' }, ...bilingualDate(issued) },
    input.validUntil
      ? { label: { id: 'Berlaku hingga', en: 'Valid until' }, ...bilingualDate(input.validUntil) }
      : { label: { id: 'Berlaku hingga', en: 'Valid until' }, value: 'Tanpa batas', note: 'No expiry date' },
  ];
  const height = 62;
  doc.rect(LEFT, y, WIDTH, height).fill(colors.band);
  const cellWidth = WIDTH / cells.length;
  cells.forEach((cell, index) => {
    const x = LEFT + index * cellWidth + 10;
    const width = cellWidth - 16;
    if (index > 0) {
      doc.moveTo(LEFT + index * cellWidth, y + 9).lineTo(LEFT + index * cellWidth, y + height - 9);
      doc.lineWidth(0.5).strokeColor(colors.rule).stroke();
    }
    doc.font('semibold').fontSize(7).fillColor(colors.muted);
    doc.text(fitLine(doc, cell.label.id.toUpperCase(), width), x, y + 8, {
      lineBreak: false,
      characterSpacing: 0.4,
    });
    doc.font('italic').fontSize(7).fillColor(colors.muted);
    doc.text(fitLine(doc, cell.label.en, width), x, y + 17, { lineBreak: false });
    const value = pickFitting(doc, cell.value, { font: 'semibold', size: 9, width });
    const valueSize = fitSize(doc, value, { font: 'semibold', max: 10.5, min: 8, width });
    doc.font('semibold').fontSize(valueSize).fillColor(colors.ink);
    doc.text(fitLine(doc, value, width), x, y + 30 + (10.5 - valueSize) / 2, { lineBreak: false });
    doc.font('italic').fontSize(7.5).fillColor(colors.muted);
    doc.text(
      fitLine(doc, pickFitting(doc, cell.note, { font: 'italic', size: 7.5, width }), width),
      x,
      y + 46,
      {
        lineBreak: false,
      },
    );
  });
  return y + height;
}

type TableRow = { code: string; title: string; result?: { text: string; color: string } };

/** A banded table of rows (code, title, an optional coloured result) between `top` and `bottom`. */
function drawTable(
  doc: Doc,
  {
    heading,
    rows,
    codeWidth,
    noun,
  }: { heading: BilingualText; rows: TableRow[]; codeWidth: number; noun: BilingualText },
  top: number,
  bottom: number,
  tableRight: number,
) {
  if (rows.length === 0) return;
  label(doc, heading, LEFT, top, tableRight - LEFT);
  const resultWidth = rows.some((row) => row.result) ? 150 : 0;
  const titleWidth = tableRight - LEFT - codeWidth - resultWidth - 12;
  let rowHeight = 17;
  let fontSize = 9;
  const available = bottom - (top + 14);
  let shown = rows.length;
  while (shown * rowHeight > available && rowHeight > 12) {
    rowHeight -= 1;
    fontSize -= 0.4;
  }
  if (shown * rowHeight > available) shown = Math.max(1, Math.floor(available / rowHeight) - 1);
  let y = top + 14;
  rows.slice(0, shown).forEach((row, index) => {
    if (index % 2 === 0) doc.rect(LEFT, y, tableRight - LEFT, rowHeight).fill(colors.band);
    const baseline = y + (rowHeight - fontSize * 1.25) / 2;
    doc.font('semibold').fontSize(fontSize).fillColor(colors.navy);
    doc.text(fitLine(doc, row.code, codeWidth - 6), LEFT + 6, baseline, { lineBreak: false });
    doc.font('regular').fontSize(fontSize).fillColor(colors.ink);
    doc.text(fitLine(doc, row.title, titleWidth), LEFT + 6 + codeWidth, baseline, { lineBreak: false });
    if (row.result) {
      doc.font('semibold').fontSize(fontSize).fillColor(row.result.color);
      doc.text(row.result.text, tableRight - resultWidth, baseline, { lineBreak: false });
    }
    y += rowHeight;
  });
  const hidden = rows.length - shown;
  if (hidden > 0) {
    doc.font('italic').fontSize(8).fillColor(colors.muted);
    doc.text(
      `… dan ${hidden} ${noun.id} lainnya · and ${hidden} more ${noun.en} (lihat halaman verifikasi · see the verification page)`,
      LEFT + 6,
      y + 3,
      {
        lineBreak: false,
      },
    );
  }
}

/** The genre of the evidence entries that name a pathway credential's components. */
export const COMPONENT_EVIDENCE_GENRE = 'Kredensial komponen';

function drawUnits(doc: Doc, input: OpenBadgeInput, top: number, bottom: number, tableRight: number) {
  const { achievement } = input;
  // A pathway credential lists the credentials it stacks; each verifies on its own page.
  const components = (input.evidence ?? []).filter((entry) => entry.genre === COMPONENT_EVIDENCE_GENRE);
  if (components.length > 0) {
    drawTable(
      doc,
      {
        heading: { id: 'Kredensial komponen jalur ini', en: 'Component credentials of this pathway' },
        codeWidth: 230,
        noun: { id: 'kredensial', en: 'credentials' },
        rows: components.map((entry) => ({
          code: entry.name,
          title: `${entry.description ?? ''} · ${entry.id ?? ''}`,
        })),
      },
      top,
      bottom,
      tableRight,
    );
    return;
  }
  const isAssessed = achievement.skkniUnits.some((unit) => unit.result);
  drawTable(
    doc,
    {
      heading: isAssessed
        ? {
            id: 'Unit kompetensi SKKNI dan hasil asesmen',
            en: 'SKKNI competency units and assessment results',
          }
        : { id: 'Unit kompetensi SKKNI yang dilatihkan', en: 'SKKNI competency units covered' },
      codeWidth: 92,
      noun: { id: 'unit', en: 'units' },
      rows: achievement.skkniUnits.map((unit) => ({
        code: unit.code,
        title: unit.title,
        ...(unit.result
          ? {
              result:
                unit.result === 'K'
                  ? { text: 'K · Kompeten', color: '#1d6b3a' }
                  : { text: 'BK · Belum Kompeten', color: '#9a3412' },
            }
          : {}),
      })),
    },
    top,
    bottom,
    tableRight,
  );
}

const SIGNATORY_WIDTH = 200;

/** The signatory's block: the signature (when given) above a rule, then name and position. */
function drawSignatory(
  doc: Doc,
  signatory: NonNullable<CertificateBranding['signatory']>,
  top: number,
  right: number,
) {
  const x = right - SIGNATORY_WIDTH;
  if (signatory.signature)
    drawImage(doc, signatory.signature, {
      x,
      y: top + 6,
      width: SIGNATORY_WIDTH,
      height: 36,
      align: 'center',
    });
  doc
    .moveTo(x + 20, top + 46)
    .lineTo(right - 20, top + 46)
    .lineWidth(0.5)
    .strokeColor(colors.muted)
    .stroke();
  const line = (text: string, font: FontName, size: number, y: number, color: string) => {
    doc.font(font).fontSize(size).fillColor(color);
    const fitted = fitLine(doc, text, SIGNATORY_WIDTH);
    doc.text(fitted, x + (SIGNATORY_WIDTH - doc.widthOfString(fitted)) / 2, y, { lineBreak: false });
  };
  line(signatory.name, 'bold', 9.5, top + 50, colors.ink);
  line(signatory.position, 'regular', 8, top + 64, colors.muted);
}

function drawFooter(
  doc: Doc,
  input: OpenBadgeInput,
  verificationUrl: string,
  top: number,
  right: number,
  branding: CertificateBranding,
) {
  doc.moveTo(LEFT, top).lineTo(right, top).lineWidth(0.5).strokeColor(colors.rule).stroke();
  const textRight = branding.signatory ? right - SIGNATORY_WIDTH - 16 : right;
  if (branding.signatory) drawSignatory(doc, branding.signatory, top, right);
  // The issuer's logo stands before its name; the lines below it keep the full width.
  const logoSize = 38;
  const nameLeft = branding.issuerLogo ? LEFT + logoSize + 10 : LEFT;
  if (branding.issuerLogo)
    drawImage(doc, branding.issuerLogo, {
      x: LEFT,
      y: top + 8,
      width: logoSize,
      height: logoSize,
      align: 'left',
    });
  label(doc, { id: 'Diterbitkan oleh', en: 'Issued by' }, nameLeft, top + 8, textRight - nameLeft);
  doc.font('bold').fontSize(12).fillColor(colors.ink);
  doc.text(fitLine(doc, input.issuer.name, textRight - nameLeft), nameLeft, top + 19, { lineBreak: false });
  doc.font('regular').fontSize(8).fillColor(colors.muted);
  doc.text(
    fitLine(doc, `dalam program · in the programme of ${input.issuer.parentOrg.name}`, textRight - nameLeft),
    nameLeft,
    top + 37,
    { lineBreak: false },
  );
  doc.font('regular').fontSize(7.5).fillColor(colors.muted);
  doc.text(`ID kredensial · Credential ID: ${input.id}`, LEFT, top + 52, { lineBreak: false });
  doc.text('Verifikasi · Verify: ', LEFT, top + 63, { lineBreak: false, continued: true });
  doc.fillColor(colors.navy).text(fitLine(doc, verificationUrl, textRight - LEFT - 80), {
    lineBreak: false,
    link: verificationUrl,
  });
}

/**
 * The printable certificate for a credential: one A4 landscape page, Indonesian first and English
 * second, with learner, achievement, issuer and parent organisation, dates, hours and SKS, SKKNI
 * units with K/BK results, the credential id and a QR code to `verificationUrl`; with `branding`,
 * the programme's and the issuer's logos and the signatory. The PDF is a
 * convenience copy; the signed credential is what verifies.
 */
export async function renderCertificatePdf({
  input,
  verificationUrl,
  timeZone = 'Asia/Jakarta',
  fonts = loadBundledFonts(),
  branding = {},
}: RenderCertificateOptions): Promise<Buffer> {
  const { achievement } = input;
  const { doc, bytes } = createPdf(fonts, {
    size: 'A4',
    layout: 'landscape',
    info: {
      Title: `${achievement.name.id} – ${input.learner.name}`,
      Author: input.issuer.name,
      Subject: `${achievement.name.en} (${input.id})`,
      Keywords: `KMG SMK, ${achievement.humanCode}, ${input.id}`,
      CreationDate: new Date(input.awardedDate ?? input.validFrom),
    },
    lang: 'id-ID',
  });

  drawFrame(doc);
  drawHeader(doc, input, branding.programmeLogo);

  const { title, lead } = titles[achievement.achievementType];
  centered(doc, title.id, 100, { font: 'bold', size: 21, color: colors.navy });
  centered(doc, title.en, 127, { font: 'italic', size: 10.5, color: colors.muted });
  centered(doc, 'diberikan kepada · awarded to', 152, { font: 'regular', size: 9.5, color: colors.muted });
  const nameSize = fitSize(doc, input.learner.name, { font: 'bold', max: 28, min: 12, width: WIDTH });
  centered(doc, input.learner.name, 166 + (28 - nameSize) / 2, {
    font: 'bold',
    size: nameSize,
    color: colors.ink,
  });
  doc
    .moveTo(PAGE.width / 2 - 110, 206)
    .lineTo(PAGE.width / 2 + 110, 206)
    .lineWidth(0.75)
    .strokeColor(colors.gold)
    .stroke();
  centered(doc, `${lead.id} · ${lead.en}`, 214, { font: 'regular', size: 9.5, color: colors.muted });
  const achievementSize = fitSize(doc, achievement.name.id, {
    font: 'semibold',
    max: 17,
    min: 11,
    width: WIDTH,
  });
  centered(doc, achievement.name.id, 229, { font: 'semibold', size: achievementSize, color: colors.navy });
  centered(doc, `${achievement.name.en} · ${achievement.fieldOfStudy} · ${achievement.humanCode}`, 253, {
    font: 'italic',
    size: 9.5,
    color: colors.muted,
  });

  const detailsBottom = drawDetails(doc, input, timeZone, 276);

  const qrSize = 84;
  const qrX = RIGHT - qrSize;
  const footerTop = PAGE.height - 130;
  drawUnits(doc, input, detailsBottom + 14, footerTop - 10, RIGHT);
  drawFooter(doc, input, verificationUrl, footerTop, qrX - 20, branding);
  drawQr(doc, verificationUrl, qrX, footerTop + 2, qrSize);
  doc.font('semibold').fontSize(6.5).fillColor(colors.muted);
  const caption = 'Pindai untuk verifikasi · Scan to verify';
  doc.text(caption, RIGHT - doc.widthOfString(caption), footerTop + qrSize + 5, { lineBreak: false });

  doc.end();
  return bytes;
}
