// `pnpm bench`: throughput figures, each against a baseline measured in the same run and printed
// as a ratio. Servers run in worker threads (their own event loop and core); the load generator
// runs here. The database scenarios need a PostgreSQL server: BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres; each scenario creates and
// drops its own database (the selection, pathway and RPL engines need none).
import { isMainThread, workerData } from 'node:worker_threads';
import { runCallsListBench, serveInWorker } from '#bench/calls-list.ts';
import { runCredentialsBench, runIssuanceBench } from '#bench/credentials.ts';
import { runDashboardBench } from '#bench/dashboard.ts';
import { runFirstComeBench, serveContentionWorker } from '#bench/first-come.ts';
import { runPathwayAwardBench } from '#bench/pathway-award.ts';
import { runPathwayEngineBench } from '#bench/pathway-engine.ts';
import { runRplEngineBench } from '#bench/rpl-engine.ts';
import { runSelectionEngineBench } from '#bench/selection-engine.ts';

if (isMainThread) {
  const only = process.argv[2];
  const scenarios = {
    'calls-list': runCallsListBench,
    selection: async () => runSelectionEngineBench(),
    pathways: async () => runPathwayEngineBench(),
    rpl: async () => runRplEngineBench(),
    'first-come': runFirstComeBench,
    credentials: runCredentialsBench,
    issuance: runIssuanceBench,
    'pathway-award': runPathwayAwardBench,
    dashboard: runDashboardBench,
  };
  console.log('KMG benchmarks (2 cores; figures vary between machines, ratios less so)');
  for (const [name, run] of Object.entries(scenarios)) {
    if (only && only !== name) continue;
    const result = await run();
    console.log(`\n${result.title}`);
    for (const line of result.lines) console.log(`  ${line}`);
  }
  process.exit(0);
} else if ((workerData as { bench?: string }).bench === 'first-come') {
  await serveContentionWorker();
} else {
  await serveInWorker();
}
