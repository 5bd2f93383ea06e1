// The programme dashboard (issue 14): every figure on a small known year equals a hand count (the
// dataset and its counts are drawn in test/dashboard-fixtures.ts), each role sees only its own
// numbers, and the CSV and XLSX exports hold the page's numbers.
import { refreshDashboardFacts } from '@kmg/core/dashboard/facts';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboardFixture, DASHBOARD_YEAR } from '#test/dashboard-fixtures.ts';
import { demo, globalId } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';
import { parseCsv } from '#test/rpl-review-fixtures.ts';

const DASHBOARD = `query Dashboard($year: Int, $skillAreaId: String, $province: String, $providerId: String) {
  dashboard(year: $year, skillAreaId: $skillAreaId, province: $province, providerId: $providerId) {
    scope
    funnel { stage label definition count }
    tables { name title header rows }
  }
}`;
const SCHOOL = `query School($year: Int) { schoolFigures(year: $year) { stage count } }`;

type Table = { name: string; title: string; header: string[]; rows: (string | number | null)[][] };
type View = { scope: string; funnel: Record<string, number>; tables: Record<string, Table> };

let api: TestApi;
let manager: TestClient;
let managerEn: TestClient;
let unggulStaff: TestClient;
let inlastekStaff: TestClient;
let principal: TestClient;
let teacher: TestClient;
let fixture: Awaited<ReturnType<typeof buildDashboardFixture>>;

beforeAll(async () => {
  api = await startTestApi();
  fixture = await buildDashboardFixture(api);
  [manager, managerEn, unggulStaff, inlastekStaff, principal, teacher] = await Promise.all([
    api.signIn(demo.manager),
    api.signIn(demo.manager, { locale: 'en' }),
    api.signIn(demo.provider),
    api.signIn(demo.otherProvider),
    api.signIn(demo.principal),
    api.signIn(demo.teacher),
  ]);
});
afterAll(async () => {
  await api?.close();
});

async function view(client: TestClient, variables: Record<string, unknown> = {}): Promise<View> {
  const { dashboard } = await client.data(DASHBOARD, { year: DASHBOARD_YEAR, ...variables });
  return {
    scope: dashboard.scope,
    funnel: Object.fromEntries(
      dashboard.funnel.map((s: { stage: string; count: number }) => [s.stage, s.count]),
    ),
    tables: Object.fromEntries(
      dashboard.tables.map((t: Table & { rows: string }) => [t.name, { ...t, rows: JSON.parse(t.rows) }]),
    ),
  };
}

/** A table's rows keyed by their first cell. */
const byLabel = (table: Table | undefined) =>
  Object.fromEntries((table?.rows ?? []).map((row) => [row[0], row.slice(1)]));

