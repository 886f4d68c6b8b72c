/**
 * "Verify any badge": paste a URL, JSON or a JWT, or choose/drop a file (a baked PNG or SVG, JSON, a JWT), and see
 * the badge in a <vb-badge-card> with every check listed under it.
 *
 * The card does the verifying (`.credential` = the text or the file's bytes, or `src` = the URL); this page renders
 * the checks from the card's `vb-verify-end` event.
 *
 * Security: every string that comes from a credential or a result is written with textContent (never innerHTML); the
 * card renders credential data itself, as text, with https and raster data: images only.
 */
import type { VbBadgeCard } from '../src/components/badge-card/badge-card.js';
import type { VbVerifyEndDetail } from '../src/components/shared/events.js';
import type { Check, VerificationResult } from '../src/core/index.js';
import { byId, demoIndex, h } from './site.js';

/** Files larger than this are refused before reading (the core's own cap is smaller still). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const form = byId<HTMLFormElement>('verify-form');
const source = byId<HTMLTextAreaElement>('source');
const fileInput = byId<HTMLInputElement>('file');
const dropZone = byId<HTMLDivElement>('drop-zone');
const fileStatus = byId<HTMLParagraphElement>('file-status');
const placeholder = byId<HTMLDivElement>('placeholder');
const card = byId<VbBadgeCard>('result-card');
const checksSection = byId<HTMLDivElement>('checks-section');
const checksBody = byId<HTMLTableSectionElement>('checks');
const raw = byId<HTMLPreElement>('raw');

/** Counts file selections, so a slow read of an earlier file cannot replace a later one. */
let selection = 0;

// ---------------------------------------------------------------------------------------------------------------
// What to verify

/** Shows the card and verifies `input`: bytes or text go to `.credential`, a URL to `src`. */
function verify(input: { credential: Uint8Array | string } | { src: string }): void {
  placeholder.hidden = true;
  card.hidden = false;
  if ('src' in input) {
    card.credential = null;
    card.src = input.src;
  } else {
    card.removeAttribute('src');
    card.credential = input.credential;
  }
  // verify() runs now (also when the input is the same as last time); the card's own update then sees no change.
  void card.verify();
}

/** Pasted text: JSON, a JWT or an SVG as it is; anything with a scheme, or a path, is a URL. */
function verifyText(): void {
  const text = source.value.trim();
  if (!text) {
    fileStatus.textContent = '';
    source.focus();
    source.setAttribute('aria-invalid', 'true');
    byId('source-hint').textContent = 'Paste a URL, JSON or a JWT first, or choose a file.';
    return;
  }
  source.removeAttribute('aria-invalid');
  if (text.startsWith('{') || text.startsWith('<') || COMPACT_JWS.test(text)) return verify({ credential: source.value });
  if (HAS_SCHEME.test(text)) return verify({ src: text });
  if (!/\s/.test(text)) {
    try {
      return verify({ src: new URL(text, document.baseURI).href });
    } catch {
      // not a URL either: the card says it cannot read it
    }
  }
  verify({ credential: source.value });
}

async function verifyFile(file: File | undefined): Promise<void> {
  const mine = ++selection;
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    fileStatus.textContent = `${file.name} is too large (${formatBytes(file.size)}); badges are much smaller.`;
    return;
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (mine !== selection) return;
    fileStatus.textContent = `Verifying ${file.name} (${formatBytes(file.size)}).`;
    verify({ credential: bytes });
  } catch (error) {
    if (mine === selection) fileStatus.textContent = `Could not read ${file.name}: ${errorMessage(error)}`;
  }
}

fileInput.addEventListener('change', () => void verifyFile(fileInput.files?.[0]));

// Drag and drop: the zone takes the drop; anywhere else a stray drop must not navigate away to the file.
for (const type of ['dragenter', 'dragover'] as const) {
  dropZone.addEventListener(type, (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    dropZone.classList.add('is-dragover');
  });
}
dropZone.addEventListener('dragleave', (event) => {
  if (!dropZone.contains(event.relatedTarget as Node | null)) dropZone.classList.remove('is-dragover');
});
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('is-dragover');
  const file = event.dataTransfer?.files[0];
  if (file) {
    fileInput.value = '';
    void verifyFile(file);
  }
});
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

source.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  fileInput.value = '';
  fileStatus.textContent = '';
  verifyText();
});

// ---------------------------------------------------------------------------------------------------------------
// Examples from the demo issuer: a URL, a JWT pasted as text, a baked PNG and a tampered badge.

const index = demoIndex();
if (index) {
  const examples = byId<HTMLUListElement>('examples');
  const add = (label: string, run: () => void | Promise<void>) => {
    const button = h('button', { class: 'button', type: 'button' }, label);
    button.addEventListener('click', () => void run());
    examples.append(h('li', {}, button));
  };
  const find = (test: (file: string, expected: string) => boolean) => index.badges.find((b) => test(b.file, b.expected));
  const url = find((file, expected) => file.endsWith('.json') && expected === 'verified');
  const jwt = find((file) => file.endsWith('.jwt'));
  const png = find((file, expected) => file.endsWith('.png') && expected === 'verified');
  const tampered = find((file, expected) => file.endsWith('.json') && expected === 'tampered');
  if (url) {
    add('A URL', () => {
      source.value = new URL(url.file, document.baseURI).href;
      form.requestSubmit();
    });
  }
  if (jwt) {
    add('A JWT', async () => {
      source.value = (await (await fetch(new URL(jwt.file, document.baseURI))).text()).trim();
      form.requestSubmit();
    });
  }
  if (png) {
    add('A baked PNG', async () => {
      const blob = await (await fetch(new URL(png.file, document.baseURI))).blob();
      void verifyFile(new File([blob], png.file.split('/').pop()!, { type: 'image/png' }));
    });
  }
  if (tampered) {
    add('A tampered badge', async () => {
      source.value = await (await fetch(new URL(tampered.file, document.baseURI))).text();
      form.requestSubmit();
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The checks, from the card's result (textContent only)

card.addEventListener('vb-verify-start', (event) => {
  if (event.target !== card) return;
  checksSection.hidden = true;
});

card.addEventListener('vb-verify-end', (event: Event) => {
  // The verify button in the card's actions fires its own vb-verify-end, which bubbles through the card.
  if (event.target !== card) return;
  render((event as CustomEvent<VbVerifyEndDetail>).detail.result);
});

function render(result: VerificationResult): void {
  checksBody.replaceChildren(...result.checks.map(checkRow));
  raw.textContent = JSON.stringify(result, null, 2);
  checksSection.hidden = false;
  if (fileStatus.textContent?.startsWith('Verifying ')) fileStatus.textContent = fileStatus.textContent.replace(/^Verifying /, 'Checked ');
}

function checkRow(check: Check): HTMLTableRowElement {
  const code = h('td', {}, h('code', {}, check.code));
  return h(
    'tr',
    { 'data-check': check.id, 'data-outcome': check.outcome },
    h('th', { scope: 'row' }, check.id),
    h('td', { class: `outcome outcome-${check.outcome}` }, check.outcome),
    code,
    h('td', {}, check.message),
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
