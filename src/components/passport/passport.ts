import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import type { BadgeView, VerificationResult } from '../../core/index.js';
import type { VbBadgeCard } from '../badge-card/badge-card.js';
import { languageOf, languageReady, type Language } from '../shared/i18n.js';
import { msg, type PassportKey as MessageKey } from './messages.js';
import { tokens } from '../shared/tokens.js';
import { hasSkill, skillsOf, sortBadges, statusOf, summaryOf, SORT_ORDERS, type BadgeStatus, type Skill, type SortOrder } from './model.js';
import { entriesOf, loadList, MAX_BADGES, type Entry, type ListError, type LoadedList } from './sources.js';
import { styles } from './passport.styles.js';
import { nextTask } from '../../core/util/yield.js';
import { verifyAhead } from '../shared/queue.js';
import { preloadDataIntegrity } from '../../core/warm.js';

/** `vb-passport-ready`: every card of the current list has settled. */
export interface VbPassportReadyDetail {
  /** Each card's result, in the order of the list (or of the child cards). */
  results: VerificationResult[];
  /** Set when the list at `src` could not be loaded (then `results` is empty). */
  error?: ListError;
}

const CARD = 'vb-badge-card';
/**
 * What a card says as its verification starts and ends: the passport re-counts on each. The card's end event is
 * `vb-verify-end`.
 */
const CARD_EVENTS = ['vb-verify-start', 'vb-verify-end'] as const;

const ERROR_KEYS: Record<ListError, MessageKey> = {
  insecure: 'passport.error.insecure',
  network: 'passport.error.network',
  http: 'passport.error.http',
  timeout: 'passport.error.timeout',
  'too-large': 'passport.error.tooLarge',
  format: 'passport.error.format',
};

/** One card as the passport sees it. */
interface Badge {
  key: string;
  index: number;
  entry?: Entry;
  card?: VbBadgeCard;
  /** A child card with nothing to verify: neither shown in the counts nor awaited. */
  empty: boolean;
  status: BadgeStatus;
  result?: VerificationResult;
  /** The verified view, else a preview read from the credential (for sorting and filtering only). */
  view?: BadgeView;
}

/**
 * A short list (AT_ONCE cards at most) goes into the grid at once. A long one goes in a slice at a time: the first
 * card at once, then the others SLICE at a time, the page getting a turn between slices (modules, responses and
 * verifications waiting go first); the first screenful fills within a few frames. Each card builds its view
 * and starts its verification when it joins, so this keeps a hundred cards (and the first layout of the grid) from
 * being one long task.
 */
const AT_ONCE = 8;
const FIRST_CARDS = 1;
const SLICE = 3;
/** How often at most the passport counts its cards again while they settle. */
const RECOUNT_MS = 50;

let childKeys = 0;
const keyOfChild = new WeakMap<Element, string>();

/**
 * A skills passport: a responsive grid of badge cards, each verified in the visitor's browser, under a summary of the
 * verdicts and an overview of the skills the verified badges stand for.
 *
 * The badges come from the `.credentials` property, else the JSON at `src` (an array of credentials or credential
 * URLs, a Verifiable Presentation, or a CLR 2.0 transcript, shown as the transcript's card followed by a card for
 * each credential it holds), else the child `<vb-badge-card>` elements. Cards render at once; verification goes
 * through the page's shared queue (a few at a time, yielding to the main thread, status lists and keys cached), so a
 * passport of a hundred badges does not freeze the page.
 *
 * The skills overview lists every skill (alignment name, framework and code) of the settled badges with how many
 * verified badges back it; skills claimed only by badges that are not verified are listed with 0, after the others.
 * Each skill is a toggle button that filters the grid to the badges naming it.
 *
 * @summary A grid of verified badges with a summary line, a skills overview, filtering by skill and sorting.
 *
 * @slot - Child `<vb-badge-card>` elements, used when neither `.credentials` nor `src` is set. The passport shows them
 *   in its grid, sorted and filtered, without moving or changing them (other children are not shown).
 * @slot empty - Shown when there are no badges. Default: "No badges to show".
 *
 * @fires {CustomEvent<VbPassportReadyDetail>} vb-passport-ready - Every card of the current list has settled
 *   (verified, not valid, or could not check); once per list. Bubbles, composed.
 *
 * @csspart controls - The sort control (a labelled `<select>`).
 * @csspart summary - The summary line ("12 verified · 1 expired · …"), an `aria-live="polite"` region; it also says
 *   when the list is loading or could not be loaded.
 * @csspart skills - The skills overview.
 * @csspart skill - One skill's toggle button (and the "All skills" button).
 * @csspart grid - The grid of cards.
 * @csspart empty - The message shown when there are no badges, or none with the chosen skill.
 *
 * @cssprop --vb-passport-column - The narrowest a grid column gets (default 18rem).
 * @cssprop --vb-background - Background of the controls.
 * @cssprop --vb-foreground - Text colour of the summary and labels (default: the page's); the cards and buttons use it too.
 * @cssprop --vb-muted - Secondary text colour (counts, skills no verified badge backs).
 * @cssprop --vb-border - Border colour.
 * @cssprop --vb-surface - Background of the skill buttons.
 * @cssprop --vb-accent - The chosen skill and focus rings.
 * @cssprop --vb-failed - The load error's colour.
 * @cssprop --vb-radius - Corner radius.
 * @cssprop --vb-space - Base spacing (the grid gap).
 * @cssprop --vb-font - Font family.
 */
