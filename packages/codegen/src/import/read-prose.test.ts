import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SPECS } from './fixture-sources.js';
import { readProse } from './read-prose.js';

describe('readProse', () => {
  it("reads summary, complexity and the reply's descriptions by command name", async () => {
    const prose = await readProse(join(FIXTURE_SPECS, 'redis-7.2.0'));
    expect(prose.get('BLPOP')).toEqual({
      summary: expect.stringMatching(/^Removes and returns the first element/),
      complexity: 'O(N) where N is the number of provided keys.',
      replies: [
        'No element could be popped and timeout expired',
        'The key from which the element was popped and the value of the popped element',
      ],
    });
    expect(prose.has('CLIENT KILL')).toBe(true);
  });
});
