import { inject } from 'vitest';

declare module 'vitest' {
  // Types `project.provide()` in global-setup.ts and `inject()` in tests.
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of the shared server, or `$REDIS_URL`. */
    redisUrl: string;
    /** `redis_version` from that server's `INFO server`, such as `7.0.15`. */
    redisVersion: string;
  }
}

/**
 * The shared redis-server's URL, provided by the `live` project's global setup.
 *
 * @example
 * const client = createClient({ url: redisUrl() });
 */
export function redisUrl(): string {
  return provided('redisUrl');
}

/** The shared server's version, such as `7.0.15`. */
export function redisVersion(): string {
  return provided('redisVersion');
}

/**
 * Whether the shared server is at least `since`, for gating a command's live test.
 *
 * @example
 * it.skipIf(!redisVersionAtLeast('7.2'))('CLIENT NO-TOUCH', async () => {});
 */
export function redisVersionAtLeast(since: string): boolean {
  const have = redisVersion().split('.').map(Number);
  const want = since.split('.').map(Number);
  for (let i = 0; i < want.length; i++) {
    const diff = (have[i] ?? 0) - (want[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

function provided(key: 'redisUrl' | 'redisVersion'): string {
  const value = inject(key) as string | undefined;
  if (value === undefined) {
    throw new Error(
      `nothing provided "${key}": run this under the live project, whose globalSetup starts redis-server`,
    );
  }
  return value;
}
