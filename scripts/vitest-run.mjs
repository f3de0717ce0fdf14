// Runs vitest once with a JSON report and returns its counts: shared by `npm test` (scripts/test-all.mjs)
// and `npm run test:e2e` (tests/e2e/run.ts), which both end with one `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * @param {{ label: string, args: string[], report: string, cwd: string, env?: Record<string, string> }} run
 * @returns {{ ok: boolean, passed: number, failed: number }}
 */
export function runVitest({ label, args, report, cwd, env = {} }) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}: npx vitest run ${args.join(' ')}${Object.keys(env).length ? ` (${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`);
  const result = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const passed = json.numPassedTests ?? 0;
    // A crash outside tests still fails the run.
    const failed = (json.numFailedTests ?? 0) + (!ok && !json.numFailedTests ? 1 : 0);
    console.log(`  ${label}: ${passed} of ${json.numTotalTests ?? 0} tests passed${json.numPendingTests ? `, ${json.numPendingTests} skipped` : ''}`);
    return { ok, passed, failed };
  } catch {
    console.log(`(no report from ${label})`);
    return { ok: false, passed: 0, failed: 1 };
  }
}
