import { describe, expect, it } from 'vitest';
import { weldingDocument, weldingRecord, weldingSource } from '#lib/credential-fixtures.ts';
import {
  credentialActions,
  credentialUuid,
  credentialViewFromDocument,
  credentialViewFromRecord,
  isReadable,
  readCredentialSource,
  trainingDates,
} from '#lib/credential-view.ts';

describe('trainingDates', () => {
  it.each([
    ['a training in WIB (UTC+7)', '2025-11-02T17:00:00Z', '2025-11-07T16:59:59Z', '2025-11-03', '2025-11-07'],
    [
      'a training in WITA (UTC+8)',
      '2025-11-02T16:00:00Z',
      '2025-11-07T15:59:59Z',
      '2025-11-03',
      '2025-11-07',
    ],
    ['a training in WIT (UTC+9)', '2025-11-02T15:00:00Z', '2025-11-07T14:59:59Z', '2025-11-03', '2025-11-07'],
    ['a one-day training', '2025-12-09T17:00:00Z', '2025-12-10T16:59:59Z', '2025-12-10', '2025-12-10'],
    ['a training at UTC', '2025-11-03T00:00:00Z', '2025-11-07T23:59:59Z', '2025-11-03', '2025-11-07'],
    [
      'a training west of UTC (UTC-5)',
      '2025-11-03T05:00:00Z',
      '2025-11-08T04:59:59Z',
      '2025-11-03',
      '2025-11-07',
    ],
  ])('reads %s on the venue’s calendar', (_case, start, end, first, last) => {
    expect(trainingDates(start, end)).toEqual({ start: first, end: last });
  });

  it.each([
    ['missing dates', undefined, undefined],
    ['unreadable dates', 'soon', 'later'],
    ['an end before the start', '2025-11-07T17:00:00Z', '2025-11-02T16:59:59Z'],
  ])('gives nothing for %s', (_case, start, end) => {
    expect(trainingDates(start, end)).toBeNull();
  });
});

