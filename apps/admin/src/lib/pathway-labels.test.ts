import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MatchDraft } from '#lib/pathway-form.ts';
import { isMatchChosen, itemLabel, type LabelSources, labelKey } from '#lib/pathway-labels.ts';
import { messages } from '#messages.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'id',
    resources: { id: { translation: messages.id }, en: { translation: messages.en } },
    interpolation: { escapeValue: false },
  });
});

const sources: LabelSources = {
  saved: new Map([
    [labelKey('achievement', 'kmg25-robot-las'), 'Operator Robot Las Industri'],
    [labelKey('skkniUnit', 'C.250000.001.01'), 'Unit SKKNI C.250000.001.01 Menerapkan Standar (Kompeten)'],
  ]),
  picked: new Map([[labelKey('skkniUnit', 'C.280000.001.02'), 'Memprogram Robot Las']]),
  skillAreas: new Map([['TPL', 'Teknik Pengelasan']]),
  pathways: new Map([['JALUR-PENGELASAN-INDUSTRI', 'Teknologi Pengelasan Industri']]),
};

describe('itemLabel', () => {
  it.each<[MatchDraft, string]>([
    [{ kind: 'achievement', code: 'kmg25-robot-las' }, 'Operator Robot Las Industri'],
    [{ kind: 'achievement', code: 'kmg-baru' }, 'kmg-baru'],
    [
      { kind: 'skkniUnit', unitCode: 'C.250000.001.01' },
      'Unit SKKNI C.250000.001.01 Menerapkan Standar (Kompeten)',
    ],
    [
      { kind: 'skkniUnit', unitCode: 'C.280000.001.02' },
      'Unit SKKNI C.280000.001.02 Memprogram Robot Las (Kompeten)',
    ],
    [{ kind: 'skkniUnit', unitCode: 'C.290000.001.01' }, 'Unit SKKNI C.290000.001.01 (Kompeten)'],
    [
      { kind: 'skillArea', skillAreaCode: 'TPL', minKkniLevel: 4 },
      'Kredensial apa pun di bidang Teknik Pengelasan dengan jenjang KKNI 4 atau lebih',
    ],
    [{ kind: 'pathway', pathwayCode: 'JALUR-PENGELASAN-INDUSTRI' }, 'Jalur Teknologi Pengelasan Industri'],
    [
      { kind: 'external', achievementId: 'urn:bnsp:las-3g', issuerId: 'did:web:bnsp.go.id' },
      'Kredensial impor urn:bnsp:las-3g dari did:web:bnsp.go.id',
    ],
    [{ kind: 'skillArea', skillAreaCode: 'TPL', minKkniLevel: '' }, 'Syarat belum dipilih'],
    [{ kind: 'achievement', code: ' ' }, 'Syarat belum dipilih'],
  ])('words %j as %j', (match, label) => {
    expect(itemLabel(match, sources, i18n.getFixedT('id'))).toBe(label);
  });
});

describe('isMatchChosen', () => {
  it('needs both ids of an imported credential', () => {
    expect(isMatchChosen({ kind: 'external', achievementId: 'urn:x', issuerId: '' })).toBe(false);
    expect(isMatchChosen({ kind: 'external', achievementId: 'urn:x', issuerId: 'did:web:x' })).toBe(true);
  });
});
