import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { configureCredentials } from '@kmg/core/credentials/config';
import { runCredentialBench } from '@kmg/credentials/bench';
import { weldingRobotCredentialInput } from '@kmg/credentials/fixtures';
import { type Database, useDatabase } from '@kmg/db';
import { seedDemoData } from '@kmg/db/seed';
import { createTestDatabase } from '@kmg/db/testing';
import { createApp } from '#app.ts';
import { BENCH_SECRET, benchAppConfig } from '#bench/app-config.ts';
import { startJobs, stopJobs } from '#jobs/index.ts';
import { sessionCookie } from '#test/sessions.ts';

const COUNT = Number(process.env.BENCH_CREDENTIALS ?? 500);

/**
 * Signing and verifying Open Badges 3.0 credentials (eddsa-rdfc-2022: JSON-LD canonicalization,
 * then Ed25519) on this thread, against the bare Ed25519 signature of the same JSON bytes.
 */
export async function runCredentialsBench() {
  const result = await runCredentialBench({ count: COUNT });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const payloads = Array.from({ length: COUNT }, (_, index) =>
    Buffer.from(
      JSON.stringify({ ...weldingRobotCredentialInput, learner: { name: `Guru Peserta ${index + 1}` } }),
    ),
  );
  let start = performance.now();
  const signatures = payloads.map((payload) => sign(null, payload, privateKey));
  const bareSign = (performance.now() - start) / COUNT;
  start = performance.now();
  for (const [index, payload] of payloads.entries())
    verify(null, payload, publicKey, signatures[index] as Buffer);
  const bareVerify = (performance.now() - start) / COUNT;
  return {
    title: `Credentials: ${COUNT} Open Badges 3.0 credentials signed, then verified, on one core`,
    lines: [
      `sign (eddsa-rdfc-2022):   ${result.signMsPerCredential.toFixed(2).padStart(6)} ms each = ${(1000 / result.signMsPerCredential).toFixed(0)}/s; a cohort of 500 in ${result.cohortOf500Seconds.toFixed(1)} s (target < 60 s)`,
      `verify (all five checks): ${result.verifyMsPerCredential.toFixed(2).padStart(6)} ms each = ${(1000 / result.verifyMsPerCredential).toFixed(0)}/s; median ${result.verifyMsMedian.toFixed(2)} ms, p95 ${result.verifyMsP95.toFixed(2)} ms (target < 50 ms)`,
      `baseline bare Ed25519 over the JSON bytes: sign ${bareSign.toFixed(3)} ms, verify ${bareVerify.toFixed(3)} ms`,
      `ratio sign / baseline: ${(result.signMsPerCredential / bareSign).toFixed(0)}; verify / baseline: ${(result.verifyMsPerCredential / bareVerify).toFixed(0)} (the cost is JSON-LD canonicalization)`,
    ],
    signMsPerCredential: result.signMsPerCredential,
  };
}

/**
 * The whole issuance path on PostgreSQL: the manager approves the results of a 500-teacher cohort
 * through GraphQL, and the job queue issues (builds, signs, stores, allocates a status index) one
 * credential per participant. Baseline: signing the same number in memory.
 */
