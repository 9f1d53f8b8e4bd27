import { pathToFileURL } from 'node:url';
import { startRedisServer } from '@redspec/test-utils';

/**
 * Runs an example's `main` when its file is the script Node was started with (its test imports
 * it instead): against `REDIS_URL` when set, otherwise against a redis-server of its own on a
 * free port, stopped at the end. A failure prints and sets the exit code.
 */
export async function runExample(
  moduleUrl: string,
  main: (url: string) => Promise<unknown>,
): Promise<void> {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  const fromEnv = process.env.REDIS_URL;
  const server = fromEnv ? undefined : await startRedisServer();
  try {
    await main(fromEnv || server!.url);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await server?.stop();
  }
}
