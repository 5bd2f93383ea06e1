// The reshape migration (reusable achievements, SKKNI reference units, learning outcomes as rows,
// credential kinds, subjects, foreign keys) on a database as the previous code left it: every row
// moves, nothing is lost, every credential verifies as it did, and the next credential of a
// migrated call is issued under the same achievement version. The data: test/pre-reshape-fixture.ts.
import { randomBytes } from 'node:crypto';
import { configureCredentials } from '@kmg/core/credentials/config';
import { issueCredential } from '@kmg/core/credentials/issue-credential';
import { verifyCredentialDocument } from '@kmg/core/credentials/verify-credential';
import { type Database, useDatabase } from '@kmg/db';
import { applyMigrations, readMigrationList } from '@kmg/db/migrate';
import { createTestDatabase, type TestDatabase } from '@kmg/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs, stopJobs } from '#jobs/index.ts';
import {
  buildPreReshapeFixture,
  expectedUnitTitles,
  ids,
  outcomesOf,
  type PreReshapeFixture,
  type Row,
  unitCodes,
} from '#test/pre-reshape-fixture.ts';

const RESHAPE = '20261202062437_reusable_achievements_and_credential_kinds';
const migrationNames = readMigrationList().migrationDirectories.map((dir) => dir.path);
const BEFORE = migrationNames[migrationNames.indexOf(RESHAPE) - 1] ?? '';

const publicUrl = 'http://kmg.migration.test';
const kek = { id: 'migration-kek', key: new Uint8Array(randomBytes(32)) };

type Sql = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

/** Plain SQL on the test database, beside Prisma (whose client knows only the newest schema). */
async function sqlOn(database: TestDatabase): Promise<Sql> {
  if (database.pglite) {
    const engine = database.pglite;
    return {
      query: async <T>(text: string, params: unknown[] = []) => (await engine.query<T>(text, params)).rows,
      close: async () => {},
    };
  }
  const client = new pg.Client({ connectionString: database.url ?? '' });
  await client.connect();
  return {
    query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
    close: () => client.end(),
  };
}

/** A text array literal, which the server reads as whatever array type the column has. */
const arrayLiteral = (values: readonly string[]) =>
  `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

async function insert(sql: Sql, table: string, rows: Row[]) {
  for (const row of rows) {
    const columns = Object.keys(row);
    const values = Object.values(row).map((value) =>
      Array.isArray(value)
        ? arrayLiteral(value)
        : value !== null && typeof value === 'object'
          ? JSON.stringify(value.json)
          : value,
    );
    await sql.query(
      `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')})
       VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
      values,
    );
  }
}

const touchedTables = [
  'organizations',
  'users',
  'training_calls',
  'competency_units',
  'applications',
  'attendance',
  'unit_assessments',
  'evidence',
  'result_amendments',
  'achievements',
  'issuer_keys',
  'status_lists',
  'credentials',
  'credential_issuances',
  'audit_events',
  'notifications',
];

let database: TestDatabase;
let sql: Sql;
let fixture: PreReshapeFixture;
let countsBefore: Record<string, number>;

async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of touchedTables) {
    const [row] = await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = row?.count ?? -1;
  }
  return counts;
}

beforeAll(async () => {
  expect(BEFORE).not.toBe('');
  database = await createTestDatabase({ until: BEFORE });
  useDatabase(database as Database);
  configureCredentials({ publicUrl, keks: [kek], parentOrganizationCode: 'dit-smk' });
  sql = await sqlOn(database);
  fixture = await buildPreReshapeFixture({ publicUrl, kek });
  for (const [table, rows] of fixture.tables) await insert(sql, table, rows);
  countsBefore = await countRows();
  expect(await applyMigrations(database, { until: RESHAPE })).toEqual([RESHAPE]);
});

afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

