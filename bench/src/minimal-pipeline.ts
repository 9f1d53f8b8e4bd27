import { connect, type Socket } from 'node:net';
import { hostPort, type ClientAdapter, type MixedCommand } from './clients/client-adapter.js';

/**
 * The practical limit of a Node client: a hand-written RESP pipeline with nothing a library
 * needs (no timeouts, no reconnects, no argument checks, no per-command objects). A pipeline is
 * encoded as one string, sent in one write, and its replies are decoded to values (strings,
 * numbers, errors as Error) straight from the socket's chunks. Only what the mixed pipelines
 * send and receive is handled: simple strings, errors, integers and bulk strings.
 */
class MinimalPipeline {
  private pending: Buffer | undefined;
  private replies: unknown[] = [];
  private expected = 0;
  private done: ((replies: unknown[]) => void) | undefined;

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  send(commands: readonly MixedCommand[]): Promise<unknown[]> {
    let out = '';
    for (const command of commands) {
      out += `*${command.length}\r\n`;
      for (const arg of command) out += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
    }
    this.replies = [];
    this.expected = commands.length;
    this.socket.write(out);
    return new Promise((resolve) => (this.done = resolve));
  }

  private onData(chunk: Buffer): void {
    const buf = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = undefined;
    let pos = 0;
    while (pos < buf.length) {
      const lineEnd = buf.indexOf(13, pos);
      if (lineEnd < 0 || lineEnd + 1 >= buf.length) break;
      const type = buf[pos];
      if (type === 0x24) {
        const length = Number(buf.latin1Slice(pos + 1, lineEnd));
        if (length < 0) {
          this.replies.push(null);
          pos = lineEnd + 2;
          continue;
        }
        const bodyEnd = lineEnd + 2 + length;
        if (bodyEnd + 2 > buf.length) break;
        this.replies.push(buf.utf8Slice(lineEnd + 2, bodyEnd));
        pos = bodyEnd + 2;
        continue;
      }
      const line = buf.utf8Slice(pos + 1, lineEnd);
      if (type === 0x3a) this.replies.push(Number(line));
      else if (type === 0x2d) this.replies.push(new Error(line));
      else this.replies.push(line);
      pos = lineEnd + 2;
    }
    if (pos < buf.length) this.pending = buf.subarray(pos);
    if (this.replies.length === this.expected) this.done?.(this.replies);
  }
}

/**
 * The minimal pipeline as a bench subject: pipelines, and INCR as a pipeline of one (the
 * sequential workload's practical Node limit: one string write, one reply parsed).
 */
export async function createMinimalAdapter(url: string): Promise<ClientAdapter> {
  const socket = connect(hostPort(url));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.setNoDelay(true);
  const pipeline = new MinimalPipeline(socket);
  return {
    pipeline: (commands) => pipeline.send(commands),
    incr: async (key) => (await pipeline.send([['incr', key]]))[0],
    close: async () => {
      socket.end();
    },
  };
}

declare module 'node:buffer' {
  interface Buffer {
    latin1Slice(start: number, end: number): string;
    utf8Slice(start: number, end: number): string;
  }
}
