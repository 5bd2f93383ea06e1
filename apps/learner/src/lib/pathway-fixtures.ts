// Typed scenario data for the pathway helpers' tests, shaped as `myPathways` returns them (the demo
// pathway "Otomasi dan Robotika Industri": one credential held, two of three advanced ones to go).
import type { GroupProgressInput } from '#lib/pathway-tree.ts';

export type ItemFixture = {
  item: { itemId: string; groupId: string; label: string };
  isFilled: boolean;
  isMissing: boolean;
};

export const roboticsDefinition = JSON.stringify({
  requirements: {
    id: 'semua',
    type: 'group',
    rule: { kind: 'all' },
    children: [
      { id: 'dasar-robot', type: 'item', match: { kind: 'achievement', code: 'kmg25-robot-las' } },
      {
        id: 'lanjutan',
        type: 'group',
        rule: { kind: 'atLeast', count: 2 },
        children: [
          {
            id: 'robot-lanjut',
            type: 'item',
            match: { kind: 'achievement', code: 'kmg-open-robot-las-lanjut' },
          },
          { id: 'plc-hmi', type: 'item', match: { kind: 'achievement', code: 'kmg-open-plc-hmi' } },
          { id: 'bubut-cnc', type: 'item', match: { kind: 'achievement', code: 'kmg-cnc-berjalan' } },
        ],
      },
    ],
  },
  precedes: [{ before: 'dasar-robot', after: 'robot-lanjut' }],
  recencyYears: null,
  allowCredentialReuse: false,
});

// The engine lists groups innermost first: the root comes last.
export const roboticsGroups: GroupProgressInput[] = [
  {
    groupId: 'lanjutan',
    rule: 'atLeast',
    target: 2,
    isSatisfied: false,
    satisfiedChildren: 0,
    requiredChildren: 2,
    hours: 0,
    sks: 0,
  },
  {
    groupId: 'semua',
    rule: 'all',
    target: 2,
    isSatisfied: false,
    satisfiedChildren: 1,
    requiredChildren: 2,
    hours: 40,
    sks: 1,
  },
];

const item = (itemId: string, groupId: string, label: string, isFilled: boolean): ItemFixture => ({
  item: { itemId, groupId, label },
  isFilled,
  isMissing: !isFilled,
});

export const roboticsItems: ItemFixture[] = [
  item('dasar-robot', 'semua', 'Operator Robot Las Industri', true),
  item('robot-lanjut', 'lanjutan', 'Pemrograman Robot Las Lanjutan', false),
  item('plc-hmi', 'lanjutan', 'Otomasi Industri dengan PLC dan HMI', false),
  item('bubut-cnc', 'lanjutan', 'Operator Mesin Bubut CNC', false),
];