export class VbPassport extends LitElement {
  static override styles = [tokens, styles];

  /** On a page in another language, its strings load before the first render: nothing shows in English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = languageReady(languageOf(this));
    // The first render has a task of its own: on a page that has just loaded the library, evaluating the module
    // (every element defined) and the passport's first render are then two tasks, not one long one.
    const first = this.hasUpdated ? undefined : nextTask();
    const wait = ready && first ? Promise.all([ready, first]) : (ready ?? first);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  /** @internal Manual slotting shows the child cards in the grid, sorted and filtered, without touching the light DOM. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, slotAssignment: 'manual' };

  /** URL of a JSON list of badges: an array of credentials or credential URLs, a Verifiable Presentation, or a CLR 2.0 transcript. */
  @property({ reflect: true }) src?: string;

  /** The badges themselves (objects, JSON or JWT text, or URLs); takes precedence over `src`. Assign a new array to change them. */
  @property({ attribute: false }) credentials?: readonly unknown[] | null;

  /** Order of the cards: `date` (issued, newest first; the default) or `name`. */
  @property({ reflect: true }) sort: SortOrder = 'date';

  /** The key of the skill the grid is filtered to (`framework|code|name`, as the skill buttons set it); none shows all. */
  @property({ reflect: true }) filter?: string;

  /** Shows the passport's own cards in their compact form (image, name, issuer, state). */
  @property({ type: Boolean, reflect: true }) compact = false;

  private _lists = 0;
  private readonly _list = new Task<readonly [string | undefined], LoadedList | undefined>(this, {
    task: async ([src], { signal }) => (src ? loadList(src, this.ownerDocument.baseURI, `s${++this._lists}`, signal) : undefined),
    args: () => [this.credentials == null && this.src?.trim() ? this.src : undefined] as const,
  });

  private _entries: Entry[] = [];
  private _entriesFrom: unknown = undefined;
  private _generation = 0;
  private _readyGeneration = -1;
  private _childCards: VbBadgeCard[] = [];
  private _children?: MutationObserver;
  private _shownChildren: VbBadgeCard[] = [];
  private _warnedSort?: string;
  /** The keys of the list's cards in the grid so far (a card, once in, stays, so its verification is never cut short). */
  private _admitted = new Set<string>();
  /** How many cards join the grid at the next slice. */
  private _sliceSize = FIRST_CARDS;
  /** The next slice, while one is waiting for its turn. */
  private _nextSlice?: Promise<void>;

