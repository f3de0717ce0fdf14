// `npm test`: everything CI checks, in order, failing fast on broken prerequisites:
// Chromium present -> type check -> lint -> unit tests -> builds (Chrome + Firefox, production + sandbox)
// -> web-ext lint -> build-output and end-to-end tests. Ends with the plain line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
function vitest(label, args, reportName) {
  const out = path.join(reports, `${reportName}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    if (!ok && !report.numFailedTests) failed += 1; // a crash outside tests still fails the run
  } catch {
    failed += 1;
    console.log(`(no report from ${label})`);
  }
  return ok;
}

function finish() {
  console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

const npx = 'npx';
if (!step('Chromium (Debian package)', 'node', ['scripts/ensure-chromium.mjs'])) finish();
step('wxt prepare', npx, ['wxt', 'prepare']);
step('type check', npx, ['tsc', '--noEmit']);
step('lint', npx, ['eslint', '.', '--max-warnings=0']);
vitest('unit tests', [], 'unit');

const builds = [
  ['build chrome (production)', ['wxt', 'build', '--mode', 'production']],
  ['build firefox (production)', ['wxt', 'build', '-b', 'firefox', '--mode', 'production']],
  ['build chrome (sandbox)', ['wxt', 'build', '--mode', 'sandbox']],
];
let built = true;
for (const [label, args] of builds) built = step(label, npx, args) && built;
// Store zips of the production builds (wxt zip rebuilds them identically); tests/build/release.test.ts checks them.
if (built) built = step('store zips (npm run zip)', 'npm', ['run', 'zip']);
if (built) {
  step('web-ext lint (firefox production)', 'node', ['scripts/webext-lint.mjs']);
  vitest('build-output and end-to-end tests', ['--config', 'vitest.e2e.config.ts'], 'e2e');
}
finish();
