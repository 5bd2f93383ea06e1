// An attendance register kept in a spreadsheet and imported as CSV: one row per participant per
// day, read the way Indonesian schools and providers write them (headers in Indonesian or
// English, dates day first, the register's H/I/S/A/T letters). Rows are checked against the
// call's participants and training days; nothing here reads or writes a database.
import { isLocalDate, type LocalDate } from '#dates.ts';
import type { ErrorCode, MessageParams } from '#messages.ts';

/** How a participant was recorded on a day. Late counts as present. */
export type AttendanceMark = { present: boolean; late: boolean };

export type AttendanceColumn = 'participant' | 'nuptk' | 'email' | 'date' | 'status' | 'note' | 'name';

export const ATTENDANCE_NOTE_MAX = 500;

/** Header names by column, normalized (lower case, letters and digits only). */
const headerNames: Record<AttendanceColumn, readonly string[]> = {
  nuptk: ['nuptk', 'nomornuptk', 'nonuptk'],
  email: ['email', 'surel', 'alamatemail', 'emailaddress', 'alamatsurel'],
  participant: [
    'nuptkemail',
    'nuptkatauemail',
    'emailnuptk',
    'emailataunuptk',
    'peserta',
    'participant',
    'identifier',
  ],
  // Not "Hari": in a register it holds the weekday (Senin), next to the Tanggal column.
  date: ['tanggal', 'tgl', 'date', 'haritanggal', 'tanggalpelatihan', 'trainingday'],
  status: ['status', 'kehadiran', 'statuskehadiran', 'presensi', 'absensi', 'hadir', 'attendance', 'present'],
  note: ['catatan', 'keterangan', 'ket', 'note', 'notes', 'remarks', 'komentar', 'comment'],
  name: ['nama', 'namapeserta', 'namaguru', 'name', 'participantname', 'fullname'],
};

function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export type AttendanceHeader = {
  columns: Partial<Record<AttendanceColumn, number>>;
  /** Required columns not found, by their Indonesian name for the message. */
  missing: ('NUPTK/Email' | 'Tanggal' | 'Status')[];
};

/** Finds each column by its header name (the first column of a kind wins). */
export function readAttendanceHeader(header: readonly string[]): AttendanceHeader {
  const columns: Partial<Record<AttendanceColumn, number>> = {};
  header.forEach((name, index) => {
    const normalized = normalizeHeader(name);
    for (const [column, names] of Object.entries(headerNames) as [AttendanceColumn, readonly string[]][]) {
      if (names.includes(normalized) && columns[column] === undefined) {
        columns[column] = index;
        return;
      }
    }
  });
  const missing: AttendanceHeader['missing'] = [];
  if (columns.nuptk === undefined && columns.email === undefined && columns.participant === undefined)
    missing.push('NUPTK/Email');
  if (columns.date === undefined) missing.push('Tanggal');
  if (columns.status === undefined) missing.push('Status');
  return { columns, missing };
}

const present: AttendanceMark = { present: true, late: false };
const late: AttendanceMark = { present: true, late: true };
const absent: AttendanceMark = { present: false, late: false };

/**
 * The words and letters registers use: H(adir), T(erlambat), and for absence I(zin), S(akit),
 * A(lpa); English words; ticks and 1/0.
 */
const statusWords: Record<string, AttendanceMark> = {
  hadir: present,
  h: present,
  present: present,
  p: present,
  ya: present,
  y: present,
  yes: present,
  '1': present,
  true: present,
  x: present,
  v: present,
  '✓': present,
  '✔': present,
  masuk: present,
  terlambat: late,
  telat: late,
  t: late,
  late: late,
  'hadir terlambat': late,
  'hadir (terlambat)': late,
  'hadir, terlambat': late,
  'tidak hadir': absent,
  tidak: absent,
  absen: absent,
  absent: absent,
  a: absent,
  alpa: absent,
  alpha: absent,
  alfa: absent,
  izin: absent,
  ijin: absent,
  i: absent,
  sakit: absent,
  s: absent,
  '0': absent,
  no: absent,
  n: absent,
  false: absent,
  'not present': absent,
};

/** A status cell as a mark, or null when it is not one the register knows. */
export function parseAttendanceStatus(value: string): AttendanceMark | null {
  const word = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return statusWords[word] ?? null;
}

const monthNames: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  february: 2,
  maret: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  nopember: 11,
  desember: 12,
  des: 12,
  dec: 12,
  december: 12,
};

