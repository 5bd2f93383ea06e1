// The programme dashboard's vocabulary: the funnel's stages with how each is counted, the
// breakdown dimensions, Indonesia's time-zone regions, and rates. The page, its exports and the
// school summary read these, so a number and its definition travel together.
import type { Locale } from '#messages.ts';
import { findProvince } from '#provinces.ts';

export type FunnelStage =
  | 'calls'
  | 'seats'
  | 'applications'
  | 'eligible'
  | 'endorsed'
  | 'selected'
  | 'confirmed'
  | 'attended'
  | 'completed'
  | 'credentials'
  | 'pathways'
  | 'rplSks'
  | 'disseminationReported'
  | 'disseminationVerified'
  | 'teachersReached'
  | 'studentsReached';

/** The funnel in order, to what the trained teachers passed on (pengimbasan). */
export const funnelStages: readonly FunnelStage[] = [
  'calls',
  'seats',
  'applications',
  'eligible',
  'endorsed',
  'selected',
  'confirmed',
  'attended',
  'completed',
  'credentials',
  'pathways',
  'rplSks',
  'disseminationReported',
  'disseminationVerified',
  'teachersReached',
  'studentsReached',
];

/** The stages a school sees of its own teachers (calls and seats belong to the programme). */
export const schoolFunnelStages: readonly FunnelStage[] = [
  'applications',
  'endorsed',
  'selected',
  'confirmed',
  'completed',
  'credentials',
  'disseminationReported',
  'disseminationVerified',
  'teachersReached',
  'studentsReached',
];

type Text = Record<Locale, string>;

export const funnelStageLabels: Record<FunnelStage, Text> = {
  calls: { id: 'Panggilan pelatihan', en: 'Training calls' },
  seats: { id: 'Kursi', en: 'Seats' },
  applications: { id: 'Pendaftaran', en: 'Applications' },
  eligible: { id: 'Memenuhi syarat', en: 'Eligible' },
  endorsed: { id: 'Direkomendasikan', en: 'Endorsed' },
  selected: { id: 'Terpilih', en: 'Selected' },
  confirmed: { id: 'Terkonfirmasi', en: 'Confirmed' },
  attended: { id: 'Hadir', en: 'Attended' },
  completed: { id: 'Lulus pelatihan', en: 'Completed' },
  credentials: { id: 'Kredensial terbit', en: 'Credentials issued' },
  pathways: { id: 'Jalur kredensial tuntas', en: 'Pathways completed' },
  rplSks: { id: 'SKS diakui lewat RPL', en: 'SKS recognised through RPL' },
  disseminationReported: { id: 'Laporan pengimbasan', en: 'Dissemination reports' },
  disseminationVerified: { id: 'Pengimbasan terverifikasi', en: 'Dissemination verified' },
  teachersReached: { id: 'Guru terimbas', en: 'Teachers reached' },
  studentsReached: { id: 'Siswa terimbas', en: 'Students reached' },
};

