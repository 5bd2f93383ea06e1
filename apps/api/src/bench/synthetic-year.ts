// A synthetic programme year at national scale, for the dashboard bench (issue 14): schools in all
// 38 provinces, their teachers, calls of every provider and skill area, applications through every
// status, attendance and unit decisions, credentials and dissemination reports. Every row is a copy of a row the demo seed made (so every column a
// migration adds is filled as the seed fills it), with the columns that tell rows apart set here,
// in one INSERT … SELECT per table. Nothing here is a credential anyone should verify: the copied
// documents keep the template's signature and subject. Deterministic: the same size gives the same
// rows (PostgreSQL's random() after setseed).
import { provinces } from '@kmg/domain';
import type pg from 'pg';

export type YearSize = {
  schools: number;
  teachers: number;
  calls: number;
  applications: number;
  credentials: number;
  disseminationReports: number;
};

/** Issue 14's programme scale. */
export const programmeYear: YearSize = {
  schools: 15_000,
  teachers: 300_000,
  calls: 2_000,
  applications: 200_000,
  credentials: 40_000,
  disseminationReports: 60_000,
};

/** Marks every synthetic row's code, email or number, so they are told apart from the demo's. */
const MARK = 'syn';

/**
 * Inserts into `table` one row per row of `from` (an SQL FROM clause in which `t` is a row of the
 * same table, the template): each column is the template's unless `overrides` gives an SQL
 * expression for it.
 */
async function copyRows(
  client: pg.Client,
  table: string,
  from: string,
  overrides: Record<string, string>,
): Promise<void> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const columns = rows.map((row) => row.column_name);
  for (const column of Object.keys(overrides))
    if (!columns.includes(column)) throw new Error(`${table} has no column ${column}`);
  const select = columns.map((column) => overrides[column] ?? `t."${column}"`).join(', ');
  await client.query(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) SELECT ${select} ${from}`,
  );
}

/**
 * Copies one template row of `table` (the first matching `template`, by its first column) `count` times, the
 * series number being `i`; `joins` may add lookups by `i`.
 */
function cloneRows(
  client: pg.Client,
  table: string,
  template: string,
  count: number,
  overrides: Record<string, string>,
  joins = '',
): Promise<void> {
  return copyRows(
    client,
    table,
    `FROM generate_series(1, ${count}) AS g(i)
     CROSS JOIN (SELECT * FROM "${table}" WHERE ${template} ORDER BY 1 LIMIT 1) AS t
     ${joins}`,
    overrides,
  );
}

/** An SQL array literal of the province codes, and a skewed pick among them (Java weighs most). */
const provinceCodes = `ARRAY[${provinces.map((province) => `'${province.code}'`).join(',')}]`;
const skewedProvince = `(${provinceCodes})[1 + floor(${provinces.length} * power(random(), 1.8))::int]`;

/**
 * Numbered lookups (`n` from 1) of the rows a later table refers to, so a series number picks one
 * with a join instead of a subquery per row.
 */
async function numbered(client: pg.Client, name: string, query: string): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE ${name} AS SELECT row_number() OVER () AS n, q.* FROM (${query}) AS q`,
  );
  await client.query(`CREATE UNIQUE INDEX ON ${name} (n)`);
  await client.query(`ANALYZE ${name}`);
}

/**
 * Adds a synthetic year to a database that holds the demo seed. Returns the row counts it added.
 */
