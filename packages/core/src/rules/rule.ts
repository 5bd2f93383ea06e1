// The machinery under every rules module: an access rule is written once, as grants, and read two
// ways: as a Prisma `where` fragment for lists and as a predicate for one record. Each grant gives
// both halves side by side, so a list can never show a row the predicate refuses, or hide one it
// allows.
import type { Actor } from '#actor.ts';
import { hasRole } from '#actor.ts';

const all = Symbol('all');
const none = Symbol('none');
type Fragment<Where> = Where | typeof all | typeof none;

export type Rule<Where, Row> = {
  /** The rows the rule lets through, as a filter (or every row, or none). */
  fragment(): Promise<Fragment<Where>>;
  /** Whether the rule lets this row through. Reads only what the actor has loaded or can load. */
  allows(row: Row): Promise<boolean>;
};

/** Every row. */
export function everything<Where, Row>(): Rule<Where, Row> {
  return { fragment: async () => all, allows: async () => true };
}

/** No row. */
export function nothing<Where, Row>(): Rule<Where, Row> {
  return { fragment: async () => none, allows: async () => false };
}

/** One grant: a filter and the same condition on a row. */
export function grant<Where, Row>(where: Where, allows: (row: Row) => boolean): Rule<Where, Row> {
  return { fragment: async () => where, allows: async (row) => allows(row) };
}

/** A grant that only some actors hold (a role, an organization): for the rest, no row. */
export function grantIf<Where, Row>(holds: boolean, rule: () => Rule<Where, Row>): Rule<Where, Row> {
  return holds ? rule() : nothing();
}

/** Admins: every row. */
export function admins<Where, Row>(actor: Actor): Rule<Where, Row> {
  return grantIf(hasRole(actor.viewer, 'ADMIN'), () => everything<Where, Row>());
}

/**
 * Rows whose key is in a set the actor loads on demand (programmes they manage, calls they
 * review). The set is loaded once per request, and only when a rule needs it.
 */
export function grantIn<Where, Row>(
  load: () => Promise<ReadonlySet<string>>,
  where: (ids: string[]) => Where,
  key: (row: Row) => string,
): Rule<Where, Row> {
  return {
    fragment: async () => {
      const ids = await load();
      return ids.size > 0 ? where([...ids]) : none;
    },
    allows: async (row) => (await load()).has(key(row)),
  };
}

/** A rule on a related record: `where` nests the filter under the relation, `related` finds the record. */
export function through<Where, Row, RelatedWhere, Related>(
  rule: Rule<RelatedWhere, Related>,
  where: (related: RelatedWhere) => Where,
  related: (row: Row) => Related | null | Promise<Related | null>,
): Rule<Where, Row> {
  return {
    fragment: async () => {
      const inner = await rule.fragment();
      // "Any related record" is every row: the relations rules nest through are required ones
      // (or, for a credential's application, only admins reach `all`, and they see every row).
      if (inner === all) return all;
      if (inner === none) return none;
      return where(inner as RelatedWhere);
    },
    allows: async (row) => {
      const record = await related(row);
      return record !== null && (await rule.allows(record));
    },
  };
}

/** Rows any of the rules lets through. The predicate asks them in order and stops at the first yes. */
export function anyOf<Where, Row>(...rules: Rule<Where, Row>[]): Rule<Where, Row> {
  return {
    fragment: async () => {
      const fragments = await Promise.all(rules.map((rule) => rule.fragment()));
      if (fragments.includes(all)) return all;
      const wheres = fragments.filter((fragment) => fragment !== none) as Where[];
      if (wheres.length === 0) return none;
      return wheres.length === 1 ? (wheres[0] as Where) : ({ OR: wheres } as Where);
    },
    allows: async (row) => {
      for (const rule of rules) if (await rule.allows(row)) return true;
      return false;
    },
  };
}

/** Rows every rule lets through. */
export function allOf<Where, Row>(...rules: Rule<Where, Row>[]): Rule<Where, Row> {
  return {
    fragment: async () => {
      const fragments = await Promise.all(rules.map((rule) => rule.fragment()));
      if (fragments.includes(none)) return none;
      const wheres = fragments.filter((fragment) => fragment !== all) as Where[];
      if (wheres.length === 0) return all;
      return wheres.length === 1 ? (wheres[0] as Where) : ({ AND: wheres } as Where);
    },
    allows: async (row) => {
      for (const rule of rules) if (!(await rule.allows(row))) return false;
      return true;
    },
  };
}

const noRow = { id: { in: [] as string[] } };
/**
 * Every row, spelled out: an empty `{}` inside `OR` matches nothing in Prisma, so "all calls"
 * given as `{}` once silently hid every draft from admins.
 */
const everyRow = { NOT: noRow };

/** The rule as a `where` for its model (every model a rule covers has a string `id`). */
export async function whereOf<Where>(rule: Rule<Where, never>): Promise<Where> {
  const fragment = await rule.fragment();
  if (fragment === all) return everyRow as Where;
  if (fragment === none) return noRow as Where;
  return fragment;
}

/**
 * Loads what the rules read about the actor (cached for the request). Services call it before a
 * transaction: inside one only `tx` may touch the database (embedded PGlite has one connection,
 * so a query on the shared client would wait for the transaction that waits for it).
 */
export async function prepareRules(actor: Actor): Promise<void> {
  await Promise.all([actor.managedProgrammeIds(), actor.reviewedCallIds()]);
}
