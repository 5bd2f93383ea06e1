import { describe, expect, it } from 'vitest';
import {
  chooseCredential,
  clearEvaluation,
  draftFromApplication,
  evaluate,
  evaluationIssue,
  evaluationProgress,
  forgetEvidence,
  formatLimitValue,
  groupBySemester,
  isEditable,
  isSameDraft,
  isWithdrawable,
  liveApplicationFor,
  orderRplApplications,
  type RplDraft,
  rawIdOf,
  readVerification,
  toDraftInput,
} from '#lib/rpl-draft.ts';

const draft: RplDraft = {
  credentialIds: ['c1', 'c2'],
  externalCredentialIds: ['x1'],
  evaluations: {
    o1: { level: 'VERY_GOOD', credentialIds: ['c1', 'x1'], evidenceIds: ['e1'], note: '' },
    o2: { level: 'GOOD', credentialIds: ['c1'], evidenceIds: [], note: ' sudah mengajar 5 tahun ' },
    o3: { level: null, credentialIds: ['c2'], evidenceIds: [], note: '' },
  },
};

describe('draftFromApplication', () => {
  it('splits wallet and imported credentials and keys the self-evaluation by outcome', () => {
    expect(
      draftFromApplication({
        credentials: [
          { credential: { credentialId: 'c1' }, externalCredentialId: null },
          { credential: null, externalCredentialId: 'x1' },
        ],
        selfEvaluations: [
          { outcomeId: 'o1', level: 'GOOD', credentialIds: ['c1'], evidenceIds: [], note: null },
        ],
      }),
    ).toEqual({
      credentialIds: ['c1'],
      externalCredentialIds: ['x1'],
      evaluations: { o1: { level: 'GOOD', credentialIds: ['c1'], evidenceIds: [], note: '' } },
    });
  });
});

describe('chooseCredential', () => {
  it('adds a wallet credential once', () => {
    const next = chooseCredential(draft, { id: 'c1', isImported: false, isChosen: true });
    expect(next.credentialIds).toEqual(['c2', 'c1']);
  });

  it('takes an imported credential back out of every outcome it supported', () => {
    const next = chooseCredential(draft, { id: 'x1', isImported: true, isChosen: false });
    expect(next.externalCredentialIds).toEqual([]);
    expect(next.evaluations.o1?.credentialIds).toEqual(['c1']);
  });

  it('takes a wallet credential back out of every outcome it supported', () => {
    const next = chooseCredential(draft, { id: 'c1', isImported: false, isChosen: false });
    expect(next.credentialIds).toEqual(['c2']);
    expect(next.evaluations.o2?.credentialIds).toEqual([]);
  });
});

describe('forgetEvidence', () => {
  it('drops a deleted file from every outcome', () => {
    expect(forgetEvidence(draft, 'e1').evaluations.o1?.evidenceIds).toEqual([]);
  });
});

describe('toDraftInput', () => {
  it('sends evaluated outcomes only, with notes trimmed or null', () => {
    expect(toDraftInput(draft).selfEvaluations).toEqual([
      { outcomeId: 'o1', level: 'VERY_GOOD', credentialIds: ['c1', 'x1'], evidenceIds: ['e1'], note: null },
      {
        outcomeId: 'o2',
        level: 'GOOD',
        credentialIds: ['c1'],
        evidenceIds: [],
        note: 'sudah mengajar 5 tahun',
      },
    ]);
  });
});

describe('isSameDraft', () => {
  it('ignores order and outcomes without a level', () => {
    const reordered: RplDraft = {
      ...clearEvaluation(draft, 'o3'),
      credentialIds: ['c2', 'c1'],
    };
    expect(isSameDraft(draft, reordered)).toBe(true);
  });

  it('sees a changed level', () => {
    expect(isSameDraft(draft, evaluate(draft, 'o2', { level: 'VERY_GOOD' }))).toBe(false);
  });
});

describe('evaluationIssue', () => {
  it.each([
    [undefined, 'missingLevel'],
    [{ level: null, credentialIds: ['c1'], evidenceIds: [], note: '' }, 'missingLevel'],
    [{ level: 'GOOD', credentialIds: [], evidenceIds: [], note: '' }, 'needsSupport'],
    [{ level: 'VERY_GOOD', credentialIds: [], evidenceIds: ['e1'], note: '' }, null],
    [{ level: 'NEVER', credentialIds: [], evidenceIds: [], note: '' }, null],
  ] as const)('for %o is %s', (entry, issue) => {
    expect(
      evaluationIssue(
        entry && { ...entry, credentialIds: [...entry.credentialIds], evidenceIds: [...entry.evidenceIds] },
      ),
    ).toBe(issue);
  });
});

describe('evaluationProgress', () => {
  it('counts the outcomes done and points at the first open one', () => {
    expect(evaluationProgress(draft, ['o1', 'o3', 'o4'])).toEqual({ done: 1, total: 3, firstOpen: 'o3' });
  });
});

