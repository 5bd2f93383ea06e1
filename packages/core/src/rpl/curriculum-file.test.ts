import { readFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeExcelFile, { type Row } from 'write-excel-file/node';
import {
  CURRICULUM_FILE_MAX_BYTES,
  CurriculumFileRefusedError,
  readCurriculumFile,
  readCurriculumTable,
} from '#rpl/curriculum-file.ts';

const curricula = new URL('../../../db/src/seed/curricula/', import.meta.url);

async function demoFile(name: string) {
  return { bytes: new Uint8Array(await readFile(new URL(name, curricula))), fileName: name };
}

const text = (content: string) => new TextEncoder().encode(content);
const csvFile = (content: string, fileName = 'kurikulum.csv') => ({ bytes: text(content), fileName });

const header = 'kode_mk;nama_mk;sks;semester;jenis;kode_cpmk;cpmk;bobot;cpl';
const row = 'PTM201;Teknik Pengelasan;3;3;REGULER;CPMK1;Mengelas sambungan tumpul;100;CPL5';

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(CurriculumFileRefusedError);
  const { code, params } = error as CurriculumFileRefusedError;
  return { code, params };
}

describe('readCurriculumFile', () => {
  it.each([
    ['s1-pendidikan-teknik-mesin.csv', 'csv', 56, 8],
    ['d4-teknologi-rekayasa-manufaktur.csv', 'csv', 45, 8],
    ['d4-teknologi-rekayasa-manufaktur.xlsx', 'xlsx', 45, 8],
  ])(
    'reads the demo curriculum %s without errors: 144 SKS over 8 semesters',
    async (name, format, courses, semesters) => {
      const result = await readCurriculumFile(await demoFile(name));
      expect(result).toMatchObject({ kind: 'ok', format });
      expect(result.courses).toHaveLength(courses);
      expect(result.courses.reduce((total, course) => total + course.sks, 0)).toBe(144);
      expect(new Set(result.courses.map((course) => course.semester)).size).toBe(semesters);
      expect(result.courses.filter((course) => course.kind === 'FINAL_PROJECT')).toEqual([
        expect.objectContaining({ sks: 6, semester: 8 }),
      ]);
      expect(result.courses.some((course) => course.kind === 'INTERNSHIP')).toBe(true);
      expect(result.graduateOutcomes).toEqual([
        'CPL1',
        'CPL2',
        'CPL3',
        'CPL4',
        'CPL5',
        'CPL6',
        'CPL7',
        'CPL8',
        'CPL9',
      ]);
      for (const course of result.courses) {
        expect(course.outcomes.length, course.code).toBeGreaterThanOrEqual(2);
        expect(
          course.outcomes.reduce((total, outcome) => total + outcome.weight, 0),
          course.code,
        ).toBeCloseTo(100);
        expect(course.outcomes.every((outcome) => outcome.textEn && outcome.cplCodes.length > 0)).toBe(true);
      }
    },
  );

  it('reads the XLSX (number cells, merged course cells) as the CSV it was made from', async () => {
    const fromCsv = await readCurriculumFile(await demoFile('d4-teknologi-rekayasa-manufaktur.csv'));
    const fromXlsx = await readCurriculumFile(await demoFile('d4-teknologi-rekayasa-manufaktur.xlsx'));
    expect(fromXlsx.courses).toEqual(fromCsv.courses);
  });

  it('reports the rows of the file with errors, and previews the rest', async () => {
    const result = await readCurriculumFile(await demoFile('curriculum-with-errors.csv'));
    expect(result.kind).toBe('invalid');
    expect(
      result.kind === 'invalid' && result.errors.map(({ row, field, code }) => [row, field, code]),
    ).toEqual([
      [3, 'outcomeCode', 'CURRICULUM_OUTCOME_DUPLICATE'],
      [4, 'sks', 'CURRICULUM_COURSE_MISMATCH'],
      [5, 'sks', 'CURRICULUM_NOT_A_NUMBER'],
      [6, 'semester', 'CURRICULUM_OUT_OF_RANGE'],
      [7, 'kind', 'CURRICULUM_KIND_UNKNOWN'],
      [8, 'outcomeTextId', 'CURRICULUM_CELL_EMPTY'],
      [11, 'outcomeTextId', 'CURRICULUM_COURSE_WITHOUT_OUTCOMES'],
      [12, 'weight', 'CURRICULUM_WEIGHT_RANGE'],
      [13, 'courseCode', 'CURRICULUM_CELL_EMPTY'],
      [14, 'sks', 'CURRICULUM_NOT_INTEGER'],
    ]);
    expect(
      result.courses.map((course) => [course.code, course.outcomes.map((outcome) => outcome.weight)]),
    ).toEqual([
      ['PTM201', [40]],
      ['PTM206', [1.5]],
    ]);
  });

  it.each([
    ['semicolons', `${header}\n${row}\n`],
    ['commas', `${header.replaceAll(';', ',')}\n${row.replaceAll(';', ',')}\n`],
    ['a byte order mark and CRLF', `\uFEFF${header}\r\n${row}\r\n`],
    ['an Excel "sep=" line', `sep=;\r\n${header}\r\n${row}\r\n`],
    ['tabs named by "sep="', `sep=\t\n${header.replaceAll(';', '\t')}\n${row.replaceAll(';', '\t')}`],
  ])('reads a CSV with %s', async (_name, content) => {
    const result = await readCurriculumFile(csvFile(content));
    expect(result).toMatchObject({ kind: 'ok', format: 'csv' });
    expect(result.courses).toMatchObject([
      { code: 'PTM201', sks: 3, outcomes: [{ weight: 100, cplCodes: ['CPL5'] }] },
    ]);
  });

  it('keeps decimal commas and semicolon lists in quoted cells of a comma-separated file', async () => {
    const content =
      'kode_mk,nama_mk,sks,semester,jenis,kode_cpmk,cpmk,bobot,cpl\nPTM201,Las,3,3,REGULER,CPMK1,"Mengelas, lalu memeriksa","1,5","CPL5;CPL3"\n';
    const result = await readCurriculumFile(csvFile(content));
    expect(result.courses[0]?.outcomes[0]).toMatchObject({
      textId: 'Mengelas, lalu memeriksa',
      weight: 1.5,
      cplCodes: ['CPL3', 'CPL5'],
    });
  });

  it('numbers rows as the spreadsheet does when a quoted cell spans lines', async () => {
    const content = `${header}\n${row.replace('Mengelas sambungan tumpul', '"Mengelas\nsambungan"')}\n;;;;;;;;\nPTM202;Bubut;25;3;REGULER;CPMK1;Membubut pipa 2" x 3 m;100;CPL4\n`;
    const result = await readCurriculumFile(csvFile(content));
    expect(result.courses[0]?.outcomes[0]?.textId).toBe('Mengelas\nsambungan');
    expect(result.kind === 'invalid' && result.errors).toEqual([
      expect.objectContaining({ row: 4, field: 'sks' }),
    ]);
  });

  it('reads a Windows-1252 CSV (Excel\'s plain "CSV") when the bytes are not UTF-8', async () => {
    const cells = `${header}\n${row.replace('Mengelas sambungan tumpul', 'Membubut dengan toleransi ±0,05 mm')}\n`;
    const bytes = Uint8Array.from(cells, (character) => (character === '±' ? 0xb1 : character.charCodeAt(0)));
    const result = await readCurriculumFile({ bytes, fileName: 'kurikulum.csv' });
    expect(result.courses[0]?.outcomes[0]?.textId).toBe('Membubut dengan toleransi ±0,05 mm');
  });

  it('goes by the content, not the name or content type', async () => {
    const xlsx = await demoFile('d4-teknologi-rekayasa-manufaktur.xlsx');
    expect(
      await readCurriculumFile({ ...xlsx, fileName: 'kurikulum.csv', contentType: 'text/csv' }),
    ).toMatchObject({
      kind: 'ok',
      format: 'xlsx',
    });
    expect(
      await readCurriculumFile({ ...csvFile(`${header}\n${row}`), fileName: 'kurikulum.xlsx' }),
    ).toMatchObject({
      kind: 'ok',
      format: 'csv',
    });
  });

  it('reads XLSX numbers as plain decimals, and dates and booleans as text', async () => {
    const sheet: Row[] = [
      ['kode_mk', 'nama_mk', 'sks', 'semester', 'jenis', 'kode_cpmk', 'cpmk', 'bobot', 'cpl'],
      [101, 'Las', 3, 3, 'REGULER', 'CPMK1', true, 33.3, 'CPL1'],
      [101, null, null, null, null, 'CPMK2', 'Kecil', 0.0000001, null],
      [
        101,
        null,
        null,
        null,
        null,
        'CPMK3',
        { value: new Date('2026-05-01T00:00:00Z'), format: 'dd/mm/yyyy' },
        66.7,
        null,
      ],
    ];
    const bytes = new Uint8Array(await writeExcelFile(sheet).toBuffer());
    const table = await readCurriculumTable({ bytes, fileName: 'k.xlsx' });
    expect(table.rows.map((values) => [values.kode_mk, values.cpmk, values.bobot])).toEqual([
      ['101', 'TRUE', '33.3'],
      ['101', 'Kecil', '0.0000001'],
      ['101', '2026-05-01', '66.7'],
    ]);
  });

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string]>([
    [
      'a file over 2 MB',
      () => text(`${header}\n${row}\n`.padEnd(CURRICULUM_FILE_MAX_BYTES + 1, ' ')),
      'CURRICULUM_FILE_TOO_LARGE',
    ],
    ['an empty file', () => new Uint8Array(), 'CURRICULUM_FILE_EMPTY'],
    ['blank lines only', () => text('\r\n \r\n\r\n'), 'CURRICULUM_FILE_EMPTY'],
    [
      'garbage bytes',
      () => Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256),
      'CURRICULUM_FILE_UNSUPPORTED',
    ],
    ['a PDF', () => text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'CURRICULUM_FILE_UNSUPPORTED'],
    [
      'an old .xls workbook',
      () => Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0),
      'CURRICULUM_FILE_UNSUPPORTED',
    ],
    [
      'a zip that is not a workbook',
      () => zipSync({ mimetype: text('application/vnd.oasis.opendocument.spreadsheet') }),
      'CURRICULUM_FILE_UNSUPPORTED',
    ],
    [
      'a cut-off XLSX',
      async () => (await demoFile('d4-teknologi-rekayasa-manufaktur.xlsx')).bytes.slice(0, 4000),
      'CURRICULUM_FILE_UNREADABLE',
    ],
    [
      'a zip that unpacks to more than 50 MB',
      () => zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(51 * 1024 * 1024) }, { level: 1 }),
      'CURRICULUM_FILE_UNREADABLE',
    ],
    [
      'a CSV with a quote left open',
      () => text(`${header}\n${row}\n"PTM202;Bubut;3;3\n`),
      'CURRICULUM_CSV_MALFORMED',
    ],
  ])('refuses %s', async (_name, bytes, code) => {
    expect(
      (await refusal(readCurriculumFile({ bytes: await bytes(), fileName: 'kurikulum.csv' }))).code,
    ).toBe(code);
  });

  it('names the size limit when refusing a large file', async () => {
    const bytes = new Uint8Array(CURRICULUM_FILE_MAX_BYTES + 1);
    expect(await refusal(readCurriculumFile({ bytes, fileName: 'k.csv' }))).toEqual({
      code: 'CURRICULUM_FILE_TOO_LARGE',
      params: { max: '2 MB' },
    });
  });
});
