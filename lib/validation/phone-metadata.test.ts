// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import committed from './phone-metadata.generated.json';

const script = fileURLToPath(new URL('../../scripts/slice-phone-metadata.mjs', import.meta.url));

describe('phone metadata slice', () => {
  it('equals a fresh slice of the installed libphonenumber-js (run scripts/slice-phone-metadata.mjs after upgrading)', () => {
    // `--check` exits non-zero (execFileSync throws) when the committed file differs from a fresh slice.
    const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toContain('current');
  });

  it('holds exactly NO, SJ and SE and stays small', () => {
    expect(Object.keys(committed.countries).sort()).toEqual(['NO', 'SE', 'SJ']);
    expect(committed.country_calling_codes).toEqual({ '46': ['SE'], '47': ['NO', 'SJ'] });
    expect(JSON.stringify(committed).length).toBeLessThan(6000);
  });
});
