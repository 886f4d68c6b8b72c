/**
 * Isolation on one page (Chromium): a card given a broken or hostile credential never affects the other cards, and
 * an exception thrown by the page's own listener of the elements' events does not break an element.
 *
 * Hostile inputs, all on the page at once beside three real signed badges (verified, revoked, tampered): invalid
 * JSON, a 10 MB string, JSON text nested 100,000 deep, an object nested 100,000 deep, a credential whose fields are
 * objects and arrays where strings are expected, a URL whose fetch rejects, a URL whose fetch never answers, a
 * 10 MB response, an object whose getters throw, and a Proxy that throws on every trap.
 *
 * Listener exceptions: `dispatchEvent` calls every listener and reports a listener's exception to the page (a
 * window `error` event, as for any uncaught exception in a callback) without throwing it to the dispatcher, so the
 * element carries on. The tests assert both halves: the element settles, the later listeners still hear the events,
 * and the error reaches `window.onerror` (not swallowed).
 */
import { expect } from 'chai';
import { VbBadgeCard } from '../../src/components/badge-card/badge-card.js';
import { VbVerifyButton } from '../../src/components/verify-button/verify-button.js';
import { configure } from '../../src/components/shared/config.js';
import { StatusListCache } from '../../src/core/index.js';
import { fixtures, NOW, type Fixtures } from '../support/fixtures.js';

if (!customElements.get('vb-badge-card')) customElements.define('vb-badge-card', VbBadgeCard);
if (!customElements.get('vb-verify-button')) customElements.define('vb-verify-button', VbVerifyButton);

const SETTLED = ['verified', 'failed', 'indeterminate'];
const HOST = 'https://badges.example.edu/hostile/';
const TEN_MB = 10 * 1024 * 1024;

let f: Fixtures;
let container: HTMLElement;

