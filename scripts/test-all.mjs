// `npm test`: everything CI checks, in order, failing fast on broken prerequisites:
// Chromium and Firefox ESR present -> type check -> lint -> unit tests -> builds (Chrome + Firefox, production +
// sandbox) -> web-ext lint -> build-output tests -> the end-to-end suite in Chromium, then the same suite in
// Firefox ESR (one browser at a time). Ends with one plain line `N passed, N failed` over all of it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runVitest } from './vitest-run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = path.join(root, 'tests/artifacts');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const started = Date.now();

function run(label, command, args, { env = {} } = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A step that is one check (type check, lint, a build): counts as one test. */
function step(label, command, args, options) {
  const ok = run(label, command, args, options);
  if (ok) passed += 1;
  else failed += 1;
  return ok;
}

/** A vitest run: its test counts are added from the JSON report. */
function vitest(label, args, reportName, { env = {} } = {}) {
  const result = runVitest({ label, args, report: path.join(reports, `${reportName}.json`), cwd: root, env });
  passed += result.passed;
  failed += result.failed;
  return result.ok;
}

function finish() {
  console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

const npx = 'npx';
const chromium = step('Chromium (Debian package)', 'node', ['scripts/ensure-chromium.mjs']);
const firefox = step('Firefox ESR (Debian package)', 'node', ['scripts/ensure-firefox.mjs']);
if (!chromium || !firefox) finish();
step('wxt prepare', npx, ['wxt', 'prepare']);
step('type check', npx, ['tsc', '--noEmit']);
step('lint', npx, ['eslint', '.', '--max-warnings=0']);
vitest('unit tests', [], 'unit');

const builds = [
  ['build chrome (production)', ['wxt', 'build', '--mode', 'production']],
  ['build firefox (production)', ['wxt', 'build', '-b', 'firefox', '--mode', 'production']],
  ['build chrome (sandbox)', ['wxt', 'build', '--mode', 'sandbox']],
  ['build firefox (sandbox)', ['wxt', 'build', '-b', 'firefox', '--mode', 'sandbox']],
];
let built = true;
for (const [label, args] of builds) built = step(label, npx, args) && built;
// Store zips of the production builds (wxt zip rebuilds them identically); tests/build/release.test.ts checks them.
if (built) built = step('store zips (npm run zip)', 'npm', ['run', 'zip']);
if (built) {
  step('web-ext lint (firefox production)', 'node', ['scripts/webext-lint.mjs']);
  vitest('build-output tests', ['--config', 'vitest.e2e.config.ts', 'tests/build'], 'build');
  // The same e2e files in each browser, one browser at a time (tests/e2e/README.md).
  vitest('end-to-end tests in Chromium', ['--config', 'vitest.e2e.config.ts', 'tests/e2e'], 'e2e-chromium', { env: { E2E_BROWSER: 'chromium' } });
  vitest('end-to-end tests in Firefox ESR', ['--config', 'vitest.e2e.config.ts', 'tests/e2e'], 'e2e-firefox', { env: { E2E_BROWSER: 'firefox' } });
}
finish();
