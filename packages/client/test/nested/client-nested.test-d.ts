import { describe, expectTypeOf, it } from 'vitest';
import { pipeline, type Future, type Pipeline, type RedisClient } from '../../src/index.js';

declare const client: RedisClient;

describe('client.pipeline({ parent })', () => {
  it('nests under any pipeline of the same string mode and keeps the command types', () => {
    const root = pipeline(undefined, { autoexec: true });
    const child = client.pipeline({ parent: root });
    expectTypeOf(child).toEqualTypeOf<Pipeline<string>>();
    expectTypeOf(child.incr('k')).toEqualTypeOf<Future<number>>();
    expectTypeOf(pipeline(client.pipeline()).get('k')).toEqualTypeOf<Future<string | null>>();
    const binary = client.withBuffers();
    expectTypeOf(binary.pipeline({ parent: binary.pipeline() }).get('k')).toEqualTypeOf<
      Future<Buffer | null>
    >();
  });

  it('refuses a parent of another string mode, and a parent in the callback form', () => {
    // @ts-expect-error a Buffer pipeline cannot hold a string client's commands
    client.pipeline({ parent: client.withBuffers().pipeline() });
    // @ts-expect-error the callback form executes at once; a nested pipeline cannot
    void client.pipeline((p) => [p.incr('k')], { parent: pipeline() });
  });
});
