// The API schema in the compact form the apps ship for graphcache (`cacheExchange({ schema })`),
// expanded in the browser by `expandGraphcacheSchema`. With it, graphcache matches `... on Error`
// in mutation results exactly and knows which member of a result union it holds instead of guessing
// from the fields present. The apps write it in their `generate` task (`kmg-graphcache-schema`), from
// the same printed SDL their gql.tada types come from.
import { buildSchema, type IntrospectionTypeRef, introspectionFromSchema } from 'graphql';
import type { CompactGraphcacheSchema } from '#graphcache-keys.ts';

/** A field's list and non-null marks as in SDL without the type's name: `[String!]!` is `[!]!`. */
const marks = (type: IntrospectionTypeRef): string =>
  type.kind === 'NON_NULL' ? `${marks(type.ofType)}!` : type.kind === 'LIST' ? `[${marks(type.ofType)}]` : '';

/** The printed SDL (`packages/graphql/schema.graphql`) as the apps ship it to graphcache. */
export function toGraphcacheSchema(sdl: string): CompactGraphcacheSchema {
  const { __schema: schema } = introspectionFromSchema(buildSchema(sdl));
  const types: CompactGraphcacheSchema['types'] = {};
  for (const type of schema.types) {
    if (type.name.startsWith('__')) continue;
    if (type.kind === 'OBJECT' || type.kind === 'INTERFACE') {
      types[type.name] = {
        kind: type.kind,
        interfaces: type.interfaces.map((entry) => entry.name),
        fields: type.fields.map((field) => `${field.name}${marks(field.type)}`).join(' '),
      };
    } else if (type.kind === 'UNION') {
      types[type.name] = { kind: 'UNION', members: type.possibleTypes.map((entry) => entry.name) };
    }
  }
  return {
    query: schema.queryType.name,
    mutation: schema.mutationType?.name ?? null,
    subscription: schema.subscriptionType?.name ?? null,
    types,
  };
}
