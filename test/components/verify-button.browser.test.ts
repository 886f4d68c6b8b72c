/**
 * <vb-verify-button> in Chromium: the report for each state from the real signed fixtures, the progress steps, the
 * events, keyboard use of the dialog, the `for` target, hostile credentials and an axe audit.
 */
import { expect } from 'chai';
import axe from 'axe-core';
import { sendKeys } from '@web/test-runner-commands';
import { VbVerifyButton } from '../../src/components/verify-button/verify-button.js';
import { VbBadgeCard } from '../../src/components/badge-card/badge-card.js';
import { configure } from '../../src/components/shared/config.js';
import { formatDate } from '../../src/components/shared/i18n.js';
import { StatusListCache, type VerificationResult } from '../../src/core/index.js';
import { fixtures, NOW, WEB_ISSUER, type Fixtures } from '../support/fixtures.js';

if (!customElements.get('vb-verify-button')) customElements.define('vb-verify-button', VbVerifyButton);
if (!customElements.get('vb-badge-card')) customElements.define('vb-badge-card', VbBadgeCard);

const SRC = 'https://badges.example.edu/b/1';
const DID_DOC = 'https://badges.example.edu/.well-known/did.json';

let f: Fixtures;
let container: HTMLElement;
/** Every request the configured fetch saw. */
let requests: string[];

/** The fixtures' offline fetch, plus the verified badge at SRC. */
function pageFetch(gate?: Promise<void>): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    if (url === SRC) return new Response(JSON.stringify(f.verified), { status: 200, headers: { 'content-type': 'application/json' } });
    if (gate && url === DID_DOC) await gate;
    return f.fetch(input, init);
  }) as typeof fetch;
}

function mount<T extends Element = VbVerifyButton>(markup: string, selector = 'vb-verify-button'): T {
  container.innerHTML = markup;
  return container.querySelector(selector) as T;
}

function part(el: VbVerifyButton, name: string): HTMLElement {
  const node = el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!node) throw new Error(`no part ${name}`);
  return node;
}
const dialogOf = (el: VbVerifyButton) => part(el, 'dialog') as HTMLDialogElement;

function nextResult(el: VbVerifyButton): Promise<VerificationResult> {
  return new Promise((resolve) => el.addEventListener('vb-verify-end', (e) => resolve(e.detail.result), { once: true }));
}

/** Clicks the button and waits for the report to render. */
async function verifyByClick(el: VbVerifyButton): Promise<VerificationResult> {
  await el.updateComplete;
  const done = nextResult(el);
  part(el, 'button').click();
  const result = await done;
  await el.updateComplete;
  return result;
}

function checkRows(el: VbVerifyButton): [string, string, string][] {
  return Array.from(part(el, 'checks').querySelectorAll<HTMLTableRowElement>('tbody tr')).map((row) => [
    row.dataset.check!,
    row.dataset.outcome!,
    row.cells[2]!.textContent!.trim(),
  ]);
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function audit(node: Element): Promise<void> {
  const { violations } = await axe.run(node, { resultTypes: ['violations'] });
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).to.deep.equal([]);
}

