/**
 * "Verify any badge": the first demo page. Paste a URL or JSON, or choose/drop a file, and see every check.
 *
 * Security: every string that comes from a credential or a result is written with textContent (never innerHTML);
 * images are used only for https: URLs and raster data: URLs.
 */
import {verifyCredential, type BadgeView, type Check, type VerificationResult} from '../src/core/index.js';

/** Files larger than this are refused before reading (the core's own cap is smaller still). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

const VERDICT_TEXT: Record<VerificationResult['verdict'], string> = {
  verified: '✓ Verified: every check passed.',
  failed: '✗ Not verified: a check failed.',
  indeterminate: '? Could not be fully verified: a check could not run (see below).',
};

function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

const form = $<HTMLFormElement>('verify-form');
const source = $<HTMLTextAreaElement>('source');
const fileInput = $<HTMLInputElement>('file');
const dropZone = $<HTMLDivElement>('drop-zone');
const fileStatus = $<HTMLParagraphElement>('file-status');
const clearFile = $<HTMLButtonElement>('clear-file');
const verdictEl = $<HTMLDivElement>('verdict');
const resultSection = $<HTMLElement>('result');
const checksBody = $<HTMLTableSectionElement>('checks');
const badgeSection = $<HTMLDivElement>('badge-section');
const badgeImage = $<HTMLDivElement>('badge-image');
const details = $<HTMLDListElement>('details');
const skillsSection = $<HTMLDivElement>('skills-section');
const skills = $<HTMLUListElement>('skills');
const raw = $<HTMLPreElement>('raw');

/** The chosen or dropped file, read as bytes; when set it is verified instead of the text. */
let selected: {name: string; bytes: Uint8Array} | undefined;
/** The run in progress: a new run aborts it, and a stale run never writes to the page. */
let current: AbortController | undefined;
/** Counts file selections, so a slow read of an earlier file cannot replace a later one. */
let selection = 0;

// ---------------------------------------------------------------------------------------------------------------
// Input

async function selectFile(file: File | undefined): Promise<void> {
  const mine = ++selection;
  selected = undefined;
  clearFile.hidden = true;
  if (!file) {
    fileStatus.textContent = '';
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    fileStatus.textContent = `${file.name} is too large (${formatBytes(file.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}).`;
    return;
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (mine !== selection) return;
    selected = {name: file.name, bytes};
    fileStatus.textContent = `Selected: ${file.name} (${formatBytes(file.size)}). It will be verified instead of the text.`;
    clearFile.hidden = false;
  } catch (error) {
    if (mine === selection) fileStatus.textContent = `Could not read ${file.name}: ${errorMessage(error)}`;
  }
}

fileInput.addEventListener('change', () => void selectFile(fileInput.files?.[0]));

clearFile.addEventListener('click', () => {
  fileInput.value = '';
  void selectFile(undefined);
  fileStatus.textContent = 'File removed: the text will be verified.';
  fileInput.focus();
});

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
    void selectFile(file);
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
  void verify();
});

// ---------------------------------------------------------------------------------------------------------------
// Verification

async function verify(): Promise<void> {
  const text = source.value.trim();
  const input = selected ? selected.bytes : text;
  if (!selected && !text) {
    showMessage('Paste a URL or JSON, or choose a file, first.');
    source.focus();
    return;
  }

  current?.abort();
  const run = new AbortController();
  current = run;
  showMessage(selected ? `Verifying ${selected.name}…` : 'Verifying…');
  resultSection.setAttribute('aria-busy', 'true');

  let result: VerificationResult;
  try {
    result = await verifyCredential(input, {signal: run.signal});
  } catch (error) {
    // The core promises never to throw; if it does, say so rather than leave the page spinning.
    if (current === run) showMessage(`Verification could not run: ${errorMessage(error)}`, 'indeterminate');
    return;
  } finally {
    if (current === run) resultSection.removeAttribute('aria-busy');
  }
  if (current !== run) return; // a newer run replaced this one
  current = undefined;
  render(result);
}

function showMessage(message: string, verdict?: VerificationResult['verdict']): void {
  verdictEl.textContent = message;
  if (verdict) verdictEl.dataset.verdict = verdict;
  else delete verdictEl.dataset.verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering (textContent only)

function render(result: VerificationResult): void {
  showMessage(VERDICT_TEXT[result.verdict] ?? `Verdict: ${String(result.verdict)}`, result.verdict);

  checksBody.replaceChildren(...result.checks.map(checkRow));
  renderView(result.view);
  raw.textContent = JSON.stringify(result, null, 2);
  resultSection.hidden = false;
}

function checkRow(check: Check): HTMLTableRowElement {
  const row = document.createElement('tr');
  const id = el('th', check.id);
  id.scope = 'row';
  const outcome = el('td', check.outcome);
  outcome.className = `outcome-${check.outcome}`;
  const code = document.createElement('td');
  code.append(el('code', check.code));
  row.append(id, outcome, code, el('td', check.message));
  return row;
}

function renderView(view: BadgeView | undefined): void {
  details.replaceChildren();
  badgeImage.replaceChildren();
  skills.replaceChildren();
  badgeSection.hidden = !view;
  if (!view) return;

  const imageUrl = safeImageUrl(view.achievement?.image) ?? safeImageUrl(view.issuer.image);
  if (imageUrl) {
    const img = document.createElement('img');
    img.src = imageUrl;
    img.alt = view.achievement?.name ? `Badge image: ${view.achievement.name}` : 'Badge image';
    img.referrerPolicy = 'no-referrer';
    img.decoding = 'async';
    img.loading = 'lazy';
    badgeImage.append(img);
  }

  addDetail('Badge', view.achievement?.name ?? view.credentialName);
  addDetail('Description', view.achievement?.description);
  addDetail('Type', view.achievement?.achievementType);
  addDetail('Criteria', view.achievement?.criteria ?? view.achievement?.criteriaUrl);
  addDetail('Issuer', view.issuer.name);
  addDetail('Issuer id', view.issuer.id);
  addDetail('Signed by', view.issuer.verifiedIdentifier ? `${view.issuer.verifiedIdentifier} (verified)` : 'not verified');
  addDetail('Recipient', view.recipient?.name ?? view.recipient?.id);
  addDetail('Issued', view.issued);
  addDetail('Expires', view.expires);
  if (view.achievement?.tags?.length) addDetail('Tags', view.achievement.tags.join(', '));
  if (view.endorsementCount > 0) addDetail('Endorsements', String(view.endorsementCount));

  for (const alignment of view.alignments) {
    const name = alignment.targetName ?? alignment.targetCode ?? alignment.targetUrl;
    if (!name) continue;
    const extra = [alignment.targetFramework, alignment.targetCode !== name ? alignment.targetCode : undefined]
      .filter(Boolean)
      .join(', ');
    const item = document.createElement('li');
    item.append(el('bdi', name));
    if (extra) item.append(' (', el('bdi', extra), ')');
    if (alignment.targetUrl && alignment.targetUrl !== name) item.append(' — ', el('bdi', alignment.targetUrl));
    skills.append(item);
  }
  skillsSection.hidden = skills.childElementCount === 0;
}

/** One term and its value; `bdi` keeps right-to-left text in a name from reordering what follows it. */
function addDetail(term: string, value: string | undefined): void {
  if (!value) return;
  const dd = document.createElement('dd');
  dd.append(el('bdi', value));
  details.append(el('dt', term), dd);
}

/** An element whose content is plain text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

/** Only https: URLs and raster data: images (never SVG, never javascript: or other schemes). */
function safeImageUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^data:image\/(png|jpeg|gif|webp)[;,]/i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
