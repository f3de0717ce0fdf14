// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBookingService } from './booking-service';
import { createMemoryStore } from '../facts/memory';
import { createPortalApi } from '../portal/api';
import { timerSleep } from '../booking/runner';
import { BOOKING_STATE_KEY, parseBookingState } from '../booking/state';
import { latestOf } from '../booking/history';
import { startSandbox } from '../../sandbox/server';
import { jarFetch } from '../../tests/support/cookie-jar';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox({ portalPort: 0, vendorPort: 0, registerPort: 0, delayMs: 0, quiet: true, bookingTimeoutMs: 1000 });
});
afterAll(async () => {
  await sandbox?.close();
});

async function setup(overrides: Partial<Parameters<typeof createBookingService>[0]> = {}) {
  const store = createMemoryStore();
  const f = jarFetch();
  const origin = sandbox.urls.portal.replace(/\/$/, '');
  await f(`${origin}/`); // the admin has the portal open: the page load gives the session cookie
  const onWorst = vi.fn();
  const onTransition = vi.fn();
  const service = createBookingService({
    store,
    portalOrigin: async () => origin,
    api: (o) => createPortalApi({ baseUrl: o, fetch: f, bookingTestTimeoutMs: 5000 }),
    now: Date.now,
    sleep: timerSleep,
    onWorst,
    onTransition,
    concurrency: 4,
    locationTimeoutMs: 6000,
    ...overrides,
  });
  const state = async () => parseBookingState((await store.get([BOOKING_STATE_KEY]))[BOOKING_STATE_KEY]);
  return { service, store, state, onWorst, onTransition };
}

async function until(pred: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('booking service against the sandbox', () => {
  it('reads every firm and location with its booking system', async () => {
    const { service, state } = await setup();
    expect(await service.refresh()).toMatchObject({ reach: 'ok' });
    const s = await state();
    expect(s.locations.length).toBeGreaterThanOrEqual(6);
    expect(s.locations.find((l) => l.id === 'l-2001')).toMatchObject({ firmId: 'f-1001', system: expect.any(String) });
  });

  it('tests all locations, each failure mode with its own status, audits Online Manager, reports the worst', async () => {
    const { service, state, onWorst } = await setup();
    const started = await service.run();
    expect(started.started).toBe(true);
    await until(async () => (await state()).run?.running === false);
    const s = await state();
    const status = (id: string) => latestOf(s.history, id)?.status;
    expect(status('l-2001')).toMatch(/^(ok|partial)$/);
    expect(status('l-2003')).toBe('no-service');
    expect(status('l-2002')).toBe('connect-failed');
    expect(s.audits['l-2001']?.audit.findings.some((f) => f.kind === 'wrong-profile' || f.kind === 'shared-profile')).toBe(true);
    expect(onWorst).toHaveBeenLastCalledWith('error', expect.any(Number));
    // The checklist's "booking tested" item gets our results too.
    const checks = await service.checklistChecks(s.origin);
    expect(checks['l-2003']).toMatchObject({ status: 'no-service', at: expect.any(Number) });
    expect(checks['l-2002']?.status).toBe('connect-failed');
    expect(await service.checklistChecks('https://elsewhere.example')).toEqual({});
    expect(s.run).toMatchObject({ running: false, total: started.total });
  }, 60_000);

  it('cancel stops the run and one run at a time', async () => {
    const { service, state } = await setup();
    await service.refresh();
    const first = await service.run(['l-2008', 'l-2010', 'l-2001']);
    expect(first.started).toBe(true);
    expect((await service.run()).started).toBe(false);
    expect(service.cancel()).toEqual({ cancelled: true });
    await until(async () => (await state()).run?.running === false, 5_000);
    expect((await state()).run?.cancelled).toBe(true);
  });

  it('an expired session is its own state', async () => {
    const { service, state } = await setup();
    await fetch(`${sandbox.urls.portal}/__sandbox/session/expire`, { method: 'POST' });
    try {
      expect(await service.refresh()).toEqual({ reach: 'session-expired', locations: 0 });
      expect((await state()).reach).toBe('session-expired');
    } finally {
      await fetch(`${sandbox.urls.portal}/__sandbox/reset?scenario=default&delay=0`, { method: 'POST' });
    }
  });

  it('an unreachable portal is "offline", its own state', async () => {
    const offlineFetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const { service, state } = await setup({ api: (o) => createPortalApi({ baseUrl: o, fetch: offlineFetch, retryLimit: 0 }) });
    expect(await service.refresh()).toEqual({ reach: 'offline', locations: 0 });
    expect((await state()).reach).toBe('offline');
  });

  it('a run interrupted by a worker restart is marked, not left running', async () => {
    const { service, store, state } = await setup();
    await store.set({ [BOOKING_STATE_KEY]: { origin: 'x', locations: [], history: {}, audits: {}, run: { running: true, done: 1, total: 5, startedAt: 1 }, reach: 'ok', readAt: 1 } });
    await service.recover();
    expect((await state()).run).toMatchObject({ running: false, cancelled: true });
  });
});
