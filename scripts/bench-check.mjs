// `npm run bench:check`: runs the benchmark (scripts/bench.mjs), then exits non-zero when a measured,
// gated budget is missed or a gated figure could not be measured.
// `--reuse` checks an existing tests/bench/results.json instead, if it is less than an hour old.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = fileURLToPath(new URL('../tests/bench/results.json', import.meta.url));
const reuse = process.argv.includes('--reuse');
const passOn = process.argv.slice(2).filter((a) => a !== '--reuse');

if (reuse) {
  let ageMin;
  try {
    ageMin = (Date.now() - statSync(file).mtimeMs) / 60_000;
  } catch {
    console.error('bench:check --reuse: tests/bench/results.json is missing; run `npm run bench` first.');
    process.exit(2);
  }
  if (ageMin > 60) {
    console.error(`bench:check --reuse: tests/bench/results.json is ${Math.round(ageMin)} min old; run \`npm run bench\` again.`);
    process.exit(2);
  }
} else {
  const run = spawnSync(process.execPath, ['scripts/bench.mjs', ...passOn], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench:check: the benchmark itself failed (exit ${run.status}).`);
    process.exit(run.status ?? 1);
  }
}

const results = JSON.parse(readFileSync(file, 'utf8'));
// A partial run (--only=…) must not pass for a full one.
const expected = ['content script bundle', 'validate ', 'overlay added main-thread p95', 'long tasks added by extension', 'content-script heap growth', 'draft commit p95'];
const absent = expected.filter((prefix) => !results.some((r) => r.name.startsWith(prefix)));
if (absent.length > 0) {
  console.error(`bench:check: results.json is partial (no ${absent.map((a) => `"${a.trim()}…"`).join(', ')}); run the whole benchmark.`);
  process.exit(1);
}
const gated = results.filter((r) => r.gate);
const missed = gated.filter((r) => r.pass === false);
const unmeasured = gated.filter((r) => r.value === null);
for (const r of missed) console.error(`MISSED  ${r.name}: ${r.value} ${r.unit} > budget ${r.budget} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
for (const r of unmeasured) console.error(`MISSING ${r.name}: not measured${r.note ? ` (${r.note})` : ''}`);
for (const r of results.filter((x) => !x.gate && x.value === null)) console.log(`skipped ${r.name}: ${r.note ?? 'not measured'}`);
console.log(`bench:check: ${gated.length - missed.length - unmeasured.length} of ${gated.length} gated budgets met${missed.length + unmeasured.length ? `, ${missed.length} missed, ${unmeasured.length} not measured` : ''}.`);
process.exit(missed.length + unmeasured.length > 0 ? 1 : 0);
