import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LatestRun } from '../shared/latest-run.js';
import { takeVerifiedAhead } from '../shared/queue.js';
import type { VbVerifyEndDetail, VbVerifyProgressDetail, VbVerifyStartDetail } from '../shared/events.js';
import { property, state } from 'lit/decorators.js';
import type { BadgeView, CredentialInput, ProgressStep, VerificationResult } from '../../core/index.js';
import { onTrustedIssuersChange, trustedIssuers } from '../shared/config.js';
import { languageOf, languageReady, msg, type Language, type MessageKey } from '../shared/i18n.js';
import { inlineCredential } from '../shared/source.js';
import type { VerificationState } from '../shared/state.js';
import { tokens } from '../shared/tokens.js';
import { headingLevel, isTrustedIssuer, previewOf, reasonLines, resolveSrc, stateOf } from './badge-card.model.js';
import * as sections from './badge-card.sections.js';
import { styles } from './badge-card.styles.js';
import { nextTask } from '../../core/util/yield.js';

const DEFAULT_HEADING_LEVEL = 3;
/** No input: distinct from every input, including `undefined` before the first update. */
const NONE = Symbol('none');

/**
 * A badge, proved real in the visitor's browser: its image, name, issuer (with the identity the signature verified),
 * dates, description, criteria, skills, evidence and results, under a verification state that is always shown in
 * words.
 *
 * The credential comes from the `.credential` property, else the `src` attribute, else an inline
 * `<script type="application/json">` (or `application/jwt`) child. Verification goes through the page's shared queue
 * with the options given to `configure()`.
 *
 * @summary Shows an Open Badges 3.0 credential and verifies it: verifying, verified, not valid (and why), or could not
 * check (which check, and why).
 *
 * @slot - Fallback content, shown until the credential has been read (and when it cannot be read). It is also what
 *   browsers show without JavaScript.
 * @slot image - Replaces the badge image. Default: the achievement's image, else the issuer's, else a drawing.
 * @slot actions - Controls at the foot of the card, such as a `<vb-verify-button>`. Empty by default.
 *
 * @fires {CustomEvent<VbVerifyStartDetail>} vb-verify-start - Verification is about to start. Bubbles, composed.
 * @fires {CustomEvent<VbVerifyProgressDetail>} vb-verify-progress - A verification step started (`load`, then
 *   `format`, `signature`, `validity`, `status`, `schema`). Bubbles, composed.
 * @fires {CustomEvent<VbVerifyEndDetail>} vb-verify-end - Verification ended, whatever the verdict;
 *   `detail.result` is the core's `VerificationResult`. Fired for the latest run only. Bubbles, composed.
 *
 * @csspart card - The card (an `<article>`).
 * @csspart header - Image, title and issuer.
 * @csspart image - The frame of the badge image.
 * @csspart title - The achievement's name.
 * @csspart issuer - The "Issued by" line.
 * @csspart issuer-name - The issuer's (self-asserted) name.
 * @csspart issuer-id - The issuer's identifier: verified (DID or domain) or not.
 * @csspart issuer-warning - Shown when the issuer's name hid direction controls or invisible characters (removed)
 *   or mixes look-alike alphabets in one word: says so in words, pointing to the identifier.
 * @csspart trusted - "Recognised issuer", for issuers listed in `configure({trustedIssuers})`.
 * @csspart status - The verification state: icon, label and reasons.
 * @csspart status-icon - The state's icon.
 * @csspart status-label - The state in words.
 * @csspart reason - One reason ("Revoked by the issuer", "Could not check signature: …") or the current step.
 * @csspart body - Everything under the status.
 * @csspart facts - Issue date, expiry date and recipient.
 * @csspart recipient - The recipient.
 * @csspart description - The achievement's description.
 * @csspart criteria - The criteria narrative (a safe Markdown subset) and link.
 * @csspart skills - The skills section; `skill` is one chip.
 * @csspart skill - One skill chip: name, framework and code.
 * @csspart evidence - The evidence section.
 * @csspart results - The results section.
 * @csspart transcript - CLR transcripts: their achievements and nested credentials.
 * @csspart endorsements - The endorsement count.
 * @csspart section-title - The heading of each section.
 * @csspart actions - The footer holding the `actions` slot.
 *
 * @cssprop --vb-background - Card background.
 * @cssprop --vb-foreground - Text colour.
 * @cssprop --vb-muted - Secondary text colour.
 * @cssprop --vb-border - Border colour.
 * @cssprop --vb-surface - Background of chips and the image frame.
 * @cssprop --vb-accent - Link colour.
 * @cssprop --vb-verified - Verified state colour; `--vb-verified-background` its background.
 * @cssprop --vb-verified-background - Verified state background.
 * @cssprop --vb-failed - Not-valid state colour.
 * @cssprop --vb-failed-background - Not-valid state background.
 * @cssprop --vb-indeterminate - Could-not-check (and verifying) state colour.
 * @cssprop --vb-indeterminate-background - Could-not-check (and verifying) state background.
 * @cssprop --vb-radius - Corner radius.
 * @cssprop --vb-space - Base spacing.
 * @cssprop --vb-font - Font family.
 * @cssprop --vb-image-size - Size of the badge image (default 96px; 48px when compact).
 */
