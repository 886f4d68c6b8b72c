import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LatestRun } from '../shared/latest-run.js';
import type { VbVerifyEndDetail, VbVerifyStartDetail } from '../shared/events.js';
import { property, query, state } from 'lit/decorators.js';
import type { ProgressStep, VerificationResult } from '../../core/index.js';
import { languageOf, languageReady } from '../shared/i18n.js';
import { msg, type ButtonKey as MessageKey } from './messages.js';
import type { VerificationState } from '../shared/state.js';
import { tokens } from '../shared/tokens.js';
import { STATE_ICONS } from './icons.js';
import { styles } from './verify-button.styles.js';
import { once } from '../../core/util/once.js';

type ReportModule = typeof import('./dialog.js');
/** The dialog's report, imported once for the page (tried again after a failed load). */
const loadReport = once(() => import('./dialog.js'));

/**
 * A button that verifies a badge on demand and explains the result: every check with its outcome, code and message,
 * the key and controller that signed, and when it was checked, in a native modal `<dialog>`.
 *
 * It verifies the credential of the `<vb-badge-card>` named by `for` (its `verificationInput`, without changing the
 * card), or its own `.credential` or `src` (these win when set). With `for` naming no element, the button is
 * disabled and says why.
 *
 * @summary Verifies a credential on click and lists every check in a modal dialog.
 *
 * @slot - The button label (default: "Verify" in the page's language).
 *
 * @fires {CustomEvent<VbVerifyStartDetail>} vb-verify-start - Before each verification; `detail.input` is what is
 *   verified. Bubbles, composed.
 * @fires {CustomEvent<VbVerifyEndDetail>} vb-verify-end - When a verification ends, whatever the verdict;
 *   `detail.result` is the VerificationResult. Latest run only. Bubbles, composed.
 *
 * @attr {'idle' | 'verifying' | 'verified' | 'failed' | 'indeterminate'} state - Read-only, set by the element: the
 *   state of the latest verification, for page CSS.
 * @attr {'load' | 'format' | 'signature' | 'validity' | 'status' | 'schema'} step - Set by the element while verifying:
 *   the step in progress; removed when the run ends.
 *
 * @csspart button - The verify button.
 * @csspart message - The sentence beside a disabled button saying why it is disabled.
 * @csspart dialog - The `<dialog>` with the report.
 * @csspart verdict - The verdict line (icon, state word, reasons); a polite live region.
 * @csspart progress - The list of steps while verifying.
 * @csspart checks - The table of checks (outcome, code, message).
 * @csspart signer - The keys and controllers that signed.
 * @csspart raw - The "View credential" `<details>` with the credential's JSON as text.
 * @csspart again - The "Verify again" button.
 * @csspart close - The "Close" button.
 *
 * @cssprop --vb-accent - Button and focus colour.
 * @cssprop --vb-background - Dialog background (and button text).
 * @cssprop --vb-foreground - Text colour.
 * @cssprop --vb-muted - Secondary text.
 * @cssprop --vb-border - Borders and table rules.
 * @cssprop --vb-surface - Code and secondary button background.
 * @cssprop --vb-verified - Colour of "verified" and passed checks (with --vb-verified-background).
 * @cssprop --vb-failed - Colour of "not valid" and failed checks (with --vb-failed-background).
 * @cssprop --vb-indeterminate - Colour of "could not check" (with --vb-indeterminate-background).
 * @cssprop --vb-radius - Corner radius.
 * @cssprop --vb-space - Spacing unit.
 * @cssprop --vb-font - Font family.
 */
export class VbVerifyButton extends LitElement {
  static override styles = [tokens, styles];

  /** On a page in another language, its strings load before the first render: nothing shows in English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = languageReady(languageOf(this));
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The id of the badge card (in the same document or shadow root) whose credential the button verifies. */
  @property({ reflect: true }) for?: string;

  /** A credential URL to verify (JSON, JWT or a baked image), when the button has no card. */
  @property({ reflect: true }) src?: string;

  /** A credential to verify (object, JSON or JWT text, bytes); wins over `src` and `for`. Property only. */
  @property({ attribute: false }) credential?: unknown;

  @state() private _state: VerificationState = 'idle';
  @state() private _result?: VerificationResult;
  @state() private _step?: ProgressStep;
  /** Whether the element named by `for` exists; re-read when the root's tree changes. */
  @state() private _targetFound = false;

  @query('[part="button"]') private _button!: HTMLButtonElement;
  @query('dialog') private _dialog!: HTMLDialogElement;

  private _runs = new LatestRun();
  /** The report module, once loaded (dialog.ts). */
  private _report?: ReportModule;
  private _finishedAt?: string;
  private _observer?: MutationObserver;

  /** The verification state: idle, verifying, verified, failed or indeterminate (reflected as `state`; read-only). */
  get state(): VerificationState {
    return this._state;
  }

