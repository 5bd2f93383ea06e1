import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;
let production: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  production = await startTestApi({ isProduction: true });
});
afterAll(async () => {
  await api?.close();
  await production?.close();
});

describe('GraphQL hardening', () => {
  it('refuses queries nested deeper than the limit', async () => {
    const deep = `query { trainingCalls(first: 1) { edges { node { provider { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }`;
    const result = await api.client().gql(deep);
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
    expect(result.data ?? null).toBeNull();
  });

  it('refuses very large aliased queries', async () => {
    const aliases = Array.from({ length: 30 }, (_, index) => `a${index}: skillAreas { name }`).join(' ');
    const result = await api.client().gql(`query { ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('turns introspection off in production and keeps it for development tools', async () => {
    const query = `query { __schema { queryType { name } } }`;
    expect((await api.client().gql(query)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const refused = await production.client().gql(query);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('sends security headers with every response', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
