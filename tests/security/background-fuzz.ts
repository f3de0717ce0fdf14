/**
 * Fuzz of the background's real message router (lib/messaging/handler + lib/background/handlers with the
 * address checker, field validator and booking service the entrypoint wires), with every browser API
 * replaced by a recording double: storage writes, network requests (register clients and the portal API
 * share one counting fetch), badge updates, tab messages (refreshTab) and script injection (forms.attach).
 *
 * Property: for any message and any sender, the router answers a Reply and never throws; a rejected
 * message (forbidden, bad-request, unknown-type) causes no side effect at all, not even a late one.
 * The generic router fuzz in lib/messaging/handler.test.ts checks the same with mock handlers; this one
 * runs the real handlers so a handler that acts before validating would be caught.
 *
 * Used by tests/security/fuzz.test.ts (1,000 runs in `npm test`, `FUZZ_RUNS` overrides) and
 * `npm run fuzz` (scripts/fuzz.mjs: 10,000 runs).
 */
import fc from 'fast-check';
import { createMessageHandler } from '../../lib/messaging/handler';
import { protocol, type Reply } from '../../lib/messaging/protocol';
import { createBackgroundHandlers } from '../../lib/background/handlers';
import { createFactsMemory, createMemoryStore, type KeyValueStore } from '../../lib/facts/memory';
import { createAddressChecker } from '../../lib/background/address-checks';
import { createFieldValidator } from '../../lib/background/field-validation';
import { createKartverketClient } from '../../lib/validation/registers/kartverket';
import { createBrregClient } from '../../lib/validation/registers/brreg';
import { createBookingService } from '../../lib/background/booking-service';
import { createPortalApi } from '../../lib/portal/api';
import type { SenderLike } from '../../lib/messaging/sender';

export const POLICY = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  portalMatches: ['https://behandlernettverk.no/*', 'https://*.behandlernettverk.no/*'],
};
export const FROM_PORTAL: SenderLike = { id: POLICY.extensionId, url: 'https://behandlernettverk.no/firma/f-1', tab: { id: 7 }, frameId: 0 };
export const FROM_PAGE: SenderLike = { id: POLICY.extensionId, url: `${POLICY.extensionOrigin}/sidepanel.html` };

export const REJECTED = ['forbidden', 'bad-request', 'unknown-type'] as const;

export interface Effects {
  storageWrites: number;
  requests: number;
  tabMessages: number;
  injections: number;
  badgeWrites: number;
  logs: number;
  notifications: number;
}

/** One background with recording doubles (fresh per message, so one message's late effects are its own). */
export function createRecordedBackground() {
  const effects: Effects = { storageWrites: 0, requests: 0, tabMessages: 0, injections: 0, badgeWrites: 0, logs: 0, notifications: 0 };
  const memory = createMemoryStore();
  const store: KeyValueStore = {
    get: (keys) => memory.get(keys),
    set: async (items) => {
      effects.storageWrites += 1;
      await memory.set(items);
    },
    remove: async (keys) => {
      effects.storageWrites += 1;
      await memory.remove(keys);
    },
  };
  // Every network request any client makes lands here and fails like an unreachable host.
  const fetch: typeof globalThis.fetch = async () => {
    effects.requests += 1;
    throw new TypeError('fuzz: network disabled');
  };
  const kartverket = createKartverketClient({ baseUrl: 'https://ws.geonorge.no/adresser/v1/', fetch });
  const brreg = createBrregClient({ baseUrl: 'https://data.brreg.no/enhetsregisteret/api/', fetch });
  const booking = createBookingService({
    store,
    portalOrigin: async () => 'https://behandlernettverk.no',
    api: (origin) => createPortalApi({ baseUrl: origin, fetch, retryLimit: 0 }),
    now: Date.now,
    sleep: async () => undefined,
    onTransition: () => {
      effects.notifications += 1;
    },
  });
  const handle = createMessageHandler(
    POLICY,
    createBackgroundHandlers({
      version: '0.0.0',
      mode: 'fuzz',
      memory: createFactsMemory(store),
      badge: {
        async set() {
          effects.badgeWrites += 1;
        },
        async get() {
          return { text: '', health: 'unknown' };
        },
      },
      log: () => {
        effects.logs += 1;
      },
      addresses: createAddressChecker({ client: kartverket, store, now: Date.now }),
      validateField: createFieldValidator({ brreg, kartverket }),
      booking,
      bookingChecks: (origin) => booking.checklistChecks(origin),
      isPortalOrigin: (origin) => origin === 'https://behandlernettverk.no',
      injectForms: async () => {
        effects.injections += 1;
      },
      refreshTab: () => {
        effects.tabMessages += 1;
      },
    }),
  );
  return { handle, effects, total: () => Object.values(effects).reduce((a, b) => a + b, 0) };
}

const TYPES = Object.keys(protocol);
// Built at run time: a literal would trip ESLint's no-script-url, which guards real code.
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

