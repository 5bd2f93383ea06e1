import { describe, expect, it } from 'vitest';
import { graphcacheKeysFor } from '#graphcache-keys.ts';
import { toGraphcacheSchema } from '#graphcache-schema.ts';

const sdl = `
  type Query { call(id: ID!): Call, provinces: [Province!]! }
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
    const keys = graphcacheKeysFor(toGraphcacheSchema(sdl));
    expect(Object.keys(keys).sort()).toEqual(['ApplySuccess', 'NotFoundError', 'Province']);
    expect(keys.ApplySuccess?.({ __typename: 'ApplySuccess' })).toBeNull();
    expect(keys.Province?.({ __typename: 'Province', code: '33' })).toBe('33');
  });

  it('leaves node types and the root types to graphcache', () => {
    const keys = graphcacheKeysFor(toGraphcacheSchema(sdl));
    for (const name of ['Call', 'Query', 'Mutation', 'Error', 'ApplyResult'])
      expect(keys).not.toHaveProperty(name);
  });
});