async function until(test: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const isSettled = (el: Element) => SETTLED.includes(el.getAttribute('state') ?? '');
const words = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`);

/** The fixtures' fetch, plus hostile URLs: one rejects, one never answers (until aborted), one answers 10 MB. */
function hostileFetch(): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url === `${HOST}rejects`) throw new TypeError('Failed to fetch (simulated)');
    if (url === `${HOST}hangs`) {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    if (url === `${HOST}ten-mb`) return new Response(`{"x":"${'y'.repeat(TEN_MB)}"}`, { status: 200, headers: { 'content-type': 'application/json' } });
    return f.fetch(input, init);
  }) as typeof fetch;
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Every hostile input, by name. None may verify; each must settle. */
function hostileInputs(): [string, unknown][] {
  const wrongTypes = structuredClone(f.verified) as Record<string, unknown>;
  Object.assign(wrongTypes, {
    name: { en: { deeper: ['x'] } },
    type: { not: 'an array' },
    validFrom: { date: '2026-01-01' },
    issuer: { id: { nested: 'did:example:x' }, name: [{ a: 1 }], url: { href: 'https://example.edu' }, image: 42 },
    credentialSubject: { achievement: { name: { x: 1 }, description: [[['deep']]], image: { id: { id: 'x' } }, alignment: 'not a list', criteria: 7 } },
    proof: 'a string where an object belongs',
  });
  const getters: Record<string, unknown> = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] };
  for (const key of ['credentialSubject', 'issuer', 'proof', 'name']) {
    Object.defineProperty(getters, key, { enumerable: true, get: () => { throw new Error(`getter ${key} throws`); } });
  }
  const proxy = new Proxy({}, {
    get: () => { throw new Error('proxy get throws'); },
    has: () => { throw new Error('proxy has throws'); },
    ownKeys: () => { throw new Error('proxy ownKeys throws'); },
    getOwnPropertyDescriptor: () => { throw new Error('proxy descriptor throws'); },
    getPrototypeOf: () => { throw new Error('proxy prototype throws'); },
  });
  return [
    ['invalid JSON', '{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": [,'],
    ['a 10 MB string', `{"name":"${'x'.repeat(TEN_MB)}"}`],
    ['JSON text nested 100,000 deep', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['an object nested 100,000 deep', { ...nested(100_000), credentialSubject: nested(100_000) }],
    ['fields of the wrong types', wrongTypes],
    ['a fetch that rejects', `${HOST}rejects`],
    ['a fetch that never answers (timeout)', `${HOST}hangs`],
    ['a 10 MB response', `${HOST}ten-mb`],
    ['getters that throw', getters],
    ['a Proxy that throws on every trap', proxy],
  ];
}

describe('isolation of cards on one page', function () {
  this.timeout(180_000);

  /** window.onerror, replaced while a test runs: what the page's uncaught errors were. */
  let uncaught: string[];
  let savedOnError: OnErrorEventHandler;
  let rejections: string[];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(String(event.reason?.message ?? event.reason));

  before(async () => {
    f = await fixtures();
  });

  beforeEach(() => {
    uncaught = [];
    rejections = [];
    savedOnError = window.onerror;
    window.onerror = (message, _source, _line, _column, error) => {
      uncaught.push(error instanceof Error ? error.message : String(message));
      return true;
    };
    window.addEventListener('unhandledrejection', onRejection);
    configure({ fetch: hostileFetch(), now: NOW, statusCache: new StatusListCache(), timeoutMs: 1_500 });
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    window.onerror = savedOnError;
    window.removeEventListener('unhandledrejection', onRejection);
    container.remove();
    configure();
  });

  it('hostile and broken credentials never affect the real badges beside them', async () => {
    const good: [string, unknown, string, RegExp][] = [
      ['verified', f.verified, 'verified', /^Verified$/],
      ['revoked', f.revoked, 'failed', /Revoked by the issuer/],
      ['tampered', f.tampered, 'failed', /Signature does not match/],
    ];
    const hostile = hostileInputs();
    const cards = new Map<string, VbBadgeCard>();
    // Good and hostile cards interleaved, all verifying through the same queue at once.
    const all = [...good.map(([name, input]) => [name, input] as const), ...hostile];
    all.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    for (const [name, input] of all) {
      const el = document.createElement('vb-badge-card');
      el.dataset.name = name;
      container.append(el);
      if (typeof input === 'string' && input.startsWith('https://')) el.src = input;
      else el.credential = input as VbBadgeCard['credential'];
      cards.set(name, el);
    }
    await until(() => [...cards.values()].every(isSettled), 'every card to settle', 150_000);
    for (const el of cards.values()) await el.updateComplete;

    for (const [name, , state, text] of good) {
      const el = cards.get(name)!;
      expect(el.state, name).to.equal(state);
      expect(words(el.shadowRoot!.querySelector('.status-text')), name).to.match(text);
    }
    expect(words(part(cards.get('verified')!, 'title'))).to.equal('Data Visualization Practitioner');
    const outcomes: string[] = [];
    for (const [name] of hostile) {
      const el = cards.get(name)!;
      outcomes.push(`${name}: ${el.state} (${el.result?.checks.find((c) => c.outcome !== 'passed')?.code ?? '-'})`);
      expect(el.state, name).to.be.oneOf(['failed', 'indeterminate']);
      expect(el.result?.verdict, name).not.to.equal('verified');
    }
    console.log(`isolation: ${outcomes.join('; ')}`);
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
  });

  it("an exception in the page's own listener of vb-verify-start, -progress and -end does not break the card", async () => {
    const heard: string[] = [];
    const el = document.createElement('vb-badge-card');
    for (const type of ['vb-verify-start', 'vb-verify-progress', 'vb-verify-end']) {
      el.addEventListener(type, () => {
        throw new Error(`page listener of ${type} throws`);
      });
      // A listener added after the throwing one still hears every event.
      el.addEventListener(type, (event) => heard.push(type === 'vb-verify-end' ? `${type}:${(event as CustomEvent).detail.state}` : type));
    }
    // A listener further up (bubbling, composed) too.
    const ancestor: string[] = [];
    container.addEventListener('vb-verify-end', (event) => ancestor.push((event as CustomEvent).detail.state));
    container.append(el);
    el.credential = f.verified;
    await until(() => isSettled(el), 'the card to settle');
    await el.updateComplete;

    expect(el.state).to.equal('verified');
    expect(el.getAttribute('state')).to.equal('verified');
    expect(words(part(el, 'status-label'))).to.equal('Verified');
    expect(heard[0]).to.equal('vb-verify-start');
    expect(heard.at(-1)).to.equal('vb-verify-end:verified');
    expect(heard.filter((h) => h === 'vb-verify-progress').length).to.be.greaterThan(0);
    expect(ancestor).to.deep.equal(['verified']);
    // Reported to the page as uncaught, once per throw, not swallowed.
    expect(uncaught).to.include('page listener of vb-verify-start throws');
    expect(uncaught).to.include('page listener of vb-verify-end throws');
    expect(uncaught.filter((m) => m === 'page listener of vb-verify-start throws')).to.have.length(1);
    expect(uncaught.filter((m) => m === 'page listener of vb-verify-end throws')).to.have.length(1);
    expect(uncaught.filter((m) => m === 'page listener of vb-verify-progress throws').length).to.equal(heard.filter((h) => h === 'vb-verify-progress').length);

    // And it verifies again afterwards, with the same listeners throwing.
    uncaught = [];
    el.credential = f.revoked;
    await until(() => el.state === 'failed', 'the second verification');
    expect(uncaught).to.include('page listener of vb-verify-end throws');
    expect(heard.at(-1)).to.equal('vb-verify-end:failed');
  });

  it('a throwing listener on one card leaves the other cards alone', async () => {
    const cards = [f.verified, f.revoked, f.verified].map((credential, i) => {
      const el = document.createElement('vb-badge-card');
      if (i === 0) {
        el.addEventListener('vb-verify-start', () => {
          throw new Error('first card listener throws');
        });
        el.addEventListener('vb-verify-end', () => {
          throw new Error('first card end listener throws');
        });
      }
      container.append(el);
      el.credential = credential;
      return el;
    });
    await until(() => cards.every(isSettled), 'the cards to settle');
    expect(cards.map((c) => c.state)).to.deep.equal(['verified', 'failed', 'verified']);
    expect(uncaught).to.deep.equal(['first card listener throws', 'first card end listener throws']);
  });

  it("an exception in the page's listener of <vb-verify-button>'s events does not break the button", async () => {
    const button = document.createElement('vb-verify-button') as VbVerifyButton;
    for (const type of ['vb-verify-start', 'vb-verify-end']) {
      button.addEventListener(type, () => {
        throw new Error(`button listener of ${type} throws`);
      });
    }
    container.append(button);
    button.credential = f.verified;
    await button.updateComplete;
    button.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await until(() => isSettled(button), 'the button to settle');
    await button.updateComplete;
    expect(button.state).to.equal('verified');
    const dialog = button.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelectorAll('[part="checks"] tbody tr').length).to.equal(5);
    expect(uncaught).to.include('button listener of vb-verify-start throws');
    expect(uncaught).to.include('button listener of vb-verify-end throws');
    dialog.close();
  });
});
