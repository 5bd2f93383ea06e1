import { describe, expect, it } from 'vitest';
import { summarizePathways } from '#lib/pathway-list.ts';

const version = (pathway: string, number: number, status: string, awardCount = 0) => ({
  id: `${pathway}-v${number}`,
  version: number,
  status,
  awardCount,
  pathway: { id: pathway },
});

describe('summarizePathways', () => {
  it('shows each pathway once, in the order the API lists them', () => {
    const rows = summarizePathways([
      version('a', 1, 'PUBLISHED'),
      version('b', 2, 'PUBLISHED'),
      version('b', 1, 'RETIRED'),
    ]);
    expect(rows.map((row) => row.pathwayId)).toEqual(['a', 'b']);
  });

  it.each([
    ['a published version', [version('a', 2, 'PUBLISHED'), version('a', 1, 'RETIRED')], 'a-v2', null],
    [
      'the published version, with the newer draft pending',
      [version('a', 3, 'DRAFT'), version('a', 2, 'PUBLISHED')],
      'a-v2',
      'a-v3',
    ],
    ['a first draft', [version('a', 1, 'DRAFT')], 'a-v1', null],
    [
      'the draft that follows a retired version',
      [version('a', 3, 'DRAFT'), version('a', 2, 'RETIRED')],
      'a-v3',
      null,
    ],
    [
      'the newest of versions all retired',
      [version('a', 1, 'RETIRED'), version('a', 2, 'RETIRED')],
      'a-v2',
      null,
    ],
  ])('takes %s as current', (_case, versions, current, draft) => {
    const [row] = summarizePathways(versions);
    expect(row?.current.id).toBe(current);
    expect(row?.pendingDraft?.id ?? null).toBe(draft);
  });

  it('adds up the awards of every version', () => {
    const [row] = summarizePathways([version('a', 2, 'PUBLISHED', 3), version('a', 1, 'RETIRED', 40)]);
    expect(row?.awardCount).toBe(43);
  });
});
