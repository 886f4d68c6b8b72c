/// <reference types="node" />
/**
 * The demo pages' skip link and site header (demo/partials/site-header.html), written in place of each page's
 * `<!-- site-header -->` comment by the dev server (vite.config.ts) and the demo build (demo/vite.demo.config.ts). The
 * navigation link to the page itself gets `aria-current="page"`. A page without the comment is left as it is.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plugin } from 'vite';

const MARKER = /^([ \t]*)<!-- site-header -->[ \t]*$/m;

export function siteHeader(): Plugin {
  const partial = new URL('./partials/site-header.html', import.meta.url);
  return {
    name: 'vb-demo-site-header',
    transformIndexHtml: {
      order: 'pre',
      handler(html, { filename }) {
        const found = MARKER.exec(html);
        if (!found) return html;
        const page = `./${basename(filename)}`;
        const header = readFileSync(partial, 'utf8')
          .trimEnd()
          .split('\n')
          .map((line) => `${found[1]}${line}`.trimEnd())
          .join('\n')
          .replace(`<a href="${page}">`, `<a href="${page}" aria-current="page">`);
        return html.replace(MARKER, () => header);
      },
    },
  };
}
