import { sweepDeadlines } from '@kmg/core/applications/sweep-deadlines';
import { issueCredential, recordIssuanceFailure } from '@kmg/core/credentials/issue-credential';
import { nextRefreshSeconds, refreshDashboardFacts } from '@kmg/core/dashboard/facts';
import { sendDisseminationReminders } from '@kmg/core/dissemination/reports';
import { evaluateTeacherPathways } from '@kmg/core/pathways/award';
import { ensurePathwayClr } from '@kmg/core/pathways/clr';
import { runPathwayBackfill } from '@kmg/core/pathways/pathways';
import { sendRplReminders } from '@kmg/core/rpl/review/queue';
import '@kmg/core/pathways/reviews';
import { createQueue, type Database, db, queueNames, startQueue, useQueue } from '@kmg/db';
import type { PgBoss } from 'pg-boss';
import { sweepSignInAddressWindows, sweepSignInThrottles } from '#auth.ts';
import { type Clock, systemClock } from '#clock.ts';
import { createMailer, deliverEmail, type MailConfig } from '#jobs/mail.ts';

export type JobsConfig = {
  mail: MailConfig;
  pollingIntervalSeconds?: number;
  sweepSchedule?: string | null;
  /** Cron for forgetting stale sign-in failures (default daily at 03:17 UTC); null: never. */
  signInThrottlesSchedule?: string | null;
  /** False: the dashboard's summary table is refreshed only when asked (tests); default true. */
  dashboardRefresh?: boolean;
  /** False: only enqueue (a separate process works the queue). */
  workers?: boolean;
  /** The time deadlines and credentials are judged by: the API's clock (default: the system clock). */
  clock?: Clock;
};

/**
 * Starts pg-boss and this process' workers: the email outbox, the deadline sweep (endorsements
 * not given in time, seats not confirmed in time, RPL step reminders) and the daily clean-up of sign-in failures.
 * Every API replica runs them; pg-boss hands each job to one worker.
 */
export async function startJobs(database: Database, config: JobsConfig): Promise<PgBoss> {
  const boss = await startQueue(createQueue(database));
  useQueue(boss);
  if (config.workers === false) return boss;
  const send = createMailer(config.mail);
  const clock = config.clock ?? systemClock;
  const polling = { pollingIntervalSeconds: config.pollingIntervalSeconds ?? 2 };
  // Burst while fetches come back full: a cohort's jobs run back to back, not one batch per poll.
  const burst = { burstWhenBatchFull: true } as const;
  await boss.work<{ emailId: string }>(
    queueNames.email,
    { ...polling, ...burst, batchSize: 10 },
    async (jobs) => {
      for (const job of jobs) await deliverEmail(send, job.data.emailId);
    },
  );
  await boss.work(queueNames.deadlines, polling, async () => {
    await sweepDeadlines(clock());
    // RPL step reminders and overdue notices, each sent once (see sendRplReminders).
    await sendRplReminders(clock());
    // Dissemination deadline reminders, each sent once (see sendDisseminationReminders).
    await sendDisseminationReminders(clock());
  });
  // Once a day: a minute's delay is of no matter, and idle polls cost a query each.
  await boss.work(queueNames.signInThrottlesSweep, { pollingIntervalSeconds: 60 }, async () => {
    await sweepSignInThrottles(db());
    await sweepSignInAddressWindows(db());
  });
  // One job per participant: a failure is retried on its own (with backoff) and never holds up
  // the rest of the cohort; after the last try the participant shows as failed in the console.
  await boss.work<{ applicationId: string }>(
    queueNames.issueCredential,
    { ...polling, ...burst, batchSize: 5, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs) {
        try {
          const issued = await issueCredential(job.data.applicationId, clock());
          // The teacher's pathways at once, not one queue hop later: a completed pathway's
          // credential follows its last component within seconds. The evaluation queued with the
          // credential then finds nothing left to do (awards are idempotent).
          if (issued.teacherId) await evaluateAfterIssue(issued.teacherId, clock());
        } catch (error) {
          const attempt = job as unknown as { retryCount: number; retryLimit: number };
          await recordIssuanceFailure(
            job.data.applicationId,
            error,
            attempt.retryCount >= attempt.retryLimit,
          );
          throw error;
        }
      }
    },
  );
  // A wallet changed: award every pathway it now completes (idempotent, so a retry is harmless).
  await boss.work<{ teacherId: string }>(
    queueNames.evaluatePathways,
    { ...polling, ...burst, batchSize: 10 },
    async (jobs) => {
      for (const job of jobs) await evaluateTeacherPathways(job.data.teacherId, clock());
    },
  );
  await boss.work<{ awardId: string }>(
    queueNames.pathwayClr,
    { ...polling, ...burst, batchSize: 5 },
    async (jobs) => {
      for (const job of jobs) await ensurePathwayClr(job.data.awardId, clock());
    },
  );
  await boss.work<{ versionId: string }>(queueNames.backfillPathway, polling, async (jobs) => {
    for (const job of jobs) await runPathwayBackfill(job.data.versionId, clock(), evaluateTeacherPathways);
  });
  if (config.dashboardRefresh !== false) await refreshDashboardContinually(boss, polling);
  await resumeQueuedIssuance(boss);
  if (config.sweepSchedule !== null)
    await boss.schedule(queueNames.deadlines, config.sweepSchedule ?? '* * * * *');
  if (config.signInThrottlesSchedule !== null)
    await boss.schedule(queueNames.signInThrottlesSweep, config.signInThrottlesSchedule ?? '17 3 * * *');
  return boss;
}

/**
 * The dashboard's summary table: recomputed now, then looked at again after `nextRefreshSeconds`
 * (10 s, longer when a refresh is slow), recomputed only when its sources changed. Each run queues
 * the next; the five-minute schedule restarts the chain should a run ever be lost.
 */
async function refreshDashboardContinually(boss: PgBoss, polling: { pollingIntervalSeconds: number }) {
  await boss.work(queueNames.dashboardFacts, polling, async () => {
    let tookMs = 0;
    try {
      ({ tookMs } = await refreshDashboardFacts());
    } finally {
      await boss.send(queueNames.dashboardFacts, {}, { startAfter: nextRefreshSeconds(tookMs) });
    }
  });
  await boss.send(queueNames.dashboardFacts, {});
  await boss.schedule(queueNames.dashboardFacts, '*/5 * * * *');
}

/** A failed evaluation is not the issuance's failure: the queued evaluation retries it. */
async function evaluateAfterIssue(teacherId: string, now: Date): Promise<void> {
  try {
    await evaluateTeacherPathways(teacherId, now);
  } catch (error) {
    console.error('pathway evaluation after issuance failed; the queued evaluation will retry', error);
  }
}

export async function stopJobs(boss: PgBoss | undefined): Promise<void> {
  useQueue(undefined);
  await boss?.stop({ graceful: true, timeout: 5_000 });
}

/** Issuances queued before the queue ran (the demo seed, a restore): hand them to the queue once. */
async function resumeQueuedIssuance(boss: PgBoss) {
  const queued = await db().credentialIssuance.findMany({
    where: { status: 'QUEUED' },
    select: { applicationId: true },
  });
  for (const { applicationId } of queued) {
    await boss.send(queueNames.issueCredential, { applicationId }, { singletonKey: applicationId });
  }
}
