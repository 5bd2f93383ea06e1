import { describe, expect, it } from 'vitest';
import {
  type CallForForm,
  type CallFormValues,
  callFormFromCall,
  callFormWarnings,
  emptyCallForm,
  normalizeUnitCode,
  toCallInput,
  validateCallForm,
} from '#lib/call-form.ts';

/** A complete, valid call in Makassar (WITA, UTC+8). */
const valid: CallFormValues = {
  programmeId: 'P',
  providerId: 'O',
  skillAreaId: 'S',
  title: 'Pengembangan Gim Edukasi',
  description: 'Merancang dan membuat gim edukasi sederhana untuk pembelajaran di kelas SMK.',
  learningOutcomes: ['Merancang alur permainan edukatif', 'Membuat prototipe gim 2D'],
  competencyUnits: [{ code: 'j.620100.004.02', title: 'Menggunakan Struktur Data' }],
  mode: 'OFFLINE',
  venueName: 'Akademi Digital Kreatif',
  address: '',
  city: 'Makassar',
  province: '73',
  startDate: '2026-03-02',
  endDate: '2026-03-06',
  trainingHours: 40,
  seats: 20,
  applicationOpensAt: '2026-01-05 00:00:00',
  applicationClosesAt: '2026-02-01 23:59:00',
  whatToBring: '',
  accommodationProvided: false,
  accommodationNote: '',
  travelSupport: '',
  travelSupportMaxRupiah: '',
  travelSupportNote: '',
};

describe('validateCallForm', () => {
  it('accepts a complete call', () => {
    expect(validateCallForm(valid, 'id')).toEqual({});
  });

  it('asks for every required field of an empty form', () => {
    const errors = validateCallForm(emptyCallForm(), 'id');
    for (const field of [
      'programmeId',
      'providerId',
      'skillAreaId',
      'title',
      'description',
      'learningOutcomes.0',
      'city',
      'province',
      'startDate',
      'endDate',
      'trainingHours',
      'seats',
      'applicationOpensAt',
      'applicationClosesAt',
    ]) {
      expect(errors[field], field).toBeTruthy();
    }
    expect(errors.title).toBe('Wajib diisi.');
  });

  it('reports an end date before the start date while other fields are still empty', () => {
    const errors = validateCallForm(
      { ...emptyCallForm(), startDate: '2026-03-06', endDate: '2026-03-02' },
      'id',
    );
    expect(errors.endDate).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai.');
  });

  it('reports a window closing after training starts in the venue time zone', () => {
    // 23:30 WITA on the day before is fine; 00:30 WITA on the first day is not.
    expect(validateCallForm({ ...valid, applicationClosesAt: '2026-03-01 23:30:00' }, 'id')).toEqual({});
    expect(validateCallForm({ ...valid, applicationClosesAt: '2026-03-02 00:30:00' }, 'en')).toEqual({
      applicationClosesAt: 'Applications must close before the training starts (2 March 2026).',
    });
  });

  it('reports a window that closes before it opens', () => {
    const errors = validateCallForm({ ...valid, applicationClosesAt: '2026-01-04 10:00:00' }, 'id');
    expect(errors.applicationClosesAt).toBe('Pendaftaran harus ditutup setelah dibuka.');
  });

  it('asks for a venue unless the training is online', () => {
    expect(validateCallForm({ ...valid, venueName: ' ' }, 'id').venueName).toMatch(/wajib diisi/);
    expect(validateCallForm({ ...valid, mode: 'ONLINE', venueName: '' }, 'id')).toEqual({});
  });

  it('points at the broken item of a list', () => {
    const errors = validateCallForm(
      {
        ...valid,
        learningOutcomes: ['Merancang alur permainan edukatif', 'abc'],
        competencyUnits: [
          { code: 'J.620100.004.02', title: 'Menggunakan Struktur Data' },
          { code: 'J-620100', title: 'Unit kedua' },
          { code: 'J.620100.004.02', title: 'Duplikat' },
        ],
      },
      'id',
    );
    expect(errors).toEqual({
      'learningOutcomes.1': 'Minimal 5 karakter.',
      'competencyUnits.1.code': 'Kode unit SKKNI berbentuk X.000000.000.00.',
      'competencyUnits.2.code': 'Butir ini muncul dua kali.',
    });
  });

  it.each([
    [0, 'Kuota peserta minimal 1.'],
    [2.5, 'Harus bilangan bulat.'],
    ['', 'Wajib diisi.'],
  ])('checks the seats %j', (seats, message) => {
    expect(validateCallForm({ ...valid, seats }, 'id').seats).toBe(message);
  });
});

