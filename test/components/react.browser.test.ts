/**
 * verifiable-badges/react in Chromium: the @lit/react wrappers rendered by react-dom. Importing the module registers
 * the elements; props reach the elements as properties (`credential`, `credentials`), the typed event props
 * (`onVerifyStart`, `onVerifyProgress`, `onVerifyEnd`, `onPassportReady`, `onBadgeDownload`) receive the elements'
 * events, and `configure` from the same module reaches the elements (trusted issuers). No JSX: React.createElement.
 */
import { expect } from 'chai';
import * as React from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  configure,
  VbBadgeActions,
  VbBadgeActionsElement,
  VbBadgeCard,
  VbBadgeCardElement,
  VbPassport,
  VbVerifyButton,
  VbVerifyButtonElement,
  type VbBadgeDownloadDetail,
  type VbPassportReadyDetail,
  type VbVerifyEndDetail,
  type VbVerifyProgressDetail,
  type VbVerifyStartDetail,
} from '../../src/react/index.js';
import { StatusListCache, unbake } from '../../src/core/index.js';
import { fixtures, NOW, WEB_ISSUER, type Fixtures } from '../support/fixtures.js';

const SETTLED = ['verified', 'failed', 'indeterminate'];

let f: Fixtures;
let container: HTMLElement;
let root: Root;

