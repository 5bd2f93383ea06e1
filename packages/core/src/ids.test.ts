import { describe, expect, it } from 'vitest';
import { decodeId, newId } from '#ids.ts';

describe('newId', () => {
  it('is a version 7 UUID carrying its millisecond time, ordered by it', () => {
    const at = Date.UTC(2026, 11, 4, 22, 20, 0, 123);
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    expect(decodeId(id)).toBe(id);
    expect(newId(at) < newId(at + 1)).toBe(true);
  });

  it('never repeats', () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(at)));
    expect(ids.size).toBe(10_000);
  });
});