export async function generateYear(client: pg.Client, size: YearSize = programmeYear): Promise<YearSize> {
  await client.query('SELECT setseed(0.14)');
  // The template call: a completed competency call with assessed, credentialed participants
  // (the platform issues the seeded credentials when it first starts).
  const { rows: templates } = await client.query<{ id: string }>(
    `SELECT c.id FROM training_calls AS c
      WHERE c.status = 'COMPLETED' AND c.assessment_kind = 'COMPETENCY'
        AND EXISTS (SELECT 1 FROM credentials AS k JOIN applications AS a ON a.id = k.application_id
                     WHERE a.call_id = c.id AND k.kind = 'TRAINING')
        AND EXISTS (SELECT 1 FROM unit_assessments AS u JOIN applications AS a ON a.id = u.application_id
                     WHERE a.call_id = c.id)
      ORDER BY c.start_date, c.id LIMIT 1`,
  );
  const templateCall = templates[0]?.id;
  if (!templateCall)
    throw new Error(
      'the synthetic year copies a completed, credentialed call: start the platform on the database first',
    );

  // Schools: negeri or swasta (about 3 in 10 SMK are state schools), in every province.
  await cloneRows(client, 'organizations', `kind = 'SCHOOL'`, size.schools, {
    id: 'gen_random_uuid()',
    code: `'${MARK}-school-' || i`,
    name: `'SMK Sintetis ' || i`,
    short_name: 'NULL',
    npsn: `'9' || lpad(i::text, 7, '0')`,
    province: skewedProvince,
    school_status: `(CASE WHEN random() < 0.3 THEN 'NEGERI' ELSE 'SWASTA' END)::"SchoolStatus"`,
    centre_of_excellence: 'random() < 0.1',
  });
  await numbered(
    client,
    'syn_schools',
    `SELECT id, province FROM organizations WHERE code LIKE '${MARK}-school-%' ORDER BY code`,
  );

  // Teachers: a user and a teacher profile each, spread over the schools.
  await cloneRows(
    client,
    'users',
    'id IN (SELECT user_id FROM teacher_profiles)',
    size.teachers,
    {
      id: 'gen_random_uuid()',
      name: `'Guru Sintetis ' || i`,
      email: `'${MARK}-' || i || '@guru.kmg.test'`,
      username: 'NULL',
      display_username: 'NULL',
      organization_id: 's.id',
    },
    `JOIN syn_schools AS s ON s.n = 1 + (i::bigint * 7919) % ${size.schools}`,
  );
  await numbered(
    client,
    'syn_teachers',
    `SELECT id, organization_id AS school_id FROM users WHERE email LIKE '${MARK}-%@guru.kmg.test' ORDER BY id`,
  );
  await cloneRows(
    client,
    'teacher_profiles',
    'true',
    size.teachers,
    {
      user_id: 'u.id',
      nuptk: `'99' || lpad(i::text, 14, '0')`,
      school_id: 'u.school_id',
      teaching_since: `date '2000-01-01' + (random() * 8000)::int`,
    },
    'JOIN syn_teachers AS u ON u.n = i',
  );

  // Calls: every provider and skill area, run in a province; most of the year's calls are done.
  await numbered(
    client,
    'syn_providers',
    `SELECT id FROM organizations WHERE kind = 'PROVIDER' ORDER BY code`,
  );
  await numbered(client, 'syn_areas', 'SELECT id FROM skill_areas ORDER BY sort_order, code');
  const providers = await count(client, 'syn_providers');
  const areas = await count(client, 'syn_areas');
  await cloneRows(
    client,
    'training_calls',
    `id = '${templateCall}'`,
    size.calls,
    {
      id: 'gen_random_uuid()',
      code: `'${MARK}-call-' || i`,
      title: `'Pelatihan Sintetis ' || i`,
      provider_id: 'p.id',
      skill_area_id: 'a.id',
      province: skewedProvince,
      seats: '25 + i % 11',
      status: `(CASE WHEN i % 20 < 17 THEN 'COMPLETED' WHEN i % 20 < 19 THEN 'IN_TRAINING' ELSE 'OPEN' END)::"CallStatus"`,
    },
    `JOIN syn_providers AS p ON p.n = 1 + i % ${providers} JOIN syn_areas AS a ON a.n = 1 + (i / 3) % ${areas}`,
  );
  await numbered(
    client,
    'syn_calls',
    `SELECT id, status FROM training_calls WHERE code LIKE '${MARK}-call-%' ORDER BY code`,
  );

  // Applications: a hundred per call (25 to 35 seats); each teacher at most once per call (teacher i·7919 mod N is
  // a different teacher for every i below N). Statuses as a year ends: a quarter hold a
  // confirmed seat, so completed calls give the year's credentials.
  await cloneRows(
    client,
    'applications',
    `call_id = '${templateCall}' AND status = 'CONFIRMED'`,
    size.applications,
    {
      id: 'gen_random_uuid()',
      call_id: 'c.id',
      teacher_id: 'u.id',
      school_id: 'u.school_id',
      status: `(CASE
        WHEN i % 100 < 25 THEN 'CONFIRMED'
        WHEN i % 100 < 27 THEN 'ACCEPTED'
        WHEN i % 100 < 40 THEN 'WAITLISTED'
        WHEN i % 100 < 60 THEN 'REJECTED'
        WHEN i % 100 < 68 THEN 'NOT_ENDORSED'
        WHEN i % 100 < 75 THEN 'ENDORSED'
        WHEN i % 100 < 85 THEN 'SUBMITTED'
        WHEN i % 100 < 93 THEN 'DECLINED'
        ELSE 'WITHDRAWN' END)::"ApplicationStatus"`,
      queue_number: 'NULL',
      rank: 'NULL',
      accepted_at: `(CASE WHEN i % 100 < 27 THEN t.accepted_at END)`,
      confirmed_at: `(CASE WHEN i % 100 < 25 THEN t.confirmed_at END)`,
    },
    `JOIN syn_calls AS c ON c.n = 1 + i % ${size.calls}
     JOIN syn_teachers AS u ON u.n = 1 + (i::bigint * 7919) % ${size.teachers}`,
  );

  // Each call's training days and SKKNI units, as the template call's.
  await copyRows(
    client,
    'training_days',
    `FROM syn_calls AS c CROSS JOIN (SELECT * FROM training_days WHERE call_id = '${templateCall}') AS t`,
    { id: 'gen_random_uuid()', call_id: 'c.id', check_in_token: 'NULL', check_in_token_at: 'NULL' },
  );
  await copyRows(
    client,
    'competency_units',
    `FROM syn_calls AS c CROSS JOIN (SELECT * FROM competency_units WHERE call_id = '${templateCall}') AS t`,
    { id: 'gen_random_uuid()', call_id: 'c.id' },
  );
  // Attendance of the confirmed participants of calls under way or done (about 1 day in 12
  // missed), and a decision per unit once done (about 1 in 9 Belum Kompeten).
  const attendanceTemplate = `(SELECT * FROM attendance WHERE day_id IN
      (SELECT id FROM training_days WHERE call_id = '${templateCall}') ORDER BY 1, 2 LIMIT 1)`;
  await copyRows(
    client,
    'attendance',
    `FROM applications AS a JOIN syn_calls AS c ON c.id = a.call_id AND c.status <> 'OPEN'
       JOIN training_days AS d ON d.call_id = a.call_id CROSS JOIN ${attendanceTemplate} AS t
      WHERE a.status = 'CONFIRMED'`,
    { application_id: 'a.id', day_id: 'd.id', present: 'random() > 0.08', late: 'false', note: 'NULL' },
  );
  const assessmentTemplate = `(SELECT * FROM unit_assessments WHERE unit_id IN
      (SELECT id FROM competency_units WHERE call_id = '${templateCall}') ORDER BY 1 LIMIT 1)`;
  await copyRows(
    client,
    'unit_assessments',
    `FROM applications AS a JOIN syn_calls AS c ON c.id = a.call_id AND c.status = 'COMPLETED'
       JOIN competency_units AS u ON u.call_id = a.call_id CROSS JOIN ${assessmentTemplate} AS t
      WHERE a.status = 'CONFIRMED'`,
    {
      id: 'gen_random_uuid()',
      application_id: 'a.id',
      unit_id: 'u.id',
      decision: `(CASE WHEN random() < 0.11 THEN 'BELUM_KOMPETEN' ELSE 'KOMPETEN' END)::"UnitDecision"`,
      notes: 'NULL',
    },
  );

  // Credentials: for confirmed participants of completed calls, a copy of a training credential.
  await numbered(
    client,
    'syn_participants',
    `SELECT a.id, a.teacher_id, a.school_id FROM applications AS a JOIN syn_calls AS c ON c.id = a.call_id
      WHERE a.status = 'CONFIRMED' AND c.status = 'COMPLETED' ORDER BY a.id`,
  );
  const participants = await count(client, 'syn_participants');
  const credentials = Math.min(size.credentials, participants);
  await cloneRows(
    client,
    'credentials',
    `kind = 'TRAINING' AND application_id IN (SELECT id FROM applications WHERE call_id = '${templateCall}')`,
    credentials,
    {
      id: 'gen_random_uuid()',
      application_id: 'x.id',
      teacher_id: 'x.teacher_id',
      revision: '1',
      status_index: `1000000 + i`,
      revoked_at: `(CASE WHEN i % 200 = 0 THEN now() END)`,
      revocation_reason: `(CASE WHEN i % 200 = 0 THEN 'Sintetis' END)`,
      suspended_at: 'NULL',
    },
    'JOIN syn_participants AS x ON x.n = i',
  );

  // Dissemination reports of the credentialed participants: most verified by their principal.
  const { rows: reportTemplates } = await client.query<{ id: string }>(
    `SELECT id FROM dissemination_reports WHERE status = 'VERIFIED' ORDER BY id LIMIT 1`,
  );
  if (!reportTemplates[0])
    throw new Error('the synthetic year copies a verified dissemination report of the demo seed');
  const state = `(CASE WHEN i % 20 < 12 THEN 'VERIFIED' WHEN i % 20 < 17 THEN 'SUBMITTED' WHEN i % 20 < 19 THEN 'DRAFT' ELSE 'RETURNED' END)`;
  await cloneRows(
    client,
    'dissemination_reports',
    `id = '${reportTemplates[0].id}'`,
    size.disseminationReports,
    {
      id: 'gen_random_uuid()',
      teacher_id: 'x.teacher_id',
      application_id: 'x.id',
      school_id: 'x.school_id',
      teachers_reached: '(random() * 30)::int',
      students_reached: '(random() * 120)::int',
      schools_reached: '(random() * 3)::int',
      status: `${state}::"DisseminationStatus"`,
      submitted_at: `(CASE WHEN ${state} = 'DRAFT' THEN NULL ELSE t.submitted_at END)`,
      verified_at: `(CASE WHEN ${state} = 'VERIFIED' THEN t.verified_at END)`,
      verified_by_id: `(CASE WHEN ${state} = 'VERIFIED' THEN t.verified_by_id END)`,
      return_note: `(CASE WHEN ${state} = 'RETURNED' THEN 'Lengkapi daftar hadir.' END)`,
      returned_at: `(CASE WHEN ${state} = 'RETURNED' THEN t.submitted_at END)`,
    },
    `JOIN syn_participants AS x ON x.n = 1 + i % ${credentials}`,
  );

  for (const table of [
    'organizations',
    'users',
    'teacher_profiles',
    'training_calls',
    'applications',
    'credentials',
    'dissemination_reports',
  ])
    await client.query(`ANALYZE "${table}"`);
  return { ...size, credentials };
}

async function count(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]?.n ?? 0);
}