describe('readCredentialSource', () => {
  it('reads the units with their results, the outcomes and the level', () => {
    expect(readCredentialSource(weldingRecord.source, 'id')).toEqual({
      description: 'Kredensial mikro bagi guru SMK yang mampu memprogram robot las.',
      units: [
        { code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik', result: 'K' },
        { code: 'C.282000.012.01', title: 'Memprogram Robot Las dengan Teach Pendant', result: 'K' },
      ],
      learningOutcomes: ['Mengoperasikan sel robot las busur', 'Memprogram lintasan las sederhana'],
      kkniLevel: 4,
      humanCode: 'kmg25-robot-las',
      fieldOfStudy: 'Robotika',
      participation: 'onsite',
      imageUrl: 'https://kmg.example/achievements/1/image.svg',
    });
  });

  it('shows a picture only from a web address', () => {
    const withImage = (id: string) =>
      JSON.stringify({ ...weldingSource, achievement: { ...weldingSource.achievement, image: { id } } });
    expect(readCredentialSource(withImage('javascript:alert(1)'), 'id').imageUrl).toBeNull();
    expect(readCredentialSource(withImage('data:image/svg+xml,<svg/>'), 'id').imageUrl).toBeNull();
    expect(readCredentialSource(withImage('http://localhost:4000/a.svg'), 'id').imageUrl).toBe(
      'http://localhost:4000/a.svg',
    );
  });

  it('reads texts in English where they are given, and Indonesian where not', () => {
    const details = readCredentialSource(weldingRecord.source, 'en');
    expect(details.description).toBe('Micro-credential for SMK teachers able to program a welding robot.');
    expect(details.learningOutcomes).toEqual([
      'Operate an arc welding robot cell',
      'Memprogram lintasan las sederhana',
    ]);
  });

  it('leaves results out of a training certificate, whose units were not assessed', () => {
    const source = {
      ...weldingSource,
      achievement: {
        ...weldingSource.achievement,
        skkniUnits: [{ code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik' }],
      },
    };
    expect(readCredentialSource(JSON.stringify(source), 'id').units).toEqual([
      { code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik', result: null },
    ]);
  });

  it.each([
    ['text that is not JSON', 'not json'],
    ['JSON that is not an object', '[1, 2]'],
    ['an object of another shape', '{"achievement": {"skkniUnits": "none", "kkni": {"level": "four"}}}'],
  ])('gives empty details for %s', (_case, source) => {
    expect(readCredentialSource(source, 'id')).toEqual({
      description: null,
      units: [],
      learningOutcomes: [],
      kkniLevel: null,
      humanCode: null,
      fieldOfStudy: null,
      participation: null,
      imageUrl: null,
    });
  });
});

describe('credentialViewFromRecord', () => {
  it('puts the record’s fields and its source together', () => {
    const view = credentialViewFromRecord(weldingRecord, 'id');
    expect(view).toMatchObject({
      name: 'Operator Robot Las Industri',
      learnerName: 'Sri Wahyuni',
      issuerName: 'PT Unggul Semesta',
      parentOrganizationName: 'Direktorat Sekolah Menengah Kejuruan',
      awardedAt: '2025-11-14T03:00:00.000Z',
      workloadHours: 40,
      sks: 1,
      call: { id: 'VHJhaW5pbmdDYWxsOjE=', title: 'Pelatihan Pengoperasian Robot Las Industri' },
    });
    expect(view.units).toHaveLength(2);
  });

  it('takes the training dates from the record’s calendar dates, not from the source’s instants', () => {
    const source = JSON.stringify({
      ...weldingSource,
      activity: { startDate: '2025-11-09T17:00:00.000Z', endDate: '2025-11-14T16:59:59.000Z' },
    });
    expect(credentialViewFromRecord({ ...weldingRecord, source }, 'id').training).toEqual({
      start: '2025-11-03',
      end: '2025-11-07',
    });
  });

  it('leaves out the call and training dates of a pathway credential, which has neither', () => {
    const view = credentialViewFromRecord(
      { ...weldingRecord, call: null, trainingStartDate: null, trainingEndDate: null },
      'id',
    );
    expect(view).toMatchObject({ call: null, training: null });
  });

  it('leaves out hours and SKS the credential does not carry', () => {
    const view = credentialViewFromRecord({ ...weldingRecord, workloadHours: 0, sks: 0 }, 'id');
    expect(view).toMatchObject({ workloadHours: null, sks: null });
  });
});

describe('credentialViewFromDocument', () => {
  it('reads what a signed Open Badges 3.0 credential claims', () => {
    expect(credentialViewFromDocument(weldingDocument, 'id')).toEqual({
      name: 'Operator Robot Las Industri',
      achievementType: 'MicroCredential',
      description: 'Kredensial mikro bagi guru SMK.',
      learnerName: 'Sri Wahyuni',
      issuerName: 'PT Unggul Semesta',
      parentOrganizationName: 'Direktorat SMK',
      // Awarded when the results were approved; signed later.
      awardedAt: '2025-11-14T03:00:00Z',
      validFrom: '2026-11-23T23:42:11Z',
      validUntil: '2029-11-23T23:42:11Z',
      training: { start: '2025-11-03', end: '2025-11-07' },
      call: null,
      units: [
        { code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik', result: 'K' },
        { code: 'C.282000.012.01', title: 'Memprogram Robot Las dengan Teach Pendant', result: 'BK' },
      ],
      learningOutcomes: [],
      workloadHours: 40,
      sks: 1,
      kkniLevel: 4,
      humanCode: 'kmg25-robot-las',
      fieldOfStudy: 'Robotika',
      participation: 'onsite',
      // A pasted file names any picture it likes; only KMG's own record shows one.
      imageUrl: null,
    });
  });

  it('keeps the English part of a bilingual description for English readers', () => {
    expect(credentialViewFromDocument(weldingDocument, 'en')?.description).toBe(
      'Industrial Welding Robot Operator. For SMK teachers.',
    );
  });

  it('lists the aligned units without results when the subject has none', () => {
    const { result: _result, ...subject } = weldingDocument.credentialSubject;
    const view = credentialViewFromDocument({ ...weldingDocument, credentialSubject: subject }, 'id');
    expect(view?.units.map((unit) => [unit.code, unit.result])).toEqual([
      ['C.282000.011.01', null],
      ['C.282000.012.01', null],
    ]);
  });

  it('takes the learner’s name from a plain-text identifier when the subject has no name', () => {
    const { name: _name, ...subject } = weldingDocument.credentialSubject;
    const identifier = [
      { type: 'IdentityObject', hashed: false, identityType: 'name', identityHash: 'Budi' },
    ];
    const view = credentialViewFromDocument(
      { ...weldingDocument, credentialSubject: { ...subject, identifier } },
      'id',
    );
    expect(view?.learnerName).toBe('Budi');
  });

  it('reads the KKNI level from the alignment when the tags do not say it', () => {
    const achievement = { ...weldingDocument.credentialSubject.achievement, tag: [] };
    const view = credentialViewFromDocument(
      { ...weldingDocument, credentialSubject: { ...weldingDocument.credentialSubject, achievement } },
      'id',
    );
    expect(view).toMatchObject({ kkniLevel: 4, workloadHours: null, participation: null });
  });

  it.each([
    ['text', 'hello'],
    ['an array', [weldingDocument]],
    ['null', null],
  ])('gives nothing for %s', (_case, document) => {
    expect(credentialViewFromDocument(document, 'id')).toBeNull();
  });

  it('gives an empty reading of an object that is no credential', () => {
    expect(credentialViewFromDocument({ hello: 'world' }, 'id')).toMatchObject({
      name: '',
      issuerName: null,
      units: [],
    });
  });
});

describe('isReadable', () => {
  it('finds a credential readable', () => {
    expect(isReadable(credentialViewFromDocument(weldingDocument, 'id')!)).toBe(true);
  });

  it('finds an object that is no credential unreadable', () => {
    expect(isReadable(credentialViewFromDocument({ foo: 'bar' }, 'id')!)).toBe(false);
  });

  it('finds a file that only names its issuer readable', () => {
    expect(isReadable(credentialViewFromDocument({ issuer: { name: 'PT Unggul Semesta' } }, 'id')!)).toBe(
      true,
    );
  });
});

describe('credentialUuid', () => {
  it.each([
    ['urn:uuid:C48B8245-64A8-47B6-BDCE-8B361C275414', 'c48b8245-64a8-47b6-bdce-8b361c275414'],
    ['c48b8245-64a8-47b6-bdce-8b361c275414', 'c48b8245-64a8-47b6-bdce-8b361c275414'],
    ['https://example.org/credentials/1', null],
    [null, null],
  ])('reads %s as %s', (id, uuid) => {
    expect(credentialUuid(id)).toBe(uuid);
  });
});

describe('credentialActions', () => {
  it.each([
    ['ACTIVE', true],
    ['EXPIRED', true],
    ['SUSPENDED', false],
    ['REVOKED', false],
  ])('lets the owner share a %s credential: %s', (status, canShare) => {
    expect(credentialActions(status)).toEqual({ canShare });
  });
});
