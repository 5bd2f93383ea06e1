import { describe, expect, it } from 'vitest';
import { decodeAttendanceFile, sampleAttendanceCsv } from '#lib/attendance-file.ts';

describe('decodeAttendanceFile', () => {
  it('reads UTF-8 with a byte order mark, and Windows-1252 when it is not UTF-8', () => {
    expect(decodeAttendanceFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x61]))).toBe('Ha');
    expect(decodeAttendanceFile(new Uint8Array([0x4a, 0xf6, 0x72, 0x67]))).toBe('Jörg');
  });
});

describe('sampleAttendanceCsv', () => {
  it('lists every participant on every day, semicolon separated, names quoted when needed', () => {
    const csv = sampleAttendanceCsv(
      [
        { name: 'Sri Wahyuni', nuptk: '3349765667210012' },
        { name: 'Lende; Maria', nuptk: null, email: 'maria@kmg.demo' },
      ],
      ['2026-11-02'],
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFNama;NUPTK;Tanggal;Status;Catatan',
      'Sri Wahyuni;3349765667210012;2026-11-02;Hadir;',
      '"Lende; Maria";maria@kmg.demo;2026-11-02;Hadir;',
      '',
    ]);
  });
});
