// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus';

describe('XSS corpus data file', () => {
  it('is what xss-corpus.mjs generates (edit the generator, not the JSON)', () => {
    const result = spawnSync(process.execPath, [fileURLToPath(new URL('./xss-corpus.mjs', import.meta.url)), '--check'], { encoding: 'utf8' });
    expect(result.stdout).toContain('is current');
    expect(result.status).toBe(0);
  });

  it('has >= 500 distinct payloads, each with its own sentinel id', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(500);
    expect(CORPUS.map((p) => p.id)).toEqual(CORPUS.map((_, i) => i));
    expect(new Set(CORPUS.map((p) => p.vector)).size).toBe(CORPUS.length);
    // Every payload names the sentinel, plainly or encoded (entities, JS escapes, base64).
    const decode = (v: string) =>
      v
        .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/base64,([A-Za-z0-9+/=]+)/g, (_, b: string) => Buffer.from(b, 'base64').toString('utf8'))
        .replace("'__x'+'ss'", '__xss');
    expect(CORPUS.filter((p) => !decode(p.vector).includes(`__xss`) && !decode(p.vector).includes('(top.__xss)'))).toEqual([]);
    expect(CORPUS.filter((p) => !new RegExp(`\\b${p.id}\\b`).test(decode(p.vector)))).toEqual([]);
  });
});
