import { posix } from 'node:path';
import { Marked, type Tokens } from 'marked';
import type { SitePage } from './site-pages.js';

/** Where a repository file that is not a page is linked: its source on the forge. */
export const REPOSITORY = 'https://github.com/redspec/redspec/blob/main';

/** `Nested pipelines (redpipe semantics)` → `nested-pipelines-redpipe-semantics`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Rewrites a link of a markdown file for the site: to another page (`guides/x.html`), to the
 * API reference, or, for a repository file that is no page, to its source on the forge.
 */
function siteHref(href: string, page: SitePage, pages: readonly SitePage[]): string {
  if (/^[a-z]+:/i.test(href) || href.startsWith('#')) return href;
  const [path, anchor] = href.split('#') as [string, string | undefined];
  const target = posix.normalize(posix.join(posix.dirname(page.source), path));
  const other = pages.find((candidate) => candidate.source === target);
  const suffix = anchor === undefined ? '' : `#${anchor}`;
  if (other === undefined) return `${REPOSITORY}/${target}${suffix}`;
  return posix.relative(posix.dirname(page.output), other.output) + suffix;
}

/** The page's title (its first heading) and its body as HTML, links rewritten for the site. */
export function renderMarkdown(
  markdown: string,
  page: SitePage,
  pages: readonly SitePage[],
): { title: string; html: string } {
  let title = '';
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }: Tokens.Heading): string {
        const text = this.parser.parseInline(tokens);
        if (title === '') title = text.replace(/<[^>]+>/g, '');
        return `<h${depth} id="${slug(text)}">${text}</h${depth}>\n`;
      },
      link({ href, title: linkTitle, tokens }: Tokens.Link): string {
        const text = this.parser.parseInline(tokens);
        const titled = linkTitle ? ` title="${escape(linkTitle)}"` : '';
        return `<a href="${escape(siteHref(href, page, pages))}"${titled}>${text}</a>`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { title: title || page.source, html };
}

/** The whole HTML document: navigation on the side, the page in the middle. */
export function layout(
  page: SitePage,
  pages: readonly SitePage[],
  content: { title: string; html: string },
  titles: ReadonlyMap<string, string>,
): string {
  const up = posix.relative(posix.dirname(page.output), '.') || '.';
  const link = (output: string, text: string): string => {
    const href = posix.relative(posix.dirname(page.output), output);
    const current = output === page.output ? ' aria-current="page"' : '';
    return `<li><a href="${escape(href)}"${current}>${escape(text)}</a></li>`;
  };
  const sections = ['Guides', 'Reference', 'Packages'] as const;
  const nav = sections
    .map((section) => {
      const items = pages
        .filter((other) => other.section === section)
        .map((other) => link(other.output, titles.get(other.output) ?? other.output));
      if (section === 'Reference') items.push(link('api/index.html', 'API reference'));
      return `<h2>${section}</h2>\n<ul>\n${items.join('\n')}\n</ul>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(content.title)} · Redspec</title>
<link rel="stylesheet" href="${up}/style.css">
</head>
<body>
<nav>
<p class="brand"><a href="${up}/index.html">Redspec</a></p>
${nav}
</nav>
<main>
${content.html}
</main>
</body>
</html>
`;
}
