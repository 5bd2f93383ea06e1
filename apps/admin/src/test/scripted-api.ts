// The API as the console's cache tests need it: the printed schema answered from plain objects,
// behind the `fetch` the urql client calls. Each request is read when it is sent, as the server
// would read it; answers to queries can be held back and released later, so that a test can make
// an answer read before a save arrive after that save's own answer.
import { readFileSync } from 'node:fs';
import { buildSchema, execute, getOperationAST, parse } from 'graphql';

const schema = buildSchema(
  readFileSync(new URL('../../../../packages/graphql/schema.graphql', import.meta.url), 'utf8'),
);

/** Lets every answer already on its way, and what the cache does with it, land. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `root` answers the root fields: a value, or a function of the field's arguments (graphql-js's
 * default resolvers). Union members and interfaces are told apart by `__typename`.
 */
export function createScriptedApi(root: object) {
  const held: (() => void)[] = [];
  let holding = false;
  const sent: string[] = [];

  const fetch = async (_url: unknown, init?: { body?: unknown }): Promise<Response> => {
    const request = JSON.parse(String(init?.body)) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    const document = parse(request.query);
    const operation = getOperationAST(document, request.operationName);
    sent.push(request.operationName ?? '?');
    const result = await execute({ schema, document, variableValues: request.variables, rootValue: root });
    const answer = () =>
      new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
    if (!holding || operation?.operation !== 'query') return answer();
    return new Promise((resolve) => held.push(() => resolve(answer())));
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    /** The operations sent, by name, in order. */
    sent,
    /** From now on, answers to queries wait (they are read at once, as sent). */
    holdQueries() {
      holding = true;
    },
    /** Delivers the held answers, oldest first; later queries are answered at once. */
    async releaseQueries() {
      holding = false;
      for (const release of held.splice(0)) release();
      await settle();
    },
  };
}
