// Runs the booking check ("Test og Lagre" through the portal API) for many locations: bounded concurrency,
// progress events, results as they arrive, cancellation, bounded retries with back-off for transient failures,
// and a bound on each location's whole check. Pure: the test call, the clock and sleep are injected ports.
import type { BookingTestResult, PortalResult } from '../portal/api';
import { logLines } from '../portal/log';
import { statusFromResult } from './explain';
import type { CheckStatus } from './types';

export interface CheckResult {
  readonly locationId: string;
  readonly status: CheckStatus;
  /** Epoch ms when this check of the location began (first attempt). Newer startedAt wins (see mergeResult). */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly attempts: number;
  /** The Koblingslogg lines as the portal wrote them (no credentials: the portal never logs keys). */
  readonly log: readonly string[];
  /** Vendor display names without free slots in the next 7 days. */
  readonly withoutSlots: readonly string[];
  /** HTTP status for `portal-error`. */
  readonly portalStatus?: number;
  /** The portal's own `testedAt`. */
  readonly testedAt?: string;
}

export interface RunnerPorts {
  /** One "Test og Lagre"; must honour the signal. (PortalApi.runBookingTest.) */
  runTest(locationId: string, signal: AbortSignal): Promise<PortalResult<BookingTestResult>>;
  /** Epoch ms. */
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export type RunEvent =
  | { readonly type: 'started'; readonly locationId: string; readonly startedAt: number }
  | { readonly type: 'attempt'; readonly locationId: string; readonly attempt: number }
  | { readonly type: 'retrying'; readonly locationId: string; readonly attempt: number; readonly delayMs: number; readonly status: CheckStatus }
  | { readonly type: 'result'; readonly result: CheckResult }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly running: number }
  | { readonly type: 'finished'; readonly results: readonly CheckResult[]; readonly cancelled: boolean };

export interface RunOptions {
  /** Locations checked at the same time. Default 3. */
  readonly concurrency?: number;
  /** Attempts per location, including the first. Default 3. */
  readonly maxAttempts?: number;
  /** Delay before retry n (1-based). Default 1 s, 2 s, 4 s … (capped at 8 s). */
  readonly backoffMs?: (retry: number) => number;
  /** Bound on one location's whole check, retries included. Default 25 s. */
  readonly locationTimeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Called synchronously; an exception in it is ignored. */
  readonly onEvent?: (event: RunEvent) => void;
}

export const DEFAULT_CONCURRENCY = 3;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_LOCATION_TIMEOUT_MS = 25_000;
export const defaultBackoff = (retry: number): number => Math.min(8000, 1000 * 2 ** (retry - 1));

/** Transient failures worth another attempt. Not session-expired (needs the admin) nor the vendor's answers. */
export function isTransient(result: PortalResult<BookingTestResult>): boolean {
  switch (result.kind) {
    case 'offline':
    case 'timeout':
      return true;
    case 'portal-error':
      return result.status >= 500 || result.status === 429 || result.status === 408;
    default:
      return false;
  }
}

