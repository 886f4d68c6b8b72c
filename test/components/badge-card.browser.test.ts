/**
 * <vb-badge-card> in Chromium: every state from the real signed fixtures (through an injected offline fetch and a
 * fixed clock), its three sources, the events and their payloads, attribute reflection, the page's language,
 * keyboard order, a hostile credential and an axe audit of every state.
 */
import { expect } from 'chai';
import axe from 'axe-core';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { VbBadgeCard, type VbVerifyEndDetail, type VbVerifyStartDetail } from '../../src/components/badge-card/badge-card.js';
import { headingLevel, isTrustedIssuer, previewOf, reasonLines, resolveSrc } from '../../src/components/badge-card/badge-card.model.js';
import { configure, verifierOptions } from '../../src/components/shared/config.js';
import { formatDate, languageReady } from '../../src/components/shared/i18n.js';
import { StatusListCache, type VerificationResult } from '../../src/core/index.js';
import { fixtures, NOW, WEB_ISSUER, type Fixtures } from '../support/fixtures.js';

if (!customElements.get('vb-badge-card')) customElements.define('vb-badge-card', VbBadgeCard);

const SRC = 'https://badges.example.edu/credentials/data-viz.json';
const DID_DOC = 'https://badges.example.edu/.well-known/did.json';
const SETTLED = ['verified', 'failed', 'indeterminate'];

let f: Fixtures;
let container: HTMLElement;
/** Every URL the configured fetch was asked for. */
let requests: string[];

/** The fixtures' offline fetch, plus `extra` documents; requests for `gated` URLs wait for `gate`. */
function pageFetch(extra: Record<string, unknown> = {}, gate?: { url: string; until: Promise<void> }): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    if (gate && url === gate.url) await gate.until;
    if (url in extra) return new Response(JSON.stringify(extra[url]), { status: 200, headers: { 'content-type': 'application/json' } });
    return f.fetch(input, init);
  }) as typeof fetch;
}

function setUp(options: { extra?: Record<string, unknown>; gate?: { url: string; until: Promise<void> }; trustedIssuers?: string[] } = {}): void {
  configure({ fetch: pageFetch(options.extra, options.gate), now: NOW, statusCache: new StatusListCache(), trustedIssuers: options.trustedIssuers });
}

function mount(markup: string): VbBadgeCard {
  container.innerHTML = markup;
  return container.querySelector('vb-badge-card')!;
}

function card(credential: unknown, attributes = ''): VbBadgeCard {
  const el = mount(`<vb-badge-card ${attributes}></vb-badge-card>`);
  el.credential = credential as VbBadgeCard['credential'];
  return el;
}

