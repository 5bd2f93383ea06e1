import type { KeyingConfig } from '@urql/exchange-graphcache';

/** The minified introspection each app generates (`kmg-graphcache-schema`), as far as keys need it. */
export type GraphcacheSchema = {
  __schema: {
    queryType: { name: string };
    mutationType?: { name: string } | null;
    subscriptionType?: { name: string } | null;
    types: readonly { kind: string; name: string; fields?: readonly { name: string }[] | null }[];
  };
};

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
      type.kind === 'OBJECT' && !roots.has(type.name) && !type.fields?.some((field) => field.name === 'id'),
  );
  return { ...Object.fromEntries(idLess.map((type) => [type.name, embedded])), ...naturalKeys };
}
