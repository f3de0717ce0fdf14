/**
 * Draft commit in Chromium (issue #6/#9): an admin types into the sandbox's firm edit form with pauses longer
 * than the draft debounce, so every pause commits one draft version; the background times each commit (the
 * IndexedDB read-modify-write transaction until it is done, `performance.now()` in the service worker) and
 * the benchmark reads those times back through an extension page (`drafts.stats`).
 */
import type { Page } from 'puppeteer-core';
import { percentile, result, round, type BenchResult } from './common';
import { waitSettled, type Bench } from './browsers';

export interface DraftTiming {
  commits: number;
  p50: number;
  p95: number;
  max: number;
}

const send = (page: Page, type: string, payload: object) => page.evaluate((m) => chrome.runtime.sendMessage(m), { type, payload }) as Promise<{ ok: boolean; data?: { commitMs?: number[] } }>;

export async function benchDrafts(bench: Bench, options: { commits: number; log: (s: string) => void }): Promise<DraftTiming> {
  const browser = bench.browsers.ext;
  const stats = await browser.newPage();
  const page = await browser.newPage();
  try {
    await stats.goto(`chrome-extension://${bench.extensionId}/sidepanel.html`, { waitUntil: 'domcontentloaded' });
    await send(stats, 'drafts.deleteAll', {});
    const before = (await send(stats, 'drafts.stats', {})).data?.commitMs?.length ?? 0;
    await page.goto(`${bench.portal}/firma/f-1002/endre`, { waitUntil: 'domcontentloaded' });
    await waitSettled(page, null);
    const input = await page.waitForSelector('input[name="address"]');
    await input!.click({ count: 3 });
    // Warm-up: the first commit opens the database.
    await page.keyboard.type('Bryggen 9');
    await new Promise((r) => setTimeout(r, 600));
    for (let i = 0; i < options.commits; i += 1) {
      await page.keyboard.type(i % 10 === 9 ? ' ' : String(i % 10));
      await new Promise((r) => setTimeout(r, 320));
      if (i % 25 === 24) options.log(`  ${i + 1}/${options.commits} commits`);
    }
    await new Promise((r) => setTimeout(r, 600));
    const all = (await send(stats, 'drafts.stats', {})).data?.commitMs ?? [];
    const times = all.slice(before + 1);
    await send(stats, 'drafts.deleteAll', {});
    return { commits: times.length, p50: round(percentile(times, 50), 3), p95: round(percentile(times, 95), 3), max: round(Math.max(...times), 3) };
  } finally {
    await page.close().catch(() => undefined);
    await stats.close().catch(() => undefined);
  }
}

export function draftResults(t: DraftTiming): BenchResult[] {
  const note = `${t.commits} commits while typing in Chromium (IndexedDB transaction in the service worker)`;
  return [result('draft commit p50', t.p50, 'ms', null, false, note), result('draft commit p95', t.p95, 'ms', 10, true, note)];
}
