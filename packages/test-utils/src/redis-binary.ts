import { execFileSync } from 'node:child_process';

const versions = new Map<string, string | undefined>();

/**
 * Picks the redis-server executable: `$REDIS_SERVER_BIN` or `redis-server` on PATH, or,
 * when `version` is given and that one differs, `redis-server-<version>` on PATH.
 * `version` matches by prefix: `'7'` and `'7.0'` both accept 7.0.15.
 *
 * @example
 * resolveRedisServerBinary('7.2'); // 'redis-server-7.2' unless the default is 7.2.x
 */
export function resolveRedisServerBinary(version?: string): string {
  const fallback = process.env.REDIS_SERVER_BIN ?? 'redis-server';
  if (version === undefined) return fallback;
  for (const binary of [fallback, `redis-server-${version}`]) {
    const found = redisServerVersion(binary);
    if (found !== undefined && matchesVersion(found, version)) return binary;
  }
  throw new Error(
    `no redis-server ${version}: ${fallback} is ${redisServerVersion(fallback) ?? 'missing'}; ` +
      `put a binary named redis-server-${version} on PATH`,
  );
}

/** The `redis-cli` executable: `$REDIS_CLI_BIN` or `redis-cli` on PATH. */
export function resolveRedisCliBinary(): string {
  return process.env.REDIS_CLI_BIN ?? 'redis-cli';
}

/** The version a redis-server binary reports (`7.0.15`), or undefined if it won't run. */
export function redisServerVersion(binary: string): string | undefined {
  if (!versions.has(binary)) versions.set(binary, readVersion(binary));
  return versions.get(binary);
}

function readVersion(binary: string): string | undefined {
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: 'pipe' });
    return /\bv=(\d+(?:\.\d+)*)/.exec(out)?.[1];
  } catch {
    return undefined;
  }
}

function matchesVersion(found: string, wanted: string): boolean {
  const have = found.split('.');
  return wanted.split('.').every((part, i) => have[i] === part);
}

let hasSetpriv: boolean | undefined;

/**
 * Wraps a command in `setpriv --pdeathsig KILL` where available, so the kernel kills the
 * server when the thread that spawned it dies, even by SIGKILL, when no exit hook runs.
 * setpriv execs the command, so the pid stays the server's.
 */
export function withParentDeathSignal(binary: string, args: readonly string[]): [string, string[]] {
  hasSetpriv ??= process.platform === 'linux' && canRun('setpriv', ['--version']);
  return hasSetpriv
    ? ['setpriv', ['--pdeathsig', 'KILL', '--', binary, ...args]]
    : [binary, [...args]];
}

function canRun(binary: string, args: string[]): boolean {
  try {
    execFileSync(binary, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
