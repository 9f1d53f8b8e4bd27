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
export async function formatTypeScript(text: string, filePath: string): Promise<string> {
  // The repository's settings wherever the output goes, so fixtures and real output agree.
  const config = (await resolveConfig(join(codegenRoot(), 'templates', 'x.ts'))) ?? {};
  return format(text, { ...config, filepath: filePath, parser: 'typescript' });
}
