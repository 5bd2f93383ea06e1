import type { LocalDate } from '#dates.ts';
import type { UnitDecision } from '#delivery.ts';
import type { ErrorCode, MessageParams } from '#messages.ts';

/**
 * Pathways (stacks of micro-credentials): a pathway version is a tree of requirement groups whose
 * leaves are items; a teacher completes it when the credentials they hold can be assigned to the
 * items so that every group's rule holds. The engine is pure: credentials and the evaluation date
 * come in, the best assignment and its explanation come out.
 */

/** How a group is satisfied. Hours and SKS groups hold items only (their credentials are summed). */
export type PathwayGroupRule =
  | { kind: 'all' }
  | { kind: 'atLeast'; count: number }
  /** Training hours of the distinct credentials counted in the group's items. */
  | { kind: 'hours'; min: number }
  /** SKS in hundredths (90 = 0.90 SKS) of the distinct credentials counted in the group's items. */
  | { kind: 'sks'; minHundredths: number };

/** What credential an item accepts. */
export type PathwayItemMatch =
  /** Any version of the achievement with this code. */
  | { kind: 'achievement'; code: string }
  /** Exactly this achievement version. */
  | { kind: 'achievementVersion'; achievementId: string }
  /** Any credential assessing this SKKNI unit as Kompeten. */
  | { kind: 'skkniUnit'; unitCode: string }
  /** Any credential in the skill area (bidang keahlian) at this KKNI level or above. */
  | { kind: 'skillArea'; skillAreaCode: string; minKkniLevel: number }
  /** The award credential of another pathway (stacks of stacks). */
  | { kind: 'pathway'; pathwayCode: string }
  /** An imported Open Badges 3.0 credential, by its achievement id and issuer id. */
  | { kind: 'external'; achievementId: string; issuerId: string };

export type PathwayItem = { type: 'item'; id: string; match: PathwayItemMatch };

export type PathwayGroup =
  | {
      type: 'group';
      id: string;
      rule: { kind: 'all' } | { kind: 'atLeast'; count: number };
      children: readonly PathwayNode[];
    }
  | {
      type: 'group';
      id: string;
      rule: { kind: 'hours'; min: number } | { kind: 'sks'; minHundredths: number };
      children: readonly PathwayItem[];
    };

export type PathwayNode = PathwayGroup | PathwayItem;

export type PathwayVersion = {
  pathwayCode: string;
  version: number;
  requirements: PathwayGroup;
  /**
   * The credential filling `before` must be earned no later than the one filling `after`. Same
   * calendar day is in order: credentials carry dates, not times, and one cohort's are issued
   * together. Checked only when both items are filled.
   */
  precedes?: readonly { before: string; after: string }[] | null;
  /** Only credentials awarded within this many years of `now` count (exactly N years ago counts); null = any age. */
  recencyYears?: number | null;
  /** One credential may fill several items; default false: a credential counts once per pathway. */
  allowCredentialReuse?: boolean | null;
};

export type PathwayCredentialKind = 'TRAINING' | 'PATHWAY' | 'EXTERNAL';

export type PathwayCredential = {
  id: string;
  kind: PathwayCredentialKind;
  achievementId: string | null;
  achievementCode: string | null;
  achievementVersion: number | null;
  issuerId: string;
  skillAreaCode: string | null;
  kkniLevel: number | null;
  units: readonly { code: string; decision: UnitDecision }[];
  hours: number;
  sksHundredths: number;
  awardedDate: LocalDate;
  /** Last day it is valid; null = does not expire. */
  validUntil: LocalDate | null;
  isRevoked: boolean;
  isSuspended: boolean;
  /** For PATHWAY awards: the pathway it certifies. */
  pathwayCode: string | null;
};

export type NotCountedReason =
  | 'REVOKED'
  | 'SUSPENDED'
  | 'EXPIRED'
  | 'OUTSIDE_RECENCY'
  | 'NOT_COMPETENT'
  | 'OUT_OF_ORDER'
  | 'NOT_RELEVANT'
  | 'ALREADY_USED';

export const notCountedCodes: Record<NotCountedReason, ErrorCode> = {
  REVOKED: 'NOT_COUNTED_REVOKED',
  SUSPENDED: 'NOT_COUNTED_SUSPENDED',
  EXPIRED: 'NOT_COUNTED_EXPIRED',
  OUTSIDE_RECENCY: 'NOT_COUNTED_OUTSIDE_RECENCY',
  NOT_COMPETENT: 'NOT_COUNTED_NOT_COMPETENT',
  OUT_OF_ORDER: 'NOT_COUNTED_OUT_OF_ORDER',
  NOT_RELEVANT: 'NOT_COUNTED_NOT_RELEVANT',
  ALREADY_USED: 'NOT_COUNTED_ALREADY_USED',
};

export type NotCounted = {
  credentialId: string;
  reason: NotCountedReason;
  code: ErrorCode;
  params?: MessageParams;
};

export type GroupProgress = {
  groupId: string;
  rule: PathwayGroupRule;
  isSatisfied: boolean;
  /** Children satisfied: items filled, nested groups satisfied. */
  satisfiedChildren: number;
  /** Children the rule needs: all of them, or n; for hours and SKS groups the items present. */
  requiredChildren: number;
  /** Of the distinct credentials counted in the group's own items. */
  hours: number;
  sksHundredths: number;
};

export type PathwayAssignment = { itemId: string; credentialId: string };

export type PathwayMissing =
  | { kind: 'item'; itemId: string; groupId: string }
  | { kind: 'children'; groupId: string; short: number }
  | { kind: 'hours'; groupId: string; short: number }
  | { kind: 'sks'; groupId: string; shortHundredths: number };

/**
 * How far an assignment goes, compared lexicographically, larger is better:
 * 1. `isComplete`: the root group is satisfied;
 * 2. `groupsSatisfied`: groups (at any depth) whose rule holds;
 * 3. `itemsFilled`: items with at least one credential;
 * 4. `hours`: summed over hours groups, each capped at its minimum (hours beyond it are no progress);
 * 5. `sksHundredths`: the same over SKS groups;
 * 6. `credentialsCounted`: distinct credentials in the assignment (so a credential that may count
 *    somewhere without taking a place from another does count, and the teacher sees it used).
 * Equal progress is resolved by the first assignment in a fixed order (credentials by id, items in
 * tree order, filling before leaving empty), so the result never depends on input order.
 */
export type PathwayProgress = {
  isComplete: boolean;
  groupsSatisfied: number;
  itemsFilled: number;
  hours: number;
  sksHundredths: number;
  credentialsCounted: number;
};

export function comparePathwayProgress(a: PathwayProgress, b: PathwayProgress): number {
  return (
    Number(a.isComplete) - Number(b.isComplete) ||
    a.groupsSatisfied - b.groupsSatisfied ||
    a.itemsFilled - b.itemsFilled ||
    a.hours - b.hours ||
    a.sksHundredths - b.sksHundredths ||
    a.credentialsCounted - b.credentialsCounted
  );
}

type PathwayEvaluationBody = {
  progress: PathwayProgress;
  groups: GroupProgress[];
  assignment: PathwayAssignment[];
  missing: PathwayMissing[];
  notCounted: NotCounted[];
};

export type PathwayEvaluation =
  | ({ kind: 'complete' } & PathwayEvaluationBody)
  | ({ kind: 'in_progress' } & PathwayEvaluationBody);

