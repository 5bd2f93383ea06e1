// The pathway builder's values and their way to the API: content (titles, level, validity), the
// requirement tree, order rules, the recency window. The tree keeps the shape of the API's JSON
// (`requirements.children.1.rule.count`), so the API's field paths and the domain's own checks
// (`checkPathwayDefinition`, `pathwayContentSchema`) land on the same form fields.
import {
  achievementTypes,
  checkPathwayDefinition,
  type ErrorCode,
  type Locale,
  type MessageParams,
  PATHWAY_MAX_DEPTH,
  type PathwayGroup,
  type PathwayItemMatch,
  type PathwayNode,
  pathwayCodeSchema,
  pathwayContentSchema,
  toFieldIssues,
  translateError,
} from '@kmg/domain';
import type { ApiFieldError } from '@kmg/ui';

export { achievementTypes, PATHWAY_MAX_DEPTH };
export type AchievementType = (typeof achievementTypes)[number];

export type RuleKind = 'all' | 'atLeast' | 'hours' | 'sks';
export const ruleKinds: readonly RuleKind[] = ['all', 'atLeast', 'hours', 'sks'];

/** A group's rule as edited: a number field is '' until filled. SKS are whole SKS here (1.5), hundredths in the API. */
export type RuleDraft =
  | { kind: 'all' }
  | { kind: 'atLeast'; count: number | '' }
  | { kind: 'hours'; min: number | '' }
  | { kind: 'sks'; sks: number | '' };

export type MatchKind = PathwayItemMatch['kind'];
export const matchKinds: readonly MatchKind[] = [
  'achievement',
  'skkniUnit',
  'skillArea',
  'pathway',
  'external',
  'achievementVersion',
];

export type MatchDraft =
  | { kind: 'achievement'; code: string }
  | { kind: 'achievementVersion'; achievementId: string }
  | { kind: 'skkniUnit'; unitCode: string }
  | { kind: 'skillArea'; skillAreaCode: string; minKkniLevel: number | '' }
  | { kind: 'pathway'; pathwayCode: string }
  | { kind: 'external'; achievementId: string; issuerId: string };

export type ItemDraft = { type: 'item'; id: string; match: MatchDraft };
export type GroupDraft = { type: 'group'; id: string; rule: RuleDraft; children: NodeDraft[] };
export type NodeDraft = GroupDraft | ItemDraft;

export type OrderDraft = { before: string | null; after: string | null };

export type PathwayFormValues = {
  /** Only when creating: the code and issuer never change afterwards. */
  code: string;
  issuerId: string | null;
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  /** A Select's value: '1'..'9', or null until chosen. */
  kkniLevel: string | null;
  achievementType: AchievementType;
  /** '' for "valid without end". */
  validityMonths: number | string;
  requirements: GroupDraft;
  precedes: OrderDraft[];
  /** '' for "credentials of any age count". */
  recencyYears: number | string;
  allowCredentialReuse: boolean;
};

/** The stored definition, as `PathwayVersion.definition` returns it. */
export type StoredDefinition = {
  requirements: PathwayGroup;
  precedes?: readonly { before: string; after: string }[] | null;
  recencyYears?: number | null;
  allowCredentialReuse?: boolean | null;
};

export function emptyMatch(kind: MatchKind): MatchDraft {
  switch (kind) {
    case 'achievement':
      return { kind, code: '' };
    case 'achievementVersion':
      return { kind, achievementId: '' };
    case 'skkniUnit':
      return { kind, unitCode: '' };
    case 'skillArea':
      return { kind, skillAreaCode: '', minKkniLevel: '' };
    case 'pathway':
      return { kind, pathwayCode: '' };
    case 'external':
      return { kind, achievementId: '', issuerId: '' };
  }
}

export function emptyRule(kind: RuleKind): RuleDraft {
  switch (kind) {
    case 'all':
      return { kind };
    case 'atLeast':
      return { kind, count: 1 };
    case 'hours':
      return { kind, min: '' };
    case 'sks':
      return { kind, sks: '' };
  }
}

