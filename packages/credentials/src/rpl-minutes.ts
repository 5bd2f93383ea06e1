import { formatCalendarDate, type Locale } from '@kmg/domain';
import {
  centeredLines,
  drawFooters,
  drawLetterhead,
  drawSignatures,
  drawTable,
  drawVerification,
  Flow,
  fieldRows,
  formatNumber,
  paragraph,
  pick,
  WIDTH,
} from '#letter.ts';
import { createPdf, loadBundledFonts } from '#pdf.ts';
import type {
  AssessedCourse,
  AssessmentMethod,
  AssessorRecommendation,
  RplDocumentOptions,
  RplMinutesInput,
} from '#rpl-documents.ts';

const methodLabels: Record<AssessmentMethod, Record<Locale, string>> = {
  PORTFOLIO: { id: 'Portofolio', en: 'Portfolio' },
  WRITTEN_TEST: { id: 'Tes tertulis', en: 'Written test' },
  INTERVIEW: { id: 'Wawancara', en: 'Interview' },
  OBSERVATION: { id: 'Observasi', en: 'Observation' },
  DEMONSTRATION: { id: 'Demonstrasi', en: 'Demonstration' },
};

const recommendationLabels: Record<AssessorRecommendation, Record<Locale, string>> = {
  RECOGNISE: { id: 'Diakui', en: 'Recognise' },
  DO_NOT_RECOGNISE: { id: 'Tidak diakui', en: 'Do not recognise' },
  NEEDS_MORE_EVIDENCE: { id: 'Perlu bukti tambahan', en: 'Needs more evidence' },
};

const labels = {
  id: {
    title: 'BERITA ACARA ASESMEN',
    subtitle: 'REKOGNISI PEMBELAJARAN LAMPAU (RPL) TIPE A2 – PEROLEHAN SKS',
    number: 'Nomor',
    opening: (weekday: string, date: string, venue: string) =>
      `Pada hari ini, ${weekday}, tanggal ${date}, bertempat di ${venue}, telah dilaksanakan asesmen Rekognisi Pembelajaran Lampau (RPL) untuk perolehan satuan kredit semester (SKS) atas pemohon berikut:`,
    name: 'Nama',
    programme: 'Program Studi',
    intake: 'Gelombang',
    caseReference: 'Nomor pengajuan',
    team: 'I. Asesor dan Komite RPL',
    role: 'Peran',
    affiliation: 'Jabatan / Instansi',
    academic: 'Asesor akademik',
    practitioner: 'Asesor praktisi',
    results: 'II. Hasil Asesmen per Mata Kuliah',
    outcome: 'CPMK',
    method: 'Metode',
    score: 'Nilai',
    recommendation: 'Rekomendasi',
    proposal: 'Usulan sistem',
    decision: 'Keputusan komite',
    reason: 'Alasan keputusan komite',
    summary: 'III. Rekapitulasi',
    no: 'No.',
    code: 'Kode',
    course: 'Mata Kuliah',
    courseSks: 'SKS MK',
    proposed: 'Usulan',
    decided: 'Diakui',
    note: 'Keterangan',
    asProposed: 'Sesuai usulan',
    changed: 'Diubah komite',
    total: 'Jumlah',
    recognised: (count: number, sks: string) =>
      `Komite RPL memutuskan mengakui ${count} mata kuliah dengan jumlah ${sks} SKS, untuk ditetapkan dengan Keputusan Rektor.`,
    closing: 'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    verify: ['Keaslian berita acara ini dapat diperiksa dengan memindai kode QR atau membuka alamat:'],
    sks: 'SKS',
    continued: 'lanjutan',
    footer: 'Berita Acara Asesmen RPL',
    page: (page: number, count: number) => `Halaman ${page} dari ${count}`,
  },
  en: {
    title: 'MINUTES OF ASSESSMENT',
    subtitle: 'RECOGNITION OF PRIOR LEARNING (RPL) TYPE A2 – CREDIT ACQUISITION',
    number: 'Number',
    opening: (weekday: string, date: string, venue: string) =>
      `On ${weekday}, ${date}, at ${venue}, the recognition of prior learning (RPL) assessment for the acquisition of semester credit units (SKS) was held for the following applicant:`,
    name: 'Name',
    programme: 'Study programme',
    intake: 'Intake',
    caseReference: 'Application number',
    team: 'I. Assessors and RPL committee',
    role: 'Role',
    affiliation: 'Position / institution',
    academic: 'Academic assessor',
    practitioner: 'Practitioner assessor',
    results: 'II. Assessment results by course',
    outcome: 'CPMK',
    method: 'Method',
    score: 'Score',
    recommendation: 'Recommendation',
    proposal: 'System proposal',
    decision: "Committee's decision",
    reason: "The committee's reason",
    summary: 'III. Summary',
    no: 'No.',
    code: 'Code',
    course: 'Course',
    courseSks: 'Course SKS',
    proposed: 'Proposed',
    decided: 'Decided',
    note: 'Note',
    asProposed: 'As proposed',
    changed: 'Changed by the committee',
    total: 'Total',
    recognised: (count: number, sks: string) =>
      `The RPL committee decided to recognise ${count} course${count === 1 ? '' : 's'} totalling ${sks} SKS, to be enacted by a Decree of the Rector.`,
    closing: 'These minutes were drawn up truthfully, to be used as appropriate.',
    verify: [
      'The authenticity of these minutes can be checked by scanning the QR code or opening this address:',
    ],
    sks: 'SKS',
    continued: 'continued',
    footer: 'RPL assessment minutes',
    page: (page: number, count: number) => `Page ${page} of ${count}`,
  },
} as const;

