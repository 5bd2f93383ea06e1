import { formatCalendarDate, type Locale } from '@kmg/domain';
import {
  BODY,
  centeredLines,
  drawFooters,
  drawLetterhead,
  drawSignatures,
  drawTable,
  drawVerification,
  Flow,
  fieldRows,
  formatNumber,
  LEFT,
  labelledItems,
  paragraph,
  pick,
  RIGHT,
  WIDTH,
} from '#letter.ts';
import { createPdf, loadBundledFonts } from '#pdf.ts';
import type { RplDecreeInput, RplDocumentOptions, RplRecognition } from '#rpl-documents.ts';

const ORDINALS: Record<Locale, string[]> = {
  id: [
    'KESATU',
    'KEDUA',
    'KETIGA',
    'KEEMPAT',
    'KELIMA',
    'KEENAM',
    'KETUJUH',
    'KEDELAPAN',
    'KESEMBILAN',
    'KESEPULUH',
  ],
  en: ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'FIFTH', 'SIXTH', 'SEVENTH', 'EIGHTH', 'NINTH', 'TENTH'],
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function totalSks(recognition: RplRecognition): number {
  return recognition.courses.reduce((sum, course) => sum + course.sks, 0);
}

function authorityName(input: RplDecreeInput, locale: Locale): string {
  const university = pick(input.university.name, locale).toUpperCase();
  if (input.authority.kind === 'RECTOR') {
    return locale === 'id' ? `REKTOR ${university}` : `THE RECTOR OF ${university}`;
  }
  const faculty = pick(input.authority.faculty, locale).toUpperCase();
  return locale === 'id' ? `DEKAN ${faculty} ${university}` : `THE DEAN OF THE ${faculty}, ${university}`;
}

