/**
 * `npm run bench` (issue #9): measures, prints a table, writes tests/bench/results.json.
 * Not part of `npm test`. Options (also as env BENCH_LOADS etc.):
 *   --only=sizes,validation,overlay,heap,drafts,checkall   run some parts only (results.json then holds only those)
 *   --commits=100     draft commits timed while typing (drafts)
 *   --loads=20        measured page loads per page kind and arm (plus --warmup=1 discarded rounds)
 *   --kinds=firm,location  overlay: some page kinds only (a partial run; bench:check rejects it)
 *   --navs=1000       SPA navigations for the heap measurement
 *   --use-output      measure the existing .output/chrome-mv3 (+ -sandbox) instead of a fresh private build
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, round, type BenchResult } from './common';
import { bundleSizes, describeSizes, sizeResults } from './sizes';
import { benchValidators, validationResults } from './validation';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_FILE = path.join(ROOT, 'tests/bench/results.json');

function option(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (arg) return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'true';
  return process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback;
}

const log = (s: string) => console.log(s);
const parts = new Set(option('only', 'sizes,validation,overlay,heap,drafts,checkall').split(','));
const commits = Number(option('commits', '100'));
const loads = Number(option('loads', '20'));
const warmup = Number(option('warmup', '1'));
const navs = Number(option('navs', '1000'));
const kinds = option('kinds', '');
const useOutput = option('use-output', 'false') === 'true';

/**
 * The bundles to measure. By default a fresh build of the working tree into a private temp directory: the
 * shared .output/ may be stale or in the middle of someone else's rebuild. The same code as `wxt build`.
 */
