/**
 * <vb-passport> in Chromium: the summary and skills overview from the real signed fixtures, filtering and sorting,
 * every source (property, a JSON array, a Verifiable Presentation, a CLR transcript, child cards), the ready event,
 * a hundred badges through the shared queue, an axe audit and Spanish.
 */
import { expect } from 'chai';
import axe from 'axe-core';
import { VbPassport, type VbPassportReadyDetail } from '../../src/components/passport/passport.js';
import { VbBadgeCard } from '../../src/components/badge-card/badge-card.js';
import { configure } from '../../src/components/shared/config.js';
import { StatusListCache, type VerificationResult } from '../../src/core/index.js';
import { fixtures, NOW, STATUS_LIST, type Fixtures } from '../support/fixtures.js';

if (!customElements.get('vb-badge-card')) customElements.define('vb-badge-card', VbBadgeCard);
if (!customElements.get('vb-passport')) customElements.define('vb-passport', VbPassport);

const LIST = 'https://passport.example/lists/me.json';
const BADGE_URL = 'https://badges.example.edu/b/1';
const DATA_SCIENTISTS = 'O*NET-SOC|15-2051.00|Data Scientists';

let f: Fixtures;
let container: HTMLElement;
/** Every request the configured fetch saw. */
let requests: string[];
/** Documents served beside the fixtures' own (DID document, status lists). */
let served: Record<string, unknown>;

function pageFetch(): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    if (url in served) return new Response(JSON.stringify(served[url]), { status: 200, headers: { 'content-type': 'application/json' } });
    return f.fetch(input, init);
  }) as typeof fetch;
}

function ready(el: VbPassport): Promise<VbPassportReadyDetail> {
  return new Promise((resolve) => el.addEventListener('vb-passport-ready', (e) => resolve(e.detail), { once: true }));
}

/** Creates a passport, lets `setup` give it its badges, attaches it and waits until every card settled. */
async function mount(setup: (el: VbPassport) => void, parent: HTMLElement = container) {
  const el = document.createElement('vb-passport');
  setup(el);
  const done = ready(el);
  parent.append(el);
  const detail = await done;
  await el.updateComplete;
  return { el, detail };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: VbPassport, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const summary = (el: VbPassport) => text(part(el, 'summary'));
const cards = (el: VbPassport) => Array.from(el.shadowRoot!.querySelectorAll<VbBadgeCard>('vb-badge-card'));
const shownCards = (el: VbPassport) => cards(el).filter((c) => !c.hidden && getComputedStyle(c).display !== 'none');
const nameOf = (card: VbBadgeCard) => card.result?.view?.achievement?.name ?? card.result?.view?.credentialName;
const skillButtons = (el: VbPassport) => Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="skill"]'));
const skillButton = (el: VbPassport, name: string) => {
  const button = skillButtons(el).find((b) => text(b.querySelector('.skill-name')) === name);
  if (!button) throw new Error(`no skill button "${name}" among ${skillButtons(el).map((b) => text(b)).join(' / ')}`);
  return button;
};

async function audit(el: Element): Promise<void> {
  const { violations } = await axe.run(el);
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    'axe violations',
  ).to.deep.equal([]);
}

