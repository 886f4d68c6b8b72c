/**
 * A safe subset of Markdown for criteria narratives: paragraphs, line breaks, emphasis, strong, inline code, lists
 * and https links. Output is Lit templates with text bindings only; raw HTML in the source stays text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { httpsUrl } from '../../core/view.js';

type Inline = TemplateResult | string;

const MAX_SOURCE = 20_000;

export function renderMarkdown(source: string | undefined): TemplateResult | typeof nothing {
  if (!source) return nothing;
  const text = source.length > MAX_SOURCE ? `${source.slice(0, MAX_SOURCE)}…` : source;
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return html`${blocks.map((block) => renderBlock(block))}`;
}

function renderBlock(block: string): TemplateResult {
  const lines = block.split('\n').filter((l) => l.trim() !== '');
  if (lines.length && lines.every((l) => /^\s*[-*+]\s+/.test(l))) {
    return html`<ul>${lines.map((l) => html`<li>${inline(l.replace(/^\s*[-*+]\s+/, ''))}</li>`)}</ul>`;
  }
  if (lines.length && lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) {
    return html`<ol>${lines.map((l) => html`<li>${inline(l.replace(/^\s*\d+[.)]\s+/, ''))}</li>`)}</ol>`;
  }
  const heading = /^#{1,6}\s+(.*)$/.exec(lines[0] ?? '');
  if (heading && lines.length === 1) return html`<p><strong>${inline(heading[1]!)}</strong></p>`;
  return html`<p>${lines.map((l, i) => html`${i ? html`<br />` : nothing}${inline(l)}`)}</p>`;
}

/** Links, code, strong and emphasis, in one left-to-right scan (no nested regex backtracking). */
function inline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)|`([^`\n]{1,500})`|\*\*([^*\n]{1,500})\*\*|__([^_\n]{1,500})__|\*([^*\n]{1,500})\*|_([^_\n]{1,500})_/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) {
      const href = httpsUrl(m[2]);
      out.push(href ? html`<a href=${href} rel="noopener noreferrer" target="_blank">${m[1]}</a>` : m[0]);
    } else if (m[3] !== undefined) out.push(html`<code>${m[3]}</code>`);
    else if (m[4] !== undefined || m[5] !== undefined) out.push(html`<strong>${m[4] ?? m[5]}</strong>`);
    else out.push(html`<em>${m[6] ?? m[7]}</em>`);
    last = pattern.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
