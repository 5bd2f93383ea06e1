import { describe, expect, it } from 'vitest';
import { preparedStatementNames } from '#client.ts';

describe('preparedStatementNames', () => {
  it('names a statement from its third run on, always with the same name, and others apart', () => {
    const name = preparedStatementNames();
    expect([name('SELECT 1'), name('SELECT 1')]).toEqual(['', '']);
    const prepared = name('SELECT 1');
    expect(prepared).not.toBe('');
    expect(name('SELECT 1')).toBe(prepared);
    for (let run = 0; run < 3; run++) name('SELECT 2');
    expect(name('SELECT 2')).not.toBe(prepared);
  });

  it('never names a long statement, nor more than 500', () => {
    const name = preparedStatementNames();
    const long = `SELECT '${'x'.repeat(16_001)}'`;
    for (let run = 0; run < 5; run++) expect(name(long)).toBe('');
    const names = new Set<string>();
    for (let statement = 0; statement < 600; statement++) {
      for (let run = 0; run < 3; run++) names.add(name(`SELECT ${statement}`));
    }
    names.delete('');
    expect(names.size).toBe(500);
    expect(name('SELECT 599')).toBe('');
    expect(name('SELECT 0')).not.toBe('');
  });
});