  constructor() {
    super();
    // Card events bubble and are composed: from the passport's own cards and from child cards alike.
    for (const type of CARD_EVENTS) this.addEventListener(type, () => this._recountSoon());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._readChildren();
    this._children = new MutationObserver(() => this._readChildren());
    this._children.observe(this, { childList: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._children?.disconnect();
    // Its cards leave with it: what was verified ahead for them is withdrawn.
    this._ahead?.abort();
    this._ahead = undefined;
  }

  /** Withdraws the verifications started ahead for the list's cards (a new list, or the passport removed). */
  private _ahead?: AbortController;

  private get _mode(): 'credentials' | 'src' | 'children' {
    if (this.credentials != null) return 'credentials';
    return this.src?.trim() ? 'src' : 'children';
  }

  private get _loading(): boolean {
    return this._mode === 'src' && (this._list.status === TaskStatus.INITIAL || this._list.status === TaskStatus.PENDING);
  }

  private get _error(): ListError | undefined {
    const value = this._list.value;
    return this._mode === 'src' && !this._loading && value && !value.ok ? value.error : undefined;
  }

  private _readChildren(): void {
    const cards = Array.from(this.children).filter((c): c is VbBadgeCard => c.localName === CARD && !c.hasAttribute('slot'));
    if (cards.length !== this._childCards.length || cards.some((c, i) => c !== this._childCards[i])) {
      // A card given nothing to verify fires no event: re-count once it has rendered (and is known to be empty).
      for (const card of cards.filter((c) => !this._childCards.includes(c))) {
        void customElements
          .whenDefined(CARD)
          .then(() => card.updateComplete)
          .then(() => this.requestUpdate());
      }
      this._childCards = cards;
    }
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sort') && !SORT_ORDERS.includes(this.sort)) {
      if (this._warnedSort !== this.sort) console.warn(`<vb-passport>: sort must be "date" or "name", not "${String(this.sort)}"; using "date".`);
      this._warnedSort = this.sort;
      this.sort = 'date';
    }
    const mode = this._mode;
    const from = mode === 'credentials' ? this.credentials : mode === 'src' ? this._list.value : this._childCards;
    if (from === this._entriesFrom) return;
    // A new list: new keys (so new cards), and a new vb-passport-ready once it settles.
    this._entriesFrom = from;
    this._generation++;
    this._ahead?.abort();
    this._ahead = undefined;
    this._admitted = new Set();
    this._sliceSize = FIRST_CARDS;
    this._cardCount = -1;
    if (mode === 'children') {
      this._entries = [];
    } else if (mode === 'credentials') {
      const list = entriesOf(this.credentials, this.ownerDocument.baseURI, `c${this._generation}`);
      if (!list) console.warn('<vb-passport>: .credentials must be an array of credentials or credential URLs.');
      else if (list.truncated) console.warn(`<vb-passport>: only the first ${MAX_BADGES} badges are shown.`);
      this._entries = list?.entries ?? [];
    } else {
      const value = this._list.value;
      if (value?.ok && value.truncated) console.warn(`<vb-passport>: only the first ${MAX_BADGES} badges of ${this.src} are shown.`);
      this._entries = value?.ok ? value.entries : [];
    }
    // A list with Data Integrity badges: their modules start loading now, before the first cards render.
    const dataIntegrity = this._entries.find((e) => typeof e.credential === 'object' && e.credential !== null && 'proof' in e.credential);
    if (dataIntegrity) preloadDataIntegrity((dataIntegrity.credential as { '@context'?: unknown })['@context']);
  }

  /** The cards with what they say now, in the order of the list. */
  private _badges(): Badge[] {
    if (this._loading || this._error) return [];
    if (this._mode === 'children') {
      return this._childCards.map((card, index) => {
        let key = keyOfChild.get(card);
        if (!key) keyOfChild.set(card, (key = `child.${++childKeys}`));
        return badgeOf(key, index, card);
      });
    }
    return this._entries.map((entry) => badgeOf(entry.key, entry.index, this._cards.get(entry.key), entry));
  }

  protected override render(): TemplateResult {
    const lang = languageOf(this);
    const loading = this._loading;
    const error = this._error;
    const badges = this._badges().filter((b) => !b.empty);
    const sorted = sortBadges(badges, this.sort, lang);
    this._verifyAhead(sorted);
    this._remaining = 0;
    const filter = this.filter || undefined;
    const shown = new Set(sorted.filter((b) => !filter || hasSkill(b.view, filter)).map((b) => b.key));
    const verifying = badges.some((b) => b.status === 'verifying');
    const skills = skillsOf(badges);
    this._shownChildren = this._mode === 'children' ? sorted.filter((b) => shown.has(b.key)).map((b) => b.card!) : [];

    const summary = loading
      ? msg(lang, 'passport.loading')
      : error
        ? msg(lang, 'passport.loadError', { reason: msg(lang, ERROR_KEYS[error], { status: this._httpStatus() ?? '' }) })
        : summaryOf(
            badges.map((b) => b.status),
            lang,
          );
    const message =
      !loading && !error && !badges.length
        ? html`<div part="empty" class="empty"><slot name="empty">${msg(lang, 'passport.empty')}</slot></div>`
        : filter && !shown.size && !verifying
          ? html`<p part="empty" class="empty">${msg(lang, 'passport.noMatch')}</p>`
          : nothing;

    return html`
      <div class="bar">
        <p part="summary" class="summary ${error ? 'error' : ''}" role="status" aria-live="polite" aria-busy=${verifying || loading ? 'true' : 'false'}>
          ${error ? html`<span class="icon" aria-hidden="true">⚠</span> ` : nothing}${summary}
        </p>
        ${badges.length > 1 ? this._controls(lang) : nothing}
      </div>
      ${skills.length ? this._skills(skills, filter, lang) : nothing} ${message}
      <div part="grid" class="grid" role="group" aria-label=${msg(lang, 'passport.badges')} ?hidden=${loading || !!error || !badges.length}>
        ${this._mode === 'children'
          ? html`<slot class="cards"></slot>`
          : repeat(
              this._admit(sorted),
              (b) => b.key,
              (b) =>
                html`<vb-badge-card
                  data-key=${b.key}
                  ?hidden=${!shown.has(b.key)}
                  ?compact=${this.compact}
                  src=${ifDefined(b.entry!.src)}
                  .credential=${b.entry!.credential as VbBadgeCard['credential']}
                ></vb-badge-card>`,
            )}
      </div>
    `;
  }

  /**
   * A long list's credentials (objects given inline) are verified from the start, in the order the grid shows them,
   * while their cards join a slice at a time: each card then shows the result it finds ready instead of starting
   * its verification only once it is in the grid. Once per list; cards that load their `src` verify as they load.
   */
  private _verifyAhead(sorted: Badge[]): void {
    if (this._ahead || this._mode === 'children' || !this.isConnected || sorted.length <= AT_ONCE) return;
    const controller = (this._ahead = new AbortController());
    for (const b of sorted) {
      const credential = b.entry?.credential;
      if (typeof credential === 'object' && credential !== null && !ArrayBuffer.isView(credential) && !(credential instanceof ArrayBuffer)) {
        void verifyAhead(credential, controller.signal);
      }
    }
  }

  /** The cards in the grid: those already in, and the next slice's (the first still to come, in the grid's order). */
  private _admit(sorted: Badge[]): Badge[] {
    const joining: string[] = [];
    // A short list goes in at once.
    const size = this._admitted.size === 0 && sorted.length <= AT_ONCE ? sorted.length : this._sliceSize;
    for (const b of sorted) {
      if (joining.length >= size) break;
      if (this._admitted.has(b.key)) continue;
      this._admitted.add(b.key);
      joining.push(b.key);
    }
    this._sliceSize = 0;
    const shown = sorted.filter((b) => this._admitted.has(b.key));
    this._remaining = sorted.length - shown.length;
    return shown;
  }

  /** The grid's cards by key, and how many cards the grid had when it was read. */
  private _cards = new Map<string, VbBadgeCard>();
  private _cardCount = -1;

  /** How many cards of the list are still to come. */
  private _remaining = 0;

  /** Once the grid has rendered, the next slice of cards, if any is left, after the page has had a turn. */
  private _scheduleSlice(): void {
    if (this._nextSlice || this._remaining === 0) return;
    // A task at the back of the queue: modules, responses and the verifications waiting go first.
    this._nextSlice = nextTask().then(() => {
      this._nextSlice = undefined;
      this._sliceSize = SLICE;
      // (For a list replaced meanwhile, this only makes sure its next slice is scheduled.)
      if (this.isConnected) this.requestUpdate();
    });
  }

  /** A re-count, while one is waiting for its turn. */
  private _recount?: Promise<void>;

  /**
   * Cards start and settle in bursts (the queue verifies several in one task): the passport counts them again once
   * per burst, in a later task, rather than once per card.
   */
  private _recountSoon(): void {
    if (this._recount) return;
    // At most one re-count per RECOUNT_MS: the summary line does not need to change faster than a reader reads.
    const wait = this._lastRecount + RECOUNT_MS - performance.now();
    this._recount = (wait > 0 ? new Promise<void>((resolve) => setTimeout(resolve, wait)) : nextTask()).then(() => {
      this._recount = undefined;
      this._lastRecount = performance.now();
      this.requestUpdate();
    });
  }

  private _lastRecount = -Infinity;

  /** Resolves once the grid holds every card of the list (slices included), has counted them again, and has rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this._nextSlice || this._recount) {
      await Promise.all([this._nextSlice, this._recount]);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  private _controls(lang: Language): TemplateResult {
    return html`<div part="controls" class="controls">
      <label for="sort">${msg(lang, 'passport.sort')}</label>
      <select id="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as SortOrder)}>
        <option value="date" .selected=${this.sort === 'date'}>${msg(lang, 'passport.sortDate')}</option>
        <option value="name" .selected=${this.sort === 'name'}>${msg(lang, 'passport.sortName')}</option>
      </select>
    </div>`;
  }

  private _skills(skills: Skill[], filter: string | undefined, lang: Language): TemplateResult {
    const known = !!filter && skills.some((s) => s.key === filter);
    const button = (pressed: boolean, key: string | undefined, content: TemplateResult, backed = true) =>
      html`<li>
        <button part="skill" class="skill ${backed ? '' : 'unbacked'}" type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this._pick(pressed ? undefined : key)}>
          <span class="tick" aria-hidden="true">✓</span>${content}
        </button>
      </li>`;
    return html`<div part="skills" class="skills" role="group" aria-labelledby="skills-title">
      <p id="skills-title" class="skills-title">${msg(lang, 'passport.skills')}</p>
      <ul role="list" aria-label=${msg(lang, 'passport.filter')}>
        ${button(!known, undefined, html`<span class="skill-name">${msg(lang, 'passport.allSkills')}</span>`)}
        ${skills.map((skill) =>
          button(
            skill.key === filter,
            skill.key,
            html`<span class="skill-name"><bdi>${skill.name}</bdi></span>
              ${skill.framework || skill.code
                ? html`<span class="skill-code"><bdi>${[skill.framework, skill.code].filter(Boolean).join(' ')}</bdi></span>`
                : nothing}
              <span class="count" aria-hidden="true">${skill.count}</span>
              <span class="visually-hidden"
                >${skill.count === 1 ? msg(lang, 'passport.skillBackingOne') : msg(lang, 'passport.skillBacking', { count: skill.count })}</span
              >`,
            skill.count > 0,
          ),
        )}
      </ul>
    </div>`;
  }

  private _pick(key: string | undefined): void {
    this.filter = key;
  }

  private _httpStatus(): number | undefined {
    const value = this._list.value;
    return value && !value.ok ? value.status : undefined;
  }

  protected override updated(): void {
    // The grid's cards by key, read again only when cards have joined or left (a card keeps its key).
    if (this._cardCount !== this._admitted.size) {
      this._cards = new Map();
      for (const card of this.renderRoot.querySelectorAll<VbBadgeCard>(`${CARD}[data-key]`)) this._cards.set(card.dataset.key!, card);
      this._cardCount = this._admitted.size;
    }
    this._scheduleSlice();
    if (this._mode === 'children') {
      this.renderRoot.querySelector<HTMLSlotElement>('slot.cards')?.assign(...this._shownChildren);
    }
    const empty = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="empty"]');
    empty?.assign(...Array.from(this.children).filter((c) => c.getAttribute('slot') === 'empty'));
    this._announceReady();
  }

  /** Fires vb-passport-ready once per list, when no card is still verifying. */
  private _announceReady(): void {
    if (this._loading || this._readyGeneration === this._generation) return;
    const badges = this._badges().filter((b) => !b.empty);
    if (badges.some((b) => b.status === 'verifying')) return;
    this._readyGeneration = this._generation;
    const detail: VbPassportReadyDetail = { results: badges.map((b) => b.result!) };
    const error = this._error;
    if (error) detail.error = error;
    this.dispatchEvent(new CustomEvent<VbPassportReadyDetail>('vb-passport-ready', { detail, bubbles: true, composed: true }));
  }
}

function badgeOf(key: string, index: number, card: VbBadgeCard | undefined, entry?: Entry): Badge {
  const state = card?.state;
  const settled = state === 'verified' || state === 'failed' || state === 'indeterminate';
  const result = settled ? card!.result : undefined;
  // A child card that has rendered and is still idle was given nothing to verify.
  const empty = !entry && state === 'idle' && !!card?.hasUpdated;
  return { key, index, entry, card, empty, status: statusOf(result), result, view: result?.view ?? entry?.preview };
}

declare global {
  interface HTMLElementTagNameMap {
    'vb-passport': VbPassport;
  }
  interface GlobalEventHandlersEventMap {
    'vb-passport-ready': CustomEvent<VbPassportReadyDetail>;
  }
}