async function until(test: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the card reflects a settled state and has rendered it. */
async function settled(el: VbBadgeCard): Promise<VbBadgeCard> {
  await until(() => SETTLED.includes(el.getAttribute('state') ?? ''), 'a settled state');
  await el.updateComplete;
  return el;
}

const parts = (el: VbBadgeCard, name: string) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`));
function part(el: VbBadgeCard, name: string): HTMLElement {
  const node = parts(el, name)[0];
  if (!node) throw new Error(`no part ${name}`);
  return node;
}
const words = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
const liveText = (el: VbBadgeCard) => words(el.shadowRoot!.querySelector('[aria-live]')!);

async function audit(node: Element): Promise<void> {
  const { violations } = await axe.run(node, { resultTypes: ['violations'] });
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(report, report.join('\n')).to.deep.equal([]);
}

describe('<vb-badge-card>', function () {
  this.timeout(60_000);

  before(async () => {
    f = await fixtures();
  });

  beforeEach(() => {
    requests = [];
    setUp();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    container.remove();
  });

  describe('states, from real signed fixtures', () => {
    it('verified: the state, the badge, its issuer with the verified DID, dates, criteria, skills and recipient', async () => {
      const el = await settled(card(f.verified));
      expect(el.state).to.equal('verified');
      expect(el.getAttribute('state')).to.equal('verified');
      expect(el.result?.verdict).to.equal('verified');
      expect(words(part(el, 'status-label'))).to.equal('Verified');
      expect(parts(el, 'reason')).to.have.length(0);
      expect(words(part(el, 'title'))).to.equal('Data Visualization Practitioner');
      expect(part(el, 'title').getAttribute('role')).to.equal('heading');
      const issuer = part(el, 'issuer-name') as HTMLAnchorElement;
      expect(words(issuer)).to.equal('Example Institute of Technology');
      expect(issuer.href).to.equal('https://example.edu/');
      expect(issuer.rel).to.equal('noopener noreferrer');
      expect(words(part(el, 'issuer-id'))).to.equal('did:web:badges.example.edu (verified identity)');
      expect(words(part(el, 'facts'))).to.include(`Issued ${formatDate('en', '2026-01-15T09:00:00Z')}`);
      expect(part(el, 'facts').querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-15T09:00:00Z');
      expect(words(part(el, 'recipient'))).to.equal('Awarded to did:example:learner-42');
      expect(words(part(el, 'description'))).to.equal('Designs clear charts and dashboards from real data.');
      expect(words(part(el, 'criteria'))).to.include('Built three dashboards reviewed by a panel.');
      const skill = part(el, 'skill');
      expect(words(skill)).to.equal('Data Scientists O*NET-SOC 15-2051.00');
      const link = skill.querySelector('a')!;
      expect(link.href).to.equal('https://www.onetonline.org/link/summary/15-2051.00');
      expect(link.rel).to.equal('noopener noreferrer');
      const img = part(el, 'image').querySelector('img');
      if (img) {
        // (It may already have been swapped for the drawing: the image host is not reachable from the tests.)
        expect(img.getAttribute('src')).to.equal('https://example.edu/badges/data-viz.png');
        expect(img.alt).to.equal('Badge image: Data Visualization Practitioner');
        expect(img.referrerPolicy).to.equal('no-referrer');
      }
      expect(liveText(el)).to.equal('Data Visualization Practitioner: Verified');
    });

    it('revoked: not valid, "Revoked by the issuer", while the issuer identity stays verified', async () => {
      const el = await settled(card(f.revoked));
      expect(el.getAttribute('state')).to.equal('failed');
      expect(words(part(el, 'status-label'))).to.equal('Not valid');
      expect(parts(el, 'reason').map(words)).to.deep.equal(['Revoked by the issuer']);
      expect(words(part(el, 'issuer-id'))).to.include('(verified identity)');
      expect(liveText(el)).to.equal('Cloud Architecture: Not valid. Revoked by the issuer');
    });

    it('suspended: not valid, "Suspended by the issuer"', async () => {
      const el = await settled(card(f.suspended));
      expect(el.getAttribute('state')).to.equal('failed');
      expect(parts(el, 'reason').map(words)).to.deep.equal(['Suspended by the issuer']);
    });

    it('expired: not valid, "Expired on <date>" in the page language, and the expiry date among the facts', async () => {
      const el = await settled(card(f.expired));
      const date = formatDate('en', '2026-03-01T00:00:00Z');
      expect(el.getAttribute('state')).to.equal('failed');
      expect(parts(el, 'reason').map(words)).to.deep.equal([`Expired on ${date}`]);
      expect(words(part(el, 'facts'))).to.include(`Expires ${date}`);
    });

    it('tampered: not valid, the signature does not match, and the issuer id is marked as not verified', async () => {
      const el = await settled(card(f.tampered));
      expect(el.getAttribute('state')).to.equal('failed');
      expect(parts(el, 'reason').map(words)).to.deep.equal(['Signature does not match: the badge was changed after it was issued']);
      expect(words(part(el, 'issuer-id'))).to.equal('did:web:badges.example.edu (identity not verified)');
      expect(part(el, 'issuer-id').classList.contains('is-verified')).to.equal(false);
    });

    it('could not check: which check and why, never "not valid" nor "verified"', async () => {
      const el = await settled(card(f.unreachable));
      expect(el.getAttribute('state')).to.equal('indeterminate');
      expect(words(part(el, 'status-label'))).to.equal('Could not check');
      expect(parts(el, 'reason').map(words)).to.deep.equal(["Could not check signature: the issuer's key could not be fetched"]);
      expect(words(part(el, 'issuer-id'))).to.include('(identity not verified)');
    });

    it('a CLR transcript that fails through its nested credentials says how many', async () => {
      const el = await settled(card(f.clr));
      expect(el.getAttribute('state')).to.equal('failed');
      expect(parts(el, 'reason').map(words)).to.deep.equal(['2 of 3 credentials in this transcript are not valid']);
      expect(words(part(el, 'title'))).to.equal('Transcript: Data Analytics Certificate');
      const transcript = words(part(el, 'transcript'));
      expect(transcript).to.include('3 credentials: 1 verified, 2 not valid, 0 could not be checked');
      expect(transcript).to.include('Data Analytics Certificate');
    });

    it('verifying: the current step in words, the content already shown, then one announcement when it settles', async () => {
      let open!: () => void;
      setUp({ gate: { url: DID_DOC, until: new Promise<void>((resolve) => (open = resolve)) } });
      const el = card(f.verified);
      await until(() => el.step === 'signature', 'the signature step');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('verifying');
      expect(el.result).to.equal(undefined);
      expect(words(part(el, 'status-label'))).to.equal('Verifying…');
      expect(parts(el, 'reason').map(words)).to.deep.equal(['Checking the signature and issuer key']);
      expect(part(el, 'card').getAttribute('aria-busy')).to.equal('true');
      // The preview shows the badge, and claims nothing about the issuer's identity yet.
      expect(words(part(el, 'title'))).to.equal('Data Visualization Practitioner');
      expect(words(part(el, 'issuer-id'))).to.equal('did:web:badges.example.edu');
      expect(liveText(el)).to.equal('');
      await audit(el);
      open();
      await settled(el);
      expect(el.getAttribute('state')).to.equal('verified');
      expect(part(el, 'card').getAttribute('aria-busy')).to.equal('false');
      expect(liveText(el)).to.equal('Data Visualization Practitioner: Verified');
    });
  });

  describe('sources', () => {
    it('src: fetches the credential URL through the configured fetch', async () => {
      setUp({ extra: { [SRC]: f.verified } });
      const el = await settled(mount(`<vb-badge-card src="${SRC}"></vb-badge-card>`));
      expect(el.getAttribute('state')).to.equal('verified');
      expect(requests[0]).to.equal(SRC);
      expect(el.verificationInput).to.equal(SRC);
    });

    it('src: a relative URL resolves against the page', async () => {
      const absolute = new URL('badges/data-viz.json', document.baseURI).href;
      setUp({ extra: { [absolute]: f.revoked } });
      const el = await settled(mount('<vb-badge-card src="badges/data-viz.json"></vb-badge-card>'));
      expect(requests[0]).to.equal(absolute);
      expect(el.getAttribute('state')).to.equal('failed');
    });

    it('src that cannot be loaded: "could not be loaded", and the light-DOM fallback stays visible', async () => {
      const el = await settled(mount(`<vb-badge-card src="https://badges.example.edu/missing.json"><p id="fb">My badge</p></vb-badge-card>`));
      expect(el.getAttribute('state')).to.equal('failed');
      expect(parts(el, 'reason').map(words)).to.deep.equal(['The badge could not be loaded']);
      const fallback = container.querySelector('#fb') as HTMLElement;
      expect(fallback.assignedSlot).to.not.equal(null);
      expect(fallback.offsetHeight).to.be.greaterThan(0);
      await audit(el);
    });

    it('an inline <script type="application/json"> child: no request for the credential; the fallback gives way to the card', async () => {
      container.innerHTML = '<vb-badge-card><script type="application/json"></script><p id="fb">My badge</p></vb-badge-card>';
      const el = container.querySelector('vb-badge-card')!;
      el.querySelector('script')!.textContent = JSON.stringify(f.verified);
      await settled(el);
      expect(el.getAttribute('state')).to.equal('verified');
      expect(requests.every((url) => url === DID_DOC || url.startsWith('https://badges.example.edu/status/'))).to.equal(true);
      expect((container.querySelector('#fb') as HTMLElement).assignedSlot).to.equal(null);
      expect((container.querySelector('#fb') as HTMLElement).offsetHeight).to.equal(0);
    });

    it('an inline script added after the element upgraded is picked up', async () => {
      const el = mount('<vb-badge-card><p>My badge</p></vb-badge-card>');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('idle');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(f.expired);
      el.append(script);
      await settled(el);
      expect(el.getAttribute('state')).to.equal('failed');
    });

    it('.credential as JSON text and as bytes', async () => {
      const text = await settled(card(JSON.stringify(f.verified)));
      expect(text.getAttribute('state')).to.equal('verified');
      const bytes = await settled(card(new TextEncoder().encode(JSON.stringify(f.suspended))));
      expect(bytes.getAttribute('state')).to.equal('failed');
    });

    it('.credential wins over src; removing every source returns to idle with the fallback shown', async () => {
      setUp({ extra: { [SRC]: f.revoked } });
      const el = mount(`<vb-badge-card src="${SRC}"><p id="fb">My badge</p></vb-badge-card>`);
      el.credential = f.verified;
      await settled(el);
      expect(el.getAttribute('state')).to.equal('verified');
      expect(requests).to.not.include(SRC);
      el.credential = undefined;
      el.removeAttribute('src');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('idle');
      expect(el.result).to.equal(undefined);
      expect((container.querySelector('#fb') as HTMLElement).assignedSlot).to.not.equal(null);
    });
  });

  describe('a result verified ahead (as a passport does for its list)', () => {
    it('settles in its first update, with vb-verify-start then vb-verify-end, and verifies afresh the next time', async () => {
      const { verifyAhead } = await import('../../src/components/shared/queue.js');
      const credential = structuredClone(f.verified);
      await verifyAhead(credential, new AbortController().signal);
      const seen: string[] = [];
      const el = document.createElement('vb-badge-card');
      for (const type of ['vb-verify-start', 'vb-verify-progress', 'vb-verify-end']) el.addEventListener(type, () => seen.push(type));
      el.credential = credential as VbBadgeCard['credential'];
      container.append(el);
      await el.updateComplete;
      // Settled in the update that first showed it: no "verifying" state to render, no steps to report.
      expect(el.getAttribute('state')).to.equal('verified');
      expect(seen).to.deep.equal(['vb-verify-start', 'vb-verify-end']);
      // The result was taken: verifying again runs the steps.
      seen.length = 0;
      expect((await el.verify())?.verdict).to.equal('verified');
      expect(seen).to.include('vb-verify-progress');
    });

    it('is not handed out once withdrawn: the card verifies for itself', async () => {
      const { verifyAhead } = await import('../../src/components/shared/queue.js');
      const credential = structuredClone(f.verified);
      const withdraw = new AbortController();
      await verifyAhead(credential, withdraw.signal);
      withdraw.abort();
      const seen: string[] = [];
      const el = document.createElement('vb-badge-card');
      for (const type of ['vb-verify-start', 'vb-verify-progress', 'vb-verify-end']) el.addEventListener(type, () => seen.push(type));
      el.credential = credential as VbBadgeCard['credential'];
      container.append(el);
      await settled(el);
      expect(el.getAttribute('state')).to.equal('verified');
      // It ran the steps itself (a result handed out has none).
      expect(seen[0]).to.equal('vb-verify-start');
      expect(seen).to.include('vb-verify-progress');
      expect(seen.at(-1)).to.equal('vb-verify-end');
    });
  });

  describe('events', () => {
    it('vb-verify-start, vb-verify-progress for each step, then vb-verify-end with the result; bubbling and composed', async () => {
      const seen: string[] = [];
      let start: CustomEvent<VbVerifyStartDetail> | undefined;
      let end: CustomEvent<VbVerifyEndDetail> | undefined;
      const onStart = (e: CustomEvent<VbVerifyStartDetail>) => (start = e, seen.push('start'));
      const onProgress = (e: CustomEvent<{ step: string }>) => seen.push(e.detail.step);
      const onEnd = (e: CustomEvent<VbVerifyEndDetail>) => (end = e, seen.push('end'));
      document.addEventListener('vb-verify-start', onStart);
      document.addEventListener('vb-verify-progress', onProgress);
      document.addEventListener('vb-verify-end', onEnd);
      try {
        const el = await settled(card(f.revoked));
        expect(seen).to.deep.equal(['start', 'load', 'format', 'signature', 'validity', 'status', 'schema', 'end']);
        expect(start!.detail.input).to.equal(f.revoked);
        expect(start!.bubbles && start!.composed).to.equal(true);
        expect(end!.target).to.equal(el);
        expect(end!.bubbles && end!.composed).to.equal(true);
        expect(end!.detail.state).to.equal('failed');
        const result: VerificationResult = end!.detail.result;
        expect(result).to.equal(el.result);
        expect(result.checks.find((c) => c.id === 'status')?.code).to.equal('revoked');
      } finally {
        document.removeEventListener('vb-verify-start', onStart);
        document.removeEventListener('vb-verify-progress', onProgress);
        document.removeEventListener('vb-verify-end', onEnd);
      }
    });

    it('a superseded run is ignored: one vb-verify-end, for the latest credential', async () => {
      let open!: () => void;
      setUp({ gate: { url: DID_DOC, until: new Promise<void>((resolve) => (open = resolve)) } });
      const ends: VerificationResult[] = [];
      const el = card(f.revoked);
      el.addEventListener('vb-verify-end', (e) => ends.push(e.detail.result));
      await until(() => el.step === 'signature', 'the first run to reach the signature');
      el.credential = f.verified;
      await el.updateComplete;
      open();
      await settled(el);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ends.map((r) => r.verdict)).to.deep.equal(['verified']);
      expect(el.getAttribute('state')).to.equal('verified');
      expect(words(part(el, 'title'))).to.equal('Data Visualization Practitioner');
    });

    it('verify() runs again and resolves with the result', async () => {
      const el = await settled(card(f.expired));
      let starts = 0;
      el.addEventListener('vb-verify-start', () => starts++);
      const again = el.verify();
      expect(el.getAttribute('state')).to.equal('verifying');
      const result = await again;
      expect(starts).to.equal(1);
      expect(result?.verdict).to.equal('failed');
      expect(el.result).to.equal(result);
      expect(await mount('<vb-badge-card></vb-badge-card>').verify()).to.equal(undefined);
    });

    it('a card moved in the page keeps its run', async () => {
      let starts = 0;
      const el = card(f.verified);
      await el.updateComplete;
      el.addEventListener('vb-verify-start', () => starts++);
      const other = document.createElement('div');
      container.append(other);
      other.append(el);
      await settled(el);
      expect(el.getAttribute('state')).to.equal('verified');
      expect(starts).to.equal(0); // no second start: the move did not abort and restart the run
    });
  });

  describe('attributes', () => {
    it('state is read-only: the page cannot set or remove it', async () => {
      const el = await settled(card(f.tampered));
      el.setAttribute('state', 'verified');
      expect(el.getAttribute('state')).to.equal('failed');
      el.removeAttribute('state');
      expect(el.getAttribute('state')).to.equal('failed');
      expect(el.state).to.equal('failed');
    });

    it('compact reflects both ways and shows only image, name, issuer and state', async () => {
      const el = await settled(card(f.revoked, 'compact'));
      expect(el.compact).to.equal(true);
      expect(parts(el, 'body')).to.have.length(0);
      expect(words(part(el, 'title'))).to.equal('Cloud Architecture');
      expect(parts(el, 'reason').map(words)).to.deep.equal(['Revoked by the issuer']);
      el.compact = false;
      await el.updateComplete;
      expect(el.hasAttribute('compact')).to.equal(false);
      expect(parts(el, 'body')).to.have.length(1);
      await audit(el);
    });

    it('heading-level sets the title level, sections one below; an invalid value falls back to 3 and warns once', async () => {
      const el = await settled(card(f.verified, 'heading-level="2"'));
      expect(part(el, 'title').getAttribute('aria-level')).to.equal('2');
      expect(part(el, 'section-title').getAttribute('aria-level')).to.equal('3');
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        el.setAttribute('heading-level', '9');
        await el.updateComplete;
        el.requestUpdate();
        await el.updateComplete;
      } finally {
        console.warn = warn;
      }
      expect(part(el, 'title').getAttribute('aria-level')).to.equal('3');
      expect(warnings).to.have.length(1);
    });

    it('labels issuers the page recognises, only with a verified identity', async () => {
      setUp({ trustedIssuers: [WEB_ISSUER] });
      const verified = await settled(card(f.verified));
      expect(words(part(verified, 'trusted'))).to.equal('Recognised issuer');
      const tampered = await settled(card(f.tampered));
      expect(parts(tampered, 'trusted')).to.have.length(0);
    });

    it('shows a list of trusted issuers configured after it verified, without verifying again', async () => {
      setUp();
      const el = await settled(card(f.verified));
      let starts = 0;
      el.addEventListener('vb-verify-start', () => starts++);
      expect(parts(el, 'trusted')).to.have.length(0);
      configure({ ...verifierOptions(), trustedIssuers: [WEB_ISSUER] });
      await el.updateComplete;
      expect(words(part(el, 'trusted'))).to.equal('Recognised issuer');
      configure({ ...verifierOptions(), trustedIssuers: ['did:web:other.example.org'] });
      await el.updateComplete;
      expect(parts(el, 'trusted')).to.have.length(0);
      expect(starts).to.equal(0);
      expect(el.state).to.equal('verified');
      // A card that has left the page no longer listens.
      el.remove();
      configure({ ...verifierOptions(), trustedIssuers: [WEB_ISSUER] });
      await el.updateComplete;
      expect(parts(el, 'trusted')).to.have.length(0);
    });
  });

  describe('language', () => {
    it('speaks the language of the nearest lang attribute (Spanish)', async () => {
      container.setAttribute('lang', 'es');
      try {
        const el = await settled(card(f.expired));
        const date = formatDate('es', '2026-03-01T00:00:00Z');
        expect(words(part(el, 'status-label'))).to.equal('No válida');
        expect(parts(el, 'reason').map(words)).to.deep.equal([`Caducó el ${date}`]);
        expect(words(part(el, 'issuer'))).to.include('Emitida por');
        expect(words(part(el, 'facts'))).to.include(`Emitida ${formatDate('es', '2026-01-15T09:00:00Z')}`);
        await audit(el);
      } finally {
        container.removeAttribute('lang');
      }
    });
  });

  describe('images', () => {
    it('an image that fails to load gives way to the drawing', async () => {
      const broken = structuredClone(f.verified) as { credentialSubject: { achievement: { image: unknown } } };
      broken.credentialSubject.achievement.image = { id: 'data:image/png;base64,AAAA', type: 'Image' };
      const el = await settled(card(broken));
      await until(() => !part(el, 'image').querySelector('img'), 'the broken image to be replaced');
      expect(part(el, 'image').querySelector('svg.placeholder')).to.not.equal(null);
    });

    it('the image slot replaces the badge image', async () => {
      const el = mount('<vb-badge-card><img slot="image" id="own" alt="Own image" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></vb-badge-card>');
      el.credential = f.verified;
      await settled(el);
      expect((container.querySelector('#own') as HTMLElement).assignedSlot?.name).to.equal('image');
    });
  });

  describe('a hostile credential', () => {
    it('renders markup, script and javascript: links as inert text', async () => {
      const before = document.querySelectorAll('*').length - container.querySelectorAll('*').length;
      const el = await settled(card(f.hostile));
      await new Promise((resolve) => setTimeout(resolve, 300)); // give an injected handler a chance to run
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
      expect(words(part(el, 'title'))).to.equal('<svg onload="window.__pwned=1">');
      expect(words(part(el, 'issuer-name'))).to.equal('<b onmouseover="window.__pwned=1">Evil</b>');
      expect(words(part(el, 'description'))).to.equal('<iframe src="javascript:window.__pwned=1"></iframe>');
      expect(words(part(el, 'skill'))).to.equal('<img src=x onerror=window.__pwned=1>');
      const criteria = part(el, 'criteria');
      expect(words(criteria)).to.include('[click](javascript:window.__pwned=1)');
      expect(criteria.querySelector('strong')?.textContent).to.equal('bold');

      const problems: string[] = [];
      const all = [el, ...el.querySelectorAll('*'), ...el.shadowRoot!.querySelectorAll('*')];
      for (const node of all) {
        if (/^(script|iframe|object|embed|frame|b)$/.test(node.localName)) problems.push(`<${node.localName}>`);
        if (node.localName === 'svg' && !node.matches('.icon, .placeholder')) problems.push('an injected <svg>');
        if (node.localName === 'img') problems.push(`<img src="${node.getAttribute('src')}">`);
        if (node.localName === 'a' && !/^https:/.test(node.getAttribute('href') ?? '')) problems.push(`<a href="${node.getAttribute('href')}">`);
        for (const attr of Array.from(node.attributes)) {
          if (/^on/i.test(attr.name)) problems.push(`<${node.localName} ${attr.name}>`);
          if (/javascript:/i.test(attr.value)) problems.push(`<${node.localName} ${attr.name}="${attr.value}">`);
        }
      }
      expect(problems).to.deep.equal([]);
      expect(document.querySelectorAll('*').length - container.querySelectorAll('*').length).to.equal(before);
      await audit(el);
    });
  });

  describe('keyboard', () => {
    it('Tab reaches the issuer link, then the criteria and skill links, in reading order', async () => {
      container.innerHTML = '<button id="before">Before</button><vb-badge-card></vb-badge-card>';
      const el = container.querySelector('vb-badge-card')!;
      el.credential = f.verified;
      await settled(el);
      (container.querySelector('#before') as HTMLButtonElement).focus();
      const focused: string[] = [];
      for (let i = 0; i < 2; i++) {
        await sendKeys({ press: 'Tab' });
        const active = el.shadowRoot!.activeElement as HTMLAnchorElement | null;
        focused.push(active?.href ?? String(document.activeElement?.localName));
      }
      expect(focused).to.deep.equal(['https://example.edu/', 'https://www.onetonline.org/link/summary/15-2051.00']);
    });
  });

  describe('accessibility (axe)', () => {
    const states: [string, () => Fixtures[keyof Fixtures]][] = [
      ['verified', () => f.verified],
      ['revoked', () => f.revoked],
      ['suspended', () => f.suspended],
      ['expired', () => f.expired],
      ['tampered', () => f.tampered],
      ['could not check', () => f.unreachable],
      ['a CLR transcript', () => f.clr],
      ['hostile', () => f.hostile],
    ];
    for (const [name, credential] of states) {
      it(`passes in the ${name} state`, async () => {
        await audit(await settled(card(credential())));
      });
    }

    it('passes in dark mode, verified and revoked', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        container.innerHTML = '<vb-badge-card></vb-badge-card><vb-badge-card compact></vb-badge-card>';
        const [a, b] = Array.from(container.querySelectorAll('vb-badge-card'));
        a!.credential = f.verified;
        b!.credential = f.revoked;
        await settled(a!);
        await settled(b!);
        await audit(container);
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
  });
});

describe('<vb-badge-card> helpers', () => {
  it('resolveSrc resolves relative URLs and leaves non-URLs alone', () => {
    expect(resolveSrc('b.json', 'https://example.org/dir/page.html')).to.equal('https://example.org/dir/b.json');
    expect(resolveSrc(' https://x.example/a ', 'https://example.org/')).to.equal('https://x.example/a');
    expect(resolveSrc('http://[bad', 'about:blank')).to.equal('http://[bad');
  });

  it('previewOf reads objects and JSON text, and nothing else', async () => {
    const f = await fixtures();
    expect(previewOf(f.verified)?.achievement?.name).to.equal('Data Visualization Practitioner');
    expect(previewOf(JSON.stringify(f.verified))?.issuer.verifiedIdentifier).to.equal(undefined);
    for (const input of ['https://example.org/b.json', 'eyJ.eyJ.sig', '{not json', new Uint8Array(4), null, 42, { id: 'x' }]) {
      expect(previewOf(input)).to.equal(undefined);
    }
  });

  it('headingLevel accepts integers 1 to 6 only', () => {
    expect([1, 6].map(headingLevel)).to.deep.equal([1, 6]);
    expect([0, 7, 2.5, Number.NaN, '3'].map(headingLevel)).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
  });

  it('isTrustedIssuer needs a verified identifier matching the trusted DID or the https issuer on its domain', () => {
    const view = (id: string, verifiedIdentifier?: string) => ({ kind: 'achievement' as const, issuer: { id, verifiedIdentifier }, alignments: [], evidence: [], results: [], endorsementCount: 0 });
    expect(isTrustedIssuer(view('did:web:a.example', 'did:web:a.example'), ['did:web:a.example'])).to.equal(true);
    expect(isTrustedIssuer(view('did:web:a.example'), ['did:web:a.example'])).to.equal(false);
    expect(isTrustedIssuer(view('https://a.example/issuer', 'a.example'), ['https://a.example/issuer'])).to.equal(true);
    expect(isTrustedIssuer(view('https://a.example/issuer', 'b.example'), ['https://a.example/issuer'])).to.equal(false);
  });

  it('reasonLines names each failure, or the unchecked check and why', async () => {
    // Languages other than English load on demand; the elements wait for them, a direct call waits here.
    await languageReady('es');
    const result = (checks: VerificationResult['checks'], verdict: VerificationResult['verdict']): VerificationResult => ({ verdict, checks });
    expect(reasonLines(result([{ id: 'status', outcome: 'failed', code: 'revoked', message: '' }, { id: 'validity', outcome: 'failed', code: 'expired', message: '', details: { validUntil: '2026-03-01T00:00:00Z' } }], 'failed'), 'en'))
      .to.deep.equal(['Revoked by the issuer', `Expired on ${formatDate('en', '2026-03-01T00:00:00Z')}`]);
    expect(reasonLines(result([{ id: 'status', outcome: 'indeterminate', code: 'status-list-unreachable', message: '' }], 'indeterminate'), 'es'))
      .to.deep.equal(['No se pudo comprobar el estado de revocación: no se pudo obtener la lista de revocación']);
    expect(reasonLines(result([], 'verified'), 'en')).to.deep.equal([]);
  });
});
