// `npm run bench`: the performance benchmark of issue #9 (not part of `npm test`).
// Runs tests/bench/run.ts through tsx; arguments are passed on (--only=…, --loads=N, --navs=N, --use-output).
// Prints a table and writes tests/bench/results.json. Exit code 0 unless the run itself failed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
