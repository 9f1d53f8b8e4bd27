import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { format, resolveConfig } from 'prettier';
import { codegenRoot } from '../paths.js';

/** Renders `templates/<name>.hbs` with a view model. */
export async function renderTemplate(name: string, view: object): Promise<string> {
  const source = await readFile(join(codegenRoot(), 'templates', `${name}.hbs`), 'utf8');
  return Handlebars.compile(source, { noEscape: true, strict: true })(view);
}

/** Formats emitted TypeScript with the repository's Prettier settings, so diffs stay readable. */
export async function formatTypeScript(
  text: string,
  filePath: string,
  { settle = true }: { settle?: boolean } = {},
): Promise<string> {
  // The repository's settings wherever the output goes, so fixtures and real output agree.
  const config = (await resolveConfig(join(codegenRoot(), 'templates', 'x.ts'))) ?? {};
  const options = { ...config, filepath: filePath, parser: 'typescript' };
  // Prettier is not always idempotent on long signatures (a second pass joins lines the first
  // broke), and `prettier --check .` in lint runs that second pass: format until it settles.
  // Data-only files (the command table) settle in one pass and skip the costly check.
  let formatted = await format(text, options);
  for (let pass = 0; settle && pass < 3; pass++) {
    const again = await format(formatted, options);
    if (again === formatted) break;
    formatted = again;
  }
  return formatted;
}