/** "ATAS NAMA …" for one teacher; the shared programme and intake for many. */
function defaultSubject(input: RplDecreeInput, locale: Locale): string {
  const [first] = input.recognitions;
  if (!first) return '';
  const university = pick(input.university.name, locale);
  if (input.recognitions.length === 1) {
    return locale === 'id'
      ? `atas nama ${first.teacher.name} pada Program Studi ${pick(first.programme, locale)}`
      : `of ${first.teacher.name} in the ${pick(first.programme, locale)} study programme`;
  }
  const shared = (read: (recognition: RplRecognition) => string) =>
    input.recognitions.every((recognition) => read(recognition) === read(first));
  const programme = shared((recognition) => pick(recognition.programme, locale))
    ? pick(first.programme, locale)
    : null;
  const intake = shared((recognition) => pick(recognition.intake, locale))
    ? pick(first.intake, locale)
    : null;
  if (locale === 'id') {
    return [
      'bagi guru sekolah menengah kejuruan',
      programme ? `pada Program Studi ${programme}` : `di ${university}`,
      intake ?? '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  return [
    'of vocational school teachers',
    programme ? `in the ${programme} study programme` : `at ${university}`,
    intake ? `(${intake})` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function topic(input: RplDecreeInput, locale: Locale): string {
  const subject = input.subject ? pick(input.subject, locale) : defaultSubject(input, locale);
  const lead = locale === 'id' ? 'PENGAKUAN PEMBELAJARAN LAMPAU' : 'THE RECOGNITION OF PRIOR LEARNING';
  return `${lead} ${subject}`.trim().toUpperCase();
}

function firstDictum(input: RplDecreeInput, locale: Locale): string {
  const [first] = input.recognitions;
  if (input.recognitions.length === 1 && first) {
    const sks = formatNumber(totalSks(first), locale);
    return locale === 'id'
      ? `Mengakui hasil pembelajaran lampau Saudara/Saudari ${first.teacher.name} (NUPTK ${first.teacher.nuptk}) sebagai perolehan ${sks} satuan kredit semester (SKS) pada Program Studi ${pick(first.programme, locale)}, dengan rincian mata kuliah sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`
      : `To recognise the prior learning of ${first.teacher.name} (NUPTK ${first.teacher.nuptk}) as the acquisition of ${sks} semester credit units (SKS) in the ${pick(first.programme, locale)} study programme, with the courses set out in the Attachment, which forms an integral part of this Decree.`;
  }
  const count = input.recognitions.length;
  return locale === 'id'
    ? `Mengakui hasil pembelajaran lampau ${count} orang guru sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini, sebagai perolehan satuan kredit semester (SKS) pada mata kuliah dan dengan jumlah SKS yang tercantum di dalamnya.`
    : `To recognise the prior learning of the ${count} teachers listed in the Attachment, which forms an integral part of this Decree, as the acquisition of semester credit units (SKS) in the courses and amounts set out there.`;
}

function dicta(input: RplDecreeInput, locale: Locale): string[] {
  const standing =
    locale === 'id'
      ? 'Mata kuliah yang diakui sebagaimana dimaksud dalam Diktum KESATU tidak wajib ditempuh kembali dan dicantumkan dalam transkrip akademik dengan keterangan Rekognisi Pembelajaran Lampau (RPL).'
      : 'The courses recognised under the FIRST dictum need not be taken again and are entered in the academic transcript as recognised through Recognition of Prior Learning (RPL).';
  const closing =
    locale === 'id'
      ? 'Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di kemudian hari terdapat kekeliruan dalam Keputusan ini akan diadakan perbaikan sebagaimana mestinya.'
      : 'This Decree takes effect on the date of its enactment, provided that any error later found in it shall be corrected as appropriate.';
  return [
    firstDictum(input, locale),
    standing,
    ...(input.provisions ?? []).map((text) => pick(text, locale)),
    closing,
  ];
}

const labels = {
  id: {
    grace: 'DENGAN RAHMAT TUHAN YANG MAHA ESA',
    considering: 'Menimbang',
    basis: 'Mengingat',
    decides: 'MEMUTUSKAN:',
    enact: 'Menetapkan',
    decree: 'KEPUTUSAN',
    number: 'NOMOR',
    about: 'TENTANG',
    enactedIn: 'Ditetapkan di',
    enactedOn: 'pada tanggal',
    copies: 'Tembusan:',
    attachment: 'LAMPIRAN',
    attachmentOf: 'KEPUTUSAN',
    dated: 'TANGGAL',
    listTitle: 'DAFTAR MATA KULIAH YANG DIAKUI MELALUI REKOGNISI PEMBELAJARAN LAMPAU',
    summary: 'Rekapitulasi',
    name: 'Nama',
    programme: 'Program Studi',
    intake: 'Gelombang',
    courses: 'Mata kuliah',
    no: 'No.',
    code: 'Kode',
    course: 'Mata Kuliah',
    total: 'Jumlah SKS yang diakui',
    continued: 'lanjutan',
    verify: [
      'Keaslian Keputusan ini dapat diperiksa dengan memindai kode QR atau membuka alamat di bawah ini',
      '(diterbitkan melalui platform Kredensial Mikro Guru SMK):',
    ],
    page: (page: number, count: number) => `Halaman ${page} dari ${count}`,
  },
  en: {
    grace: 'BY THE GRACE OF GOD ALMIGHTY',
    considering: 'Considering',
    basis: 'Having regard to',
    decides: 'HAS DECIDED:',
    enact: 'To enact',
    decree: 'DECREE OF',
    number: 'NUMBER',
    about: 'ON',
    enactedIn: 'Enacted in',
    enactedOn: 'on',
    copies: 'Copies to:',
    attachment: 'ATTACHMENT TO THE',
    attachmentOf: 'DECREE OF',
    dated: 'DATED',
    listTitle: 'COURSES RECOGNISED THROUGH THE RECOGNITION OF PRIOR LEARNING',
    summary: 'Summary',
    name: 'Name',
    programme: 'Study programme',
    intake: 'Intake',
    courses: 'Courses',
    no: 'No.',
    code: 'Code',
    course: 'Course',
    total: 'Total SKS recognised',
    continued: 'continued',
    verify: [
      'The authenticity of this Decree can be checked by scanning the QR code or opening this address',
      '(issued through the Micro-credentials for Vocational Teachers platform):',
    ],
    page: (page: number, count: number) => `Page ${page} of ${count}`,
  },
} as const;

function courseTable(flow: Flow, recognition: RplRecognition, locale: Locale) {
  const text = labels[locale];
  drawTable(flow, {
    columns: [
      { header: text.no, width: 30, align: 'center' },
      { header: text.code, width: 72, align: 'center' },
      { header: text.course, width: WIDTH - 30 - 72 - 52 },
      { header: 'SKS', width: 52, align: 'center' },
    ],
    rows: recognition.courses.map((course, index) => [
      `${index + 1}`,
      course.code,
      pick(course.name, locale),
      formatNumber(course.sks, locale),
    ]),
    footer: [[{ text: text.total, span: 3, align: 'right' }, formatNumber(totalSks(recognition), locale)]],
    continuation: `${recognition.teacher.name} (NUPTK ${recognition.teacher.nuptk}) — ${text.courses.toLowerCase()}, ${text.continued}`,
  });
}

function drawAttachment(flow: Flow, input: RplDecreeInput, locale: Locale) {
  const text = labels[locale];
  const { doc } = flow;
  const title = authorityName(input, locale);
  const date = formatCalendarDate(input.date, locale).toUpperCase();
  // The attachment's reference block sits on the right, as on Indonesian decrees.
  const x = LEFT + WIDTH * 0.42;
  const width = RIGHT - x;
  for (const line of [
    `${text.attachment} ${text.attachmentOf} ${title}`,
    `${text.number} ${input.number}`,
    `${text.dated} ${date}`,
    `${text.about} ${topic(input, locale)}`,
  ]) {
    doc.font('regular').fontSize(8.5).fillColor('#111111');
    doc.text(line, x, flow.y, { width, lineGap: 1 });
    flow.y += doc.heightOfString(line, { width, lineGap: 1 }) + 1;
  }
  flow.y += 16;
  centeredLines(flow, [text.listTitle], { font: 'bold', size: 11 });
  flow.y += 12;

  if (input.recognitions.length > 1) {
    paragraph(flow, `A. ${text.summary}`, { font: 'bold', after: 4 });
    drawTable(flow, {
      columns: [
        { header: text.no, width: 30, align: 'center' },
        { header: text.name, width: 150 },
        { header: 'NUPTK', width: 100, align: 'center' },
        { header: text.programme, width: WIDTH - 30 - 150 - 100 - 52 },
        { header: 'SKS', width: 52, align: 'center' },
      ],
      rows: input.recognitions.map((recognition, index) => [
        `${index + 1}`,
        recognition.teacher.name,
        recognition.teacher.nuptk,
        pick(recognition.programme, locale),
        formatNumber(totalSks(recognition), locale),
      ]),
      continuation: `${text.summary}, ${text.continued}`,
    });
    flow.y += 16;
    paragraph(flow, `B. ${text.courses}`, { font: 'bold', after: 4 });
  }

  input.recognitions.forEach((recognition, index) => {
    // Keep the teacher's details with the table's header and first rows.
    flow.ensure(BODY * 1.6 * 5 + 60);
    if (input.recognitions.length > 1) {
      paragraph(flow, `${index + 1}. ${recognition.teacher.name}`, { font: 'bold', after: 2 });
    }
    fieldRows(flow, [
      [text.name, recognition.teacher.name],
      ['NUPTK', recognition.teacher.nuptk],
      [text.programme, pick(recognition.programme, locale)],
      [text.intake, pick(recognition.intake, locale)],
    ]);
    flow.y += 6;
    courseTable(flow, recognition, locale);
    flow.y += 18;
  });
}

/**
 * The university's decree (SK) recognising courses through RPL, for one teacher or an intake:
 * letterhead, title with number, Menimbang / Mengingat / Memutuskan, place, date and signatures, a
 * QR code to `verificationUrl`, and an attachment listing each teacher's recognised courses with
 * their total SKS. A4 portrait; long lists continue with their table header repeated, and every
 * page is numbered "Halaman x dari y".
 */
export async function renderRplDecree(
  input: RplDecreeInput,
  { locale, fonts = loadBundledFonts() }: RplDocumentOptions,
): Promise<Buffer> {
  if (input.recognitions.length === 0) throw new TypeError('A decree recognises at least one teacher');
  if (input.signatories.length === 0) throw new TypeError('A decree needs a signatory');
  const text = labels[locale];
  const title = authorityName(input, locale);
  const subject = topic(input, locale);
  const decreeTitle = `${text.decree} ${title}`;
  const { doc, bytes } = createPdf(fonts, {
    size: 'A4',
    bufferPages: true,
    info: {
      Title: `${decreeTitle} ${text.number} ${input.number}`,
      Author: pick(input.university.name, locale),
      Subject: subject,
      Keywords: `RPL, ${input.number}`,
      CreationDate: new Date(`${input.date}T00:00:00Z`),
    },
    lang: locale === 'id' ? 'id-ID' : 'en-GB',
  });
  const flow = new Flow(doc, drawLetterhead(doc, input.university, locale));

  centeredLines(flow, [decreeTitle, `${text.number} ${input.number}`, '', text.about, subject], {
    font: 'bold',
    size: 11,
  });
  flow.y += 12;
  centeredLines(flow, [text.grace, '', `${title},`], { font: 'bold', size: 10.5 });
  flow.y += 14;

  labelledItems(
    flow,
    text.considering,
    input.considerations.map((item) => pick(item, locale)),
    { marker: (index) => `${LETTERS[index] ?? index + 1}.` },
  );
  labelledItems(
    flow,
    text.basis,
    input.legalBasis.map((item) => pick(item, locale)),
    { marker: (index) => `${index + 1}.` },
  );
  flow.ensure(60);
  centeredLines(flow, [text.decides], { font: 'bold', size: 10.5 });
  flow.y += 8;
  labelledItems(flow, text.enact, [`${decreeTitle} ${text.about} ${subject}.`], { marker: null, after: 6 });
  dicta(input, locale).forEach((dictum, index) => {
    labelledItems(flow, ORDINALS[locale][index] ?? `${index + 1}`, [dictum], { marker: null, after: 4 });
  });
  flow.y += 14;

  const date = formatCalendarDate(input.date, locale);
  drawSignatures(flow, input.signatories, {
    locale,
    lead: [`${text.enactedIn} ${input.place}`, `${text.enactedOn} ${date}`],
  });
  drawVerification(flow, input.verificationUrl, [...text.verify]);
  if (input.copies?.length) {
    flow.ensure(BODY * 2 * Math.min(3, input.copies.length + 1));
    paragraph(flow, text.copies, { size: 9, after: 1 });
    input.copies.forEach((copy, index) => {
      paragraph(flow, `${index + 1}. ${pick(copy, locale)}`, { size: 9, after: 0 });
    });
  }

  flow.newPage();
  drawAttachment(flow, input, locale);
  drawSignatures(flow, input.signatories, { locale });

  drawFooters(doc, `${decreeTitle} ${text.number} ${input.number}`, text.page);
  doc.end();
  return bytes;
}
