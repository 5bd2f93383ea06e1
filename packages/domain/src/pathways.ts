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
// The compiled problem: items and groups as indices, candidates as index lists.

type CompiledGroup = {
  id: string;
  rule: PathwayGroupRule;
  /** Child groups and items, by index. */
  groups: number[];
  items: number[];
};

type Problem = {
  items: { id: string; match: PathwayItemMatch; group: number; isPool: boolean }[];
  /** Post-order: a group comes after its children, the root last. */
  groups: CompiledGroup[];
  credentials: PathwayCredential[];
  /** Per credential, the items it may fill (tree order). */
  candidates: number[][];
  /** Per item: items that must be earned no later than it, and items it must be earned no later than. */
  mustFollow: number[][];
  mustPrecede: number[][];
  isReuse: boolean;
};

function compile(version: PathwayVersion): Omit<Problem, 'credentials' | 'candidates'> {
  const items: Problem['items'] = [];
  const groups: CompiledGroup[] = [];
  const visit = (group: PathwayGroup): number => {
    const compiled: CompiledGroup = { id: group.id, rule: group.rule, groups: [], items: [] };
    const isPool = group.rule.kind === 'hours' || group.rule.kind === 'sks';
    for (const child of group.children) {
      if (child.type === 'group') compiled.groups.push(visit(child));
      else {
        compiled.items.push(items.length);
        items.push({ id: child.id, match: child.match, group: -1, isPool });
      }
    }
    groups.push(compiled);
    const index = groups.length - 1;
    for (const item of compiled.items) (items[item] as Problem['items'][number]).group = index;
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
    (mustFollow[a] as number[]).push(b);
    (mustPrecede[b] as number[]).push(a);
  }
  return { items, groups, mustFollow, mustPrecede, isReuse: version.allowCredentialReuse === true };
}

/** Credentials per item (a slot item holds at most one; an hours or SKS item any number). */
type Fill = number[][];

type Scored = { progress: PathwayProgress; groups: GroupProgress[] };