function drawCourse(flow: Flow, course: AssessedCourse, index: number, locale: Locale) {
  const text = labels[locale];
  const heading = `${index + 1}. ${course.code} ${pick(course.name, locale)} (${formatNumber(course.sks, locale)} ${text.sks})`;
  flow.ensure(110);
  paragraph(flow, heading, { font: 'bold', after: 4 });
  const scoreWidth = 36;
  const recommendationWidth = 84;
  const methodWidth = 72;
  drawTable(flow, {
    size: 8.5,
    groups: [
      { header: text.outcome, span: 1 },
      { header: text.method, span: 1 },
      { header: text.academic, span: 2 },
      { header: text.practitioner, span: 2 },
    ],
    columns: [
      { header: text.outcome, width: WIDTH - methodWidth - 2 * (scoreWidth + recommendationWidth) },
      { header: text.method, width: methodWidth },
      { header: text.score, width: scoreWidth, align: 'center' },
      { header: text.recommendation, width: recommendationWidth },
      { header: text.score, width: scoreWidth, align: 'center' },
      { header: text.recommendation, width: recommendationWidth },
    ],
    rows: course.outcomes.map((outcome) => [
      `${outcome.code} ${pick(outcome.description, locale)}`,
      outcome.methods.map((method) => methodLabels[method][locale]).join(', '),
      formatNumber(outcome.academic.score, locale),
      recommendationLabels[outcome.academic.recommendation][locale],
      formatNumber(outcome.practitioner.score, locale),
      recommendationLabels[outcome.practitioner.recommendation][locale],
    ]),
    continuation: `${course.code} ${pick(course.name, locale)}, ${text.continued}`,
  });
  flow.y += 4;
  fieldRows(
    flow,
    [
      [text.proposal, `${formatNumber(course.proposedSks, locale)} ${text.sks}`],
      [text.decision, `${formatNumber(course.decidedSks, locale)} ${text.sks}`],
      ...(course.reason ? [[text.reason, pick(course.reason, locale)] as [string, string]] : []),
    ],
    { labelWidth: 150 },
  );
  flow.y += 12;
}

/**
 * The minutes (berita acara) of one RPL case's assessment: the teacher, programme and intake; the
 * academic and practitioner assessors and the committee; per course, each CPMK with its methods
 * and both assessors' scores and recommendations, the engine's proposal and the committee's SKS
 * with its reason where they differ; a summary with totals; signatures of assessors and committee.
 * Throws when the committee departs from the proposal without a reason.
 */