  /** The result of the latest finished verification, if any. */
  get result(): VerificationResult | undefined {
    return this._result;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'state'];
  }

  /** `state` is the element's to set: a page writing it gets it put back. */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'state') {
      if (value !== this._state) this.setAttribute('state', this._state);
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.reflectState();
    this.watchTarget();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
    this._observer = undefined;
    // A verification nobody can see is cancelled; its result is ignored.
    this._runs.cancel();
    if (this._state === 'verifying') this.setState('idle');
    this.removeAttribute('step');
    // Out of the document the dialog leaves the top layer; it must not come back open and non-modal.
    if (this._dialog?.open) this._dialog.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for') && this.isConnected) this.watchTarget();
  }

  /**
   * Opens the dialog and verifies (again). Resolves with the result, or undefined when there is nothing to verify
   * or a newer run replaced this one.
   */
  async verify(): Promise<VerificationResult | undefined> {
    if (!this.isConnected || this.unavailable()) return undefined;
    // The report loads with the first opening; the dialog opens once it can show it (a report that cannot load
    // leaves the dialog closed, and the button still verifies and shows the state).
    const loaded = await loadReport().catch(() => undefined);
    if (loaded && this._report !== loaded) {
      this._report = loaded;
      this.requestUpdate();
    }
    if (!this.isConnected) return undefined;
    await this.updateComplete;
    if (this._report && !this._dialog.open) this._dialog.showModal();
    return this.run();
  }

  protected override render(): TemplateResult {
    const lang = languageOf(this);
    const unavailable = this.unavailable();
    return html`
      <button
        part="button"
        type="button"
        aria-haspopup="dialog"
        aria-busy=${this._state === 'verifying' ? 'true' : 'false'}
        aria-describedby=${unavailable ? 'unavailable' : nothing}
        ?disabled=${unavailable !== undefined}
        @click=${this.onClick}
      >
        <span class="icon" aria-hidden="true">${STATE_ICONS[this._state]}</span>
        <slot>${msg(lang, 'button.verify')}</slot>
      </button>
      ${unavailable
        ? html`<span id="unavailable" class="unavailable" part="message">${msg(lang, unavailable, { id: this.for ?? '' })}</span>`
        : nothing}
      <dialog part="dialog" aria-labelledby="title" @close=${this.onClose}
        >${this._report?.renderReport(
          { state: this._state, result: this._result, step: this._step, finishedAt: this._finishedAt, onAgain: this.onAgain, onClose: this.onCloseClick },
          lang,
        ) ?? nothing}</dialog
      >
    `;
  }

  private onClick = (): void => {
    void this.verify();
  };

  private onAgain = (): void => {
    if (this._state !== 'verifying') void this.run();
  };

  private onCloseClick = (): void => {
    this._dialog.close();
  };

  /** Escape, the Close button, or `dialog.close()`: focus goes back to the button. */
  private onClose = (): void => {
    this._button?.focus();
  };

  /** The message key saying why there is nothing to verify, or undefined when there is something. */
  private unavailable(): MessageKey | undefined {
    if (this.credential !== undefined && this.credential !== null) return undefined;
    if (this.src) return undefined;
    if (this.for) return this._targetFound ? undefined : 'button.unavailable';
    return 'button.noSource';
  }

  private target(): Element | null {
    if (!this.for) return null;
    const root = this.getRootNode() as Partial<Pick<Document, 'getElementById'>>;
    return typeof root.getElementById === 'function' ? root.getElementById(this.for) : null;
  }

  /** What to verify: own credential, own src, or the card's `verificationInput`. */
  private input(): unknown {
    if (this.credential !== undefined && this.credential !== null) return this.credential;
    if (this.src) return this.src;
    const card = this.target() as (Element & { verificationInput?: unknown }) | null;
    return card?.verificationInput;
  }

  /** Keeps `_targetFound` true to the tree: the card may be added, renamed or removed after the button. */
  private watchTarget(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    this._targetFound = this.target() !== null;
    if (!this.for) return;
    const root = this.getRootNode();
    if (!(root instanceof Document || root instanceof ShadowRoot)) return;
    this._observer = new MutationObserver(() => {
      this._targetFound = this.target() !== null;
    });
    this._observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
  }

  private async run(): Promise<VerificationResult | undefined> {
    const input = this.input();
    const running = this._runs.start(input, (step) => {
      this._step = step;
      // Set at once rather than on the next render, so every step is observable.
      this.setAttribute('step', step);
    });
    this._step = undefined;
    this.setState('verifying');
    this.emit<VbVerifyStartDetail>('vb-verify-start', { input });
    const { result, latest } = await running;
    if (!latest) return undefined;
    this._finishedAt = new Date().toISOString();
    this._result = result;
    this._step = undefined;
    this.removeAttribute('step');
    this.setState(result.verdict);
    this.emit<VbVerifyEndDetail>('vb-verify-end', { result, state: result.verdict });
    return result;
  }

  private setState(value: VerificationState): void {
    this._state = value;
    this.reflectState();
  }

  private reflectState(): void {
    if (this.getAttribute('state') !== this._state) this.setAttribute('state', this._state);
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vb-verify-button': VbVerifyButton;
  }
}
