// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isValidOrgnr } from './data/builders.ts';
import { buildScenario, SCENARIO_NAMES } from './data/scenarios.ts';
import { lookupBrreg, searchAddresses } from './registers/index.ts';
import { startSandbox, type RunningSandbox } from './server.ts';

// Test-only: responses are checked field by field, so loose typing keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ portalPort: 0, vendorPort: 0, registerPort: 0, quiet: true, delayMs: 0, bookingTimeoutMs: 400 });
}, 30_000);

afterAll(async () => {
  await sb?.close();
});

/** A minimal browser: keeps the bn_session cookie. */
class Client {
  cookie = '';
  constructor(private base: string) {}

  async req(method: string, path: string, body?: unknown): Promise<{ status: number; json: Json; text: string }> {
    const res = await fetch(this.base + path, {
      method,
      headers: { ...(this.cookie ? { Cookie: this.cookie } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    const text = await res.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json, text };
  }
}

async function loggedIn(): Promise<Client> {
  const c = new Client(sb.urls.portal);
  const page = await c.req('GET', '/');
  expect(page.status).toBe(200);
  expect(c.cookie).toMatch(/^bn_session=/);
  return c;
}

async function reset(scenario = 'default'): Promise<void> {
  const r = await fetch(`${sb.urls.portal}/__sandbox/reset?scenario=${scenario}&delay=0`, { method: 'POST' });
  expect(r.status).toBe(200);
  sb.portalStore.options.bookingTimeoutMs = 400;
}

describe('scenarios', () => {
  it('default seed has the required variety', () => {
    const s = buildScenario('default');
    expect(new Set(s.firms.map((f) => f.type))).toEqual(new Set(['invoicing', 'co-invoicing', 'shared-location']));
    expect(s.locations.length).toBeGreaterThanOrEqual(6);
    expect(s.people.filter((p) => p.role === 'Behandler').length).toBeGreaterThanOrEqual(20);
    for (const f of s.firms) expect(isValidOrgnr(f.orgnr), f.orgnr).toBe(true);
    const modes = new Set(s.vendorSetups.map((v) => v.mode));
    for (const m of ['refused', 'hang', 'slow', 'wrong-keys', 'server-error', 'garbage', 'no-known-service']) expect(modes.has(m as never), m).toBe(true);
  });

  it('every seeded location address is found by the Kartverket double with the same fields', () => {
    for (const name of ['default', 'healthy']) {
      for (const l of buildScenario(name).locations) {
        const hit = searchAddresses(`${l.street} ${l.postalCode}`, 1)[0];
        expect(hit, `${l.id} ${l.street}`).toBeDefined();
        expect([hit?.adressetekst, hit?.postnummer, hit?.poststed, hit?.kommunenavn]).toEqual([l.street, l.postalCode, l.postalPlace, l.municipality]);
      }
    }
  });

  it('firms are known to the Brønnøysund double except the deliberate unknown one', () => {
    const s = buildScenario('default');
    for (const f of s.firms) {
      const r = lookupBrreg('enheter', f.orgnr, `/enhetsregisteret/api/enheter/${f.orgnr}`);
      expect(r.status, `${f.id} ${f.orgnr}`).toBe(f.id === 'f-1007' ? 404 : 200);
    }
  });

  it('all scenarios build; scale has >= 100 locations and is deterministic', () => {
    for (const n of SCENARIO_NAMES) expect(buildScenario(n).name).toBe(n);
    const a = buildScenario('scale');
    expect(a.locations.length).toBeGreaterThanOrEqual(100);
    expect(JSON.stringify(buildScenario('scale'))).toBe(JSON.stringify(a));
    for (const f of a.firms) expect(isValidOrgnr(f.orgnr)).toBe(true);
    expect(buildScenario('empty').firms).toEqual([]);
  });
});

describe('portal API', () => {
  beforeEach(async () => {
    await reset();
  });

  it('serves the SPA shell, bundle and styles', async () => {
    const c = new Client(sb.urls.portal);
    const html = await c.req('GET', '/firma/f-1001');
    expect(html.text).toContain('<html lang="nb">');
    const js = await c.req('GET', '/app.js');
    expect(js.status).toBe(200);
    expect(js.text.length).toBeGreaterThan(1000);
    expect(js.text).not.toMatch(/data-testid/);
    expect((await c.req('GET', '/styles.css')).status).toBe(200);
  });

  it('auto-logs in, lists firms and returns a firm', async () => {
    const c = await loggedIn();
    expect((await c.req('GET', '/api/me')).json).toEqual({ name: 'Kari Nordmann', email: 'kari.nordmann@gmail.com' });
    const firms = await c.req('GET', '/api/firms');
    expect(firms.json.length).toBe(7);
    const f = await c.req('GET', '/api/firms/f-1001');
    expect(f.json.version).toBe(1);
    expect(f.json.agreements.map((a: Json) => a.partnerName)).toEqual([
      'Digicare (på vegne av Storebrand)',
      'Falck Helse',
      'If/Vertikal Helse',
      'Avonova Forsikring',
      'DKV Hälsa (Sverige)',
    ]);
    expect((await c.req('GET', '/api/firms/nope')).status).toBe(404);
  });

  it('saves a firm: 200, 409 stale, 422 fields, 401 expired, 500 fail-next', async () => {
    const c = await loggedIn();
    const body = { version: 1, name: 'Fysio Grünerløkka AS', orgnr: '923 678 905', website: 'https://x.no', invoiceEmail: '', phone: '1', address: 'a' };
    const ok = await c.req('PUT', '/api/firms/f-1001', body);
    expect(ok.status).toBe(200);
    expect(ok.json.version).toBe(2);
    expect(ok.json.invoiceEmail).toBe('');
    expect(ok.json.orgnr).toBe('923678905');

    const stale = await c.req('PUT', '/api/firms/f-1001', body);
    expect(stale.status).toBe(409);
    expect(stale.json.message).toBe('Noen andre har lagret endringer på dette firmaet. Last inn siden på nytt.');

    const bad = await c.req('PUT', '/api/firms/f-1001', { ...body, version: 2, name: ' ', orgnr: '12345678', invoiceEmail: 'kari@' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.fields).sort()).toEqual(['invoiceEmail', 'name', 'orgnr']);
    expect(bad.json.fields.name).toBe('Navn må fylles ut');

    await fetch(`${sb.urls.portal}/__sandbox/fail-next?status=500`, { method: 'POST' });
    const boom = await c.req('PUT', '/api/firms/f-1001', { ...body, version: 2 });
    expect(boom.status).toBe(500);
    expect((await c.req('PUT', '/api/firms/f-1001', { ...body, version: 2 })).status).toBe(200);

    await fetch(`${sb.urls.portal}/__sandbox/session/expire`, { method: 'POST' });
    expect((await c.req('PUT', '/api/firms/f-1001', { ...body, version: 3 })).status).toBe(401);
    // Page loads with a stale cookie do not log in again; "Logg inn" does.
    await c.req('GET', '/');
    expect((await c.req('GET', '/api/me')).status).toBe(401);
    expect((await c.req('POST', '/api/login', {})).status).toBe(200);
    expect((await c.req('PUT', '/api/firms/f-1001', { ...body, version: 3 })).status).toBe(200);
  });

  it('applies for a partner agreement', async () => {
    const c = await loggedIn();
    const r = await c.req('POST', '/api/firms/f-1002/agreements/falck', {});
    expect(r.json.state).toBe('applied');
    const f = await c.req('GET', '/api/firms/f-1002');
    expect(f.json.agreements.find((a: Json) => a.partnerId === 'falck').state).toBe('applied');
  });

  it('saves a location and validates it', async () => {
    const c = await loggedIn();
    const l = await c.req('GET', '/api/locations/l-2002');
    expect(l.json.facilities).toEqual([]);
    const ok = await c.req('PUT', '/api/locations/l-2002', { version: 1, facilities: ['Treningssal', 'Heis'], treatments: ['Manuellterapi'], mobile: '912 34 567' });
    expect(ok.status).toBe(200);
    expect(ok.json.facilities).toEqual(['Treningssal', 'Heis']);
    const bad = await c.req('PUT', '/api/locations/l-2002', { version: 2, name: '', postalCode: '12', facilities: ['Sauna'] });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.fields).sort()).toEqual(['facilities', 'name', 'postalCode']);
    expect((await c.req('PUT', '/api/locations/l-2002', { version: 1, name: 'x' })).status).toBe(409);
  });

  it('booking keys are write-only', async () => {
    const c = await loggedIn();
    const b = await c.req('GET', '/api/locations/l-2001/booking');
    expect(b.json.hasKey).toBe(true);
    expect(JSON.stringify(b.json)).not.toContain('k7Qe');
    expect(JSON.stringify((await c.req('GET', '/api/locations/l-2001')).json)).not.toContain('k7Qe');
  });

  const expectedLogs: Array<[string, string, string[]]> = [
    ['l-2001', 'ok + one practitioner without slots', ['OK Connecting to booking system', 'OK Found at least one service with known service code', 'OK Found 6 practitioners with free slots in the next 7 days', 'WARNING No free slots in the next 7 days for Siri Åsheim', 'Suksess']],
    ['l-2002', 'wrong-keys', ['ERROR Connecting to booking system', 'Feilet']],
    ['l-2003', 'no-known-service', ['OK Connecting to booking system', 'ERROR Found at least one service with known service code', 'Feilet']],
    ['l-2004', 'not-found', ['ERROR Connecting to booking system', 'Feilet']],
    ['l-2005', 'server-error', ['ERROR Connecting to booking system', 'Feilet']],
    ['l-2006', 'garbage', ['ERROR Connecting to booking system', 'Feilet']],
    ['l-2007', 'refused', ['ERROR Connecting to booking system', 'Feilet']],
    ['l-2008', 'hang', ['ERROR Connecting to booking system', 'Feilet']],
    ['l-2011', 'healthy', ['OK Connecting to booking system', 'OK Found at least one service with known service code', 'OK Found 3 practitioners with free slots in the next 7 days', 'Suksess']],
  ];
  for (const [id, what, lines] of expectedLogs) {
    it(`booking test ${id} (${what})`, async () => {
      const c = await loggedIn();
      const r = await c.req('POST', `/api/locations/${id}/booking/test`, {});
      expect(r.status).toBe(200);
      expect(r.json.log.map((l: Json) => l.text)).toEqual(lines);
      expect(r.json.success).toBe(lines.at(-1) === 'Suksess');
      const b = await c.req('GET', `/api/locations/${id}/booking`);
      expect(b.json.lastResult).toBe(r.json.success ? 'success' : 'failure');
      expect(b.json.lastTestedAt).toBe(r.json.testedAt);
    });
  }

  it('booking test: slow vendor succeeds within the timeout; the test saves new settings', async () => {
    const c = await loggedIn();
    sb.portalStore.options.bookingTimeoutMs = 3000;
    sb.vendorStore.upsert({ id: 'konf-nordisk-10', latencyMs: 50 });
    const r = await c.req('POST', '/api/locations/l-2010/booking/test', {});
    expect(r.json.log.map((l: Json) => l.text)).toEqual([
      'OK Connecting to booking system',
      'OK Found at least one service with known service code',
      'OK Found 2 practitioners with free slots in the next 7 days',
      'WARNING No free slots in the next 7 days for Nils Øberg',
      'Suksess',
    ]);
    // l-2002 with the right key (via the form) succeeds and the key is kept.
    sb.vendorStore.upsert({ id: 'eg-77231', mode: 'ok' });
    const fixed = await c.req('POST', '/api/locations/l-2002/booking/test', { system: 'pasientsky', clientId: 'eg-77231', key: 'eg-ny-nokkel-2025' });
    expect(fixed.json.success).toBe(true);
    expect(sb.portalStore.locations.get('l-2002')?.booking.key).toBe('eg-ny-nokkel-2025');
    // Not set up -> 422.
    expect((await c.req('POST', '/api/locations/l-2009/booking/test', {})).status).toBe(422);
  });

  it('vendor control API changes a setup', async () => {
    const r = await fetch(`${sb.urls.vendor}/__vendor/setups`, { method: 'POST', body: JSON.stringify({ id: 'PHY-10451', mode: 'server-error' }) });
    expect(r.status).toBe(200);
    const c = await loggedIn();
    const t = await c.req('POST', '/api/locations/l-2001/booking/test', {});
    expect(t.json.log.map((l: Json) => l.text)).toEqual(['ERROR Connecting to booking system', 'Feilet']);
  });

  it('vendor speaks FHIR: auth, slots window', async () => {
    const h = { 'X-Client-Id': 'PHY-10451', 'X-Client-Secret': 'k7Qe-19fA-physica' };
    const hs = await (await fetch(`${sb.urls.vendor}/physica/fhir/HealthcareService?organization=PHY-10451`, { headers: h })).json();
    expect(hs.resourceType).toBe('Bundle');
    expect(hs.entry[0].resource.type[0].coding[0].code).toBe('FYS-01');
    expect((await fetch(`${sb.urls.vendor}/physica/fhir/HealthcareService?organization=PHY-10451`, { headers: { ...h, 'X-Client-Secret': 'x' } })).status).toBe(401);
    expect((await fetch(`${sb.urls.vendor}/psykbase/fhir/HealthcareService?organization=PHY-10451`, { headers: h })).status).toBe(404);
    const now = new Date();
    const q = new URLSearchParams({ schedule: 'Schedule/sch-pr-10451-1', status: 'free' });
    q.append('start', `ge${now.toISOString()}`);
    q.append('start', `lt${new Date(now.getTime() + 7 * 86_400_000).toISOString()}`);
    const slots = await (await fetch(`${sb.urls.vendor}/physica/fhir/Slot?${q}`, { headers: h })).json();
    expect(slots.total).toBe(12);
  });

  it('online manager: profiles with free slots; PUT persists', async () => {
    const c = await loggedIn();
    const om = await c.req('GET', '/api/locations/l-2001/online-manager');
    expect(om.json.profiles.map((p: Json) => p.name)).toEqual(['Ingrid Ødegård', 'Lars Bjørnstad', 'Ola N.', 'Per Hansen', 'Henrik Solberg', 'Mona Vik']);
    expect(om.json.practitioners.find((p: Json) => p.personId === 'p-3005').profileId).toBe('pr-10451-4');
    const put = await c.req('PUT', '/api/locations/l-2001/online-manager', {
      practitioners: [
        { personId: 'p-3002', profileId: 'pr-10451-2' },
        { personId: 'p-3005', profileId: 'pr-10451-5' },
      ],
    });
    expect(put.status).toBe(200);
    const again = await c.req('GET', '/api/locations/l-2001/online-manager');
    const byId = Object.fromEntries(again.json.practitioners.map((p: Json) => [p.personId, p.profileId]));
    expect(byId['p-3002']).toBe('pr-10451-2');
    expect(byId['p-3005']).toBe('pr-10451-5');
    expect(byId['p-3001']).toBe('pr-10451-1');
    const none = await c.req('GET', '/api/locations/l-2009/online-manager');
    expect(none.json.bookingConfigured).toBe(false);
    expect((await c.req('PUT', '/api/locations/l-2001/online-manager', { practitioners: [{ personId: 'p-3010', profileId: null }] })).status).toBe(422);
  });

  it('people: get, edit, delete', async () => {
    const c = await loggedIn();
    const p = await c.req('GET', '/api/locations/l-2001/people/p-3007');
    expect(p.json.name).toBe('Thomas Berg');
    expect((await c.req('PUT', '/api/locations/l-2001/people/p-3007', { title: 'Fysioterapeut MSc' })).json.title).toBe('Fysioterapeut MSc');
    expect((await c.req('DELETE', '/api/locations/l-2001/people/p-3007')).status).toBe(204);
    expect((await c.req('GET', '/api/locations/l-2001/people/p-3007')).status).toBe(404);
    const loc = await c.req('GET', '/api/locations/l-2001');
    expect(loc.json.people.some((x: Json) => x.id === 'p-3007')).toBe(false);
    expect((await c.req('GET', '/api/locations/l-2002/people/p-3001')).status).toBe(404);
  });

  it('invitations are "sent" whatever the address', async () => {
    const c = await loggedIn();
    const r = await c.req('POST', '/api/locations/l-2001/invitations', { email: 'ikke-en-adresse' });
    expect(r.status).toBe(201);
    expect(r.json.message).toBe('Invitasjonen er sendt til ikke-en-adresse');
    expect((await c.req('GET', '/api/locations/l-2001/invitations')).json[0].email).toBe('ikke-en-adresse');
  });

  it('address search proxies the Kartverket double', async () => {
    const c = await loggedIn();
    const r = await c.req('GET', `/api/adresser?sok=${encodeURIComponent('Karl Johans gate 1')}`);
    expect(r.json.results[0]).toMatchObject({ text: 'Karl Johans gate 1, 0154 OSLO', street: 'Karl Johans gate 1', postalCode: '0154', postalPlace: 'OSLO', municipality: 'OSLO' });
  });

  it('reset restores all state and switches scenarios', async () => {
    const c = await loggedIn();
    await c.req('DELETE', '/api/locations/l-2001/people/p-3001');
    sb.vendorStore.upsert({ id: 'PHY-10451', mode: 'hang' });
    await reset('default');
    expect((await c.req('GET', '/api/locations/l-2001/people/p-3001')).status).toBe(200);
    expect(sb.vendorStore.setups.get('PHY-10451')?.mode).toBe('ok');
    await reset('empty');
    expect((await c.req('GET', '/api/firms')).json).toEqual([]);
    await reset('scale');
    const firms = (await c.req('GET', '/api/firms')).json as Array<{ locationCount: number }>;
    expect(firms.reduce((n, f) => n + f.locationCount, 0)).toBeGreaterThanOrEqual(100);
    const state = await (await fetch(`${sb.urls.portal}/__sandbox/state`)).json();
    expect(state.scenario).toBe('scale');
    expect((await fetch(`${sb.urls.portal}/__sandbox/reset?scenario=nope`, { method: 'POST' })).status).toBe(400);
  });

  it('hostile scenario data is returned verbatim (the client renders it as text)', async () => {
    await reset('hostile');
    const c = await loggedIn();
    const f = await c.req('GET', '/api/firms/f-6666');
    expect(f.json.name).toBe('<img src=x onerror=alert(1)> Fysio AS');
  });
});
