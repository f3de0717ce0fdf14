import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('TtlCache', () => {
  it('returns values until their TTL has passed', () => {
    const c = clock();
    const cache = new TtlCache<string, number>({ ttlMs: 100, now: c.now });
    cache.set('a', 1);
    c.advance(99);
    expect(cache.get('a')).toBe(1);
    c.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('supports a per-entry TTL; 0 stores nothing', () => {
    const c = clock();
    const cache = new TtlCache<string, string>({ ttlMs: 100, now: c.now });
    cache.set('long', 'x', 1000);
    cache.set('none', 'y', 0);
    c.advance(500);
    expect(cache.get('long')).toBe('x');
    expect(cache.has('none')).toBe(false);
  });

  it('evicts the oldest entries beyond maxEntries; re-setting refreshes position', () => {
    const c = clock();
    const cache = new TtlCache<string, number>({ ttlMs: 1000, maxEntries: 2, now: c.now });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(3);
    expect(cache.get('c')).toBe(4);
  });

  it('prune, delete and clear', () => {
    const c = clock();
    const cache = new TtlCache<number, number>({ ttlMs: 10, now: c.now });
    cache.set(1, 1);
    cache.set(2, 2, 100);
    c.advance(20);
    expect(cache.prune()).toBe(1);
    expect(cache.delete(2)).toBe(true);
    cache.set(3, 3);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('uses Date.now by default', () => {
    const cache = new TtlCache<string, number>({ ttlMs: 60_000 });
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
  });
});