const waitFor = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('<vb-verify-button>', () => {
  before(async () => {
    f = await fixtures();
  });

  beforeEach(() => {
    requests = [];
    configure({ fetch: pageFetch(), now: NOW, statusCache: new StatusListCache() });
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    for (const dialog of Array.from(container.querySelectorAll('vb-verify-button')).map((b) => b.shadowRoot?.querySelector('dialog'))) {
      if (dialog?.open) dialog.close();
    }
    container.remove();
    delete (window as { __pwned?: unknown }).__pwned;
  });

  describe('reports', () => {
    it('a verified credential (.credential): five checks, the signing key and controller, when it was checked', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.verified;
      expect(el.state).to.equal('idle');
      expect(el.getAttribute('state')).to.equal('idle');
      const result = await verifyByClick(el);

      expect(result.verdict).to.equal('verified');
      expect(el.result).to.equal(result);
      expect(el.state).to.equal('verified');
      expect(el.getAttribute('state')).to.equal('verified');
      expect(dialogOf(el).open).to.equal(true);
      expect(checkRows(el)).to.deep.equal([
        ['format', 'passed', 'ok'],
        ['signature', 'passed', 'ok'],
        ['validity', 'passed', 'ok'],
        ['status', 'passed', 'ok'],
        ['schema', 'skipped', 'no-schema'],
      ]);
      // Outcome in words beside the icon, not colour alone; the check's own message too.
      const signatureRow = part(el, 'checks').querySelector('tr[data-check="signature"]')!;
      expect(text(signatureRow.querySelector('th'))).to.equal('Signature and issuer key');
      expect(text(signatureRow.querySelector('.outcome'))).to.equal('✓ passed');
      expect(text(signatureRow.querySelector('td:last-child'))).to.equal(result.checks[1]!.message).and.not.equal('');
      expect(text(part(el, 'checks').querySelector('tr[data-check="schema"] .outcome'))).to.equal('– skipped');

      const signer = part(el, 'signer');
      expect(text(signer.querySelector('.key'))).to.equal(`${WEB_ISSUER}#key-1`);
      expect(text(signer.querySelector('.controller'))).to.equal(WEB_ISSUER);
      expect(text(signer.querySelector('.proof'))).to.equal('DataIntegrityProof (eddsa-rdfc-2022)');

      expect(text(el.shadowRoot!.querySelector('.checked-at'))).to.equal(`Checked at ${formatDate('en', NOW, true)}`);
      expect(text(part(el, 'verdict'))).to.equal('✓ Verified');
      expect(text(el.shadowRoot!.querySelector('#title'))).to.equal('Verification of Data Visualization Practitioner');
    });

    it('a revoked credential: status failed with code revoked, and the reason in words', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.revoked;
      const result = await verifyByClick(el);
      expect(result.verdict).to.equal('failed');
      expect(el.getAttribute('state')).to.equal('failed');
      expect(checkRows(el)).to.deep.equal([
        ['format', 'passed', 'ok'],
        ['signature', 'passed', 'ok'],
        ['validity', 'passed', 'ok'],
        ['status', 'failed', 'revoked'],
        ['schema', 'skipped', 'no-schema'],
      ]);
      expect(text(part(el, 'checks').querySelector('tr[data-check="status"] .outcome'))).to.equal('✗ failed');
      expect(text(part(el, 'verdict'))).to.equal('✗ Not valid Revoked by the issuer');
      // The signature itself is good: the key and controller are still shown.
      expect(text(part(el, 'signer').querySelector('.controller'))).to.equal(WEB_ISSUER);
    });

    it('a tampered credential: signature failed (invalid-signature), no signer shown', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.tampered;
      const result = await verifyByClick(el);
      expect(result.verdict).to.equal('failed');
      expect(checkRows(el)).to.deep.equal([
        ['format', 'passed', 'ok'],
        ['signature', 'failed', 'invalid-signature'],
        ['validity', 'passed', 'ok'],
        ['status', 'skipped', 'no-status'],
        ['schema', 'skipped', 'no-schema'],
      ]);
      expect(text(part(el, 'verdict'))).to.contain('Signature does not match');
      expect(part(el, 'signer').querySelector('.key')).to.equal(null);
      expect(text(part(el, 'signer'))).to.contain('No key was verified as the signer');
    });

    it('an unreachable issuer: could not check (key-unreachable), never shown as failed', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.unreachable;
      const result = await verifyByClick(el);
      expect(result.verdict).to.equal('indeterminate');
      expect(el.getAttribute('state')).to.equal('indeterminate');
      expect(checkRows(el)).to.deep.equal([
        ['format', 'passed', 'ok'],
        ['signature', 'indeterminate', 'key-unreachable'],
        ['validity', 'passed', 'ok'],
        ['status', 'skipped', 'no-status'],
        ['schema', 'skipped', 'no-schema'],
      ]);
      expect(text(part(el, 'checks').querySelector('tr[data-check="signature"] .outcome'))).to.equal('? could not check');
      expect(text(part(el, 'verdict'))).to.equal('? Could not check Could not check signature');
    });

    it('verifies its src through the configured fetch', async () => {
      const el = mount(`<vb-verify-button src="${SRC}"></vb-verify-button>`);
      expect(el.src).to.equal(SRC);
      const starts: unknown[] = [];
      el.addEventListener('vb-verify-start', (e) => starts.push(e.detail.input));
      const result = await verifyByClick(el);
      expect(starts).to.deep.equal([SRC]);
      expect(requests[0]).to.equal(SRC);
      expect(result.verdict).to.equal('verified');
      expect(result.credential).to.deep.equal(f.verified);
      expect(checkRows(el).map((r) => r[1])).to.deep.equal(['passed', 'passed', 'passed', 'passed', 'skipped']);
    });

    it('a CLR transcript: the nested summary and each nested credential', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.clr;
      const result = await verifyByClick(el);
      expect(result.verdict).to.equal('failed');
      expect(text(el.shadowRoot!.querySelector('.nested-summary'))).to.equal(
        'Transcript: 1 of 3 credentials verified, 2 not valid, 0 could not be checked',
      );
      const items = Array.from(el.shadowRoot!.querySelectorAll('.nested li')).map(text);
      expect(items).to.have.length(3);
      expect(items[0]).to.equal('Data Visualization Practitioner: ✓ Verified');
      expect(items[1]).to.match(/^Project Management Fundamentals: ✗ Not valid: Expired on /);
      expect(items[2]).to.contain('Chief Data Officer: ✗ Not valid: Signature does not match');
    });

    it('speaks the language of the nearest lang attribute', async () => {
      const el = mount('<div lang="es"><vb-verify-button></vb-verify-button></div>');
      el.credential = f.revoked;
      await el.updateComplete;
      const slot = part(el, 'button').querySelector('slot')!;
      expect(text(slot)).to.equal('Verificar');
      await verifyByClick(el);
      expect(text(part(el, 'verdict'))).to.equal('✗ No válida Revocada por el emisor');
      expect(text(part(el, 'checks').querySelector('caption'))).to.equal('Comprobaciones');
      expect(text(part(el, 'checks').querySelector('tr[data-check="status"] .outcome'))).to.equal('✗ fallido');
      expect(text(part(el, 'close'))).to.equal('Cerrar');
    });

    it('takes its label from the default slot', async () => {
      const el = mount('<vb-verify-button>Check this badge</vb-verify-button>');
      await el.updateComplete;
      const slot = part(el, 'button').querySelector('slot')!;
      expect(slot.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Check this badge']);
    });
  });

  describe('progress, state and events', () => {
    it('reflects each step of the core as the step attribute, in order, and removes it at the end', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.verified;
      // A MutationObserver keeps one record per change; each record's old value is the value before that change.
      const steps: (string | null)[] = [];
      const states: (string | null)[] = [];
      const observer = new MutationObserver((records) => {
        for (const r of records) (r.attributeName === 'step' ? steps : states).push(r.oldValue);
      });
      observer.observe(el, { attributes: true, attributeFilter: ['step', 'state'], attributeOldValue: true });
      await verifyByClick(el);
      await new Promise((r) => setTimeout(r, 0));
      observer.disconnect();
      // Set in turn to load, format, signature, validity, status, schema, then removed.
      expect(steps).to.deep.equal([null, 'load', 'format', 'signature', 'validity', 'status', 'schema']);
      expect(el.hasAttribute('step')).to.equal(false);
      expect(states).to.deep.equal(['idle', 'verifying']);
      expect(el.getAttribute('state')).to.equal('verified');
    });

    it('shows the progress list while verifying: done, current ("signature and issuer key") and waiting steps', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      configure({ fetch: pageFetch(gate), now: NOW, statusCache: new StatusListCache() });
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.verified;
      await el.updateComplete;
      const done = nextResult(el);
      part(el, 'button').click();
      await waitFor(() => el.getAttribute('step') === 'signature', 'the signature step');
      await el.updateComplete;

      expect(el.state).to.equal('verifying');
      expect(part(el, 'button').getAttribute('aria-busy')).to.equal('true');
      expect(text(part(el, 'verdict'))).to.equal('… Verifying…');
      const items = Array.from(part(el, 'progress').querySelectorAll<HTMLElement>('li')).map((li) => [li.dataset.step, li.dataset.progress, text(li)]);
      expect(items).to.deep.equal([
        ['load', 'done', '✓ Loading the credential (done)'],
        ['format', 'done', '✓ Reading the credential (done)'],
        ['signature', 'current', '● Checking the signature and issuer key (in progress)'],
        ['validity', 'pending', '○ Checking the dates (waiting)'],
        ['status', 'pending', '○ Checking revocation (waiting)'],
        ['schema', 'pending', '○ Checking the schema (waiting)'],
      ]);
      expect(part(el, 'again').getAttribute('aria-disabled')).to.equal('true');
      await audit(el);

      release();
      await done;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="progress"]')).to.equal(null);
      expect(el.state).to.equal('verified');
    });

    it('removed while verifying: the run is cancelled, no vb-verify-end, state idle, dialog closed', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      configure({ fetch: pageFetch(gate), now: NOW, statusCache: new StatusListCache() });
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.verified;
      let ends = 0;
      el.addEventListener('vb-verify-end', () => ends++);
      await el.updateComplete;
      part(el, 'button').click();
      await waitFor(() => el.getAttribute('step') === 'signature', 'the signature step');
      el.remove();
      expect(el.getAttribute('state')).to.equal('idle');
      expect(el.hasAttribute('step')).to.equal(false);
      expect(dialogOf(el).open).to.equal(false);
      release();
      await new Promise((r) => setTimeout(r, 100));
      expect(ends).to.equal(0);
      expect(el.result).to.equal(undefined);
    });

    it('fires vb-verify-start then vb-verify-end, bubbling and composed, with input and result', async () => {
      const el = mount('<section><vb-verify-button></vb-verify-button></section>');
      el.credential = f.verified;
      const seen: { type: string; detail: unknown; bubbles: boolean; composed: boolean }[] = [];
      const listen = (e: Event) => seen.push({ type: e.type, detail: (e as CustomEvent).detail, bubbles: e.bubbles, composed: e.composed });
      document.addEventListener('vb-verify-start', listen);
      document.addEventListener('vb-verify-end', listen);
      try {
        const result = await verifyByClick(el);
        expect(seen.map((s) => [s.type, s.bubbles, s.composed])).to.deep.equal([
          ['vb-verify-start', true, true],
          ['vb-verify-end', true, true],
        ]);
        expect((seen[0]!.detail as { input: unknown }).input).to.equal(f.verified);
        expect((seen[1]!.detail as { result: VerificationResult }).result).to.equal(result);
      } finally {
        document.removeEventListener('vb-verify-start', listen);
        document.removeEventListener('vb-verify-end', listen);
      }
    });

    it('state is read-only: a getter without a setter, and a page writing the attribute gets it put back', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(VbVerifyButton.prototype, 'state');
      expect(descriptor?.get).to.be.a('function');
      expect(descriptor?.set).to.equal(undefined);
      const el = mount('<vb-verify-button state="verified"></vb-verify-button>');
      el.credential = f.revoked;
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('idle');
      await verifyByClick(el);
      expect(el.getAttribute('state')).to.equal('failed');
      el.setAttribute('state', 'verified');
      expect(el.getAttribute('state')).to.equal('failed');
      el.removeAttribute('state');
      expect(el.getAttribute('state')).to.equal('failed');
    });

    it('reflects src and for', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.src = SRC;
      el.for = 'card-1';
      await el.updateComplete;
      expect(el.getAttribute('src')).to.equal(SRC);
      expect(el.getAttribute('for')).to.equal('card-1');
    });

    it('"Verify again" runs the verification again', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.verified;
      let starts = 0;
      let ends = 0;
      el.addEventListener('vb-verify-start', () => starts++);
      el.addEventListener('vb-verify-end', () => ends++);
      const first = await verifyByClick(el);
      expect([starts, ends]).to.deep.equal([1, 1]);
      const again = nextResult(el);
      part(el, 'again').click();
      expect(el.state).to.equal('verifying');
      const second = await again;
      await el.updateComplete;
      expect([starts, ends]).to.deep.equal([2, 2]);
      expect(second).to.not.equal(first);
      expect(el.result).to.equal(second);
      expect(dialogOf(el).open).to.equal(true);
      expect(checkRows(el)).to.have.length(5);
    });
  });

  describe('keyboard', () => {
    it('Enter and Space open it, focus moves into the dialog, Tab stays inside, Escape closes and focus returns', async () => {
      container.innerHTML = '<button id="outside">Outside</button>';
      const el = document.createElement('vb-verify-button');
      container.append(el);
      el.credential = f.verified;
      await el.updateComplete;
      const button = part(el, 'button');
      button.focus();
      expect(el.shadowRoot!.activeElement).to.equal(button);

      let done = nextResult(el);
      await sendKeys({ press: 'Enter' });
      await done;
      await el.updateComplete;
      const dialog = dialogOf(el);
      expect(dialog.open).to.equal(true);
      expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);

      const outside = container.querySelector('#outside')!;
      const visited = new Set<Element | null>();
      for (let i = 0; i < 8; i++) {
        await sendKeys({ press: 'Tab' });
        expect(document.activeElement).to.not.equal(outside);
        if (document.activeElement === el) visited.add(el.shadowRoot!.activeElement);
      }
      expect(visited.has(part(el, 'again'))).to.equal(true);
      expect(visited.has(part(el, 'close'))).to.equal(true);

      await sendKeys({ press: 'Escape' });
      await waitFor(() => !dialog.open, 'the dialog to close');
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement).to.equal(button);

      done = nextResult(el);
      await sendKeys({ press: 'Space' });
      await done;
      await el.updateComplete;
      expect(dialog.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !dialog.open, 'the dialog to close');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('the Close button closes it and returns focus to the button', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.verified;
      await verifyByClick(el);
      part(el, 'close').focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !dialogOf(el).open, 'the dialog to close');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'));
    });
  });

  describe('view credential', () => {
    it('shows the credential JSON as text in a disclosure', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.verified;
      await verifyByClick(el);
      const raw = part(el, 'raw') as HTMLDetailsElement;
      expect(raw.tagName).to.equal('DETAILS');
      expect(raw.open).to.equal(false);
      expect(text(raw.querySelector('summary'))).to.equal('View credential');
      raw.querySelector('summary')!.click();
      expect(raw.open).to.equal(true);
      const pre = raw.querySelector('pre')!;
      expect(pre.textContent).to.equal(JSON.stringify(f.verified, null, 2));
      expect(pre.children).to.have.length(0);
    });

    it('a hostile credential injects no element, runs no script, and leaves no javascript: URL', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      el.credential = f.hostile;
      const result = await verifyByClick(el);
      expect(result.credential).to.deep.equal(f.hostile);
      const raw = part(el, 'raw') as HTMLDetailsElement;
      raw.querySelector('summary')!.click();
      await new Promise((r) => setTimeout(r, 50));

      const root = el.shadowRoot!;
      expect(root.querySelectorAll('img, script, iframe, svg, object, embed, a, b, link, style:not([data-lit])').length).to.equal(
        0,
        Array.from(root.querySelectorAll('img, script, iframe, svg, object, embed, a, b')).map((n) => n.outerHTML).join('\n'),
      );
      // The dialog holds only the element's own markup: headings, the verdict, the table, lists, the disclosure.
      const own = new Set(['H2', 'H3', 'DIV', 'SPAN', 'STRONG', 'UL', 'LI', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'CODE', 'SECTION', 'DL', 'DT', 'DD', 'P', 'DETAILS', 'SUMMARY', 'PRE', 'BUTTON', 'BDI']);
      const foreign = Array.from(dialogOf(el).querySelectorAll('*')).filter((n) => !own.has(n.tagName));
      expect(foreign.map((n) => n.tagName)).to.deep.equal([]);
      const withHandlers = Array.from(root.querySelectorAll('*')).filter((n) => Array.from(n.attributes).some((a) => a.name.startsWith('on')));
      expect(withHandlers).to.have.length(0);
      const urls = Array.from(root.querySelectorAll('[href], [src]')).map((n) => n.getAttribute('href') ?? n.getAttribute('src'));
      expect(urls.filter((u) => /javascript:/i.test(u ?? ''))).to.deep.equal([]);
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);

      // The markup is there, as text.
      expect(text(root.querySelector('#title'))).to.equal('Verification of <svg onload="window.__pwned=1">');
      expect(raw.querySelector('pre')!.textContent).to.contain('<img src=x onerror=\\"window.__pwned=1\\">Hacked');
      await audit(el);
    });
  });

  describe('for', () => {
    it('naming a missing element: disabled, with a message saying why; enabled once the element appears', async () => {
      const el = mount('<vb-verify-button for="nowhere"></vb-verify-button>');
      await el.updateComplete;
      const button = part(el, 'button') as HTMLButtonElement;
      expect(button.disabled).to.equal(true);
      const message = part(el, 'message');
      expect(text(message)).to.equal('Nothing to verify: there is no badge with the id “nowhere” on this page');
      expect(button.getAttribute('aria-describedby')).to.equal(message.id);
      let starts = 0;
      el.addEventListener('vb-verify-start', () => starts++);
      button.click();
      expect(await el.verify()).to.equal(undefined);
      expect(starts).to.equal(0);
      expect(dialogOf(el).open).to.equal(false);
      await audit(el);

      const stub = document.createElement('div');
      stub.id = 'nowhere';
      container.append(stub);
      await waitFor(() => !button.disabled, 'the button to be enabled');
      expect(el.shadowRoot!.querySelector('[part="message"]')).to.equal(null);
    });

    it('with nothing to verify at all: disabled, with a message', async () => {
      const el = mount('<vb-verify-button></vb-verify-button>');
      await el.updateComplete;
      expect((part(el, 'button') as HTMLButtonElement).disabled).to.equal(true);
      expect(text(part(el, 'message'))).to.equal('Nothing to verify: no badge was given');
    });

    it('verifies the verificationInput of the element it names and leaves that element alone (stub card)', async () => {
      // A stand-in for <vb-badge-card>: an element with a verificationInput getter that records every other touch.
      class StubCard extends HTMLElement {
        reads = 0;
        get verificationInput() {
          this.reads++;
          return f.revoked;
        }
      }
      if (!customElements.get('vb-stub-card')) customElements.define('vb-stub-card', StubCard);
      container.innerHTML = '<vb-stub-card id="card-1"></vb-stub-card><vb-verify-button for="card-1"></vb-verify-button>';
      const card = container.querySelector('vb-stub-card') as StubCard;
      const el = container.querySelector('vb-verify-button')!;
      const mutations: MutationRecord[] = [];
      const observer = new MutationObserver((r) => mutations.push(...r));
      observer.observe(card, { attributes: true, childList: true, subtree: true, characterData: true });
      const starts: unknown[] = [];
      el.addEventListener('vb-verify-start', (e) => starts.push(e.detail.input));

      const result = await verifyByClick(el);
      expect(starts).to.deep.equal([f.revoked]);
      expect(card.reads).to.equal(1);
      expect(result.verdict).to.equal('failed');
      expect(checkRows(el)[3]).to.deep.equal(['status', 'failed', 'revoked']);
      await new Promise((r) => setTimeout(r, 0));
      observer.disconnect();
      expect(mutations).to.have.length(0);
    });

    it('verifies the credential of the <vb-badge-card> it names, without changing the card', async () => {
      container.innerHTML = '<vb-badge-card id="card-id"></vb-badge-card><vb-verify-button for="card-id"></vb-verify-button>';
      const card = container.querySelector('vb-badge-card')!;
      const el = container.querySelector('vb-verify-button')!;
      card.credential = f.revoked;
      await waitFor(() => card.getAttribute('state') === 'failed', 'the card to settle');
      const cardResult = card.result;
      expect(cardResult?.verdict).to.equal('failed');
      const cardEvents: string[] = [];
      const onCard = (e: Event) => {
        if (e.target === card) cardEvents.push(e.type);
      };
      for (const type of ['vb-verify-start', 'vb-verify-progress', 'vb-verify-end', 'vb-verify-end']) document.addEventListener(type, onCard);
      const mutations: MutationRecord[] = [];
      const observer = new MutationObserver((r) => mutations.push(...r));
      observer.observe(card, { attributes: true, childList: true, subtree: true, characterData: true });
      const starts: unknown[] = [];
      el.addEventListener('vb-verify-start', (e) => starts.push(e.detail.input));
      try {
        const result = await verifyByClick(el);
        expect(starts).to.deep.equal([f.revoked]);
        expect(result).to.not.equal(cardResult);
        expect(result.verdict).to.equal('failed');
        expect(checkRows(el)[3]).to.deep.equal(['status', 'failed', 'revoked']);
        await new Promise((r) => setTimeout(r, 50));
        await card.updateComplete;
        // The card neither re-verified nor changed (its shadow DOM is not compared: a badge image that fails to load
        // swaps to a drawing at its own pace).
        expect(cardEvents).to.deep.equal([]);
        expect(card.result).to.equal(cardResult);
        expect(card.getAttribute('state')).to.equal('failed');
        expect(mutations).to.have.length(0);
        await audit(container);
      } finally {
        observer.disconnect();
        for (const type of ['vb-verify-start', 'vb-verify-progress', 'vb-verify-end', 'vb-verify-end']) document.removeEventListener(type, onCard);
      }
    });

    it('looks the element up in its own shadow root', async () => {
      const host = document.createElement('div');
      container.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const card = document.createElement('div') as HTMLDivElement & { verificationInput?: unknown };
      card.id = 'inner';
      Object.defineProperty(card, 'verificationInput', { get: () => f.verified });
      const el = document.createElement('vb-verify-button');
      el.for = 'inner';
      shadow.append(card, el);
      // The same id in the document is not the one meant.
      container.insertAdjacentHTML('beforeend', '<div id="outer"></div>');
      const result = await verifyByClick(el);
      expect(result.verdict).to.equal('verified');
      el.for = 'outer';
      await el.updateComplete;
      expect((part(el, 'button') as HTMLButtonElement).disabled).to.equal(true);
    });
  });

  describe('accessibility (axe)', () => {
    it('closed, and open on a verified, a revoked, an unreachable and a CLR report', async () => {
      const el = mount('<main><h1>Badges</h1><vb-verify-button></vb-verify-button></main>');
      el.credential = f.verified;
      await el.updateComplete;
      await audit(el);
      for (const credential of [f.verified, f.revoked, f.unreachable, f.clr]) {
        el.credential = credential;
        await verifyByClick(el);
        (part(el, 'raw') as HTMLDetailsElement).open = true;
        await audit(el);
        dialogOf(el).close();
      }
      await audit(el);
    });
  });
});
