import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

/** Every file under `dir`, recursively. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

// TypeDoc's hierarchy page writes the top of each hierarchy and lets its script add the levels
// below, so an anchor to a deeper type exists only once the page runs.
const scriptedAnchors = (file: string): boolean => file.endsWith('/api/hierarchy.html');

const decode = (text: string): string =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/**
 * Broken links of a built site, one line each: a relative `href` or `src` that names no file,
 * or an anchor that no `id` (or `name`) of its page declares. Links to other sites are not
 * fetched (there may be no network); they must only be absolute `http(s)` or `mailto` URLs.
 */
export async function checkLinks(siteDir: string): Promise<string[]> {
  const html = (await files(siteDir)).filter((file) => file.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string): Promise<Set<string>> => {
    let found = ids.get(file);
    if (found === undefined) {
      const text = await readFile(file, 'utf8');
      found = new Set([...text.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decode(m[1]!)));
      ids.set(file, found);
    }
    return found;
  };
  const problems: string[] = [];
  for (const file of html) {
    const text = await readFile(file, 'utf8');
    for (const [, , raw] of text.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const link = decode(raw!);
      const where = `${relative(siteDir, file)}: ${link}`;
      if (/^(https?:\/\/|mailto:)/.test(link)) continue;
      if (/^[a-z]+:/i.test(link)) {
        problems.push(`${where}: not a link to a page`);
        continue;
      }
      const [path = '', anchor] = link.split('#');
      let target = path === '' ? file : resolve(dirname(file), decodeURI(path.split('?')[0]!));
      if (path.endsWith('/')) target = join(target, 'index.html');
      if (!target.startsWith(resolve(siteDir)) || !existsSync(target)) {
        problems.push(`${where}: no such file`);
      } else if (
        anchor &&
        target.endsWith('.html') &&
        !scriptedAnchors(target) &&
        !(await idsOf(target)).has(decodeURI(anchor))
      ) {
        problems.push(`${where}: no such anchor`);
      }
    }
  }
  return problems;
}
