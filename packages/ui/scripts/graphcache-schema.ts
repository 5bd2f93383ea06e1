#!/usr/bin/env node
// kmg-graphcache-schema <schema.graphql> <output.json> [<sources>]: part of each app's `generate`
// task. With `<sources>` (the app's `src`), the schema keeps only what the app's documents select:
// every `graphql(`…`)` template in its .ts and .tsx files.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { toGraphcacheSchema } from '#graphcache-schema.ts';

const [input, output, sources] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: kmg-graphcache-schema <schema.graphql> <output.json> [<sources>]');
  process.exit(64);
}

/** The GraphQL documents written in the app's sources (gql.tada's `graphql(`…`)`, never interpolated). */
function documentsIn(folder: string): string[] {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.tsx?$/.test(file),
  );
  return files.flatMap((file) =>
    [...readFileSync(join(folder, file), 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`/g)].map((match) => {
      const document = match[1] ?? '';
      if (document.includes('${'))
        throw new Error(`${file}: a GraphQL document with \${…} cannot be read here`);
      return document;
    }),
  );
}

const documents = sources ? documentsIn(resolve(sources)) : undefined;
const target = resolve(output);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(
  target,
  `${JSON.stringify(toGraphcacheSchema(readFileSync(resolve(input), 'utf8'), documents))}\n`,
);
console.log(
  `✓ graphcache schema written to ${target}${documents ? ` (what ${documents.length} documents select)` : ''}`,
);
