import { describe, expect, it } from 'vitest';
import { messages } from '#messages.ts';

/** Every leaf key, `admin.calls.title` style, with its value. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const leaf of leaves(value, path)) entries.set(...leaf);
    else entries.set(path, value);
  }
  return entries;
}

describe('messages', () => {
  it('has the same keys in Bahasa Indonesia and English', () => {
    expect([...leaves(messages.en).keys()].sort()).toEqual([...leaves(messages.id).keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    const english = leaves(messages.en);
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of leaves(messages.id)) {
      expect(placeholders(english.get(key)), key).toEqual(placeholders(text));
    }
  });

  it('leaves no string empty', () => {
    for (const locale of ['id', 'en'] as const) {
      const empty = [...leaves(messages[locale])].filter(
        ([, text]) => typeof text !== 'string' || text.trim() === '',
      );
      expect(empty, locale).toEqual([]);
    }
  });
});

// Every file under messages/ is read here, so one the combiner forgets, or a key two files both
// define (the later spread would silently win), fails the build.
const features = Object.entries(
  import.meta.glob<Record<string, Record<'id' | 'en', object>>>('./messages/*.ts', { eager: true }),
).flatMap(([path, exports]) => Object.values(exports).map((part) => [path.slice(2), part] as const));

describe('the feature files', () => {
  it.each(features)('%s has the same keys in both languages', (_file, part) => {
    expect([...leaves(part.en).keys()].sort()).toEqual([...leaves(part.id).keys()].sort());
  });

  it.each(['id', 'en'] as const)('define each %s key in one file only', (locale) => {
    const owners = new Map<string, string[]>();
    for (const [file, part] of features) {
      for (const key of leaves(part[locale]).keys()) owners.set(key, [...(owners.get(key) ?? []), file]);
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it.each(['id', 'en'] as const)('make up all of the %s messages together', (locale) => {
    const fromFiles = features.flatMap(([, part]) => [...leaves(part[locale]).keys()]);
    expect(fromFiles.sort()).toEqual([...leaves(messages[locale].admin).keys()].sort());
  });
});
