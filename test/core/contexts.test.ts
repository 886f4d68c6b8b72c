import { expect } from 'chai';
import { pinnedContexts } from '../../src/core/contexts/index.js';
import { isPinnedContext, loadPinnedContext } from '../../src/core/contexts/load.js';
import { PINNED_CONTEXT_URLS } from '../../src/core/contexts/urls.js';

const deepFrozenExceptWritable = (value: unknown, path: string, unfrozen: string[]) => {
  if (!value || typeof value !== 'object') return;
  if (!Object.isFrozen(value)) unfrozen.push(path);
  for (const [k, v] of Object.entries(value)) deepFrozenExceptWritable(v, `${path}.${k}`, unfrozen);
};

describe('pinned contexts, loaded one URL at a time', () => {
  it('serves every pinned URL with exactly the data of the published packages (run scripts/vendor-contexts.mts if not)', async () => {
    const packages = pinnedContexts();
    for (const url of PINNED_CONTEXT_URLS) {
      expect(isPinnedContext(url), url).to.equal(true);
      expect(await loadPinnedContext(url), url).to.deep.equal(packages.get(url));
    }
  });

  it('knows no other URL and never fetches', async () => {
    for (const url of ['https://example.org/ctx', 'https://www.w3.org/ns/credentials/v2/', 'http://www.w3.org/ns/credentials/v2', '']) {
      expect(isPinnedContext(url), url).to.equal(false);
      expect(await loadPinnedContext(url), url).to.equal(undefined);
    }
  });

  it('shares one frozen document per URL; only the containers jsonld writes resolved URLs into stay open', async () => {
    for (const url of PINNED_CONTEXT_URLS) {
      const first = await loadPinnedContext(url);
      expect(await loadPinnedContext(url), url).to.equal(first);
      const unfrozen: string[] = [];
      deepFrozenExceptWritable(first, 'document', unfrozen);
      // The security v2 context starts with an array naming security v1; nothing else is left open.
      expect(unfrozen, url).to.deep.equal(url === 'https://w3id.org/security/v2' ? ['document.@context'] : []);
    }
  });

  it('does not hand out the packages’ own objects (other libraries share those)', async () => {
    const packages = pinnedContexts();
    for (const url of PINNED_CONTEXT_URLS) expect(await loadPinnedContext(url), url).to.not.equal(packages.get(url));
  });
});
