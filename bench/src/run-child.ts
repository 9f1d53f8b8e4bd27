import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench package's folder: the children's working directory. */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What a child process left behind. */
export interface ChildOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time from spawn to exit. */
  readonly ms: number;
}

/** Runs `command` to completion (killed after `timeoutMs`), capturing its output. */
export function runChild(
  command: string,
  args: readonly string[],
  timeoutMs = 180_000,
): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** `node --import tsx <script> ...args`, for the TypeScript children. */
export function runTsChild(
  script: string,
  args: readonly string[],
  timeoutMs?: number,
): Promise<ChildOutput> {
  return runChild(process.execPath, ['--import', 'tsx', script, ...args], timeoutMs);
}

/** The last line of `text` that parses as JSON, or undefined. */
export function lastJsonLine(text: string): unknown {
  const lines = text.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      continue;
    }
  }
  return undefined;
}
