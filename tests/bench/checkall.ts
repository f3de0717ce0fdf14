/**
 * Check-all of the scale scenario (≥ 100 locations) through the background's booking service (the same
 * code the extension runs, in Node against the sandbox on a worker thread), at a fixed vendor latency. Reported
 * as a ratio to the theoretical limit for the concurrency used: ceil(N / c) × the time one check takes
 * alone. Budget ≤ 1.2.
 */
import { createBookingService } from '../../lib/background/booking-service';
import { createMemoryStore } from '../../lib/facts/memory';
import { createPortalApi } from '../../lib/portal/api';
import { timerSleep } from '../../lib/booking/runner';
import { BOOKING_STATE_KEY, parseBookingState } from '../../lib/booking/state';
import { Worker } from 'node:worker_threads';
import { result, round, type BenchResult } from './common';
import { jarFetch } from '../support/cookie-jar';

const VENDOR_LATENCY_MS = 100;
const CONCURRENCY = 3;

export interface CheckAllTiming {
  locations: number;
  concurrency: number;
  singleMs: number;
  wallMs: number;
  limitMs: number;
  ratio: number;
}

export async function benchCheckAll(log: (s: string) => void): Promise<CheckAllTiming> {
  // The sandbox answers from its own thread (sandbox-worker.ts), as the real portal answers from its own
  // machine: in this thread its request handling took CPU from the checks being timed, so the ratio
  // measured the 2-core machine's load as much as the service's concurrency.
  const worker = new Worker(new URL('./sandbox-worker.mjs', import.meta.url), { workerData: { latencyMs: VENDOR_LATENCY_MS } });
  const closed = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  try {
    const urls = await new Promise<{ portal: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`sandbox worker exited (${code}) before it started`)));
    });
    const origin = urls.portal.replace(/\/$/, '');
    const f = jarFetch();
    await f(`${origin}/`);
    const store = createMemoryStore();
    const service = createBookingService({
      store,
      portalOrigin: async () => origin,
      api: (o) => createPortalApi({ baseUrl: o, fetch: f }),
      now: Date.now,
      sleep: timerSleep,
      concurrency: CONCURRENCY,
    });
    await service.refresh();
    const state = async () => parseBookingState((await store.get([BOOKING_STATE_KEY]))[BOOKING_STATE_KEY]);
    const ids = (await state()).locations.filter((l) => l.system).map((l) => l.id);
    const waitDone = async () => {
      for (;;) {
        const s = await state();
        if (s.run && !s.run.running) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // Durations come from the checks' own start and finish times (the Online Manager audit that follows
    // each test runs beside the next tests and is not part of "checking a location").
    const duration = async (id: string) => {
      const list = (await state()).history[id] ?? [];
      const last = list[list.length - 1]!;
      return last.finishedAt - last.startedAt;
    };
    // One check alone (median of 3): the unit of the theoretical limit.
    const singles: number[] = [];
    for (const id of ids.slice(0, 3)) {
      await service.run([id]);
      await waitDone();
      singles.push(await duration(id));
    }
    const singleMs = singles.sort((a, b) => a - b)[1]!;
    log(`  one check alone: ${round(singleMs)} ms; checking ${ids.length} locations at concurrency ${CONCURRENCY} …`);
    await service.run(ids);
    await waitDone();
    const s = await state();
    const latest = ids.map((id) => s.history[id]![s.history[id]!.length - 1]!);
    const wallMs = Math.max(...latest.map((r) => r.finishedAt)) - Math.min(...latest.map((r) => r.startedAt));
    const limitMs = Math.ceil(ids.length / CONCURRENCY) * singleMs;
    return { locations: ids.length, concurrency: CONCURRENCY, singleMs, wallMs, limitMs, ratio: wallMs / limitMs };
  } finally {
    worker.postMessage('close');
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5_000))]);
    await worker.terminate();
  }
}

export function checkAllResults(t: CheckAllTiming): BenchResult[] {
  return [
    result('check-all ratio, scale scenario (≥ 100 locations)', round(t.ratio, 3), 'ratio', 1.2, true, `${t.locations} locations, concurrency ${t.concurrency}, vendor latency ${VENDOR_LATENCY_MS} ms/call: ${round(t.wallMs)} ms vs limit ${round(t.limitMs)} ms`),
    result('check-all wall time, scale scenario', round(t.wallMs), 'ms', null, false),
  ];
}
