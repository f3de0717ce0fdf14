// @vitest-environment node
// The portal API client against the real sandbox, in-process (ephemeral ports, no latency).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { auditOnlineManager } from '../booking/audit';
import { statusFromResult } from '../booking/explain';
import { runChecks, timerSleep } from '../booking/runner';
import { createPortalApi, type PortalApi, type PortalApiOptions } from './api';

let sb: RunningSandbox;
let cookie = '';
const seen: { url: string; method: string; credentials: string }[] = [];

/** Node's fetch has no cookie jar: play the browser's part for `credentials: 'include'`. */
const jarFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  seen.push({ url: request.url, method: request.method, credentials: request.credentials });
  const headers = new Headers(request.headers);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(new Request(request, { headers }));
  const set = response.headers.getSetCookie();
  if (set.length > 0) cookie = set.map((c) => c.split(';')[0]).join('; ');
  return response;
};

const api = (extra: Partial<PortalApiOptions> = {}): PortalApi => createPortalApi({ baseUrl: sb.urls.portal, fetch: jarFetch, retryDelayMs: () => 10, ...extra });
const control = (path: string) => fetch(`${sb.urls.portal}${path}`, { method: 'POST' }).then((r) => r.json());
const login = () => jarFetch(`${sb.urls.portal}/api/login`, { method: 'POST' });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  // The portal gives each vendor call 2.5 s (not 8 s), so the hanging vendor (l-2008) fails in time.
  sb = await startSandbox({ portalPort: 0, vendorPort: 0, registerPort: 0, delayMs: 0, quiet: true, bookingTimeoutMs: 2500 });
  await login();
}, 30_000);
afterAll(() => sb?.close());

