import type { LocalDate, Locale } from '@kmg/domain';
import type { PdfFonts } from '#pdf.ts';

// The inputs of the two documents an RPL (rekognisi pembelajaran lampau, recognition of prior
// learning) case ends in: the assessment minutes (berita acara asesmen) the assessors and the
// committee sign, and the university's decree (SK, surat keputusan) that recognises the courses.
// Both are plain data the reviewers' workflow assembles; nothing here reads a database.

/**
 * Text printed in the document's language: a plain string reads the same in both (names, codes,
 * regulation citations), a pair gives each language its own wording.
 */
export type DocumentText = string | Record<Locale, string>;

export type RplDocumentOptions = {
  locale: Locale;
  /** TTF data instead of the bundled Noto Sans (see `renderCertificatePdf`). */
  fonts?: PdfFonts;
};

/** The letterhead (kop surat) on the first page. */
export type UniversityLetterhead = {
  /** The ministry line above the name, e.g. "Kementerian Pendidikan Tinggi, Sains, dan Teknologi". */
  ministry?: DocumentText;
  /** "Universitas Negeri Semarang"; printed in capitals. */
  name: DocumentText;
  /** A faculty or directorate under the name, e.g. "Fakultas Teknik". */
  unit?: DocumentText;
  /** Street, campus and city, one line each as they should print. */
  address: DocumentText[];
  /** Telephone, website, email: printed on one line after the address. */
  contacts?: string[];
  /** The university's emblem as PNG or JPEG bytes; printed left of the name. */
  logo?: Uint8Array;
};

export type Signatory = {
  name: string;
  /** "Rektor", "Dekan Fakultas Teknik", "Ketua Komite RPL". */
  position: DocumentText;
  /** Printed under the name when present, e.g. a civil servant's NIP. */
  employeeNumber?: string;
  /** The label of `employeeNumber`; "NIP" unless set ("NIK", "NIDN", "NIPPPK"). */
  employeeNumberLabel?: string;
};

/** The teacher a document concerns. NUPTK: the national teacher and education-staff number. */
export type RplTeacher = { name: string; nuptk: string };

export type RecognisedCourse = {
  code: string;
  name: DocumentText;
  /** SKS (satuan kredit semester, semester credit units) recognised for the course. */
  sks: number;
};

/** One teacher's recognition, as the decree's attachment lists it. */
export type RplRecognition = {
  teacher: RplTeacher;
  /** "S1 Pendidikan Teknik Mesin". */
  programme: DocumentText;
  /** "Gelombang 1 Tahun Akademik 2025/2026". */
  intake: DocumentText;
  /** In the order to print, usually semester then code; the total SKS is computed from them. */
  courses: RecognisedCourse[];
};

/**
 * The decree recognising courses through RPL: for one case (one teacher) or one intake (many).
 * The decree text follows the usual Indonesian form: Menimbang (considerations), Mengingat (legal
 * basis), Memutuskan (the decision, in numbered dicta), then place, date and signatures; the
 * recognised courses are in its attachment (lampiran).
 */
export type RplDecreeInput = {
  university: UniversityLetterhead;
  /** Who decides: the rector for the university, or the dean of a faculty. */
  authority: { kind: 'RECTOR' } | { kind: 'DEAN'; faculty: DocumentText };
  /** The decree number, e.g. from `formatDecreeNumber`: "012/UN37/RPL/VIII/2025". */
  number: string;
  /**
   * What follows "TENTANG PENGAKUAN PEMBELAJARAN LAMPAU"; by default the teacher's name (one) or
   * the programme and intake (many, when they share them). Printed in capitals.
   */
  subject?: DocumentText;
  /** Menimbang: the reasons for the decree, each one clause ("bahwa ..."). */
  considerations: DocumentText[];
  /** Mengingat: the regulations the decree rests on, one citation each, in hierarchy order. */
  legalBasis: DocumentText[];
  /** Dicta between the recognition and the closing "takes effect" dictum, e.g. on the transcript. */
  provisions?: DocumentText[];
  recognitions: RplRecognition[];
  /** Ditetapkan di (city) and pada tanggal. */
  place: string;
  date: LocalDate;
  signatories: Signatory[];
  /** Tembusan: who receives a copy. */
  copies?: DocumentText[];
  /** The public page where anyone can check the decree; encoded in a QR code and printed. */
  verificationUrl: string;
};

/** How an assessor tested one CPMK. The RPL workflow's enum is to use these same values. */
export type AssessmentMethod = 'PORTFOLIO' | 'WRITTEN_TEST' | 'INTERVIEW' | 'OBSERVATION' | 'DEMONSTRATION';

/** An assessor's recommendation for one CPMK. */
export type AssessorRecommendation = 'RECOGNISE' | 'DO_NOT_RECOGNISE' | 'NEEDS_MORE_EVIDENCE';

export type AssessorVerdict = {
  /** On the programme's scale (e.g. 0–100); printed as given. */
  score: number;
  recommendation: AssessorRecommendation;
};

/** One course learning outcome (CPMK, capaian pembelajaran mata kuliah) as it was assessed. */
export type AssessedOutcome = {
  code: string;
  description: DocumentText;
  methods: AssessmentMethod[];
  academic: AssessorVerdict;
  practitioner: AssessorVerdict;
};

export type AssessedCourse = {
  code: string;
  name: DocumentText;
  /** The course's own SKS. */
  sks: number;
  /** What the engine proposed (0 when it proposed nothing and the assessors added the course). */
  proposedSks: number;
  /** What the committee decided; 0 = not recognised. */
  decidedSks: number;
  /** Why the committee departed from the proposal; required whenever decidedSks ≠ proposedSks. */
  reason?: DocumentText;
  outcomes: AssessedOutcome[];
};

export type AssessorPerson = {
  name: string;
  /** Position and institution: "Dosen Pendidikan Teknik Mesin", "Welding Engineer, PT ...". */
  affiliation: DocumentText;
  employeeNumber?: string;
  employeeNumberLabel?: string;
};

export type CommitteeMember = AssessorPerson & {
  /** "Ketua", "Sekretaris", "Anggota". */
  role: DocumentText;
};

/** The minutes (berita acara) of one case's assessment, signed by the assessors and committee. */
export type RplMinutesInput = {
  university: UniversityLetterhead;
  /** The minutes' own letter number, if the university numbers them. */
  number?: string;
  /** The case's reference in KMG, e.g. "RPL-2025-000123". */
  caseReference?: string;
  teacher: RplTeacher;
  programme: DocumentText;
  intake: DocumentText;
  assessors: { academic: AssessorPerson; practitioner: AssessorPerson };
  committee: CommitteeMember[];
  /** The day of the assessment, and where it was held ("Gedung E1 FT UNNES" or "daring"). */
  date: LocalDate;
  venue: string;
  /** The city printed above the signatures. */
  place: string;
  courses: AssessedCourse[];
  /** When set, a QR code to the public page of the case's documents. */
  verificationUrl?: string;
};