export class VbBadgeCard extends LitElement {
  static override styles = [tokens, styles];

  /** On a page in another language, its strings load before the first render: nothing shows in English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = languageReady(languageOf(this));
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** URL of the credential: JSON, a compact JWT, or a baked PNG/SVG badge. Relative URLs resolve against the page. */
  @property() src?: string;

  /**
   * The credential itself: an object, JSON or JWT text, or the bytes of a baked badge. Takes precedence over `src`.
   * Assign a new value to verify again (changes inside the same object are not observed; call `verify()`).
   */
  @property({ attribute: false }) credential?: CredentialInput | null;

  /** A short card for lists: image, name, issuer and state only. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The ARIA level of the card's title (1–6, default 3); its sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = DEFAULT_HEADING_LEVEL;

  @state() private _state: VerificationState = 'idle';
  /** The step in progress; the status shows it once per task (see `_showStep`), not at every step. */
  private _step?: ProgressStep;
  private _stepShown?: Promise<void>;
  @state() private _result?: VerificationResult;
  @state() private _preview?: BadgeView;
  @state() private _announcement = '';
  @state() private _brokenImage?: string;
  @state() private _hasActions = false;

  private _input: unknown = NONE;
  private _runs = new LatestRun();
  /** Counts the verifications this card has begun (a newer one makes an older one's early steps stale). */
  private _starts = 0;
  private _children?: MutationObserver;
  private _stopTrusted?: () => void;
  private _warnedLevel?: unknown;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'state'];
  }

  /** The verification state, also reflected (read-only) as the `state` attribute for page CSS. */
  get state(): VerificationState {
    return this._state;
  }

  /** The latest settled verification result, or undefined while verifying or without a credential. */
  get result(): VerificationResult | undefined {
    return this._result;
  }

  /** The verification step in progress, while verifying. */
  get step(): ProgressStep | undefined {
    return this._state === 'verifying' ? this._step : undefined;
  }

  /**
   * What the card verifies: the `.credential` value, else the `src` URL resolved against the page, else the text of
   * an inline script child; undefined when it has none. `<vb-verify-button for=…>` verifies this.
   */
  get verificationInput(): unknown {
    return this._currentInput();
  }

  /** Verifies the current credential again (or for the first time). Resolves with the result; never rejects. */
  verify(): Promise<VerificationResult | undefined> {
    const input = this._currentInput();
    this._input = input ?? NONE;
    if (input === undefined) {
      this._reset();
      return Promise.resolve(undefined);
    }
    return this._verify(input);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('state', this._state);
    // An inline script child may be added or filled in after the element upgrades.
    this._children = new MutationObserver(() => this.requestUpdate());
    this._children.observe(this, { childList: true, subtree: true, characterData: true });
    // The "Recognised issuer" label follows the page's list of trusted issuers.
    this._stopTrusted = onTrustedIssuersChange(() => this.requestUpdate());
    // A run cut short by a disconnection starts again on reconnection.
    if (this._input === NONE) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._children?.disconnect();
    this._stopTrusted?.();
    // A card moved in the page (a passport sorting its cards) is disconnected and reconnected at once: only a card
    // that stays out of the page gives up its run.
    queueMicrotask(() => {
      if (this.isConnected || this._state !== 'verifying') return;
      this._runs.cancel();
      this._input = NONE;
    });
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // `state` is the element's to set: a page that writes it gets the real state back.
    if (name === 'state') {
      if (value !== this._state && this.isConnected) this.setAttribute('state', this._state);
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel') && headingLevel(this.headingLevel) === undefined && this._warnedLevel !== this.headingLevel) {
      this._warnedLevel = this.headingLevel;
      console.warn(`<vb-badge-card>: heading-level must be an integer from 1 to 6; using ${DEFAULT_HEADING_LEVEL}.`);
    }
    if (!this.isConnected) return;
    const input = this._currentInput() ?? NONE;
    if (input === this._input) return;
    this._input = input;
    if (input === NONE) this._reset();
    else void this._verify(input);
  }

  /** What the card verifies, in order of precedence. */
  private _currentInput(): unknown {
    if (this.credential !== undefined && this.credential !== null) return this.credential;
    if (this.src?.trim()) return resolveSrc(this.src, this.ownerDocument.baseURI);
    return inlineCredential(this);
  }

  private _reset(): void {
    this._runs.cancel();
    this._result = undefined;
    this._preview = undefined;
    this._step = undefined;
    this._announcement = '';
    this._setState('idle');
  }

  private async _verify(input: unknown): Promise<VerificationResult> {
    // A result the passport verified ahead for this credential, when it is ready: the card settles in this same
    // update (rendered once, not as "verifying" first).
    const ready = takeVerifiedAhead(input);
    if (ready) this._runs.cancel();
    // A run may report its first steps at once, before this returns: they are reported after vb-verify-start.
    const early: ProgressStep[] = [];
    let started = false;
    const report = (step: ProgressStep) => {
      this._step = step;
      this._emit<VbVerifyProgressDetail>('vb-verify-progress', { step });
      this._showStep();
    };
    const running = ready ? undefined : this._runs.start(input, (step) => (started ? report(step) : early.push(step)));
    const run = ++this._starts;
    this._result = undefined;
    this._preview = previewOf(input);
    this._step = undefined;
    this._announcement = '';
    this._setState('verifying');
    this._emit<VbVerifyStartDetail>('vb-verify-start', { input });
    started = true;
    // (Unless a listener of vb-verify-start began another run: this one's steps are then stale.)
    if (run === this._starts) for (const step of early) report(step);
    const { result, latest } = running ? await running : { result: ready!, latest: true };
    // A newer run (or a reset) took over: this one's result is not the card's.
    if (!latest) return result;
    this._result = result;
    this._step = undefined;
    const settled = stateOf(result);
    this._setState(settled);
    this._announcement = this._announce(result, languageOf(this));
    this._emit<VbVerifyEndDetail>('vb-verify-end', { result, state: settled });
    return result;
  }

  /**
   * A verification's steps follow one another in microtasks: the status shows the latest in a later task, once,
   * rather than rendering the card again at every step (a passport of a hundred cards would render it 600 times).
   */
  private _showStep(): void {
    this._stepShown ??= nextTask().then(() => {
      this._stepShown = undefined;
      if (this._state === 'verifying') this.requestUpdate();
    });
  }

  /** Resolves once the card has rendered, the step in progress included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this._stepShown) {
      await this._stepShown;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  private _setState(value: VerificationState): void {
    this._state = value;
    if (this.isConnected) this.setAttribute('state', value);
  }

  private _emit<T>(type: keyof GlobalEventHandlersEventMap, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  /** What screen readers hear once, when the state settles: the badge, its state and why. */
  private _announce(result: VerificationResult, lang: Language): string {
    const view = result.view;
    const title = view ? this._title(view, lang) : undefined;
    const words = [msg(lang, `state.${result.verdict}` as MessageKey), ...reasonLines(result, lang)].join('. ');
    return title ? `${title}: ${words}` : words;
  }

  private _title(view: BadgeView, lang: Language): string {
    return view.achievement?.name ?? view.credentialName ?? msg(lang, 'label.untitled');
  }

  protected override render(): TemplateResult {
    const lang = languageOf(this);
    const view = this._result?.view ?? this._preview;
    const level = headingLevel(this.headingLevel) ?? DEFAULT_HEADING_LEVEL;
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>`;
    if (this._state === 'idle') return html`<slot></slot>${live}`;
    const status = this._status(lang);
    if (!view) {
      // Nothing to show yet (a URL loading) or ever (unreadable): the page's fallback content stays.
      return html`<article part="card" class="card is-${this._state}" aria-busy=${this._state === 'verifying'}>
          ${status}
          <div class="fallback"><slot></slot></div>
          ${this._actions()}
        </article>
        ${live}`;
    }
    const title = this._title(view, lang);
    const sub = Math.min(level + 1, 6);
    const trusted = isTrustedIssuer(view, trustedIssuers());
    return html`<article part="card" class="card is-${this._state}" aria-labelledby="title" aria-busy=${this._state === 'verifying'}>
        <header part="header" class="header">
          <div part="image" class="image">
            <slot name="image">${sections.badgeImage(view, title, lang, this._brokenImage, (src) => (this._brokenImage = src))}</slot>
          </div>
          <div class="heading">
            ${sections.heading(level, title, 'title', 'title')}
            ${sections.issuerLine(view, lang, { state: this._state, trusted })}
          </div>
        </header>
        ${status}
        ${this.compact
          ? nothing
          : html`<div part="body" class="body">
              ${sections.facts(view, lang, false)} ${sections.description(view)} ${sections.criteria(view, lang, sub)}
              ${sections.skills(view, lang, sub)} ${sections.evidence(view, lang, sub)} ${sections.results(view, lang, sub)}
              ${sections.transcript(view, this._result, lang, sub)} ${sections.endorsements(view, lang)}
            </div>`}
        ${this._actions()}
      </article>
      ${live}`;
  }

  private _status(lang: Language): TemplateResult {
    const state = this._state;
    const lines =
      state === 'verifying'
        ? this._step
          ? [msg(lang, `step.${this._step}` as MessageKey)]
          : []
        : this._result
          ? reasonLines(this._result, lang)
          : [];
    return html`<div part="status" class="status">
      ${sections.stateIcon(state)}
      <div class="status-text">
        <strong part="status-label" class="status-label">${msg(lang, `state.${state}` as MessageKey)}</strong>
        ${lines.map((line) => html`<span part="reason" class="reason">${line}</span>`)}
      </div>
    </div>`;
  }

  private _actions(): TemplateResult {
    return html`<footer part="actions" class="actions" ?hidden=${!this._hasActions}>
      <slot name="actions" @slotchange=${this._onActionsChange}></slot>
    </footer>`;
  }

  private _onActionsChange(event: Event): void {
    this._hasActions = (event.target as HTMLSlotElement).assignedNodes().length > 0;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vb-badge-card': VbBadgeCard;
  }
}

export type { VbVerifyEndDetail, VbVerifyProgressDetail, VbVerifyStartDetail } from '../shared/events.js';
