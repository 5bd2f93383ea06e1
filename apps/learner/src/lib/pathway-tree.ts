import type { PathwayGroup, PathwayNode } from '@kmg/domain';

/**
 * A pathway's requirements as the teacher reads them: the tree of groups and items from the
 * version's `definition`, each group with the engine's progress on it and each item with the
 * teacher's standing. The API sends groups and items as flat lists (keyed by id); the tree's shape
 * is only in `definition`, so the two are put together here.
 */

/** How a group is satisfied, as `PathwayGroupProgress.rule` and `target` say it. */
export type GroupRuleKind = 'all' | 'atLeast' | 'hours' | 'sks';

export type GroupProgressInput = {
  groupId: string;
  rule: string;
  target: number;
  isSatisfied: boolean;
  satisfiedChildren: number;
  requiredChildren: number;
  hours: number;
  sks: number;
};

export type ItemStateInput = { item: { itemId: string; groupId: string } };

export type RequirementGroup<Item> = {
  type: 'group';
  id: string;
  rule: GroupRuleKind;
  /** n for "at least n", the hours or SKS to reach; for "all", the number of children. */
  target: number;
  /** Children of the group in the tree (items and nested groups). */
  total: number;
  progress: GroupProgressInput | null;
  children: RequirementNode<Item>[];
};

export type RequirementItem<Item> = {
  type: 'item';
  id: string;
  state: Item;
  /** Items whose credential must be earned first (`precedes` rules naming this one as `after`). */
  after: Item[];
};

export type RequirementNode<Item> = RequirementGroup<Item> | RequirementItem<Item>;

type Definition = { requirements?: unknown; precedes?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ruleKind(value: string): GroupRuleKind {
  return value === 'atLeast' || value === 'hours' || value === 'sks' ? value : 'all';
}

function parseDefinition(definition: string): Definition | null {
  try {
    const parsed: unknown = JSON.parse(definition);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isGroup(node: unknown): node is PathwayGroup {
  return (
    isObject(node) && node.type === 'group' && typeof node.id === 'string' && Array.isArray(node.children)
  );
}

function isItem(node: unknown): node is Extract<PathwayNode, { type: 'item' }> {
  return isObject(node) && node.type === 'item' && typeof node.id === 'string';
}

/**
 * The requirement tree of one pathway for one teacher. Items the API did not send are left out
 * (never drawn blank); when `definition` cannot be read, each group the API sent becomes a
 * top-level group holding its own items, so nothing the teacher needs to see is lost.
 */
export function buildRequirementTree<Item extends ItemStateInput>({
  definition,
  groups,
  items,
}: {
  definition: string;
  groups: readonly GroupProgressInput[];
  items: readonly Item[];
}): RequirementGroup<Item> {
  const progressOf = new Map(groups.map((group) => [group.groupId, group]));
  const stateOf = new Map(items.map((item) => [item.item.itemId, item]));
  const parsed = parseDefinition(definition);
  const precedes = Array.isArray(parsed?.precedes) ? parsed.precedes.filter(isObject) : [];
  const before = (itemId: string) =>
    precedes.flatMap((rule) => {
      const state =
        rule.after === itemId && typeof rule.before === 'string' ? stateOf.get(rule.before) : undefined;
      return state ? [state] : [];
    });

  const group = (id: string, children: RequirementNode<Item>[], total: number): RequirementGroup<Item> => {
    const progress = progressOf.get(id) ?? null;
    return {
      type: 'group',
      id,
      rule: ruleKind(progress?.rule ?? 'all'),
      target: progress?.target ?? total,
      total,
      progress,
      children,
    };
  };
  const item = (id: string): RequirementItem<Item> | null => {
    const state = stateOf.get(id);
    return state ? { type: 'item', id, state, after: before(id) } : null;
  };

  const visit = (node: PathwayGroup): RequirementGroup<Item> => {
    const children = node.children.flatMap((child): RequirementNode<Item>[] => {
      if (isGroup(child)) return [visit(child)];
      if (isItem(child)) {
        const leaf = item(child.id);
        return leaf ? [leaf] : [];
      }
      return [];
    });
    return group(node.id, children, node.children.length);
  };

  if (isGroup(parsed?.requirements)) return visit(parsed.requirements);

  // No readable tree: the groups as the API lists them (the root is last), each with its items.
  const root = groups.at(-1);
  const nested = groups.slice(0, -1).map((entry) => {
    const children = items.flatMap((state) => {
      const leaf = state.item.groupId === entry.groupId ? item(state.item.itemId) : null;
      return leaf ? [leaf] : [];
    });
    return group(entry.groupId, children, children.length);
  });
  const own = items.flatMap((state) => {
    const leaf = state.item.groupId === root?.groupId ? item(state.item.itemId) : null;
    return leaf ? [leaf] : [];
  });
  const children = [...own, ...nested];
  return group(root?.groupId ?? 'root', children, children.length);
}

/** How far a group is, for its line of progress: children for choices, hours or SKS for sums. */
export function groupProgressCount(group: RequirementGroup<unknown>): { done: number; needed: number } {
  const progress = group.progress;
  switch (group.rule) {
    case 'hours':
      return { done: progress?.hours ?? 0, needed: group.target };
    case 'sks':
      return { done: progress?.sks ?? 0, needed: group.target };
    default:
      return {
        done: Math.min(progress?.satisfiedChildren ?? 0, group.target),
        needed: progress?.requiredChildren ?? group.target,
      };
  }
}
