/**
 * Overlay cost on load: main-thread time the extension adds to a portal page load, per page kind.
 *
 * Each load is a fresh tab in one of two browsers (with / without the sandbox extension), alternating which
 * arm goes first so that drift (thermal, other processes, the sandbox's caches) cancels. For each load:
 * CDP `Performance.enable` (timeDomain `threadTicks`: CPU time of the renderer main thread, so time lost to
 * other processes on the 2 cores is not counted), navigate, wait until the page has settled (<main> not
 * aria-busy, its h1 rendered; with the extension also the overlay's host element mounted, which happens
 * once the overlay has its text and the background's checklist view, so the panel's one full render is
 * inside), then wait until the same fixed window has passed in both arms (1 s from navigation; at least
 * settle + 250 ms, so follow-up renders are inside too), then read `TaskDuration` and `ScriptDuration`.
 * A window that ended at each arm's own settle + tail would count the page's own late work (timers, late
 * sections) in the extension arm only, since that arm settles later. A main-world `PerformanceObserver('longtask')` injected with
 * `evaluateOnNewDocument` counts tasks > 50 ms.
 *
 * What TaskDuration includes: every task on the page's renderer main thread — the portal's own scripts,
 * style/layout/paint, and the content script (it runs in an isolated world of that same thread), plus the
 * extension system's per-frame set-up. The extension's service worker runs elsewhere and is NOT included.
 * The "added" figure is, per round, (extension load) − (baseline load) of the same page; p50/p95 over rounds.
 *
 * The overlay's ARIA region (`aria/Sjekkliste for firma-administrator`) is checked after the metrics are
 * read: Puppeteer's ARIA query turns on the renderer's accessibility tree, which would add cost to one
 * arm only.
 */
import type { Browser } from 'puppeteer-core';
import { percentile, result, round, sleep, type BenchResult } from './common';
import { OVERLAY, metrics, waitSettled, type Arm, type Bench } from './browsers';
import { HOST_TAGS } from '../../lib/dom/own-elements';

export const PAGE_KINDS = [
  { kind: 'firms list', path: '/' },
  { kind: 'firm', path: '/firma/f-1001' },
  { kind: 'location', path: '/lokasjon/l-2001' },
  { kind: 'location edit', path: '/lokasjon/l-2001/endre' },
  { kind: 'online booking', path: '/lokasjon/l-2001/online-booking' },
] as const;

/** The overlay's host element (index.tsx mounts the closed shadow root on it; the control arm appends it too). */
export const OVERLAY_HOST = HOST_TAGS.overlay;

export interface LoadSample {
  taskMs: number;
  scriptMs: number;
  longTasks: number[];
  settleMs: number;
}

export interface KindTiming {
  kind: string;
  path: string;
  ext: LoadSample[];
  base: LoadSample[];
  /** The control arm (a one-line content script), when the bench has one. */
  control: LoadSample[];
}

const LONGTASK_OBSERVER = `(() => {
  const seen = [];
  Object.defineProperty(window, '__bnBenchLongTasks', { value: seen });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) seen.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  } catch (e) { seen.push(-1); }
})();`;

