/**
 * `npm run test:e2e`: builds the sandbox extension for both browsers, then runs every e2e file in Chromium and
 * then in Firefox ESR (one browser at a time), and ends with one `N passed, N failed` line over both.
 * `E2E_BROWSER=firefox npm run test:e2e` runs one browser only; extra arguments go to vitest (file filters).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { E2E_BROWSERS } from '../../scripts/browsers.mjs';
import { runVitest } from '../../scripts/vitest-run.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const only = process.env.E2E_BROWSER;
const browsers = only ? [only] : [...E2E_BROWSERS];
const files = process.argv.slice(2);
const reports = path.join(ROOT, 'tests/artifacts');
mkdirSync(reports, { recursive: true });

for (const script of ['ensure-chromium', 'ensure-firefox']) {
  if (!browsers.includes(script === 'ensure-chromium' ? 'chromium' : 'firefox')) continue;
  if (spawnSync('node', [`scripts/${script}.mjs`], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}
for (const args of [['--mode', 'sandbox'], ['-b', 'firefox', '--mode', 'sandbox']]) {
  if (spawnSync('npx', ['wxt', 'build', ...args], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}

let passed = 0;
let failed = 0;
for (const browser of browsers) {
  const r = runVitest({
    label: `end-to-end tests in ${browser}`,
    args: ['--config', 'vitest.e2e.config.ts', ...(files.length ? files : ['tests/e2e'])],
    report: path.join(reports, `e2e-${browser}.json`),
    cwd: ROOT,
    env: { E2E_BROWSER: browser },
  });
  passed += r.passed;
  failed += r.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
