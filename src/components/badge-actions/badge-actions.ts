import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULTS, type BadgeView } from '../../core/index.js';
import type { VbBadgeCard } from '../badge-card/badge-card.js';
import { verifierOptions } from '../shared/config.js';
import { languageOf, languageReady } from '../shared/i18n.js';
import { msg } from './messages.js';
import { tokens } from '../shared/tokens.js';
import type { DownloadFile, RasterToPng } from './badge-actions.model.js';
import { linkedInUrl, webUrl } from './links.js';
import { styles } from './badge-actions.styles.js';

/** `vb-badge-download`: a baked badge was handed to the browser to save. */
export interface VbBadgeDownloadDetail {
  fileName: string;
  format: 'png' | 'svg';
  /** Size of the file in bytes. */
  size: number;
}

const CARD_EVENTS = ['vb-verify-start', 'vb-verify-end'] as const;
const SETTLED = new Set(['verified', 'failed', 'indeterminate']);
/** Raster badge images larger than this (either side) are not converted; the download falls back to a drawn SVG. */
const MAX_SIDE = 4096;

const downloadIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path fill="currentColor" d="M7.25 1.75a.75.75 0 0 1 1.5 0v6.69l2.22-2.22a.75.75 0 1 1 1.06 1.06l-3.5 3.5a.75.75 0 0 1-1.06 0l-3.5-3.5a.75.75 0 0 1 1.06-1.06l2.22 2.22V1.75ZM2.75 12.5a.75.75 0 0 0 0 1.5h10.5a.75.75 0 0 0 0-1.5H2.75Z" />
</svg>`;
const externalIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path fill="currentColor" d="M9.75 1.5a.75.75 0 0 0 0 1.5h2.19L6.72 8.22a.75.75 0 1 0 1.06 1.06L13 4.06v2.19a.75.75 0 0 0 1.5 0v-4a.75.75 0 0 0-.75-.75h-4ZM3.5 4A1.5 1.5 0 0 0 2 5.5v7A1.5 1.5 0 0 0 3.5 14h7a1.5 1.5 0 0 0 1.5-1.5V9.25a.75.75 0 0 0-1.5 0v3.25h-7v-7h3.25a.75.75 0 0 0 0-1.5H3.5Z" />
</svg>`;

/**
 * "Download badge" and "Add to LinkedIn" for a `<vb-badge-card>`: put it in the card's `actions` slot (or point at
 * a card with `for`).
 *
 * "Download badge" bakes the credential, exactly as the card received it (the JSON, or the JWT), into an image and
 * hands it to the browser to save: into the PNG or SVG the card was given when it was a baked badge, else into the
 * badge's own image when that is a raster `data:` image (as a PNG), else into an SVG drawn from the badge. It is
 * made in the browser; a credential the card loaded from a URL is fetched once more (under the same network rules).
 *
 * "Add to LinkedIn" appears once the card is verified: LinkedIn's add-to-profile link for a certification, filled
 * from the badge (name, issuer, issue and expiry month, the credential's URL when the card loaded one, and its id).
 *
 * @summary Download a baked badge and add it to a LinkedIn profile, for a badge card.
 *
 * @fires {CustomEvent<VbBadgeDownloadDetail>} vb-badge-download - A baked badge was handed to the browser to save;
 *   `detail` has its file name, format and size. Bubbles, composed.
 *
 * @csspart download - The "Download badge" button.
 * @csspart linkedin - The "Add to LinkedIn" link (present only for a verified badge).
 * @csspart message - What the last download did ("Saved as …", or why it failed); a polite live region.
 *
 * @cssprop --vb-accent - Text colour of the actions and focus rings.
 * @cssprop --vb-background - Background of the actions.
 * @cssprop --vb-surface - Background on hover and when disabled.
 * @cssprop --vb-border - Border colour.
 * @cssprop --vb-muted - Disabled text and the message.
 * @cssprop --vb-failed - The message when a download failed.
 * @cssprop --vb-radius - Corner radius.
 * @cssprop --vb-font - Font family.
 */
export class VbBadgeActions extends LitElement {
  static override styles = [tokens, styles];

  /** On a page in another language, its strings load before the first render: nothing shows in English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = languageReady(languageOf(this));
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The id of the `<vb-badge-card>` (same document or shadow root); by default, the card this element is inside. */
  @property({ reflect: true }) for?: string;

  @state() private _busy = false;
  @state() private _message = '';
  @state() private _failed = false;

  private _root?: Node;
  private _abort?: AbortController;
  private _objectUrl?: string;

