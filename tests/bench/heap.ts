/**
 * Heap growth over SPA navigations. One tab per browser (with / without the extension) on the sandbox portal;
 * the portal's own router is driven from the page (history.pushState + a popstate event, which is what its
 * links do) between firm and location pages; after each navigation the page renders completely and one
 * animation frame passes (the content script reads the page on an animation frame and reports to the
 * background). Before and after: CDP `HeapProfiler.collectGarbage` (twice), then `Runtime.getHeapUsage`.
 *
 * Runtime.getHeapUsage reports the renderer's V8 isolate, which the page's main world and the content
 * script's isolated world share: there is no per-world figure. So the content script's growth is taken as
 * (growth with extension) − (growth without), over the same navigations. The service worker's heap (where
 * the background keeps remembered facts) is reported apart, report-only.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { result, round, sleep, type BenchResult } from './common';
import { OVERLAY, waitSettled, type Bench } from './browsers';

/**
 * Firm and location pages, alternating (a firm, then one of its locations). Locations whose Online Manager
 * section answers at once (booking fails fast or is not set up): l-2001's takes ~300 ms at the vendor
 * simulator and l-2010's ~4 s (slow vendor), which would make 1,000 navigations take minutes.
 */
export const NAV_PATHS = ['/firma/f-1001', '/lokasjon/l-2002', '/firma/f-1002', '/lokasjon/l-2004', '/firma/f-1003', '/lokasjon/l-2005', '/firma/f-1005', '/lokasjon/l-2009'];

export interface HeapRun {
  arm: 'ext' | 'base';
  navigations: number;
  ms: number;
  before: number;
  after: number;
  domBefore: { nodes: number; jsEventListeners: number; documents: number };
  domAfter: { nodes: number; jsEventListeners: number; documents: number };
  workerBefore?: number;
  workerAfter?: number;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function domCounters(cdp: CDPSession) {
  const c = await cdp.send('Memory.getDOMCounters');
  return { nodes: c.nodes, jsEventListeners: c.jsEventListeners, documents: c.documents };
}

/**
 * In-page driver, kept as source text: tsx (esbuild keepNames) would wrap named inner functions of a
 * compiled function in a `__name` helper that does not exist in the page.
 */
const NAV_SCRIPT = `async (paths, start, n) => {
  const settled = () => {
    const main = document.querySelector('main');
    return main?.getAttribute('aria-busy') === 'false' && Boolean(main.querySelector('h1')) && !main.querySelector('[aria-busy="true"]');
  };
  const untilSettled = (path) => new Promise((resolve, reject) => {
    const done = () => settled() && location.pathname === path;
    if (done()) return resolve();
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('navigation to ' + path + ' never settled')); }, 10000);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  for (let i = start; i < start + n; i += 1) {
    const path = paths[i % paths.length];
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    await untilSettled(path);
    // One animation frame: the content script's read (scheduled on a frame by the page's mutations) runs in it.
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }
}`;

/** Runs `count` SPA navigations inside the page, starting at index `from` of NAV_PATHS. */
async function navigate(page: Page, from: number, count: number): Promise<void> {
  await page.evaluate(`(${NAV_SCRIPT})(${JSON.stringify(NAV_PATHS)}, ${from}, ${count})`);
}

async function workerSession(bench: Bench): Promise<CDPSession> {
  const target = await bench.browsers.ext.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${bench.extensionId}/`), { timeout: 20_000 });
  return target.createCDPSession();
}

export async function benchHeap(bench: Bench, arm: 'ext' | 'base', options: { navigations: number; warmup: number; log: (s: string) => void }): Promise<HeapRun> {
  const page = await bench.browsers[arm].newPage();
  try {
    await page.goto(`${bench.portal}${NAV_PATHS[0]}`, { waitUntil: 'load' });
    await waitSettled(page, null);
    if (arm === 'ext') await page.waitForSelector(OVERLAY, { timeout: 15_000 });
    const cdp = await page.createCDPSession();
    const worker = arm === 'ext' ? await workerSession(bench) : undefined;
    // Warm-up: caches, JIT, the background's memory of every page in the cycle.
    await navigate(page, 1, options.warmup);
    await sleep(500);
    const before = await heapAfterGc(cdp);
    const domBefore = await domCounters(cdp);
    const workerBefore = worker ? await heapAfterGc(worker) : undefined;
    const t0 = Date.now();
    const chunk = 100;
    for (let done = 0; done < options.navigations; done += chunk) {
      const n = Math.min(chunk, options.navigations - done);
      await navigate(page, 1 + options.warmup + done, n);
      if ((done + n) % 250 === 0 || done + n === options.navigations) options.log(`  heap (${arm}): ${done + n}/${options.navigations} navigations`);
    }
    const ms = Date.now() - t0;
    // Let in-flight messages (facts.report round trips) finish before collecting.
    await sleep(1000);
    if (arm === 'ext' && !(await page.$(OVERLAY))) throw new Error('overlay region missing after the navigations');
    const after = await heapAfterGc(cdp);
    const domAfter = await domCounters(cdp);
    const workerAfter = worker ? await heapAfterGc(worker) : undefined;
    await worker?.detach().catch(() => undefined);
    return { arm, navigations: options.navigations, ms, before, after, domBefore, domAfter, ...(worker ? { workerBefore, workerAfter } : {}) };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export function heapResults(ext: HeapRun, base: HeapRun): BenchResult[] {
  const extGrowth = ext.after - ext.before;
  const baseGrowth = base.after - base.before;
  const out = [
    result(
      `content-script heap growth over ${ext.navigations} SPA navigations`,
      extGrowth - baseGrowth,
      'bytes',
      1_048_576,
      true,
      `renderer isolate heap after GC, growth with extension (${extGrowth} B) − without (${baseGrowth} B); no per-world figure exists`,
    ),
    result(`page heap growth with extension (isolate, after GC)`, extGrowth, 'bytes', null, false, `${ext.before} → ${ext.after} B`),
  ];
  if (ext.workerBefore !== undefined && ext.workerAfter !== undefined) {
    out.push(result(`background (service worker) heap growth over ${ext.navigations} navigations`, ext.workerAfter - ext.workerBefore, 'bytes', null, false, `${ext.workerBefore} → ${ext.workerAfter} B after GC`));
  }
  return out;
}

export function describeHeap(runs: HeapRun[]): string {
  const kb = (b: number) => `${round(b / 1024, 1)} KiB`;
  return runs
    .map((r) => {
      const w = r.workerBefore !== undefined && r.workerAfter !== undefined ? `; service worker ${kb(r.workerBefore)} → ${kb(r.workerAfter)}` : '';
      return (
        `  ${r.arm}: ${r.navigations} navigations in ${round(r.ms / 1000, 1)} s; heap ${kb(r.before)} → ${kb(r.after)} (${r.after - r.before >= 0 ? '+' : ''}${kb(r.after - r.before)}); ` +
        `DOM nodes ${r.domBefore.nodes} → ${r.domAfter.nodes}, JS listeners ${r.domBefore.jsEventListeners} → ${r.domAfter.jsEventListeners}, documents ${r.domBefore.documents} → ${r.domAfter.documents}${w}`
      );
    })
    .join('\n');
}
