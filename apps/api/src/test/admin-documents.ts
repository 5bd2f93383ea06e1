// The GraphQL documents the admin console sends, read from its source: a test that counts what a
// screen costs runs exactly what the screen asks for, and follows it when a fragment changes.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const adminSource = fileURLToPath(new URL('../../../admin/src/', import.meta.url));

let definitions: Promise<Map<string, string>> | undefined;

/** Every query, mutation and fragment written in a `graphql(` call of the admin app, by name. */
async function readDefinitions(): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  const files = (await readdir(adminSource, { recursive: true })).filter((file) => /\.tsx?$/.test(file));
  for (const file of files) {
    const source = await readFile(join(adminSource, file), 'utf8');
    for (const [, text = ''] of source.matchAll(/graphql\(\s*`([^`]*)`/g)) {
      const name = /^\s*(?:query|mutation|fragment)\s+(\w+)/.exec(text)?.[1];
      // `@_unmask` is gql.tada's own directive, for types only: it strips it before sending.
      if (name) byName.set(name, text.replace(/\s*@_unmask\b/g, '').trim());
    }
  }
  return byName;
}

/**
 * The document the admin app sends for a named operation: the operation and every fragment it
 * spreads, directly or through other fragments (what gql.tada puts on the wire).
 */
export async function adminDocument(operation: string): Promise<string> {
  definitions ??= readDefinitions();
  const byName = await definitions;
  const included: string[] = [];
  const include = (name: string) => {
    if (included.includes(name)) return;
    const text = byName.get(name);
    if (!text) throw new Error(`the admin app defines no GraphQL operation or fragment named ${name}`);
    included.push(name);
    for (const [, spread = ''] of text.matchAll(/\.\.\.\s*(\w+)/g)) if (spread !== 'on') include(spread);
  };
  include(operation);
  return included.map((name) => byName.get(name)).join('\n\n');
}