describe('toCallInput', () => {
  it('sends the window as UTC instants read in the venue time zone', () => {
    const input = toCallInput(valid);
    expect(input.applicationOpensAt).toBe('2026-01-04T16:00:00.000Z');
    expect(input.applicationClosesAt).toBe('2026-02-01T15:59:00.000Z');
  });

  it.each([
    ['31', '2026-02-01T16:59:00.000Z'],
    ['73', '2026-02-01T15:59:00.000Z'],
    ['91', '2026-02-01T14:59:00.000Z'],
  ])('reads the same wall clock in province %s as %s', (province, instant) => {
    expect(toCallInput({ ...valid, province }).applicationClosesAt).toBe(instant);
  });

  it('keeps calendar dates as written', () => {
    const input = toCallInput(valid);
    expect([input.startDate, input.endDate]).toEqual(['2026-03-02', '2026-03-06']);
  });

  it('sends blank optional fields as null and normalizes unit codes', () => {
    const input = toCallInput({ ...valid, address: '  ', venueName: ' Aula ' });
    expect(input.address).toBeNull();
    expect(input.venueName).toBe('Aula');
    expect(input.competencyUnits).toEqual([{ code: 'J.620100.004.02', title: 'Menggunakan Struktur Data' }]);
  });
});

describe('callFormFromCall', () => {
  const call: CallForForm = {
    programme: { id: 'P' },
    provider: { id: 'O' },
    skillArea: { id: 'S' },
    title: valid.title,
    description: valid.description,
    learningOutcomes: valid.learningOutcomes,
    competencyUnits: [{ code: 'J.620100.004.02', title: 'Menggunakan Struktur Data' }],
    mode: 'OFFLINE',
    venueName: 'Akademi Digital Kreatif',
    address: null,
    city: 'Makassar',
    province: { code: '73' },
    timeZone: 'Asia/Makassar',
    startDate: '2026-03-02',
    endDate: '2026-03-06',
    trainingHours: 40,
    seats: 20,
    applicationOpensAt: '2026-01-04T16:00:00.000Z',
    applicationClosesAt: '2026-02-01T15:59:00.000Z',
    status: 'DRAFT',
    whatToBring: null,
    accommodationProvided: false,
    accommodationNote: null,
    travelSupport: null,
    travelSupportMaxRupiah: null,
    travelSupportNote: null,
  };

  it('shows the window on the venue clock', () => {
    const values = callFormFromCall(call);
    expect(values.applicationOpensAt).toBe('2026-01-05 00:00:00');
    expect(values.applicationClosesAt).toBe('2026-02-01 23:59:00');
  });

  it('round-trips through toCallInput', () => {
    const input = toCallInput(callFormFromCall(call));
    expect(input).toMatchObject({
      programmeId: 'P',
      address: null,
      province: '73',
      applicationOpensAt: call.applicationOpensAt,
      applicationClosesAt: call.applicationClosesAt,
    });
  });
});

describe('normalizeUnitCode', () => {
  it.each([
    ['c.282000.011.01', 'C.282000.011.01'],
    [' C. 282000.011.01 ', 'C.282000.011.01'],
  ])('writes %j as %j', (code, normalized) => {
    expect(normalizeUnitCode(code)).toBe(normalized);
  });
});

describe('validateCallForm seats', () => {
  it.each([0, -3, '0', '-3'])('flags %j seats on the field', (seats) => {
    expect(validateCallForm({ ...valid, seats }, 'id').seats).toBe('Kuota peserta minimal 1.');
    expect(validateCallForm({ ...valid, seats }, 'en').seats).toBe('A call needs at least 1 seat.');
  });
});

describe('callFormWarnings', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('asks to confirm a two-year training of 40 hours, in both languages', () => {
    const twoYears = { ...valid, endDate: '2028-03-01' };
    expect(callFormWarnings(twoYears, 'id', now).map((warning) => [warning.field, warning.message])).toEqual([
      [
        'endDate',
        'Pelatihan berlangsung 731 hari (lebih dari 3 bulan). Periksa tanggal mulai dan selesai, terutama tahunnya.',
      ],
      [
        'trainingHours',
        '40 jam pelatihan dalam 731 hari berarti kurang dari 1 jam per hari. Periksa jam pelatihan atau tanggalnya.',
      ],
    ]);
    expect(callFormWarnings(twoYears, 'en', now)[1]?.message).toBe(
      '40 training hours over 731 days is less than 1 hour a day. Check the hours or the dates.',
    );
  });

  it('has nothing to say about a usual five-day training', () => {
    expect(callFormWarnings(valid, 'id', now)).toEqual([]);
  });
});

describe('toCallInput practical information', () => {
  it('sends the reimbursement amount only with a reimbursement "up to"', () => {
    const reimbursed = toCallInput({
      ...valid,
      travelSupport: 'REIMBURSED_UP_TO',
      travelSupportMaxRupiah: 1500000,
    });
    expect(reimbursed).toMatchObject({ travelSupport: 'REIMBURSED_UP_TO', travelSupportMaxRupiah: 1500000 });
    const none = toCallInput({ ...valid, travelSupport: 'NOT_COVERED', travelSupportMaxRupiah: 1500000 });
    expect(none).toMatchObject({ travelSupport: 'NOT_COVERED', travelSupportMaxRupiah: null });
    expect(toCallInput(valid).travelSupport).toBeNull();
  });
});