async function until(test: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function render(element: React.ReactElement): void {
  flushSync(() => root.render(element));
}

const words = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('verifiable-badges/react', function () {
  this.timeout(60_000);

  before(async () => {
    f = await fixtures();
  });

  beforeEach(() => {
    configure({ fetch: f.fetch, now: NOW, statusCache: new StatusListCache() });
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    flushSync(() => root.unmount());
    container.remove();
  });

  it('importing the module registers the four elements with their classes', () => {
    expect(customElements.get('vb-badge-card')).to.equal(VbBadgeCardElement);
    expect(customElements.get('vb-verify-button')).to.equal(VbVerifyButtonElement);
    expect(customElements.get('vb-passport')).to.exist;
    expect(customElements.get('vb-badge-actions')).to.equal(VbBadgeActionsElement);
    expect(VbBadgeCard.displayName).to.equal('VbBadgeCard');
  });

  it('<VbBadgeCard credential={…}> verifies, and onVerifyStart, onVerifyProgress and onVerifyEnd receive the events', async () => {
    const starts: VbVerifyStartDetail[] = [];
    const steps: VbVerifyProgressDetail['step'][] = [];
    const ends: VbVerifyEndDetail[] = [];
    const ref = React.createRef<VbBadgeCardElement>();
    render(
      React.createElement(VbBadgeCard, {
        ref,
        credential: f.verified,
        compact: true,
        onVerifyStart: (event) => starts.push(event.detail),
        onVerifyProgress: (event) => steps.push(event.detail.step),
        onVerifyEnd: (event) => ends.push(event.detail),
      }),
    );
    const el = container.querySelector('vb-badge-card') as VbBadgeCardElement;
    expect(el).to.be.an.instanceOf(VbBadgeCardElement);
    expect(ref.current).to.equal(el);
    // Objects are set as properties, not attributes; booleans too.
    expect(el.credential).to.equal(f.verified);
    expect(el.hasAttribute('credential')).to.equal(false);
    expect(el.compact).to.equal(true);

    await until(() => ends.length > 0, 'onVerifyEnd');
    expect(ends).to.have.length(1);
    expect(ends[0]!.state).to.equal('verified');
    expect(ends[0]!.result.verdict).to.equal('verified');
    expect(ends[0]!.result).to.equal(el.result);
    expect(el.getAttribute('state')).to.equal('verified');
    expect(starts).to.have.length(1);
    expect(starts[0]!.input).to.equal(f.verified);
    expect(steps[0]).to.equal('load');
    expect(steps).to.include('signature');
    await el.updateComplete;
    expect(words(el.shadowRoot!.querySelector('[part~="status-label"]'))).to.equal('Verified');
  });

  it('a new credential prop verifies again, and the latest handler is called', async () => {
    const first: VbVerifyEndDetail[] = [];
    const second: VbVerifyEndDetail[] = [];
    render(React.createElement(VbBadgeCard, { credential: f.verified, onVerifyEnd: (event) => first.push(event.detail) }));
    await until(() => first.length > 0, 'the first verification');
    render(React.createElement(VbBadgeCard, { credential: f.tampered, onVerifyEnd: (event) => second.push(event.detail) }));
    await until(() => second.length > 0, 'the second verification');
    expect(first.map((d) => d.state)).to.deep.equal(['verified']);
    expect(second.map((d) => d.state)).to.deep.equal(['failed']);
    expect(second[0]!.result.checks.find((c) => c.id === 'signature')?.code).to.equal('invalid-signature');
  });

  it('configure() from the React module reaches the cards: a trusted issuer is labelled', async () => {
    configure({ fetch: f.fetch, now: NOW, statusCache: new StatusListCache(), trustedIssuers: [WEB_ISSUER] });
    const ends: VbVerifyEndDetail[] = [];
    render(React.createElement(VbBadgeCard, { credential: f.verified, onVerifyEnd: (event) => ends.push(event.detail) }));
    await until(() => ends.length > 0, 'onVerifyEnd');
    const el = container.querySelector('vb-badge-card') as VbBadgeCardElement;
    await el.updateComplete;
    expect(words(el.shadowRoot!.querySelector('[part~="trusted"]'))).to.equal('Recognised issuer');
  });

  it('<VbPassport credentials={…}> calls onPassportReady with every result, and onVerifyEnd once per card', async () => {
    const ready: VbPassportReadyDetail[] = [];
    const ends: VbVerifyEndDetail[] = [];
    render(
      React.createElement(VbPassport, {
        credentials: [f.verified, f.revoked, f.tampered],
        onPassportReady: (event) => ready.push(event.detail),
        onVerifyEnd: (event) => ends.push(event.detail),
      }),
    );
    await until(() => ready.length > 0, 'onPassportReady');
    expect(ready[0]!.results.map((r) => r.verdict).sort()).to.deep.equal(['failed', 'failed', 'verified']);
    expect(ready[0]!.error).to.equal(undefined);
    expect(ends).to.have.length(3);
  });

  it('<VbVerifyButton credential={…}> verifies on verify() and calls onVerifyEnd', async () => {
    const ends: VbVerifyEndDetail[] = [];
    const ref = React.createRef<VbVerifyButtonElement>();
    render(React.createElement(VbVerifyButton, { ref, credential: f.revoked, onVerifyEnd: (event) => ends.push(event.detail) }));
    const button = ref.current!;
    expect(button).to.be.an.instanceOf(VbVerifyButtonElement);
    await button.updateComplete;
    const result = await button.verify();
    await until(() => ends.length > 0, 'onVerifyEnd');
    expect(result?.verdict).to.equal('failed');
    expect(ends[0]!.result).to.equal(result);
    expect(ends[0]!.state).to.equal('failed');
    button.shadowRoot!.querySelector('dialog')?.close();
  });

  it('<VbBadgeActions slot="actions"> in a card offers "Add to LinkedIn" once verified, and onBadgeDownload receives the download', async () => {
    const downloads: VbBadgeDownloadDetail[] = [];
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    const anchorClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) blobs.push(object);
      return createObjectURL.call(URL, object);
    };
    // A click on the download link saves nothing during tests.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.download) anchorClick.call(this);
    };
    try {
      const ref = React.createRef<VbBadgeActionsElement>();
      render(
        React.createElement(
          VbBadgeCard,
          { credential: f.verified },
          React.createElement(VbBadgeActions, { ref, slot: 'actions', onBadgeDownload: (event) => downloads.push(event.detail) }),
        ),
      );
      const card = container.querySelector('vb-badge-card') as VbBadgeCardElement;
      const actions = ref.current!;
      expect(actions).to.be.an.instanceOf(VbBadgeActionsElement);
      expect(actions.card).to.equal(card);
      await until(() => card.getAttribute('state') === 'verified', 'a verified card');
      await actions.updateComplete;
      expect(actions.shadowRoot!.querySelector('[part~="linkedin"]')).to.exist;
      actions.shadowRoot!.querySelector<HTMLButtonElement>('[part~="download"]')!.click();
      await until(() => downloads.length > 0, 'onBadgeDownload');
      expect(downloads).to.have.length(1);
      expect(blobs).to.have.length(1);
      const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
      expect(downloads[0]).to.deep.equal({ fileName: 'data-visualization-practitioner.svg', format: 'svg', size: bytes.byteLength });
      // The credential the card verified is inside the file.
      const baked = unbake(bytes);
      expect(baked.ok && JSON.parse(baked.text)).to.deep.equal(f.verified);
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = anchorClick;
    }
  });

  it('settled states are reflected for page CSS through the wrapper too', async () => {
    render(React.createElement(VbBadgeCard, { credential: f.expired }));
    const el = container.querySelector('vb-badge-card')!;
    await until(() => SETTLED.includes(el.getAttribute('state') ?? ''), 'a settled state');
    expect(el.getAttribute('state')).to.equal('failed');
  });
});
