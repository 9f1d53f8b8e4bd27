import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** One page of the site: the markdown it comes from and where it goes. */
export interface SitePage {
  /** Repository-relative markdown file, `docs/guides/pipelines.md`. */
  source: string;
  /** Site-relative HTML file, `guides/pipelines.html`. */
  output: string;
  section: 'Home' | 'Guides' | 'Reference' | 'Packages';
}

const REFERENCE = ['docs/commands.md', 'docs/targets.md', 'docs/releasing.md'];
const PACKAGES = ['client', 'pipeline', 'types', 'codegen'];

/**
 * Every page, in navigation order: the README as the home page, every guide in docs/guides/
 * (so a new guide joins the site by being there), the generated command reference and the
 * other docs, and the packages' READMEs. The API reference is TypeDoc's, under `api/`.
 */
export async function sitePages(root: string): Promise<SitePage[]> {
  const guides = (await readdir(join(root, 'docs/guides')))
    .filter((name) => name.endsWith('.md'))
    .sort();
  return [
    { source: 'README.md', output: 'index.html', section: 'Home' },
    ...guides.map((name) => ({
      source: `docs/guides/${name}`,
      output: `guides/${name.replace(/\.md$/, '.html')}`,
      section: 'Guides' as const,
    })),
    ...REFERENCE.map((source) => ({
      source,
      output: source.replace(/^docs\//, '').replace(/\.md$/, '.html'),
      section: 'Reference' as const,
    })),
    ...PACKAGES.map((name) => ({
      source: `packages/${name}/README.md`,
      output: `packages/${name}.html`,
      section: 'Packages' as const,
    })),
  ];
}
