// Where the browsers the e2e suite runs in live, and what each launch needs (see ../shared/TOOLCHAIN.md).
// Chromium's part stays in chromium.mjs (the demo, bench and icon scripts use it); Firefox's is here.
import { existsSync } from 'node:fs';

export { chromiumPath, CHROMIUM_ARGS } from './chromium.mjs';

/** The e2e browsers, in the order `npm test` runs them. */
export const E2E_BROWSERS = ['chromium', 'firefox'];

/**
 * Debian's firefox-esr: /usr/bin/firefox-esr is a shell wrapper; puppeteer needs the real binary, so it is
 * first. FIREFOX_PATH overrides.
 */
export function firefoxCandidates() {
  return [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'].filter(Boolean);
}

export function firefoxPath() {
  const found = firefoxCandidates().find((p) => existsSync(p));
  if (!found) throw new Error("Firefox not found: run `node scripts/ensure-firefox.mjs` (installs Debian's firefox-esr) or set FIREFOX_PATH.");
  return found;
}