function score(problem: Problem, fill: Fill): Scored {
  const satisfied: boolean[] = [];
  const groups: GroupProgress[] = [];
  let groupsSatisfied = 0;
  let hours = 0;
  let sksHundredths = 0;
  const counted = new Set<number>();
  for (const list of fill) for (const c of list) counted.add(c);
  for (const group of problem.groups) {
    const distinct = new Set<number>();
    for (const item of group.items) for (const c of fill[item] as number[]) distinct.add(c);
    let groupHours = 0;
    let groupSks = 0;
    for (const c of distinct) {
      groupHours += (problem.credentials[c] as PathwayCredential).hours;
      groupSks += (problem.credentials[c] as PathwayCredential).sksHundredths;
    }
    const satisfiedChildren =
      group.items.filter((item) => (fill[item] as number[]).length > 0).length +
      group.groups.filter((child) => satisfied[child]).length;
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
  return {
    progress: {
      isComplete: satisfied[satisfied.length - 1] === true,
      groupsSatisfied,
      itemsFilled: fill.filter((list) => list.length > 0).length,
      hours,
      sksHundredths,
      credentialsCounted: counted.size,
    },
    groups,
  };
}

/** Whether credential `c` may join item `item` given the fill: capacity and order, not count-once. */
function canPlace(problem: Problem, fill: Fill, item: number, c: number): boolean {
  const list = fill[item] as number[];
  if (!problem.items[item]?.isPool && list.length > 0) return false;
  if (list.includes(c)) return false;
  return orderBlocker(problem, fill, item, c) === null;
}

/** The first item whose filling conflicts in order with `c` on `item`; null = in order. */
function orderBlocker(problem: Problem, fill: Fill, item: number, c: number): number | null {
  const date = (problem.credentials[c] as PathwayCredential).awardedDate;
  const dateOf = (other: number) => (problem.credentials[other] as PathwayCredential).awardedDate;
  for (const earlier of problem.mustFollow[item] as number[]) {
    if ((fill[earlier] as number[]).some((other) => other !== c && dateOf(other) > date)) return earlier;
  }
  for (const later of problem.mustPrecede[item] as number[]) {
    if ((fill[later] as number[]).some((other) => other !== c && dateOf(other) < date)) return later;
  }
  return null;
}

/**
 * Exact branch and bound. Credentials are decided one at a time (by id); each either fills one of
 * its candidate items (count once) or a set of them (reuse), or stays out. A branch is cut when an
 * optimistic completion (every undecided credential on every item it could still join, ignoring
 * capacity, order and count-once) cannot beat the best assignment found; the search stops as soon
 * as the best reaches the optimistic bound of the whole problem.
 *
 * Worst case O(prod over credentials of (d_c + 1)) nodes for count-once and O(prod 2^d_c) with
 * reuse, d_c = items a credential fits, each node costing O(items + candidate edges) to bound.
 * Credentials fitting nothing never branch, and a credential whose items are all taken has one
 * branch, so competing copies of one achievement cost O(n^2), not 2^n. Order constraints and group
 * thresholds make this more than bipartite matching, which is why it is a search and not a flow.
 * Known weak spot (measured): counting once, hours/SKS groups whose items compete with order-
 * constrained slots for the same credentials: 20 credentials took about 40 s, 30 did not finish.
 */
function solve(problem: Problem): Fill {
  const n = problem.credentials.length;
  const fill: Fill = problem.items.map(() => []);
  const best: { fill: Fill; progress: PathwayProgress | null } = {
    fill: fill.map((l) => [...l]),
    progress: null,
  };

  const bound = (from: number): PathwayProgress => {
    const optimistic = fill.map((list) => [...list]);
    for (let c = from; c < n; c++) {
      for (const item of problem.candidates[c] as number[]) {
        const list = optimistic[item] as number[];
        if (problem.items[item]?.isPool || (fill[item] as number[]).length === 0) list.push(c);
      }
    }
    const progress = score(problem, optimistic).progress;
    // Tighter counts by matching: a newly counted credential with no hours/SKS item to go to needs
    // an empty slot of its own, and (counting once) a newly filled item needs a credential of its own.
    const emptySlots = (item: number) =>
      !problem.items[item]?.isPool && (fill[item] as number[]).length === 0;
    const counted = new Set(fill.flat());
    let poolable = 0;
    const needSlot: number[][] = [];
    for (let c = from; c < n; c++) {
      const items = problem.candidates[c] as number[];
      if (items.some((item) => problem.items[item]?.isPool)) poolable++;
      else needSlot.push(items.filter(emptySlots));
    }
    progress.credentialsCounted = Math.min(
      progress.credentialsCounted,
      counted.size + poolable + maximumMatching(needSlot),
    );
    if (!problem.isReuse) {
      const filledNow = fill.filter((list) => list.length > 0).length;
      const toEmpty: number[][] = [];
      for (let c = from; c < n; c++)
        toEmpty.push(
          (problem.candidates[c] as number[]).filter((item) => (fill[item] as number[]).length === 0),
        );
      progress.itemsFilled = Math.min(progress.itemsFilled, filledNow + maximumMatching(toEmpty));
    }
    return progress;
  };
  const isFreePool = (item: number) =>
    problem.items[item]?.isPool === true &&
    (problem.mustFollow[item] as number[]).length === 0 &&
    (problem.mustPrecede[item] as number[]).length === 0;
  const ceiling = bound(0);
  let isDone = false;

  const search = (c: number) => {
    if (isDone) return;
    if (best.progress && comparePathwayProgress(bound(c), best.progress) <= 0) return;
    if (c === n) {
      const { progress } = score(problem, fill);
      if (!best.progress || comparePathwayProgress(progress, best.progress) > 0) {
        best.fill = fill.map((list) => [...list]);
        best.progress = progress;
        if (comparePathwayProgress(progress, ceiling) >= 0) isDone = true;
      }
      return;
    }
    const candidates = problem.candidates[c] as number[];
    if (problem.isReuse) {
      // An hours/SKS item outside every order constraint has no capacity and no conflict, so
      // joining it never lowers any key: it is always taken, and only the rest branch.
      const free = candidates.filter((item) => isFreePool(item));
      const items = candidates.filter((item) => !isFreePool(item));
      for (const item of free) (fill[item] as number[]).push(c);
      // Subsets of the other candidate items, largest mask first; placed one by one so order is
      // checked against the credential's own other items too.
      for (let mask = (1 << items.length) - 1; mask >= 0 && !isDone; mask--) {
        const placed: number[] = [];
        let isFeasible = true;
        for (let bit = 0; bit < items.length && isFeasible; bit++) {
          if (!(mask & (1 << bit))) continue;
          const item = items[bit] as number;
          if (canPlace(problem, fill, item, c)) {
            (fill[item] as number[]).push(c);
            placed.push(item);
          } else isFeasible = false;
        }
        if (isFeasible) search(c + 1);
        for (const item of placed) (fill[item] as number[]).pop();
      }
      for (const item of free) (fill[item] as number[]).pop();
      return;
    }
    // Two hours/SKS items of one group, both already filled and outside order constraints, are
    // interchangeable for this credential: only the first is tried.
    const triedGroups = new Set<number>();
    for (const item of candidates) {
      if (!canPlace(problem, fill, item, c)) continue;
      if (isFreePool(item) && (fill[item] as number[]).length > 0) {
        const group = (problem.items[item] as { group: number }).group;
        if (triedGroups.has(group)) continue;
        triedGroups.add(group);
      }
      (fill[item] as number[]).push(c);
      search(c + 1);
      (fill[item] as number[]).pop();
      if (isDone) return;
    }
    search(c + 1);
  };
  search(0);
  return best.fill;
}

/** Size of a maximum matching of left vertices to the right vertices they list (augmenting paths, Kuhn). */
function maximumMatching(adjacency: readonly (readonly number[])[]): number {
  const owner = new Map<number, number>();
  const augment = (left: number, seen: Set<number>): boolean => {
    for (const right of adjacency[left] as number[]) {
      if (seen.has(right)) continue;
      seen.add(right);
      const current = owner.get(right);
      if (current === undefined || augment(current, seen)) {
        owner.set(right, left);
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let left = 0; left < adjacency.length; left++) if (augment(left, new Set())) size++;
  return size;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
  const compiled = compile(version);
  const sorted = [...credentials].sort((a, b) => compareIds(a.id, b.id));
  const since = version.recencyYears != null ? subtractYears(now, version.recencyYears) : null;
  const notCounted: NotCounted[] = [];
  const usable: PathwayCredential[] = [];
  const push = (credential: PathwayCredential, reason: NotCountedReason, params?: MessageParams) =>
    notCounted.push({
      credentialId: credential.id,
      reason,
      code: notCountedCodes[reason],
      ...(params ? { params } : {}),
    });

  for (const credential of sorted) {
    if (credential.isRevoked) push(credential, 'REVOKED');
    else if (credential.isSuspended) push(credential, 'SUSPENDED');
    else if (credential.validUntil != null && credential.validUntil < now)
      push(credential, 'EXPIRED', { validUntil: credential.validUntil });
    else if (!compiled.items.some((item) => matchesItem(item.match, credential))) {
      const notCompetent = compiled.items.flatMap((item) =>
        item.match.kind === 'skkniUnit' &&
        credential.units.some(
          (unit) =>
            unit.code === (item.match as { unitCode: string }).unitCode && unit.decision === 'BELUM_KOMPETEN',
        )
          ? [item.match.unitCode]
          : [],
      );
      if (notCompetent.length > 0)
        push(credential, 'NOT_COMPETENT', { units: [...new Set(notCompetent)].join(', ') });
      else push(credential, 'NOT_RELEVANT');
    } else if (since != null && credential.awardedDate < since)
      push(credential, 'OUTSIDE_RECENCY', { years: version.recencyYears as number, since });
    else usable.push(credential);
  }

  const problem: Problem = {
    ...compiled,
    credentials: usable,
    candidates: usable.map((credential) =>
      compiled.items.flatMap((item, index) => (matchesItem(item.match, credential) ? [index] : [])),
    ),
  };
  const fill = solve(problem);
  const { progress, groups } = score(problem, fill);

  const inAssignment = new Set(fill.flat());
  usable.forEach((credential, c) => {
    if (inAssignment.has(c)) return;
    // Optimality leaves only two causes: every item it fits is a full slot, or order forbids it.
    for (const item of problem.candidates[c] as number[]) {
      const blocker = orderBlocker(problem, fill, item, c);
      if (blocker !== null) {
        push(credential, 'OUT_OF_ORDER', { item: (problem.items[blocker] as { id: string }).id });
        return;
      }
    }
    push(credential, 'ALREADY_USED');
  });
  notCounted.sort((a, b) => compareIds(a.credentialId, b.credentialId));

  const assignment: PathwayAssignment[] = fill.flatMap((list, item) =>
    [...list]
      .sort((a, b) => a - b)
      .map((c) => ({
        itemId: (problem.items[item] as { id: string }).id,
        credentialId: (usable[c] as PathwayCredential).id,
      })),
  );

  const missing: PathwayMissing[] = [];
  problem.groups.forEach((group, index) => {
    const status = groups[index] as GroupProgress;
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
      if ((fill[item] as number[]).length === 0)
        missing.push({ kind: 'item', itemId: (problem.items[item] as { id: string }).id, groupId: group.id });
    }
  });

  const body = { progress, groups, assignment, missing, notCounted };
  return progress.isComplete ? { kind: 'complete', ...body } : { kind: 'in_progress', ...body };
}
