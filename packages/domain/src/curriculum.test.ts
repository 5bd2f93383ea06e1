import { describe, expect, it } from 'vitest';
import { CURRICULUM_MAX_ROWS, type CurriculumCheck, checkCurriculumRows } from '#curriculum.ts';
import { errorMessages } from '#messages.ts';

const header = [
  'kode_mk',
  'nama_mk',
  'nama_mk_en',
  'sks',
  'semester',
  'jenis',
  'kode_cpmk',
  'cpmk',
  'cpmk_en',
  'bobot',
  'cpl',
];

type Row = Partial<Record<(typeof header)[number], string>>;

const welding: Row = {
  kode_mk: 'PTM201',
  nama_mk: 'Teknik Pengelasan',
  nama_mk_en: 'Welding Technology',
  sks: '3',
  semester: '3',
  jenis: 'REGULER',
};
const weldingOutcomes: Row[] = [
  {
    kode_cpmk: 'CPMK-1',
    cpmk: 'Menjelaskan proses SMAW',
    cpmk_en: 'Explain SMAW',
    bobot: '40',
    cpl: 'CPL3;CPL5',
  },
  {
    kode_cpmk: 'CPMK-2',
    cpmk: 'Mengelas sambungan tumpul',
    cpmk_en: 'Weld a butt joint',
    bobot: '60',
    cpl: 'CPL5',
  },
];

/** Rows keyed by the header, every cell present (as the file reader gives them). */
function sheet(rows: Row[], columns: readonly string[] = header): Record<string, string>[] {
  return rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? ''])));
}

function check(rows: Row[], columns: readonly string[] = header): CurriculumCheck {
  return checkCurriculumRows(sheet(rows, columns), { header: columns });
}

const errorsOf = (result: CurriculumCheck) => (result.kind === 'invalid' ? result.errors : []);

