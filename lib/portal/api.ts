// The portal's JSON API (docs/portal.md), used by the background with the admin's own session cookie
// (`credentials: 'include'`). ky gives timeouts and bounded retries (GET only); zod parses every answer.
// Nothing here throws: every call returns a PortalResult. Full zod is fine: this never enters the content script.
import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import { z } from 'zod';

export type PortalResult<T> =
  | { readonly kind: 'ok'; readonly data: T }
  /** 401: the session cookie expired; the admin must log in ("Logg inn"). */
  | { readonly kind: 'session-expired' }
  /** No HTTP answer at all (network down, connection refused or reset). */
  | { readonly kind: 'offline' }
  /** Any other HTTP error status (after retries for GET 5xx). */
  | { readonly kind: 'portal-error'; readonly status: number }
  /** No answer within the timeout. */
  | { readonly kind: 'timeout' }
  /** 2xx, but not the JSON we expect. */
  | { readonly kind: 'bad-response' }
  /** The caller's AbortSignal fired. */
  | { readonly kind: 'aborted' };

/** Whether the portal answered, as the UIs' notices need it ("log in", "offline", "the portal had an error"). */
export function reachOf(result: PortalResult<unknown>): 'ok' | 'session-expired' | 'offline' | 'error' {
  switch (result.kind) {
    case 'ok':
      return 'ok';
    case 'session-expired':
      return 'session-expired';
    case 'offline':
      return 'offline';
    default:
      return 'error';
  }
}

// ------------------------------------------------------------------ schemas (bounded; unknown fields dropped)

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/);
const text = (max = 500) => z.string().max(max);
const optText = (max = 500) => z.string().max(max).nullish().transform((v) => v ?? '');
const list = <T extends z.ZodType>(item: T, max = 2000) => z.array(item).max(max);

export const FirmSummarySchema = z.object({
  id,
  name: text(),
  orgnr: optText(40),
  type: text(40),
  locationCount: z.number().int().nonnegative(),
});
export type FirmSummary = z.infer<typeof FirmSummarySchema>;

export const FirmSchema = z.object({
  id,
  name: text(),
  orgnr: optText(40),
  type: text(40),
  typeName: optText(200),
  website: optText(2000),
  invoiceEmail: optText(320),
  phone: optText(60),
  address: optText(),
  version: z.number(),
  locations: list(z.object({ id, name: text(), address: optText(), bookingSystem: z.string().max(200).nullable() })),
  agreements: list(z.object({ partnerId: text(60), partnerName: text(200), state: text(40) }), 20),
});
export type Firm = z.infer<typeof FirmSchema>;

export const LogLineSchema = z.object({ level: text(20), text: text(2000) });
export type LogLine = z.infer<typeof LogLineSchema>;

export const BookingSettingsSchema = z.object({
  system: z.string().max(60).nullable(),
  systemName: z.string().max(200).nullable(),
  clientId: optText(200),
  hasKey: z.boolean(),
  lastTestedAt: z.string().max(60).nullable(),
  lastResult: z.enum(['success', 'failure']).nullable(),
  lastLog: list(LogLineSchema, 1000),
});
export type BookingSettings = z.infer<typeof BookingSettingsSchema>;

export const LocationSchema = z.object({
  id,
  firmId: id,
  firmName: optText(),
  name: text(),
  street: optText(),
  postalCode: optText(20),
  postalPlace: optText(),
  municipality: optText(),
  mobile: optText(60),
  phone: optText(60),
  email: optText(320),
  facilities: list(text(200), 100),
  treatments: list(text(200), 100),
  version: z.number(),
  people: list(z.object({ id, name: text(200), title: optText(200), role: text(60) })),
  booking: BookingSettingsSchema,
});
export type Location = z.infer<typeof LocationSchema>;

export const BookingTestResultSchema = z.object({
  success: z.boolean(),
  log: list(LogLineSchema, 1000),
  testedAt: z.string().max(60),
});
export type BookingTestResult = z.infer<typeof BookingTestResultSchema>;

export const OnlineManagerSchema = z.object({
  bookingConfigured: z.boolean().optional().default(true),
  practitioners: list(z.object({ personId: id, name: text(200), profileId: z.string().max(200).nullable() })),
  profiles: list(z.object({ id: z.string().min(1).max(200), name: text(200) })),
});
export type OnlineManager = z.infer<typeof OnlineManagerSchema>;

// ------------------------------------------------------------------ client

