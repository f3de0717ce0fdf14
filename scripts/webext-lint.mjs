// web-ext lint on the Firefox production build: fails on any error; prints warnings (each one is
// explained in the README's "Firefox lint warnings" section).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--no-input'], {
  cwd: root,
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
} catch {
  console.error('web-ext lint gave no JSON report:\n', result.stdout, result.stderr);
  process.exit(1);
}
const show = (kind) => {
  for (const m of report[kind] ?? []) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} ${m.message}`);
};
show('errors');
show('warnings');
show('notices');
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors === 0 ? 0 : 1);
