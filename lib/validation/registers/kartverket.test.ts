// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKartverketClient } from './kartverket';
import { json, startTestServer, type TestServer } from './test-server';

const bryggen = {
  adressenavn: 'Bryggen',
  adressetekst: 'Bryggen 9',
  nummer: 9,
  bokstav: '',
  postnummer: '5003',
  poststed: 'BERGEN',
  kommunenummer: '4601',
  kommunenavn: 'BERGEN',
  objtype: 'Vegadresse',
};
const page = (rows: unknown[]) => ({ metadata: { totaltAntallTreff: rows.length, treffPerSide: 20, side: 0 }, adresser: rows });

let server: TestServer;
const make = () => createKartverketClient({ baseUrl: server.baseUrl, timeoutMs: 300, retryDelayMs: () => 5 });

beforeAll(async () => {
  server = await startTestServer('/adresser/v1/');
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('kartverket client', () => {
  it('searches sok with the given parameters under the exact base URL', async () => {
    server.handle((_req, res) => json(res, 200, page([bryggen])));
    const result = await make().search({ sok: 'Bryggen 9', postnummer: '5003' });
    expect(result).toMatchObject({ kind: 'ok', data: { adresser: [bryggen] } });
    const url = server.requests[0]!;
    expect(url.pathname).toBe('/adresser/v1/sok');
    expect(url.searchParams.get('sok')).toBe('Bryggen 9');
    expect(url.searchParams.get('postnummer')).toBe('5003');
  });

  it('checkAddress: a strict hit is enough (one request)', async () => {
    server.handle((_req, res) => json(res, 200, page([bryggen])));
    const v = await make().checkAddress({ street: 'Bryggen 9', postalCode: '5003', postalPlace: 'Bergen', municipality: 'Bergen' });
    expect(v).toMatchObject({ severity: 'ok', match: { label: 'Bryggen 9, 5003 BERGEN' } });
    expect(server.requests).toHaveLength(1);
  });

  it('checkAddress: wrong postal code -> fuzzy search without it, suggestion from the register', async () => {
    server.handle((_req, res, url) => json(res, 200, page(url.searchParams.has('postnummer') ? [] : [bryggen])));
    const v = await make().checkAddress({ street: 'Bryggen 9', postalCode: '5004', postalPlace: 'Bergen', municipality: 'Bergen' });
    expect(v).toMatchObject({ severity: 'error', key: 'validation.address.postalCodeMismatch', fix: { value: '5003' } });
    expect(v.suggestions[0]?.label).toBe('Bryggen 9, 5003 BERGEN');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.searchParams.get('fuzzy')).toBe('true');
  });

  it('outage, 500, timeout and garbage all give unverified, never ok', async () => {
    const input = { street: 'Bryggen 9', postalCode: '5003', postalPlace: 'Bergen', municipality: 'Bergen' };
    server.handle((req) => req.socket.destroy());
    expect(await make().checkAddress(input)).toMatchObject({ severity: 'unverified', key: 'validation.address.unavailable' });
    expect(server.requests).toHaveLength(3);
    server.handle((_req, res) => json(res, 500, {}));
    expect(await make().checkAddress(input)).toMatchObject({ severity: 'unverified' });
    server.handle((_req, res) => void setTimeout(() => json(res, 200, page([bryggen])), 1000));
    expect(await make().checkAddress(input)).toMatchObject({ severity: 'unverified' });
    server.handle((_req, res) => res.writeHead(200).end('{"adresser": nope'));
    expect(await make().search({ sok: 'x' })).toEqual({ kind: 'unavailable', reason: 'bad-body' });
    server.handle((_req, res) => json(res, 404, { code: 404, message: 'no such endpoint' }));
    expect(await make().search({ sok: 'x' })).toEqual({ kind: 'unavailable', reason: 'http-status', status: 404 });
  });

  it('user input with lone surrogates or odd characters does not throw', async () => {
    server.handle((_req, res) => json(res, 200, page([])));
    const v = await make().checkAddress({ street: 'Gate \uD800 1&x=2#', postalCode: '50\uDC00', postalPlace: '', municipality: '' });
    expect(v.severity).toBe('warning');
  });
});
