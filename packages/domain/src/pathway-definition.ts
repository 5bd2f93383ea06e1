import { z } from 'zod';
import type { FieldIssue } from '#calls.ts';
import { isSkkniUnitCode } from '#identifiers.ts';
import type { PathwayGroup, PathwayItemMatch, PathwayNode, PathwayVersion } from '#pathways.ts';
import { achievementTypes, textSchema, toFieldIssues } from '#validation.ts';

// What a program manager may save as a pathway: the content (titles, level, validity) and the
// requirement tree, checked as a whole so the engine never meets a tree it cannot read. The API
// stores the tree as JSON; this is the one place that says what that JSON may hold.

/** Deep enough for a stack of stacks with nested choices; deeper trees are a modelling mistake. */
export const PATHWAY_MAX_DEPTH = 4;
export const PATHWAY_MAX_ITEMS = 60;

const nodeId = textSchema
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'INVALID_FORMAT');
const code = textSchema.trim().min(2).max(60);

const matchSchema: z.ZodType<PathwayItemMatch> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('achievement'), code }),
  z.object({ kind: z.literal('achievementVersion'), achievementId: textSchema.uuid() }),
  z.object({
    kind: z.literal('skkniUnit'),
    unitCode: textSchema.trim().refine(isSkkniUnitCode, 'SKKNI_FORMAT'),
  }),
  z.object({
    kind: z.literal('skillArea'),
    skillAreaCode: code,
    minKkniLevel: z.number().int().min(1).max(9),
  }),
  z.object({ kind: z.literal('pathway'), pathwayCode: code }),
  z.object({
    kind: z.literal('external'),
    achievementId: textSchema.trim().min(3).max(500),
    issuerId: textSchema.trim().min(3).max(500),
  }),
]);

const itemSchema = z.object({ type: z.literal('item'), id: nodeId, match: matchSchema });

const groupSchema: z.ZodType<PathwayGroup> = z.lazy(() =>
  z.union([
    z.object({
      type: z.literal('group'),
      id: nodeId,
      rule: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('all') }),
        z.object({ kind: z.literal('atLeast'), count: z.number().int().min(1).max(PATHWAY_MAX_ITEMS) }),
      ]),
      children: z.array(z.union([itemSchema, groupSchema])).min(1, 'PATHWAY_GROUP_EMPTY'),
    }),
    z.object({
      type: z.literal('group'),
      id: nodeId,
      rule: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('hours'), min: z.number().int().min(1).max(10_000) }),
        z.object({ kind: z.literal('sks'), minHundredths: z.number().int().min(1).max(14_400) }),
      ]),
      children: z.array(itemSchema).min(1, 'PATHWAY_GROUP_EMPTY'),
    }),
  ]),
);

export const pathwayRequirementsSchema = z.object({
  requirements: groupSchema,
  precedes: z
    .array(z.object({ before: nodeId, after: nodeId }))
    .max(PATHWAY_MAX_ITEMS)
    .default([]),
  recencyYears: z.number().int().min(1).max(50).nullish(),
  allowCredentialReuse: z.boolean().default(false),
});

export const pathwayContentSchema = z.object({
  titleId: textSchema.trim().min(5).max(200),
  titleEn: textSchema.trim().min(5).max(200),
  descriptionId: textSchema.trim().min(20).max(5000),
  descriptionEn: textSchema.trim().min(20).max(5000),
  kkniLevel: z.number().int().min(1).max(9),
  achievementType: z.enum(achievementTypes),
  /** Months the awarded credential stays valid; null = without end. */
  validityMonths: z.number().int().min(1).max(120).nullish(),
});

export const pathwayCodeSchema = textSchema
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'PATHWAY_CODE_FORMAT');

export type PathwayDefinition = z.output<typeof pathwayRequirementsSchema>;

/**
 * Reads a stored or submitted requirement tree: the structure (zod), then what zod cannot say:
 * ids unique in the tree, an "at least n" not above its children, order rules between existing
 * items and without a cycle, no item naming the pathway itself, a bounded depth and size.
 */
