// The API schema in the compact form the apps ship for graphcache (`cacheExchange({ schema })`),
// expanded in the browser by `expandGraphcacheSchema`. With it, graphcache matches `... on Error`
// in mutation results exactly and knows which member of a result union it holds instead of guessing
// from the fields present. The apps write it in their `generate` task (`kmg-graphcache-schema`), from
// the same printed SDL their gql.tada types come from, cut down to what the app's own documents
// select (`selectedBy`).
import {
  buildSchema,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  type IntrospectionTypeRef,
  introspectionFromSchema,
  isAbstractType,
  isCompositeType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { CompactGraphcacheSchema } from '#graphcache-keys.ts';

/** A field's list and non-null marks as in SDL without the type's name: `[String!]!` is `[!]!`. */
const marks = (type: IntrospectionTypeRef): string =>
  type.kind === 'NON_NULL' ? `${marks(type.ofType)}!` : type.kind === 'LIST' ? `[${marks(type.ofType)}]` : '';

/**
 * The fields `documents` (GraphQL operations and fragments) select, per type: graphcache reads the
 * schema only for what it stores. A field selected on an interface or a union is kept on each of
 * its possible types, which are what the API answers with; a union keeps all its members.
 */
export function selectedBy(schema: GraphQLSchema, documents: string[]): Map<string, Set<string>> {
  const selected = new Map<string, Set<string>>();
  const keep = (type: GraphQLNamedType | null | undefined, field?: string) => {
    if (!type || !isCompositeType(type)) return;
    const fields = selected.get(type.name) ?? new Set<string>();
    selected.set(type.name, fields);
    if (field) fields.add(field);
    if (isAbstractType(type)) for (const possible of schema.getPossibleTypes(type)) keep(possible, field);
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()])
    keep(root);
  for (const document of documents) {
    const typeInfo = new TypeInfo(schema);
    const enter = () => keep(getNamedType(typeInfo.getType()));
    visit(
      parse(document),
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          if (node.name.value !== '__typename') keep(typeInfo.getParentType(), node.name.value);
          enter();
        },
        InlineFragment: enter,
        FragmentDefinition: enter,
      }),
    );
  }
  return selected;
}

/**
 * The printed SDL (`packages/graphql/schema.graphql`) as the apps ship it to graphcache; with the
 * app's `documents`, only the types and fields they select (and every kept type's `id`, by which
 * graphcache keys it).
 */
export function toGraphcacheSchema(sdl: string, documents?: string[]): CompactGraphcacheSchema {
  const built = buildSchema(sdl);
  const selected = documents && selectedBy(built, documents);
  const { __schema: schema } = introspectionFromSchema(built);
  const types: CompactGraphcacheSchema['types'] = {};
  for (const type of schema.types) {
    if (type.name.startsWith('__')) continue;
    const fieldsOf = selected?.get(type.name);
    if (selected && !fieldsOf) continue;
    if (type.kind === 'OBJECT' || type.kind === 'INTERFACE') {
      types[type.name] = {
        kind: type.kind,
        interfaces: type.interfaces
          .map((entry) => entry.name)
          .filter((name) => !selected || selected.has(name)),
        fields: type.fields
          .filter((field) => !fieldsOf || field.name === 'id' || fieldsOf.has(field.name))
          .map((field) => `${field.name}${marks(field.type)}`)
          .join(' '),
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
