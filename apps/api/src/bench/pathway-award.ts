import { randomBytes } from 'node:crypto';
import { configureCredentials } from '@kmg/core/credentials/config';
import { issueCredential } from '@kmg/core/credentials/issue-credential';
import { evaluateTeacherPathways } from '@kmg/core/pathways/award';
import { type Database, jobQueue, queueNames, useDatabase } from '@kmg/db';
import { seedDemoData } from '@kmg/db/seed';
import { createTestDatabase } from '@kmg/db/testing';
import { prepareCohort } from '#bench/credentials.ts';
import { startJobs, stopJobs } from '#jobs/index.ts';

const COHORT = Number(process.env.BENCH_PATHWAY_COHORT ?? 50);

/** A published pathway whose only item is the CNC training the cohort completes. */
async function publishCncPathway(prisma: Database['prisma']): Promise<void> {
  const directorate = await prisma.organization.findUniqueOrThrow({ where: { code: 'dit-smk' } });
  const content = {
    achievementType: 'MicroCredential' as const,
    descriptionId: 'Jalur bench: satu pelatihan mesin bubut CNC.',
    descriptionEn: 'Bench pathway: one CNC lathe training.',
    kkniLevel: 3,
  };
  const achievement = await prisma.achievement.create({
    data: {
      ...content,
      code: 'JALUR-BENCH-CNC',
      status: 'PUBLISHED',
      publishedAt: new Date(),
      ownerId: directorate.id,
      nameId: 'Jalur Bench CNC',
      nameEn: 'Bench CNC pathway',
      criteriaId: 'Memenuhi syarat jalur.',
      criteriaEn: 'Meets the pathway.',
      assessmentMethod: 'Komponen',
      qualityAssurance: 'Program',
    },
  });
  const pathway = await prisma.pathway.create({
    data: { code: 'JALUR-BENCH-CNC', issuerId: directorate.id },
  });
  await prisma.pathwayVersion.create({
    data: {
      ...content,
      pathwayId: pathway.id,
      version: 1,
      status: 'PUBLISHED',
      publishedAt: new Date(),
      achievementId: achievement.id,
      titleId: 'Jalur Bench CNC',
      titleEn: 'Bench CNC pathway',
      requirements: {
        type: 'group',
        id: 'root',
        rule: { kind: 'all' },
        children: [{ type: 'item', id: 'cnc', match: { kind: 'achievement', code: 'kmg-cnc-berjalan' } }],
      },
    },
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

/**
 * From a component's issuance to the pathway credential, through the queue as the platform runs
 * it (workers polling every 2 s, the default): the manager's approval issues a cohort's training
 * credentials, each issuance queues an evaluation of the teacher's pathways, which awards the
 * pathway (signed credential and CLR bundle). Measured per teacher from the stored timestamps.
 * Baseline, same run: the same work without the queue (issue, then evaluate and award, in turn).
 */
export async function runPathwayAwardBench() {
  process.env.KMG_TEST_DB = 'postgres';
  process.env.TEST_DATABASE_URL ??=
    process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createTestDatabase();
  useDatabase(database as Database);
  const prisma = database.prisma;
  try {
    await seedDemoData(prisma);
    configureCredentials({
      publicUrl: 'http://127.0.0.1',
      keks: [{ id: 'bench', key: new Uint8Array(randomBytes(32)) }],
      parentOrganizationCode: 'dit-smk',
    });
    const jobs = await startJobs(database as Database, {
      mail: { kind: 'folder', dir: '/tmp/kmg-bench-mail', from: 'x' },
      sweepSchedule: null,
      signInThrottlesSchedule: null,
    });
    const settle = async () => {
      while (await prisma.credentialIssuance.count({ where: { status: 'QUEUED' } }))
        await new Promise((resolve) => setTimeout(resolve, 100));
    };
    await settle();
    const callId = await prepareCohort(database, COHORT);
    await prisma.trainingCall.update({
      where: { id: callId },
      data: { resultsStatus: 'APPROVED', resultsApprovedAt: new Date() },
    });
    await publishCncPathway(prisma);
    const applications = await prisma.application.findMany({
      where: { callId, status: 'CONFIRMED', teacher: { email: { startsWith: 'kohort.' } } },
      select: { id: true, teacherId: true },
      orderBy: { id: 'asc' },
    });
    // Baseline: a fifth of the cohort issued and awarded directly, one after another.
    const direct = applications.slice(0, Math.max(1, Math.floor(applications.length / 5)));
    const directMs: number[] = [];
    for (const application of direct) {
      const started = performance.now();
      await issueCredential(application.id, new Date());
      await evaluateTeacherPathways(application.teacherId, new Date());
      directMs.push(performance.now() - started);
    }
    // Through the queue: the rest, queued at once as an approval queues them.
    const queued = applications.slice(direct.length);
    await prisma.credentialIssuance.createMany({
      data: queued.map((application) => ({
        applicationId: application.id,
        callId,
        status: 'QUEUED' as const,
      })),
    });
    const started = performance.now();
    await jobQueue().insert(
      queueNames.issueCredential,
      queued.map((application) => ({ data: { applicationId: application.id } })),
    );
    const teacherIds = queued.map((application) => application.teacherId);
    for (;;) {
      const awarded = await prisma.credential.count({
        where: {
          kind: 'PATHWAY',
          teacherId: { in: teacherIds },
          pathwayVersion: { pathway: { code: 'JALUR-BENCH-CNC' } },
        },
      });
      if (awarded === teacherIds.length) break;
      if (performance.now() - started > 300_000)
        throw new Error(`only ${awarded} of ${teacherIds.length} awarded`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const totalSeconds = (performance.now() - started) / 1000;
    await stopJobs(jobs);
    const rows = await prisma.credential.findMany({
      where: { teacherId: { in: teacherIds }, kind: 'PATHWAY' },
      select: { teacherId: true, createdAt: true },
    });
    const components = await prisma.credential.findMany({
      where: { teacherId: { in: teacherIds }, kind: 'TRAINING', application: { callId } },
      select: { teacherId: true, createdAt: true },
    });
    const issuedAt = new Map(components.map((row) => [row.teacherId, row.createdAt.getTime()]));
    const latencies = rows
      .map((row) => (row.createdAt.getTime() - (issuedAt.get(row.teacherId) ?? Number.NaN)) / 1000)
      .filter((value) => Number.isFinite(value))
      .sort((a, b) => a - b);
    const directMedian =
      percentile(
        [...directMs].sort((a, b) => a - b),
        0.5,
      ) / 1000;
    return {
      title: `Pathway award: a component issued -> the pathway credential issued through the queue (${queued.length} teachers at once, PostgreSQL, workers polling every 2 s)`,
      lines: [
        `latency per teacher: median ${percentile(latencies, 0.5).toFixed(2)} s, p95 ${percentile(latencies, 0.95).toFixed(2)} s, max ${(latencies.at(-1) ?? Number.NaN).toFixed(2)} s (target < 5 s)`,
        `all ${queued.length} components and awards done in ${totalSeconds.toFixed(1)} s`,
        `baseline (no queue: issue, then evaluate and award, one teacher at a time): median ${directMedian.toFixed(2)} s per teacher`,
        `ratio median latency / baseline: ${(percentile(latencies, 0.5) / directMedian).toFixed(1)}`,
      ],
    };
  } finally {
    await database.drop();
  }
}
