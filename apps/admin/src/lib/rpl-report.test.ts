import { describe, expect, it } from 'vitest';
import {
  meanDaysPerStep,
  readReportSearch,
  reportDownloadUrl,
  sksBands,
  statusCounts,
  writeReportSearch,
} from '#lib/rpl-report.ts';

const programmeUuid = '01a2378b-479e-746b-8a55-1671955ad235';
const intakeUuid = '01a2378b-48a2-7691-abd0-1466c6593a89';
const programmeId = btoa(`StudyProgramme:${programmeUuid}`);
const intakeId = btoa(`RplIntake:${intakeUuid}`);

describe('report search', () => {
  it('reads and writes the filters in the URL', () => {
    const params = writeReportSearch({ programmeId, intakeId });
    expect(params.get('programme')).toBe(programmeId);
    expect(readReportSearch(params)).toEqual({ programmeId, intakeId });
    expect(writeReportSearch({ programmeId: null, intakeId: null }).toString()).toBe('');
    expect(readReportSearch(new URLSearchParams('programme=&intake='))).toEqual({
      programmeId: null,
      intakeId: null,
    });
  });
});

describe('reportDownloadUrl', () => {
  it.each([
    [
      'csv',
      'assessors',
      { programmeId, intakeId },
      'id',
      `/api/rpl/reports.csv?programmeId=${programmeUuid}&intakeId=${intakeUuid}&table=assessors`,
    ],
    [
      'xlsx',
      'programmes',
      { programmeId, intakeId: null },
      'en',
      `/api/rpl/reports.xlsx?programmeId=${programmeUuid}&lang=en`,
    ],
    ['csv', 'reasons', { programmeId: null, intakeId: null }, 'id', '/api/rpl/reports.csv?table=reasons'],
    ['xlsx', 'reasons', { programmeId: null, intakeId: null }, 'id', '/api/rpl/reports.xlsx'],
  ] as const)('%s of %s with %j in %s', (format, table, search, locale, url) => {
    expect(reportDownloadUrl({ format, table, search, locale })).toBe(url);
  });
});

describe('the report’s JSON fields', () => {
  it('lists statuses in the workflow’s order, in the reader’s language', () => {
    expect(statusCounts('{"DECIDED":2,"SUBMITTED":1,"WITHDRAWN":0}', 'en')).toEqual([
      { status: 'SUBMITTED', label: 'Submitted, awaiting the completeness check', count: 1 },
      { status: 'DECIDED', label: 'Decree issued', count: 2 },
    ]);
  });

  it('reads SKS bands as given and skips what it cannot read', () => {
    expect(sksBands('[{"band":"0","count":1},{"band":"16–20","count":3},{"band":5}]')).toEqual([
      { band: '0', count: 1 },
      { band: '16–20', count: 3 },
    ]);
    expect(sksBands('not json')).toEqual([]);
  });

  it('names each status’s days by its step, leaving out the teacher’s own time', () => {
    expect(
      meanDaysPerStep('{"IN_ASSESSMENT":4.5,"SUBMITTED":1,"EVIDENCE_REQUESTED":6,"APPROVED":null}', 'id'),
    ).toEqual([
      { step: 'administrativeCheck', label: 'Pemeriksaan kelengkapan', days: 1 },
      { step: 'assessment', label: 'Asesmen', days: 4.5 },
    ]);
  });
});
