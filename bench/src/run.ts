/**
 * `pnpm bench`: Redspec against ioredis, node-redis and valkey-glide on a redis-server (and a
 * cluster) of its own, one process per client per sample, subjects interleaved round by round.
 * Writes bench/results/latest.{md,json}; settings in config.ts (BENCH_ROUNDS, BENCH_ONLY, …).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startRedisCluster, startRedisServer, type RedisClusterHandle } from '@redspec/test-utils';
import type { Endpoint } from './clients/client-adapter.js';
import { readBenchConfig, resultsName } from './config.js';
import { measureColdStarts } from './cold-start.js';
import { describeEnvironment } from './environment.js';
import { planWorkloads, selected } from './plan.js';
import { profilePipeline } from './profile.js';
import { waitForQuiet } from './quiet-machine.js';
import { renderMarkdown } from './report.js';
import { failedSamples, type BenchResults } from './results.js';
import { BENCH_DIR } from './run-child.js';
import { sampleRounds, type PlannedWorkload } from './sample-rounds.js';
import { seed } from './seed.js';
import { quietShare, summarizeWorkload, type WorkloadPlan } from './summarize.js';
import { evaluateTargets } from './targets.js';
import { measureTypechecks } from './typecheck.js';

const started = performance.now();
const config = readBenchConfig();
const environment = await describeEnvironment(config);
const quiet = () => waitForQuiet(config.quietIdle, config.quietMaxWaitMs);
const server = await startRedisServer();
let cluster: RedisClusterHandle | undefined;

/** Starts the cluster if a planned workload needs it; a cluster that fails to start skips it. */
async function withEndpoints(plans: WorkloadPlan[]): Promise<PlannedWorkload[]> {
  const planned: PlannedWorkload[] = [];
  for (const [i, plan] of plans.entries()) {
    if (plan.skipped !== undefined) continue;
    if (plan.workload.endpoint === 'standalone') {
      planned.push({ workload: plan.workload, endpoint: { kind: 'standalone', url: server.url } });
      continue;
    }
    try {
      cluster ??= await startRedisCluster({ primaries: 3, replicasPerPrimary: 0 });
      const endpoint: Endpoint = { kind: 'cluster', rootNodes: cluster.rootNodes };
      planned.push({ workload: plan.workload, endpoint });
    } catch (error) {
      plans[i] = { ...plan, skipped: `the cluster did not start: ${String(error)}` };
    }
  }
  return planned;
}

try {
  await seed(server.url);
  const plans = planWorkloads(config);
  const referenceUrl = server.url;
  const rounds = await sampleRounds(config, await withEndpoints(plans), referenceUrl);
  const workloads = plans.map((plan) => summarizeWorkload(plan, rounds));
  process.stdout.write('cold starts, typechecks, profile…\n');
  const coldStart = selected(config, 'cold-start')
    ? await measureColdStarts(server.url, config.coldRuns, quiet)
    : [];
  const typecheck = selected(config, 'typecheck')
    ? await measureTypechecks(config.typecheckRuns, quiet)
    : [];
  const profile =
    selected(config, 'profile') && config.profileSeconds > 0
      ? await profilePipeline(server.url, config.profileSeconds).catch((error: unknown) => ({
          error: String(error),
        }))
      : undefined;
  const results: BenchResults = {
    environment: { ...environment, loadAtEnd: loadavg() },
    workloads,
    typecheck,
    coldStart,
    profile,
    targets: evaluateTargets(workloads, typecheck),
    quietShare: quietShare(rounds),
    wallSeconds: (performance.now() - started) / 1000,
  };
  const name = resultsName(config);
  const dir = join(BENCH_DIR, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(dir, `${name}.md`), renderMarkdown(results));
  process.stdout.write(`\n${renderMarkdown(results)}\nwrote bench/results/${name}.{md,json}\n`);
  // The quick run exists to prove the harness works: any failed sample fails it.
  const failures = failedSamples(results);
  if (config.quick && failures.length > 0) {
    process.stderr.write(`quick run: ${failures.length} samples failed:\n${failures.join('\n')}\n`);
    process.exitCode = 1;
  }
} finally {
  await cluster?.stop();
  await server.stop();
}
