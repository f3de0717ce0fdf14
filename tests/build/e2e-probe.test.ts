/**
 * The e2e probe (platform/e2e-probe.ts) reads our closed shadow roots for the Firefox e2e suite. It exists in the
 * sandbox builds only: production bundles must not contain it (the portal's scripts could read the overlay).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBE_EVENT } from '../../platform/e2e-probe';

const root = path.resolve(import.meta.dirname, '../..');
const scripts = (dir: string) => {
  const folder = path.join(root, '.output', dir, 'content-scripts');
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(path.join(folder, f), 'utf8')] as const) : [];
};

describe('e2e probe', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('is absent from the production build %s', (dir) => {
    const files = scripts(dir);
    expect(files.map(([f]) => f).sort()).toEqual(['portal-forms.js', 'portal-guide.js', 'portal.js']);
    for (const [file, code] of files) expect(code.includes(PROBE_EVENT), file).toBe(false);
  });

  it.each(['chrome-mv3-sandbox', 'firefox-mv2-sandbox'])('is present in the sandbox build %s (so the check above can fail)', (dir) => {
    const files = scripts(dir);
    expect(files.map(([f]) => f).sort()).toEqual(['portal-forms.js', 'portal-guide.js', 'portal.js']);
    for (const [file, code] of files) expect(code.includes(PROBE_EVENT), file).toBe(true);
  });
});
