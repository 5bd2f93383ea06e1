// Score descriptors and disagreement: the program manager writes what each score of a criterion
// means, the call's reviewers read it beside their scores; the manager sees where reviewers
// disagree most before committing. Each with the roles that must not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

let api: TestApi;
let mekatronika: { id: string; gid: string };

beforeAll(async () => {
  api = await startTestApi({}, { jobs: false });
  const call = await api.database.prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg-seleksi-mekatronika' },
  });
  mekatronika = { id: call.id, gid: globalId('TrainingCall', call.id) };
});
afterAll(() => api?.close());

const RUBRIC = `query ($id: ID!) { trainingCall(id: $id) { rubric { key name maxScore levels { score description } } } }`;

const UPDATE = `mutation ($callId: ID!, $input: SelectionSettingsInput!) {
  updateSelectionSettings(callId: $callId, input: $input) {
    __typename
    ... on UpdateSelectionSettingsSuccess { data { rubric { key levels { score descriptionId descriptionEn } } } }
    ... on ValidationError { fieldErrors { path code message } }
    ... on Error { code message }
  }
}`;

const DISAGREEMENTS = `query ($id: ID!, $first: Int) { trainingCall(id: $id) {
  reviewDisagreements(first: $first) {
    application { teacher { name } }
    reviewCount spread lowTotal highTotal disagrees splitOnCriterion
    widestGap { key name low high maxScore gap }
  }
} }`;

type Level = { score: number; descriptionId: string; descriptionEn: string };

/** The Mekatronika call's settings as stored, with the rubric's levels replaced per criterion. */
async function settingsInput(levels: (key: string, maxScore: number) => Level[] | undefined) {
  const call = await api.database.prisma.trainingCall.findUniqueOrThrow({ where: { id: mekatronika.id } });
  const rubric = call.rubric as {
    key: string;
    nameId: string;
    nameEn: string;
    weight: number;
    maxScore: number;
  }[];
  return {
    selectionMode: call.selectionMode,
    requiresEndorsement: call.requiresEndorsement,
    endorsementDeadline: call.endorsementDeadline?.toISOString() ?? null,
    confirmationDays: call.confirmationDays,
    eligibilityRules: call.eligibilityRules,
    minScore: call.minScore === null ? null : call.minScore / 100,
    maxPerSchool: call.maxPerSchool,
    rubric: rubric.map(({ key, nameId, nameEn, weight, maxScore }) => ({
      key,
      nameId,
      nameEn,
      weight,
      maxScore,
      levels: levels(key, maxScore),
    })),
  };
}

