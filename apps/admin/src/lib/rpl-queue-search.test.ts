import { describe, expect, it } from 'vitest';
import {
  defaultRplQueueSearch,
  isFiltered,
  type RplQueueSearch,
  readRplQueueSearch,
  rplQueueVariables,
  writeRplQueueSearch,
} from '#lib/rpl-queue-search.ts';

const read = (search: string) => readRplQueueSearch(new URLSearchParams(search));

describe('readRplQueueSearch', () => {
  it('opens on "my work" with no filter', () => {
    expect(read('')).toEqual(defaultRplQueueSearch);
  });

  it.each([
    ['tampilan=saya', 'MINE'],
    ['tampilan=belum-ditugaskan', 'UNASSIGNED'],
    ['tampilan=terbuka', 'OPEN'],
    ['tampilan=selesai', 'CLOSED'],
    ['tampilan=OPEN', 'MINE'],
    ['tampilan=semua', 'MINE'],
  ])('reads the view from %j', (search, view) => {
    expect(read(search).view).toBe(view);
  });

  it.each([
    ['status=IN_ASSESSMENT', 'IN_ASSESSMENT'],
    ['tampilan=terbuka&status=APPEALED', 'APPEALED'],
    ['tampilan=selesai&status=DECIDED', 'DECIDED'],
    // A step the view cannot hold is dropped, as is one that is no status at all.
    ['tampilan=terbuka&status=DECIDED', null],
    ['tampilan=selesai&status=IN_ASSESSMENT', null],
    ['tampilan=belum-ditugaskan&status=SUBMITTED', null],
    ['status=DRAFT', null],
    ['status=in_assessment', null],
  ])('reads the step from %j', (search, status) => {
    expect(read(search).status).toBe(status);
  });

  it('reads an intake only with its programme', () => {
    expect(read('gelombang=I1').intakeId).toBeNull();
    expect(read('prodi=P1&gelombang=I1')).toMatchObject({ programmeId: 'P1', intakeId: 'I1' });
  });

  it('reads "overdue" only where cases can be late', () => {
    expect(read('terlambat=1').overdue).toBe(true);
    expect(read('terlambat=ya').overdue).toBe(false);
    expect(read('tampilan=selesai&terlambat=1').overdue).toBe(false);
  });
});

describe('writeRplQueueSearch', () => {
  it('writes nothing for the default view', () => {
    expect(writeRplQueueSearch(defaultRplQueueSearch).toString()).toBe('');
  });

  it('round-trips a shared view', () => {
    const search: RplQueueSearch = {
      view: 'OPEN',
      programmeId: 'UHJvZ3JhbW1lOjE=',
      intakeId: 'SW50YWtlOjE=',
      status: 'AWAITING_COMMITTEE',
      overdue: true,
    };
    const written = writeRplQueueSearch(search);
    expect(written.toString()).toBe(
      'tampilan=terbuka&prodi=UHJvZ3JhbW1lOjE%3D&gelombang=SW50YWtlOjE%3D&status=AWAITING_COMMITTEE&terlambat=1',
    );
    expect(readRplQueueSearch(written)).toEqual(search);
  });
});

describe('rplQueueVariables', () => {
  it("uses the API's names and leaves overdue out unless asked", () => {
    expect(rplQueueVariables(defaultRplQueueSearch)).toEqual({
      view: 'MINE',
      programmeId: null,
      intakeId: null,
      status: null,
      overdue: null,
    });
    expect(rplQueueVariables({ ...defaultRplQueueSearch, overdue: true }).overdue).toBe(true);
  });
});

describe('isFiltered', () => {
  it('is true once any filter narrows the view, whatever the view', () => {
    expect(isFiltered({ ...defaultRplQueueSearch, view: 'CLOSED' })).toBe(false);
    expect(isFiltered({ ...defaultRplQueueSearch, overdue: true })).toBe(true);
    expect(isFiltered({ ...defaultRplQueueSearch, status: 'SUBMITTED' })).toBe(true);
  });
});
