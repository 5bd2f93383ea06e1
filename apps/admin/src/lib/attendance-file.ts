// The attendance file as the console sends it: the text of a CSV saved by a spreadsheet (UTF-8,
// or Windows-1252 as Excel's plain CSV writes it on Windows). The API parses it.
export const ATTENDANCE_FILE_MAX_BYTES = 1024 * 1024;

/** UTF-8 (a byte order mark is dropped), else Windows-1252. */
export function decodeAttendanceFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * A register to fill in, as Indonesian Excel opens it (semicolons): every participant on every day
 * that has happened, status left for the provider to write.
 */
export function sampleAttendanceCsv(
  participants: readonly { name: string; nuptk: string | null; email?: string | null }[],
  days: readonly string[],
): string {
  const quote = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = ['Nama;NUPTK;Tanggal;Status;Catatan'];
  for (const day of days) {
    for (const participant of participants) {
      lines.push(
        [quote(participant.name), participant.nuptk ?? participant.email ?? '', day, 'Hadir', ''].join(';'),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
