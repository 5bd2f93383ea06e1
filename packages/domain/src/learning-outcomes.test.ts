import { describe, expect, it } from 'vitest';
import { learningOutcomeRows } from '#learning-outcomes.ts';

describe('learningOutcomeRows', () => {
  it('keys the outcomes LO1, LO2... in the order given', () => {
    expect(learningOutcomeRows(['Mengelas sambungan tumpul', 'Membaca gambar kerja'])).toEqual([
      { code: 'LO1', textId: 'Mengelas sambungan tumpul', textEn: null, position: 0 },
      { code: 'LO2', textId: 'Membaca gambar kerja', textEn: null, position: 1 },
    ]);
  });

  it('gives no rows for no outcomes', () => {
    expect(learningOutcomeRows([])).toEqual([]);
  });
});
