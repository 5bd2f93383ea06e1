import { describe, expect, it } from 'vitest';
import { pathwayVersionLookupId } from '#lib/pathway-ids.ts';

const uuid = '01a23644-6b62-7785-91ec-c5213ed1d442';

describe('pathwayVersionLookupId', () => {
  it.each([
    [btoa(`PathwayVersion:${uuid}`), uuid],
    [uuid, uuid],
    [btoa(`TrainingCall:${uuid}`), btoa(`TrainingCall:${uuid}`)],
    ['not base64 %%', 'not base64 %%'],
    ['', ''],
  ])('reads %j as %j', (id, lookup) => {
    expect(pathwayVersionLookupId(id)).toBe(lookup);
  });
});