describe('score descriptors', () => {
  it('shows the seeded descriptors to an assigned reviewer, in the reader’s language, beside each criterion', async () => {
    const reviewer = await api.signIn(demo.selectionReviewer);
    const { trainingCall } = await reviewer.data(RUBRIC, { id: mekatronika.gid });
    const motivation = trainingCall.rubric.find(
      (criterion: { key: string }) => criterion.key === 'motivation',
    );
    expect(motivation.levels.map((level: { score: number }) => level.score)).toEqual([1, 2, 3, 4, 5]);
    expect(motivation.levels[4].description).toMatch(/^Rencana rinci/);
    const english = await api.signIn(demo.secondSelectionReviewer, { locale: 'en' });
    const read = await english.data(RUBRIC, { id: mekatronika.gid });
    expect(read.trainingCall.rubric[0].levels[4].description).toMatch(/^A detailed, measurable plan/);
  });

  it('refuses them to a reviewer not assigned to the call, to teachers and to visitors', async () => {
    const prisma = api.database.prisma;
    // Another published call with the same descriptors, which no reviewer is assigned to.
    const other = await prisma.trainingCall.findUniqueOrThrow({ where: { code: 'kmg-open-gim-edukasi' } });
    const source = await prisma.trainingCall.findUniqueOrThrow({ where: { id: mekatronika.id } });
    await prisma.trainingCall.update({ where: { id: other.id }, data: { rubric: source.rubric ?? [] } });
    expect(await prisma.callReviewer.count({ where: { callId: other.id } })).toBe(0);
    const id = globalId('TrainingCall', other.id);
    for (const client of [
      await api.signIn(demo.selectionReviewer),
      await api.signIn(demo.teacher),
      api.client(),
    ]) {
      const result = await client.gql(RUBRIC, { id });
      expect(result.errors?.length, JSON.stringify(result)).toBeGreaterThan(0);
      for (const error of result.errors ?? []) {
        expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(error.extensions?.code);
        expect(error.path?.at(-1)).toBe('levels');
      }
    }
    // The rubric itself stays public, as before descriptors.
    const names = await api
      .client()
      .data(`query ($id: ID!) { trainingCall(id: $id) { rubric { key name } } }`, {
        id,
      });
    expect(names.trainingCall.rubric).toHaveLength(3);
  });

  it('points at each bad descriptor, in Indonesian and in English, and changes nothing', async () => {
    const before = (
      await api.database.prisma.trainingCall.findUniqueOrThrow({ where: { id: mekatronika.id } })
    ).rubric;
    const input = await settingsInput((key, maxScore) =>
      key === 'motivation'
        ? [
            { score: maxScore + 1, descriptionId: 'Di luar skala', descriptionEn: 'Off the scale' },
            { score: 2, descriptionId: 'Cukup jelas', descriptionEn: '' },
            { score: 3, descriptionId: 'Rencana garis besar', descriptionEn: 'An outline plan' },
            { score: 3, descriptionId: 'Rencana lain', descriptionEn: 'Another plan' },
          ]
        : undefined,
    );
    for (const [locale, messages] of [
      ['id', ['di luar skala kriteria (0–5)', 'wajib diisi', 'sudah punya deskripsi']],
      ['en', ["outside the criterion's scale (0–5)", 'required', 'already has a descriptor']],
    ] as const) {
      const manager = await api.signIn(demo.manager, { locale });
      const { updateSelectionSettings: result } = await manager.data(UPDATE, {
        callId: mekatronika.gid,
        input,
      });
      expect(result.__typename).toBe('ValidationError');
      // Each error points at the descriptor as sent.
      expect(result.fieldErrors.map((error: { path: string[] }) => error.path.join('.')).sort()).toEqual([
        'input.rubric.0.levels.0.score',
        'input.rubric.0.levels.1.descriptionEn',
        'input.rubric.0.levels.3.score',
      ]);
      const text = result.fieldErrors.map((error: { message: string }) => error.message).join(' | ');
      for (const message of messages) expect(text.toLowerCase(), locale).toContain(message);
    }
    const after = (
      await api.database.prisma.trainingCall.findUniqueOrThrow({ where: { id: mekatronika.id } })
    ).rubric;
    expect(after).toEqual(before);
  });

  it('lets only those who manage the call write them; its reviewers read what was saved', async () => {
    const written = [
      { score: 0, descriptionId: 'Tidak menulis motivasi.', descriptionEn: 'No motivation written.' },
      {
        score: 5,
        descriptionId: 'Rencana rinci dan terukur.',
        descriptionEn: 'A detailed, measurable plan.',
      },
    ];
    const input = await settingsInput((key) => (key === 'motivation' ? written : []));
    for (const email of [demo.selectionReviewer, demo.provider, demo.teacher]) {
      const client = await api.signIn(email);
      const result = await client.gql(UPDATE, { callId: mekatronika.gid, input });
      expect(result.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
    const unchanged = await (await api.signIn(demo.selectionReviewer)).data(RUBRIC, { id: mekatronika.gid });
    expect(unchanged.trainingCall.rubric[0].levels).toHaveLength(5);

    const manager = await api.signIn(demo.manager);
    const { updateSelectionSettings: saved } = await manager.data(UPDATE, { callId: mekatronika.gid, input });
    expect(saved.__typename).toBe('UpdateSelectionSettingsSuccess');
    expect(saved.data.rubric).toEqual([
      { key: 'motivation', levels: written },
      { key: 'relevance', levels: [] },
      { key: 'experience', levels: [] },
    ]);
    const reviewer = await api.signIn(demo.selectionReviewer);
    const read = await reviewer.data(RUBRIC, { id: mekatronika.gid });
    expect(read.trainingCall.rubric[0].levels).toEqual([
      { score: 0, description: 'Tidak menulis motivasi.' },
      { score: 5, description: 'Rencana rinci dan terukur.' },
    ]);
    // Scores are still checked against the scale, descriptors or not.
    expect(read.trainingCall.rubric[1]).toMatchObject({ key: 'relevance', maxScore: 5, levels: [] });
  });
});

describe('where reviewers disagree most', () => {
  it('shows the manager the applications with the widest spread first, with the figures behind it', async () => {
    const manager = await api.signIn(demo.manager);
    const { trainingCall } = await manager.data(DISAGREEMENTS, { id: mekatronika.gid, first: 3 });
    const rows = trainingCall.reviewDisagreements;
    expect(rows).toHaveLength(3);
    // Yohanes: 76.67 against 30 points; motivation 5 against 1 out of 5.
    expect(rows[0]).toEqual({
      application: { teacher: { name: expect.stringMatching(/^Yohanes/) } },
      reviewCount: 2,
      spread: 46.67,
      lowTotal: 30,
      highTotal: 76.67,
      disagrees: true,
      splitOnCriterion: true,
      widestGap: {
        key: 'motivation',
        name: 'Motivasi dan rencana pengimbasan',
        low: 1,
        high: 5,
        maxScore: 5,
        gap: 80,
      },
    });
    // Rudi: exactly 20 points apart, not yet flagged; the rest agree more.
    expect(rows[1]).toMatchObject({
      application: { teacher: { name: expect.stringMatching(/^Rudi/) } },
      spread: 20,
      disagrees: false,
      widestGap: { key: 'motivation', gap: 40 },
    });
    expect(rows[2].spread).toBeLessThanOrEqual(20);
  });

  it('is for those who manage the call: admins read it; provider staff, reviewers and teachers are refused', async () => {
    const admin = await api.signIn(demo.admin, { locale: 'en' });
    const { trainingCall } = await admin.data(DISAGREEMENTS, { id: mekatronika.gid });
    expect(trainingCall.reviewDisagreements[0].widestGap.name).toBe('Motivation and cascading plan');
    for (const email of [demo.provider, demo.selectionReviewer, demo.teacher]) {
      const client = await api.signIn(email);
      const result = await client.gql(DISAGREEMENTS, { id: mekatronika.gid });
      expect(result.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.path?.at(-1), email).toBe('reviewDisagreements');
    }
    const visitor = await api.client().gql(DISAGREEMENTS, { id: mekatronika.gid });
    expect(visitor.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