export async function renderRplMinutes(
  input: RplMinutesInput,
  { locale, fonts = loadBundledFonts() }: RplDocumentOptions,
): Promise<Buffer> {
  for (const course of input.courses) {
    if (course.decidedSks !== course.proposedSks && !course.reason) {
      throw new TypeError(`${course.code}: the committee's SKS differ from the proposal without a reason`);
    }
  }
  const text = labels[locale];
  const { doc, bytes } = createPdf(fonts, {
    size: 'A4',
    bufferPages: true,
    info: {
      Title: `${text.title} – ${input.teacher.name}`,
      Author: pick(input.university.name, locale),
      Subject: `${text.subtitle}${input.caseReference ? ` (${input.caseReference})` : ''}`,
      Keywords: `RPL, ${input.caseReference ?? ''}`,
      CreationDate: new Date(`${input.date}T00:00:00Z`),
    },
    lang: locale === 'id' ? 'id-ID' : 'en-GB',
  });
  const flow = new Flow(doc, drawLetterhead(doc, input.university, locale));

  centeredLines(flow, [text.title, text.subtitle], { font: 'bold', size: 11 });
  if (input.number) centeredLines(flow, [`${text.number}: ${input.number}`], { size: 10 });
  flow.y += 14;

  const weekday = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${input.date}T00:00:00Z`));
  const date = formatCalendarDate(input.date, locale);
  paragraph(flow, text.opening(weekday, date, input.venue), { after: 6 });
  fieldRows(flow, [
    [text.name, input.teacher.name],
    ['NUPTK', input.teacher.nuptk],
    [text.programme, pick(input.programme, locale)],
    [text.intake, pick(input.intake, locale)],
    ...(input.caseReference ? [[text.caseReference, input.caseReference] as [string, string]] : []),
  ]);
  flow.y += 14;

  const { academic, practitioner } = input.assessors;
  const team = [
    { role: text.academic, person: academic },
    { role: text.practitioner, person: practitioner },
    ...input.committee.map((member) => ({ role: pick(member.role, locale), person: member })),
  ];
  paragraph(flow, text.team, { font: 'bold', after: 4 });
  drawTable(flow, {
    columns: [
      { header: text.no, width: 28, align: 'center' },
      { header: text.role, width: 120 },
      { header: text.name, width: 160 },
      { header: text.affiliation, width: WIDTH - 28 - 120 - 160 },
    ],
    rows: team.map(({ role, person }, index) => [
      `${index + 1}`,
      role,
      person.name,
      pick(person.affiliation, locale),
    ]),
  });
  flow.y += 16;

  paragraph(flow, text.results, { font: 'bold', after: 6 });
  input.courses.forEach((course, index) => {
    drawCourse(flow, course, index, locale);
  });

  const sum = (read: (course: AssessedCourse) => number) =>
    formatNumber(
      input.courses.reduce((total, course) => total + read(course), 0),
      locale,
    );
  flow.ensure(90);
  paragraph(flow, text.summary, { font: 'bold', after: 4 });
  drawTable(flow, {
    columns: [
      { header: text.no, width: 26, align: 'center' },
      { header: text.code, width: 54, align: 'center' },
      { header: text.course, width: WIDTH - 26 - 54 - 3 * 50 - 92 },
      { header: text.courseSks, width: 50, align: 'center' },
      { header: text.proposed, width: 50, align: 'center' },
      { header: text.decided, width: 50, align: 'center' },
      { header: text.note, width: 92 },
    ],
    rows: input.courses.map((course, index) => [
      `${index + 1}`,
      course.code,
      pick(course.name, locale),
      formatNumber(course.sks, locale),
      formatNumber(course.proposedSks, locale),
      { text: formatNumber(course.decidedSks, locale), font: 'semibold' },
      course.decidedSks === course.proposedSks ? text.asProposed : text.changed,
    ]),
    footer: [
      [
        { text: text.total, span: 3, align: 'right' },
        sum((course) => course.sks),
        sum((course) => course.proposedSks),
        sum((course) => course.decidedSks),
        '',
      ],
    ],
    continuation: `${text.summary}, ${text.continued}`,
  });
  flow.y += 10;
  const recognised = input.courses.filter((course) => course.decidedSks > 0);
  paragraph(
    flow,
    text.recognised(
      recognised.length,
      sum((course) => course.decidedSks),
    ),
    { after: 4 },
  );
  paragraph(flow, text.closing, { after: 14 });

  drawSignatures(
    flow,
    team.map(({ role, person }) => ({ ...person, position: role })),
    { locale, lead: [`${input.place}, ${date}`] },
  );
  if (input.verificationUrl) drawVerification(flow, input.verificationUrl, [...text.verify]);

  drawFooters(
    doc,
    `${text.footer} · ${input.teacher.name}${input.caseReference ? ` · ${input.caseReference}` : ''}`,
    text.page,
  );
  doc.end();
  return bytes;
}
