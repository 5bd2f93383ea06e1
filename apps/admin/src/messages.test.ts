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
      [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of leaves(messages.id)) {
      expect(placeholders(english.get(key)), key).toEqual(placeholders(text));
    }
  });
});