export function checkPathwayDefinition(
  input: unknown,
  ownCode: string | null = null,
): { kind: 'valid'; definition: PathwayDefinition } | { kind: 'invalid'; issues: FieldIssue[] } {
  const parsed = pathwayRequirementsSchema.safeParse(input);
  if (!parsed.success) return { kind: 'invalid', issues: toFieldIssues(parsed.error.issues) };
  const definition = parsed.data;
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const items = new Set<string>();
  let itemCount = 0;
  const visit = (node: PathwayNode, path: string[], depth: number) => {
    if (seen.has(node.id))
      issues.push({ path: [...path, 'id'], code: 'PATHWAY_ID_DUPLICATE', params: { id: node.id } });
    seen.add(node.id);
    if (node.type === 'item') {
      itemCount += 1;
      items.add(node.id);
      if (node.match.kind === 'pathway' && ownCode && node.match.pathwayCode.toUpperCase() === ownCode)
        issues.push({ path: [...path, 'match', 'pathwayCode'], code: 'PATHWAY_NAMES_ITSELF' });
      return;
    }
    if (depth > PATHWAY_MAX_DEPTH)
      issues.push({ path, code: 'PATHWAY_TOO_DEEP', params: { max: PATHWAY_MAX_DEPTH } });
    if (node.rule.kind === 'atLeast' && node.rule.count > node.children.length)
      issues.push({
        path: [...path, 'rule', 'count'],
        code: 'PATHWAY_COUNT_TOO_HIGH',
        params: { count: node.rule.count, children: node.children.length },
      });
    node.children.forEach((child, index) => {
      visit(child, [...path, 'children', String(index)], depth + 1);
    });
  };
  visit(definition.requirements, ['requirements'], 1);
  if (itemCount > PATHWAY_MAX_ITEMS)
    issues.push({ path: ['requirements'], code: 'PATHWAY_TOO_LARGE', params: { max: PATHWAY_MAX_ITEMS } });
  definition.precedes.forEach((rule, index) => {
    for (const end of ['before', 'after'] as const)
      if (!items.has(rule[end]))
        issues.push({
          path: ['precedes', String(index), end],
          code: 'PATHWAY_ORDER_UNKNOWN_ITEM',
          params: { id: rule[end] },
        });
    if (rule.before === rule.after)
      issues.push({ path: ['precedes', String(index), 'after'], code: 'PATHWAY_ORDER_CYCLE' });
  });
  if (issues.length === 0 && hasCycle(definition.precedes))
    issues.push({ path: ['precedes'], code: 'PATHWAY_ORDER_CYCLE' });
  return issues.length > 0 ? { kind: 'invalid', issues } : { kind: 'valid', definition };
}

function hasCycle(rules: readonly { before: string; after: string }[]): boolean {
  const next = new Map<string, string[]>();
  for (const { before, after } of rules) next.set(before, [...(next.get(before) ?? []), after]);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string): boolean => {
    if (state.get(node) === 'done') return false;
    if (state.get(node) === 'open') return true;
    state.set(node, 'open');
    const cyclic = (next.get(node) ?? []).some(visit);
    state.set(node, 'done');
    return cyclic;
  };
  return [...next.keys()].some(visit);
}

/** The engine's input from a stored version. */
export function toPathwayVersion(
  pathwayCode: string,
  version: number,
  definition: PathwayDefinition,
): PathwayVersion {
  return {
    pathwayCode,
    version,
    requirements: definition.requirements,
    precedes: definition.precedes,
    recencyYears: definition.recencyYears ?? null,
    allowCredentialReuse: definition.allowCredentialReuse,
  };
}

/** The items of a tree in tree order, with the group each sits in. */
export function pathwayItems(
  root: PathwayGroup,
): { item: Extract<PathwayNode, { type: 'item' }>; groupId: string }[] {
  const out: { item: Extract<PathwayNode, { type: 'item' }>; groupId: string }[] = [];
  const visit = (group: PathwayGroup) => {
    for (const child of group.children) {
      if (child.type === 'item') out.push({ item: child, groupId: group.id });
      else visit(child);
    }
  };
  visit(root);
  return out;
}

/** Pathway codes a tree names (stacks of stacks), to evaluate those first. */
export function referencedPathwayCodes(root: PathwayGroup): string[] {
  return [
    ...new Set(
      pathwayItems(root).flatMap(({ item }) =>
        item.match.kind === 'pathway' ? [item.match.pathwayCode] : [],
      ),
    ),
  ];
}
