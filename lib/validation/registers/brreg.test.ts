// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrregClient, type BrregClient } from './brreg';
import { json, startTestServer, type TestServer } from './test-server';

const digicare = {
  organisasjonsnummer: '998234824',
  navn: 'DIGICARE AS',
  organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' },
  konkurs: false,
  underAvvikling: false,
  underTvangsavviklingEllerTvangsopplosning: false,
  _links: { self: { href: 'x' } },
};

let server: TestServer;
let now = 0;
const make = (extra: Partial<Parameters<typeof createBrregClient>[0]> = {}): BrregClient =>
  createBrregClient({ baseUrl: server.baseUrl, timeoutMs: 300, retryDelayMs: () => 5, now: () => now, ...extra });

beforeAll(async () => {
  server = await startTestServer('/enhetsregisteret/api/');
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  now = 0;
});

describe('brreg client', () => {
  it('200: parses the entity (unknown fields ignored) from the exact base URL', async () => {
    server.handle((_req, res) => json(res, 200, digicare));
    const result = await make().lookupEntity('998 234 824');
    expect(result).toMatchObject({ kind: 'ok', data: { navn: 'DIGICARE AS', organisasjonsnummer: '998234824' } });
    expect(server.requests.map((u) => u.pathname)).toEqual(['/enhetsregisteret/api/enheter/998234824']);
  });

  it('sub-units use underenheter/', async () => {
    server.handle((_req, res) => json(res, 200, { ...digicare, overordnetEnhet: '912345678' }));
    expect(await make().lookupSubunit('998234824')).toMatchObject({ kind: 'ok', data: { overordnetEnhet: '912345678' } });
    expect(server.requests[0]?.pathname).toBe('/enhetsregisteret/api/underenheter/998234824');
  });

  it('404 -> not-found and 410 -> gone, without retries', async () => {
    server.handle((_req, res) => json(res, 404, { status: 404, error: 'Not Found' }));
    expect(await make().lookupEntity('974760673')).toEqual({ kind: 'not-found' });
    server.handle((_req, res) => json(res, 410, { organisasjonsnummer: '974760673', slettedato: '2020-01-01' }));
    expect(await make().lookupEntity('974760673')).toEqual({ kind: 'gone' });
    expect(server.requests).toHaveLength(2);
  });

  it('500: retried twice, then unavailable', async () => {
    server.handle((_req, res) => json(res, 500, { error: 'boom' }));
    expect(await make().lookupEntity('998234824')).toEqual({ kind: 'unavailable', reason: 'http-status', status: 500 });
    expect(server.requests).toHaveLength(3);
  });

  it('a transient 503 is recovered by a retry', async () => {
    let n = 0;
    server.handle((_req, res) => (n++ === 0 ? json(res, 503, {}) : json(res, 200, digicare)));
    expect(await make().lookupEntity('998234824')).toMatchObject({ kind: 'ok' });
    expect(server.requests).toHaveLength(2);
  });

  it('outage (socket destroyed): retried, then unavailable/network', async () => {
    server.handle((req) => req.socket.destroy());
    expect(await make().lookupEntity('998234824')).toEqual({ kind: 'unavailable', reason: 'network' });
    expect(server.requests).toHaveLength(3);
  });

  it('slow register: unavailable/timeout', async () => {
    server.handle((_req, res) => void setTimeout(() => json(res, 200, digicare), 1500));
    const t0 = Date.now();
    expect(await make({ timeoutMs: 100 }).lookupEntity('998234824')).toEqual({ kind: 'unavailable', reason: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('garbage body or wrong shape: unavailable/bad-body', async () => {
    server.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops'));
    expect(await make().lookupEntity('998234824')).toEqual({ kind: 'unavailable', reason: 'bad-body' });
    server.handle((_req, res) => json(res, 200, { navn: 42 }));
    expect(await make().lookupEntity('998234824')).toEqual({ kind: 'unavailable', reason: 'bad-body' });
    server.handle((_req, res) => json(res, 200, { ...digicare, organisasjonsnummer: '974760673' }));
    expect(await make().lookupEntity('998234824')).toEqual({ kind: 'unavailable', reason: 'bad-body' });
  });

  it('invalid input never reaches the network', async () => {
    const client = make();
    for (const bad of ['', '12345', '../../admin', '99823482x', '9982348245']) {
      expect(await client.lookupEntity(bad)).toEqual({ kind: 'unavailable', reason: 'invalid-input' });
    }
    expect(server.requests).toHaveLength(0);
  });

  it('caches answers with a TTL (injected clock); outages are not cached', async () => {
    server.handle((_req, res) => json(res, 200, digicare));
    const client = make({ cacheTtlMs: 1000 });
    await client.lookupEntity('998234824');
    await client.lookupEntity('998 234 824');
    expect(server.requests).toHaveLength(1);
    now += 1000;
    await client.lookupEntity('998234824');
    expect(server.requests).toHaveLength(2);

    server.handle((req) => req.socket.destroy());
    const flaky = make({ retryLimit: 0 });
    await flaky.lookupEntity('974760673');
    await flaky.lookupEntity('974760673');
    expect(server.requests).toHaveLength(4);
  });

  it('de-duplicates concurrent identical requests', async () => {
    server.handle((_req, res) => void setTimeout(() => json(res, 200, digicare), 50));
    const client = make();
    const [a, b, c] = await Promise.all([client.lookupEntity('998234824'), client.lookupEntity('998234824'), client.lookupEntity('998 234 824')]);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    expect(server.requests).toHaveLength(1);
  });

  it('one caller aborting does not cancel the shared request for the others', async () => {
    server.handle((_req, res) => void setTimeout(() => json(res, 200, digicare), 80));
    const client = make();
    const controller = new AbortController();
    const aborted = client.lookupEntity('998234824', controller.signal);
    const other = client.lookupEntity('998234824');
    controller.abort();
    expect(await aborted).toEqual({ kind: 'unavailable', reason: 'aborted' });
    expect(await other).toMatchObject({ kind: 'ok' });
    expect(server.requests).toHaveLength(1);
  });

  it('when every caller aborts, the request is cancelled and the next caller starts afresh', async () => {
    let closed = 0;
    server.handle((req, res) => {
      res.on('close', () => {
        if (!res.writableEnded) closed++;
      });
      void req;
    });
    const client = make({ timeoutMs: 2000 });
    const controller = new AbortController();
    const pending = client.lookupEntity('998234824', controller.signal);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    expect(await pending).toEqual({ kind: 'unavailable', reason: 'aborted' });
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(1);
    // An already-aborted signal does not even start a request.
    const before = server.requests.length;
    expect(await client.lookupEntity('974760673', AbortSignal.abort())).toEqual({ kind: 'unavailable', reason: 'aborted' });
    expect(server.requests).toHaveLength(before);
  });

  it('checkOrgnr gives verdicts, unverified on outage', async () => {
    server.handle((_req, res) => json(res, 200, { ...digicare, konkurs: true }));
    expect(await make().checkOrgnr('998234824')).toMatchObject({ severity: 'error', key: 'validation.orgnr.brreg.bankrupt' });
    server.handle((req) => req.socket.destroy());
    expect(await make({ retryLimit: 0 }).checkOrgnr('998234824')).toMatchObject({ severity: 'unverified' });
  });
});
