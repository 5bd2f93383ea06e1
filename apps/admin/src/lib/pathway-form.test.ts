import { describe, expect, it } from 'vitest';
import {
  emptyPathwayForm,
  type GroupDraft,
  groupErrors,
  groupNumbers,
  newGroup,
  newItem,
  nextNodeId,
  type PathwayFormValues,
  pathwayFieldErrors,
  pathwayFormFromVersion,
  toDefinition,
  toFormPath,
  treeItems,
  validatePathwayForm,
} from '#lib/pathway-form.ts';

/** The seeded staged pathway: a first step, then two of three advanced trainings. */
const stagedTree = {
  type: 'group',
  id: 'semua',
  rule: { kind: 'all' },
  children: [
    { type: 'item', id: 'dasar-robot', match: { kind: 'achievement', code: 'kmg25-robot-las' } },
    {
      type: 'group',
      id: 'lanjutan',
      rule: { kind: 'atLeast', count: 2 },
      children: [
        {
          type: 'item',
          id: 'robot-lanjut',
          match: { kind: 'achievement', code: 'kmg-open-robot-las-lanjut' },
        },
        { type: 'item', id: 'plc-hmi', match: { kind: 'achievement', code: 'kmg-open-plc-hmi' } },
        { type: 'item', id: 'jam', match: { kind: 'skkniUnit', unitCode: 'C.280000.001.02' } },
      ],
    },
    {
      type: 'group',
      id: 'jam-las',
      rule: { kind: 'sks', minHundredths: 150 },
      children: [
        { type: 'item', id: 'bidang', match: { kind: 'skillArea', skillAreaCode: 'TPL', minKkniLevel: 4 } },
      ],
    },
  ],
} as const;

const savedVersion = {
  code: 'JALUR-OTOMASI-ROBOTIKA',
  titleId: 'Otomasi dan Robotika Industri',
  titleEn: 'Industrial Automation and Robotics',
  descriptionId: 'Jalur bertahap: dasar robot las lebih dahulu, lalu dua dari tiga pelatihan lanjutan.',
  descriptionEn: 'A staged pathway: welding-robot basics first, then two of three advanced trainings.',
  kkniLevel: 5,
  achievementType: 'MicroCredential',
  validityMonths: null,
  definition: JSON.stringify({
    requirements: stagedTree,
    precedes: [{ before: 'dasar-robot', after: 'robot-lanjut' }],
    recencyYears: null,
    allowCredentialReuse: false,
  }),
  pathway: { issuer: { id: 'T3JnYW5pemF0aW9uOjE=' } },
};

const filled = (): PathwayFormValues => pathwayFormFromVersion(savedVersion);

describe('pathwayFormFromVersion and toDefinition', () => {
  it('gives back the stored definition unchanged', () => {
    expect(toDefinition(filled())).toEqual(JSON.parse(savedVersion.definition));
  });

  it('shows SKS as whole SKS and sends hundredths', () => {
    const values = filled();
    expect((values.requirements.children[2] as GroupDraft).rule).toEqual({ kind: 'sks', sks: 1.5 });
    (values.requirements.children[2] as { rule: unknown }).rule = { kind: 'sks', sks: 0.33 };
    expect((toDefinition(values).requirements.children[2] as { rule: unknown }).rule).toEqual({
      kind: 'sks',
      minHundredths: 33,
    });
  });

  it('reads an empty recency and validity as none', () => {
    const values = filled();
    expect([values.recencyYears, values.validityMonths]).toEqual(['', '']);
    expect(toDefinition(values).recencyYears).toBeNull();
  });
});

describe('nextNodeId', () => {
  it('never gives an id the tree holds', () => {
    const root = filled().requirements;
    root.children.push({ type: 'item', id: 'syarat-1', match: { kind: 'achievement', code: 'x' } });
    expect(nextNodeId(root, 'item')).toBe('syarat-2');
    expect(nextNodeId(root, 'group')).toBe('kelompok-1');
  });

  it('starts a new group with one requirement of a fresh id', () => {
    const root = emptyPathwayForm().requirements;
    const group = newGroup(root);
    expect(group.children).toHaveLength(1);
    expect(group.children[0]?.id).not.toBe(root.children[0]?.id);
    expect(newItem(root).id).toBe('syarat-2');
  });
});

describe('groupNumbers and treeItems', () => {
  it('numbers nested groups and lists items in tree order with their form paths', () => {
    const root = filled().requirements;
    expect([...groupNumbers(root)]).toEqual([
      ['lanjutan', 1],
      ['jam-las', 2],
    ]);
    expect(treeItems(root).map(({ item, path }) => [item.id, path])).toEqual([
      ['dasar-robot', 'requirements.children.0'],
      ['robot-lanjut', 'requirements.children.1.children.0'],
      ['plc-hmi', 'requirements.children.1.children.1'],
      ['jam', 'requirements.children.1.children.2'],
      ['bidang', 'requirements.children.2.children.0'],
    ]);
  });
});

