import { buildSchema, type IntrospectionTypeRef, introspectionFromSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { expandGraphcacheSchema, graphcacheKeysFor } from '#graphcache-keys.ts';
import { toGraphcacheSchema } from '#graphcache-schema.ts';

const sdl = `
  type Query { call(id: ID!): Call, provinces: [Province!]!, grid: [[Int]!] }
  type Mutation { apply(id: ID!): ApplyResult! }
  type Call { id: ID!, title: String!, province: Province! }
  type Province { code: String!, name: String! }
  type ApplySuccess { data: Call! }
  type NotFoundError implements Error { message: String! }
  interface Error { message: String! }
  union ApplyResult = ApplySuccess | NotFoundError
`;

describe('graphcacheKeysFor', () => {
  it('embeds every object type without an id and keys provinces by code', () => {
    const keys = graphcacheKeysFor(expandGraphcacheSchema(toGraphcacheSchema(sdl)));
    expect(Object.keys(keys).sort()).toEqual(['ApplySuccess', 'NotFoundError', 'Province']);
    expect(keys.ApplySuccess?.({ __typename: 'ApplySuccess' })).toBeNull();
    expect(keys.Province?.({ __typename: 'Province', code: '33' })).toBe('33');
  });

  it('leaves node types and the root types to graphcache', () => {
    const keys = graphcacheKeysFor(expandGraphcacheSchema(toGraphcacheSchema(sdl)));
    for (const name of ['Call', 'Query', 'Mutation', 'Error', 'ApplyResult'])
      expect(keys).not.toHaveProperty(name);
  });
});

describe('expandGraphcacheSchema', () => {
  /** A type reference as graphcache reads it: its list and non-null wrapping, not the name inside. */
  type TypeRef = { kind: string; ofType?: TypeRef };
  const shape = (type: IntrospectionTypeRef | TypeRef): unknown =>
    'ofType' in type && type.ofType ? { kind: type.kind, ofType: shape(type.ofType) } : 'named';

  /** What graphcache reads of a type: a union's members, an object's interfaces and fields. */
  const outline = (type: {
    kind: string;
    name: string;
    interfaces?: readonly { name: string }[];
    possibleTypes?: readonly { name: string }[];
    fields?: readonly { name: string; type: IntrospectionTypeRef | TypeRef }[] | null;
  }) =>
    type.kind === 'UNION'
      ? { name: type.name, members: type.possibleTypes?.map((member) => member.name) }
      : {
          name: type.name,
          kind: type.kind,
          interfaces: type.interfaces?.map((entry) => entry.name),
          fields: type.fields?.map((field) => [field.name, shape(field.type)]),
        };

  it('gives every field the nullability and lists of the SDL, and each type its interfaces and members', () => {
    const introspection = introspectionFromSchema(buildSchema(sdl)).__schema.types.filter(
      (type) => !type.name.startsWith('__') && ['OBJECT', 'INTERFACE', 'UNION'].includes(type.kind),
    );
    const expanded = expandGraphcacheSchema(toGraphcacheSchema(sdl)).__schema;
    expect(expanded.queryType).toEqual({ name: 'Query' });
    expect(expanded.mutationType).toEqual({ name: 'Mutation' });
    expect(expanded.types.map(outline)).toEqual(introspection.map(outline));
  });
});
