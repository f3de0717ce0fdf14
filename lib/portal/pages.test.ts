import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PAGE_EXAMPLES, PAGE_KINDS, detectPage, isPage } from './pages';

describe('page detection', () => {
  for (const kind of PAGE_KINDS) {
    it(`${kind}: accepts its own examples and rejects every other detector's`, () => {
      expect(PAGE_EXAMPLES[kind].length).toBeGreaterThan(0);
      for (const url of PAGE_EXAMPLES[kind]) expect(detectPage(url)?.kind, url).toBe(kind);
      for (const other of PAGE_KINDS.filter((k) => k !== kind)) {
        for (const url of PAGE_EXAMPLES[other]) expect(isPage(kind, url), `${kind} vs ${url}`).toBe(false);
      }
    });
  }

  it('extracts ids', () => {
    expect(detectPage('https://behandlernettverk.no/lokasjon/l-2001/personer/p-3001/endre')).toEqual({
      kind: 'personEdit',
      locationId: 'l-2001',
      personId: 'p-3001',
    });
    expect(detectPage('https://behandlernettverk.no/firma/f-1/')).toEqual({ kind: 'firm', firmId: 'f-1' });
  });

  it('rejects unknown pages and garbage', () => {
    for (const url of ['https://behandlernettverk.no/firma', 'https://behandlernettverk.no/firma/a/b', 'https://behandlernettverk.no/firma/%E0%A4%A', 'nonsense', '']) {
      expect(detectPage(url), url).toBeUndefined();
    }
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      detectPage(s);
      detectPage(`https://behandlernettverk.no/${s}`);
    }));
  });
});
