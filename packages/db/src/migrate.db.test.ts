import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTrainingDays } from '@kmg/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  defaultPrismaDir,
  diffSchemaAgainstMigrations,
  readMigrationList,
} from '#migrate.ts';
import { seedDemoData } from '#seed/seed.ts';
import { createTestDatabase, type TestDatabase } from '#testing.ts';

const localDate = (stored: Date) => stored.toISOString().slice(0, 10);

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
      skkniUnits: await database.prisma.skkniUnit.count(),
      achievements: await database.prisma.achievement.count(),
      learningOutcomes: await database.prisma.learningOutcome.count(),
      achievementUnits: await database.prisma.achievementUnit.count(),
      trainingDays: await database.prisma.trainingDay.count(),
      pathways: await database.prisma.pathwayVersion.count(),
    });
    const before = await count();
    expect(await seedDemoData(database.prisma, { now: new Date('2026-12-01T00:00:00Z') })).toEqual({
      created: 0,
    });
    expect(await count()).toEqual(before);
    expect(before.calls).toBeGreaterThanOrEqual(8);
    // Five trainings' achievements (four delivered, the Batam one upcoming), and the three
    // illustrative pathways' own.
    expect(before.achievements).toBe(8);
    expect(before.pathways).toBe(3);
  });

  it("gives each delivered call a draft achievement of its own, with the call's units and outcomes", async () => {
    const call = await database.prisma.trainingCall.findUniqueOrThrow({
      where: { code: 'kmg-cnc-berjalan' },
      include: {
        competencyUnits: { orderBy: { position: 'asc' } },
        learningOutcomes: { orderBy: { position: 'asc' } },
        achievement: {
          include: {
            units: { orderBy: { position: 'asc' } },
            learningOutcomes: { orderBy: { position: 'asc' } },
          },
        },
      },
    });
    expect(call.achievement).toMatchObject({
      code: 'kmg-cnc-berjalan',
      version: 1,
      status: 'DRAFT',
      ownerId: call.providerId,
    });
    expect(call.achievement?.units.map((unit) => unit.unitCode)).toEqual(
      call.competencyUnits.map((unit) => unit.code),
    );
    expect(call.achievement?.learningOutcomes.map((outcome) => outcome.textId)).toEqual(
      call.learningOutcomes.map((outcome) => outcome.textId),
    );
    expect(call.learningOutcomes.map((outcome) => outcome.code)).toEqual(
      call.learningOutcomes.map((_, index) => `LO${index + 1}`),
    );
  });

  it('gives every call its training days: every date of the training but Sundays', async () => {
    const calls = await database.prisma.trainingCall.findMany({
      include: { trainingDays: { orderBy: { date: 'asc' } } },
    });
    for (const call of calls) {
      expect(
        call.trainingDays.map((day) => localDate(day.date)),
        call.code ?? call.id,
      ).toEqual(defaultTrainingDays(localDate(call.startDate), localDate(call.endDate)));
    }
  });

  it('keeps the real 2025 trainings on their calendar dates', async () => {
    const call = await database.prisma.trainingCall.findUniqueOrThrow({ where: { code: 'kmg25-robot-las' } });
    expect(call.startDate.toISOString().slice(0, 10)).toBe('2025-11-03');
    expect(call.endDate.toISOString().slice(0, 10)).toBe('2025-11-07');
    expect(call.status).toBe('COMPLETED');
  });
});