describe('the reshape migration', () => {
  it('keeps every row of every table it touches', async () => {
    expect(countsBefore.credentials).toBe(3);
    expect(await countRows()).toEqual(countsBefore);
  });

  it("makes each achievement the one its call awards: version 1 under the call's code, owned by its provider", async () => {
    const rows = await sql.query(
      `SELECT a.id, a.code, a.version, a.status::text AS status, a.owner_id, a.published_at, a.name_id,
              a.kkni_level, a.validity_months, c.id AS call_id
       FROM achievements a LEFT JOIN training_calls c ON c.achievement_id = a.id ORDER BY a.id`,
    );
    expect(rows).toEqual([
      {
        id: ids.achievementA,
        code: 'kmg25-robot-las',
        version: 1,
        status: 'PUBLISHED',
        owner_id: ids.unggul,
        // When its first credential was issued.
        published_at: new Date('2025-11-14T03:05:00.000Z'),
        name_id: 'Operator Robot Las Industri',
        kkni_level: 4,
        validity_months: 36,
        call_id: ids.callA,
      },
      {
        id: ids.achievementB,
        // The call was made in the console and has no code: its id stands in.
        code: ids.callB,
        version: 1,
        status: 'DRAFT',
        owner_id: ids.presisi,
        published_at: null,
        name_id: 'Operator Mesin Bubut CNC',
        kkni_level: 3,
        validity_months: null,
        call_id: ids.callB,
      },
    ]);
    const calls = await sql.query(`SELECT id, achievement_id FROM training_calls ORDER BY id`);
    expect(calls).toEqual([
      { id: ids.callA, achievement_id: ids.achievementA },
      { id: ids.callB, achievement_id: ids.achievementB },
      { id: ids.callC, achievement_id: null },
      { id: ids.callD, achievement_id: null },
    ]);
  });

  it('makes SKKNI units reference rows, titled as the public unit page showed them, and keeps each call its own', async () => {
    const units = await sql.query<{ code: string; title_id: string }>(
      `SELECT code, title_id FROM skkni_units ORDER BY code`,
    );
    expect(Object.fromEntries(units.map((unit) => [unit.code, unit.title_id]))).toEqual(expectedUnitTitles);
    const callUnits = await sql.query(
      `SELECT call_id, code, title, position FROM competency_units WHERE call_id = $1 ORDER BY position`,
      [ids.callC],
    );
    expect(callUnits).toEqual([
      { call_id: ids.callC, code: unitCodes.arcRobot, title: 'Robot Las Busur (draf)', position: 0 },
      { call_id: ids.callC, code: unitCodes.plc, title: 'Memprogram PLC', position: 1 },
    ]);
    const achievementUnits = await sql.query(
      `SELECT achievement_id, unit_code, position FROM achievement_units ORDER BY achievement_id, position`,
    );
    expect(achievementUnits).toEqual([
      { achievement_id: ids.achievementA, unit_code: unitCodes.arcRobot, position: 0 },
      { achievement_id: ids.achievementA, unit_code: unitCodes.teachPendant, position: 1 },
      { achievement_id: ids.achievementB, unit_code: unitCodes.cncProgram, position: 0 },
    ]);
  });

  it('turns learning outcomes into rows for each call, and copies them to the achievement it awards', async () => {
    const outcomes = await sql.query<{ owner: string; code: string; text_id: string; text_en: null }>(
      `SELECT COALESCE(call_id, achievement_id) AS owner, code, text_id, text_en FROM learning_outcomes
       ORDER BY owner, position`,
    );
    const rowsFor = (texts: readonly string[]) =>
      texts.map((text, index) => ({ code: `LO${index + 1}`, text_id: text, text_en: null }));
    const byOwner = (owner: string) =>
      outcomes.filter((outcome) => outcome.owner === owner).map(({ owner: _owner, ...outcome }) => outcome);
    expect(byOwner(ids.callA)).toEqual(rowsFor(outcomesOf.callA));
    expect(byOwner(ids.callB)).toEqual(rowsFor(outcomesOf.callB));
    expect(byOwner(ids.callC)).toEqual(rowsFor(outcomesOf.callC));
    expect(byOwner(ids.callD)).toEqual(rowsFor(outcomesOf.callD));
    expect(byOwner(ids.achievementA)).toEqual(rowsFor(outcomesOf.callA));
    expect(byOwner(ids.achievementB)).toEqual(rowsFor(outcomesOf.callB));
    expect(outcomes).toHaveLength(
      Object.values(outcomesOf).reduce((sum, texts) => sum + texts.length, 0) +
        outcomesOf.callA.length +
        outcomesOf.callB.length,
    );
  });

  it('makes every credential a training credential, tied to its teacher, issuer and status list', async () => {
    const credentials = await sql.query(
      `SELECT id, kind::text AS kind, application_id, achievement_id, teacher_id, revision, revoked_at IS NOT NULL AS revoked
       FROM credentials ORDER BY id`,
    );
    expect(credentials).toEqual(
      fixture.credentials.map((credential) => ({
        id: credential.id,
        kind: 'TRAINING',
        application_id: credential.applicationId,
        achievement_id: ids.achievementA,
        teacher_id: credential.teacherId,
        revision: credential.revision,
        revoked: credential.status === 'revoked',
      })),
    );
    await expect(
      sql.query(`UPDATE credentials SET teacher_id = $1 WHERE id = $2`, [ids.callA, ids.credentialA1r2]),
    ).rejects.toThrow(/credentials_teacher_id_fkey/);
    await expect(
      sql.query(`UPDATE credentials SET application_id = NULL WHERE id = $1`, [ids.credentialA1r2]),
    ).rejects.toThrow(/credentials_application_iff_training/);
    await expect(
      sql.query(`UPDATE credentials SET kind = 'PATHWAY' WHERE id = $1`, [ids.credentialA1r2]),
    ).rejects.toThrow(/credentials_application_iff_training/);
  });

  it('keeps outcome reasons and status list purposes as enums of the same values', async () => {
    expect(
      await sql.query(
        `SELECT id, outcome_reason::text AS reason FROM applications WHERE outcome_reason IS NOT NULL ORDER BY id`,
      ),
    ).toEqual([
      { id: ids.applicationD1, reason: 'SEATS_FULL' },
      { id: ids.applicationD2, reason: 'BELOW_MIN_SCORE' },
    ]);
    expect(await sql.query(`SELECT id, purpose::text AS purpose FROM status_lists ORDER BY id`)).toEqual([
      { id: ids.revocationList, purpose: 'revocation' },
      { id: ids.suspensionList, purpose: 'suspension' },
    ]);
  });

  it('gives every audit event and notice the subject it names, and keeps the audit trail append-only', async () => {
    expect(
      await sql.query(`SELECT action, subject_type::text AS type, subject_id FROM audit_events ORDER BY id`),
    ).toEqual([
      { action: 'application.submitted', type: 'APPLICATION', subject_id: ids.applicationA1 },
      { action: 'call.created', type: 'CALL', subject_id: ids.callC },
      { action: 'credential.issued', type: 'CREDENTIAL', subject_id: ids.credentialA1r1 },
      { action: 'credential.revoked', type: 'CREDENTIAL', subject_id: ids.credentialA1r1 },
      { action: 'issuer.key_rotated', type: 'ORGANIZATION', subject_id: ids.unggul },
    ]);
    expect(
      await sql.query(`SELECT kind, subject_type::text AS type, subject_id FROM notifications ORDER BY id`),
    ).toEqual([
      { kind: 'CREDENTIAL_ISSUED', type: 'APPLICATION', subject_id: ids.applicationA1 },
      { kind: 'RESULTS_SUBMITTED', type: 'CALL', subject_id: ids.callA },
    ]);
    await expect(sql.query(`UPDATE audit_events SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
  });

  it('ties the people who acted to their user rows', async () => {
    for (const [table, column] of [
      ['applications', 'endorsed_by_id'],
      ['attendance', 'recorded_by_id'],
      ['unit_assessments', 'assessor_id'],
      ['evidence', 'uploaded_by_id'],
      ['result_amendments', 'proposed_by_id'],
      ['result_amendments', 'decided_by_id'],
    ]) {
      await expect(
        sql.query(`UPDATE "${table}" SET "${column}" = $1 WHERE "${column}" IS NOT NULL`, [ids.callA]),
      ).rejects.toThrow(new RegExp(`${table}_${column}_fkey`));
    }
  });

  it('freezes the published achievement: its content, units and outcomes refuse changes', async () => {
    await expect(
      sql.query(`UPDATE achievements SET name_id = 'Diubah' WHERE id = $1`, [ids.achievementA]),
    ).rejects.toThrow(/published: save a new version/);
    await expect(
      sql.query(`DELETE FROM achievement_units WHERE achievement_id = $1`, [ids.achievementA]),
    ).rejects.toThrow(/is published/);
    await expect(
      sql.query(`UPDATE learning_outcomes SET text_id = 'Diubah' WHERE achievement_id = $1`, [
        ids.achievementA,
      ]),
    ).rejects.toThrow(/is published/);
    // The draft is still edited in place.
    await sql.query(`UPDATE achievements SET name_en = 'CNC Lathe Operator (draft)' WHERE id = $1`, [
      ids.achievementB,
    ]);
  });
});

describe('after the migration', () => {
  beforeAll(async () => {
    // Whatever came after the reshape, so the client (which knows the newest schema) can read.
    await applyMigrations(database);
  });

  it('verifies every credential as the platform did before: signature, issuer and status', async () => {
    for (const credential of fixture.credentials) {
      const [row] = await sql.query<{ document: unknown }>(`SELECT document FROM credentials WHERE id = $1`, [
        credential.id,
      ]);
      const result = await verifyCredentialDocument(row?.document, fixture.now);
      expect({
        id: credential.id,
        schema: result.checks.schema.code,
        signature: result.checks.signature.code,
        issuer: result.checks.issuer.code,
        status: result.checks.status.code,
        validity: result.checks.validity.code,
        valid: result.valid,
      }).toEqual({
        id: credential.id,
        schema: 'valid',
        signature: 'valid',
        issuer: 'valid',
        status: credential.status,
        validity: 'valid',
        valid: credential.status === 'active',
      });
    }
  });

  it('issues the next credential of a migrated call under the same achievement version, with its outcomes', async () => {
    const jobs = await startJobs(database, {
      mail: { kind: 'folder', dir: '/tmp', from: 'KMG <no-reply@kmg.test>' },
      sweepSchedule: null,
      workers: false,
    });
    try {
      await sql.query(
        `UPDATE credentials SET revoked_at = $1, revocation_reason = 'Diubah: uji migrasi' WHERE id = $2`,
        [new Date(fixture.now.getTime() - 86_400_000).toISOString(), ids.credentialA1r2],
      );
      const { credentialId } = await issueCredential(ids.applicationA1, fixture.now);
      const issued = await database.prisma.credential.findUniqueOrThrow({
        where: { id: credentialId ?? '' },
      });
      expect(issued).toMatchObject({ kind: 'TRAINING', revision: 3, achievementId: ids.achievementA });
      const achievement = (issued.document as { credentialSubject: { achievement: Record<string, unknown> } })
        .credentialSubject.achievement;
      expect(achievement.id).toBe(`${publicUrl}/achievements/${ids.achievementA}`);
      const verification = await verifyCredentialDocument(issued.document, fixture.now);
      expect(verification.checks).toMatchObject({ status: { code: 'active' }, signature: { code: 'valid' } });
      expect(verification.valid).toBe(true);
      const source = issued.source as { achievement: { learningOutcomes: { id: string }[] } };
      expect(source.achievement.learningOutcomes.map((outcome) => outcome.id)).toEqual([...outcomesOf.callA]);
      const events = await database.prisma.auditEvent.findMany({
        where: { subjectType: 'CREDENTIAL', subjectId: credentialId ?? '' },
      });
      expect(events.map((event) => event.action)).toEqual(['credential.issued']);
    } finally {
      await stopJobs(jobs);
    }
  });
});
