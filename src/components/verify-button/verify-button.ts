import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LatestRun } from '../shared/latest-run.js';
import type { VbVerifyEndDetail, VbVerifyStartDetail } from '../shared/events.js';
import { property, query, state } from 'lit/decorators.js';
import type { ProgressStep, VerificationResult } from '../../core/index.js';
import { formatDate, languageOf, languageReady, type Language } from '../shared/i18n.js';
import { msg, type DialogKey as MessageKey } from './messages.js';
import { reasonOf, reasonsOf, type VerificationState } from '../shared/state.js';
import { tokens } from '../shared/tokens.js';
import {
  OUTCOME_ICONS,
  PROGRESS_ICONS,
  STATE_ICONS,
  checkedAtOf,
  credentialJson,
  nameOf,
  progressOf,
  signersOf,
} from './report.js';
import { styles } from './verify-button.styles.js';


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
    await this.updateComplete;
    if (!this._dialog.open) this._dialog.showModal();
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
      <dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>${this.renderReport(lang)}</dialog>
    `;
  }

  private renderReport(lang: Language): TemplateResult {
    const result = this._state === 'verifying' ? undefined : this._result;
    const name = nameOf(result);
    const state = this._state;
    const reasons = result && result.verdict !== 'verified' ? reasonsOf(result, lang) : [];
    return html`
      <h2 id="title">${name ? withName(msg(lang, 'dialog.title'), name) : msg(lang, 'dialog.titlePending')}</h2>
      <div class="verdict ${state}" part="verdict" role="status">
        <span class="icon" aria-hidden="true">${STATE_ICONS[state]}</span>
        <strong>${msg(lang, `state.${state}`)}</strong>
        ${reasons.length ? html`<ul>${reasons.map((r) => html`<li>${r}</li>`)}</ul>` : nothing}
      </div>
      ${state === 'verifying' ? this.renderProgress(lang) : nothing}
      ${result ? this.renderResult(lang, result) : nothing}
      <div class="actions">
        <button
          part="again"
          type="button"
          aria-disabled=${state === 'verifying' ? 'true' : 'false'}
          @click=${this.onAgain}
        >${msg(lang, 'button.verifyAgain')}</button>
        <button part="close" class="primary" type="button" autofocus @click=${this.onCloseClick}>${msg(lang, 'button.close')}</button>
      </div>
    `;
  }

  private renderProgress(lang: Language): TemplateResult {
    return html`
      <h3 id="progress-title">${msg(lang, 'progress.title')}</h3>
      <ol class="progress" part="progress" aria-labelledby="progress-title">
        ${progressOf(this._step).map(
          ({ step, progress }) => html`<li data-step=${step} data-progress=${progress}>
            <span class="icon" aria-hidden="true">${PROGRESS_ICONS[progress]}</span>
            <span>${msg(lang, `step.${step}`)}</span>
            <span class="muted">(${msg(lang, `progress.${progress}`)})</span>
          </li>`,
        )}
      </ol>
    `;
  }

  private renderResult(lang: Language, result: VerificationResult): TemplateResult {
    const signers = signersOf(result);
    const checkedAt = checkedAtOf(result, this._finishedAt);
    const json = credentialJson(result);
    return html`
      <div class="table-wrap">
        <table part="checks">
          <caption>${msg(lang, 'dialog.checks')}</caption>
          <thead>
            <tr>
              <th scope="col">${msg(lang, 'dialog.check')}</th>
              <th scope="col">${msg(lang, 'dialog.outcome')}</th>
              <th scope="col">${msg(lang, 'dialog.code')}</th>
              <th scope="col">${msg(lang, 'dialog.message')}</th>
            </tr>
          </thead>
          <tbody>
            ${result.checks.map(
              (c) => html`<tr data-check=${c.id} data-outcome=${c.outcome} data-code=${c.code}>
                <th scope="row">${msg(lang, `checkLabel.${c.id}`)}</th>
                <td class="outcome" data-outcome=${c.outcome}>
                  <span class="icon" aria-hidden="true">${OUTCOME_ICONS[c.outcome]}</span>
                  ${msg(lang, `outcome.${c.outcome}`)}
                </td>
                <td><code>${c.code}</code></td>
                <td>${c.message}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <section part="signer" aria-labelledby="signer-title">
        <h3 id="signer-title">${msg(lang, 'dialog.signer')}</h3>
        ${signers.length
          ? signers.map(
              (s) => html`<dl class="signer">
                <dt>${msg(lang, 'dialog.key')}</dt>
                <dd><code class="key">${s.verificationMethod}</code></dd>
                <dt>${msg(lang, 'dialog.controller')}</dt>
                <dd><code class="controller">${s.controller}</code></dd>
                ${s.type
                  ? html`<dt>${msg(lang, 'dialog.proof')}</dt>
                      <dd class="proof">${s.type}${s.cryptosuite ? ` (${s.cryptosuite})` : ''}</dd>`
                  : nothing}
              </dl>`,
            )
          : html`<p class="muted">${msg(lang, 'dialog.noSigner')}</p>`}
      </section>
      ${checkedAt ? html`<p class="checked-at">${msg(lang, 'dialog.checkedAt', { date: formatDate(lang, checkedAt, true) })}</p>` : nothing}
      ${result.nestedSummary ? this.renderNested(lang, result) : nothing}
      ${json !== undefined
        ? html`<details part="raw">
            <summary>${msg(lang, 'dialog.viewCredential')}</summary>
            <pre tabindex="0" aria-label=${msg(lang, 'dialog.viewCredential')}>${json}</pre>
          </details>`
        : nothing}
    `;
  }

  private renderNested(lang: Language, result: VerificationResult): TemplateResult {
    const summary = result.nestedSummary!;
    return html`
      <p class="nested-summary">${msg(lang, 'dialog.nested', { ...summary })}</p>
      <ul class="nested">
        ${(result.nested ?? []).map(
          (n) => html`<li data-verdict=${n.verdict}>
            <bdi>${nameOf(n) ?? msg(lang, 'label.untitled')}</bdi>:
            <span aria-hidden="true">${STATE_ICONS[n.verdict]}</span>
            ${n.verdict === 'verified' ? msg(lang, 'state.verified') : `${msg(lang, `state.${n.verdict}`)}: ${reasonOf(n, lang)}`}
          </li>`,
        )}
      </ul>
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

/** A message with its `{name}` placeholder filled by a name in `<bdi>`, so right-to-left names cannot reorder it. */
function withName(template: string, name: string): TemplateResult {
  const at = template.indexOf('{name}');
  if (at < 0) return html`${template} <bdi>${name}</bdi>`;
  return html`${template.slice(0, at)}<bdi>${name}</bdi>${template.slice(at + '{name}'.length)}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vb-verify-button': VbVerifyButton;
  }
}
