// The API schema in the minified introspection form graphcache reads (`cacheExchange({ schema })`).
// With it, graphcache matches `... on Error` in mutation results exactly and knows which member of a
// result union it holds instead of guessing from the fields present. The apps write it in their
// `generate` task (`kmg-graphcache-schema`), from the same printed SDL their gql.tada types come from.
import {
  buildSchema,
  type IntrospectionField,
  type IntrospectionType,
  type IntrospectionTypeRef,
  introspectionFromSchema,
} from 'graphql';
import type { GraphcacheSchema } from '#graphcache-keys.ts';

const ref = (type: IntrospectionTypeRef): unknown =>
  type.kind === 'NON_NULL' || type.kind === 'LIST'
    ? { kind: type.kind, ofType: ref(type.ofType) }
    : { kind: type.kind, name: type.name };

const named = ({ kind, name }: { kind: string; name: string }) => ({ kind, name });

const field = (entry: IntrospectionField) => ({
  name: entry.name,
  type: ref(entry.type),
  args: entry.args.map((arg) => ({ name: arg.name, type: ref(arg.type) })),
});

/** Only what graphcache reads: names, kinds, field types, and which types implement what. */
function minify(type: IntrospectionType) {
  switch (type.kind) {
    case 'OBJECT':
      return { ...named(type), interfaces: type.interfaces.map(named), fields: type.fields.map(field) };
    case 'INTERFACE':
      return {
        ...named(type),
        interfaces: type.interfaces.map(named),
        possibleTypes: type.possibleTypes.map(named),
        fields: type.fields.map(field),
      };
    case 'UNION':
      return { ...named(type), possibleTypes: type.possibleTypes.map(named) };
    default:
      return named(type);
  }
}

/** The printed SDL (`packages/graphql/schema.graphql`) as graphcache's minified introspection. */
export function toGraphcacheSchema(sdl: string): GraphcacheSchema {
  const { __schema: schema } = introspectionFromSchema(buildSchema(sdl));
  return {
    __schema: {
      queryType: { name: schema.queryType.name },
      mutationType: schema.mutationType ? { name: schema.mutationType.name } : null,
      subscriptionType: schema.subscriptionType ? { name: schema.subscriptionType.name } : null,
      types: schema.types.filter((type) => !type.name.startsWith('__')).map(minify),
    },
  };
}