describe('the funnel', () => {
  it('counts every stage of the year as the definitions say', async () => {
    const { funnel, tables } = await view(manager);
    expect(funnel).toEqual({
      calls: 3,
      seats: 15,
      applications: 10,
      eligible: 10,
      endorsed: 8,
      selected: 6,
      confirmed: 5,
      attended: 4,
      completed: 2,
      credentials: 2,
      pathways: 1,
      rplSks: 6,
      disseminationReported: 3,
      disseminationVerified: 1,
      teachersReached: 12,
      studentsReached: 30,
    });
    // The table says how each stage is counted, beside its number.
    expect(tables.funnel?.header).toEqual(['Tahap', 'Jumlah', 'Cara menghitung']);
    expect(tables.funnel?.rows[0]?.[2]).toMatch(/tidak dibatalkan/);
  });

  it('never widens on the demo data, whose seeded applications skipped some timestamps', async () => {
    const { dashboard } = await manager.data(DASHBOARD, {});
    const count = Object.fromEntries(
      dashboard.funnel.map((s: { stage: string; count: number }) => [s.stage, s.count]),
    );
    const stages = ['applications', 'eligible', 'endorsed', 'selected', 'confirmed', 'attended', 'completed'];
    for (const [index, stage] of stages.slice(1).entries())
      expect(count[stage], stage).toBeLessThanOrEqual(count[stages[index] as string]);
    expect(count.credentials).toBeGreaterThan(0);
  });

  it('narrows to a skill area, a province or a provider', async () => {
    const welding = await view(manager, { skillAreaId: fixture.welding.id });
    expect([
      welding.funnel.calls,
      welding.funnel.seats,
      welding.funnel.applications,
      welding.funnel.completed,
    ]).toEqual([1, 3, 6, 1]);
    // Province 33: calls held there (C2), applicants from its schools (T1-T3: five applications).
    const central = await view(manager, { province: '33' });
    expect([
      central.funnel.calls,
      central.funnel.seats,
      central.funnel.applications,
      central.funnel.completed,
    ]).toEqual([1, 2, 5, 2]);
    const inlastek = await view(manager, { providerId: fixture.inlastek.id });
    expect([inlastek.funnel.calls, inlastek.funnel.applications, inlastek.funnel.credentials]).toEqual([
      1, 4, 1,
    ]);
  });

  it('answers a malformed filter with a plain message, not a failure', async () => {
    const result = await manager.gql(DASHBOARD, { skillAreaId: 'not-an-id' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe('Pengenal tidak valid.');
  });
});

describe('the breakdowns', () => {
  it('split applications by skill area and provider, with their calls and seats', async () => {
    const { tables } = await view(manager);
    expect(tables.skillArea?.header).toEqual([
      'Bidang keahlian',
      'Panggilan',
      'Kursi',
      'Pendaftaran',
      'Terpilih',
      'Terkonfirmasi',
      'Lulus',
      'Kredensial',
    ]);
    expect(byLabel(tables.skillArea)).toEqual({
      'Teknik Pengelasan': [1, 3, 6, 4, 3, 1, 1],
      Robotika: [2, 12, 4, 2, 2, 1, 1],
    });
    expect(byLabel(tables.provider)).toEqual({
      'Inlastek Welding Institute': [1, 2, 4, 2, 2, 1, 1],
      'PT Unggul Semesta': [2, 13, 6, 4, 3, 1, 1],
    });
  });

  it('split them by school status, gender (not stated its own row) and region', async () => {
    const { tables } = await view(manager);
    expect(byLabel(tables.schoolStatus)).toEqual({ Negeri: [5, 3, 3, 2, 2], Swasta: [5, 3, 2, 0, 0] });
    expect(byLabel(tables.gender)).toEqual({
      Perempuan: [6, 3, 3, 1, 1],
      'Laki-laki': [2, 2, 1, 0, 0],
      'Tidak dinyatakan': [2, 1, 1, 1, 1],
    });
    expect(byLabel(tables.region)).toEqual({ WIB: [5, 3, 3, 2, 2], WITA: [5, 3, 2, 0, 0] });
  });
});

describe('the equity view', () => {
  it('lists every province with applicants, calls, seats and teachers trained', async () => {
    const { tables } = await view(manager);
    const provinces = byLabel(tables.provinces);
    expect(Object.keys(provinces)).toHaveLength(38);
    expect(provinces['Jawa Barat']).toEqual(['WIB', 0, 1, 3, 0, 0]);
    expect(provinces['Jawa Tengah']).toEqual(['WIB', 3, 1, 2, 1.5, 2]);
    expect(provinces['Sulawesi Selatan']).toEqual(['WITA', 3, 1, 10, 0.3, 0]);
    expect(provinces.Papua).toEqual(['WIT', 0, 0, 0, null, 0]);
  });
});

describe('per provider', () => {
  it("gives completion, Kompeten rates, revocations and teachers' ratings", async () => {
    const { tables } = await view(manager);
    expect(byLabel(tables.providers)).toEqual({
      'Inlastek Welding Institute': [1, 2, 1, 50, 1, 1, 0, 0, null, 1, 3],
      'PT Unggul Semesta': [2, 3, 1, 33.3, 1, 0, 3, 2, 60, 2, 4.5],
    });
  });

  it('gives Kompeten and Belum Kompeten rates per SKKNI unit', async () => {
    const { tables } = await view(manager);
    const [first, second] = fixture.units;
    expect(tables.units?.rows).toEqual([
      ['PT Unggul Semesta', first?.code, first?.titleId, 2, 1, 66.7, 33.3],
      ['PT Unggul Semesta', second?.code, second?.titleId, 1, 1, 50, 50],
    ]);
  });
});

describe('who sees what', () => {
  it("shows provider staff their own organisation's calls only, whatever they ask for", async () => {
    const own = await view(unggulStaff);
    expect(own.scope).toBe('provider');
    expect(own.funnel).toMatchObject({
      calls: 2,
      seats: 13,
      applications: 6,
      completed: 1,
      pathways: 1,
      rplSks: 6,
      disseminationReported: 2,
      disseminationVerified: 1,
      teachersReached: 12,
    });
    expect(Object.keys(byLabel(own.tables.providers))).toEqual(['PT Unggul Semesta']);
    const asked = await view(unggulStaff, { providerId: fixture.inlastek.id });
    expect(asked.funnel).toEqual(own.funnel);
    const other = await view(inlastekStaff);
    expect(other.funnel).toMatchObject({
      calls: 1,
      seats: 2,
      applications: 4,
      completed: 1,
      credentials: 1,
      disseminationReported: 1,
      disseminationVerified: 0,
    });
    expect(Object.keys(byLabel(other.tables.providers))).toEqual(['Inlastek Welding Institute']);
    const { dashboardOptions } = await inlastekStaff.data('{ dashboardOptions { providers { name } } }');
    expect(dashboardOptions.providers).toEqual([{ name: 'Inlastek Welding Institute' }]);
  });

  it("shows a principal their school's teachers only, and not the programme dashboard", async () => {
    const { schoolFigures } = await principal.data(SCHOOL, { year: DASHBOARD_YEAR });
    expect(schoolFigures).toEqual([
      { stage: 'applications', count: 5 },
      { stage: 'endorsed', count: 4 },
      { stage: 'selected', count: 3 },
      { stage: 'confirmed', count: 3 },
      { stage: 'completed', count: 2 },
      { stage: 'credentials', count: 2 },
      // What the school's trained teachers passed on (pengimbasan).
      { stage: 'disseminationReported', count: 3 },
      { stage: 'disseminationVerified', count: 1 },
      { stage: 'teachersReached', count: 12 },
      { stage: 'studentsReached', count: 30 },
    ]);
    expect((await principal.gql(DASHBOARD)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await principal.request('/api/dashboard.csv')).status).toBe(403);
  });

  it('refuses teachers and signed-out visitors, and managers the school summary', async () => {
    expect((await teacher.gql(DASHBOARD)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await teacher.gql(SCHOOL)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await manager.gql(SCHOOL)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.client().gql(DASHBOARD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await teacher.request('/api/dashboard.xlsx')).status).toBe(403);
    expect((await api.client().request('/api/dashboard.csv')).status).toBe(401);
  });
});

describe('the exports', () => {
  it('hold in CSV exactly the cells of every table on the page', async () => {
    const { tables } = await view(manager, { skillAreaId: fixture.welding.id });
    for (const table of Object.values(tables)) {
      const csv = await manager.request(
        `/api/dashboard.csv?year=${DASHBOARD_YEAR}&skillArea=${fixture.welding.id}&table=${table.name}`,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const [header, ...rows] = parseCsv(await csv.text());
      expect(header).toEqual(table.header);
      expect(rows).toEqual(table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
    }
  });

  it('hold in XLSX every table as a sheet, numbers as numbers, in the reader’s language', async () => {
    const { tables } = await view(managerEn);
    const xlsx = await manager.request(`/api/dashboard.xlsx?year=${DASHBOARD_YEAR}&lang=en`);
    expect(xlsx.status).toBe(200);
    const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(
      Object.values(tables).map((t) => t.title.slice(0, 31)),
    );
    for (const [index, table] of Object.values(tables).entries()) {
      const [header, ...rows] = sheets[index]?.data ?? [];
      expect(header).toEqual(table.header);
      expect(rows).toEqual(table.rows);
    }
    expect(byLabel(tables.providers)['PT Unggul Semesta']).toEqual([2, 3, 1, 33.3, 1, 0, 3, 2, 60, 2, 4.5]);
  });

  it('refuses a malformed filter with a field error', async () => {
    const response = await manager.request('/api/dashboard.csv?province=99');
    expect(response.status).toBe(400);
  });
});

describe("a teacher's gender", () => {
  const UPDATE = `mutation ($input: TeacherProfileInput!) {
    updateMyProfile(input: $input) { __typename ... on UpdateMyProfileSuccess { data { teacherProfile { gender } } } }
  }`;
  const profile = {
    name: 'Sri Wahyuni',
    subject: 'Teknik Pengelasan',
    employmentStatus: 'PNS',
    teachingSince: '2012-07-16',
    birthDate: '1987-03-21',
  };

  it('is optional: stated, changed, or taken back to not stated', async () => {
    const { me } = await teacher.data('{ me { teacherProfile { gender } } }');
    expect(me.teacherProfile.gender).toBe('FEMALE'); // the seed's
    const male = await teacher.data(UPDATE, { input: { ...profile, gender: 'MALE' } });
    expect(male.updateMyProfile.data.teacherProfile.gender).toBe('MALE');
    const unstated = await teacher.data(UPDATE, { input: { ...profile, gender: null } });
    expect(unstated.updateMyProfile.data.teacherProfile.gender).toBeNull();
    const absent = await teacher.data(UPDATE, { input: profile });
    expect(absent.updateMyProfile.data.teacherProfile.gender).toBeNull();
  });
});

describe('the summary table behind the figures', () => {
  const VERIFY = `mutation ($id: ID!) { verifyDisseminationReport(id: $id) { __typename } }`;
  const asOf = async (client: TestClient) =>
    new Date((await client.data('{ dashboardFiguresAsOf }')).dashboardFiguresAsOf).getTime();
  /** Refreshes as the queue does (only when a source changed) until it says `refreshed`. */
  const settle = (refreshed: boolean) =>
    expect
      .poll(async () => (await refreshDashboardFacts()).refreshed, { timeout: 60_000, interval: 250 })
      .toBe(refreshed);

  it('holds the last figures until the queue recomputes them, says as of when, and skips an idle database', async () => {
    // Nothing changed since the last refresh: the queue's look costs one statistics read.
    await settle(false);
    const before = await view(manager);
    const beforeAsOf = await asOf(manager);
    expect(await asOf(principal)).toBe(beforeAsOf);
    const submitted = await api.database.prisma.disseminationReport.findFirstOrThrow({
      where: { status: 'SUBMITTED', application: { call: { programme: { year: DASHBOARD_YEAR } } } },
    });
    const verified = await principal.data(VERIFY, { id: globalId('DisseminationReport', submitted.id) });
    expect(verified.verifyDisseminationReport.__typename).toBe('VerifyDisseminationReportSuccess');
    // Until the refresh, the page shows the figures as of its time, and says that time.
    expect((await view(manager)).funnel.disseminationVerified).toBe(before.funnel.disseminationVerified);
    await settle(true);
    const after = await view(manager);
    expect(after.funnel.disseminationVerified).toBe((before.funnel.disseminationVerified ?? 0) + 1);
    expect(after.funnel.teachersReached).toBe(
      (before.funnel.teachersReached ?? 0) + submitted.teachersReached,
    );
    expect(await asOf(manager)).toBeGreaterThan(beforeAsOf);
  });
});
