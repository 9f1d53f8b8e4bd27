/**
 * `pnpm --filter @redspec/bench run socket-variants [variant…]`: what Node's socket layer costs
 * one awaited INCR at a time, with nothing else around it (issue 17). Each variant sends the
 * same pre-encoded `INCR` and waits for its one-line reply; only how the bytes are written and
 * read changes:
 *
 * - `stream-buffer`: `socket.write(Buffer)` and `'data'` events (what RedisConnection does);
 * - `stream-string`: `socket.write(string)` and `'data'` (the `minimal` bench subject);
 * - `stream-onread`: `socket.write(Buffer)`, replies read with `net.connect({ onread })`;
 * - `handle-buffer`: the bytes handed to the socket's native handle (`writeBuffer` with a
 *   `WriteWrap`, as `net.Socket` does inside), bypassing the Writable stream; `'data'` reads;
 * - `handle-onread`: the handle write plus `onread`.
 *
 * Rounds interleave the variants; prints CPU ns per INCR (median, min–max). `SOCKET_RUNS`
 * (rounds, 7) and `SOCKET_COMMANDS` (per round, 20 000) tune it. With one variant named, it runs
 * only that one: for `strace -c` (syscalls per INCR), or instruction counts under callgrind with
 * `CALLGRIND_WINDOW=1 SOCKET_RUNS=0` (callgrind-window.ts).
 * The handle variants reach Node internals through the deprecated `process.binding`: fine for a
 * measurement, not for the client.
 */
import { connect, type Socket } from 'node:net';
import { startRedisServer } from '@redspec/test-utils';
import { countInstructions } from './callgrind-window.js';
import { spread } from './stats.js';

const COMMANDS = Number(process.env['SOCKET_COMMANDS'] ?? 20_000);
const RUNS = Number(process.env['SOCKET_RUNS'] ?? 7);
const INCR = Buffer.from('*2\r\n$4\r\nINCR\r\n$9\r\nbench:seq\r\n');
const INCR_TEXT = INCR.toString('latin1');

type WriteMode = 'stream-buffer' | 'stream-string' | 'handle-buffer';
interface Variant {
  readonly write: WriteMode;
  readonly onread: boolean;
}
const VARIANTS: Record<string, Variant> = {
  'stream-buffer': { write: 'stream-buffer', onread: false },
  'stream-string': { write: 'stream-string', onread: false },
  'stream-onread': { write: 'stream-buffer', onread: true },
  'handle-buffer': { write: 'handle-buffer', onread: false },
  'handle-onread': { write: 'handle-buffer', onread: true },
};

/** The parts of Node's stream_wrap binding a direct handle write needs. */
interface StreamWrapBinding {
  WriteWrap: new () => WriteReq;
  streamBaseState: Int32Array;
  kLastWriteWasAsync: number;
}
interface WriteReq {
  handle: unknown;
  oncomplete: (status: number) => void;
  async: boolean;
  bytes: number;
  buffer: Buffer | null;
}
interface NativeHandle {
  writeBuffer(req: WriteReq, data: Buffer): number;
}
const binding = (process as unknown as { binding(name: string): StreamWrapBinding }).binding(
  'stream_wrap',
);

/** One connection that answers `incr()` when its one-line reply has arrived. */
class SequentialIncr {
  private resolve: (() => void) | undefined;
  private readonly handle: NativeHandle;

  private constructor(
    private readonly socket: Socket,
    private readonly mode: WriteMode,
  ) {
    this.handle = (socket as unknown as { _handle: NativeHandle })._handle;
  }

  static async open(port: number, variant: Variant): Promise<SequentialIncr> {
    // Reads start with the connection, before the client object exists: route them through this.
    const route: { to?: SequentialIncr } = {};
    const socket = variant.onread
      ? connect({
          port,
          host: '127.0.0.1',
          onread: {
            buffer: Buffer.allocUnsafe(64 * 1024),
            callback: (bytes, buffer) => {
              route.to!.onData((buffer as Buffer).subarray(0, bytes));
              return true;
            },
          },
        })
      : connect({ port, host: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.setNoDelay(true);
    const client = (route.to = new SequentialIncr(socket, variant.write));
    if (!variant.onread) socket.on('data', (chunk: Buffer) => client.onData(chunk));
    return client;
  }

  incr(): Promise<void> {
    const done = new Promise<void>((resolve) => (this.resolve = resolve));
    if (this.mode === 'stream-string') this.socket.write(INCR_TEXT, 'latin1');
    else if (this.mode === 'stream-buffer') this.socket.write(INCR);
    else this.writeToHandle(INCR);
    return done;
  }

  /** What `net.Socket` does under `_write`, minus the Writable state machine. */
  private writeToHandle(data: Buffer): void {
    const req = new binding.WriteWrap();
    req.handle = this.handle;
    req.oncomplete = onWriteComplete;
    req.async = false;
    req.bytes = 0;
    req.buffer = null;
    const error = this.handle.writeBuffer(req, data);
    if (error !== 0) throw new Error(`write failed: ${error}`);
    // Still queued in libuv: keep the bytes alive until oncomplete.
    if (binding.streamBaseState[binding.kLastWriteWasAsync] !== 0) req.buffer = data;
  }

  private onData(chunk: Buffer): void {
    // One INCR in flight: its reply is `:<n>\r\n`, done when the line ends.
    if (chunk[chunk.length - 1] === 0x0a) this.resolve?.();
  }

  close(): void {
    this.socket.destroy();
  }
}

function onWriteComplete(this: WriteReq, status: number): void {
  this.buffer = null;
  if (status < 0) throw new Error(`asynchronous write failed: ${status}`);
}

async function cpuPerIncr(client: SequentialIncr, commands: number): Promise<number> {
  const cpu = process.cpuUsage();
  for (let i = 0; i < commands; i++) await client.incr();
  const used = process.cpuUsage(cpu);
  return ((used.user + used.system) * 1000) / commands;
}

const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(VARIANTS);
const server = await startRedisServer();
try {
  const clients = new Map<string, SequentialIncr>();
  for (const name of names) {
    const variant = VARIANTS[name];
    if (variant === undefined) throw new Error(`unknown variant ${name}`);
    const client = await SequentialIncr.open(server.port, variant);
    await cpuPerIncr(client, 5_000); // warm-up
    clients.set(name, client);
  }
  if (process.env['CALLGRIND_WINDOW'] === '1') {
    // Under callgrind: instruction counts of the first variant only (callgrind-window.ts).
    const client = clients.get(names[0]!)!;
    await countInstructions(COMMANDS, () => client.incr());
  }
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    // Rotate the order each round so drift favours no variant.
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + run) % names.length]!;
      samples.get(name)!.push(await cpuPerIncr(clients.get(name)!, COMMANDS));
    }
  }
  for (const [name, values] of samples) {
    const s = spread(values);
    process.stdout.write(
      `${name.padEnd(14)} CPU ${s.median.toFixed(0)} ns/INCR (${s.min.toFixed(0)}–${s.max.toFixed(0)}, ${s.n} runs)\n`,
    );
  }
  for (const client of clients.values()) client.close();
} finally {
  await server.stop();
}