export async function runIssuanceBench() {
  process.env.KMG_TEST_DB = 'postgres';
  process.env.TEST_DATABASE_URL ??=
    process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createTestDatabase();
  useDatabase(database as Database);
  try {
    await seedDemoData(database.prisma);
    const callId = await prepareCohort(database, COUNT);
    const baseline = await runCredentialBench({ count: Math.min(COUNT, 100) });

    configureCredentials({
      publicUrl: 'http://127.0.0.1',
      keks: [{ id: 'bench', key: new Uint8Array(randomBytes(32)) }],
      parentOrganizationCode: 'dit-smk',
    });
    const api = await createApp(benchAppConfig);
    const server = await api.listen(0, { host: '127.0.0.1' });
    const port = (server.address() as { port: number }).port;
    // Seeded credentials of the demo data are issued first, so they do not count in the cohort.
    const jobs = await startJobs(database as Database, {
      mail: { kind: 'folder', dir: '/tmp/kmg-bench-mail', from: 'x' },
      pollingIntervalSeconds: 0.5,
      sweepSchedule: null,
    });
    while (await database.prisma.credentialIssuance.count({ where: { status: 'QUEUED' } }))
      await new Promise((resolve) => setTimeout(resolve, 200));

    const manager = await database.prisma.user.findUniqueOrThrow({ where: { email: 'manajer@kmg.demo' } });
    const cookie = await sessionCookie(database.prisma, BENCH_SECRET, manager.id);
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'http://127.0.0.1' },
      body: JSON.stringify({
        query: 'mutation ($id: ID!) { approveResults(callId: $id) { __typename ... on Error { message } } }',
        variables: { id: Buffer.from(`TrainingCall:${callId}`).toString('base64') },
      }),
    });
    const approved = (await response.json()) as { data?: { approveResults: { __typename: string } } };
    if (approved.data?.approveResults.__typename !== 'ApproveResultsSuccess')
      throw new Error(`approveResults failed: ${JSON.stringify(approved)}`);
    const approveMs = performance.now() - started;
    for (;;) {
      const pending = await database.prisma.credentialIssuance.count({ where: { callId, status: 'QUEUED' } });
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const totalSeconds = (performance.now() - started) / 1000;
    const issued = await database.prisma.credentialIssuance.count({ where: { callId, status: 'ISSUED' } });
    const failed = await database.prisma.credentialIssuance.count({ where: { callId, status: 'FAILED' } });
    await stopJobs(jobs);
    await api.stop();
    server.close();
    const baselineSeconds = (baseline.signMsPerCredential * COUNT) / 1000;
    return {
      title: `Issuance: the manager approves a cohort of ${COUNT}; the job queue issues every credential (PostgreSQL)`,
      lines: [
        `approve (GraphQL, queues ${COUNT} jobs in one transaction): ${approveMs.toFixed(0)} ms`,
        `approved to all issued: ${totalSeconds.toFixed(1)} s (${issued} issued: the cohort and the call's ${issued + failed - COUNT} demo participants; ${failed} failed; target < 60 s)`,
        `baseline (signing ${COUNT} in memory, nothing stored): ${baselineSeconds.toFixed(1)} s`,
        `ratio pipeline / baseline: ${(totalSeconds / baselineSeconds).toFixed(2)}`,
      ],
    };
  } finally {
    await database.drop();
  }
}

/** Adds `count` teachers to the seeded CNC training, all present and competent, results submitted. */
export async function prepareCohort(
  database: { prisma: Database['prisma'] },
  count: number,
): Promise<string> {
  const prisma = database.prisma;
  const call = await prisma.trainingCall.findUniqueOrThrow({
    where: { code: 'kmg-cnc-berjalan' },
    include: { competencyUnits: true, trainingDays: true },
  });
  const school = await prisma.organization.findUniqueOrThrow({ where: { code: 'smkn-2-makassar' } });
  await prisma.user.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      name: `Guru Kohort ${index + 1}`,
      email: `kohort.${index}@example.id`,
      roles: ['TEACHER' as const],
      organizationId: school.id,
    })),
  });
  const teachers = await prisma.user.findMany({
    where: { email: { startsWith: 'kohort.' } },
    select: { id: true },
  });
  await prisma.teacherProfile.createMany({
    data: teachers.map((teacher, index) => ({
      userId: teacher.id,
      nuptk: String(5_000_000_000_000_000 + index),
      schoolId: school.id,
      subject: 'Teknik Pemesinan',
      employmentStatus: 'PNS' as const,
      teachingSince: new Date('2012-07-16T00:00:00Z'),
    })),
  });
  await prisma.application.createMany({
    data: teachers.map((teacher) => ({
      callId: call.id,
      teacherId: teacher.id,
      schoolId: school.id,
      motivation: 'Peserta kohort untuk mengukur penerbitan kredensial dalam jumlah besar.',
      status: 'CONFIRMED' as const,
    })),
  });
  const applications = await prisma.application.findMany({
    where: { callId: call.id, status: 'CONFIRMED' },
    select: { id: true },
  });
  const assessor = await prisma.user.findUniqueOrThrow({ where: { email: 'penyelenggara@kmg.demo' } });
  await prisma.attendance.createMany({
    data: applications.flatMap((application) =>
      call.trainingDays.map((day) => ({
        applicationId: application.id,
        dayId: day.id,
        present: true,
        recordedById: assessor.id,
      })),
    ),
  });
  await prisma.unitAssessment.createMany({
    data: applications.flatMap((application) =>
      call.competencyUnits.map((unit) => ({
        applicationId: application.id,
        unitId: unit.id,
        decision: 'KOMPETEN' as const,
        assessorId: assessor.id,
      })),
    ),
  });
  await prisma.trainingCall.update({
    where: { id: call.id },
    data: { resultsStatus: 'SUBMITTED', resultsSubmittedAt: new Date() },
  });
  return call.id;
}