async function load(browser: Browser, arm: Arm, url: string, windowMs: number, tailMs: number): Promise<LoadSample> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(LONGTASK_OBSERVER);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await metrics(cdp);
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    await waitSettled(page, arm === 'base' ? null : OVERLAY_HOST);
    const settleMs = Date.now() - t0;
    // The same wall-clock window in both arms (from navigation to t0 + windowMs), so that the page's own
    // late work is counted equally in both; only a load that settles late gets a longer one (settle + tail).
    await sleep(Math.max(tailMs, windowMs - settleMs));
    const after = await metrics(cdp);
    const longTasks = await page.evaluate(() => [...((window as unknown as { __bnBenchLongTasks?: number[] }).__bnBenchLongTasks ?? [])]);
    if (longTasks.includes(-1)) throw new Error('longtask PerformanceObserver is not supported here');
    if (arm === 'ext' && !(await page.$(OVERLAY))) throw new Error(`overlay region ${OVERLAY} missing on ${url}`);
    await cdp.detach().catch(() => undefined);
    return {
      taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
      scriptMs: ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000,
      longTasks,
      settleMs,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function benchOverlay(bench: Bench, options: { loads: number; warmup: number; windowMs: number; tailMs: number; log: (s: string) => void; kinds?: string[] }): Promise<KindTiming[]> {
  const kinds = options.kinds ? PAGE_KINDS.filter((k) => options.kinds!.includes(k.kind.replace(/ /g, '-'))) : PAGE_KINDS;
  if (kinds.length === 0) throw new Error(`--kinds: none of ${PAGE_KINDS.map((k) => k.kind.replace(/ /g, '-')).join(', ')}`);
  const out: KindTiming[] = kinds.map((k) => ({ kind: k.kind, path: k.path, ext: [], base: [], control: [] }));
  const arms: Arm[] = bench.browsers.control ? ['ext', 'base', 'control'] : ['ext', 'base'];
  const rounds = options.warmup + options.loads;
  for (let round = 0; round < rounds; round += 1) {
    for (const [k, spec] of kinds.entries()) {
      // Which arm goes first rotates with the round and the page kind, so that drift cancels.
      const order = arms.map((_, i) => arms[(i + round + k) % arms.length]!);
      for (const arm of order) {
        const sample = await load(bench.browsers[arm]!, arm, `${bench.portal}${spec.path}`, options.windowMs, options.tailMs);
        if (round >= options.warmup) out[k]![arm].push(sample);
      }
    }
    if ((round + 1) % 5 === 0 || round + 1 === rounds) options.log(`  overlay: round ${round + 1}/${rounds}`);
  }
  return out;
}

const paired = (t: KindTiming, pick: (s: LoadSample) => number, arm: 'ext' | 'control' = 'ext') => t[arm].map((s, i) => pick(s) - pick(t.base[i]!));
const longCount = (samples: LoadSample[]) => samples.reduce((n, s) => n + s.longTasks.filter((d) => d > 50).length, 0);

export function overlayResults(timings: KindTiming[]): BenchResult[] {
  const out: BenchResult[] = [];
  for (const t of timings) {
    const added = paired(t, (s) => s.taskMs);
    const n = added.length;
    out.push(result(`overlay added main-thread p50: ${t.kind}`, round(percentile(added, 50), 1), 'ms', null, false, `TaskDuration, paired ext−base over ${n} loads`));
    out.push(result(`overlay added main-thread p95: ${t.kind}`, round(percentile(added, 95), 1), 'ms', 20, true, `TaskDuration, paired ext−base over ${n} loads`));
  }
  for (const t of timings) {
    if (t.control.length === 0) continue;
    const floor = paired(t, (s) => s.taskMs, 'control');
    const note = `one-line content script − no extension, paired over ${floor.length} loads: the noise floor of the figures above (report only)`;
    out.push(result(`overlay noise floor p50: ${t.kind}`, round(percentile(floor, 50), 1), 'ms', null, false, note));
    out.push(result(`overlay noise floor p95: ${t.kind}`, round(percentile(floor, 95), 1), 'ms', null, false, note));
  }
  for (const t of timings) {
    const ext = longCount(t.ext);
    const base = longCount(t.base);
    out.push(result(`long tasks added by extension: ${t.kind}`, Math.max(0, ext - base), 'count', 0, true, `>50 ms tasks over ${t.ext.length} loads: ${ext} with extension, ${base} without`));
  }
  return out;
}

export function describeOverlay(timings: KindTiming[]): string {
  const lines = ['  page kind        arm   TaskDuration p50/p95 ms   ScriptDuration p50/p95 ms   settle p50 ms   long tasks (>50 ms)'];
  for (const t of timings) {
    for (const arm of ['ext', 'base', 'control'] as const) {
      const s = t[arm];
      if (s.length === 0) continue;
      const task = s.map((x) => x.taskMs);
      const script = s.map((x) => x.scriptMs);
      const longs = s.flatMap((x) => x.longTasks.filter((d) => d > 50)).map((d) => round(d, 0));
      lines.push(
        `  ${t.kind.padEnd(16)} ${arm.padEnd(5)} ${`${round(percentile(task, 50), 1)} / ${round(percentile(task, 95), 1)}`.padEnd(25)} ${`${round(percentile(script, 50), 1)} / ${round(percentile(script, 95), 1)}`.padEnd(27)} ${String(round(percentile(s.map((x) => x.settleMs), 50), 0)).padEnd(15)} ${longs.length ? longs.join(', ') : '0'}`,
      );
    }
    const dScript = paired(t, (x) => x.scriptMs);
    lines.push(`  ${''.padEnd(16)} added ScriptDuration p50/p95: ${round(percentile(dScript, 50), 1)} / ${round(percentile(dScript, 95), 1)} ms`);
    if (t.control.length > 0) {
      const floor = paired(t, (x) => x.taskMs, 'control');
      lines.push(`  ${''.padEnd(16)} control − base TaskDuration p50/p95: ${round(percentile(floor, 50), 1)} / ${round(percentile(floor, 95), 1)} ms (noise floor)`);
    }
  }
  return lines.join('\n');
}