describe('portal API client (sandbox)', () => {
  it('lists firms, reads a firm and a location, with the session cookie (credentials: include)', async () => {
    const client = api();
    const firms = await client.listFirms();
    expect(firms.kind).toBe('ok');
    if (firms.kind !== 'ok') return;
    expect(firms.data.map((f) => f.id)).toEqual(['f-1001', 'f-1002', 'f-1003', 'f-1004', 'f-1005', 'f-1006', 'f-1007']);
    const firm = await client.getFirm('f-1002');
    expect(firm).toMatchObject({ kind: 'ok', data: { name: 'Bryggen Fysioterapi AS', website: '', invoiceEmail: 'kari.nordmann@gmail.com' } });
    const location = await client.getLocation('l-2002');
    expect(location).toMatchObject({ kind: 'ok', data: { firmId: 'f-1001', booking: { system: 'pasientsky', hasKey: true } } });
    // The key itself never comes back.
    expect(JSON.stringify(location)).not.toContain('gammel-nokkel-2023');
    expect(seen.filter((s) => !s.url.endsWith('/api/login')).map((s) => s.credentials)).toEqual(['include', 'include', 'include']);
    expect(seen.at(-1)?.url).toBe(`${sb.urls.portal}/api/locations/l-2002`);
  });

  it('a base URL with a trailing slash works too; unknown ids are 404', async () => {
    const client = api({ baseUrl: `${sb.urls.portal}/` });
    expect((await client.getFirm('f-1001')).kind).toBe('ok');
    expect(await client.getFirm('f-0000')).toEqual({ kind: 'portal-error', status: 404 });
  });

  it('ids that are not portal ids never reach the network', async () => {
    const before = seen.length;
    for (const bad of ['', '../firms', 'l-2001/booking', 'a b', 'x'.repeat(100)]) expect(await api().getLocation(bad)).toEqual({ kind: 'bad-response' });
    expect(seen.length).toBe(before);
  });

  it('Online Manager of l-2001 -> the audit finds every seeded problem', async () => {
    const om = await api().getOnlineManager('l-2001');
    expect(om.kind).toBe('ok');
    if (om.kind !== 'ok') return;
    const audit = auditOnlineManager(om.data);
    const byKind = (kind: string) => audit.findings.filter((f) => f.kind === kind);
    expect(byKind('not-linked').map((f) => ('name' in f ? f.name : ''))).toEqual(['Lars Bjørnstad']);
    expect(byKind('wrong-profile')).toMatchObject([{ name: 'Henrik Solberg', profileName: 'Per Hansen', suggestion: { profileName: 'Henrik Solberg' } }]);
    expect(byKind('shared-profile')).toMatchObject([{ profileName: 'Per Hansen', names: ['Per Hansen', 'Henrik Solberg'] }]);
    expect(byKind('linked-no-slots')).toMatchObject([{ name: 'Siri Åsheim' }]);
    expect(byKind('no-profile')).toMatchObject([{ name: 'Thomas Berg' }]);
    expect(byKind('unused-profile')).toMatchObject([{ profileName: 'Mona Vik' }]);
    expect(byKind('ok').map((f) => ('name' in f ? f.name : ''))).toEqual(['Ingrid Ødegård', 'Ola Nordmann', 'Per Hansen']);
  });

  it('Online Manager of l-2010 (slow vendor) and l-2009 (not set up)', async () => {
    const om = await api().getOnlineManager('l-2010');
    expect(om.kind).toBe('ok');
    if (om.kind === 'ok') {
      const audit = auditOnlineManager(om.data);
      expect(audit.findings.find((f) => f.kind === 'wrong-profile')).toMatchObject({ name: 'Anna Lindqvist', profileName: 'Erik Johansson' });
      expect(audit.findings.find((f) => 'name' in f && f.name === 'Erik Johansson')).toMatchObject({ kind: 'not-linked', confident: true });
      expect(audit.findings.find((f) => 'name' in f && f.name === 'Nils Øberg')).toMatchObject({ kind: 'no-profile' });
    }
    const none = await api().getOnlineManager('l-2009');
    expect(none).toMatchObject({ kind: 'ok', data: { bookingConfigured: false, profiles: [] } });
    if (none.kind === 'ok') expect(auditOnlineManager(none.data).configured).toBe(false);
  }, 20_000);

  it('every booking failure mode of the seed -> the right CheckStatus (runner over the real client)', async () => {
    const expected: Record<string, string> = {
      'l-2001': 'partial', // ok, Siri Åsheim without slots
      'l-2002': 'connect-failed', // wrong keys
      'l-2003': 'no-service', // no known service code
      'l-2004': 'connect-failed', // no setup at the vendor (404 at Physica and Psykbase)
      'l-2005': 'connect-failed', // vendor 500
      'l-2006': 'connect-failed', // 200 with HTML
      'l-2007': 'connect-failed', // refused
      'l-2008': 'connect-failed', // hangs: the portal gives up
      'l-2009': 'portal-error', // not set up: 422
      'l-2010': 'partial', // slow, Nils Øberg without slots
      'l-2011': 'ok',
    };
    const client = api();
    const results = await runChecks(Object.keys(expected), { runTest: (id, signal) => client.runBookingTest(id, signal), now: Date.now, sleep: timerSleep });
    expect(Object.fromEntries(results.map((r) => [r.locationId, r.status]))).toEqual(expected);
    const byId = Object.fromEntries(results.map((r) => [r.locationId, r]));
    expect(byId['l-2001']!.withoutSlots).toEqual(['Siri Åsheim']);
    expect(byId['l-2010']!.withoutSlots).toEqual(['Nils Øberg']);
    expect(byId['l-2009']!.portalStatus).toBe(422);
    expect(byId['l-2002']!.log).toEqual(['ERROR Connecting to booking system', 'Feilet']);
    expect(byId['l-2003']!.log).toEqual(['OK Connecting to booking system', 'ERROR Found at least one service with known service code', 'Feilet']);
  }, 30_000);

  it('fail-next: a failing test call is a portal-error; a failing GET is retried', async () => {
    await control('/__sandbox/fail-next?status=500');
    const failed = await api().runBookingTest('l-2011');
    expect(failed).toEqual({ kind: 'portal-error', status: 500 });
    expect(statusFromResult(failed)).toMatchObject({ status: 'portal-error', portalStatus: 500 });

    await control('/__sandbox/fail-next?status=503&method=any');
    expect((await api().getFirm('f-1001')).kind).toBe('ok');
    await control('/__sandbox/fail-next?status=502&method=any');
    expect(await api({ retryLimit: 0 }).getFirm('f-1001')).toEqual({ kind: 'portal-error', status: 502 });
  });

  it('timeout: the client gives up on a hanging test', async () => {
    const t0 = Date.now();
    const result = await api({ bookingTestTimeoutMs: 300 }).runBookingTest('l-2008');
    expect(result).toEqual({ kind: 'timeout' });
    expect(statusFromResult(result).status).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('abort: the caller’s signal stops the call', async () => {
    const controller = new AbortController();
    const pending = api().runBookingTest('l-2008', controller.signal);
    setTimeout(() => controller.abort(), 50);
    const t0 = Date.now();
    expect(await pending).toEqual({ kind: 'aborted' });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await api().listFirms(AbortSignal.abort())).toEqual({ kind: 'aborted' });
  });

  it('offline: nothing listens', async () => {
    const client = createPortalApi({ baseUrl: `http://127.0.0.1:${await closedPort()}`, retryDelayMs: () => 10 });
    const result = await client.runBookingTest('l-2001');
    expect(result).toEqual({ kind: 'offline' });
    expect(statusFromResult(result).status).toBe('offline');
    expect(await client.listFirms()).toEqual({ kind: 'offline' });
  });

  it('bad-response: HTML or the wrong shape with 200', async () => {
    const html: typeof fetch = async () => new Response('<html>Logg inn</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    expect(await createPortalApi({ baseUrl: sb.urls.portal, fetch: html }).listFirms()).toEqual({ kind: 'bad-response' });
    const wrong: typeof fetch = async () => Response.json({ success: 'yes', log: 'Suksess' });
    const result = await createPortalApi({ baseUrl: sb.urls.portal, fetch: wrong }).runBookingTest('l-2001');
    expect(result).toEqual({ kind: 'bad-response' });
    expect(statusFromResult(result)).toEqual({ status: 'portal-error', log: null });
  });

  it('session expiry: every call says session-expired; logging in again recovers', async () => {
    await control('/__sandbox/session/expire');
    const client = api();
    expect(await client.listFirms()).toEqual({ kind: 'session-expired' });
    const test = await client.runBookingTest('l-2011');
    expect(test).toEqual({ kind: 'session-expired' });
    expect(statusFromResult(test).status).toBe('session-expired');
    expect(await client.getOnlineManager('l-2001')).toEqual({ kind: 'session-expired' });
    await login();
    expect((await client.listFirms()).kind).toBe('ok');
  });
});
