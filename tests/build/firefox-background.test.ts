/**
 * Firefox MV2 keeps a background page for ever unless the manifest says `persistent: false`. Ours is an event
 * page, so Firefox users live the same lifecycle as Chrome's MV3 service worker (tests/e2e/lifecycle.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe.each(['firefox-mv2', 'firefox-mv2-sandbox'])('background of %s', (dir) => {
  it('is an event page', () => {
    const file = path.join(root, '.output', dir, 'manifest.json');
    expect(existsSync(file), `${dir} is built`).toBe(true);
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    expect(manifest.background).toEqual({ persistent: false, scripts: ['background.js'] });
  });
});
