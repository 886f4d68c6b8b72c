/**
 * <vb-badge-card> with a hostile self-asserted issuer name (direction controls, invisible characters, look-alike
 * letters): the name is shown cleaned and isolated, a warning says so in words (en, es), and the verified identifier
 * (a DID, or the punycode domain of an https issuer) stands beside it. Signed at test time; Chromium.
 */
import { expect } from 'chai';
import axe from 'axe-core';
import { VbBadgeCard } from '../../src/components/badge-card/badge-card.js';
import { configure } from '../../src/components/shared/config.js';
import { StatusListCache } from '../../src/core/index.js';
import { NOW, badge, controllerDocument, fakeFetch, makeKey, signDataIntegrity } from '../support/issuer.js';

if (!customElements.get('vb-badge-card')) customElements.define('vb-badge-card', VbBadgeCard);

const HOSTILE = 'Ex\u0430mple \u202Eytisrevinu\u202C\u200B';
const SHOWN = 'Ex\u0430mple ytisrevinu';

let container: HTMLElement;

async function settled(el: VbBadgeCard): Promise<VbBadgeCard> {
  const end = performance.now() + 20_000;
  while (!['verified', 'failed', 'indeterminate'].includes(el.getAttribute('state') ?? '')) {
    if (performance.now() > end) throw new Error('the card did not settle');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await el.updateComplete;
  return el;
}

function card(credential: unknown, lang = 'en'): VbBadgeCard {
  container.lang = lang;
  const el = document.createElement('vb-badge-card');
  container.append(el);
  el.credential = credential as VbBadgeCard['credential'];
  return el;
}

const part = (el: VbBadgeCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const words = (node: Node | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<vb-badge-card>: hostile issuer names', function () {
  this.timeout(60_000);

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('a DID issuer: the name cleaned in a <bdi>, a warning naming each trick, and the verified DID beside it', async () => {
    const key = await makeKey(81);
    configure({ fetch: fakeFetch({}), now: NOW, statusCache: new StatusListCache() });
    const signed = await signDataIntegrity(badge(key.controller, { issuer: { id: key.controller, type: ['Profile'], name: HOSTILE } }), key);
    const el = await settled(card(signed));
    expect(el.state).to.equal('verified');
    const name = part(el, 'issuer-name')!;
    expect(name.textContent!.trim()).to.equal(SHOWN);
    expect(name.textContent).not.to.match(/[\u202A-\u202E\u200B]/);
    expect(name.querySelector('bdi')?.textContent).to.equal(SHOWN);
    const warning = part(el, 'issuer-warning')!;
    expect(warning, 'a warning').to.exist;
    expect(warning.getAttribute('role')).to.equal('note');
    expect(name.getAttribute('aria-describedby')).to.equal(warning.id);
    expect(warning.getBoundingClientRect().height, 'the warning is visible').to.be.greaterThan(0);
    const said = words(warning);
    expect(said).to.include('text-direction controls (removed)');
    expect(said).to.include('invisible characters (removed)');
    expect(said).to.include('look-alike letters from different alphabets');
    expect(words(part(el, 'issuer-id'))).to.equal(`${key.controller} (verified identity)`);
    const { violations } = await axe.run(el, { resultTypes: ['violations'] });
    expect(violations.map((v) => v.id)).to.deep.equal([]);
  });

  it('in Spanish', async () => {
    const key = await makeKey(82);
    configure({ fetch: fakeFetch({}), now: NOW, statusCache: new StatusListCache() });
    const signed = await signDataIntegrity(badge(key.controller, { issuer: { id: key.controller, type: ['Profile'], name: 'Ex\u0430mple University' } }), key);
    const el = await settled(card(signed, 'es'));
    expect(words(part(el, 'issuer-warning'))).to.equal(
      'Atención: este nombre mezcla letras parecidas de alfabetos distintos. Fíate de la identidad que lo acompaña, no del nombre.',
    );
    expect(words(part(el, 'issuer-id'))).to.equal(`${key.controller} (identidad verificada)`);
  });

  it('an https issuer on an internationalised domain: the verified identifier is its punycode hostname', async () => {
    const issuer = 'https://ex\u0430mple.edu/issuer';
    const ascii = new URL(issuer).href;
    expect(ascii).to.equal('https://xn--exmple-4nf.edu/issuer');
    const key = await makeKey(83, ascii, 'key-1');
    // The controller document is served under both spellings of its URL: the test is about what the card shows.
    const doc = controllerDocument(ascii, [key]);
    configure({ fetch: fakeFetch({ [ascii]: doc, [issuer]: doc }), now: NOW, statusCache: new StatusListCache() });
    const signed = await signDataIntegrity(badge(ascii, { issuer: { id: ascii, type: ['Profile'], name: 'Example University' } }), key);
    const el = await settled(card(signed));
    expect(el.state, JSON.stringify(el.result?.checks.find((c) => c.id === 'signature'))).to.equal('verified');
    expect(part(el, 'issuer-warning')).to.equal(null);
    expect(words(part(el, 'issuer-id'))).to.equal('xn--exmple-4nf.edu (verified identity)');
  });

  it('an ordinary name: no warning', async () => {
    const key = await makeKey(84);
    configure({ fetch: fakeFetch({}), now: NOW, statusCache: new StatusListCache() });
    const el = await settled(card(await signDataIntegrity(badge(key.controller), key)));
    expect(el.state).to.equal('verified');
    expect(part(el, 'issuer-warning')).to.equal(null);
    expect(part(el, 'issuer-name')!.hasAttribute('aria-describedby')).to.equal(false);
  });
});
