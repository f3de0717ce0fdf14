// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import committed from './phone-metadata.generated.json';

// The script is plain ESM JavaScript (run by node without a build step); load it by URL.
type SliceScript = { freshSliceText: () => string; OUTPUT_PATH: string; PHONE_COUNTRIES: readonly string[] };
const scriptUrl = new URL('../../scripts/slice-phone-metadata.mjs', import.meta.url).href;

describe('phone metadata slice', () => {
  it('equals a fresh slice of the installed libphonenumber-js (run scripts/slice-phone-metadata.mjs after upgrading)', async () => {
    const script = (await import(/* @vite-ignore */ scriptUrl)) as SliceScript;
    expect(readFileSync(script.OUTPUT_PATH, 'utf8')).toBe(script.freshSliceText());
  });

  it('holds exactly NO, SJ and SE and stays small', () => {
    expect(Object.keys(committed.countries).sort()).toEqual(['NO', 'SE', 'SJ']);
    expect(committed.country_calling_codes).toEqual({ '46': ['SE'], '47': ['NO', 'SJ'] });
    expect(JSON.stringify(committed).length).toBeLessThan(6000);
  });
});