/** Payloads that pass (or nearly pass) validation, so the fuzz reaches deep into the handlers too. */
const nearValid: Record<string, unknown[]> = {
  ping: [{}],
  'overlay.status': [{ pageKind: 'firm', openItems: 2, health: 'warning' }],
  'badge.get': [{ tabId: 1 }],
  'facts.report': [{ firmId: 'f-1' }, { locationId: 'l-1' }, {}],
  'validate.field': [
    { field: 'invoiceEmail', value: 'faktura@firma.no' },
    { field: 'orgnr', value: '998877660' },
    { field: 'address', value: { street: 'Storgata 1', postalCode: '0150', postalPlace: 'OSLO', municipality: 'OSLO' } },
  ],
  'forms.attach': [{}],
  'booking.refresh': [{}],
  'booking.run': [{}, { locationIds: ['l-1'] }],
  'booking.cancel': [{}],
  'i18n.table': [{ locale: 'nb' }],
  'firm.prefs': [{ firmId: 'f-1', firmType: 'co-invoicing' }, { origin: 'https://behandlernettverk.no', firmId: 'f-1', wantedPartners: ['dkv'] }],
  'log.report': [{ level: 'info', message: 'x' }],
};

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', ' ', '../../x', '<img src=x onerror=alert(1)>', SCRIPT_URL, '\u0000', 'x'.repeat(70)),
);

/** A payload: junk, a near-valid one, or a near-valid one with one key replaced by junk. */
const payloadFor = (type: string) => {
  const samples = nearValid[type] ?? [{}];
  return fc.oneof(
    fc.anything(),
    fc.constantFrom(...samples),
    fc.tuple(fc.constantFrom(...samples), hostileString, fc.anything()).map(([base, key, value]) => ({ ...(base as object), [key]: value })),
    fc.constantFrom(...samples).chain((base) => {
      const keys = Object.keys(base as object);
      return keys.length ? fc.tuple(fc.constantFrom(...keys), fc.anything()).map(([k, v]) => ({ ...(base as object), [k]: v })) : fc.constant(base);
    }),
  );
};

export const messageArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.record({ type: hostileString, payload: fc.anything() }, { requiredKeys: [] }) },
  { weight: 4, arbitrary: fc.constantFrom(...TYPES).chain((type) => fc.record({ type: fc.constant(type), payload: payloadFor(type) }, { requiredKeys: ['type'] })) },
);

/** Forged senders (wrong id, foreign or look-alike URLs, iframes, junk) mixed with the two real ones. */
export const senderArb: fc.Arbitrary<SenderLike> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(FROM_PORTAL, FROM_PAGE) },
  fc.record(
    {
      id: fc.oneof(fc.constant(POLICY.extensionId), fc.string(), fc.constant('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz')),
      url: fc.oneof(
        fc.webUrl(),
        fc.constantFrom(
          FROM_PORTAL.url!,
          `${POLICY.extensionOrigin}/x.html`,
          'https://behandlernettverk.no.evil.example/',
          'https://evil.example/https://behandlernettverk.no/',
          'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/sidepanel.html',
          'http://localhost:4610/firma/f-1',
          SCRIPT_URL,
          'data:text/html,<script>alert(1)</script>',
        ),
        fc.string(),
      ),
      origin: fc.string(),
      tab: fc.option(fc.record({ id: fc.oneof(fc.nat(), fc.integer()) }), { nil: undefined }),
      frameId: fc.option(fc.oneof(fc.nat({ max: 3 }), fc.integer()), { nil: undefined }),
    },
    { requiredKeys: [] },
  ),
  fc.anything() as fc.Arbitrary<SenderLike>,
);

const settle = () => new Promise((r) => setTimeout(r, 0));

export interface FuzzSummary {
  runs: number;
  accepted: number;
  rejected: Record<string, number>;
  uncaught: unknown[];
}

/** Runs the property; throws (fast-check's shrunk counter-example) on the first failure. */
export async function fuzzBackground(numRuns: number, seed?: number): Promise<FuzzSummary> {
  const summary: FuzzSummary = { runs: 0, accepted: 0, rejected: {}, uncaught: [] };
  const onUncaught = (error: unknown) => summary.uncaught.push(error);
  process.on('unhandledRejection', onUncaught);
  process.on('uncaughtException', onUncaught);
  try {
    await fc.assert(
      fc.asyncProperty(messageArb, senderArb, async (message, sender) => {
        const bg = createRecordedBackground();
        let reply: Reply<unknown>;
        try {
          reply = await bg.handle(message, sender);
        } catch (error) {
          throw new Error(`router threw: ${String(error)}`, { cause: error });
        }
        summary.runs += 1;
        if (typeof reply !== 'object' || reply === null || typeof reply.ok !== 'boolean') throw new Error(`not a Reply: ${JSON.stringify(reply)}`);
        if (reply.ok) {
          summary.accepted += 1;
          return;
        }
        const code = reply.error.code;
        if (!(REJECTED as readonly string[]).includes(code)) return; // accepted, then the handler failed cleanly
        summary.rejected[code] = (summary.rejected[code] ?? 0) + 1;
        await settle(); // a late effect of a rejected message counts too
        if (bg.total() !== 0) throw new Error(`rejected (${code}) message had side effects: ${JSON.stringify(bg.effects)}`);
        if (summary.uncaught.length) throw new Error(`uncaught: ${String(summary.uncaught[0])}`);
      }),
      { numRuns, ...(seed === undefined ? {} : { seed }) },
    );
    await settle();
  } finally {
    process.off('unhandledRejection', onUncaught);
    process.off('uncaughtException', onUncaught);
  }
  return summary;
}
