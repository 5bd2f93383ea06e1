import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  defaultPrismaDir,
  diffSchemaAgainstMigrations,
  readMigrationList,
} from '#migrate.ts';
import { seedDemoData } from '#seed/seed.ts';
import { createTestDatabase, type TestDatabase } from '#testing.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('applyMigrations', () => {
  it('records every migration as prisma migrate deploy does, and applies nothing the second time', async () => {
    const names = readMigrationList().migrationDirectories.map((dir) => dir.path);
    const rows = await database.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`
      SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    const { createHash } = await import('node:crypto');
    const first = readMigrationList().migrationDirectories[0];
    const sql = first?.migrationFile.content.tag === 'ok' ? first.migrationFile.content.value : '';
    expect(rows[0]?.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
    expect(await applyMigrations(database)).toEqual([]);
  });

  it('enforces the invariants in the database itself', async () => {
    await expect(
      database.prisma.$executeRawUnsafe(`UPDATE training_calls SET seats = 0 WHERE true`),
    ).resolves.toBe(0);
    await seedDemoData(database.prisma, { now: new Date('2026-11-23T03:00:00Z') });
    await expect(database.prisma.$executeRawUnsafe(`UPDATE training_calls SET seats = 0`)).rejects.toThrow(
      /training_calls_seats_positive/,
    );
    await expect(
      database.prisma.$executeRawUnsafe(`UPDATE training_calls SET end_date = start_date - 1`),
    ).rejects.toThrow(/training_calls_dates_ordered/);
  });
});

describe('seedDemoData', () => {
  it('is idempotent: a second run creates nothing and duplicates nothing', async () => {
    const now = new Date('2026-11-23T03:00:00Z');
    await seedDemoData(database.prisma, { now });
    const count = async () => ({
      users: await database.prisma.user.count(),
      calls: await database.prisma.trainingCall.count(),
      applications: await database.prisma.application.count(),
      organizations: await database.prisma.organization.count(),
    });
    const before = await count();
    expect(await seedDemoData(database.prisma, { now: new Date('2026-12-01T00:00:00Z') })).toEqual({
      created: 0,
    });
    expect(await count()).toEqual(before);
    expect(before.calls).toBeGreaterThanOrEqual(8);
  });

  it('keeps the real 2025 trainings on their calendar dates', async () => {
    const call = await database.prisma.trainingCall.findUniqueOrThrow({ where: { code: 'kmg25-robot-las' } });
    expect(call.startDate.toISOString().slice(0, 10)).toBe('2025-11-03');
    expect(call.endDate.toISOString().slice(0, 10)).toBe('2025-11-07');
    expect(call.status).toBe('COMPLETED');
  });
});

describe('diffSchemaAgainstMigrations', () => {
  it('finds no drift between schema.prisma and the migration history', async () => {
    expect(await diffSchemaAgainstMigrations()).toBe('');
  });

  it('reports the SQL when the schema changes without a migration', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kmg-prisma-'));
    try {
      await cp(defaultPrismaDir, dir, { recursive: true });
      const schema = await readFile(join(dir, 'schema.prisma'), 'utf8');
      await writeFile(
        join(dir, 'schema.prisma'),
        schema.replace('model SkillArea {', 'model SkillArea {\n  colour String?'),
      );
      expect(await diffSchemaAgainstMigrations(dir)).toMatch(
        /ALTER TABLE "skill_areas" ADD COLUMN\s+"colour" TEXT/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
