import { hostPort } from './clients/client-adapter.js';
import type { ColdStartResult } from './results.js';
import { runChild } from './run-child.js';
import { spread } from './stats.js';

/** One cold start: a fresh `node` process importing the client, connecting, running one GET. */
export interface ColdStart {
  /** Time spent in `import()`. */
  readonly importMs: number;
  /** From process start (performance.timeOrigin) to the first reply. */
  readonly firstReplyMs: number;
}

export const COLD_START_CLIENTS = ['redspec', 'ioredis', 'node-redis', 'glide'] as const;
export type ColdStartClient = (typeof COLD_START_CLIENTS)[number];

/** Import, then connect-and-GET, per client; plain ESM run by `node -e`, without tsx. */
function connectAndGet(client: ColdStartClient, url: string): [string, string] {
  const { host, port } = hostPort(url);
  switch (client) {
    case 'redspec':
      return [
        '@redspec/client',
        `const c = m.createClient('${url}'); await c.connect(); await c.get('bench:key:0'); c.disconnect();`,
      ];
    case 'ioredis':
      return [
        'ioredis',
        `const c = new m.Redis('${url}'); await c.get('bench:key:0'); c.disconnect();`,
      ];
    case 'node-redis':
      return [
        'redis',
        `const c = await m.createClient({ url: '${url}' }).connect(); await c.get('bench:key:0'); c.destroy();`,
      ];
    case 'glide':
      return [
        '@valkey/valkey-glide',
        `const c = await m.GlideClient.createClient({ addresses: [{ host: '${host}', port: ${port} }] }); await c.get('bench:key:0'); c.close();`,
      ];
  }
}

function script(client: ColdStartClient, url: string): string {
  const [specifier, body] = connectAndGet(client, url);
  return [
    'const t0 = performance.now();',
    `const m = await import('${specifier}');`,
    'const t1 = performance.now();',
    body,
    'const t2 = performance.now();',
    'process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstReplyMs: t2 }) + "\\n");',
    'process.exit(0);',
  ].join('\n');
}

/** Runs one cold start of `client` against `url`. */
export async function coldStart(client: ColdStartClient, url: string): Promise<ColdStart> {
  const args = ['--input-type=module', '-e', script(client, url)];
  const output = await runChild(process.execPath, args, 60_000);
  if (output.code !== 0) throw new Error(`cold start of ${client} failed: ${output.stderr.trim()}`);
  return JSON.parse(output.stdout.trim()) as ColdStart;
}

/** `runs` cold starts of every client, interleaved, each after a quiet check. */
export async function measureColdStarts(
  url: string,
  runs: number,
  quiet: () => Promise<unknown>,
): Promise<ColdStartResult[]> {
  const byClient = new Map<ColdStartClient, ColdStart[]>(COLD_START_CLIENTS.map((c) => [c, []]));
  for (let run = 0; run < runs; run++) {
    for (const client of COLD_START_CLIENTS) {
      await quiet();
      byClient.get(client)?.push(await coldStart(client, url));
    }
  }
  return COLD_START_CLIENTS.map((client) => {
    const samples = byClient.get(client) ?? [];
    return {
      client,
      runs: samples,
      firstReplyMs: spread(samples.map((sample) => sample.firstReplyMs)),
      importMs: spread(samples.map((sample) => sample.importMs)),
    };
  });
}