function sortBy(el: VbPassport, value: 'date' | 'name') {
  const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** The five states a reader must tell apart. */
const five = () => [f.verified, f.revoked, f.expired, f.tampered, f.unreachable];

describe('<vb-passport>', function () {
  this.timeout(60_000);

  before(async () => {
    f = await fixtures();
  });

  beforeEach(() => {
    requests = [];
    served = {};
    configure({ fetch: pageFetch(), now: NOW, statusCache: new StatusListCache() });
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    container.remove();
  });

  describe('from .credentials', () => {
    it('renders a card per credential at once and counts the settled verdicts in the summary', async () => {
      const el = document.createElement('vb-passport');
      el.credentials = five();
      const done = ready(el);
      container.append(el);
      await el.updateComplete;
      // Cards are in the grid before any verification has finished.
      expect(cards(el)).to.have.length(5);
      expect(summary(el)).to.match(/verifying/);
      const detail = await done;
      await el.updateComplete;
      expect(summary(el)).to.equal('1 verified · 1 expired · 1 revoked · 1 not valid · 1 could not be checked');
      expect(part(el, 'summary')!.getAttribute('aria-live')).to.equal('polite');
      expect(part(el, 'summary')!.getAttribute('aria-busy')).to.equal('false');
      expect(detail.results.map((r) => r.verdict)).to.deep.equal(['verified', 'failed', 'failed', 'failed', 'indeterminate']);
    });

    it('gives each card its credential as a property', async () => {
      const { el } = await mount((p) => (p.credentials = [f.verified, f.expired]));
      const [first, second] = cards(el);
      expect(first!.credential).to.equal(f.verified);
      expect(second!.credential).to.equal(f.expired);
      expect(first!.hasAttribute('src')).to.equal(false);
    });

    it('passes compact on to its cards', async () => {
      const { el } = await mount((p) => {
        p.compact = true;
        p.credentials = [f.verified];
      });
      expect(el.hasAttribute('compact')).to.equal(true);
      expect(cards(el)[0]!.compact).to.equal(true);
    });

    it('counts a suspended badge apart from revoked ones', async () => {
      const { el } = await mount((p) => (p.credentials = [f.suspended, f.verified]));
      expect(summary(el)).to.equal('1 verified · 1 suspended');
    });

    it('counts only verified badges in the skills overview, sorted by count then name', async () => {
      const { el } = await mount((p) => (p.credentials = five()));
      const buttons = skillButtons(el);
      // "All skills", then Data Scientists (backed by the verified badge only: the tampered and unreachable badges
      // name it too), then the skills only unverified badges claim, with 0, by name.
      expect(buttons.map((b) => text(b.querySelector('.skill-name')))).to.deep.equal([
        'All skills',
        'Data Scientists',
        'Cloud Architects',
        'Project Management Specialists',
      ]);
      expect(text(skillButton(el, 'Data Scientists'))).to.include('O*NET-SOC 15-2051.00').and.include('1 verified badge');
      expect(text(skillButton(el, 'Cloud Architects'))).to.include('0 verified badges');
      expect(skillButton(el, 'Cloud Architects').classList.contains('unbacked')).to.equal(true);
    });

    it('backs a skill with every verified badge that names it', async () => {
      const { el } = await mount((p) => (p.credentials = [f.verified, f.verified, f.tampered]));
      expect(text(skillButton(el, 'Data Scientists'))).to.include('2 verified badges');
    });

    it('filters the grid by a skill and "All skills" shows every card again', async () => {
      const { el } = await mount((p) => (p.credentials = five()));
      const all = skillButton(el, 'All skills');
      expect(all.getAttribute('aria-pressed')).to.equal('true');
      skillButton(el, 'Data Scientists').click();
      await el.updateComplete;
      expect(el.getAttribute('filter')).to.equal(DATA_SCIENTISTS);
      expect(skillButton(el, 'Data Scientists').getAttribute('aria-pressed')).to.equal('true');
      expect(skillButton(el, 'All skills').getAttribute('aria-pressed')).to.equal('false');
      // The unreachable badge's achievement is named like the verified one's.
      expect(shownCards(el).map((c) => c.credential)).to.have.members([f.verified, f.tampered, f.unreachable]);
      expect(cards(el).filter((c) => c.hidden).map(nameOf)).to.have.members(['Cloud Architecture', 'Project Management Fundamentals']);
      // The summary still speaks of every badge.
      expect(summary(el)).to.include('1 revoked');

      skillButton(el, 'Cloud Architects').click();
      await el.updateComplete;
      expect(shownCards(el).map(nameOf)).to.deep.equal(['Cloud Architecture']);

      skillButton(el, 'All skills').click();
      await el.updateComplete;
      expect(el.hasAttribute('filter')).to.equal(false);
      expect(shownCards(el)).to.have.length(5);
      expect(skillButton(el, 'All skills').getAttribute('aria-pressed')).to.equal('true');
    });

    it('a pressed skill button toggles the filter off', async () => {
      const { el } = await mount((p) => (p.credentials = five()));
      skillButton(el, 'Data Scientists').click();
      await el.updateComplete;
      skillButton(el, 'Data Scientists').click();
      await el.updateComplete;
      expect(el.filter).to.equal(undefined);
      expect(shownCards(el)).to.have.length(5);
    });

    it('takes the filter from the attribute, and says when no badge has that skill', async () => {
      const { el } = await mount((p) => {
        p.setAttribute('filter', DATA_SCIENTISTS);
        p.credentials = five();
      });
      expect(shownCards(el)).to.have.length(3);
      el.filter = 'ESCO|x|Nothing';
      await el.updateComplete;
      expect(shownCards(el)).to.have.length(0);
      expect(text(part(el, 'empty'))).to.equal('No badge here shows this skill');
      expect(skillButton(el, 'All skills').getAttribute('aria-pressed')).to.equal('true');
    });

    it('sorts by name with the labelled select, reflected as the sort attribute', async () => {
      const { el } = await mount((p) => (p.credentials = five()));
      expect(el.getAttribute('sort')).to.equal('date');
      const select = el.shadowRoot!.querySelector('select')!;
      expect(text(el.shadowRoot!.querySelector(`label[for="${select.id}"]`))).to.equal('Sort by');
      sortBy(el, 'name');
      await el.updateComplete;
      expect(el.getAttribute('sort')).to.equal('name');
      expect(cards(el).map(nameOf)).to.deep.equal([
        'Chief Data Officer',
        'Cloud Architecture',
        'Data Visualization Practitioner',
        'Data Visualization Practitioner',
        'Project Management Fundamentals',
      ]);
      // Equal names keep the order of the list.
      expect(cards(el).slice(2, 4).map((c) => c.credential)).to.deep.equal([f.verified, f.unreachable]);
      // The cards were moved, not re-created: each keeps its settled result.
      expect(cards(el).every((c) => c.state !== 'verifying' && c.result)).to.equal(true);
    });

    it('sorts by issue date, newest first, and falls back to date for an unknown sort', async () => {
      const dated = (name: string, validFrom: string) => ({ ...f.verified, name, validFrom, credentialSubject: { ...(f.verified.credentialSubject as object), achievement: { ...((f.verified.credentialSubject as { achievement: object }).achievement), name } } });
      const { el } = await mount((p) => {
        p.credentials = [dated('Old', '2024-05-01T00:00:00Z'), f.verified, dated('New', '2026-02-20T00:00:00Z')];
      });
      expect(cards(el).map(nameOf)).to.deep.equal(['New', 'Data Visualization Practitioner', 'Old']);
      sortBy(el, 'name');
      await el.updateComplete;
      expect(cards(el).map(nameOf)).to.deep.equal(['Data Visualization Practitioner', 'New', 'Old']);
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args[0]);
      try {
        el.setAttribute('sort', 'size');
        await el.updateComplete;
        await el.updateComplete;
      } finally {
        console.warn = warn;
      }
      expect(el.sort).to.equal('date');
      expect(el.getAttribute('sort')).to.equal('date');
      expect(warnings.join(' ')).to.include('sort');
      expect(cards(el).map(nameOf)).to.deep.equal(['New', 'Data Visualization Practitioner', 'Old']);
    });

    it('shows the empty state (replaceable through the empty slot) and is ready with no results', async () => {
      const { el, detail } = await mount((p) => (p.credentials = []));
      expect(detail.results).to.deep.equal([]);
      expect(text(part(el, 'empty'))).to.equal('No badges to show');
      expect(part(el, 'grid')!.hidden).to.equal(true);
      const custom = document.createElement('p');
      custom.slot = 'empty';
      custom.textContent = 'Nothing earned yet';
      el.append(custom);
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
      expect(slot.assignedElements()).to.deep.equal([custom]);
      await audit(el);
    });

    it('renders a new list when .credentials is replaced, and is ready again', async () => {
      const { el } = await mount((p) => (p.credentials = [f.verified]));
      const first = cards(el)[0];
      const again = ready(el);
      el.credentials = [f.expired, f.revoked];
      const detail = await again;
      await el.updateComplete;
      expect(cards(el)).to.have.length(2);
      expect(cards(el)).not.to.include(first);
      expect(detail.results.map((r) => r.verdict)).to.deep.equal(['failed', 'failed']);
      expect(summary(el)).to.equal('1 expired · 1 revoked');
    });
    it('counts the cards of a new list of the same length as the one it replaces', async () => {
      const { el } = await mount((p) => (p.credentials = [f.verified]));
      const again = ready(el);
      el.credentials = [f.expired];
      const detail = await again;
      await el.updateComplete;
      expect(detail.results.map((r) => r.verdict)).to.deep.equal(['failed']);
      expect(summary(el)).to.equal('1 expired');
    });
  });

  describe('vb-passport-ready', () => {
    it('fires once, bubbling and composed, with every card result in list order', async () => {
      const events: CustomEvent<VbPassportReadyDetail>[] = [];
      const onReady = (e: CustomEvent<VbPassportReadyDetail>) => events.push(e);
      document.addEventListener('vb-passport-ready', onReady);
      try {
        const { el, detail } = await mount((p) => (p.credentials = five()));
        // Re-renders (sorting, filtering) and time passing do not fire it again.
        sortBy(el, 'name');
        await el.updateComplete;
        skillButton(el, 'Data Scientists').click();
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 200));
        expect(events).to.have.length(1);
        expect(events[0]!.bubbles).to.equal(true);
        expect(events[0]!.composed).to.equal(true);
        expect(detail.results).to.have.length(5);
        const byKey = new Map(cards(el).map((c) => [c.dataset.key, c.result]));
        const inListOrder = [...byKey.entries()].sort(([a], [b]) => Number(a!.split('.').pop()) - Number(b!.split('.').pop())).map(([, r]) => r);
        expect(detail.results).to.deep.equal(inListOrder);
        detail.results.forEach((r, i) => expect(r).to.equal(inListOrder[i]));
      } finally {
        document.removeEventListener('vb-passport-ready', onReady);
      }
    });
  });

  describe('from src', () => {
    it('loads a JSON array of credentials and credential URLs through the configured fetch', async () => {
      served[LIST] = [f.verified, BADGE_URL, f.expired];
      served[BADGE_URL] = f.verified;
      const { el, detail } = await mount((p) => (p.src = LIST));
      expect(el.getAttribute('src')).to.equal(LIST);
      expect(requests).to.include(LIST);
      expect(requests).to.include(BADGE_URL);
      const [first, second, third] = cards(el);
      expect(first!.credential).to.deep.equal(f.verified);
      expect(second!.getAttribute('src')).to.equal(BADGE_URL);
      expect(second!.credential ?? undefined).to.equal(undefined);
      expect(third!.credential).to.deep.equal(f.expired);
      expect(detail.results.map((r) => r.verdict)).to.deep.equal(['verified', 'verified', 'failed']);
      expect(summary(el)).to.equal('2 verified · 1 expired');
    });

    it('resolves relative credential URLs against the list', async () => {
      served[LIST] = ['../b/relative.json'];
      served['https://passport.example/b/relative.json'] = f.verified;
      const { el } = await mount((p) => (p.src = LIST));
      expect(cards(el)[0]!.getAttribute('src')).to.equal('https://passport.example/b/relative.json');
      expect(summary(el)).to.equal('1 verified');
    });

    it('loads a Verifiable Presentation', async () => {
      served[LIST] = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        holder: 'did:example:learner-42',
        verifiableCredential: [f.verified, f.expired, f.revoked],
      };
      const { el, detail } = await mount((p) => (p.src = LIST));
      expect(cards(el)).to.have.length(3);
      expect(detail.results).to.have.length(3);
      expect(summary(el)).to.equal('1 verified · 1 expired · 1 revoked');
    });

    it('loads a CLR 2.0 transcript: its own card first, then a card per credential it holds', async () => {
      served[LIST] = f.clr;
      const { el, detail } = await mount((p) => (p.src = LIST));
      const all = cards(el);
      expect(all).to.have.length(4);
      expect(all[0]!.result?.view?.kind).to.equal('clr');
      expect(all[0]!.result?.nested).to.have.length(3);
      expect(all.slice(1).map(nameOf)).to.deep.equal(['Data Visualization Practitioner', 'Project Management Fundamentals', 'Chief Data Officer']);
      expect(detail.results).to.have.length(4);
      // The transcript holds a tampered credential, so it is not valid as a whole.
      expect(summary(el)).to.equal('1 verified · 1 expired · 2 not valid');
    });

    it('says when the list cannot be loaded, and is ready with the error', async () => {
      const { el, detail } = await mount((p) => (p.src = 'https://passport.example/missing.json'));
      expect(detail).to.deep.equal({ results: [], error: 'http' });
      expect(summary(el)).to.equal('⚠ The badge list could not be loaded: the server answered with error 404');
      expect(part(el, 'grid')!.hidden).to.equal(true);
      await audit(el);
    });

    it('refuses plain http (except for localhost) without a request', async () => {
      const { el, detail } = await mount((p) => (p.src = 'http://passport.example/list.json'));
      expect(detail.error).to.equal('insecure');
      expect(requests).to.deep.equal([]);
      expect(summary(el)).to.include('only https addresses are loaded');
    });

    it('says when the JSON is not a list of badges', async () => {
      served[LIST] = { hello: 'world' };
      const { el, detail } = await mount((p) => (p.src = LIST));
      expect(detail.error).to.equal('format');
      expect(summary(el)).to.include('not a list of badges');
    });

    it('says it is loading until the list arrives', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const inner = pageFetch();
      configure({
        fetch: (async (input: string, init?: RequestInit) => {
          if (input === LIST) await gate;
          return inner(input, init);
        }) as typeof fetch,
        now: NOW,
        statusCache: new StatusListCache(),
      });
      served[LIST] = [f.verified];
      const el = document.createElement('vb-passport');
      el.src = LIST;
      const done = ready(el);
      container.append(el);
      await el.updateComplete;
      expect(summary(el)).to.equal('Loading badges…');
      expect(part(el, 'summary')!.getAttribute('aria-busy')).to.equal('true');
      await audit(el);
      release();
      await done;
      await el.updateComplete;
      expect(summary(el)).to.equal('1 verified');
    });
  });

  describe('from child <vb-badge-card> elements', () => {
    function childCards(...credentials: unknown[]): VbBadgeCard[] {
      return credentials.map((c) => {
        const card = document.createElement('vb-badge-card');
        card.credential = c as VbBadgeCard['credential'];
        return card;
      });
    }
    const slotted = (el: VbPassport) => el.shadowRoot!.querySelector<HTMLSlotElement>('slot.cards')!.assignedElements() as VbBadgeCard[];

    it('shows the children in its grid, counts them, and filters and sorts them without moving them', async () => {
      const children = childCards(f.verified, f.revoked, f.expired);
      const { el, detail } = await mount((p) => p.append(...children));
      expect(detail.results).to.have.length(3);
      detail.results.forEach((r, i) => expect(r).to.equal(children[i]!.result));
      expect(summary(el)).to.equal('1 verified · 1 expired · 1 revoked');
      expect(slotted(el)).to.deep.equal(children);
      expect(text(skillButton(el, 'Data Scientists'))).to.include('1 verified badge');

      sortBy(el, 'name');
      await el.updateComplete;
      expect(slotted(el).map(nameOf)).to.deep.equal(['Cloud Architecture', 'Data Visualization Practitioner', 'Project Management Fundamentals']);

      skillButton(el, 'Cloud Architects').click();
      await el.updateComplete;
      expect(slotted(el)).to.deep.equal([children[1]]);
      // The light DOM is untouched: same children, same order, nothing hidden.
      expect(Array.from(el.children)).to.deep.equal(children);
      expect(children.some((c) => c.hidden)).to.equal(false);

      skillButton(el, 'All skills').click();
      await el.updateComplete;
      expect(slotted(el)).to.have.length(3);
    });

    it('leaves out a child card that has nothing to verify', async () => {
      const { el, detail } = await mount((p) => p.append(...childCards(f.verified), document.createElement('vb-badge-card')));
      expect(detail.results).to.have.length(1);
      expect(summary(el)).to.equal('1 verified');
    });

    it('picks up a card added later and is ready again', async () => {
      const { el } = await mount((p) => p.append(...childCards(f.verified)));
      const again = ready(el);
      el.append(...childCards(f.tampered));
      const detail = await again;
      await el.updateComplete;
      expect(detail.results).to.have.length(2);
      expect(summary(el)).to.equal('1 verified · 1 not valid');
    });
  });

  describe('a hundred badges', () => {
    it('renders them all, lets each settle, and fetches the status list once', async function () {
      this.timeout(300_000);
      const statusFetches: string[] = [];
      const inner = pageFetch();
      configure({
        fetch: (async (input: string, init?: RequestInit) => {
          if (input === STATUS_LIST) statusFetches.push(input);
          return inner(input, init);
        }) as typeof fetch,
        now: NOW,
        statusCache: new StatusListCache(),
      });
      const { el, detail } = await mount((p) => (p.credentials = Array.from({ length: 100 }, () => f.verified)));
      expect(cards(el)).to.have.length(100);
      expect(detail.results).to.have.length(100);
      expect(detail.results.every((r: VerificationResult) => r.verdict === 'verified')).to.equal(true);
      expect(statusFetches).to.have.length(1);
      expect(summary(el)).to.equal('100 verified');
      expect(text(skillButton(el, 'Data Scientists'))).to.include('100 verified badges');
    });

    it('has every card of a long list in the grid once updateComplete resolves, in the order of the sort', async () => {
      const el = document.createElement('vb-passport');
      el.sort = 'name';
      el.credentials = Array.from({ length: 40 }, (_, i) => (i % 2 ? f.expired : f.verified));
      const done = ready(el);
      container.append(el);
      await el.updateComplete;
      expect(cards(el)).to.have.length(40);
      expect(new Set(cards(el).map((c) => c.dataset.key)).size).to.equal(40);
      await done;
      await el.updateComplete;
      expect(summary(el)).to.equal('20 verified · 20 expired');
      const names = cards(el).map(nameOf);
      expect(names).to.deep.equal([...names].sort((a, b) => (a ?? '').localeCompare(b ?? '')));
    });

    it('verifies a long list ahead of its cards: each credential once, not again by its card', async () => {
      let runs = 0;
      configure({
        fetch: pageFetch(),
        // Every verification reads the clock once when it starts: a count of the verifications.
        now: () => (runs++, new Date(NOW)),
        statusCache: new StatusListCache(),
      });
      const credentials = Array.from({ length: 30 }, (_, i) => structuredClone(i % 3 ? f.verified : f.revoked));
      const { el, detail } = await mount((p) => (p.credentials = credentials));
      expect(cards(el)).to.have.length(30);
      expect(detail.results.map((r: VerificationResult) => r.verdict)).to.deep.equal(credentials.map((_, i) => (i % 3 ? 'verified' : 'failed')));
      // 30 credentials, and the status list they share verified once (a card verifying again would make it 60 or more).
      expect(runs).to.be.within(30, 31);
    });

    it('withdraws what it verified ahead when the list is replaced, and verifies the new list', async () => {
      const el = document.createElement('vb-passport');
      el.credentials = Array.from({ length: 40 }, () => structuredClone(f.verified));
      container.append(el);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const again = ready(el);
      const next = Array.from({ length: 20 }, () => structuredClone(f.revoked));
      el.credentials = next;
      const detail = await again;
      await el.updateComplete;
      expect(cards(el).map((c) => c.credential)).to.have.members(next);
      expect(detail.results.every((r: VerificationResult) => r.verdict === 'failed')).to.equal(true);
      expect(summary(el)).to.equal('20 revoked');
    });

    it('shows only the new list when the list is replaced while a long one is still joining the grid', async () => {
      const el = document.createElement('vb-passport');
      el.credentials = Array.from({ length: 60 }, () => f.verified);
      container.append(el);
      // The first cards are in; the others are still to come.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const again = ready(el);
      el.credentials = Array.from({ length: 30 }, () => f.revoked);
      const detail = await again;
      await el.updateComplete;
      expect(cards(el)).to.have.length(30);
      expect(detail.results).to.have.length(30);
      expect(summary(el)).to.equal('30 revoked');
    });
  });

  describe('accessibility and language', () => {
    it('passes an axe audit when settled and when filtered', async () => {
      const { el } = await mount((p) => (p.credentials = five()));
      await audit(el);
      skillButton(el, 'Data Scientists').click();
      await el.updateComplete;
      await audit(el);
    });

    it('passes an axe audit while verifying', async () => {
      const el = document.createElement('vb-passport');
      el.credentials = five();
      const done = ready(el);
      container.append(el);
      await el.updateComplete;
      await audit(el);
      await done;
    });

    it('speaks Spanish under lang="es"', async () => {
      const parent = document.createElement('div');
      parent.lang = 'es';
      container.append(parent);
      const { el } = await mount((p) => (p.credentials = five()), parent);
      expect(summary(el)).to.equal('1 verificadas · 1 caducadas · 1 revocadas · 1 no válidas · 1 sin comprobar');
      expect(text(skillButton(el, 'Todas las competencias'))).to.include('Todas las competencias');
      expect(text(skillButton(el, 'Data Scientists'))).to.include('1 insignia verificada');
      expect(text(el.shadowRoot!.querySelector('label'))).to.equal('Ordenar por');
      expect(Array.from(el.shadowRoot!.querySelectorAll('option')).map((o) => o.textContent)).to.deep.equal(['Fecha', 'Nombre']);
      expect(part(el, 'grid')!.getAttribute('aria-label')).to.equal('Insignias');
      await audit(el);
    });
  });
});
