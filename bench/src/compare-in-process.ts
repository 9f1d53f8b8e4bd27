/**
 * `pnpm --filter @redspec/bench run compare:in-process <git-ref> [workload]`: this checkout's
 * client and `<git-ref>`'s, both loaded in one process and used in turn every few pipelines
 * (60 reps, the order alternating). Where `compare` puts each sample in a process of its own,
 * here both builds see the same moments of a shared host, so a change of 10 % in wall time shows
 * through swings of 2× between runs. Workloads: `pipeline-1000` (default), `pipeline-100`,
 * `cluster-1000` (a 3-primary cluster the run starts).
 */
import { startRedisCluster, startRedisServer } from '@redspec/test-utils';
import { buildRef, CURRENT_CLIENT } from './build-ref.js';
import { spread } from './stats.js';

/** What both builds share of the public API. */
interface Client {
  pipeline(): {
    set(key: string, value: string): unknown;
    get(key: string): unknown;
    incr(key: string): unknown;
    execute(): Promise<unknown>;
  };
  quit(): Promise<unknown>;
}
interface ClientModule {
  createClient(url: string): { connect(): Promise<Client> };
  createCluster(config: { rootNodes: readonly object[] }): { connect(): Promise<Client> };
}

const ref = process.argv[2];
if (ref === undefined) throw new Error('usage: compare-in-process <git-ref> [workload]');
const workload = process.argv[3] ?? 'pipeline-1000';
const size = workload.endsWith('-100') ? 100 : 1000;
const REPS = 60;
const PER_REP = 20_000 / size;

const onCluster = workload.startsWith('cluster-');
const server = onCluster
  ? await startRedisCluster({ primaries: 3, replicasPerPrimary: 0 })
  : await startRedisServer();
const open = async (entry: string): Promise<Client> => {
  const module = (await import(entry)) as ClientModule;
  return 'rootNodes' in server
    ? module.createCluster({ rootNodes: server.rootNodes }).connect()
    : module.createClient(server.url).connect();
};
const clients = { before: await open(buildRef(ref)), after: await open(CURRENT_CLIENT) };

async function pipeline(client: Client): Promise<void> {
  const pipe = client.pipeline();
  for (let i = 0; i < size; i++) {
    if (i % 3 === 0) pipe.set(`bench:key:${i}`, 'v');
    else if (i % 3 === 1) pipe.get(`bench:key:${i - 1}`);
    else pipe.incr(`bench:counter:${i}`);
  }
  await pipe.execute();
}

const wallUs = { before: [] as number[], after: [] as number[] };
const cpuNs = { before: [] as number[], after: [] as number[] };
try {
  for (let rep = 0; rep < REPS; rep++) {
    const order = rep % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const which of order) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (let k = 0; k < PER_REP; k++) await pipeline(clients[which]);
      const used = process.cpuUsage(cpu);
      // The first reps warm both builds up (JIT, connection buffers).
      if (rep < 4) continue;
      wallUs[which].push(((performance.now() - started) * 1000) / (PER_REP * size));
      cpuNs[which].push(((used.user + used.system) * 1000) / (PER_REP * size));
    }
  }
  const speed = spread(wallUs.after.map((after, i) => wallUs.before[i]! / after));
  const cpu = spread(cpuNs.after.map((after, i) => after / cpuNs.before[i]!));
  const f = (n: number, digits = 3) => n.toFixed(digits);
  process.stdout.write(
    `${workload}: µs/command before ${f(spread(wallUs.before).median)} after ${f(spread(wallUs.after).median)}; ` +
      `speed after/before ${f(speed.median)} (${f(speed.min, 2)}–${f(speed.max, 2)}); ` +
      `CPU per command after/before ${f(cpu.median)} (${f(cpu.min, 2)}–${f(cpu.max, 2)})\n`,
  );
} finally {
  await Promise.all([clients.before.quit(), clients.after.quit()]);
  await server.stop();
}
