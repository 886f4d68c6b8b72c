import { expect } from 'chai';
import { checkFormat } from '../../src/core/checks/format.js';
import { PINNED_CONTEXT_URLS } from '../../src/core/contexts/urls.js';
import { pinnedContexts } from '../../src/core/contexts/index.js';

const base = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:key:z6MkExample' },
  credentialSubject: { type: ['AchievementSubject'] },
};

describe('format check', () => {
  const table: [string, Record<string, unknown>, string, string][] = [
    ['an Open Badges 3.0 credential', {}, 'passed', 'ok'],
    ['a VC 1.1 credential', { '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'] }, 'passed', 'ok'],
    ['no @context', { '@context': undefined }, 'failed', 'not-a-credential'],
    ['VC context not first', { '@context': ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://www.w3.org/ns/credentials/v2'] }, 'failed', 'not-a-credential'],
    ['an unknown remote context', { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://evil.example/context.json'] }, 'failed', 'unknown-context'],
    ['an inline @vocab', { '@context': ['https://www.w3.org/ns/credentials/v2', { '@vocab': 'https://evil.example/#' }] }, 'failed', 'unsafe-context'],
    ['an inline @import', { '@context': ['https://www.w3.org/ns/credentials/v2', { '@import': 'https://evil.example/c' }] }, 'failed', 'unsafe-context'],
    ['an inline context aliasing validUntil', { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', { vu: 'https://www.w3.org/2018/credentials#validUntil' }], vu: '2020-01-01T00:00:00Z' }, 'failed', 'unsafe-context'],
    ['validUntil under its full IRI', { 'https://www.w3.org/2018/credentials#validUntil': '2020-01-01T00:00:00Z' }, 'failed', 'unsafe-property'],
    ['credentialStatus under a compact IRI', { 'cred:credentialStatus': { type: 'BitstringStatusListEntry' } }, 'failed', 'unsafe-property'],
    ['validUntil nested in @nest', { '@nest': { validUntil: '2020-01-01T00:00:00Z' } }, 'failed', 'unsafe-property'],
    ['a top-level @included node', { '@included': [{ id: 'urn:x' }] }, 'failed', 'unsafe-property'],
    ['an IRI key deep in the subject', { credentialSubject: { type: ['AchievementSubject'], achievement: { 'https://schema.org/name': 'x' } } }, 'failed', 'unsafe-property'],
    ['an inline context nested in the subject', { credentialSubject: { '@context': { vu: 'https://www.w3.org/2018/credentials#validUntil' }, type: ['AchievementSubject'] } }, 'failed', 'unsafe-property'],
    ['a pinned context nested in the subject', { credentialSubject: { '@context': 'https://www.w3.org/ns/credentials/v2', type: ['AchievementSubject'] } }, 'passed', 'ok'],
    ['@id, @type and a value object', { id: 'urn:uuid:1', credentialSubject: { '@id': 'did:example:1', '@type': ['AchievementSubject'], name: { '@value': 'Ana', '@language': 'es' } } }, 'passed', 'ok'],
    ['IRI keys inside a JSON literal (jsonSchema)', { credentialSchema: [{ id: 'https://example.org/s', type: 'JsonSchema', jsonSchema: { '$schema': 'https://json-schema.org/draft/2020-12/schema', 'a:b': 1 } }] }, 'passed', 'ok'],
    ['a number as context', { '@context': ['https://www.w3.org/ns/credentials/v2', 7] }, 'failed', 'not-a-credential'],
    ['no VerifiableCredential type', { type: ['OpenBadgeCredential'] }, 'failed', 'not-a-credential'],
    ['no issuer', { issuer: undefined }, 'failed', 'missing-issuer'],
    ['issuer without id', { issuer: { name: 'Nobody' } }, 'failed', 'missing-issuer'],
    ['issuer id not an IRI', { issuer: 'just a name' }, 'failed', 'missing-issuer'],
    ['no credentialSubject', { credentialSubject: undefined }, 'failed', 'missing-subject'],
    ['empty credentialSubject list', { credentialSubject: [] }, 'failed', 'missing-subject'],
  ];
  for (const [name, patch, outcome, code] of table) {
    it(`${name}: ${outcome} (${code})`, () => {
      const credential = JSON.parse(JSON.stringify({ ...base, ...patch }));
      const { check } = checkFormat(credential, new Set());
      expect([check.id, check.outcome, check.code]).to.deep.equal(['format', outcome, code]);
    });
  }

  it('accepts a context the caller trusts explicitly', () => {
    const credential = { ...base, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://example.org/ctx'] };
    expect(checkFormat(credential as never, new Set(['https://example.org/ctx'])).check.outcome).to.equal('passed');
  });

  it('serves every pinned context URL from bundled data, and nothing else', () => {
    const data = pinnedContexts();
    expect([...data.keys()].sort()).to.deep.equal([...PINNED_CONTEXT_URLS].sort());
    for (const [url, ctx] of data) expect(ctx, url).to.have.property('@context');
  });
});
