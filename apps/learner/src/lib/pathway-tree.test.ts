import { describe, expect, it } from 'vitest';
import { roboticsDefinition, roboticsGroups, roboticsItems } from '#lib/pathway-fixtures.ts';
import { buildRequirementTree, groupProgressCount, type RequirementGroup } from '#lib/pathway-tree.ts';

/** The tree's shape in short: groups as `rule(children)`, items by id. */
function shape(group: RequirementGroup<unknown>): string {
  const children = group.children.map((child) => (child.type === 'group' ? shape(child) : child.id));
  return `${group.id}:${group.rule}/${group.target}(${children.join(', ')})`;
}

describe('buildRequirementTree', () => {
  it('draws the tree of the definition with the progress of each group', () => {
    const tree = buildRequirementTree({
      definition: roboticsDefinition,
      groups: roboticsGroups,
      items: roboticsItems,
    });
    expect(shape(tree)).toBe(
      'semua:all/2(dasar-robot, lanjutan:atLeast/2(robot-lanjut, plc-hmi, bubut-cnc))',
    );
    expect(tree.progress?.satisfiedChildren).toBe(1);
    const nested = tree.children[1] as RequirementGroup<unknown>;
    expect(nested.total).toBe(3);
  });

  it('names, on an item, the items whose credential must come first', () => {
    const tree = buildRequirementTree({
      definition: roboticsDefinition,
      groups: roboticsGroups,
      items: roboticsItems,
    });
    const nested = tree.children[1] as RequirementGroup<(typeof roboticsItems)[number]>;
    const advanced = nested.children[0];
    expect(advanced?.type === 'item' && advanced.after.map((state) => state.item.itemId)).toEqual([
      'dasar-robot',
    ]);
  });

  it('leaves out items the API did not send', () => {
    const tree = buildRequirementTree({
      definition: roboticsDefinition,
      groups: roboticsGroups,
      items: roboticsItems.filter((state) => state.item.itemId !== 'plc-hmi'),
    });
    expect(shape(tree)).toBe('semua:all/2(dasar-robot, lanjutan:atLeast/2(robot-lanjut, bubut-cnc))');
  });

  it.each([
    ['not JSON', 'not json'],
    ['JSON without a tree', '{"precedes":[]}'],
  ])('falls back to the groups as listed when the definition is %s', (_case, definition) => {
    const tree = buildRequirementTree({ definition, groups: roboticsGroups, items: roboticsItems });
    expect(shape(tree)).toBe(
      'semua:all/2(dasar-robot, lanjutan:atLeast/2(robot-lanjut, plc-hmi, bubut-cnc))',
    );
  });
});

describe('groupProgressCount', () => {
  const group = (rule: string, target: number, progress: Partial<(typeof roboticsGroups)[number]>) =>
    buildRequirementTree({
      definition: '',
      groups: [
        { ...roboticsGroups[1], groupId: 'g', rule, target, ...progress } as (typeof roboticsGroups)[number],
      ],
      items: [],
    });

  it.each([
    ['all', 3, { satisfiedChildren: 2, requiredChildren: 3 }, { done: 2, needed: 3 }],
    ['atLeast', 2, { satisfiedChildren: 3, requiredChildren: 2 }, { done: 2, needed: 2 }],
    ['hours', 40, { hours: 24 }, { done: 24, needed: 40 }],
    ['sks', 2, { sks: 2.5 }, { done: 2.5, needed: 2 }],
  ] as const)('counts a %s group of target %d', (rule, target, progress, expected) => {
    expect(groupProgressCount(group(rule, target, progress))).toEqual(expected);
  });
});
