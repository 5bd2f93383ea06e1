import { Client, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import type { ResultOf } from '#graphql.ts';
import { cacheOptions } from '#lib/urql.ts';
import { AssignRplAssessors, RplQueuePageQuery } from '#pages/RplQueuePage.tsx';
import { createScriptedApi, settle } from '#test/scripted-api.ts';

const programme = {
  id: 'U3R1ZHlQcm9ncmFtbWU6MQ==',
  code: 'S1-PTM',
  name: 'S1 Pendidikan Teknik Mesin',
  intakes: [],
};
const people = {
  lestari: {
    userId: 'u-lestari',
    name: 'Lestari Handayani',
    role: 'ACADEMIC_ASSESSOR',
    roleLabel: 'asesor akademisi',
  },
  rudi: {
    userId: 'u-rudi',
    name: 'Rudi Setiawan',
    role: 'PRACTITIONER_ASSESSOR',
    roleLabel: 'asesor praktisi',
  },
};

type Case = { id: string; teacherName: string; participants: (typeof people)[keyof typeof people][] };

/** The queue of one university with two cases in assessment and nobody assessing them yet. */
function queueApi() {
  const cases: Case[] = [
    { id: 'UnBsQXBwbGljYXRpb246MQ==', teacherName: 'Yohanes Tanaem', participants: [] },
    { id: 'UnBsQXBwbGljYXRpb246Mg==', teacherName: 'Eko Prasetyo', participants: [] },
  ];
  const item = (entry: Case) => ({
    isOverdue: false,
    deadlines: [
      { step: 'assessment', stepLabel: 'Asesmen', dueOn: '2026-12-09', daysLeft: 7, isOverdue: false },
    ],
    case: {
      ...entry,
      caseReference: `RPL-${entry.teacherName.slice(0, 3).toUpperCase()}`,
      teacherNuptk: null,
      status: 'IN_ASSESSMENT',
      statusLabel: 'Dalam asesmen',
      programme,
      intake: { id: 'UnBsSW50YWtlOjE=', name: 'RPL Gasal 2027/2028' },
    },
  });
  return createScriptedApi({
    rplMyStaffRoles: ['COMMITTEE', 'UNIVERSITY_ADMIN'],
    managedStudyProgrammes: [programme],
    rplQueue: ({ view }: { view: string }) =>
      cases.filter((entry) => view !== 'UNASSIGNED' || entry.participants.length < 2).map(item),
    assignRplAssessors: ({
      applicationIds,
      academicId,
    }: {
      applicationIds: string[];
      academicId: string;
    }) => {
      if (academicId !== people.lestari.userId) {
        return {
          __typename: 'ValidationError',
          code: 'VALIDATION',
          message: 'Periksa kembali isian yang ditandai.',
          fieldErrors: applicationIds.map((_, index) => ({
            code: 'RPL_NOT_AN_ASSESSOR',
            path: ['applicationIds', String(index)],
            message: 'Bukan asesor akademisi untuk program studi ini.',
          })),
        };
      }
      for (const entry of cases.filter((other) => applicationIds.includes(other.id)))
        entry.participants = [people.lestari, people.rudi];
      return { __typename: 'AssignRplAssessorsSuccess', data: applicationIds.length };
    },
  });
}

/** The queue page as the console holds it: the app's cache, one view open. */
async function openQueue(api: ReturnType<typeof queueApi>, view: 'UNASSIGNED' | 'OPEN') {
  const client = new Client({
    url: 'http://kmg.test/graphql',
    preferGetMethod: false,
    fetch: api.fetch,
    exchanges: [cacheExchange(cacheOptions), fetchExchange],
  });
  let data: ResultOf<typeof RplQueuePageQuery> | undefined;
  client
    .query(RplQueuePageQuery, { view, programmeId: null, intakeId: null, status: null, overdue: null })
    .subscribe((result) => {
      if (result.data) data = result.data;
    });
  await settle();
  return {
    assign: (applicationIds: string[], academicId: string) =>
      client
        .mutation(AssignRplAssessors, {
          applicationIds,
          academicId,
          practitionerId: people.rudi.userId,
          roundRobin: false,
        })
        .toPromise(),
    shown: () => data?.rplQueue.map((entry) => [entry.case.teacherName, entry.case.participants.length]),
  };
}

describe('RplQueuePage', () => {
  it('reads the queue again after assigning, so assigned cases leave "no assessors"', async () => {
    const api = queueApi();
    const page = await openQueue(api, 'UNASSIGNED');
    expect(page.shown()).toEqual([
      ['Yohanes Tanaem', 0],
      ['Eko Prasetyo', 0],
    ]);
    const result = await page.assign(['UnBsQXBwbGljYXRpb246MQ=='], people.lestari.userId);
    await settle();
    await settle();
    expect(result.data?.assignRplAssessors.__typename).toBe('AssignRplAssessorsSuccess');
    expect(page.shown()).toEqual([['Eko Prasetyo', 0]]);
    expect(api.sent).toEqual(['RplQueuePage', 'AssignRplAssessors', 'RplQueuePage']);
  });

  it('leaves the queue as it is when the API refuses, with an error naming each case', async () => {
    const api = queueApi();
    const page = await openQueue(api, 'OPEN');
    const result = await page.assign(['UnBsQXBwbGljYXRpb246MQ==', 'UnBsQXBwbGljYXRpb246Mg=='], 'u-someone');
    await settle();
    const outcome = result.data?.assignRplAssessors;
    expect(outcome?.__typename).toBe('ValidationError');
    expect(outcome && 'fieldErrors' in outcome ? outcome.fieldErrors.map((error) => error.path) : []).toEqual(
      [
        ['applicationIds', '0'],
        ['applicationIds', '1'],
      ],
    );
    expect(page.shown()).toEqual([
      ['Yohanes Tanaem', 0],
      ['Eko Prasetyo', 0],
    ]);
    expect(api.sent).toEqual(['RplQueuePage', 'AssignRplAssessors']);
  });
});