/** Resolves when the signal aborts (never, otherwise). */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Checks one location. Never throws. */
export async function checkLocation(locationId: string, ports: RunnerPorts, options: RunOptions = {}): Promise<CheckResult> {
  const emit = safeEmitter(options.onEvent);
  const outer = options.signal;
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const backoff = options.backoffMs ?? defaultBackoff;
  const budget = Math.max(0, options.locationTimeoutMs ?? DEFAULT_LOCATION_TIMEOUT_MS);
  const startedAt = ports.now();
  emit({ type: 'started', locationId, startedAt });

  const local = new AbortController();
  let timedOut = false;
  let finished = false;
  const onOuterAbort = () => local.abort();
  if (outer?.aborted) local.abort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  void ports.sleep(budget, local.signal).then(
    () => {
      if (!finished && !local.signal.aborted) {
        timedOut = true;
        local.abort();
      }
    },
    () => undefined,
  );
  const aborted = whenAborted(local.signal).then(() => 'aborted' as const);

  const done = (status: CheckStatus, attempts: number, extra: Partial<CheckResult> = {}): CheckResult => {
    finished = true;
    outer?.removeEventListener('abort', onOuterAbort);
    local.abort(); // ends the deadline sleep
    return { locationId, status, startedAt, finishedAt: ports.now(), attempts, log: [], withoutSlots: [], ...extra };
  };
  const stopped = (attempts: number) => done(outer?.aborted || !timedOut ? 'cancelled' : 'timeout', attempts);

  let attempt = 0;
  for (;;) {
    if (local.signal.aborted) return stopped(attempt);
    attempt++;
    emit({ type: 'attempt', locationId, attempt });
    let outcome: PortalResult<BookingTestResult> | 'aborted';
    try {
      outcome = await Promise.race([ports.runTest(locationId, local.signal), aborted]);
    } catch {
      // The port broke its promise never to throw.
      return done('interrupted', attempt);
    }
    if (outcome === 'aborted' || local.signal.aborted) return stopped(attempt);
    const { status, log, portalStatus, testedAt } = statusFromResult(outcome);
    const extra: Partial<CheckResult> = {
      ...(log ? { log: logLines(log), withoutSlots: [...log.practitioners.withoutSlots] } : {}),
      ...(portalStatus !== undefined ? { portalStatus } : {}),
      ...(testedAt !== undefined ? { testedAt } : {}),
    };
    if (!isTransient(outcome) || attempt >= maxAttempts) return done(status, attempt, extra);
    const delayMs = Math.max(0, backoff(attempt));
    if (ports.now() + delayMs >= startedAt + budget) return done(status, attempt, extra);
    emit({ type: 'retrying', locationId, attempt, delayMs, status });
    await Promise.race([ports.sleep(delayMs, local.signal), aborted]);
  }
}

/**
 * Checks every location (each once, in input order of start) with at most `concurrency` at a time.
 * Emits `result` as each arrives; resolves with all results in input order. On cancel, running checks end as
 * `cancelled` within the same tick and locations not started yet are not checked (not in the results).
 * Never throws.
 */
export async function runChecks(locationIds: readonly string[], ports: RunnerPorts, options: RunOptions = {}): Promise<CheckResult[]> {
  const emit = safeEmitter(options.onEvent);
  const ids = [...new Set(locationIds)];
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const results = new Map<string, CheckResult>();
  let next = 0;
  let running = 0;
  const progress = () => emit({ type: 'progress', done: results.size, total: ids.length, running });

  progress();
  const worker = async (): Promise<void> => {
    while (next < ids.length && !options.signal?.aborted) {
      const id = ids[next++]!;
      running++;
      progress();
      const result = await checkLocation(id, ports, { ...options, onEvent: emit });
      running--;
      results.set(id, result);
      emit({ type: 'result', result });
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  const ordered = ids.flatMap((id) => (results.has(id) ? [results.get(id)!] : []));
  emit({ type: 'finished', results: ordered, cancelled: options.signal?.aborted ?? false });
  return ordered;
}

function safeEmitter(onEvent: RunOptions['onEvent']): (event: RunEvent) => void {
  return (event) => {
    try {
      onEvent?.(event);
    } catch {
      // a broken listener must not break the run
    }
  };
}

/**
 * Store merge: keeps the newest result per location (by startedAt; finishedAt breaks ties). An older result
 * never overwrites a newer one, and a `cancelled` result never replaces a real one. Returns the same object
 * when nothing changes.
 */
export type ResultStore = Readonly<Record<string, CheckResult>>;

export function mergeResult(store: ResultStore, result: CheckResult): ResultStore {
  const current = Object.hasOwn(store, result.locationId) ? store[result.locationId] : undefined;
  if (current !== undefined) {
    if (result.status === 'cancelled' && current.status !== 'cancelled') return store;
    const newer = result.startedAt > current.startedAt || (result.startedAt === current.startedAt && result.finishedAt > current.finishedAt);
    if (!newer) return store;
  }
  return { ...store, [result.locationId]: result };
}

/** A sleep port over real timers (for the background). */
export function timerSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