export interface PortalApiOptions {
  /** The portal origin, e.g. `https://behandlernettverk.no` or `http://localhost:4610`. */
  readonly baseUrl: string;
  /** Per attempt, for reads. Default 10 s. */
  readonly timeoutMs?: number;
  /** For "Test og Lagre" (the portal waits up to 8 s per vendor call, twice for Aspit). Default 24 s. */
  readonly bookingTestTimeoutMs?: number;
  /** Retries of GET on 5xx / network errors. Default 1. */
  readonly retryLimit?: number;
  readonly retryDelayMs?: (attempt: number) => number;
  /** Injected fetch (tests; the background passes nothing). */
  readonly fetch?: typeof fetch;
}

export interface PortalApi {
  listFirms(signal?: AbortSignal): Promise<PortalResult<FirmSummary[]>>;
  getFirm(firmId: string, signal?: AbortSignal): Promise<PortalResult<Firm>>;
  getLocation(locationId: string, signal?: AbortSignal): Promise<PortalResult<Location>>;
  /** `POST /api/locations/{id}/booking/test` with the stored settings ("Test og Lagre"; the portal saves them). */
  runBookingTest(locationId: string, signal?: AbortSignal): Promise<PortalResult<BookingTestResult>>;
  getOnlineManager(locationId: string, signal?: AbortSignal): Promise<PortalResult<OnlineManager>>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const ABORTED = Object.freeze({ kind: 'aborted' }) as PortalResult<never>;
const BAD_RESPONSE = Object.freeze({ kind: 'bad-response' }) as PortalResult<never>;

export function createPortalApi(options: PortalApiOptions): PortalApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const http: KyInstance = ky.create({
    prefixUrl: `${base}/api/`,
    timeout: options.timeoutMs ?? 10_000,
    retry: {
      limit: options.retryLimit ?? 1,
      methods: ['get'],
      statusCodes: [500, 502, 503, 504],
      afterStatusCodes: [503],
      maxRetryAfter: 2000,
      delay: options.retryDelayMs ?? ((attempt: number) => 400 * 2 ** (attempt - 1)),
    },
    credentials: 'include',
    cache: 'no-store',
    headers: { accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const bookingTimeout = options.bookingTestTimeoutMs ?? 24_000;

  async function call<T>(method: 'get' | 'post', path: string, schema: z.ZodType<T>, signal: AbortSignal | undefined, extra: { timeout?: number; json?: unknown } = {}): Promise<PortalResult<T>> {
    if (signal?.aborted) return ABORTED;
    let body: string;
    try {
      const response = await http(path, {
        method,
        ...(signal ? { signal } : {}),
        ...(extra.timeout !== undefined ? { timeout: extra.timeout } : {}),
        ...(extra.json !== undefined ? { json: extra.json } : {}),
      });
      body = await response.text();
    } catch (error) {
      if (signal?.aborted) return ABORTED;
      if (isHTTPError(error)) {
        const status = error.response.status;
        void error.response.body?.cancel().catch(() => undefined);
        return status === 401 ? { kind: 'session-expired' } : { kind: 'portal-error', status };
      }
      if (isTimeoutError(error)) return { kind: 'timeout' };
      return { kind: 'offline' };
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return BAD_RESPONSE;
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { kind: 'ok', data: parsed.data } : BAD_RESPONSE;
  }

  /** Ids go into the path: anything but the portal's id shape never reaches the network. */
  const withId = <T>(value: string, run: (id: string) => Promise<PortalResult<T>>): Promise<PortalResult<T>> =>
    typeof value === 'string' && ID.test(value) ? run(encodeURIComponent(value)) : Promise.resolve(BAD_RESPONSE);

  return {
    listFirms: (signal) => call('get', 'firms', list(FirmSummarySchema, 5000), signal),
    getFirm: (firmId, signal) => withId(firmId, (fid) => call('get', `firms/${fid}`, FirmSchema, signal)),
    getLocation: (locationId, signal) => withId(locationId, (lid) => call('get', `locations/${lid}`, LocationSchema, signal)),
    runBookingTest: (locationId, signal) =>
      withId(locationId, (lid) => call('post', `locations/${lid}/booking/test`, BookingTestResultSchema, signal, { timeout: bookingTimeout, json: {} })),
    getOnlineManager: (locationId, signal) =>
      withId(locationId, (lid) => call('get', `locations/${lid}/online-manager`, OnlineManagerSchema, signal)),
  };
}