describe('the training days migration', () => {
  const MIGRATION = '20261202120000_training_days_written_with_the_call';
  let before: TestDatabase;

  beforeAll(async () => {
    const names = readMigrationList().migrationDirectories.map((dir) => dir.path);
    before = await createTestDatabase({ until: names[names.indexOf(MIGRATION) - 1] });
  });
  afterAll(() => before?.drop());

  it("gives the calls whose attendance sheet was never read their days, and leaves the others' as they are", async () => {
    // The tables are as they were: the client of the newest schema writes them.
    const prisma = before.prisma;
    // The newest client reads and writes every column of a call, and calls have gained some since
    // (their practical information): the old table gets them, as the later migration adds them.
    await prisma.$executeRawUnsafe(
      `CREATE TYPE "TravelSupport" AS ENUM ('NOT_COVERED', 'REIMBURSED_UP_TO', 'COVERED')`,
    );
    await prisma.$executeRawUnsafe(`ALTER TABLE training_calls ADD COLUMN accommodation_note text,
      ADD COLUMN accommodation_provided boolean NOT NULL DEFAULT false, ADD COLUMN travel_support "TravelSupport",
      ADD COLUMN travel_support_max_rupiah integer, ADD COLUMN travel_support_note text, ADD COLUMN what_to_bring text`);
    // Programmes have gained their dissemination target since.
    await prisma.$executeRawUnsafe(`ALTER TABLE programmes ADD COLUMN dissemination_min_activities integer NOT NULL DEFAULT 2,
      ADD COLUMN dissemination_within_months integer NOT NULL DEFAULT 6`);
    // Teachers have gained an optional gender (the dashboard's breakdown) that the seed writes.
    await prisma.$executeRawUnsafe(`CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE')`);
    await prisma.$executeRawUnsafe(`ALTER TABLE teacher_profiles ADD COLUMN gender "Gender"`);
    await seedDemoData(prisma, {
      now: new Date('2026-11-23T03:00:00Z'),
      withRpl: false,
      withBranding: false,
      withDissemination: false,
      withAfterTraining: false,
    });
    // As the previous code left them: days only where someone read the sheet (here, where attendance
    // was recorded), one call whose days were made and then trimmed, one training on a Sunday alone.
    await prisma.trainingDay.deleteMany({ where: { attendance: { none: {} } } });
    const trimmed = await prisma.trainingCall.findUniqueOrThrow({ where: { code: 'kmg-open-plc-hmi' } });
    // Only the columns of that migration: training days have gained columns since.
    const dayColumns = { id: true, callId: true, date: true } as const;
    await prisma.trainingDay.create({
      data: { callId: trimmed.id, date: trimmed.startDate },
      select: dayColumns,
    });
    const sunday = await prisma.trainingCall.update({
      where: { code: 'kmg-seleksi-mekatronika' },
      data: { startDate: new Date('2026-12-13T00:00:00Z'), endDate: new Date('2026-12-13T00:00:00Z') },
    });
    const recorded = await prisma.trainingDay.findMany({ orderBy: { id: 'asc' }, select: dayColumns });
    expect(recorded.length).toBeGreaterThan(1);

    expect(await applyMigrations(before, { until: MIGRATION })).toEqual([MIGRATION]);

    const calls = await prisma.trainingCall.findMany({
      include: { trainingDays: { orderBy: { date: 'asc' }, select: dayColumns } },
    });
    for (const call of calls) {
      const days = call.trainingDays.map((day) => localDate(day.date));
      if (call.id === trimmed.id) expect(days).toEqual([localDate(trimmed.startDate)]);
      else if (call.id === sunday.id) expect(days).toEqual(['2026-12-13']);
      else
        expect(days, call.code ?? call.id).toEqual(
          defaultTrainingDays(localDate(call.startDate), localDate(call.endDate)),
        );
    }
    // The days attendance was recorded on are the same rows.
    expect(
      await prisma.trainingDay.findMany({
        where: { id: { in: recorded.map((day) => day.id) } },
        orderBy: { id: 'asc' },
        select: dayColumns,
      }),
    ).toEqual(recorded);
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

describe('the reshape invariants', () => {
  const achievementOf = (code: string) =>
    database.prisma.trainingCall
      .findUniqueOrThrow({ where: { code }, select: { achievementId: true } })
      .then((call) => call.achievementId ?? '');

  it('freezes a published achievement: content, units and outcomes; only its status moves on', async () => {
    const id = await achievementOf('kmg25-robot-las');
    await database.prisma
      .$executeRaw`UPDATE achievements SET name_en = 'Edited while a draft' WHERE id = ${id}::uuid`;
    await database.prisma
      .$executeRaw`UPDATE achievements SET status = 'PUBLISHED', published_at = now() WHERE id = ${id}::uuid`;
    await expect(
      database.prisma
        .$executeRaw`UPDATE achievements SET name_en = 'Edited once published' WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/published: save a new version/);
    await expect(
      database.prisma
        .$executeRaw`UPDATE achievement_units SET position = position + 1 WHERE achievement_id = ${id}::uuid`,
    ).rejects.toThrow(/is published/);
    await expect(
      database.prisma.$executeRaw`DELETE FROM learning_outcomes WHERE achievement_id = ${id}::uuid`,
    ).rejects.toThrow(/is published/);
    await expect(
      database.prisma.$executeRaw`INSERT INTO learning_outcome_units (outcome_id, unit_code)
        SELECT id, 'C.282000.011.01' FROM learning_outcomes WHERE achievement_id = ${id}::uuid LIMIT 1`,
    ).rejects.toThrow(/is published/);
    await expect(
      database.prisma
        .$executeRaw`UPDATE achievements SET status = 'DRAFT', published_at = NULL WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/published: save a new version/);
    await expect(
      database.prisma.$executeRaw`DELETE FROM achievements WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/cannot be deleted/);
    await database.prisma.$executeRaw`UPDATE achievements SET status = 'RETIRED' WHERE id = ${id}::uuid`;
    // A call's own outcomes stay editable.
    await database.prisma
      .$executeRaw`UPDATE learning_outcomes SET text_en = 'Operate a welding robot cell safely'
      WHERE call_id = (SELECT id FROM training_calls WHERE code = 'kmg25-robot-las') AND code = 'LO1'`;
  });

  it('refuses malformed reference units, ownerless outcomes and half a subject', async () => {
    await expect(
      database.prisma.$executeRaw`INSERT INTO skkni_units (code, title_id) VALUES ('C25.001', 'Las')`,
    ).rejects.toThrow(/skkni_units_code_format/);
    await expect(
      database.prisma.$executeRaw`INSERT INTO learning_outcomes (id, code, text_id, position)
        VALUES (gen_random_uuid(), 'LO1', 'Tanpa pemilik', 0)`,
    ).rejects.toThrow(/learning_outcomes_one_owner/);
    await expect(
      database.prisma
        .$executeRaw`INSERT INTO audit_events (action, subject_type) VALUES ('test.half', 'CALL')`,
    ).rejects.toThrow(/audit_events_subject_whole/);
    await expect(
      database.prisma.$executeRaw`INSERT INTO competency_units (id, call_id, code, title, position)
        SELECT gen_random_uuid(), id, 'Z.999999.999.99', 'Tak dikenal', 9 FROM training_calls LIMIT 1`,
    ).rejects.toThrow(/competency_units_code_fkey/);
  });
});
