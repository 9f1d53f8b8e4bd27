import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { redisUrl } from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';

// Issue 14: `quit()` on a client made from an ioredis instance left that instance open, so the
// process never exited. Each case runs a script that returns without process.exit().
describe.each(['5', '6'])('a process using fromIoredis over ioredis %s', (major) => {
  const fixture = fileURLToPath(new URL('./fixtures/quit-then-exit.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../../../', import.meta.url));

  /** Runs the fixture; resolves with its exit code and output, or fails if it outlives 8 s. */
  function run(mode: string): Promise<{ code: number | null; stdout: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, major, mode, redisUrl()], {
        cwd: root,
        env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.typetests.json` },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`'${mode}' did not exit within 8 s: a handle stayed open\n${output}`));
      }, 8000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: output });
      });
    });
  }

  it('exits after quit(), which closed the wrapped instance', async () => {
    const { code, stdout } = await run('quit');
    expect(stdout.trim().split('\n')).toEqual(['null', '1', 'end']);
    expect(code).toBe(0);
  }, 15_000);

  it('exits after disconnect()', async () => {
    const { code, stdout } = await run('disconnect');
    expect(stdout.trim().split('\n')).toEqual(['null', '1']);
    expect(code).toBe(0);
  }, 15_000);
});
