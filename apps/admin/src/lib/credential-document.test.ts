import { describe, expect, it } from 'vitest';
import { readCredentialDocument } from '#lib/credential-document.ts';

const unit = (code: string, name: string) => ({
  type: ['Alignment'],
  targetType: 'ceasn:Competency',
  targetFramework: 'SKKNI',
  targetCode: code,
  targetName: name,
});

/** A KMG credential as signed (only what the reader looks at). */
const document = JSON.stringify({
  credentialSubject: {
    achievement: {
      alignment: [
        unit('C.282000.011.01', 'Mengoperasikan Robot Las Busur Listrik'),
        unit('C.282000.012.01', 'Memprogram Robot Las dengan Teach Pendant'),
        { targetFramework: 'KKNI', targetCode: '4', targetName: 'KKNI Jenjang 4' },
      ],
      criteria: {
        narrative: [
          'Hadir minimal 80% hari pelatihan.',
          '',
          '**Capaian pembelajaran:**',
          '- Mengoperasikan sel robot las',
          '- Memprogram lintasan las',
          '',
          '- **Beban belajar:** 40 jam (1 SKS)',
          '',
          '---',
          '',
          '*English*',
          '',
          'Attend at least 80% of training days.',
          '',
          '**Learning outcomes:**',
          '- Operate a welding robot cell',
          '- Program a weld path',
          '',
          '- **Notional workload:** 40 hours (1 SKS)',
        ].join('\n'),
      },
    },
    result: [
      { value: 'Kompeten', alignment: [{ targetCode: 'C.282000.011.01' }] },
      { value: 'Belum Kompeten', alignment: [{ targetCode: 'C.282000.012.01' }] },
    ],
  },
});

describe('readCredentialDocument', () => {
  it('reads the SKKNI units with their K/BK results and the KKNI level', () => {
    const content = readCredentialDocument(document, 'id');
    expect(content.units).toEqual([
      { code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik', result: 'K' },
      { code: 'C.282000.012.01', title: 'Memprogram Robot Las dengan Teach Pendant', result: 'BK' },
    ]);
    expect(content.kkniLevel).toBe('4');
  });

  it("reads the learning outcomes in the reader's language, stopping at the workload line", () => {
    expect(readCredentialDocument(document, 'id').learningOutcomes).toEqual([
      'Mengoperasikan sel robot las',
      'Memprogram lintasan las',
    ]);
    expect(readCredentialDocument(document, 'en').learningOutcomes).toEqual([
      'Operate a welding robot cell',
      'Program a weld path',
    ]);
  });

  it('gives a unit without a result (a certificate of completion) no result', () => {
    const completion = JSON.stringify({
      credentialSubject: { achievement: { alignment: [unit('C.1', 'Unit')] } },
    });
    expect(readCredentialDocument(completion, 'id').units).toEqual([
      { code: 'C.1', title: 'Unit', result: null },
    ]);
  });

  it.each([null, '', 'not json', '[]', '{"credentialSubject": 3}'])('reads %o as nothing', (json) => {
    expect(readCredentialDocument(json, 'id')).toEqual({ units: [], learningOutcomes: [], kkniLevel: null });
  });
});