async function buildDirs(tmp: string): Promise<{ production: string; sandbox: string }> {
  if (useOutput) {
    const production = path.join(ROOT, '.output/chrome-mv3');
    const sandbox = path.join(ROOT, '.output/chrome-mv3-sandbox');
    const { execFileSync } = await import('node:child_process');
    if (!existsSync(path.join(production, 'manifest.json'))) execFileSync('npx', ['wxt', 'build', '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
    if (!existsSync(path.join(sandbox, 'manifest.json'))) execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { cwd: ROOT, stdio: 'inherit' });
    return { production, sandbox };
  }
  const { build } = await import('wxt');
  const outDir = path.join(tmp, 'output');
  const none = () => undefined;
  // Only warnings and errors from the build; the file listing is noise here.
  const logger = { debug: none, log: none, info: none, success: none, warn: console.warn, error: console.error, fatal: console.error, level: 1 };
  for (const mode of ['production', 'sandbox']) {
    if (mode === 'sandbox' && !parts.has('overlay') && !parts.has('heap') && !parts.has('drafts')) continue;
    await build({ root: ROOT, mode, outDir, logger });
  }
  return { production: path.join(outDir, 'chrome-mv3'), sandbox: path.join(outDir, 'chrome-mv3-sandbox') };
}

async function main() {
  const started = Date.now();
  const phase = (name: string, t0: number) => log(`  (${name}: ${round((Date.now() - t0) / 1000, 1)} s)`);
  const results: BenchResult[] = [];
  const details: string[] = [];
  const tmp = await mkdtemp(path.join(tmpdir(), 'bn-bench-build-'));
  try {
    let t0 = Date.now();
    const dirs = parts.has('sizes') || parts.has('overlay') || parts.has('heap') || parts.has('drafts') ? await buildDirs(tmp) : undefined;
    if (dirs) phase(useOutput ? 'using .output' : 'fresh builds (production, sandbox)', t0);

    if (parts.has('sizes') && dirs) {
      const sizes = bundleSizes(dirs.production);
      results.push(...sizeResults(sizes));
      details.push(`Bundle sizes (production build, gzip level 6 per file, summed):\n${describeSizes(sizes)}`);
    }

    if (parts.has('validation')) {
      t0 = Date.now();
      log('Validation per keystroke (Node, tsx) …');
      const timings = benchValidators();
      results.push(...validationResults(timings));
      details.push(
        `Validation per keystroke (µs; cold = the very first call in this process):\n${timings
          .map((t) => `  ${t.name.padEnd(15)} ${t.keystrokes} keystrokes × ${t.samples / t.keystrokes} rounds  p50 ${t.p50Us}  p95 ${t.p95Us}  max ${t.maxUs}  cold ${t.coldUs}`)
          .join('\n')}`,
      );
      phase('validation', t0);
    }

    if ((parts.has('overlay') || parts.has('heap') || parts.has('drafts')) && dirs) {
      const { startBench } = await import('./browsers');
      // The overlay part adds a control arm (a one-line content script): its figures are the noise floor.
      const bench = await startBench(dirs.sandbox, parts.has('overlay') ? { control: (await import('./overlay')).OVERLAY_HOST } : {});
      try {
        if (parts.has('overlay')) {
          const { benchOverlay, describeOverlay, overlayResults } = await import('./overlay');
          t0 = Date.now();
          log(`Overlay cost on load: ${loads} loads (+${warmup} warm-up) per page kind and arm …`);
          const timings = await benchOverlay(bench, { loads, warmup, windowMs: 1000, tailMs: 250, log, kinds: kinds ? kinds.split(',') : undefined });
          results.push(...overlayResults(timings));
          details.push(`Overlay cost on load (renderer main-thread CPU, Performance.getMetrics threadTicks; added = paired ext − base; control = a one-line content script):\n${describeOverlay(timings)}`);
          phase('overlay', t0);
        }
        if (parts.has('heap')) {
          const { benchHeap, describeHeap, heapResults } = await import('./heap');
          t0 = Date.now();
          log(`Heap over ${navs} SPA navigations, with and without the extension …`);
          const ext = await benchHeap(bench, 'ext', { navigations: navs, warmup: 50, log });
          const base = await benchHeap(bench, 'base', { navigations: navs, warmup: 50, log });
          results.push(...heapResults(ext, base));
          details.push(`Heap over SPA navigations (renderer isolate after GC; the content script shares it with the page):\n${describeHeap([ext, base])}`);
          phase('heap', t0);
        }
        if (parts.has('drafts')) {
          const { benchDrafts, draftResults } = await import('./drafts');
          t0 = Date.now();
          log(`Draft commits while typing: ${commits} …`);
          const timing = await benchDrafts(bench, { commits, log });
          results.push(...draftResults(timing));
          details.push(`Draft commit (IndexedDB read-modify-write in the service worker, ms): ${timing.commits} commits  p50 ${timing.p50}  p95 ${timing.p95}  max ${timing.max}`);
          phase('drafts', t0);
        }
      } finally {
        await bench.close();
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }

  if (parts.has('checkall')) {
    const { benchCheckAll, checkAllResults } = await import('./checkall');
    const t0 = Date.now();
    log('Check-all of the scale scenario (booking service against the sandbox) …');
    const timing = await benchCheckAll(log);
    results.push(...checkAllResults(timing));
    details.push(`Check-all (scale scenario): ${timing.locations} locations, concurrency ${timing.concurrency}, one check ${round(timing.singleMs)} ms, wall ${round(timing.wallMs)} ms, limit ${round(timing.limitMs)} ms, ratio ${round(timing.ratio, 3)}`);
    phase('check-all', t0);
  }

  const elapsed = round((Date.now() - started) / 1000, 1);
  log(`\n${details.join('\n\n')}\n`);
  log(formatTable(results));
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const failed = results.filter((r) => r.gate && r.pass === false);
  log(`\nWrote ${path.relative(ROOT, RESULTS_FILE)} (${results.length} entries) in ${elapsed} s. ${failed.length ? `${failed.length} budget(s) missed.` : 'All measured budgets met.'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
