import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkLinks } from './check-links.js';
import { layout, renderMarkdown } from './render-page.js';
import { sitePages } from './site-pages.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/**
 * Builds the static site into `out`: the README and every guide, the command and other
 * references and the packages' READMEs as pages, TypeDoc's API reference under `api/`.
 * Returns the pages' output paths.
 */
export async function buildSite(out: string): Promise<string[]> {
  await rm(out, { recursive: true, force: true });
  await promisify(execFile)(
    join(root, 'node_modules/.bin/typedoc'),
    ['--out', join(out, 'api'), '--readme', 'none', '--logLevel', 'Error'],
    { cwd: root },
  );
  const pages = await sitePages(root);
  const rendered = await Promise.all(
    pages.map(async (page) => ({
      page,
      content: renderMarkdown(await readFile(join(root, page.source), 'utf8'), page, pages),
    })),
  );
  const titles = new Map(rendered.map(({ page, content }) => [page.output, content.title]));
  for (const { page, content } of rendered) {
    await mkdir(dirname(join(out, page.output)), { recursive: true });
    await writeFile(join(out, page.output), layout(page, pages, content, titles));
  }
  await copyFile(join(here, 'style.css'), join(out, 'style.css'));
  return pages.map((page) => page.output);
}

// `pnpm docs:site [out]`: builds into docs/site/ (git-ignored) and fails on a broken link.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(
    process.env.INIT_CWD ?? process.cwd(),
    process.argv[2] ?? join(root, 'docs/site'),
  );
  const started = performance.now();
  const pages = await buildSite(out);
  const problems = await checkLinks(out);
  for (const problem of problems) console.error(`broken link: ${problem}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`docs site: ${pages.length} pages and the API reference → ${out} in ${seconds}s`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
