import { Client, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import { EvidenceList_evidence } from '#components/EvidenceList.tsx';
import { UnitAssessmentForm_assessment } from '#components/UnitAssessmentForm.tsx';
import { type ResultOf, readFragment } from '#graphql.ts';
import { cacheOptions } from '#lib/urql.ts';
import {
  CallAssessmentPageQuery,
  RecordAssessment,
  RefreshUnitAssessment,
} from '#pages/CallAssessmentPage.tsx';
import { createScriptedApi, settle } from '#test/scripted-api.ts';

const callId = 'VHJhaW5pbmdDYWxsOjE=';
const participantId = 'QXBwbGljYXRpb246MQ==';
const [programUnit, operateUnit] = [
  {
    id: '0198a000-0000-7000-8000-000000000001',
    code: 'C.282000.021.01',
    title: 'Memprogram Mesin Bubut CNC',
  },
  {
    id: '0198a000-0000-7000-8000-000000000002',
    code: 'C.282000.022.01',
    title: 'Mengoperasikan Mesin Bubut CNC',
  },
] as const;
const units = [programUnit, operateUnit];

type Row = { unitId: string; decision: string; files: string[] };

/** The API for one participant of a call with two SKKNI units; `rows` is what it has recorded. */
function deliveryApi() {
  const rows: Row[] = [];
  const assessment = (row: Row) => ({
    id: `assessment-${row.unitId}`,
    unitId: row.unitId,
    decision: row.decision,
    notes: null,
    assessedAt: '2026-07-01T03:00:00.000Z',
    evidence: row.files.map((name) => ({
      id: `evidence-${name}`,
      kind: 'FILE',
      name,
      url: `/api/evidence/${name}`,
      mimeType: 'image/png',
      size: 68,
      createdAt: '2026-07-01T03:05:00.000Z',
    })),
    application: participant(),
  });
  const participant = () => ({
    id: participantId,
    teacher: {
      id: 'VXNlcjox',
      name: 'Fajar Ramadhan',
      teacherProfile: { nuptk: '1234567890123456', school: { id: 'T3JnOjE=', name: 'SMK Negeri 1' } },
    },
    completion: () => ({
      attendancePercent: 100,
      complete: rows.length === units.length,
      passed: rows.length === units.length,
      reasons: [],
    }),
    assessments: () => rows.map(assessment),
    assessment: ({ unitId }: { unitId: string }) => {
      const row = rows.find((other) => other.unitId === unitId);
      return row ? assessment(row) : null;
    },
  });
  const api = createScriptedApi({
    trainingCall: () => ({
      id: callId,
      timeZone: 'Asia/Jakarta',
      assessmentKind: 'COMPETENCY',
      resultsStatus: 'RECORDING',
      competencyUnits: units,
      participants: () => ({ totalCount: 1, edges: [{ node: participant() }] }),
    }),
    application: () => participant(),
    recordAssessment: ({ unitId, input }: { unitId: string; input: { decision: string } }) => {
      const row = rows.find((other) => other.unitId === unitId) ?? { unitId, decision: '', files: [] };
      if (!rows.includes(row)) rows.push(row);
      row.decision = input.decision;
      return { __typename: 'RecordAssessmentSuccess', data: assessment(row) };
    },
  });
  return {
    ...api,
    /** A file attached the way the upload route does it, outside GraphQL. */
    attachFile(unitId: string, name: string) {
      rows.find((row) => row.unitId === unitId)?.files.push(name);
    },
  };
}

/** The assessment page as the console holds it: the app's cache, and what the picker shows. */
async function openAssessmentPage(api: ReturnType<typeof deliveryApi>) {
  const client = new Client({
    url: 'http://kmg.test/graphql',
    preferGetMethod: false,
    fetch: api.fetch,
    exchanges: [cacheExchange(cacheOptions), fetchExchange],
  });
  let data: ResultOf<typeof CallAssessmentPageQuery> | undefined;
  client.query(CallAssessmentPageQuery, { id: callId, first: 100 }).subscribe((result) => {
    if (result.data) data = result.data;
  });
  await settle();
  const participant = () => data?.trainingCall?.participants.edges[0]?.node;
  return {
    save: (unitId: string) =>
      client
        .mutation(RecordAssessment, { applicationId: participantId, unitId, input: { decision: 'KOMPETEN' } })
        .toPromise(),
    refreshUnit: (unitId: string) =>
      client
        .query(
          RefreshUnitAssessment,
          { applicationId: participantId, unitId },
          { requestPolicy: 'network-only' },
        )
        .toPromise(),
    /** The units the picker counts as assessed. */
    assessedUnits: () => participant()?.assessments.map((row) => row.unitId) ?? [],
    isComplete: () => participant()?.completion?.complete ?? false,
    filesOf: (unitId: string) => {
      const row = participant()?.assessments.find((other) => other.unitId === unitId);
      if (!row) return [];
      return readFragment(UnitAssessmentForm_assessment, row).evidence.map(
        (item) => readFragment(EvidenceList_evidence, item).name,
      );
    },
  };
}

describe('CallAssessmentPage', () => {
  it("counts a participant's units from each save's own answer", async () => {
    const api = deliveryApi();
    const page = await openAssessmentPage(api);
    expect(page.assessedUnits()).toEqual([]);

    await page.save(programUnit.id);
    await settle();
    expect(page.assessedUnits()).toEqual([programUnit.id]);
    expect(page.isComplete()).toBe(false);
    await page.save(operateUnit.id);
    await settle();
    expect(page.assessedUnits()).toEqual([programUnit.id, operateUnit.id]);
    expect(page.isComplete()).toBe(true);
    // Nothing was read again to get there.
    expect(api.sent).toEqual(['CallAssessmentPage', 'RecordAssessment', 'RecordAssessment']);
  });

  it('keeps the second save when anything read before it answers after it', async () => {
    const api = deliveryApi();
    const page = await openAssessmentPage(api);
    // A loaded server: whatever the first save makes the page read is read at once but answers late.
    api.holdQueries();
    await page.save(programUnit.id);
    await settle();
    await page.save(operateUnit.id);
    await settle();
    await api.releaseQueries();

    expect(page.assessedUnits()).toEqual([programUnit.id, operateUnit.id]);
    expect(page.isComplete()).toBe(true);
  });

  it("lists a unit's new files without undoing a save of another unit made meanwhile", async () => {
    const api = deliveryApi();
    const page = await openAssessmentPage(api);
    await page.save(programUnit.id);
    api.attachFile(programUnit.id, 'benda-kerja.png');

    api.holdQueries();
    const refreshed = page.refreshUnit(programUnit.id);
    await settle();
    await page.save(operateUnit.id);
    await settle();
    await api.releaseQueries();
    await refreshed;

    expect(page.assessedUnits()).toEqual([programUnit.id, operateUnit.id]);
    expect(page.isComplete()).toBe(true);
    expect(page.filesOf(programUnit.id)).toEqual(['benda-kerja.png']);
  });
});
