import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonMessages } from '@kmg/ui';
import { describe, expect, it } from 'vitest';
import { messages } from '#messages.ts';

/** Every leaf key, dotted: `learner.nav.calls`. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('messages', () => {
  it('has the same keys in Indonesian and English', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.id).sort());
  });

  it('leaves no string empty', () => {
    for (const locale of ['id', 'en'] as const) {
      const empty = keys(messages[locale]).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages[locale]);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, locale).toEqual([]);
    }
  });

  it('does not shadow the shared strings', () => {
    const shared = new Set(keys(commonMessages.id));
    expect(keys(messages.id).filter((key) => shared.has(key))).toEqual([]);
  });
});

// Every file under messages/ is read here, so one the combiner forgets, or a key two files both
// define (the later spread would silently win), fails the build.
const features = Object.entries(
  import.meta.glob<Record<string, Record<'id' | 'en', object>>>('./messages/*.ts', { eager: true }),
).flatMap(([path, exports]) => Object.values(exports).map((part) => [path.slice(2), part] as const));

describe('the feature files', () => {
  it.each(features)('%s has the same keys in both languages', (_file, part) => {
    expect(keys(part.en).sort()).toEqual(keys(part.id).sort());
  });

  it.each(['id', 'en'] as const)('define each %s key in one file only', (locale) => {
    const owners = new Map<string, string[]>();
    for (const [file, part] of features) {
      for (const key of keys(part[locale])) owners.set(key, [...(owners.get(key) ?? []), file]);
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it.each(['id', 'en'] as const)('make up all of the %s messages together', (locale) => {
    const fromFiles = features.flatMap(([, part]) => keys(part[locale]));
    expect(fromFiles.sort()).toEqual(keys(messages[locale].learner).sort());
  });
});

/** Source files of the app, for the keys they ask for. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the strings the app asks for', () => {
  it('exist, counted ones with their plural forms', () => {
    const known = new Set(keys(messages.id));
    const used = sources(import.meta.dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('(learner\.[\w.]+)'/g)].map((match) => match[1] ?? ''),
    );
    expect(used.length).toBeGreaterThan(50);
    const missing = used.filter((key) => !known.has(key) && !known.has(`${key}_other`));
    expect(missing).toEqual([]);
  });
});

describe('the verification checks', () => {
  // `VerificationCheck.code` is a stable enum: every value the API can send has words in both
  // languages, under the check that reports it (`valid` reads differently for each check).
  const schema = readFileSync(join(import.meta.dirname, '../../../packages/graphql/schema.graphql'), 'utf8');
  const codes = /enum VerificationCheckCode \{([^}]*)\}/.exec(schema)?.[1]?.trim().split(/\s+/) ?? [];

  it.each(['id', 'en'] as const)('word every code of the schema in %s', (locale) => {
    expect(codes.length).toBeGreaterThan(20);
    const worded = new Set(
      Object.values(messages[locale].learner.verify.checks).flatMap((texts) => Object.keys(texts)),
    );
    expect(codes.filter((code) => !worded.has(code))).toEqual([]);
  });
});