function toLocalDate(year: number, month: number, day: number): LocalDate | null {
  const fullYear = year < 100 ? 2000 + year : year;
  const date = `${String(fullYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

/**
 * A date cell: `2026-12-03`, day first as Indonesian Excel writes it (`03/12/2026`, `3-12-26`,
 * `03.12.2026`), or with the month's name (`3 Desember 2026`, `3 Dec 2026`), a weekday before it
 * ignored (`Kamis, 3 Desember 2026`). Null when it is none of these.
 */
export function parseAttendanceDate(value: string): LocalDate | null {
  const text = value.trim().toLowerCase();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/.exec(text);
  if (match) return toLocalDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (match) return toLocalDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(?:[a-z']+,?\s+)?(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{2}|\d{4})$/.exec(text);
  if (match) {
    const month = monthNames[match[2] as string];
    return month ? toLocalDate(Number(match[3]), month, Number(match[1])) : null;
  }
  return null;
}

export type ImportParticipant = {
  applicationId: string;
  name: string;
  nuptk: string | null;
  email: string | null;
};

export type ImportDay = { id: string; date: LocalDate };

export type AttendanceRowIssue = {
  field: 'participant' | 'date' | 'status' | 'note';
  code: ErrorCode;
  params?: MessageParams;
};

export type AttendanceImportRow = {
  /** 1 = the first row after the header (the spreadsheet's row 2). */
  row: number;
  /** The NUPTK or email as written. */
  identifier: string;
  participant: ImportParticipant | null;
  date: LocalDate | null;
  dayId: string | null;
  mark: AttendanceMark | null;
  note: string | null;
  issues: AttendanceRowIssue[];
};

export type AttendanceImportCheck = {
  rows: AttendanceImportRow[];
  valid: number;
  invalid: number;
};

/**
 * Checks every non-blank row: the participant (by NUPTK, or by email when the NUPTK is empty),
 * the date (a training day that has happened on the venue's clock), the status and the note. A
 * participant and day written twice is an error on the later row.
 */
export function checkAttendanceRows(
  cells: readonly (readonly string[])[],
  header: AttendanceHeader,
  context: { participants: readonly ImportParticipant[]; days: readonly ImportDay[]; today: LocalDate },
): AttendanceImportCheck {
  const byNuptk = new Map(
    context.participants.filter((p) => p.nuptk).map((p) => [(p.nuptk as string).replace(/\s/g, ''), p]),
  );
  const byEmail = new Map(
    context.participants.filter((p) => p.email).map((p) => [(p.email as string).toLowerCase(), p]),
  );
  const dayByDate = new Map(context.days.map((day) => [day.date, day]));
  const seen = new Map<string, number>();
  const cell = (values: readonly string[], column: AttendanceColumn) => {
    const index = header.columns[column];
    return index === undefined ? '' : (values[index] ?? '').trim();
  };
  const rows: AttendanceImportRow[] = [];
  cells.forEach((values, index) => {
    if (values.every((value) => value.trim() === '')) return;
    const issues: AttendanceRowIssue[] = [];
    // An email in the NUPTK column (a teacher without NUPTK) is read as an email.
    const nuptkCell = cell(values, 'nuptk');
    const nuptk = nuptkCell.includes('@') ? '' : nuptkCell.replace(/\s/g, '').replace(/^'/, '');
    const email = (cell(values, 'email') || (nuptkCell.includes('@') ? nuptkCell : '')).toLowerCase();
    const either = cell(values, 'participant');
    const identifier = nuptk || email || either;
    let participant: ImportParticipant | null = null;
    if (!identifier) {
      issues.push({ field: 'participant', code: 'ATTENDANCE_ROW_NO_PARTICIPANT' });
    } else {
      participant =
        (nuptk ? byNuptk.get(nuptk) : undefined) ??
        (email ? byEmail.get(email) : undefined) ??
        (either
          ? either.includes('@')
            ? byEmail.get(either.toLowerCase())
            : byNuptk.get(either.replace(/\s/g, '').replace(/^'/, ''))
          : undefined) ??
        null;
      if (!participant)
        issues.push({
          field: 'participant',
          code: 'ATTENDANCE_ROW_UNKNOWN_PARTICIPANT',
          params: { value: identifier },
        });
    }
    const dateText = cell(values, 'date');
    const date = parseAttendanceDate(dateText);
    const day = date ? dayByDate.get(date) : undefined;
    if (!date) {
      issues.push({ field: 'date', code: 'ATTENDANCE_ROW_BAD_DATE', params: { value: dateText } });
    } else if (!day) {
      issues.push({ field: 'date', code: 'ATTENDANCE_ROW_NOT_TRAINING_DAY', params: { date: { date } } });
    } else if (date > context.today) {
      issues.push({ field: 'date', code: 'ATTENDANCE_ROW_FUTURE_DAY', params: { date: { date } } });
    }
    const statusText = cell(values, 'status');
    const mark = parseAttendanceStatus(statusText);
    if (!mark)
      issues.push({ field: 'status', code: 'ATTENDANCE_ROW_BAD_STATUS', params: { value: statusText } });
    const note = cell(values, 'note');
    if (note.length > ATTENDANCE_NOTE_MAX)
      issues.push({
        field: 'note',
        code: 'ATTENDANCE_ROW_NOTE_TOO_LONG',
        params: { max: ATTENDANCE_NOTE_MAX },
      });
    const row = index + 1;
    if (participant && day) {
      const key = `${participant.applicationId}:${day.id}`;
      const firstRow = seen.get(key);
      if (firstRow === undefined) seen.set(key, row);
      else issues.push({ field: 'date', code: 'ATTENDANCE_ROW_DUPLICATE', params: { firstRow } });
    }
    rows.push({
      row,
      identifier,
      participant,
      date,
      dayId: day?.id ?? null,
      mark,
      note: note || null,
      issues,
    });
  });
  const invalid = rows.filter((row) => row.issues.length > 0).length;
  return { rows, valid: rows.length - invalid, invalid };
}