/** The same calendar date N years earlier (29 February becomes 28 February). */
export function subtractYears(date: LocalDate, years: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, lastDay))}`;
}

/** Whether the credential meets the item's match, ignoring status, validity and recency. */
export function matchesItem(match: PathwayItemMatch, credential: PathwayCredential): boolean {
  switch (match.kind) {
    case 'achievement':
      return credential.achievementCode === match.code;
    case 'achievementVersion':
      return credential.achievementId === match.achievementId;
    case 'skkniUnit':
      return credential.units.some((unit) => unit.code === match.unitCode && unit.decision === 'KOMPETEN');
    case 'skillArea':
      return (
        credential.skillAreaCode === match.skillAreaCode &&
        credential.kkniLevel != null &&
        credential.kkniLevel >= match.minKkniLevel
      );
    case 'pathway':
      return credential.kind === 'PATHWAY' && credential.pathwayCode === match.pathwayCode;
    case 'external':
      return (
        credential.kind === 'EXTERNAL' &&
        credential.achievementId === match.achievementId &&
        credential.issuerId === match.issuerId
      );
  }
}

// ---------------------------------------------------------------------------------------------
// The compiled pathway: items and groups as indices, and an index from credential fields to items.

type CompiledGroup = {
  id: string;
  rule: PathwayGroupRule;
  /** Child groups and items, by index. */
  groups: number[];
  items: number[];
};

type CompiledItem = {
  id: string;
  match: PathwayItemMatch;
  group: number;
  isPool: boolean;
  /** In no order constraint, so the date of what fills it never matters. */
  isUnordered: boolean;
};

/** Items by the credential field that can match them: a credential's items cost lookups, not a scan. */
type MatchIndex = {
  byCode: Map<string, number[]>;
  byAchievementId: Map<string, number[]>;
  byUnit: Map<string, number[]>;
  bySkillArea: Map<string, { item: number; minKkniLevel: number }[]>;
  byPathway: Map<string, number[]>;
  /** By achievement id, then issuer id. */
  byExternal: Map<string, Map<string, number[]>>;
  /**
   * Per key fingerprint, the maps (`keyBits`) holding a key with it: most credentials fit none of
   * a pathway's items, and reading four characters rules out most of their lookups.
   */
  fingerprints: Uint8Array;
  /** The maps (`keyBits`) holding any key: an empty map's keys are not even read. */
  kinds: number;
};

const keyBits = { code: 1, achievementId: 2, unit: 4, skillArea: 8, pathway: 16, external: 32 } as const;

/** Length and three characters of a key, in 0-255 (an empty key gives 0). */
const fingerprint = (key: string) =>
  (key.length * 7 +
    key.charCodeAt(0) * 31 +
    key.charCodeAt(key.length >> 1) * 17 +
    key.charCodeAt(key.length - 1)) &
  255;

/** Whether the map `bit` names may hold `key`; false = it does not. */
const mayHold = (index: MatchIndex, bit: number, key: string) =>
  (index.kinds & bit) !== 0 && ((index.fingerprints[fingerprint(key)] as number) & bit) !== 0;

type CompiledPathway = {
  items: CompiledItem[];
  /** Post-order: a group comes after its children, the root last. */
  groups: CompiledGroup[];
  /** Per item: items that must be earned no later than it, and items it must be earned no later than. */
  mustFollow: number[][];
  mustPrecede: number[][];
  isReuse: boolean;
  recencyYears: number | null;
  index: MatchIndex;
  /** The SKKNI units items name, in tree order: to say which a credential was not yet competent in. */
  unitCodes: string[];
  /** The first day of the recency window for the last `now` asked (an evaluator sees one `now` at a time). */
  recencyStart: { now: LocalDate; since: LocalDate } | null;
  /** The evaluation when no credential counts, worked out once (every evaluation gets a copy). */
  empty: { scored: Scored; missing: PathwayMissing[] };
};

type Problem = CompiledPathway & {
  credentials: PathwayCredential[];
  /** Per credential, the items it may fill (tree order). */
  candidates: (readonly number[])[];
  /** Marks per credential for `measure`, reused so the search does not allocate them per node. */
  scratch: { stamp: number; inGroup: number[]; counted: number[] };
};

/** Credentials per item (a slot item holds at most one; an hours or SKS item any number). */
type Fill = number[][];

type Scored = { progress: PathwayProgress; groups: GroupProgress[] };

const at = <T>(list: readonly T[], index: number) => list[index] as T;

function addTo<K>(map: Map<K, number[]>, key: K, item: number) {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function compile(version: PathwayVersion): CompiledPathway {
  const items: CompiledItem[] = [];
  const groups: CompiledGroup[] = [];
  const visit = (group: PathwayGroup): number => {
    const compiled: CompiledGroup = { id: group.id, rule: group.rule, groups: [], items: [] };
    const isPool = group.rule.kind === 'hours' || group.rule.kind === 'sks';
    for (const child of group.children) {
      if (child.type === 'group') compiled.groups.push(visit(child));
      else {
        compiled.items.push(items.length);
        items.push({ id: child.id, match: child.match, group: -1, isPool, isUnordered: true });
      }
    }
    groups.push(compiled);
    const index = groups.length - 1;
    for (const item of compiled.items) at(items, item).group = index;
    return index;
  };
  visit(version.requirements);
  const itemIndex = new Map(items.map((item, index) => [item.id, index]));
  const mustFollow: number[][] = items.map(() => []);
  const mustPrecede: number[][] = items.map(() => []);
  for (const { before, after } of version.precedes ?? []) {
    const b = itemIndex.get(before);
    const a = itemIndex.get(after);
    if (b === undefined || a === undefined || a === b) continue;
    at(mustFollow, a).push(b);
    at(mustPrecede, b).push(a);
    at(items, a).isUnordered = false;
    at(items, b).isUnordered = false;
  }

  const { index, unitCodes } = indexItems(items);
  const compiled = {
    items,
    groups,
    mustFollow,
    mustPrecede,
    isReuse: version.allowCredentialReuse === true,
    recencyYears: version.recencyYears ?? null,
    index,
    unitCodes,
    recencyStart: null,
  };
  const fill: Fill = items.map(() => []);
  const scored = score({ groups, credentials: [] }, fill);
  return { ...compiled, empty: { scored, missing: listMissing({ groups, items }, fill, scored.groups) } };
}

function indexItems(items: readonly CompiledItem[]): { index: MatchIndex; unitCodes: string[] } {
  const index: MatchIndex = {
    byCode: new Map(),
    byAchievementId: new Map(),
    byUnit: new Map(),
    bySkillArea: new Map(),
    byPathway: new Map(),
    byExternal: new Map(),
    fingerprints: new Uint8Array(256),
    kinds: 0,
  };
  const unitCodes: string[] = [];
  items.forEach(({ match }, item) => {
    switch (match.kind) {
      case 'achievement':
        addTo(index.byCode, match.code, item);
        break;
      case 'achievementVersion':
        addTo(index.byAchievementId, match.achievementId, item);
        break;
      case 'skkniUnit':
        unitCodes.push(match.unitCode);
        addTo(index.byUnit, match.unitCode, item);
        break;
      case 'skillArea': {
        const list = index.bySkillArea.get(match.skillAreaCode) ?? [];
        list.push({ item, minKkniLevel: match.minKkniLevel });
        index.bySkillArea.set(match.skillAreaCode, list);
        break;
      }
      case 'pathway':
        addTo(index.byPathway, match.pathwayCode, item);
        break;
      case 'external': {
        const byIssuer = index.byExternal.get(match.achievementId) ?? new Map<string, number[]>();
        addTo(byIssuer, match.issuerId, item);
        index.byExternal.set(match.achievementId, byIssuer);
        break;
      }
    }
  });
  const mark = (keys: Iterable<string>, bit: number) => {
    for (const key of keys) {
      const slot = fingerprint(key);
      index.fingerprints[slot] = (index.fingerprints[slot] as number) | bit;
      index.kinds |= bit;
    }
  };
  mark(index.byCode.keys(), keyBits.code);
  mark(index.byAchievementId.keys(), keyBits.achievementId);
  mark(index.byUnit.keys(), keyBits.unit);
  mark(index.bySkillArea.keys(), keyBits.skillArea);
  mark(index.byPathway.keys(), keyBits.pathway);
  mark(index.byExternal.keys(), keyBits.external);
  return { index, unitCodes };
}

function emptyProgress(): PathwayProgress {
  return {
    isComplete: false,
    groupsSatisfied: 0,
    itemsFilled: 0,
    hours: 0,
    sksHundredths: 0,
    credentialsCounted: 0,
  };
}

const noItems: readonly number[] = [];

/** Calls `visit` with each item in `list`; how many. */
function visitEach(list: readonly number[] | undefined, visit: (item: number) => void): number {
  if (list === undefined) return 0;
  for (let i = 0; i < list.length; i++) visit(list[i] as number);
  return list.length;
}

/**
 * Calls `visit` with each item the credential meets, the same answer as `matchesItem` over every
 * item (in no order, an item maybe more than once); how many calls. Most credentials meet none of
 * a pathway's items, and cost a few fingerprints.
 */
function visitCandidates(
  index: MatchIndex,
  credential: PathwayCredential,
  visit: (item: number) => void,
): number {
  let found = 0;
  const { achievementCode, achievementId, skillAreaCode, kkniLevel, units } = credential;
  if (achievementCode != null && mayHold(index, keyBits.code, achievementCode))
    found += visitEach(index.byCode.get(achievementCode), visit);
  if (achievementId != null && mayHold(index, keyBits.achievementId, achievementId))
    found += visitEach(index.byAchievementId.get(achievementId), visit);
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as PathwayCredential['units'][number];
    if (unit.decision === 'KOMPETEN' && mayHold(index, keyBits.unit, unit.code))
      found += visitEach(index.byUnit.get(unit.code), visit);
  }
  if (skillAreaCode != null && kkniLevel != null && mayHold(index, keyBits.skillArea, skillAreaCode)) {
    const list = index.bySkillArea.get(skillAreaCode) ?? [];
    for (let i = 0; i < list.length; i++) {
      const { item, minKkniLevel } = list[i] as { item: number; minKkniLevel: number };
      if (kkniLevel < minKkniLevel) continue;
      visit(item);
      found++;
    }
  }
  if (credential.kind === 'PATHWAY' && credential.pathwayCode != null) {
    if (mayHold(index, keyBits.pathway, credential.pathwayCode))
      found += visitEach(index.byPathway.get(credential.pathwayCode), visit);
  } else if (credential.kind === 'EXTERNAL' && achievementId != null) {
    if (mayHold(index, keyBits.external, achievementId))
      found += visitEach(index.byExternal.get(achievementId)?.get(credential.issuerId), visit);
  }
  return found;
}

/** `findCandidates`' scratch list (it runs to completion before it is called again). */
const collected: number[] = [];
const collect = (item: number) => {
  collected.push(item);
};

/** The items a credential meets (tree order, once each). */
function findCandidates(index: MatchIndex, credential: PathwayCredential): readonly number[] {
  collected.length = 0;
  if (visitCandidates(index, credential, collect) === 0) return noItems;
  if (collected.length === 1) return [collected[0] as number];
  const found = collected.sort((a, b) => a - b).slice();
  let kept = 1;
  for (let i = 1; i < found.length; i++) if (found[i] !== found[kept - 1]) found[kept++] = at(found, i);
  found.length = kept;
  return found;
}

function score(problem: Pick<Problem, 'groups' | 'credentials'>, fill: Fill): Scored {
  const satisfied: boolean[] = [];
  const groups: GroupProgress[] = [];
  let groupsSatisfied = 0;
  let hours = 0;
  let sksHundredths = 0;
  const counted = new Set<number>();
  for (const list of fill) for (const c of list) counted.add(c);
  for (const group of problem.groups) {
    const distinct = new Set<number>();
    for (const item of group.items) for (const c of at(fill, item)) distinct.add(c);
    let groupHours = 0;
    let groupSks = 0;
    for (const c of distinct) {
      groupHours += at(problem.credentials, c).hours;
      groupSks += at(problem.credentials, c).sksHundredths;
    }
    let satisfiedChildren = 0;
    for (const item of group.items) if (at(fill, item).length > 0) satisfiedChildren++;
    for (const child of group.groups) if (satisfied[child]) satisfiedChildren++;
    const total = group.items.length + group.groups.length;
    let isSatisfied: boolean;
    let requiredChildren = total;
    switch (group.rule.kind) {
      case 'all':
        isSatisfied = satisfiedChildren === total;
        break;
      case 'atLeast':
        requiredChildren = group.rule.count;
        isSatisfied = satisfiedChildren >= group.rule.count;
        break;
      case 'hours':
        isSatisfied = groupHours >= group.rule.min;
        hours += Math.min(groupHours, group.rule.min);
        break;
      case 'sks':
        isSatisfied = groupSks >= group.rule.minHundredths;
        sksHundredths += Math.min(groupSks, group.rule.minHundredths);
        break;
    }
    satisfied.push(isSatisfied);
    if (isSatisfied) groupsSatisfied++;
    groups.push({
      groupId: group.id,
      rule: group.rule,
      isSatisfied,
      satisfiedChildren,
      requiredChildren,
      hours: groupHours,
      sksHundredths: groupSks,
    });
  }
  let itemsFilled = 0;
  for (const list of fill) if (list.length > 0) itemsFilled++;
  return {
    progress: {
      isComplete: satisfied[satisfied.length - 1] === true,
      groupsSatisfied,
      itemsFilled,
      hours,
      sksHundredths,
      credentialsCounted: counted.size,
    },
    groups,
  };
}

/** Per group, in the problem's order: whether its rule holds, and its hours and SKS. */
type Measure = {
  progress: PathwayProgress;
  isSatisfied: boolean[];
  hours: number[];
  sksHundredths: number[];
};

/**
 * `score` without the explanation, for the search: what the bounds and leaves compare. With
 * `extra`, undecided credential `extra.from + position` also counts on every item `extra.reach`
 * lists for it.
 */
function measure(problem: Problem, fill: Fill, extra?: { from: number; reach: number[][] }): Measure {
  const { scratch } = problem;
  const countStamp = ++scratch.stamp;
  const progress = emptyProgress();
  const isSatisfied: boolean[] = [];
  const hours: number[] = [];
  const sksHundredths: number[] = [];
  const { groups, credentials } = problem;
  for (let g = 0; g < groups.length; g++) {
    const group = at(groups, g);
    const groupStamp = ++scratch.stamp;
    let groupHours = 0;
    let groupSks = 0;
    let satisfiedChildren = 0;
    const count = (c: number) => {
      if (scratch.inGroup[c] !== groupStamp) {
        scratch.inGroup[c] = groupStamp;
        groupHours += at(credentials, c).hours;
        groupSks += at(credentials, c).sksHundredths;
      }
      if (scratch.counted[c] !== countStamp) {
        scratch.counted[c] = countStamp;
        progress.credentialsCounted++;
      }
    };
    for (const item of group.items) {
      const list = at(fill, item);
      let isFilled = list.length > 0;
      for (const c of list) count(c);
      if (extra) {
        for (let position = 0; position < extra.reach.length; position++) {
          if (!at(extra.reach, position).includes(item)) continue;
          isFilled = true;
          count(extra.from + position);
        }
      }
      if (isFilled) {
        satisfiedChildren++;
        progress.itemsFilled++;
      }
    }
    for (const child of group.groups) if (isSatisfied[child]) satisfiedChildren++;
    const { rule } = group;
    let holds: boolean;
    switch (rule.kind) {
      case 'all':
        holds = satisfiedChildren === group.items.length + group.groups.length;
        break;
      case 'atLeast':
        holds = satisfiedChildren >= rule.count;
        break;
      case 'hours':
        holds = groupHours >= rule.min;
        progress.hours += Math.min(groupHours, rule.min);
        break;
      case 'sks':
        holds = groupSks >= rule.minHundredths;
        progress.sksHundredths += Math.min(groupSks, rule.minHundredths);
        break;
    }
    isSatisfied.push(holds);
    hours.push(groupHours);
    sksHundredths.push(groupSks);
    if (holds) progress.groupsSatisfied++;
  }
  progress.isComplete = isSatisfied[isSatisfied.length - 1] === true;
  return { progress, isSatisfied, hours, sksHundredths };
}

/** Whether credential `c` may join item `item` given the fill: capacity and order, not count-once. */
function canPlace(problem: Problem, fill: Fill, item: number, c: number): boolean {
  const list = at(fill, item);
  if (!at(problem.items, item).isPool && list.length > 0) return false;
  if (list.includes(c)) return false;
  return orderBlocker(problem, fill, item, c) === null;
}

/** The first item whose filling conflicts in order with `c` on `item`; null = in order. */
function orderBlocker(problem: Problem, fill: Fill, item: number, c: number): number | null {
  const date = at(problem.credentials, c).awardedDate;
  const dateOf = (other: number) => at(problem.credentials, other).awardedDate;
  for (const earlier of at(problem.mustFollow, item)) {
    if (at(fill, earlier).some((other) => other !== c && dateOf(other) > date)) return earlier;
  }
  for (const later of at(problem.mustPrecede, item)) {
    if (at(fill, later).some((other) => other !== c && dateOf(other) < date)) return later;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Bounds: can any completion of a partial fill make more progress than a target?

type PoolKind = 'hours' | 'sks';

const poolKindOf = (rule: PathwayGroupRule): PoolKind | null =>
  rule.kind === 'hours' ? 'hours' : rule.kind === 'sks' ? 'sks' : null;

const poolValue = (credential: PathwayCredential, kind: PoolKind) =>
  kind === 'hours' ? credential.hours : credential.sksHundredths;

/** A partial fill seen from the bounds. The undecided credentials are `from + position`. */
type Node = {
  fill: Fill;
  from: number;
  /**
   * Per undecided credential, the items it could still join: hours/SKS items and empty slots, in
   * order with what fills the items they are ordered against (fills only grow, so a conflict now
   * is a conflict in every completion).
   */
  reach: number[][];
  current: Measure;
};

function describeNode(problem: Problem, fill: Fill, from: number): Node {
  const reach: number[][] = [];
  for (let c = from; c < problem.credentials.length; c++) {
    const items: number[] = [];
    for (const item of at(problem.candidates, c)) {
      const { isPool, isUnordered } = at(problem.items, item);
      if (!isPool && at(fill, item).length > 0) continue;
      if (!isUnordered && orderBlocker(problem, fill, item, c) !== null) continue;
      items.push(item);
    }
    reach.push(items);
  }
  return { fill, from, reach, current: measure(problem, fill) };
}

/**
 * Every undecided credential on every item it could still join, scored; then items filled and
 * credentials counted capped by matchings (a newly counted credential with no hours/SKS item to go
 * to needs an empty slot of its own, and counting once, a newly filled item needs a credential of
 * its own).
 */
function boundOptimistically(problem: Problem, node: Node): Measure {
  const { fill, reach, current } = node;
  const optimistic = measure(problem, fill, node);
  const { progress } = optimistic;
  const needSlot = reach.filter((items) => !items.some((item) => at(problem.items, item).isPool));
  progress.credentialsCounted = Math.min(
    progress.credentialsCounted,
    current.progress.credentialsCounted +
      (reach.length - needSlot.length) +
      maximumMatching(needSlot, problem.items.length),
  );
  if (!problem.isReuse) {
    const toEmpty = reach.map((items) => items.filter((item) => at(fill, item).length === 0));
    progress.itemsFilled = Math.min(
      progress.itemsFilled,
      current.progress.itemsFilled + maximumMatching(toEmpty, problem.items.length),
    );
  }
  return optimistic;
}

/** Whether some completion of `fill`, credentials from `from` on still undecided, could beat `target`. */
function canBeat(problem: Problem, fill: Fill, from: number, target: PathwayProgress): boolean {
  const node = describeNode(problem, fill, from);
  const optimistic = boundOptimistically(problem, node);
  const order = comparePathwayProgress(optimistic.progress, target);
  if (order <= 0) return false;
  if (problem.isReuse) return true;
  return canBeatCountingOnce(problem, node, target, optimistic);
}

/** A node with what each undecided credential reaches split: empty slots, and hours/SKS groups. */
type SplitNode = Node & { slots: number[][]; pools: number[][] };

function splitReach(problem: Problem, node: Node): SplitNode {
  const slots = node.reach.map((items) => items.filter((item) => !at(problem.items, item).isPool));
  const pools = node.reach.map((items) => {
    const mine: number[] = [];
    for (const item of items) {
      const { isPool, group } = at(problem.items, item);
      if (isPool && !mine.includes(group)) mine.push(group);
    }
    return mine;
  });
  return { ...node, slots, pools };
}

/** Above this many open groups the groups bound stays the optimistic one (2^n sets to try). */
const maxOpenGroups = 12;

/**
 * Counting once, the optimistic bound lets one credential both fill a slot and add its hours to an
 * hours group (or its hours to one group and its SKS to another), so where they compete for
 * credentials it promises what no assignment reaches and the search cannot cut. Here, key by key:
 * - groups satisfied (and the root): every set of open groups (unsatisfied now, satisfiable alone)
 *   in decreasing progress, until one passes `canHoldTogether`;
 * - items filled: the matching of the optimistic bound;
 * - hours, given that many items: the new fills need at least as many new slots as the hours/SKS
 *   items cannot take, and the credentials in slots add nothing;
 * - SKS, given those items and hours: the same, less what the hours took (a Lagrange bound).
 * Each key is an upper bound once the keys before it are equal, which is all the comparison needs,
 * and each test relaxes the real rules, so no assignment that could win is cut.
 */
function canBeatCountingOnce(
  problem: Problem,
  node: Node,
  target: PathwayProgress,
  optimistic: Measure,
): boolean {
  const { groups } = problem;
  const { fill, reach, current } = node;
  const { isSatisfied } = current;
  const split = splitReach(problem, node);
  const { from, slots, pools } = split;

  const open: number[] = [];
  groups.forEach((_, g) => {
    if (!isSatisfied[g] && optimistic.isSatisfied[g]) open.push(g);
  });
  const root = groups.length - 1;
  let groupsOrder = -1;
  if (open.length > maxOpenGroups) {
    groupsOrder =
      Number(optimistic.progress.isComplete) - Number(target.isComplete) ||
      optimistic.progress.groupsSatisfied - target.groupsSatisfied;
  } else {
    const rootBit = open.indexOf(root);
    // Sets in decreasing (complete, groups satisfied), those with the root first when it is open.
    const passes = rootBit < 0 ? [isSatisfied[root] === true] : [true, false];
    search: for (const isComplete of passes) {
      for (let size = open.length; size >= 0; size--) {
        const order =
          Number(isComplete) - Number(target.isComplete) ||
          current.progress.groupsSatisfied + size - target.groupsSatisfied;
        if (order < 0) break search;
        for (const mask of masksOfSize(open.length, size)) {
          if (rootBit >= 0 && ((mask & (1 << rootBit)) !== 0) !== isComplete) continue;
          if (
            canHoldTogether(
              problem,
              split,
              open.filter((_, bit) => (mask & (1 << bit)) !== 0),
            )
          ) {
            groupsOrder = order;
            break search;
          }
        }
      }
    }
  }
  if (groupsOrder !== 0) return groupsOrder > 0;

  const items = optimistic.progress.itemsFilled;
  if (items !== target.itemsFilled) return items > target.itemsFilled;

  // The fills the target has beyond the current ones: at least this many are slots.
  const emptyPools = reach.map((list) =>
    list.filter((item) => at(problem.items, item).isPool && at(fill, item).length === 0),
  );
  const newSlots =
    target.itemsFilled - current.progress.itemsFilled - maximumMatching(emptyPools, problem.items.length);
  let network: ReturnType<typeof createSlotNetwork> | null = null;
  /** The most the undecided credentials bring, each once, after the slots take the cheapest. */
  const bring = (weights: readonly number[]) => {
    let total = 0;
    for (const weight of weights) total += weight;
    if (total === 0 || newSlots <= 0) return total;
    network ??= createSlotNetwork(problem, slots, null);
    return total - (network.cheapest(weights, newSlots) ?? 0);
  };
  /** What each undecided credential could add to the groups of a kind still short of their minimum. */
  const addable = (kind: PoolKind) => {
    const isShort = groups.map(({ rule }, g) =>
      rule.kind === 'hours'
        ? kind === 'hours' && at(current.hours, g) < rule.min
        : rule.kind === 'sks' && kind === 'sks' && at(current.sksHundredths, g) < rule.minHundredths,
    );
    return pools.map((mine, position) =>
      mine.some((g) => isShort[g]) ? poolValue(at(problem.credentials, from + position), kind) : 0,
    );
  };
  const toHours = addable('hours');
  const hours = Math.min(optimistic.progress.hours, current.progress.hours + bring(toHours));
  if (hours !== target.hours) return hours > target.hours;

  // The hours the target has come from credentials that then bring no SKS: for any rate r >= 0,
  // the SKS added are at most what the credentials bring at max(SKS, r × hours) each, less r × the
  // hours owed. That is convex in r, so its least value over the rates where a credential changes
  // sides is found by bisection.
  const toSks = addable('sks');
  const owed = target.hours - current.progress.hours;
  const sksAt = (rate: number) =>
    bring(toSks.map((value, position) => Math.max(value, rate * at(toHours, position)))) - rate * owed;
  const rates = [0];
  if (owed > 0) {
    toSks.forEach((value, position) => {
      if (value > 0 && at(toHours, position) > 0) rates.push(value / at(toHours, position));
    });
    rates.sort((a, b) => a - b);
  }
  let low = 0;
  let high = rates.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sksAt(at(rates, middle + 1)) >= sksAt(at(rates, middle))) high = middle;
    else low = middle + 1;
  }
  const sks = Math.min(
    optimistic.progress.sksHundredths,
    current.progress.sksHundredths + Math.floor(sksAt(at(rates, low)) + 1e-9),
  );
  if (sks !== target.sksHundredths) return sks > target.sksHundredths;

  return optimistic.progress.credentialsCounted > target.credentialsCounted;
}

/**
 * Whether the open groups in `chosen` could all be satisfied (the satisfied ones stay so): each
 * slot group's missing children filled by distinct undecided credentials, and each hours/SKS
 * group (and, weighed, several together) reaching its minimum with the credentials the cheapest
 * way of filling those slots leaves over. Of the order, what holds between slots that must all be
 * filled narrows their candidates (`narrowByOrder`).
 */
function canHoldTogether(problem: Problem, split: SplitNode, chosen: readonly number[]): boolean {
  const { fill, from, slots, pools, current } = split;
  const isHeld = (g: number) => chosen.includes(g) || current.isSatisfied[g] === true;
  const demand = new Map<number, number>();
  const required: number[] = [];
  let demanded = 0;
  const short = new Map<number, number>();
  for (const g of chosen) {
    const group = at(problem.groups, g);
    const { rule } = group;
    if (rule.kind === 'hours') short.set(g, rule.min - at(current.hours, g));
    else if (rule.kind === 'sks') short.set(g, rule.minHundredths - at(current.sksHundredths, g));
    else {
      const heldChildren = group.groups.filter(isHeld).length;
      const emptyItems = group.items.filter((item) => at(fill, item).length === 0);
      let missing: number;
      if (rule.kind === 'all') {
        if (heldChildren < group.groups.length) return false;
        missing = emptyItems.length;
      } else missing = Math.max(0, rule.count - heldChildren - (group.items.length - emptyItems.length));
      if (missing > emptyItems.length) return false;
      if (missing === 0) continue;
      demand.set(g, missing);
      demanded += missing;
      if (missing === emptyItems.length) required.push(...emptyItems);
    }
  }
  if (demanded === 0 && short.size <= 1) return true;

  let network: ReturnType<typeof createSlotNetwork> | null = null;
  if (demanded > 0) {
    // Candidates per slot in demand, narrowed by the order between slots that must all be filled.
    const domains = new Map<number, number[]>();
    slots.forEach((mine, position) => {
      for (const item of mine) {
        if (!demand.has(at(problem.items, item).group)) continue;
        const domain = domains.get(item);
        if (domain) domain.push(position);
        else domains.set(item, [position]);
      }
    });
    if (!narrowByOrder(problem, from, required, domains)) return false;
    const allowed = slots.map((mine, position) =>
      mine.filter((item) => domains.get(item)?.includes(position) === true),
    );
    network = createSlotNetwork(problem, allowed, demand);
    if (short.size === 0)
      return (
        network.cheapest(
          allowed.map(() => 0),
          demanded,
        ) !== null
      );
  }

  // Weighing each group's shortfall by a factor, what the credentials bring, each to the group
  // where it weighs most, must cover the weighed sum: `slack` is what is left over (negative =
  // short; null = the slots cannot be filled at all).
  const slack = (factors: ReadonlyMap<number, number>): number | null => {
    let needed = 0;
    for (const [g, factor] of factors) needed += factor * (short.get(g) ?? 0);
    const weights = pools.map((mine, position) => {
      let most = 0;
      for (const g of mine) {
        const factor = factors.get(g);
        const kind = poolKindOf(at(problem.groups, g).rule);
        if (factor !== undefined && kind !== null)
          most = Math.max(most, factor * poolValue(at(problem.credentials, from + position), kind));
      }
      return most;
    });
    let available = 0;
    for (const weight of weights) available += weight;
    if (network) {
      const cost = network.cheapest(weights, demanded);
      if (cost === null) return null;
      available -= cost;
    }
    // Factors below 1 bring rounding: only a clear shortfall counts.
    return available - needed + 1e-9 * Math.max(1, needed);
  };
  const isEnough = (factors: ReadonlyMap<number, number>) => (slack(factors) ?? -1) >= 0;
  const shortGroups = [...short.keys()];
  for (const g of shortGroups) if (!isEnough(new Map([[g, 1]]))) return false;
  for (const kind of ['hours', 'sks'] as const) {
    const ofKind = shortGroups.filter((g) => poolKindOf(at(problem.groups, g).rule) === kind);
    if (ofKind.length > 1 && !isEnough(new Map(ofKind.map((g) => [g, 1])))) return false;
  }
  // Two groups competing for the same credentials: the second weighed at each rate where some
  // credential would change sides. The slack is convex in the rate (Lagrange), so bisection finds
  // the least.
  for (let i = 0; i < shortGroups.length; i++) {
    for (let j = i + 1; j < shortGroups.length; j++) {
      const p = at(shortGroups, i);
      const q = at(shortGroups, j);
      const kindP = poolKindOf(at(problem.groups, p).rule) as PoolKind;
      const kindQ = poolKindOf(at(problem.groups, q).rule) as PoolKind;
      const rates = [(short.get(p) ?? 1) / (short.get(q) ?? 1)];
      pools.forEach((mine, position) => {
        const credential = at(problem.credentials, from + position);
        if (mine.includes(p) && mine.includes(q) && poolValue(credential, kindQ) > 0)
          rates.push(poolValue(credential, kindP) / poolValue(credential, kindQ));
      });
      rates.sort((a, b) => a - b);
      const slackAt = (rate: number) =>
        slack(
          new Map([
            [p, 1],
            [q, rate],
          ]),
        ) ?? -1;
      let low = 0;
      let high = rates.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (slackAt(at(rates, middle + 1)) >= slackAt(at(rates, middle))) high = middle;
        else low = middle + 1;
      }
      if (slackAt(at(rates, low)) < 0) return false;
    }
  }
  // More than two: each shortfall weighed as a whole.
  if (shortGroups.length > 2) {
    const subsets =
      shortGroups.length > 4
        ? [shortGroups]
        : Array.from({ length: 1 << shortGroups.length }, (_, mask) =>
            shortGroups.filter((_, bit) => (mask & (1 << bit)) !== 0),
          ).filter((subset) => subset.length > 2);
    for (const subset of subsets)
      if (!isEnough(new Map(subset.map((g) => [g, 1 / (short.get(g) ?? 1)])))) return false;
  }
  return true;
}

/**
 * Arc consistency on the order between required slots: a credential stays a candidate for `before`
 * only if another candidate of `after` is earned no earlier, and the other way round. False when a
 * required slot is left with no candidate. Candidates are positions: credential `from + position`.
 */
function narrowByOrder(
  problem: Problem,
  from: number,
  required: readonly number[],
  domains: Map<number, number[]>,
): boolean {
  for (const item of required) if ((domains.get(item) ?? []).length === 0) return false;
  const pairs: [number, number][] = [];
  for (const before of required)
    for (const after of at(problem.mustPrecede, before))
      if (required.includes(after)) pairs.push([before, after]);
  const dateOf = (position: number) => at(problem.credentials, from + position).awardedDate;
  let isChanged = pairs.length > 0;
  while (isChanged) {
    isChanged = false;
    for (const [before, after] of pairs) {
      const early = domains.get(before) ?? [];
      const late = domains.get(after) ?? [];
      const keptEarly = early.filter((p) => late.some((q) => q !== p && dateOf(q) >= dateOf(p)));
      const keptLate = late.filter((p) => keptEarly.some((q) => q !== p && dateOf(q) <= dateOf(p)));
      if (keptEarly.length === 0 || keptLate.length === 0) return false;
      if (keptEarly.length !== early.length || keptLate.length !== late.length) {
        isChanged = true;
        domains.set(before, keptEarly);
        domains.set(after, keptLate);
      }
    }
  }
  return true;
}

/** Bit masks over `width` bits with `size` bits set (Gosper's hack), in increasing order. */
function* masksOfSize(width: number, size: number): Generator<number> {
  if (size === 0) {
    yield 0;
    return;
  }
  let mask = (1 << size) - 1;
  const limit = 1 << width;
  while (mask < limit) {
    yield mask;
    const lowest = mask & -mask;
    const ripple = mask + lowest;
    mask = (((ripple ^ mask) >>> 2) / lowest) | ripple;
  }
}

/**
 * Credentials (by position) → the slots `slotsOf` lists for them (each slot takes one) → the
 * slot's group (at most `demand` of its slots, when given) → sink. The sets of credentials that can
 * be routed together form a matroid, so taking credentials cheapest first while they still route
 * finds the cheapest set of a given size.
 */
function createSlotNetwork(
  problem: Problem,
  slotsOf: readonly (readonly number[])[],
  demand: ReadonlyMap<number, number> | null,
) {
  const to: number[] = [];
  const capacity: number[] = [];
  const edges: number[][] = [];
  const addNode = () => edges.push([]) - 1;
  const link = (from: number, target: number, amount: number) => {
    at(edges, from).push(to.length);
    to.push(target);
    capacity.push(amount);
    at(edges, target).push(to.length);
    to.push(from);
    capacity.push(0);
  };
  const sink = addNode();
  const sources = slotsOf.map(() => addNode());
  const slotNode = new Map<number, number>();
  const groupNode = new Map<number, number>();
  slotsOf.forEach((mine, position) => {
    for (const item of mine) {
      let target = slotNode.get(item);
      if (target === undefined) {
        target = addNode();
        slotNode.set(item, target);
        const group = at(problem.items, item).group;
        const limit = demand?.get(group);
        if (limit === undefined) link(target, sink, 1);
        else {
          let collector = groupNode.get(group);
          if (collector === undefined) {
            collector = addNode();
            groupNode.set(group, collector);
            link(collector, sink, limit);
          }
          link(target, collector, 1);
        }
      }
      link(at(sources, position), target, 1);
    }
  });
  const initial = [...capacity];
  const seen = new Uint8Array(edges.length);
  const visit = (v: number): boolean => {
    if (v === sink) return true;
    seen[v] = 1;
    for (const e of at(edges, v)) {
      const next = at(to, e);
      if (at(capacity, e) > 0 && seen[next] === 0 && visit(next)) {
        capacity[e] = at(capacity, e) - 1;
        capacity[e ^ 1] = at(capacity, e ^ 1) + 1;
        return true;
      }
    }
    return false;
  };
  const order = sources.map((_, position) => position);
  return {
    /** The least total weight of `size` credentials routed together; null = fewer than `size` route. */
    cheapest(weights: readonly number[], size: number): number | null {
      for (let e = 0; e < initial.length; e++) capacity[e] = at(initial, e);
      order.sort((a, b) => at(weights, a) - at(weights, b) || a - b);
      let routed = 0;
      let total = 0;
      for (const position of order) {
        if (routed === size) break;
        if (at(slotsOf, position).length === 0) continue;
        seen.fill(0);
        if (visit(at(sources, position))) {
          routed++;
          total += at(weights, position);
        }
      }
      return routed === size ? total : null;
    },
  };
}

/**
 * Size of a maximum matching of left vertices to the right vertices (0 to `rightCount` - 1) they
 * list (augmenting paths, Kuhn).
 */
function maximumMatching(adjacency: readonly (readonly number[])[], rightCount: number): number {
  const owner: number[] = new Array(rightCount).fill(-1);
  const seen: number[] = new Array(rightCount).fill(-1);
  const augment = (left: number, round: number): boolean => {
    for (const right of at(adjacency, left)) {
      if (seen[right] === round) continue;
      seen[right] = round;
      const current = at(owner, right);
      if (current < 0 || augment(current, round)) {
        owner[right] = left;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let left = 0; left < adjacency.length; left++) if (augment(left, left)) size++;
  return size;
}

// ---------------------------------------------------------------------------------------------
// The search.

/**
 * Exact branch and bound. Credentials are decided one at a time (by id); each either fills one of
 * its candidate items (count once) or a set of them (reuse), or stays out. The answer is the first
 * assignment in that order with the most progress: a branch is cut only when no completion of it
 * can beat the best found (`canBeat`), and the search stops when nothing can beat the best at all.
 *
 * What keeps it small, none of which changes the answer:
 * - the first assignment tried is the greedy one (each credential on its first free item); when no
 *   assignment can beat it, as for most teachers, there is no search at all, and when each
 *   credential fits one item and the greedy one placed them all, nothing needs proving (progress
 *   only grows as credentials are added, and every other assignment is a part of this one);
 * - counting once, a credential that may join an item outside every order constraint (an hours/SKS
 *   item, or an empty slot) is never left out: joining takes nothing from the rest (an empty slot
 *   could go to a later credential instead, an exchange with equal progress), so leaving it out
 *   cannot do better and comes later in the order;
 * - two filled hours/SKS items of one group outside order constraints are interchangeable: only the
 *   first is tried; with reuse, such items are always joined;
 * - counting once, the bound knows a credential in a slot adds no hours, and one credential feeds
 *   one hours/SKS group (`canBeatCountingOnce`): ordered slots with hours and SKS groups competing
 *   for 30 interchangeable credentials, which took minutes, take milliseconds (see the tests).
 * Worst case still O(prod over credentials of (d_c + 1)) nodes for count-once and O(prod 2^d_c)
 * with reuse, d_c = items a credential fits: order constraints and group thresholds make this more
 * than bipartite matching (hours are a subset sum), which is why it is a search and not a flow.
 * What stays slow (measured): several hours groups of one kind sharing credentials of mixed
 * hours, where only whole credentials fit the minimums and the bounds are fractional: up to about
 * 10^5 nodes, a second or two, at 16 to 30 credentials.
 */
function solve(problem: Problem): Fill {
  return searchAssignments(problem, null) ?? problem.items.map(() => []);
}

/** More than any incomplete assignment makes: only a complete one beats it. */
const justShortOfComplete: PathwayProgress = {
  isComplete: false,
  groupsSatisfied: Number.POSITIVE_INFINITY,
  itemsFilled: Number.POSITIVE_INFINITY,
  hours: Number.POSITIVE_INFINITY,
  sksHundredths: Number.POSITIVE_INFINITY,
  credentialsCounted: Number.POSITIVE_INFINITY,
};

/** Whether some assignment completes the pathway: `searchAssignments` for the first that beats all others. */
function canComplete(problem: Problem): boolean {
  return searchAssignments(problem, justShortOfComplete) !== null;
}

/**
 * `solve`'s search. With a `floor`, only assignments beating it are looked for, and the first one
 * found is the answer (null = none does): the same cuts, so it is found if one exists.
 */
function searchAssignments(problem: Problem, floor: PathwayProgress | null): Fill | null {
  const n = problem.credentials.length;
  const fill: Fill = problem.items.map(() => []);
  const nothing: Fill = problem.items.map(() => []);
  const best: { fill: Fill | null; progress: PathwayProgress | null } = { fill: null, progress: floor };
  const isForced = problem.candidates.every((items) => items.length === 1);
  let isDone = false;

  const decide = (c: number) => {
    if (isDone) return;
    if (c < n && best.progress && !canBeat(problem, fill, c, best.progress)) return;
    if (c === n) {
      const { progress } = measure(problem, fill);
      if (!best.progress || comparePathwayProgress(progress, best.progress) > 0) {
        best.fill = fill.map((list) => [...list]);
        best.progress = progress;
        // One item each and all placed: every other assignment is a part of this one.
        isDone =
          floor !== null ||
          (isForced && progress.credentialsCounted === n) ||
          !canBeat(problem, nothing, 0, progress);
      }
      return;
    }
    const candidates = at(problem.candidates, c);
    if (problem.isReuse) {
      // An hours/SKS item outside every order constraint has no capacity and no conflict, so
      // joining it never lowers any key: it is always taken, and only the rest branch.
      const isFreePool = (item: number) =>
        at(problem.items, item).isPool && at(problem.items, item).isUnordered;
      const free = candidates.filter(isFreePool);
      const items = candidates.filter((item) => !isFreePool(item));
      for (const item of free) at(fill, item).push(c);
      // Subsets of the other candidate items, largest mask first; placed one by one so order is
      // checked against the credential's own other items too.
      for (let mask = (1 << items.length) - 1; mask >= 0 && !isDone; mask--) {
        const placed: number[] = [];
        let isFeasible = true;
        for (let bit = 0; bit < items.length && isFeasible; bit++) {
          if (!(mask & (1 << bit))) continue;
          const item = at(items, bit);
          if (canPlace(problem, fill, item, c)) {
            at(fill, item).push(c);
            placed.push(item);
          } else isFeasible = false;
        }
        if (isFeasible) decide(c + 1);
        for (const item of placed) at(fill, item).pop();
      }
      for (const item of free) at(fill, item).pop();
      return;
    }
    let isOutDominated = false;
    const triedGroups = new Set<number>();
    for (const item of candidates) {
      if (!canPlace(problem, fill, item, c)) continue;
      const { isPool, isUnordered, group } = at(problem.items, item);
      if (isUnordered) isOutDominated = true;
      if (isPool && isUnordered && at(fill, item).length > 0) {
        if (triedGroups.has(group)) continue;
        triedGroups.add(group);
      }
      at(fill, item).push(c);
      decide(c + 1);
      at(fill, item).pop();
      if (isDone) return;
    }
    if (!isOutDominated) decide(c + 1);
  };
  decide(0);
  return best.fill;
}

// ---------------------------------------------------------------------------------------------
// Evaluation.

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function listMissing(
  problem: Pick<Problem, 'groups' | 'items'>,
  fill: Fill,
  groups: readonly GroupProgress[],
): PathwayMissing[] {
  const missing: PathwayMissing[] = [];
  problem.groups.forEach((group, index) => {
    const status = at(groups, index);
    if (status.isSatisfied) return;
    switch (group.rule.kind) {
      case 'all':
      case 'atLeast':
        missing.push({
          kind: 'children',
          groupId: group.id,
          short: status.requiredChildren - status.satisfiedChildren,
        });
        break;
      case 'hours':
        missing.push({ kind: 'hours', groupId: group.id, short: group.rule.min - status.hours });
        break;
      case 'sks':
        missing.push({
          kind: 'sks',
          groupId: group.id,
          shortHundredths: group.rule.minHundredths - status.sksHundredths,
        });
        break;
    }
    for (const item of group.items) {
      if (at(fill, item).length === 0)
        missing.push({ kind: 'item', itemId: at(problem.items, item).id, groupId: group.id });
    }
  });
  return missing;
}

/** The first day awards count from; null = any age. */
function findRecencyStart(pathway: CompiledPathway, now: LocalDate): LocalDate | null {
  if (pathway.recencyYears == null) return null;
  if (pathway.recencyStart?.now !== now)
    pathway.recencyStart = { now, since: subtractYears(now, pathway.recencyYears) };
  return pathway.recencyStart.since;
}

/** In place, by credential id; most lists come sorted, and are left as they are. */
function sortByCredentialId(notCounted: NotCounted[]) {
  for (let i = 1; i < notCounted.length; i++) {
    if (at(notCounted, i - 1).credentialId > at(notCounted, i).credentialId) {
      notCounted.sort((a, b) => compareIds(a.credentialId, b.credentialId));
      return;
    }
  }
}

function copyMissing(entry: PathwayMissing): PathwayMissing {
  switch (entry.kind) {
    case 'item':
      return { kind: 'item', itemId: entry.itemId, groupId: entry.groupId };
    case 'children':
      return { kind: 'children', groupId: entry.groupId, short: entry.short };
    case 'hours':
      return { kind: 'hours', groupId: entry.groupId, short: entry.short };
    case 'sks':
      return { kind: 'sks', groupId: entry.groupId, shortHundredths: entry.shortHundredths };
  }
}

/** The units items name that the credential assessed as not yet competent, listed; null = none. */
function notCompetentUnits(pathway: CompiledPathway, credential: PathwayCredential): string | null {
  const units: string[] = [];
  for (const unitCode of pathway.unitCodes) {
    if (units.includes(unitCode)) continue;
    if (credential.units.some((unit) => unit.code === unitCode && unit.decision === 'BELUM_KOMPETEN'))
      units.push(unitCode);
  }
  return units.length > 0 ? units.join(', ') : null;
}

type Usable = { credential: PathwayCredential; candidates: readonly number[] };

/** The search problem of the usable credentials, in the order the search decides them (by id). */
function createProblem(pathway: CompiledPathway, usable: Usable[]): Problem {
  usable.sort((a, b) => compareIds(a.credential.id, b.credential.id));
  return {
    ...pathway,
    credentials: usable.map((entry) => entry.credential),
    candidates: usable.map((entry) => entry.candidates),
    scratch: { stamp: 0, inGroup: usable.map(() => 0), counted: usable.map(() => 0) },
  };
}

function evaluateCompiled(
  pathway: CompiledPathway,
  credentials: readonly PathwayCredential[],
  now: LocalDate,
): PathwayEvaluation {
  const notCounted: NotCounted[] = [];
  const push = (credential: PathwayCredential, reason: NotCountedReason, params?: MessageParams) =>
    notCounted.push(
      params
        ? { credentialId: credential.id, reason, code: notCountedCodes[reason], params }
        : { credentialId: credential.id, reason, code: notCountedCodes[reason] },
    );
  const usable: Usable[] = [];
  let since: LocalDate | null | undefined;

  for (const credential of credentials) {
    if (credential.isRevoked) push(credential, 'REVOKED');
    else if (credential.isSuspended) push(credential, 'SUSPENDED');
    else if (credential.validUntil != null && credential.validUntil < now)
      push(credential, 'EXPIRED', { validUntil: credential.validUntil });
    else {
      const candidates = findCandidates(pathway.index, credential);
      if (candidates.length === 0) {
        const units = notCompetentUnits(pathway, credential);
        if (units) push(credential, 'NOT_COMPETENT', { units });
        else push(credential, 'NOT_RELEVANT');
        continue;
      }
      if (since === undefined) since = findRecencyStart(pathway, now);
      if (since != null && credential.awardedDate < since)
        push(credential, 'OUTSIDE_RECENCY', { years: pathway.recencyYears as number, since });
      else usable.push({ credential, candidates });
    }
  }

  if (usable.length === 0) {
    // Nothing to assign: the progress of an empty assignment, worked out when the pathway was compiled.
    sortByCredentialId(notCounted);
    const { scored, missing } = pathway.empty;
    const { progress } = scored;
    return {
      kind: progress.isComplete ? 'complete' : 'in_progress',
      progress: {
        isComplete: progress.isComplete,
        groupsSatisfied: progress.groupsSatisfied,
        itemsFilled: progress.itemsFilled,
        hours: progress.hours,
        sksHundredths: progress.sksHundredths,
        credentialsCounted: progress.credentialsCounted,
      },
      groups: scored.groups.map((group) => ({
        groupId: group.groupId,
        rule: group.rule,
        isSatisfied: group.isSatisfied,
        satisfiedChildren: group.satisfiedChildren,
        requiredChildren: group.requiredChildren,
        hours: group.hours,
        sksHundredths: group.sksHundredths,
      })),
      assignment: [],
      missing: missing.map(copyMissing),
      notCounted,
    };
  }

  const problem = createProblem(pathway, usable);
  const fill = solve(problem);
  const { progress, groups } = score(problem, fill);

  const inAssignment = new Set(fill.flat());
  problem.credentials.forEach((credential, c) => {
    if (inAssignment.has(c)) return;
    // Optimality leaves only two causes: every item it fits is a full slot, or order forbids it.
    for (const item of at(problem.candidates, c)) {
      const blocker = orderBlocker(problem, fill, item, c);
      if (blocker !== null) {
        push(credential, 'OUT_OF_ORDER', { item: at(problem.items, blocker).id });
        return;
      }
    }
    push(credential, 'ALREADY_USED');
  });
  sortByCredentialId(notCounted);

  const assignment: PathwayAssignment[] = fill.flatMap((list, item) =>
    [...list]
      .sort((a, b) => a - b)
      .map((c) => ({ itemId: at(problem.items, item).id, credentialId: at(problem.credentials, c).id })),
  );

  const body = { progress, groups, assignment, missing: listMissing(problem, fill, groups), notCounted };
  return progress.isComplete ? { kind: 'complete', ...body } : { kind: 'in_progress', ...body };
}

/**
 * The teacher's progress on a pathway version: the assignment of their credentials to items that
 * completes it if any does, otherwise the one with the most progress (`PathwayProgress`), with a
 * reason for every credential that does not count. `now` is the calendar date of the evaluation
 * (the caller picks the zone, e.g. `localDateAt(instant, 'Asia/Jakarta')`). Credential ids are
 * assumed unique.
 */
export function evaluatePathway(
  version: PathwayVersion,
  credentials: readonly PathwayCredential[],
  now: LocalDate,
): PathwayEvaluation {
  return evaluateCompiled(compile(version), credentials, now);
}

/**
 * `evaluatePathway` for one version and many teachers: the version is compiled once (its tree
 * indexed, the progress of an empty assignment worked out), so each call costs only the teacher's
 * own credentials. The version must not change while the evaluator is in use.
 */
export function createPathwayEvaluator(
  version: PathwayVersion,
): (credentials: readonly PathwayCredential[], now: LocalDate) => PathwayEvaluation {
  const pathway = compile(version);
  return (credentials, now) => evaluateCompiled(pathway, credentials, now);
}

/**
 * The fewest distinct credentials that can complete the pathway when each counts once: an item
 * takes one; "all" the sum of its children's; "at least n" its n cheapest children's; an hours or
 * SKS group at least one (none when its minimum is not above zero). A lower bound, so a wallet with
 * fewer usable credentials cannot complete.
 */
function fewestCredentials(pathway: CompiledPathway, group: number): number {
  const compiled = at(pathway.groups, group);
  const { rule } = compiled;
  if (rule.kind === 'hours') return rule.min > 0 ? 1 : 0;
  if (rule.kind === 'sks') return rule.minHundredths > 0 ? 1 : 0;
  const children = [
    ...compiled.items.map(() => 1),
    ...compiled.groups.map((child) => fewestCredentials(pathway, child)),
  ];
  const needed = rule.kind === 'atLeast' ? rule.count : children.length;
  return children
    .sort((a, b) => a - b)
    .slice(0, needed)
    .reduce((sum, value) => sum + value, 0);
}

/**
 * Whether credentials complete the pathway, for mass use (a publication's backfill, a bench over a
 * whole country): the same answer as `evaluatePathway(...).kind === 'complete'`, without any
 * explanation. Plain answers first: no usable credential, fewer than the pathway could ever be
 * completed with, or not even a relaxation (credentials not competing for items, order ignored)
 * meets the root. Otherwise the evaluation's search looks for any complete assignment and stops at
 * the first (`canComplete`).
 *
 * Most credentials fit none of a given pathway's items, so each costs a few fingerprints and no
 * allocation; the relaxation is summed while the credentials are read.
 */
export function createPathwayCompletionCheck(
  version: PathwayVersion,
): (credentials: readonly PathwayCredential[], now: LocalDate) => boolean {
  const pathway = compile(version);
  const { items, groups, index } = pathway;
  const root = groups.length - 1;
  const fewest = pathway.isReuse
    ? Math.min(1, fewestCredentials(pathway, root))
    : fewestCredentials(pathway, root);
  const completeWhenEmpty = pathway.empty.scored.progress.isComplete;
  /** Per item, its hours or SKS group; -1 = a slot. */
  const poolOf = Int32Array.from(items, (item) => (item.isPool ? item.group : -1));
  // Scratch space reused by every call (a check runs to completion before the next one starts).
  const covered = new Uint8Array(items.length);
  const hours = new Float64Array(groups.length);
  const sks = new Float64Array(groups.length);
  const reachable = new Uint8Array(groups.length);
  let isDirty = false;
  // The credential being read (and its number), and per hours/SKS group the number of the last
  // one summed into it: the visitor is made once, so reading a credential allocates nothing.
  let current: PathwayCredential | null = null;
  let stamp = 0;
  const summedBy = new Float64Array(groups.length);
  const coverItem = (item: number) => {
    const credential = current as PathwayCredential;
    covered[item] = 1;
    const group = poolOf[item] as number;
    if (group >= 0 && summedBy[group] !== stamp) {
      summedBy[group] = stamp;
      hours[group] = (hours[group] as number) + credential.hours;
      sks[group] = (sks[group] as number) + credential.sksHundredths;
    }
  };
  const isUsable = (credential: PathwayCredential, now: LocalDate, since: LocalDate | null) =>
    !credential.isRevoked &&
    !credential.isSuspended &&
    (credential.validUntil == null || credential.validUntil >= now) &&
    // Before matching, unlike the evaluation: an old credential does not count either way.
    (since === null || credential.awardedDate >= since);

  return (credentials, now) => {
    if (isDirty) {
      covered.fill(0);
      hours.fill(0);
      sks.fill(0);
      isDirty = false;
    }
    const since = findRecencyStart(pathway, now);
    let usable = 0;
    for (let c = 0; c < credentials.length; c++) {
      const credential = credentials[c] as PathwayCredential;
      if (!isUsable(credential, now, since)) continue;
      current = credential;
      stamp++;
      if (visitCandidates(index, credential, coverItem) > 0) {
        usable++;
        isDirty = true;
      }
    }
    current = null;
    if (usable === 0) return completeWhenEmpty;
    if (usable < fewest) return false;
    // What the usable credentials could reach if none competed with another and order did not
    // matter. When even that does not meet the root, nothing can (groups are in post-order, root
    // last).
    for (let g = 0; g <= root; g++) {
      const group = at(groups, g);
      const { rule } = group;
      let holds: boolean;
      if (rule.kind === 'hours') holds = (hours[g] as number) >= rule.min;
      else if (rule.kind === 'sks') holds = (sks[g] as number) >= rule.minHundredths;
      else {
        let met = 0;
        for (const item of group.items) met += covered[item] as number;
        for (const child of group.groups) met += reachable[child] as number;
        holds = met >= (rule.kind === 'atLeast' ? rule.count : group.items.length + group.groups.length);
      }
      reachable[g] = holds ? 1 : 0;
    }
    if (reachable[root] === 0) return false;
    const usableList: Usable[] = [];
    for (const credential of credentials) {
      if (!isUsable(credential, now, since)) continue;
      const candidates = findCandidates(index, credential);
      if (candidates.length > 0) usableList.push({ credential, candidates });
    }
    return canComplete(createProblem(pathway, usableList));
  };
}
