import { describe, expect, it } from 'vitest';
import {
  checkAttendanceRows,
  parseAttendanceDate,
  parseAttendanceStatus,
  readAttendanceHeader,
} from '#attendance-import.ts';

describe('parseAttendanceDate', () => {
  it.each([
    ['2026-12-03', '2026-12-03'],
    ['03/12/2026', '2026-12-03'],
    ['3/12/2026', '2026-12-03'],
    ['3-12-26', '2026-12-03'],
    ['03.12.2026', '2026-12-03'],
    ['3 Desember 2026', '2026-12-03'],
    ['Kamis, 3 Desember 2026', '2026-12-03'],
    ['3 Dec 2026', '2026-12-03'],
    ['2026-12-03 00:00:00', '2026-12-03'],
    ['31/02/2026', null],
    ['12/31/2026', null],
    ['Senin', null],
    ['', null],
  ])('reads %j as %s', (text, date) => {
    expect(parseAttendanceDate(text)).toBe(date);
  });
});

describe('parseAttendanceStatus', () => {
  it.each([
    ['Hadir', { present: true, late: false }],
    ['H', { present: true, late: false }],
    ['present', { present: true, late: false }],
    ['1', { present: true, late: false }],
    ['Terlambat', { present: true, late: true }],
    ['late', { present: true, late: true }],
    ['Tidak  hadir', { present: false, late: false }],
    ['Izin', { present: false, late: false }],
    ['S', { present: false, late: false }],
    ['absent', { present: false, late: false }],
    ['mungkin', null],
    ['', null],
  ])('reads %j', (text, mark) => {
    expect(parseAttendanceStatus(text)).toEqual(mark);
  });
});

describe('readAttendanceHeader', () => {
  it('finds Indonesian and English headers whatever their case and punctuation', () => {
    expect(readAttendanceHeader(['Nama', 'NUPTK', 'Tanggal', 'Kehadiran', 'Keterangan']).columns).toEqual({
      name: 0,
      nuptk: 1,
      date: 2,
      status: 3,
      note: 4,
    });
    expect(readAttendanceHeader(['E-mail', 'Date', 'Status', 'Notes'])).toEqual({
      columns: { email: 0, date: 1, status: 2, note: 3 },
      missing: [],
    });
  });

  it('names the required columns that are missing', () => {
    expect(readAttendanceHeader(['Nama', 'Hari']).missing).toEqual(['NUPTK/Email', 'Tanggal', 'Status']);
  });
});

describe('checkAttendanceRows', () => {
  const participants = [
    { applicationId: 'a1', name: 'Wahyu', nuptk: '3374052203870011', email: 'wahyu@kmg.demo' },
    { applicationId: 'a2', name: 'Lina', nuptk: null, email: 'lina@kmg.demo' },
  ];
  const days = [
    { id: 'd1', date: '2026-11-30' },
    { id: 'd2', date: '2026-12-01' },
    { id: 'd3', date: '2026-12-04' },
  ];
  const header = readAttendanceHeader(['NUPTK', 'Email', 'Tanggal', 'Status', 'Catatan']);
  const check = (cells: string[][]) =>
    checkAttendanceRows(cells, header, { participants, days, today: '2026-12-02' });

  it('matches participants by NUPTK or email and reads every value', () => {
    const result = check([
      ['3374052203870011', '', '30/11/2026', 'Hadir', ''],
      ['', 'LINA@kmg.demo', '2026-12-01', 'Terlambat', 'Macet di tol'],
    ]);
    expect(result.invalid).toBe(0);
    expect(result.rows.map((row) => [row.participant?.applicationId, row.dayId, row.mark, row.note])).toEqual(
      [
        ['a1', 'd1', { present: true, late: false }, null],
        ['a2', 'd2', { present: true, late: true }, 'Macet di tol'],
      ],
    );
  });

  it.each([
    [['9999', '', '30/11/2026', 'H', ''], 'ATTENDANCE_ROW_UNKNOWN_PARTICIPANT'],
    [['', '', '30/11/2026', 'H', ''], 'ATTENDANCE_ROW_NO_PARTICIPANT'],
    [['3374052203870011', '', '29/11/2026', 'H', ''], 'ATTENDANCE_ROW_NOT_TRAINING_DAY'],
    [['3374052203870011', '', '2026-12-04', 'H', ''], 'ATTENDANCE_ROW_FUTURE_DAY'],
    [['3374052203870011', '', 'kemarin', 'H', ''], 'ATTENDANCE_ROW_BAD_DATE'],
    [['3374052203870011', '', '30/11/2026', 'mungkin', ''], 'ATTENDANCE_ROW_BAD_STATUS'],
    [['3374052203870011', '', '30/11/2026', 'H', 'x'.repeat(501)], 'ATTENDANCE_ROW_NOTE_TOO_LONG'],
  ])('refuses the row %j with %s', (cells, code) => {
    const result = check([cells]);
    expect(result.rows[0]?.issues.map((issue) => issue.code)).toEqual([code]);
    expect(result.invalid).toBe(1);
  });

  it('refuses a participant and day written twice on the later row, and skips blank rows', () => {
    const result = check([
      ['3374052203870011', '', '30/11/2026', 'H', ''],
      ['', '', '', '', ''],
      ['', 'wahyu@kmg.demo', '2026-11-30', 'A', ''],
    ]);
    expect(result.rows.map((row) => row.row)).toEqual([1, 3]);
    expect(result.rows[1]?.issues).toEqual([
      { field: 'date', code: 'ATTENDANCE_ROW_DUPLICATE', params: { firstRow: 1 } },
    ]);
  });
});
