import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTable } from './generated/command-table.js';
import { typecheckSource } from './test-support/typecheck-source.js';

/**
 * The hand-written `@example`s of specs/overlay/examples.json are code users copy: each must
 * type-check against the generated surface, and call the method whose docs show it.
 */
const examples = JSON.parse(
  readFileSync(new URL('../../../specs/overlay/examples.json', import.meta.url), 'utf8'),
) as Record<string, { examples: string[] }>;

const methodOf = (command: string): string | undefined =>
  Object.entries(commandTable).find(([, spec]) => spec.name === command)?.[0];

describe('overlay examples', () => {
  const entries = Object.entries(examples);

  it('cover the forty-odd most used commands, each a command of the table', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries.filter(([command]) => methodOf(command) === undefined)).toEqual([]);
  });

  it('call the method they document', () => {
    const unused = entries.filter(([command, entry]) =>
      entry.examples.some((code) => !code.includes(`client.${methodOf(command)!}`)),
    );
    expect(unused.map(([command]) => command)).toEqual([]);
  });

  it('type-check against the generated surface', { timeout: 60_000 }, () => {
    const bodies = entries.flatMap(([command, entry]) =>
      entry.examples.map(
        (code, index) =>
          `// ${command} #${index + 1}\nexport async function example${command.replace(/\W/g, '')}${index}(): Promise<void> {\n${code}\n}`,
      ),
    );
    const source = [
      "import type { PromiseContext } from './command-context.js';",
      "import type { RedisCommands } from './generated/redis-commands.js';",
      'declare const client: RedisCommands<PromiseContext>;',
      ...bodies,
    ].join('\n');
    expect(typecheckSource('overlay-examples.check.ts', source).errors).toEqual([]);
  });
});
