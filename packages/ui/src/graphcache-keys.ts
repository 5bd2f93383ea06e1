import type { KeyingConfig } from '@urql/exchange-graphcache';

/**
 * The API schema as each app ships it (`kmg-graphcache-schema`, about half the bytes of the minified
 * introspection): per object and interface type its interfaces and its fields with their list and
 * non-null marks (`"id! tags[!]! note"`), per union its members. Graphcache reads nothing else:
 * not arguments, enums, scalars or input types, nor the named type at the end of a field's type.
 */
export type CompactGraphcacheSchema = {
  query: string;
  mutation: string | null;
  subscription: string | null;
  types: Record<
    string,
    | { kind: 'OBJECT' | 'INTERFACE'; interfaces: string[]; fields: string }
    | { kind: 'UNION'; members: string[] }
  >;
};

type TypeRef =
  | { kind: 'NON_NULL' | 'LIST'; ofType: TypeRef }
  // What `@urql/introspection`'s minifier writes for a type graphcache needs no details of.
  | { kind: 'SCALAR'; name: 'Any' };

/** The minified introspection graphcache takes (`cacheExchange({ schema })`). */
export type GraphcacheSchema = {
  __schema: {
    queryType: { name: string };
    mutationType: { name: string } | null;
    subscriptionType: { name: string } | null;
    types: (
      | {
          kind: 'OBJECT' | 'INTERFACE';
          name: string;
          interfaces: { kind: 'INTERFACE'; name: string }[];
          fields: { name: string; type: TypeRef; args: [] }[];
        }
      | { kind: 'UNION'; name: string; possibleTypes: { kind: 'OBJECT'; name: string }[] }
    )[];
  };
};

/** `[!]!` (the marks of `[String!]!`) as the type reference graphcache reads. */
function typeRef(marks: string): TypeRef {
  if (marks.endsWith('!')) return { kind: 'NON_NULL', ofType: typeRef(marks.slice(0, -1)) };
  if (marks.startsWith('[')) return { kind: 'LIST', ofType: typeRef(marks.slice(1, -1)) };
  return { kind: 'SCALAR', name: 'Any' };
}

/** The shipped schema as graphcache and `graphcacheKeysFor` take it. */
export function expandGraphcacheSchema(compact: CompactGraphcacheSchema): GraphcacheSchema {
  const types = Object.entries(compact.types).map(([name, type]) =>
    type.kind === 'UNION'
      ? {
          kind: type.kind,
          name,
          possibleTypes: type.members.map((member) => ({ kind: 'OBJECT' as const, name: member })),
        }
      : {
          kind: type.kind,
          name,
          interfaces: type.interfaces.map((entry) => ({ kind: 'INTERFACE' as const, name: entry })),
          fields: (type.fields ? type.fields.split(' ') : []).map((field) => {
            const [, fieldName = '', marks = ''] = /^(\w+)(.*)$/.exec(field) ?? [];
            return { name: fieldName, type: typeRef(marks), args: [] as [] };
          }),
        },
  );
  const root = (name: string | null) => (name ? { name } : null);
  return {
    __schema: {
      queryType: { name: compact.query },
      mutationType: root(compact.mutation),
      subscriptionType: root(compact.subscription),
      types,
    },
  };
}

const embedded = () => null;

/** Types without an `id` that still have a natural key. */
const naturalKeys: KeyingConfig = {
  Province: (province) => String(province.code),
};

/**
 * Graphcache keys read from the schema: every object type without an `id` (payloads, errors,
 * connections, eligibility, profiles) is stored inside its parent, and a province is keyed by its
 * code. Node types (calls, applications, users...) are keyed by their global `id` and need no entry,
 * so a type the API adds needs no change here.
 */
export function graphcacheKeysFor(schema: GraphcacheSchema): KeyingConfig {
  const { queryType, mutationType, subscriptionType, types } = schema.__schema;
  const roots = new Set([queryType.name, mutationType?.name, subscriptionType?.name]);
  const idLess = types.filter(
    (type) =>
      type.kind === 'OBJECT' && !roots.has(type.name) && !type.fields.some((field) => field.name === 'id'),
  );
  return { ...Object.fromEntries(idLess.map((type) => [type.name, embedded])), ...naturalKeys };
}
