/**
 * `pnpm soak [seconds]` (default 300): INCR traffic from 50 concurrent callers against a local
 * redis-server while another connection kills the client's connections every second
 * (CLIENT KILL TYPE normal SKIPME yes). At the end it compares, per counter, what the client was
 * told with what the server holds:
 *   acknowledged ≤ server value ≤ acknowledged + unknown
 * where "unknown" counts INCRs rejected with "may or may not have run". A value below the
 * acknowledged count is a lost write; above acknowledged + unknown, one applied twice. It also
 * samples heap and RSS. Not part of CI: it takes minutes, and its figures go in release notes.
 */
import { rawCommand, startRedisServer } from '../packages/test-utils/src/index.js';
import { createClient } from '../packages/client/src/index.js';

const seconds = Number(process.argv[2] ?? process.env['SOAK_SECONDS'] ?? 300);
const callers = 50;
const server = await startRedisServer();
const client = createClient(server.url);
const acknowledged = new Array<number>(callers).fill(0);
const unknown = new Array<number>(callers).fill(0);
const refused = new Array<number>(callers).fill(0);
const memory: { heapMb: number; rssMb: number }[] = [];
let kills = 0;
let running = true;

async function caller(index: number): Promise<void> {
  while (running) {
    try {
      await client.incr(`soak:${index}`);
      acknowledged[index]!++;
    } catch (error) {
      // Written and cut off: it may have run. Never written: it surely did not.
      if (/may or may not have run/.test(String(error))) unknown[index]!++;
      else refused[index]!++;
    }
  }
}

const killer = setInterval(() => {
  kills++;
  rawCommand(server, ['CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes']).catch(() => undefined);
}, 1000);
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  memory.push({ heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 });
}, 5000);

const started = performance.now();
const work = Array.from({ length: callers }, (_, i) => caller(i));
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
running = false;
clearInterval(killer);
await Promise.all(work);
clearInterval(sampler);

let lost = 0;
let duplicated = 0;
for (let i = 0; i < callers; i++) {
  const value = Number(await rawCommand(server, ['GET', `soak:${i}`]));
  lost += Math.max(0, acknowledged[i]! - value);
  duplicated += Math.max(0, value - acknowledged[i]! - unknown[i]!);
}
await client.quit();
await server.stop();

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const range = (values: number[]): string =>
  `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} MB`;
const elapsed = (performance.now() - started) / 1000;
console.log(
  [
    `soak: ${elapsed.toFixed(0)} s, ${callers} callers, ${kills} connection kills`,
    `INCRs acknowledged ${sum(acknowledged)}, may-have-run ${sum(unknown)}, refused unsent ${sum(refused)}`,
    `writes lost ${lost}, writes applied twice ${duplicated}`,
    `heap ${range(memory.map((m) => m.heapMb))}, RSS ${range(memory.map((m) => m.rssMb))} (${memory.length} samples)`,
  ].join('\n'),
);
process.exit(lost === 0 && duplicated === 0 ? 0 : 1);
