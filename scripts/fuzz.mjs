// `npm run fuzz`: the background message fuzz with 10,000 runs (FUZZ_RUNS overrides); `npm test` runs 1,000.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = process.env.FUZZ_RUNS ?? '10000';
const result = spawnSync('npx', ['vitest', 'run', 'tests/security/fuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