describe('toFormPath', () => {
  it.each([
    [['content', 'titleId'], 'titleId'],
    [['code'], 'code'],
    [['definition', 'requirements', 'children', '1', 'rule', 'count'], 'requirements.children.1.rule.count'],
    [
      ['definition', 'requirements', 'children', '2', 'rule', 'minHundredths'],
      'requirements.children.2.rule.sks',
    ],
    [['definition', 'precedes', '0', 'after'], 'precedes.0.after'],
    [['definition', 'items', 'plc-hmi'], 'requirements.children.1.children.1.match.code'],
    [['definition', 'items', 'jam'], 'requirements.children.1.children.2.match.unitCode'],
    [['definition', 'items', 'gone'], 'items.gone'],
  ])('puts the API path %j on %j', (path, field) => {
    expect(toFormPath(path, filled())).toBe(field);
  });
});

describe('pathwayFieldErrors', () => {
  it('keeps the first message for a field', () => {
    const errors = pathwayFieldErrors(
      [
        {
          path: ['definition', 'items', 'plc-hmi'],
          message: 'Syarat menyebut capaian kmg-open-plc-hmi yang tidak dikenal.',
        },
        {
          path: ['definition', 'requirements', 'children', '1', 'children', '1', 'match', 'code'],
          message: 'later',
        },
      ],
      filled(),
    );
    expect(errors).toEqual({
      'requirements.children.1.children.1.match.code':
        'Syarat menyebut capaian kmg-open-plc-hmi yang tidak dikenal.',
    });
  });
});

describe('groupErrors', () => {
  const errors = {
    'requirements.children.1': 'too deep',
    'requirements.children.1.children': 'empty',
    'requirements.children.1.rule.count': 'on the field',
    'requirements.children.0.id': 'duplicate',
  };
  it('gathers what is said about a group as a whole, not on its fields', () => {
    expect(groupErrors(errors, 'requirements.children.1')).toEqual(['too deep', 'empty']);
  });
  it('gathers what is said about a requirement as a whole', () => {
    expect(groupErrors(errors, 'requirements.children.0', ['id', 'match'])).toEqual(['duplicate']);
  });
});

describe('validatePathwayForm', () => {
  it('accepts a complete pathway', () => {
    expect(validatePathwayForm(filled(), { locale: 'id', isNew: false })).toEqual({});
  });

  it('asks for the code and issuer only when creating', () => {
    const values = { ...filled(), code: '', issuerId: null };
    expect(validatePathwayForm(values, { locale: 'en', isNew: false })).toEqual({});
    const errors = validatePathwayForm(values, { locale: 'en', isNew: true });
    expect(Object.keys(errors).sort()).toEqual(['code', 'issuerId']);
  });

  it('reads an empty requirement as required, on its own field', () => {
    const values = emptyPathwayForm();
    const errors = validatePathwayForm(values, { locale: 'id', isNew: true });
    expect(errors['requirements.children.0.match.code']).toBe('Wajib diisi.');
  });

  it('names an "at least" above the number of its requirements on the count', () => {
    const values = filled();
    (values.requirements.children[1] as GroupDraft).rule = { kind: 'atLeast', count: 4 };
    const errors = validatePathwayForm(values, { locale: 'en', isNew: false });
    expect(errors['requirements.children.1.rule.count']).toBe(
      'At least 4 of 3 requirements can never be met.',
    );
  });

  it('refuses an order rule that goes round in a circle', () => {
    const values = filled();
    values.precedes.push({ before: 'robot-lanjut', after: 'dasar-robot' });
    const errors = validatePathwayForm(values, { locale: 'en', isNew: false });
    expect(errors.precedes).toBe('The order goes round in a circle: nothing could be earned first.');
  });

  it('asks for both ends of an order rule', () => {
    const values = filled();
    values.precedes.push({ before: 'plc-hmi', after: null });
    const errors = validatePathwayForm(values, { locale: 'id', isNew: false });
    expect(errors['precedes.1.after']).toBe('Wajib diisi.');
  });

  it('refuses a malformed SKKNI unit code', () => {
    const values = filled();
    const group = values.requirements.children[1] as GroupDraft;
    group.children[2] = { type: 'item', id: 'jam', match: { kind: 'skkniUnit', unitCode: 'C-28' } };
    const errors = validatePathwayForm(values, { locale: 'en', isNew: false });
    expect(errors['requirements.children.1.children.2.match.unitCode']).toBeTruthy();
  });
});
