// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoardService, createPool } from './service';
import { BOARD_STATE_KEY, parseBoardState } from './state';
import { buildBoardRows } from './model';
import { createFactsMemory, createMemoryStore } from '../facts/memory';
import { createPortalApi, type PortalApi } from '../portal/api';
import { parseRoster, rosterKey } from '../roster/roster';
import { startSandbox } from '../../sandbox/server';
import { jarFetch } from '../../tests/support/cookie-jar';
import '../zod-setup';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox({ portalPort: 0, vendorPort: 0, registerPort: 0, delayMs: 0, quiet: true, bookingTimeoutMs: 1000 });
});
afterAll(async () => {
  await sandbox?.close();
});

async function setup(wrap: (api: PortalApi) => Partial<PortalApi> = () => ({}), concurrency = 4) {
  const store = createMemoryStore();
  const f = jarFetch();
  const origin = sandbox.urls.portal.replace(/\/$/, '');
  await f(`${origin}/`);
  const memory = createFactsMemory(store);
  const service = createBoardService({
    store,
    memory,
    portalOrigin: async () => origin,
    api: (o) => {
      const api = createPortalApi({ baseUrl: o, fetch: f });
      return { ...api, ...wrap(api) };
    },
    now: Date.now,
    concurrency,
    progressEveryMs: 0,
    knownFirms: async () => [{ id: 'f-1006', name: 'Sandvika Helsehus AS', type: '' }],
  });
  const state = async () => parseBoardState((await store.get([BOARD_STATE_KEY]))[BOARD_STATE_KEY]);
  return { service, store, memory, origin, state };
}

async function until(pred: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out');
}

describe('"Les alle" against the sandbox', () => {
  it('before any read, the board shows the firms known from elsewhere', async () => {
    const { service } = await setup();
    const v = await service.view();
    expect(v.firms.map((f) => f.id)).toEqual(['f-1006']);
    expect(v.firms[0]!.agreements).toBeNull();
  });

  it('reads every firm and location (bounded concurrency) into the facts memory and the roster', async () => {
    let active = 0;
    let peak = 0;
    const counted = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A) => {
      active += 1;
      peak = Math.max(peak, active);
      try {
        return await fn(...a);
      } finally {
        active -= 1;
      }
    };
    const { service, state, store, memory, origin } = await setup((api) => ({ getFirm: counted(api.getFirm), getLocation: counted(api.getLocation) }), 3);
    const started = await service.readAll();
    expect(started).toEqual({ started: true, total: 7 + 11, reach: 'ok' });
    expect((await service.readAll()).started).toBe(false);
    await until(async () => (await state()).run?.running === false);
    const s = await state();
    expect(s.run).toMatchObject({ running: false, done: 18, total: 18, failed: 0 });
    expect(s.readAt).toEqual(expect.any(Number));
    expect(s.firms.map((f) => f.id)).toEqual(['f-1001', 'f-1002', 'f-1003', 'f-1004', 'f-1005', 'f-1006', 'f-1007']);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);

    const recalled = await memory.recall(origin, { firmId: 'f-1002' });
    expect(recalled.firm?.website).toEqual({ read: true, value: null });
    expect(recalled.locations.map((l) => l.locationId)).toEqual(['l-2003', 'l-2004']);

    const roster = parseRoster((await store.get([rosterKey(origin)]))[rosterKey(origin)]);
    const l2001 = roster['l-2001']!;
    expect(l2001.people.map((p) => p.personId)).not.toContain('p-3000'); // the administrator takes no clients
    expect(l2001.people.find((p) => p.personId === 'p-3007')).toMatchObject({ name: 'Thomas Berg', bookable: false, missStreak: 1 });
    expect(l2001.people.find((p) => p.personId === 'p-3001')).toMatchObject({ profile: 'Ingrid Ødegård', bookable: true, missStreak: 0 });
    expect(roster['l-2009']!.bookingSetUp).toBe(false);

    const view = await service.view();
    const rows = buildBoardRows(view.firms);
    expect(rows.filter((r) => r.kind === 'location').map((r) => r.locationId).sort()).toEqual(
      ['l-2001', 'l-2002', 'l-2003', 'l-2004', 'l-2005', 'l-2006', 'l-2007', 'l-2008', 'l-2009', 'l-2010', 'l-2011'],
    );
    expect(rows.find((r) => r.key === 'f:f-1005')!.cells.location.state).toBe('invalid');
    expect(view.firms.find((f) => f.id === 'f-1001')!.agreements).toContainEqual({ partner: 'dkv', state: 'none' });
  }, 60_000);

  it('cancel stops the run and keeps what was read', async () => {
    await fetch(`${sandbox.urls.portal}/__sandbox/delay?ms=40&max=60`, { method: 'POST' });
    try {
      const { service, state } = await setup(undefined, 1);
      await service.readAll();
      await until(async () => ((await state()).run?.done ?? 0) >= 2);
      expect(service.cancel()).toEqual({ cancelled: true });
      await until(async () => (await state()).run?.running === false, 5_000);
      const run = (await state()).run!;
      expect(run.cancelled).toBe(true);
      expect(run.done).toBeLessThan(run.total);
      expect(service.cancel()).toEqual({ cancelled: false });
    } finally {
      await fetch(`${sandbox.urls.portal}/__sandbox/delay?ms=0&max=0`, { method: 'POST' });
    }
  }, 30_000);

  it('an expired session ends the run as its own state', async () => {
    const { service, state } = await setup();
    await fetch(`${sandbox.urls.portal}/__sandbox/session/expire`, { method: 'POST' });
    try {
      expect(await service.readAll()).toEqual({ started: false, total: 0, reach: 'session-expired' });
      expect((await state()).reach).toBe('session-expired');
    } finally {
      await fetch(`${sandbox.urls.portal}/__sandbox/reset?scenario=default&delay=0`, { method: 'POST' });
    }
  });

  it('a session that expires during the run stops it (no further calls)', async () => {
    let calls = 0;
    const { service, state } = await setup((api) => ({
      getLocation: async (id, signal) => {
        calls += 1;
        return calls === 2 ? { kind: 'session-expired' } : api.getLocation(id, signal);
      },
    }), 1);
    await service.readAll();
    await until(async () => (await state()).run?.running === false);
    const s = await state();
    expect(s.reach).toBe('session-expired');
    expect(s.run?.done).toBeLessThan(s.run!.total);
    expect(calls).toBe(2);
  });

  it('a run interrupted by a worker restart is marked, not left running', async () => {
    const { service, store, state } = await setup();
    await store.set({ [BOARD_STATE_KEY]: { origin: 'x', firms: [], readAt: null, run: { running: true, done: 1, total: 5, failed: 0, startedAt: 1 }, reach: 'ok' } });
    await service.recover();
    expect((await state()).run).toMatchObject({ running: false, cancelled: true });
  });
});

describe('createPool', () => {
  it('runs at most `limit` at once, takes jobs added while running, and drops the queue on abort', async () => {
    const controller = new AbortController();
    const pool = createPool(2, controller.signal);
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    const job = (n: number) => async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active -= 1;
      done.push(n);
      if (n < 3) pool.add(job(n + 10));
    };
    for (const n of [1, 2, 3, 4]) pool.add(job(n));
    await pool.idle();
    expect(peak).toBe(2);
    expect(done.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 11, 12]);

    for (const n of [5, 6, 7, 8]) pool.add(job(n));
    controller.abort();
    await pool.idle();
    expect(done.length).toBeLessThan(10);
    pool.add(job(9));
    await pool.idle();
    expect(done).not.toContain(9);
  });
});