/** Every id in the tree, groups and items, in tree order. */
export function treeIds(group: GroupDraft): string[] {
  return [
    group.id,
    ...group.children.flatMap((child) => (child.type === 'group' ? treeIds(child) : [child.id])),
  ];
}

/** The items of the tree in tree order, each with its form path (`requirements.children.0`). */
export function treeItems(group: GroupDraft, path = 'requirements'): { item: ItemDraft; path: string }[] {
  return group.children.flatMap((child, index) => {
    const childPath = `${path}.children.${index}`;
    return child.type === 'group' ? treeItems(child, childPath) : [{ item: child, path: childPath }];
  });
}

/** Each nested group's number in tree order ("Kelompok 2"), by id; the root has none. */
export function groupNumbers(root: GroupDraft): Map<string, number> {
  const numbers = new Map<string, number>();
  const visit = (group: GroupDraft) => {
    for (const child of group.children)
      if (child.type === 'group') {
        numbers.set(child.id, numbers.size + 1);
        visit(child);
      }
  };
  visit(root);
  return numbers;
}

/** A fresh id for a new node: `syarat-3`, `kelompok-2`, never one the tree already holds. */
export function nextNodeId(root: GroupDraft, type: 'item' | 'group'): string {
  const prefix = type === 'item' ? 'syarat' : 'kelompok';
  const taken = new Set(treeIds(root));
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export function newItem(root: GroupDraft, kind: MatchKind = 'achievement'): ItemDraft {
  return { type: 'item', id: nextNodeId(root, 'item'), match: emptyMatch(kind) };
}

/** A new group holds one empty requirement, as a group may not be empty. */
export function newGroup(root: GroupDraft): GroupDraft {
  const id = nextNodeId(root, 'group');
  const withGroup: GroupDraft = {
    ...root,
    children: [...root.children, { type: 'group', id, rule: { kind: 'all' }, children: [] }],
  };
  return { type: 'group', id, rule: { kind: 'all' }, children: [newItem(withGroup)] };
}

/** The number of group levels from the root (1) to the group at `path`. */
export function depthOf(path: string): number {
  return path.split('.children.').length;
}

/** Hours and SKS groups add up credentials, so they hold requirements only, no groups. */
export function canHoldGroups(rule: RuleDraft): boolean {
  return rule.kind === 'all' || rule.kind === 'atLeast';
}

function fromRule(rule: PathwayGroup['rule']): RuleDraft {
  switch (rule.kind) {
    case 'all':
      return { kind: 'all' };
    case 'atLeast':
      return { kind: 'atLeast', count: rule.count };
    case 'hours':
      return { kind: 'hours', min: rule.min };
    case 'sks':
      return { kind: 'sks', sks: rule.minHundredths / 100 };
  }
}

function fromNode(node: PathwayNode): NodeDraft {
  if (node.type === 'item') return { type: 'item', id: node.id, match: { ...node.match } as MatchDraft };
  return { type: 'group', id: node.id, rule: fromRule(node.rule), children: node.children.map(fromNode) };
}

export const startingTree = (): GroupDraft => ({
  type: 'group',
  id: 'semua',
  rule: { kind: 'all' },
  children: [{ type: 'item', id: 'syarat-1', match: emptyMatch('achievement') }],
});

export function emptyPathwayForm(): PathwayFormValues {
  return {
    code: '',
    issuerId: null,
    titleId: '',
    titleEn: '',
    descriptionId: '',
    descriptionEn: '',
    kkniLevel: null,
    achievementType: 'MicroCredential',
    validityMonths: '',
    requirements: startingTree(),
    precedes: [],
    recencyYears: '',
    allowCredentialReuse: false,
  };
}

export type SavedPathwayVersion = {
  code: string;
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  kkniLevel: number;
  achievementType: string;
  validityMonths: number | null;
  definition: string;
  pathway: { issuer: { id: string } };
};

const isAchievementType = (value: string): value is AchievementType =>
  (achievementTypes as readonly string[]).includes(value);

/** A saved version as the builder's starting values (editing drafts the next version from it). */
export function pathwayFormFromVersion(version: SavedPathwayVersion): PathwayFormValues {
  const definition = JSON.parse(version.definition) as StoredDefinition;
  const requirements = fromNode(definition.requirements);
  return {
    code: version.code,
    issuerId: version.pathway.issuer.id,
    titleId: version.titleId,
    titleEn: version.titleEn,
    descriptionId: version.descriptionId,
    descriptionEn: version.descriptionEn,
    kkniLevel: String(version.kkniLevel),
    achievementType: isAchievementType(version.achievementType) ? version.achievementType : 'MicroCredential',
    validityMonths: version.validityMonths ?? '',
    requirements: requirements.type === 'group' ? requirements : startingTree(),
    precedes: (definition.precedes ?? []).map((rule) => ({ ...rule })),
    recencyYears: definition.recencyYears ?? '',
    allowCredentialReuse: definition.allowCredentialReuse === true,
  };
}

const toNumber = (value: number | string | null): number | null =>
  value === '' || value === null ? null : typeof value === 'number' ? value : Number(value);

function toRule(rule: RuleDraft): PathwayGroup['rule'] {
  switch (rule.kind) {
    case 'all':
      return { kind: 'all' };
    case 'atLeast':
      return { kind: 'atLeast', count: toNumber(rule.count) ?? 0 };
    case 'hours':
      return { kind: 'hours', min: toNumber(rule.min) ?? 0 };
    case 'sks':
      return { kind: 'sks', minHundredths: Math.round((toNumber(rule.sks) ?? 0) * 100) };
  }
}

function toMatch(match: MatchDraft): PathwayItemMatch {
  const trim = (value: string) => value.trim();
  switch (match.kind) {
    case 'achievement':
      return { kind: 'achievement', code: trim(match.code) };
    case 'achievementVersion':
      return { kind: 'achievementVersion', achievementId: trim(match.achievementId) };
    case 'skkniUnit':
      return { kind: 'skkniUnit', unitCode: trim(match.unitCode) };
    case 'skillArea':
      return {
        kind: 'skillArea',
        skillAreaCode: match.skillAreaCode,
        minKkniLevel: toNumber(match.minKkniLevel) ?? 0,
      };
    case 'pathway':
      return { kind: 'pathway', pathwayCode: match.pathwayCode };
    case 'external':
      return { kind: 'external', achievementId: trim(match.achievementId), issuerId: trim(match.issuerId) };
  }
}

function toNode(node: NodeDraft): PathwayNode {
  if (node.type === 'item') return { type: 'item', id: node.id, match: toMatch(node.match) };
  return {
    type: 'group',
    id: node.id,
    rule: toRule(node.rule),
    children: node.children.map(toNode),
  } as PathwayGroup;
}

/** The `definition` argument of `createPathway` and `savePathwayDraft`, before JSON. */
export function toDefinition(values: PathwayFormValues) {
  return {
    requirements: toNode(values.requirements) as PathwayGroup,
    precedes: values.precedes.map((rule) => ({ before: rule.before ?? '', after: rule.after ?? '' })),
    recencyYears: toNumber(values.recencyYears),
    allowCredentialReuse: values.allowCredentialReuse,
  };
}

/** The `content` and `definition` arguments `createPathway` and `savePathwayDraft` share. */
export function toPathwayInput(values: PathwayFormValues) {
  return { content: toContentInput(values), definition: JSON.stringify(toDefinition(values)) };
}

/** `PathwayContentInput`. */
export function toContentInput(values: PathwayFormValues) {
  return {
    titleId: values.titleId.trim(),
    titleEn: values.titleEn.trim(),
    descriptionId: values.descriptionId.trim(),
    descriptionEn: values.descriptionEn.trim(),
    kkniLevel: toNumber(values.kkniLevel) ?? 0,
    achievementType: values.achievementType,
    validityMonths: toNumber(values.validityMonths),
  };
}

/** The value at a form path (`requirements.children.0.rule.count`), or undefined. */
function valueAt(values: object, path: readonly string[]): unknown {
  let at: unknown = values;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Where an API or domain path lands in the form: `content.` and `definition.` go, SKS hundredths
 * are the SKS field, and `definition.items.<itemId>` (a reference the API did not find) lands on
 * that item's own field.
 */
export function toFormPath(path: readonly string[], values: PathwayFormValues): string {
  let rest = path[0] === 'content' || path[0] === 'definition' ? path.slice(1) : [...path];
  if (rest[0] === 'items' && rest[1]) {
    const found = treeItems(values.requirements).find(({ item }) => item.id === rest[1]);
    if (found) return `${found.path}.match.${referenceField(found.item.match.kind)}`;
  }
  if (rest.at(-1) === 'minHundredths') rest = [...rest.slice(0, -1), 'sks'];
  return rest.join('.');
}

/** The field of a match that names what it accepts (the one a picker fills). */
export function referenceField(kind: MatchKind): string {
  switch (kind) {
    case 'achievement':
      return 'code';
    case 'achievementVersion':
    case 'external':
      return 'achievementId';
    case 'skkniUnit':
      return 'unitCode';
    case 'skillArea':
      return 'skillAreaCode';
    case 'pathway':
      return 'pathwayCode';
  }
}

/** The API's field errors on the builder's fields (first message per field). */
export function pathwayFieldErrors(
  fieldErrors: readonly ApiFieldError[],
  values: PathwayFormValues,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of fieldErrors) errors[toFormPath(error.path, values)] ??= error.message;
  return errors;
}

/**
 * Every broken rule by field, in the API's words: the same schemas check the form here and the
 * input there. An empty field reads "required".
 */
export function validatePathwayForm(
  values: PathwayFormValues,
  { locale, isNew }: { locale: Locale; isNew: boolean },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const put = (path: readonly string[], code: ErrorCode, params?: MessageParams) => {
    const key = toFormPath(path, values);
    if (errors[key]) return;
    const value = valueAt(values, key.split('.'));
    const isBlank = value === null || value === '' || (typeof value === 'string' && value.trim() === '');
    errors[key] = isBlank ? translateError('REQUIRED', locale) : translateError(code, locale, params);
  };
  if (isNew) {
    const code = pathwayCodeSchema.safeParse(values.code);
    if (!code.success)
      for (const issue of toFieldIssues(code.error.issues, ['code']))
        put(issue.path, issue.code, issue.params);
    if (!values.issuerId) put(['issuerId'], 'REQUIRED');
  }
  const content = pathwayContentSchema.safeParse({
    ...toContentInput(values),
    kkniLevel: toNumber(values.kkniLevel),
  });
  if (!content.success)
    for (const issue of toFieldIssues(content.error.issues)) put(issue.path, issue.code, issue.params);
  const definition = checkPathwayDefinition(
    toDefinition(values),
    isNew ? values.code.trim().toUpperCase() : null,
  );
  if (definition.kind === 'invalid')
    for (const issue of definition.issues) put(issue.path, issue.code, issue.params);
  for (const [key, rule] of values.precedes.entries()) {
    if (rule.before === null) put(['precedes', String(key), 'before'], 'REQUIRED');
    if (rule.after === null) put(['precedes', String(key), 'after'], 'REQUIRED');
  }
  return errors;
}

/**
 * The messages about a node as a whole, not on one of its fields: for a group (empty, too deep)
 * its own path, `children` and `rule`; for a requirement its `id` and `match`.
 */
export function groupErrors(
  errors: Record<string, unknown>,
  path: string,
  parts: readonly string[] = ['children', 'rule'],
): string[] {
  return [errors[path], ...parts.map((part) => errors[`${path}.${part}`])].filter(
    (message): message is string => typeof message === 'string',
  );
}