/** How each stage is counted, written on the page so every figure can be checked by hand. */
export const funnelStageDefinitions: Record<FunnelStage, Text> = {
  calls: {
    id: 'Panggilan tahun program yang sudah terbit (bukan draf) dan tidak dibatalkan.',
    en: "The programme year's calls that are published (not drafts) and not cancelled.",
  },
  seats: { id: 'Jumlah kursi panggilan tersebut.', en: 'The sum of those calls’ seats.' },
  applications: {
    id: 'Semua pendaftaran ke panggilan tersebut, apa pun statusnya (dihitung per pendaftaran).',
    en: 'Every application to those calls, whatever its status (counted per application).',
  },
  eligible: {
    id: 'Pendaftaran yang lolos syarat: syarat diperiksa saat mendaftar, jadi sama dengan pendaftaran.',
    en: 'Applications that met the call’s rules: they are checked on submission, so this equals applications.',
  },
  endorsed: {
    id: 'Direkomendasikan kepala sekolah (atau tidak perlu rekomendasi): ada tanggal rekomendasi dan status bukan “tidak direkomendasikan”, atau sudah di tahap sesudahnya (masuk daftar tunggu, ditolak, ditawari kursi).',
    en: 'Endorsed by the principal (or no endorsement needed): an endorsement date and not “not endorsed”, or any later stage (waitlisted, rejected, offered a seat).',
  },
  selected: {
    id: 'Ditawari kursi: berstatus diterima, terkonfirmasi, menolak atau terlambat konfirmasi (atau ada tanggal penawaran).',
    en: 'Offered a seat: accepted, confirmed, declined or lapsed (or an offer date).',
  },
  confirmed: {
    id: 'Kursi dikonfirmasi guru (status terkonfirmasi atau ada tanggal konfirmasi).',
    en: 'The teacher confirmed the seat (confirmed, or a confirmation date).',
  },
  attended: {
    id: 'Terkonfirmasi dan hadir (atau terlambat) pada sedikitnya satu hari pelatihan.',
    en: 'Confirmed and present (or late) on at least one training day.',
  },
  completed: {
    id: 'Terkonfirmasi, kehadiran tercatat tiap hari dan mencapai minimum panggilan; panggilan kompetensi: Kompeten di setiap unit SKKNI.',
    en: 'Confirmed, attendance recorded for every day and at or above the call’s minimum; competency calls: Kompeten on every SKKNI unit.',
  },
  credentials: {
    id: 'Pendaftaran dengan kredensial pelatihan terbit (termasuk yang kemudian dicabut).',
    en: 'Applications with a training credential issued (including any later revoked).',
  },
  pathways: {
    id: 'Kredensial jalur (stack) yang memuat sedikitnya satu kredensial dari panggilan tersebut.',
    en: 'Pathway awards that include at least one credential from those calls.',
  },
  rplSks: {
    id: 'Total SKS diakui pada kasus RPL yang sudah diputuskan dan mengajukan kredensial dari panggilan tersebut.',
    en: 'SKS recognised in decided RPL cases that put forward a credential from those calls.',
  },
  disseminationReported: {
    id: 'Laporan pengimbasan yang sudah dikirim ke kepala sekolah (bukan draf), atas pelatihan dari panggilan tersebut.',
    en: 'Dissemination reports sent to the principal (not drafts), on trainings from those calls.',
  },
  disseminationVerified: {
    id: 'Laporan pengimbasan yang diverifikasi kepala sekolah.',
    en: 'Dissemination reports the principal verified.',
  },
  teachersReached: {
    id: 'Jumlah guru yang dijangkau menurut laporan terverifikasi (dijumlahkan; satu guru bisa terhitung di beberapa laporan).',
    en: 'Teachers reached as verified reports state them (summed; one teacher may count in several reports).',
  },
  studentsReached: {
    id: 'Jumlah siswa yang dijangkau menurut laporan terverifikasi (dijumlahkan).',
    en: 'Students reached as verified reports state them (summed).',
  },
};

export type BreakdownDimension = 'skillArea' | 'provider' | 'schoolStatus' | 'gender' | 'region';
export const breakdownDimensions: readonly BreakdownDimension[] = [
  'skillArea',
  'provider',
  'schoolStatus',
  'gender',
  'region',
];

export const breakdownDimensionLabels: Record<BreakdownDimension, Text> = {
  skillArea: { id: 'Bidang keahlian', en: 'Skill area' },
  provider: { id: 'Lembaga penyelenggara', en: 'Provider' },
  schoolStatus: { id: 'Status sekolah', en: 'School status' },
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  region: { id: 'Wilayah waktu', en: 'Time-zone region' },
};

/** The key breakdowns use for an unknown value (a teacher who did not state a gender). */
export const NOT_STATED = 'NONE';

export const breakdownValueLabels: Record<string, Text> = {
  NEGERI: { id: 'Negeri', en: 'State (negeri)' },
  SWASTA: { id: 'Swasta', en: 'Private (swasta)' },
  FEMALE: { id: 'Perempuan', en: 'Female' },
  MALE: { id: 'Laki-laki', en: 'Male' },
  WIB: { id: 'WIB', en: 'WIB (western)' },
  WITA: { id: 'WITA', en: 'WITA (central)' },
  WIT: { id: 'WIT', en: 'WIT (eastern)' },
  [NOT_STATED]: { id: 'Tidak dinyatakan', en: 'Not stated' },
};

export type Region = 'WIB' | 'WITA' | 'WIT';
const regionOfZone = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;

/** The time-zone region of a province code; null when the code is unknown. */
export function regionOfProvince(code: string | null | undefined): Region | null {
  const province = code ? findProvince(code) : undefined;
  return province ? regionOfZone[province.timeZone] : null;
}

/** `part` of `whole` in percent, one decimal; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
