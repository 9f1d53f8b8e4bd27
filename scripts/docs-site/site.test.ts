import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { checkLinks } from './check-links.js';

describe('the docs site', () => {
  let out = '';
  let pages: string[] = [];
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'redspec-site-'));
    pages = await buildSite(out);
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('has a page for every guide in docs/guides, each in the navigation', async () => {
    const guides = (await readdir('docs/guides')).filter((name) => name.endsWith('.md'));
    expect(guides.length).toBeGreaterThan(0);
    const home = await readFile(join(out, 'index.html'), 'utf8');
    for (const guide of guides) {
      const page = `guides/${guide.replace(/\.md$/, '.html')}`;
      expect(pages).toContain(page);
      expect(home).toContain(`href="${page}"`);
    }
  });

  it('has the API reference and the command reference with a row per command', async () => {
    expect(await readFile(join(out, 'api/index.html'), 'utf8')).toContain('@redspec/client');
    const commands = await readFile(join(out, 'commands.html'), 'utf8');
    expect(commands).toContain('<td><code>hgetall</code></td>');
    const methods = (await readFile('docs/commands.md', 'utf8')).match(/^\| `\w+` +\|/gm) ?? [];
    expect(commands.match(/<tr>/g)?.length).toBe(methods.length + 1);
  });

  // It reads every page of the site, the API reference's included (RedisCommands and
  // SharedConnectionCommands each list ~370 methods): 2–5 s on a quiet machine, more under load,
  // so the bound is against a hang, not a speed.
  it('has no broken link: every relative link names a file, every anchor an id', async () => {
    expect(await checkLinks(out)).toEqual([]);
  }, 60_000);
});
