import { describe, expect, it } from 'vitest';
import { replyDependencies } from './reply-dependencies.js';
import type { UpstreamCommand } from './upstream-types.js';

const command = (args: UpstreamCommand['arguments'], alternatives: string[]): UpstreamCommand => ({
  group: 'generic',
  since: '1.0.0',
  arity: -2,
  arguments: args,
  reply_schema: { oneOf: alternatives.map((description) => ({ description, type: 'string' })) },
});

describe('replyDependencies', () => {
  it('ties alternatives to a token, given or not given', () => {
    const zrange = command(
      [{ name: 'withscores', type: 'pure-token', token: 'WITHSCORES', optional: true }],
      [
        'A list of members. Returned in case `WITHSCORES` was not used.',
        'Members and scores, when `WITHSCORES` is used.',
      ],
    );
    expect(replyDependencies(zrange)).toEqual([
      { argument: 'withscores', given: [1], notGiven: [0] },
    ]);
  });

  it("names an untokened argument only when quoted, so prose such as 'The ID' is no mention", () => {
    const rpop = command(
      [
        { name: 'key', type: 'key' },
        { name: 'count', type: 'integer', optional: true },
      ],
      [
        'Key does not exist.',
        "When 'COUNT' wasn't given, the value.",
        "When 'COUNT' was given, a list.",
      ],
    );
    expect(replyDependencies(rpop)).toEqual([{ argument: 'count', given: [2], notGiven: [1] }]);
    const xadd = command(
      [{ name: 'id', type: 'string' }],
      ['The ID of the entry.', 'Nothing added.'],
    );
    expect(replyDependencies(xadd)).toBeUndefined();
  });

  it('finds nothing in a reply without alternatives', () => {
    expect(
      replyDependencies({
        group: 'g',
        since: '1.0.0',
        arity: 1,
        reply_schema: { type: 'integer' },
      }),
    ).toBeUndefined();
  });
});
