/**
 * What every demo page shares: the list of issued badges (`issued/index.json`, written by the demo issuer), the page
 * configuration (the demo's issuers are "recognised"), the elements, and small DOM helpers.
 *
 * Pages import something from this module and use it: a bare `import './site.js'` may be dropped by the bundler
 * (package.json `sideEffects` does not list demo files).
 *
 * Security: text from the index or from credentials is only ever written with textContent or as attribute values
 * (never innerHTML); the badge cards render credential data themselves, safely.
 */
import { configure } from '../src/components/shared/config.js';
import { VbBadgeActions } from '../src/components/badge-actions/badge-actions.js';

export type Expected = 'verified' | 'revoked' | 'suspended' | 'expired' | 'tampered' | 'indeterminate';

export interface DemoBadge {
  slug: string;
  title: string;
  /** Path of the credential, relative to the site root (the pages live there too). */
  file: string;
  format: string;
  issuer: string;
  expected: Expected;
  note: string;
}

export interface DemoCandidate {
  name: string;
  role: string;
  badges: string[];
}

export interface DemoIndex {
  origin: string;
  issuedAt: string;
  issuers: { id: string; name: string; url?: string }[];
  badges: DemoBadge[];
  candidates: DemoCandidate[];
}

/** How each intended outcome is shown, and the card state and reason words that mean it was reached. */
export const EXPECTED: Record<Expected, { label: string; kind: 'verified' | 'failed' | 'indeterminate'; icon: string }> = {
  verified: { label: 'Verified', kind: 'verified', icon: '✓' },
  revoked: { label: 'Revoked', kind: 'failed', icon: '✕' },
  suspended: { label: 'Suspended', kind: 'failed', icon: '✕' },
  expired: { label: 'Expired', kind: 'failed', icon: '✕' },
  tampered: { label: 'Tampered with', kind: 'failed', icon: '✕' },
  indeterminate: { label: 'Could not check', kind: 'indeterminate', icon: '?' },
};

let index: DemoIndex | undefined;
let indexError: string | undefined;
try {
  const response = await fetch(new URL('issued/index.json', document.baseURI), { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  index = (await response.json()) as DemoIndex;
  if (!Array.isArray(index.badges) || !Array.isArray(index.candidates)) throw new Error('not the demo issuer’s index');
} catch (error) {
  index = undefined;
  indexError = `The demo badges could not be loaded (issued/index.json: ${error instanceof Error ? error.message : String(error)}). Run “npm start”: it issues them before serving the pages.`;
}

// The page configuration comes before the elements: every card then labels the demo's issuers as recognised.
configure({ trustedIssuers: index?.issuers.map((issuer) => issuer.id) ?? [] });
await import('../src/define.js');
if (!customElements.get('vb-badge-actions')) customElements.define('vb-badge-actions', VbBadgeActions);

/** The demo issuer's index; on failure the page says why (in its `.notice`) and gets undefined. */
export function demoIndex(): DemoIndex | undefined {
  if (!index && indexError) notice(indexError);
  return index;
}

/** Shows a problem at the top of the page. */
export function notice(message: string): void {
  const box = document.querySelector<HTMLElement>('.notice');
  if (box) box.textContent = message;
  else console.warn(message);
}

type Child = Node | string | undefined | null | false;

/** An element with attributes and children; strings become text nodes (never markup). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Record<string, string | boolean | undefined>,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attributes?: Record<string, string | boolean | undefined>, ...children: Child[]): HTMLElement;
export function h(tag: string, attributes: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** The element with this id, or an error naming the page's missing piece. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

export interface CardOptions {
  id?: string;
  compact?: boolean;
  /** Adds a <vb-verify-button for=…> to the card's actions. */
  verifyButton?: boolean;
  /** Adds "Download badge" and "Add to LinkedIn" to the card's actions. */
  actions?: boolean;
  headingLevel?: number;
}

/** A <vb-badge-card src=…> for a badge of the index, with a link as its fallback and the chosen actions. */
export function badgeCard(file: string, title: string, options: CardOptions = {}): HTMLElement {
  const card = h(
    'vb-badge-card',
    {
      id: options.id,
      src: file,
      compact: options.compact,
      'heading-level': options.headingLevel ? String(options.headingLevel) : undefined,
    },
    h('a', { href: file }, `${title} (Open Badge)`),
  );
  if (options.verifyButton && options.id) card.append(h('vb-verify-button', { slot: 'actions', for: options.id }));
  if (options.actions) card.append(h('vb-badge-actions', { slot: 'actions' }));
  return card;
}

/** The markup of a card as badgeCard() makes it, for the page's snippet. */
export function cardMarkup(file: string, title: string, options: CardOptions = {}, indent = ''): string {
  const attributes = [
    options.id ? `id="${options.id}"` : '',
    options.compact ? 'compact' : '',
    options.headingLevel ? `heading-level="${options.headingLevel}"` : '',
    `src="${file}"`,
  ]
    .filter(Boolean)
    .join(' ');
  const inner = [
    `<a href="${file}">${escapeHtml(title)} (Open Badge)</a>`,
    options.verifyButton && options.id ? `<vb-verify-button slot="actions" for="${options.id}"></vb-verify-button>` : '',
    options.actions ? '<vb-badge-actions slot="actions"></vb-badge-actions>' : '',
  ].filter(Boolean);
  return `${indent}<vb-badge-card ${attributes}>\n${inner.map((line) => `${indent}  ${line}`).join('\n')}\n${indent}</vb-badge-card>`;
}

/** Escapes text for display inside an HTML snippet (the snippet itself is shown with textContent). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Fills a <code> element (inside a <pre>) with a snippet, as text. */
export function showSnippet(id: string, text: string): void {
  byId(id).textContent = text;
}

/** Initials for an avatar: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** "Ada Lovelace" → "ada-lovelace", for ?candidate= links. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The badge of the index for a file path, if any. */
export function badgeOf(file: string): DemoBadge | undefined {
  return index?.badges.find((badge) => badge.file === file);
}

/** The settled state of a card, or undefined while it is still verifying. */
export function settledState(card: Element): 'verified' | 'failed' | 'indeterminate' | undefined {
  const state = card.getAttribute('state');
  return state === 'verified' || state === 'failed' || state === 'indeterminate' ? state : undefined;
}
