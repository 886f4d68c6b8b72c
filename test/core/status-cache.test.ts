import { expect } from 'chai';
import { StatusListCache } from '../../src/core/status/cache.js';

describe('status list cache', () => {
  const load = (log: string[], key: string) => () => {
    log.push(key);
    return Promise.resolve(key);
  };
  const keep = () => true;

  it('keeps at most maxEntries lists, dropping the least recently used', async () => {
    const cache = new StatusListCache<string>({ maxEntries: 2 });
    const log: string[] = [];
    await cache.get('a', 0, load(log, 'a'), keep);
    await cache.get('b', 0, load(log, 'b'), keep);
    await cache.get('a', 1, load(log, 'a'), keep); // a hit: a is now the most recently used
    await cache.get('c', 2, load(log, 'c'), keep); // evicts b, not a
    expect(cache.size).to.equal(2);
    await cache.get('a', 3, load(log, 'a'), keep);
    await cache.get('b', 3, load(log, 'b'), keep);
    expect(log).to.deep.equal(['a', 'b', 'c', 'b']);
  });

  it('reloads an entry after its time to live, and shares one in-flight load', async () => {
    const cache = new StatusListCache<string>({ ttlMs: 10 });
    const log: string[] = [];
    const [x, y] = await Promise.all([cache.get('a', 0, load(log, 'a'), keep), cache.get('a', 0, load(log, 'a'), keep)]);
    expect([x, y]).to.deep.equal(['a', 'a']);
    await cache.get('a', 5, load(log, 'a'), keep);
    await cache.get('a', 11, load(log, 'a'), keep);
    expect(log).to.deep.equal(['a', 'a']);
  });

  it('does not keep a failure', async () => {
    const cache = new StatusListCache<string>();
    const log: string[] = [];
    await cache.get('a', 0, load(log, 'bad'), (v) => v !== 'bad');
    await cache.get('a', 0, load(log, 'a'), keep);
    expect(log).to.deep.equal(['bad', 'a']);
    expect(cache.size).to.equal(1);
  });
});