describe('checkCurriculumRows', () => {
  it('groups the rows of one course code into one course with its outcomes in order', () => {
    const result = check([
      { ...welding, ...weldingOutcomes[0] },
      { ...welding, ...weldingOutcomes[1] },
      {
        kode_mk: 'PTM499',
        nama_mk: 'Skripsi',
        sks: '6',
        semester: '8',
        jenis: 'Skripsi',
        kode_cpmk: 'CPMK-1',
        cpmk: 'Menyusun skripsi',
        bobot: '100',
        cpl: 'CPL10, CPL2',
      },
    ]);
    expect(result).toEqual({
      kind: 'ok',
      graduateOutcomes: ['CPL2', 'CPL3', 'CPL5', 'CPL10'],
      courses: [
        {
          code: 'PTM201',
          nameId: 'Teknik Pengelasan',
          nameEn: 'Welding Technology',
          sks: 3,
          semester: 3,
          kind: 'REGULAR',
          outcomes: [
            {
              code: 'CPMK-1',
              textId: 'Menjelaskan proses SMAW',
              textEn: 'Explain SMAW',
              weight: 40,
              cplCodes: ['CPL3', 'CPL5'],
            },
            {
              code: 'CPMK-2',
              textId: 'Mengelas sambungan tumpul',
              textEn: 'Weld a butt joint',
              weight: 60,
              cplCodes: ['CPL5'],
            },
          ],
        },
        {
          code: 'PTM499',
          nameId: 'Skripsi',
          nameEn: null,
          sks: 6,
          semester: 8,
          kind: 'FINAL_PROJECT',
          outcomes: [
            {
              code: 'CPMK-1',
              textId: 'Menyusun skripsi',
              textEn: null,
              weight: 100,
              cplCodes: ['CPL2', 'CPL10'],
            },
          ],
        },
      ],
    });
  });

  it('lets later rows of a course leave its cells empty, as merged cells export', () => {
    const result = check([
      { ...welding, ...weldingOutcomes[0] },
      { kode_mk: 'PTM201', ...weldingOutcomes[1] },
    ]);
    expect(result.kind).toBe('ok');
    expect(result.courses[0]?.outcomes).toHaveLength(2);
  });

  it('reads rows with every course cell empty as merged cells: the course of the row above', () => {
    const result = check([{ ...welding, ...weldingOutcomes[0] }, { ...weldingOutcomes[1] }]);
    expect(result.kind).toBe('ok');
    expect(result.courses[0]?.outcomes.map((outcome) => outcome.code)).toEqual(['CPMK-1', 'CPMK-2']);
  });

  it('does not carry a course code across a blank row or into a row that names a course', () => {
    const result = check([
      { ...welding, ...weldingOutcomes[0] },
      {},
      { ...weldingOutcomes[1] },
      { ...welding, ...weldingOutcomes[0] },
      { ...welding, kode_mk: '', ...weldingOutcomes[1] },
    ]);
    expect(errorsOf(result).map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 4, field: 'courseCode', code: 'CURRICULUM_CELL_EMPTY' },
      { row: 5, field: 'outcomeCode', code: 'CURRICULUM_OUTCOME_DUPLICATE' },
      { row: 6, field: 'courseCode', code: 'CURRICULUM_CELL_EMPTY' },
    ]);
  });

  it('takes a course code in another case as the same course', () => {
    const result = check([
      { ...welding, ...weldingOutcomes[0] },
      { ...welding, kode_mk: 'ptm201', ...weldingOutcomes[1] },
    ]);
    expect(result.kind).toBe('ok');
    expect(result.courses.map((course) => course.code)).toEqual(['PTM201']);
  });

  it('skips blank rows but keeps the spreadsheet row numbers', () => {
    const result = check([{ ...welding, ...weldingOutcomes[0] }, {}, { ...welding, ...weldingOutcomes[0] }]);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ row: 4, field: 'outcomeCode', code: 'CURRICULUM_OUTCOME_DUPLICATE' }),
    ]);
  });

  it.each([
    [
      'Indonesian',
      [
        'kode_mk',
        'nama_mk',
        'nama_mk_en',
        'sks',
        'semester',
        'jenis',
        'kode_cpmk',
        'cpmk',
        'cpmk_en',
        'bobot',
        'cpl',
      ],
    ],
    [
      'English',
      [
        'course_code',
        'course_name_id',
        'course_name_en',
        'credits',
        'semester',
        'kind',
        'outcome_code',
        'outcome_text_id',
        'outcome_text_en',
        'weight',
        'cpl',
      ],
    ],
    [
      'written as people type them',
      [
        'Kode MK',
        'Nama MK',
        'NAMA MK EN',
        'SKS',
        'Semester',
        'Jenis',
        'Kode-CPMK',
        'CPMK',
        'CPMK (EN)',
        'Bobot (%)',
        ' CPL ',
      ],
    ],
  ])('reads %s column names', (_name, columns) => {
    const cells = [
      'PTM201',
      'Teknik Pengelasan',
      'Welding Technology',
      '3',
      '3',
      'REGULAR',
      'CPMK-1',
      'Menjelaskan SMAW',
      'Explain SMAW',
      '100',
      'CPL1',
    ];
    const row = Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
    const result = checkCurriculumRows([row], { header: columns });
    expect(result.kind).toBe('ok');
    expect(result.courses[0]).toMatchObject({ code: 'PTM201', nameEn: 'Welding Technology', sks: 3 });
    expect(result.courses[0]?.outcomes[0]).toMatchObject({
      textEn: 'Explain SMAW',
      weight: 100,
      cplCodes: ['CPL1'],
    });
  });

  it('ignores columns it does not know and works without the optional ones', () => {
    const columns = [
      'No',
      'kode_mk',
      'nama_mk',
      'sks',
      'semester',
      'jenis',
      'kode_cpmk',
      'cpmk',
      'bobot',
      'Keterangan',
    ];
    const result = check(
      [{ No: '1', ...welding, ...weldingOutcomes[0], bobot: '100', Keterangan: 'wajib' }],
      columns,
    );
    expect(result.kind).toBe('ok');
    expect(result.courses[0]).toMatchObject({ nameEn: null, outcomes: [{ textEn: null, cplCodes: [] }] });
  });

  it.each([
    ['REGULER', 'REGULAR'],
    ['regular', 'REGULAR'],
    ['Tugas Akhir', 'FINAL_PROJECT'],
    ['SKRIPSI', 'FINAL_PROJECT'],
    ['Tesis', 'FINAL_PROJECT'],
    ['Proyek Akhir', 'FINAL_PROJECT'],
    ['FINAL_PROJECT', 'FINAL_PROJECT'],
    ['Magang', 'INTERNSHIP'],
    ['PKL', 'INTERNSHIP'],
    ['Praktik Industri', 'INTERNSHIP'],
    ['internship', 'INTERNSHIP'],
  ])('reads the kind %s as %s', (jenis, kind) => {
    const result = check([{ ...welding, jenis, ...weldingOutcomes[0], bobot: '100' }]);
    expect(result.courses[0]?.kind).toBe(kind);
  });

  it.each([
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['33,33', 33.33],
    ['25%', 25],
    [' 100 ', 100],
  ])('reads the weight %j as %d', (bobot, weight) => {
    const result = check([{ ...welding, ...weldingOutcomes[0], bobot }]);
    expect(result.courses[0]?.outcomes[0]?.weight).toBe(weight);
  });

  it.each<[string, Row, { field: string; code: string; params?: Record<string, string | number> }]>([
    [
      'an empty course code',
      { kode_mk: '' },
      { field: 'courseCode', code: 'CURRICULUM_CELL_EMPTY', params: { column: 'kode_mk' } },
    ],
    ['an empty course name', { nama_mk: ' ' }, { field: 'courseNameId', code: 'CURRICULUM_CELL_EMPTY' }],
    ['empty SKS', { sks: '' }, { field: 'sks', code: 'CURRICULUM_CELL_EMPTY' }],
    ['an empty kind', { jenis: '' }, { field: 'kind', code: 'CURRICULUM_CELL_EMPTY' }],
    ['an empty CPMK code', { kode_cpmk: '' }, { field: 'outcomeCode', code: 'CURRICULUM_CELL_EMPTY' }],
    ['an empty CPMK text', { cpmk: '' }, { field: 'outcomeTextId', code: 'CURRICULUM_CELL_EMPTY' }],
    ['an empty weight', { bobot: '' }, { field: 'weight', code: 'CURRICULUM_CELL_EMPTY' }],
    [
      'SKS that are not a number',
      { sks: 'tiga' },
      {
        field: 'sks',
        code: 'CURRICULUM_NOT_A_NUMBER',
        params: { column: 'sks', value: 'tiga', min: 1, max: 24 },
      },
    ],
    [
      'a semester with thousands',
      { semester: '1.000,0' },
      { field: 'semester', code: 'CURRICULUM_NOT_A_NUMBER' },
    ],
    [
      'a weight that is not a number',
      { bobot: '40 persen' },
      { field: 'weight', code: 'CURRICULUM_NOT_A_NUMBER' },
    ],
    ['SKS with a fraction', { sks: '2,5' }, { field: 'sks', code: 'CURRICULUM_NOT_INTEGER' }],
    [
      '0 SKS',
      { sks: '0' },
      {
        field: 'sks',
        code: 'CURRICULUM_OUT_OF_RANGE',
        params: { column: 'sks', value: '0', min: 1, max: 24 },
      },
    ],
    ['25 SKS', { sks: '25' }, { field: 'sks', code: 'CURRICULUM_OUT_OF_RANGE' }],
    ['semester 0', { semester: '0' }, { field: 'semester', code: 'CURRICULUM_OUT_OF_RANGE' }],
    [
      'semester 15',
      { semester: '15' },
      {
        field: 'semester',
        code: 'CURRICULUM_OUT_OF_RANGE',
        params: { column: 'semester', value: '15', min: 1, max: 14 },
      },
    ],
    ['a zero weight', { bobot: '0' }, { field: 'weight', code: 'CURRICULUM_WEIGHT_RANGE' }],
    ['a negative weight', { bobot: '-5' }, { field: 'weight', code: 'CURRICULUM_WEIGHT_RANGE' }],
    ['a weight over 100', { bobot: '100,5' }, { field: 'weight', code: 'CURRICULUM_WEIGHT_RANGE' }],
    [
      'an unknown kind',
      { jenis: 'Pilihan' },
      {
        field: 'kind',
        code: 'CURRICULUM_KIND_UNKNOWN',
        params: expect.objectContaining({ value: 'Pilihan' }),
      },
    ],
    [
      'a course code too long',
      { kode_mk: 'X'.repeat(31) },
      { field: 'courseCode', code: 'CURRICULUM_TEXT_TOO_LONG', params: { column: 'kode_mk', max: 30 } },
    ],
    [
      'a CPMK text too long',
      { cpmk: 'x'.repeat(1001) },
      { field: 'outcomeTextId', code: 'CURRICULUM_TEXT_TOO_LONG' },
    ],
    [
      'a NUL pasted into a name',
      { nama_mk: 'Las\u0000' },
      { field: 'courseNameId', code: 'INVALID_CHARACTER' },
    ],
  ])('reports %s on its row and leaves the row out of the preview', (_name, change, error) => {
    const result = check([{ ...welding, ...weldingOutcomes[0], bobot: '100', ...change }]);
    expect(result).toEqual({
      kind: 'invalid',
      errors: [{ row: 2, ...error, ...(error.params ? {} : { params: expect.anything() }) }],
      courses: [],
      graduateOutcomes: [],
    });
  });

  it('reports a course whose later row disagrees, on that row, and keeps the agreeing rows', () => {
    const result = check([
      { ...welding, ...weldingOutcomes[0] },
      { ...welding, sks: '4', semester: '3', nama_mk: 'Teknik Las', ...weldingOutcomes[1] },
    ]);
    expect(errorsOf(result)).toEqual([
      {
        row: 3,
        field: 'courseNameId',
        code: 'CURRICULUM_COURSE_MISMATCH',
        params: {
          column: 'nama_mk',
          course: 'PTM201',
          firstRow: 2,
          value: 'Teknik Las',
          expected: 'Teknik Pengelasan',
        },
      },
      {
        row: 3,
        field: 'sks',
        code: 'CURRICULUM_COURSE_MISMATCH',
        params: { column: 'sks', course: 'PTM201', firstRow: 2, value: '4', expected: '3' },
      },
    ]);
    expect(result.courses).toMatchObject([{ code: 'PTM201', sks: 3, outcomes: [{ code: 'CPMK-1' }] }]);
  });

  it('reports a CPMK code used twice in one course, ignoring case, but not across courses', () => {
    const result = check([
      { ...welding, ...weldingOutcomes[0] },
      { ...welding, ...weldingOutcomes[1], kode_cpmk: 'cpmk-1' },
      { ...welding, kode_mk: 'PTM202', nama_mk: 'Las Lanjut', ...weldingOutcomes[0], bobot: '100' },
    ]);
    expect(errorsOf(result)).toEqual([
      {
        row: 3,
        field: 'outcomeCode',
        code: 'CURRICULUM_OUTCOME_DUPLICATE',
        params: { code: 'cpmk-1', course: 'PTM201', firstRow: 2 },
      },
    ]);
    expect(result.courses.map((course) => course.code)).toEqual(['PTM201', 'PTM202']);
  });

  it('reports a course listed without any CPMK on its first row', () => {
    const result = check([welding, { ...welding, kode_mk: 'PTM202', ...weldingOutcomes[0], bobot: '100' }]);
    expect(errorsOf(result)).toEqual([
      {
        row: 2,
        field: 'outcomeTextId',
        code: 'CURRICULUM_COURSE_WITHOUT_OUTCOMES',
        params: { course: 'PTM201' },
      },
    ]);
    expect(result.courses.map((course) => course.code)).toEqual(['PTM202']);
  });

  it('reports every missing required column on row 1, naming the accepted names', () => {
    const columns = ['kode_mk', 'nama_mk', 'semester', 'kode_cpmk', 'cpmk'];
    const result = check([{ ...welding, ...weldingOutcomes[0] }], columns);
    expect(errorsOf(result)).toEqual([
      {
        row: 1,
        field: 'sks',
        code: 'CURRICULUM_COLUMN_MISSING',
        params: { column: 'sks', aliases: 'sks, credits' },
      },
      {
        row: 1,
        field: 'kind',
        code: 'CURRICULUM_COLUMN_MISSING',
        params: { column: 'jenis', aliases: 'jenis, kind, jenis_mk' },
      },
      {
        row: 1,
        field: 'weight',
        code: 'CURRICULUM_COLUMN_MISSING',
        params: { column: 'bobot', aliases: 'bobot, weight' },
      },
    ]);
  });

  it('reports a column given twice under two names', () => {
    const columns = [...header, 'Course Code'];
    const result = check([{ ...welding, ...weldingOutcomes[0], 'Course Code': 'X' }], columns);
    expect(errorsOf(result)).toEqual([
      {
        row: 1,
        field: 'courseCode',
        code: 'CURRICULUM_COLUMN_DUPLICATE',
        params: { column: 'Course Code', first: 'kode_mk' },
      },
    ]);
  });

  it(`refuses more than ${CURRICULUM_MAX_ROWS} data rows, naming the first row past the limit`, () => {
    const rows = Array.from({ length: CURRICULUM_MAX_ROWS + 1 }, (_, index) => ({
      ...welding,
      ...weldingOutcomes[0],
      kode_cpmk: `CPMK-${index}`,
    }));
    expect(errorsOf(check([{}, ...rows]))).toEqual([
      {
        row: CURRICULUM_MAX_ROWS + 3,
        field: 'row',
        code: 'CURRICULUM_TOO_MANY_ROWS',
        params: { max: CURRICULUM_MAX_ROWS },
      },
    ]);
    expect(check(rows.slice(1)).kind).toBe('ok');
  });

  it('refuses a file with a header and no course rows', () => {
    expect(errorsOf(check([{}, {}]))).toEqual([{ row: 2, field: 'row', code: 'CURRICULUM_FILE_EMPTY' }]);
  });

  it('gives every error code a message in both languages', () => {
    const codes = [
      'CURRICULUM_CELL_EMPTY',
      'CURRICULUM_FILE_EMPTY',
      'CURRICULUM_COLUMN_DUPLICATE',
      'CURRICULUM_COLUMN_MISSING',
      'CURRICULUM_COURSE_MISMATCH',
      'CURRICULUM_COURSE_WITHOUT_OUTCOMES',
      'CURRICULUM_KIND_UNKNOWN',
      'CURRICULUM_NOT_A_NUMBER',
      'CURRICULUM_NOT_INTEGER',
      'CURRICULUM_OUT_OF_RANGE',
      'CURRICULUM_OUTCOME_DUPLICATE',
      'CURRICULUM_TEXT_TOO_LONG',
      'CURRICULUM_TOO_MANY_ROWS',
      'CURRICULUM_WEIGHT_RANGE',
    ];
    for (const code of codes) expect(Object.hasOwn(errorMessages, code), code).toBe(true);
  });
});
