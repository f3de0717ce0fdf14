// Shared machinery of the register clients (background service worker only): ky with a per-attempt timeout and
// bounded retries, a TTL cache, de-duplication of identical in-flight requests, and per-caller AbortSignals.
// Nothing here throws to callers: every outcome is a RegisterResult.
//
// ky (already a project dependency) gives us timeouts, retry with back-off on 5xx / network errors, and
// prefix-URL handling over plain fetch.
import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import type { RegisterResult } from './result';
import { TtlCache } from './ttl-cache';

export interface RegisterClientOptions {
  /** Exact base URL, e.g. `https://data.brreg.no/enhetsregisteret/api/` or `http://localhost:4630/...`. */
  readonly baseUrl: string;
  /** Per attempt. Default 4000 ms. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, for GET on 5xx and network errors only. Default 2. */
  readonly retryLimit?: number;
  /** Delay before retry n (1-based). Default 300 ms, 600 ms. */
  readonly retryDelayMs?: (attempt: number) => number;
  /** How long a found entity / search answer is reused. Default 10 min. */
  readonly cacheTtlMs?: number;
  /** How long "not found" / "gone" is reused. Default 2 min. */
  readonly negativeCacheTtlMs?: number;
  readonly maxCacheEntries?: number;
  /** Injected clock for the cache. */
  readonly now?: () => number;
  /** Injected fetch (tests); the global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 4000;
export const DEFAULT_RETRY_LIMIT = 2;
const RETRY_STATUS_CODES = [500, 502, 503, 504];

type StatusMeaning = 'not-found' | 'gone';

export interface GetJsonRequest<T> {
  /** Relative to the base URL; must not start with a slash. */
  readonly path: string;
  readonly searchParams?: Readonly<Record<string, string>>;
  /** Turns the JSON body into data, or undefined when it is not what we expect. */
  readonly parse: (body: unknown) => T | undefined;
  /** HTTP statuses that are answers, not failures (Enhetsregisteret: 404 -> not-found, 410 -> gone). */
  readonly statusMeaning?: Readonly<Partial<Record<number, StatusMeaning>>>;
}

interface InFlight {
  readonly promise: Promise<RegisterResult<unknown>>;
  readonly controller: AbortController;
  waiters: number;
}

const ABORTED: RegisterResult<never> = Object.freeze({ kind: 'unavailable', reason: 'aborted' });

export class RegisterClient {
  readonly #ky: KyInstance;
  readonly #cache: TtlCache<string, RegisterResult<unknown>>;
  readonly #inFlight = new Map<string, InFlight>();
  readonly #ttl: number;
  readonly #negativeTtl: number;

  constructor(options: RegisterClientOptions) {
    const retryDelay = options.retryDelayMs ?? ((attempt: number) => 300 * 2 ** (attempt - 1));
    this.#ky = ky.create({
      prefixUrl: options.baseUrl,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: {
        limit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
        methods: ['get'],
        statusCodes: RETRY_STATUS_CODES,
        afterStatusCodes: [503],
        maxRetryAfter: 2000,
        delay: retryDelay,
      },
      headers: { accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.#ttl = options.cacheTtlMs ?? 10 * 60_000;
    this.#negativeTtl = options.negativeCacheTtlMs ?? 2 * 60_000;
    this.#cache = new TtlCache({ ttlMs: this.#ttl, maxEntries: options.maxCacheEntries ?? 500, ...(options.now ? { now: options.now } : {}) });
  }

  /** GET a JSON resource: cached, de-duplicated, never throws. */
  getJson<T>(request: GetJsonRequest<T>, signal?: AbortSignal): Promise<RegisterResult<T>> {
    const key = cacheKey(request.path, request.searchParams);
    const cached = this.#cache.get(key);
    if (cached !== undefined) return Promise.resolve(cached as RegisterResult<T>);
    if (signal?.aborted) return Promise.resolve(ABORTED);
    let entry = this.#inFlight.get(key);
    if (entry === undefined) {
      const controller = new AbortController();
      const created: InFlight = {
        controller,
        waiters: 0,
        promise: this.#fetch(request, controller.signal).then((result) => {
          if (this.#inFlight.get(key) === created) this.#inFlight.delete(key);
          if (result.kind === 'ok') this.#cache.set(key, result, this.#ttl);
          else if (result.kind === 'not-found' || result.kind === 'gone') this.#cache.set(key, result, this.#negativeTtl);
          return result;
        }),
      };
      entry = created;
      this.#inFlight.set(key, entry);
    }
    return this.#wait(key, entry, signal) as Promise<RegisterResult<T>>;
  }

  /** Forget cached answers (e.g. after the user corrected the value and asks to check again). */
  clearCache(): void {
    this.#cache.clear();
  }

  /** Number of requests currently on the wire (for tests and diagnostics). */
  get inFlightCount(): number {
    return this.#inFlight.size;
  }

  #wait(key: string, entry: InFlight, signal: AbortSignal | undefined): Promise<RegisterResult<unknown>> {
    entry.waiters++;
    if (signal === undefined) return entry.promise;
    return new Promise((resolve) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        entry.waiters--;
        if (entry.waiters <= 0) {
          // Nobody is waiting any more: stop the request, and let the next caller start a fresh one.
          if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
          entry.controller.abort();
        }
        resolve(ABORTED);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then((result) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) return;
        settled = true;
        resolve(result);
      });
    });
  }

  async #fetch<T>(request: GetJsonRequest<T>, signal: AbortSignal): Promise<RegisterResult<T>> {
    let text: string;
    try {
      const response = await this.#ky.get(request.path, {
        signal,
        ...(request.searchParams ? { searchParams: { ...request.searchParams } } : {}),
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) return ABORTED;
      if (isHTTPError(error)) {
        const status = error.response.status;
        void error.response.body?.cancel().catch(() => undefined);
        const meaning = request.statusMeaning?.[status];
        if (meaning !== undefined) return { kind: meaning };
        return { kind: 'unavailable', reason: 'http-status', status };
      }
      if (isTimeoutError(error)) return { kind: 'unavailable', reason: 'timeout' };
      return { kind: 'unavailable', reason: 'network' };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { kind: 'unavailable', reason: 'bad-body' };
    }
    let data: T | undefined;
    try {
      data = request.parse(body);
    } catch {
      data = undefined;
    }
    return data === undefined ? { kind: 'unavailable', reason: 'bad-body' } : { kind: 'ok', data };
  }
}

function cacheKey(path: string, params: Readonly<Record<string, string>> | undefined): string {
  if (!params) return path;
  // JSON.stringify, not encodeURIComponent: the latter throws on lone surrogates in user input.
  const sorted = Object.keys(params)
    .sort()
    .map((k) => [k, params[k]]);
  return `${path}?${JSON.stringify(sorted)}`;
}
