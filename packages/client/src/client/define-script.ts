import { createHash } from 'node:crypto';
import { NoScriptError, type RedisArgument, type RedisKey } from '@redspec/types';
import type { RedisClient } from './redis-client.js';

/** The shape of a Lua script: its KEYS, its ARGV and what it returns. */
export interface ScriptShape {
  keys: readonly RedisKey[];
  args: readonly RedisArgument[];
  reply: unknown;
}

/** What a script runs on: a client (or cluster) with EVAL, EVALSHA and SCRIPT LOAD. */
export type ScriptRunner = Pick<RedisClient, 'eval' | 'evalsha' | 'scriptLoad'>;

/** A Lua script run by its SHA1, loaded on demand. */
export interface Script<TShape extends ScriptShape> {
  readonly lua: string;
  readonly sha: string;
  /**
   * Runs the script with EVALSHA; when the server does not know it (NOSCRIPT) falls back to
   * EVAL, which also caches it for next time.
   */
  run(client: ScriptRunner, keys: TShape['keys'], args: TShape['args']): Promise<TShape['reply']>;
  /** Loads the script ahead of time (SCRIPT LOAD), e.g. before using EVALSHA in a pipeline. */
  load(client: ScriptRunner): Promise<void>;
}

/**
 * Declares a typed Lua script.
 *
 * @example
 * const incrBy = defineScript<{ keys: [counter: string]; args: [by: number]; reply: number }>(
 *   "return redis.call('INCRBY', KEYS[1], ARGV[1])",
 * );
 * const total: number = await incrBy.run(client, ['visits'], [5]);
 */
export function defineScript<TShape extends ScriptShape>(lua: string): Script<TShape> {
  const sha = createHash('sha1').update(lua).digest('hex');
  return {
    lua,
    sha,
    async run(client, keys, args) {
      try {
        return await client.evalsha<TShape['reply']>(sha, keys, args);
      } catch (error) {
        if (!(error instanceof NoScriptError)) throw error;
        return client.eval<TShape['reply']>(lua, keys, args);
      }
    },
    async load(client) {
      await client.scriptLoad(lua);
    },
  };
}