  /** The card the actions belong to, if it is on the page. */
  get card(): VbBadgeCard | undefined {
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      const found = typeof root.getElementById === 'function' ? root.getElementById(this.for) : null;
      return found?.localName === 'vb-badge-card' ? (found as VbBadgeCard) : undefined;
    }
    return (this.closest('vb-badge-card') as VbBadgeCard | null) ?? undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Card events bubble and are composed: listening at the root also finds a card added after this element.
    this._root = this.getRootNode();
    for (const type of CARD_EVENTS) this._root.addEventListener(type, this._onCardEvent);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of CARD_EVENTS) this._root?.removeEventListener(type, this._onCardEvent);
    this._root = undefined;
    this._abort?.abort();
    this._forget();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this._message = '';
  }

  private readonly _onCardEvent = (event: Event): void => {
    const card = this.card;
    if (!card || !event.composedPath().includes(card)) return;
    // A new verification makes the last download's message stale.
    if (event.type === 'vb-verify-start') {
      this._message = '';
      this._failed = false;
    }
    this.requestUpdate();
  };

  protected override render(): TemplateResult {
    const lang = languageOf(this);
    const card = this.card;
    const settled = !!card && SETTLED.has(card.state);
    const result = settled ? card.result : undefined;
    const view = result?.credential ? result.view : undefined;
    const name = view ? nameOf(view) : '';
    const linkedIn = view && card?.state === 'verified' ? linkedInUrl(view, webUrl(card.verificationInput)) : undefined;
    return html`<button
        part="download"
        class="action"
        type="button"
        ?disabled=${!view}
        aria-busy=${this._busy ? 'true' : 'false'}
        @click=${this._download}
      >
        ${downloadIcon}<span>${this._busy ? msg(lang, 'actions.preparing') : msg(lang, 'actions.download')}</span
        >${name ? html`<span class="visually-hidden">: ${msg(lang, 'actions.downloadDetail', { name })}</span>` : nothing}
      </button>
      ${linkedIn
        ? html`<a part="linkedin" class="action" href=${linkedIn} target="_blank" rel="noopener noreferrer"
            ><span>${msg(lang, 'actions.linkedin')}</span
            ><span class="visually-hidden">: ${msg(lang, 'actions.linkedinDetail', { name })}</span>${externalIcon}</a
          >`
        : nothing}
      <p part="message" class="message ${this._failed ? 'failed' : ''}" role="status" aria-live="polite">${this._message}</p>`;
  }

  private async _download(): Promise<void> {
    const card = this.card;
    const view = card && SETTLED.has(card.state) && card.result?.credential ? card.result.view : undefined;
    if (!card || !view || this._busy) return;
    const abort = new AbortController();
    this._abort = abort;
    this._busy = true;
    this._message = '';
    this._failed = false;
    const lang = languageOf(this);
    try {
      const options = verifierOptions();
      // Reading and baking images load with the first download, not with the element.
      const { readReceived, bakeDownload } = await import('./badge-actions.model.js');
      const read = await readReceived(card.verificationInput, {
        fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
        timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
        maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      if (!read.ok) throw new Error(read.message);
      const file = await bakeDownload(read.received, view, canvasRasterToPng);
      if (abort.signal.aborted) return;
      const size = this._save(file);
      this._message = msg(lang, 'actions.downloaded', { file: file.name });
      this.dispatchEvent(
        new CustomEvent<VbBadgeDownloadDetail>('vb-badge-download', {
          detail: { fileName: file.name, format: file.format, size },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      this._failed = true;
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
      this._message = msg(lang, 'actions.downloadFailed', { reason });
    } finally {
      if (this._abort === abort) {
        this._abort = undefined;
        this._busy = false;
      }
    }
  }

  /** Offers the file through a Blob URL and a link with `download`; returns its size. */
  private _save(file: DownloadFile): number {
    this._forget();
    const data = typeof file.data === 'string' ? file.data : file.data.slice();
    const blob = new Blob([data], { type: file.type });
    const url = URL.createObjectURL(blob);
    this._objectUrl = url;
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    return blob.size;
  }

  /** The Blob URL of the last download lives until the next one, or until the element leaves the page. */
  private _forget(): void {
    if (this._objectUrl) URL.revokeObjectURL(this._objectUrl);
    this._objectUrl = undefined;
  }
}

function nameOf(view: BadgeView): string {
  return view.achievement?.name ?? view.credentialName ?? '';
}

/** JPEG, GIF and WebP badge images become PNGs through a canvas (data: images never taint it). */
export const canvasRasterToPng: RasterToPng = async (bytes, type) => {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return undefined;
  const bitmap = await createImageBitmap(new Blob([bytes.slice()], { type }));
  try {
    if (bitmap.width > MAX_SIDE || bitmap.height > MAX_SIDE || !bitmap.width || !bitmap.height) return undefined;
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return png ? new Uint8Array(await png.arrayBuffer()) : undefined;
  } finally {
    bitmap.close();
  }
};

declare global {
  interface HTMLElementTagNameMap {
    'vb-badge-actions': VbBadgeActions;
  }
  interface GlobalEventHandlersEventMap {
    'vb-badge-download': CustomEvent<VbBadgeDownloadDetail>;
  }
}
