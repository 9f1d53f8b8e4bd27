import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisReplyError, RedisServerStartError } from './errors.js';
import { trackDir, trackProcess, untrackDir, untrackProcess } from './exit-cleanup.js';
import { getFreeClusterPort, getFreePort } from './free-port.js';
import { sendRawCommands } from './raw-command.js';
import {
  redisServerVersion,
  resolveRedisServerBinary,
  withParentDeathSignal,
} from './redis-binary.js';
import { waitUntil } from './wait-until.js';

const HOST = '127.0.0.1';
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 3;

/** Options for `startRedisServer`. */
export interface RedisServerOptions {
  /** Default: a free port (whose bus port is free too when args enable cluster mode). */
  port?: number;
  /** Extra redis-server arguments, after the defaults so they win: `['--maxmemory', '10mb']`. */
  args?: readonly string[];
  /** Passed as `--requirepass`. */
  password?: string;
  /** Version prefix such as `'7.2'`; see `resolveRedisServerBinary`. */
  version?: string;
  /** How long to wait for the first PING answer. Default 10 s. */
  startTimeoutMs?: number;
  /**
   * A config file's text, written to `redis.conf` in the server's dir and passed first (before
   * `args`): Sentinel (`args: ['--sentinel']`) needs a file it can rewrite.
   */
  configFile?: string;
}

/** A running redis-server child process on 127.0.0.1. */
export interface RedisServerHandle {
  readonly host: string;
  readonly port: number;
  /** `redis://127.0.0.1:<port>`, without credentials. */
  readonly url: string;
  /** The current process id; it changes on `restart()`. */
  readonly pid: number;
  readonly password: string | undefined;
  /** The server's working directory (`--dir`), holding `redis.log`. */
  readonly dir: string;
  readonly logFile: string;
  /** SIGTERM, SIGKILL after 5 s, then removes `dir`. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would; keeps `dir`, so a cluster node can `restart()` from its nodes.conf. */
  kill(): Promise<void>;
  /** Stops the server if it runs, then starts it again on the same port with the same args. */
  restart(): Promise<void>;
  /** SIGSTOP: the process stalls with its sockets open, as a hung server does. */
  pause(): void;
  /** SIGCONT after `pause()`. */
  resume(): void;
}

/**
 * Starts redis-server on a free loopback port in a fresh temp dir, without persistence, and
 * resolves once it answers PING. The process is SIGKILLed if the test process exits first.
 *
 * @example
 * const server = await startRedisServer({ args: ['--maxmemory', '10mb'] });
 * afterAll(() => server.stop());
 */
