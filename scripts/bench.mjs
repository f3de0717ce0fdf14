// `npm run bench`: the performance benchmark of issue #9 (not part of `npm test`).
// Runs tests/bench/run.ts through tsx; arguments are passed on (--only=…, --loads=N, --navs=N, --use-output).
// Prints a table and writes tests/bench/results.json. Exit code 0 unless the run itself failed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// From a clean clone: the browser parts need Debian's Chromium (installed when missing, as in `npm test`).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? process.env.BENCH_ONLY;
if (!only || /overlay|heap/.test(only)) {
  const ensure = spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], { cwd: root, stdio: 'inherit' });
  if (ensure.status !== 0) process.exit(ensure.status ?? 1);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
