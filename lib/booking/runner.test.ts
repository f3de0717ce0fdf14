import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BookingTestResult, PortalResult } from '../portal/api';
import { checkLocation, mergeResult, runChecks, timerSleep, type CheckResult, type ResultStore, type RunEvent, type RunnerPorts } from './runner';

type Outcome = PortalResult<BookingTestResult>;

const success: Outcome = {
  kind: 'ok',
  data: {
    success: true,
    testedAt: '2026-11-26T10:15:00.000Z',
    log: [
      { level: 'OK', text: 'OK Connecting to booking system' },
      { level: 'OK', text: 'OK Found at least one service with known service code' },
      { level: 'OK', text: 'OK Found 2 practitioners with free slots in the next 7 days' },
      { level: 'WARNING', text: 'WARNING No free slots in the next 7 days for Nils Øberg' },
      { level: 'RESULT', text: 'Suksess' },
    ],
  },
};
const connectFailed: Outcome = { kind: 'ok', data: { success: false, testedAt: 'x', log: [{ level: 'ERROR', text: 'ERROR Connecting to booking system' }, { level: 'RESULT', text: 'Feilet' }] } };

/** Ports over vitest's fake timers: each script entry is [delay ms, outcome]; 'hang' ignores the signal and never settles. */
function ports(scripts: Record<string, Array<[number, Outcome] | 'hang' | 'throw'>>) {
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const p: RunnerPorts = {
    now: () => Date.now(),
    sleep: timerSleep,
    runTest: (id, signal) => {
      calls.push(id);
      signals.push(signal);
      const step = scripts[id]?.shift() ?? [0, success];
      if (step === 'hang') return new Promise(() => undefined);
      if (step === 'throw') return Promise.reject(new Error('broken port'));
      const [ms, outcome] = step;
      return new Promise((resolve) => {
        const t = setTimeout(() => resolve(outcome), ms);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve({ kind: 'aborted' });
        });
      });
    },
  };
  return { ports: p, calls, signals };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('checkLocation', () => {
  it('one attempt on success; log, practitioners and testedAt kept', async () => {
    const { ports: p } = ports({ a: [[300, success]] });
    const pending = checkLocation('a', p);
    await vi.advanceTimersByTimeAsync(300);
    const result = await pending;
    expect(result).toMatchObject({ locationId: 'a', status: 'partial', attempts: 1, withoutSlots: ['Nils Øberg'], testedAt: '2026-11-26T10:15:00.000Z' });
    expect(result.log).toHaveLength(5);
    expect(result.finishedAt - result.startedAt).toBe(300);
  });

  it('retries offline / 5xx / timeout with back-off, then succeeds', async () => {
    const { ports: p, calls } = ports({ a: [[10, { kind: 'offline' }], [10, { kind: 'portal-error', status: 503 }], [10, success]] });
    const events: RunEvent[] = [];
    const pending = checkLocation('a', p, { onEvent: (e) => events.push(e), backoffMs: (n) => 1000 * n });
    await vi.advanceTimersByTimeAsync(10 + 1000 + 10 + 2000 + 10);
    expect(await pending).toMatchObject({ status: 'partial', attempts: 3 });
    expect(calls).toEqual(['a', 'a', 'a']);
    expect(events.filter((e) => e.type === 'retrying').map((e) => (e.type === 'retrying' ? [e.delayMs, e.status] : null))).toEqual([
      [1000, 'offline'],
      [2000, 'portal-error'],
    ]);
  });

  it('gives up after maxAttempts with the last transient status', async () => {
    const { ports: p, calls } = ports({ a: [[0, { kind: 'timeout' }], [0, { kind: 'timeout' }], [0, { kind: 'timeout' }], [0, success]] });
    const pending = checkLocation('a', p, { backoffMs: () => 100 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toMatchObject({ status: 'timeout', attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it.each<[string, Outcome, string]>([
    ['session expired', { kind: 'session-expired' }, 'session-expired'],
    ['connect failed', connectFailed, 'connect-failed'],
    ['422 (no system)', { kind: 'portal-error', status: 422 }, 'portal-error'],
    ['bad response', { kind: 'bad-response' }, 'portal-error'],
  ])('does not retry %s', async (_name, outcome, status) => {
    const { ports: p, calls } = ports({ a: [[0, outcome], [0, success]] });
    const pending = checkLocation('a', p, { backoffMs: () => 10 });
    await vi.advanceTimersByTimeAsync(100);
    expect(await pending).toMatchObject({ status, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('the whole check is bounded (25 s), even when the port ignores its signal', async () => {
    const { ports: p, signals } = ports({ a: ['hang'] });
    let result: CheckResult | undefined;
    void checkLocation('a', p).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(24_999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toMatchObject({ status: 'timeout', attempts: 1 });
    expect(result!.finishedAt - result!.startedAt).toBe(25_000);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('no retry is started that would end past the bound', async () => {
    const { ports: p, calls } = ports({ a: [[20_000, { kind: 'offline' }], [0, success]] });
    const pending = checkLocation('a', p, { backoffMs: () => 6000 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await pending).toMatchObject({ status: 'offline', attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('a port that throws gives interrupted, not an exception', async () => {
    const { ports: p } = ports({ a: ['throw'] });
    await expect(checkLocation('a', p)).resolves.toMatchObject({ status: 'interrupted' });
  });

  it('an already aborted signal checks nothing', async () => {
    const { ports: p, calls } = ports({});
    await expect(checkLocation('a', p, { signal: AbortSignal.abort() })).resolves.toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(calls).toEqual([]);
  });
});

describe('runChecks', () => {
  it('bounded concurrency (default 3), results as they arrive, in input order at the end', async () => {
    const ids = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7'];
    const durations = [500, 100, 310, 100, 100, 100, 50];
    const { ports: p } = ports(Object.fromEntries(ids.map((id, i) => [id, [[durations[i]!, success] as [number, Outcome]]])));
    let maxRunning = 0;
    const arrivals: string[] = [];
    const events: RunEvent[] = [];
    const pending = runChecks(ids, p, {
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'progress') maxRunning = Math.max(maxRunning, e.running);
        if (e.type === 'result') arrivals.push(e.result.locationId);
      },
    });
    await vi.advanceTimersByTimeAsync(1000);
    const results = await pending;
    expect(maxRunning).toBe(3);
    expect(results.map((r) => r.locationId)).toEqual(ids);
    expect(arrivals).toEqual(['l2', 'l4', 'l5', 'l3', 'l7', 'l6', 'l1']);
    expect(events.at(-1)).toMatchObject({ type: 'finished', cancelled: false });
    expect(events.filter((e) => e.type === 'progress').at(-1)).toEqual({ type: 'progress', done: 7, total: 7, running: 0 });
  });

  it('de-duplicates ids and honours a custom concurrency', async () => {
    const { ports: p, calls } = ports({});
    let maxRunning = 0;
    const pending = runChecks(['a', 'b', 'a', 'c'], p, { concurrency: 1, onEvent: (e) => e.type === 'progress' && (maxRunning = Math.max(maxRunning, e.running)) });
    await vi.advanceTimersByTimeAsync(10);
    expect((await pending).map((r) => r.locationId)).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(maxRunning).toBe(1);
  });

  it('cancel is honoured within 100 ms, even by ports that ignore the signal; unstarted locations are skipped', async () => {
    const { ports: p, calls } = ports({ a: ['hang'], b: [[60_000, success]], c: ['hang'], d: [[0, success]] });
    const controller = new AbortController();
    let results: CheckResult[] | undefined;
    void runChecks(['a', 'b', 'c', 'd'], p, { signal: controller.signal }).then((r) => (results = r));
    await vi.advanceTimersByTimeAsync(5000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    expect(results).toBeDefined();
    expect(results!.map((r) => [r.locationId, r.status])).toEqual([
      ['a', 'cancelled'],
      ['b', 'cancelled'],
      ['c', 'cancelled'],
    ]);
    expect(calls).toEqual(['a', 'b', 'c']);
  });

  it('cancel during a back-off sleep', async () => {
    const { ports: p, calls } = ports({ a: [[0, { kind: 'offline' }], [0, success]] });
    const controller = new AbortController();
    let result: CheckResult[] | undefined;
    void runChecks(['a'], p, { signal: controller.signal, backoffMs: () => 5000 }).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(result?.[0]).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('a throwing listener does not break the run', async () => {
    const { ports: p } = ports({});
    const pending = runChecks(['a'], p, {
      onEvent: () => {
        throw new Error('listener');
      },
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(await pending).toHaveLength(1);
  });
});

describe('mergeResult: an older result never overwrites a newer one', () => {
  const r = (startedAt: number, status: CheckResult['status'] = 'ok', finishedAt = startedAt + 10): CheckResult => ({
    locationId: 'l-2001',
    status,
    startedAt,
    finishedAt,
    attempts: 1,
    log: [],
    withoutSlots: [],
  });

  it('keeps the newest by startedAt, whatever the arrival order', () => {
    const slowOld = r(1000, 'connect-failed', 30_000);
    const fastNew = r(2000, 'ok', 2500);
    let store: ResultStore = {};
    store = mergeResult(store, fastNew);
    const before = store;
    store = mergeResult(store, slowOld);
    expect(store).toBe(before);
    expect(store['l-2001']).toBe(fastNew);
    expect(mergeResult({}, slowOld)['l-2001']).toBe(slowOld);
    expect(mergeResult({ 'l-2001': slowOld }, fastNew)['l-2001']).toBe(fastNew);
  });

  it('same start: the later finish wins; a cancelled check never replaces a real result', () => {
    expect(mergeResult({ 'l-2001': r(1000, 'timeout', 1100) }, r(1000, 'ok', 1200))['l-2001']?.status).toBe('ok');
    expect(mergeResult({ 'l-2001': r(1000) }, r(5000, 'cancelled'))['l-2001']?.status).toBe('ok');
    expect(mergeResult({}, r(5000, 'cancelled'))['l-2001']?.status).toBe('cancelled');
  });

  it('ignores inherited keys', () => {
    const store = mergeResult({}, { ...r(1), locationId: 'toString' });
    expect(store['toString']).toMatchObject({ startedAt: 1 });
  });
});
