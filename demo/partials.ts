/// <reference types="node" />
/**
 * The parts every demo page shares, written in place of a comment on a line of its own by the dev server
 * (vite.config.ts) and the demo build (demo/vite.demo.config.ts), indented as the comment is:
 * - `<!-- site-head -->`: the head's common lines (charset, viewport, the Content-Security-Policy, referrer policy,
 *   icon and stylesheet), demo/partials/site-head.html; each page keeps its own title and description.
 * - `<!-- site-header -->`: the skip link and site header, demo/partials/site-header.html; the navigation link to the
 *   page itself gets `aria-current="page"`.
 * - `<!-- site-footer -->`: the footer, demo/partials/site-footer.html.
 * A page without a comment is left as it is (demo/plain.html has none: it stands alone on purpose).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plugin } from 'vite';

const PARTIALS = ['site-head', 'site-header', 'site-footer'] as const;

/** `html` with each partial's comment replaced by the partial (`page`: the page's own file name, `./name.html`). */
export function withPartials(html: string, page: string, read: (name: string) => string): string {
  let out = html;
  for (const name of PARTIALS) {
    const marker = new RegExp(`^([ \\t]*)<!-- ${name} -->[ \\t]*$`, 'm');
    const found = marker.exec(out);
    if (!found) continue;
    let text = read(name)
      .trimEnd()
      .split('\n')
      .map((line) => `${found[1]}${line}`.trimEnd())
      .join('\n');
    if (name === 'site-header') text = text.replace(`<a href="${page}">`, `<a href="${page}" aria-current="page">`);
    out = out.replace(marker, () => text);
  }
  return out;
}

export function demoPartials(): Plugin {
  const read = (name: string) => readFileSync(new URL(`./partials/${name}.html`, import.meta.url), 'utf8');
  return {
    name: 'vb-demo-partials',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, { filename }) => withPartials(html, `./${basename(filename)}`, read),
    },
  };
}