describe('isEditable', () => {
  it.each([
    ['DRAFT', true],
    ['EVIDENCE_REQUESTED', true],
    ['SUBMITTED', false],
    ['IN_ASSESSMENT', false],
    ['AWAITING_COMMITTEE', false],
    ['AWAITING_VALIDATION', false],
    ['APPROVED', false],
    ['DECIDED', false],
    ['APPEALED', false],
    ['WITHDRAWN', false],
  ] as const)('%s: %s', (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});

describe('liveApplicationFor', () => {
  it('finds the application still in play for the intake, not a withdrawn one', () => {
    const applications = [
      { id: 'a1', status: 'WITHDRAWN', intake: { id: 'i1' } },
      { id: 'a2', status: 'SUBMITTED', intake: { id: 'i1' } },
      { id: 'a3', status: 'DRAFT', intake: { id: 'i2' } },
    ] as const;
    expect(liveApplicationFor(applications, 'i1')?.id).toBe('a2');
    expect(liveApplicationFor(applications.slice(0, 1), 'i1')).toBeNull();
  });
});

describe('readVerification', () => {
  it('names the checks that failed', () => {
    const json = JSON.stringify({
      checks: { proof: true, status: true, validAtCutoff: false, recipient: true },
      detail: 'expired',
      cutoffDate: '2026-08-31',
    });
    expect(readVerification(json)).toEqual({
      failed: ['validAtCutoff'],
      cutoffDate: '2026-08-31',
      detail: 'expired',
    });
  });

  it.each([null, '', 'not json', '42'])('reads %o as no result', (json) => {
    expect(readVerification(json)).toBeNull();
  });
});

describe('groupBySemester', () => {
  it('orders semesters and courses by code within each', () => {
    const groups = groupBySemester([
      { semester: 2, code: 'B2' },
      { semester: 1, code: 'A2' },
      { semester: 1, code: 'A1' },
    ]);
    expect(groups).toEqual([
      {
        semester: 1,
        courses: [
          { semester: 1, code: 'A1' },
          { semester: 1, code: 'A2' },
        ],
      },
      { semester: 2, courses: [{ semester: 2, code: 'B2' }] },
    ]);
  });
});

describe('formatLimitValue', () => {
  it.each([
    ['0.7', '0.7'],
    ['"B"', 'B'],
    ['["FINAL_PROJECT","INTERNSHIP"]', 'FINAL_PROJECT, INTERNSHIP'],
    ['null', '—'],
    ['{"a":1}', '{"a":1}'],
    ['not json', 'not json'],
  ])('shows %s as %s', (json, text) => {
    expect(formatLimitValue(json)).toBe(text);
  });
});

describe('isWithdrawable', () => {
  it.each([
    ['DRAFT', true],
    ['SUBMITTED', true],
    ['EVIDENCE_REQUESTED', true],
    ['IN_ASSESSMENT', true],
    ['AWAITING_COMMITTEE', true],
    ['AWAITING_VALIDATION', false],
    ['APPROVED', false],
    ['DECIDED', false],
    ['APPEALED', false],
    ['WITHDRAWN', false],
  ] as const)('%s: %s', (status, withdrawable) => {
    expect(isWithdrawable(status)).toBe(withdrawable);
  });
});

describe('orderRplApplications', () => {
  it('puts a request for more evidence first, then the newest, withdrawn last', () => {
    const ordered = orderRplApplications([
      { id: 'w', status: 'WITHDRAWN', updatedAt: '2026-05-05T00:00:00Z' },
      { id: 's-old', status: 'SUBMITTED', updatedAt: '2026-05-01T00:00:00Z' },
      { id: 'e', status: 'EVIDENCE_REQUESTED', updatedAt: '2026-04-01T00:00:00Z' },
      { id: 'd', status: 'DRAFT', updatedAt: '2026-05-02T00:00:00Z' },
      { id: 's-new', status: 'SUBMITTED', updatedAt: '2026-05-03T00:00:00Z' },
    ] as const);
    expect(ordered.map((application) => application.id)).toEqual(['e', 'd', 's-new', 's-old', 'w']);
  });

  it('keeps the cases at the university together, newest first, before the decided ones', () => {
    const ordered = orderRplApplications([
      { id: 'decided', status: 'DECIDED', updatedAt: '2026-06-09T00:00:00Z' },
      { id: 'assessing', status: 'IN_ASSESSMENT', updatedAt: '2026-06-01T00:00:00Z' },
      { id: 'withdrawn', status: 'WITHDRAWN', updatedAt: '2026-06-10T00:00:00Z' },
      { id: 'appealed', status: 'APPEALED', updatedAt: '2026-06-08T00:00:00Z' },
      { id: 'approved', status: 'APPROVED', updatedAt: '2026-06-02T00:00:00Z' },
    ] as const);
    expect(ordered.map((application) => application.id)).toEqual([
      'appealed',
      'approved',
      'assessing',
      'decided',
      'withdrawn',
    ]);
  });
});

describe('rawIdOf', () => {
  const uuid = '01a236ee-8870-724f-b4bc-ddc554096996';
  it('reads the database id out of a global id', () => {
    expect(rawIdOf(btoa(`CourseOutcome:${uuid}`))).toBe(uuid);
  });

  it.each([uuid, 'not-base64!', btoa('something else')])('keeps %s as it is', (id) => {
    expect(rawIdOf(id)).toBe(id);
  });
});
