import { readFileSync } from 'node:fs';

/** @internal For tests: specs/overlay/examples.json, by command name. */
export const overlayExamples = JSON.parse(
  readFileSync(new URL('../../../../specs/overlay/examples.json', import.meta.url), 'utf8'),
) as Record<string, { examples: string[] }>;

/** @internal For tests: each example as the body of an async function, a client in scope. */
export function examplesSource(): string {
  const bodies = Object.entries(overlayExamples).flatMap(([command, entry]) =>
    entry.examples.map(
      (code, index) =>
        `// ${command} #${index + 1}\nexport async function example${command.replace(/\W/g, '')}${index}(): Promise<void> {\n${code}\n}`,
    ),
  );
  return [
    "import type { PromiseContext } from './command-context.js';",
    "import type { RedisCommands } from './generated/redis-commands.js';",
    'declare const client: RedisCommands<PromiseContext>;',
    ...bodies,
  ].join('\n');
}