export async function startRedisServer(
  options: RedisServerOptions = {},
): Promise<RedisServerHandle> {
  const binary = resolveRedisServerBinary(options.version);
  if (redisServerVersion(binary) === undefined) {
    throw new Error(`cannot run ${binary}; install it (apt-get install redis-server)`);
  }
  const args = options.args ?? [];
  const needsBusPort = args.some((arg, i) => arg === '--cluster-enabled' && args[i + 1] === 'yes');
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (needsBusPort ? await getFreeClusterPort() : await getFreePort());
    const dir = await mkdtemp(join(tmpdir(), `redspec-redis-${port}-`));
    const server = new RedisServer(binary, port, dir, options);
    try {
      await server.start();
      return server;
    } catch (error) {
      await server.stop();
      // Another process may take the port between our probe and the server's bind.
      const raced = error instanceof RedisServerStartError && /already in use/i.test(error.logTail);
      if (!raced || options.port !== undefined || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

class RedisServer implements RedisServerHandle {
  readonly host = HOST;
  readonly password: string | undefined;
  readonly logFile: string;
  readonly #argv: string[];
  readonly #startTimeoutMs: number;
  readonly #configFile: string | undefined;
  #child: ChildProcess | undefined;
  #running = false;
  #exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly binary: string,
    readonly port: number,
    readonly dir: string,
    options: RedisServerOptions,
  ) {
    this.password = options.password;
    this.logFile = join(dir, 'redis.log');
    this.#startTimeoutMs = options.startTimeoutMs ?? 10_000;
    this.#configFile = options.configFile;
    this.#argv = [
      ...(options.configFile === undefined ? [] : [join(dir, 'redis.conf')]),
      ...['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no'],
      ...['--dir', dir, '--daemonize', 'no', '--protected-mode', 'no'],
      ...(options.password === undefined ? [] : ['--requirepass', options.password]),
      ...(options.args ?? []),
    ];
  }

  get url(): string {
    return `redis://${this.host}:${this.port}`;
  }

  get pid(): number {
    return this.#child?.pid ?? -1;
  }

  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    trackDir(this.dir);
    // Written once: a restarted Sentinel reads back what it rewrote (the current primary).
    if (this.#configFile !== undefined && !existsSync(join(this.dir, 'redis.conf'))) {
      await writeFile(join(this.dir, 'redis.conf'), this.#configFile);
    }
    const startup = new AbortController();
    const child = this.#spawn(startup);
    try {
      await waitUntil(`${this.host}:${this.port} to answer PING`, () => this.#answersPing(), {
        timeoutMs: this.#startTimeoutMs,
        intervalMs: 20,
        signal: startup.signal,
      });
    } catch (error) {
      await this.kill();
      const logTail = await tail(this.logFile);
      throw new RedisServerStartError(
        `redis-server (pid ${child.pid ?? 'none'}) on port ${this.port} did not start: ${String(error)}`,
        this.port,
        logTail,
        { cause: error },
      );
    }
  }

  async stop(): Promise<void> {
    await this.#terminate('SIGTERM');
    await rm(this.dir, { recursive: true, force: true });
    untrackDir(this.dir);
  }

  async kill(): Promise<void> {
    await this.#terminate('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.#terminate('SIGTERM');
    await this.start();
  }

  pause(): void {
    if (this.#running) this.#child?.kill('SIGSTOP');
  }

  resume(): void {
    if (this.#running) this.#child?.kill('SIGCONT');
  }

  #spawn(startup: AbortController): ChildProcess {
    const log = openSync(this.logFile, 'a');
    const [file, args] = withParentDeathSignal(this.binary, this.#argv);
    let child: ChildProcess;
    try {
      child = spawn(file, args, { cwd: this.dir, stdio: ['ignore', log, log] });
    } finally {
      closeSync(log);
    }
    // Don't hold the event loop open for a forgotten server; the exit hook kills it.
    child.unref();
    this.#child = child;
    this.#running = child.pid !== undefined;
    if (child.pid !== undefined) trackProcess(child.pid);
    this.#exited = new Promise((resolve) => {
      const onEnd = (reason: string): void => {
        this.#running = false;
        if (child.pid !== undefined) untrackProcess(child.pid);
        startup.abort(new Error(reason));
        resolve();
      };
      child.once('exit', (code, signal) => onEnd(`exited with ${signal ?? `code ${code}`}`));
      child.once('error', (error) => onEnd(`could not spawn ${this.binary}: ${error.message}`));
    });
    return child;
  }

  // PING alone could be answered by another server that holds the port while ours fails
  // to bind, so also match INFO's process_id against our pid.
  async #answersPing(): Promise<boolean | string> {
    const auth = this.password === undefined ? [] : [['AUTH', this.password]];
    const commands = [...auth, ['PING'], ['INFO', 'server']];
    const [pong, info] = (await sendRawCommands(this, commands, { timeoutMs: 1_000 })).slice(-2);
    // `--requirepass` passed in args rather than as `password`: up, but we cannot look closer.
    if (pong instanceof RedisReplyError && pong.code === 'NOAUTH') return true;
    if (pong !== 'PONG') return `PING answered ${String(pong)}`;
    const pid = /^process_id:(\d+)/m.exec(String(info))?.[1];
    return pid === String(this.pid) || `port ${this.port} is answered by pid ${pid}, not ours`;
  }

  async #terminate(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (child === undefined || !this.#running) return;
    // A paused (SIGSTOP) server would hold a SIGTERM until it resumes.
    child.kill('SIGCONT');
    child.kill(signal);
    const escalate = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.#exited;
    clearTimeout(escalate);
  }
}

async function tail(file: string, lines = 30): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '(no log file)');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
