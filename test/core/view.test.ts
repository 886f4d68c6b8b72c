import { expect } from 'chai';
import { buildView, httpsUrl, identifierOf, imageUrl } from '../../src/core/view.js';
import { badge } from '../support/issuer.js';

describe('view model', () => {
  it('carries what a card shows', () => {
    const view = buildView(badge('did:key:z6MkIssuer') as never, 'did:key:z6MkIssuer');
    expect(view.kind).to.equal('achievement');
    expect(view.achievement?.name).to.equal('Data Visualization Practitioner');
    expect(view.achievement?.criteria).to.equal('Built three dashboards reviewed by a panel.');
    expect(view.achievement?.image).to.equal('https://example.edu/badges/data-viz.png');
    expect(view.issuer).to.include({ name: 'Example Institute of Technology', verifiedIdentifier: 'did:key:z6MkIssuer', url: 'https://example.edu/' });
    expect(view.issued).to.equal('2026-01-15T09:00:00Z');
    expect(view.recipient?.id).to.equal('did:example:learner-42');
    expect(view.alignments).to.deep.equal([
      { targetName: 'Data Scientists', targetCode: '15-2051.00', targetFramework: 'O*NET-SOC', targetUrl: 'https://www.onetonline.org/link/summary/15-2051.00' },
    ]);
    expect(view.endorsementCount).to.equal(0);
  });

  it('is plain JSON', () => {
    const view = buildView(badge('did:key:z6MkIssuer') as never);
    expect(JSON.parse(JSON.stringify(view))).to.deep.equal(view);
  });

  const urls: [string, string | undefined, string | undefined][] = [
    ['https://example.org/a.png', 'https://example.org/a.png', 'https://example.org/a.png'],
    ['http://example.org/a.png', undefined, undefined],
    ['javascript:alert(1)', undefined, undefined],
    ['data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', undefined, undefined],
    ['data:image/png;base64,iVBORw0KGgo=', undefined, 'data:image/png;base64,iVBORw0KGgo='],
    ['https://user:pass@example.org/', undefined, undefined],
    ['//example.org/x', undefined, undefined],
  ];
  for (const [input, link, image] of urls) {
    it(`link ${input.slice(0, 30)} -> ${link ?? 'dropped'}, image -> ${image ? 'kept' : 'dropped'}`, () => {
      expect(httpsUrl(input)).to.equal(link);
      expect(imageUrl(input)).to.equal(image);
    });
  }

  it('keeps markup as text and drops unsafe links from a hostile credential', () => {
    const hostile = badge('did:key:z6MkIssuer', {
      name: '<img src=x onerror=alert(1)>',
      issuer: { id: 'did:key:z6MkIssuer', name: '<script>alert(1)</script>', url: 'javascript:alert(1)', image: 'data:image/svg+xml,<svg onload=alert(1)>' },
    });
    (hostile.credentialSubject as { achievement: { alignment: unknown[] } }).achievement.alignment = [{ targetName: 'x', targetUrl: 'javascript:alert(1)' }];
    const view = buildView(hostile as never);
    expect(view.credentialName).to.equal('<img src=x onerror=alert(1)>');
    expect(view.issuer.name).to.equal('<script>alert(1)</script>');
    expect(view.issuer.url).to.equal(undefined);
    expect(view.issuer.image).to.equal(undefined);
    expect(view.alignments[0]).to.deep.equal({ targetName: 'x' });
  });

  it('names the verified identifier: the DID, or the domain of an https issuer', () => {
    expect(identifierOf('did:web:example.edu#key-1')).to.equal('did:web:example.edu');
    expect(identifierOf('https://badges.example.edu/issuers/1')).to.equal('badges.example.edu');
  });
});
