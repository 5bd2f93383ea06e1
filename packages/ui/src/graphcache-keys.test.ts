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

describe("toGraphcacheSchema with the app's documents", () => {
  const documents = [
    'query CallPage($id: ID!) { call(id: $id) { ...CallTitle } }',
    'fragment CallTitle on Call { title }',
    `mutation Apply($id: ID!) {
      apply(id: $id) {
        __typename
        ... on ApplySuccess { data { id } }
        ... on Error { message }
      }
    }`,
  ];

  it('keeps only the types and fields they select, and every kept type its id', () => {
    const { types } = toGraphcacheSchema(sdl, documents);
    expect(Object.keys(types).sort()).toEqual([
      'ApplyResult',
      'ApplySuccess',
      'Call',
      'Error',
      'Mutation',
      'NotFoundError',
      'Query',
    ]);
    expect(types.Query).toMatchObject({ fields: 'call' });
    expect(types.Call).toMatchObject({ fields: 'id! title!' });
  });

  it('keeps a field selected on an interface on the types that implement it, and all of a union', () => {
    const { types } = toGraphcacheSchema(sdl, documents);
    expect(types.ApplyResult).toEqual({ kind: 'UNION', members: ['ApplySuccess', 'NotFoundError'] });
    expect(types.NotFoundError).toEqual({ kind: 'OBJECT', interfaces: ['Error'], fields: 'message!' });
    expect(types.Error).toMatchObject({ kind: 'INTERFACE', fields: 'message!' });
  });

  it('keys what it keeps as the whole schema does', () => {
    const whole = graphcacheKeysFor(expandGraphcacheSchema(toGraphcacheSchema(sdl)));
    const cut = graphcacheKeysFor(expandGraphcacheSchema(toGraphcacheSchema(sdl, documents)));
    expect(Object.keys(cut).sort()).toEqual(['ApplySuccess', 'NotFoundError', 'Province']);
    expect(Object.keys(cut).filter((name) => !(name in whole))).toEqual([]);
  });

  it('gives a union member nothing selected no fields rather than a nameless one', () => {
    const cut = toGraphcacheSchema(sdl, ['mutation Apply { apply(id: "1") { __typename } }']);
    expect(cut.types.NotFoundError).toEqual({ kind: 'OBJECT', interfaces: [], fields: '' });
    const expanded = expandGraphcacheSchema(cut).__schema.types.find((type) => type.name === 'NotFoundError');
    expect(expanded).toMatchObject({ fields: [] });
  });
});
