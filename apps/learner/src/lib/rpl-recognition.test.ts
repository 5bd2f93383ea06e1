import { describe, expect, it } from 'vitest';
import { readRplRecognition, recognitionOfRecord } from '#lib/rpl-recognition.ts';
import { recognitionDocument, walletBundleDocument } from '#lib/rpl-recognition-fixtures.ts';

describe('readRplRecognition', () => {
  it('reads the programme, university, total and decree of a recognition', () => {
    const recognition = readRplRecognition(recognitionDocument, 'id');
    expect(recognition).toMatchObject({
      programme: 'S1 Pendidikan Teknik Mesin',
      universityName: 'Universitas Negeri Semarang',
      learnerName: 'Yohanes Tanaem',
      intake: 'RPL Semester Gasal 2027/2028',
      totalSks: 9,
      decree: {
        number: 'B/0001/UN37/RPL/2026',
        url: 'https://kmg.example/verify/sk/13cef84c-3e6f-4603-886f-f8fd84fe981a',
      },
      decreedOn: '2026-12-02',
    });
  });

  it('lists each course with the SKS recognised and the course’s own', () => {
    expect(readRplRecognition(recognitionDocument, 'id')?.courses).toEqual([
      { code: 'PTM204', name: 'Teknik Pengelasan', sks: 2, courseSks: 3 },
      { code: 'PTM210', name: 'Pengelasan Lanjut', sks: 3, courseSks: 3 },
      { code: 'PTM310', name: 'Robotika Industri', sks: 2, courseSks: 2 },
      { code: 'PTM313', name: 'Inspeksi dan Pengujian Las', sks: 2, courseSks: 2 },
    ]);
  });

  it('names the courses in English from the English half of their description', () => {
    expect(readRplRecognition(recognitionDocument, 'en')?.courses.map((course) => course.name)).toEqual([
      'Welding Technology',
      'Advanced Welding',
      'Industrial Robotics',
      'Weld Inspection and Testing',
    ]);
  });

  it('adds up the courses when the whole recognition states no total', () => {
    const [whole, ...courses] = recognitionDocument.credentialSubject.verifiableCredential;
    const withoutTotal = {
      ...recognitionDocument,
      credentialSubject: {
        ...recognitionDocument.credentialSubject,
        verifiableCredential: [
          { ...whole, credentialSubject: { ...whole?.credentialSubject, creditsEarned: undefined } },
          ...courses,
        ],
      },
    };
    expect(readRplRecognition(withoutTotal, 'id')?.totalSks).toBe(9);
  });

  it.each([
    ['another CLR bundle', walletBundleDocument],
    ['a single badge', recognitionDocument.credentialSubject.verifiableCredential[0]],
    ['nothing', null],
    ['a list', [recognitionDocument]],
  ])('is null for %s', (_case, document) => {
    expect(readRplRecognition(document, 'id')).toBeNull();
  });
});

describe('recognitionOfRecord', () => {
  it('reads a CLR record’s signed file', () => {
    const record = { kind: 'CLR', document: JSON.stringify(recognitionDocument) };
    expect(recognitionOfRecord(record, 'id')?.totalSks).toBe(9);
  });

  it.each([
    ['a training credential', { kind: 'TRAINING', document: JSON.stringify(recognitionDocument) }],
    ['a file that is not JSON', { kind: 'CLR', document: '{' }],
  ])('is null for %s', (_case, record) => {
    expect(recognitionOfRecord(record, 'id')).toBeNull();
  });
});
