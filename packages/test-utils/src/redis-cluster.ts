import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { checkClusterReady, readClusterNodeView } from './cluster-state.js';
import { RedisClusterStartError } from './errors.js';
import { isProcessRunning } from './is-process-running.js';
import { resolveRedisCliBinary } from './redis-binary.js';
import { startRedisServer } from './redis-server.js';
import type { RedisServerHandle } from './redis-server.js';
import { waitUntil } from './wait-until.js';

const run = promisify(execFile);

/** Options for `startRedisCluster`. */
export interface RedisClusterOptions {
  /** At least 3, as `redis-cli --cluster create` requires. Default 3. */
  primaries?: number;
  /** Default 1. */
  replicasPerPrimary?: number;
  /** Extra redis-server arguments for every node. */
  args?: readonly string[];
  /** Sets `--requirepass` and `--masterauth` on every node. */
  password?: string;
  /** Version prefix such as `'7.2'`; see `resolveRedisServerBinary`. */
  version?: string;
  /** How long to wait for the cluster to converge. Default 20 s. */
  readyTimeoutMs?: number;
}

/** A cluster node; `role` and `nodeId` are as of cluster creation. */
export interface RedisClusterNode extends RedisServerHandle {
  readonly role: 'primary' | 'replica';
  readonly nodeId: string;
}

/** A running Redis Cluster of local redis-server processes. */
export interface RedisClusterHandle {
  readonly nodes: readonly RedisClusterNode[];
  /** Every node's address, for a client's seed list. */
  readonly rootNodes: readonly { host: string; port: number }[];
  readonly password: string | undefined;
  /** Stops every node (SIGTERM, then SIGKILL after 5 s) and removes their dirs. */
  stop(): Promise<void>;
  /** SIGKILLs one node, as a crash would; `nodes[i].restart()` brings it back. */
  killNode(port: number): Promise<void>;
  /** Waits until the live nodes are `cluster_state:ok` and agree, e.g. after a failover. */
  waitUntilReady(timeoutMs?: number): Promise<void>;
}

/**
 * Starts `primaries * (1 + replicasPerPrimary)` cluster-enabled redis-server nodes, joins
 * them with `redis-cli --cluster create`, and resolves once every node reports
 * `cluster_state:ok`, all agree on CLUSTER SLOTS, and every replica has synced.
 *
 * @example
 * const cluster = await startRedisCluster({ primaries: 3, replicasPerPrimary: 1 });
 * afterAll(() => cluster.stop());
 */
export async function startRedisCluster(
  options: RedisClusterOptions = {},
): Promise<RedisClusterHandle> {
  const { primaries = 3, replicasPerPrimary = 1, readyTimeoutMs = 20_000 } = options;
  if (primaries < 3) throw new RangeError(`a cluster needs at least 3 primaries, got ${primaries}`);
  const servers = await startNodes(primaries * (1 + replicasPerPrimary), options);
  try {
    await createCluster(servers, replicasPerPrimary, options.password);
    await waitForCluster(servers, readyTimeoutMs);
    const nodes = await Promise.all(servers.map(withRole));
    return new RedisCluster(nodes, options.password);
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
}

async function startNodes(
  count: number,
  { args = [], password, version }: RedisClusterOptions,
): Promise<RedisServerHandle[]> {
  const nodeArgs = [
    ...['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'],
    // Fail over within seconds; start replica syncs at once instead of after 5 s; ping
    // replicas every second, since CLUSTER SLOTS omits a replica until its offset moves.
    ...['--cluster-node-timeout', '2000', '--repl-diskless-sync-delay', '0'],
    ...['--repl-ping-replica-period', '1'],
    ...(password === undefined ? [] : ['--masterauth', password]),
    ...args,
  ];
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => startRedisServer({ args: nodeArgs, password, version })),
  );
  const servers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = started.find((r) => r.status === 'rejected');
  if (failure === undefined) return servers;
  await Promise.all(servers.map((server) => server.stop()));
  throw failure.reason;
}

async function createCluster(
  servers: readonly RedisServerHandle[],
  replicasPerPrimary: number,
  password: string | undefined,
): Promise<void> {
  const addresses = servers.map((server) => `${server.host}:${server.port}`);
  const args = [
    '--cluster',
    'create',
    ...addresses,
    '--cluster-replicas',
    String(replicasPerPrimary),
  ];
  const env = password === undefined ? process.env : { ...process.env, REDISCLI_AUTH: password };
  try {
    await run(resolveRedisCliBinary(), [...args, '--cluster-yes'], { env, timeout: 30_000 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new RedisClusterStartError(
      `redis-cli --cluster create failed:\n${stdout.slice(-2_000)}\n${stderr.slice(-2_000)}`,
      { cause: error },
    );
  }
}

async function withRole(server: RedisServerHandle): Promise<RedisClusterNode> {
  const { role, nodeId } = await readClusterNodeView(server);
  return Object.assign(server, { role, nodeId });
}

async function waitForCluster(
  nodes: readonly RedisServerHandle[],
  timeoutMs: number,
): Promise<void> {
  // Killed nodes are skipped: the survivors must agree among themselves.
  const live = (): RedisServerHandle[] => nodes.filter((node) => isProcessRunning(node.pid));
  await waitUntil('the cluster to converge', () => checkClusterReady(live()), {
    timeoutMs,
    intervalMs: 100,
  }).catch((error: unknown) => {
    throw new RedisClusterStartError(String(error), { cause: error });
  });
}

class RedisCluster implements RedisClusterHandle {
  constructor(
    readonly nodes: readonly RedisClusterNode[],
    readonly password: string | undefined,
  ) {}

  get rootNodes(): { host: string; port: number }[] {
    return this.nodes.map(({ host, port }) => ({ host, port }));
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
  }

  async killNode(port: number): Promise<void> {
    const node = this.nodes.find((candidate) => candidate.port === port);
    if (node === undefined) throw new Error(`no cluster node on port ${port}`);
    await node.kill();
  }

  async waitUntilReady(timeoutMs = 20_000): Promise<void> {
    await waitForCluster(this.nodes, timeoutMs);
  }
}
