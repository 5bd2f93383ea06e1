#!/usr/bin/env node
// kmg-graphcache-schema <schema.graphql> <output.json>: part of each app's `generate` task.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { toGraphcacheSchema } from '#graphcache-schema.ts';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: kmg-graphcache-schema <schema.graphql> <output.json>');
  process.exit(64);
}
const target = resolve(output);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(toGraphcacheSchema(readFileSync(resolve(input), 'utf8')))}\n`);
console.log(`✓ graphcache schema written to ${target}`);
