/**
 * The sandbox portal's HTTP handler: the JSON API under /api (docs/portal.md), the sandbox control endpoints
 * under /__sandbox, and the SPA (index.html for every page URL, /app.js, /styles.css).
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { buildScenario, isScenarioName } from '../data/scenarios.ts';
import {
  BOOKING_SYSTEMS,
  FACILITIES,
  PARTNERS,
  TREATMENTS,
  type BookingSystem,
  type Firm,
  type FirmType,
  type Location,
  type PartnerId,
  type Person,
} from '../data/types.ts';
import type { VendorStore } from '../vendors/simulator.ts';
import { fetchProfiles, runBookingTest } from './booking-test.ts';
import type { PortalStore } from './store.ts';

export interface ClientAssets {
  html: string;
  css: string;
  js: () => Promise<string>;
}

export interface PortalContext {
  store: PortalStore;
  vendorStore: VendorStore;
  vendorUrl: () => string;
  registerUrl: () => string;
  assets: ClientAssets;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

const FIRM_TYPE_NAMES: Record<FirmType, string> = {
  invoicing: 'Fakturerende firma',
  'co-invoicing': 'Fellesfakturerende lokasjon / selvstendig firma',
  'shared-location': 'Delt lokasjon',
};

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface FailNext {
  status: number;
  method: 'write' | 'any';
}

export function createPortalHandler(ctx: PortalContext): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const sessions = new Set<string>();
  let failNext: FailNext | null = null;
  const { store } = ctx;

  function newSession(res: http.ServerResponse): void {
    const token = randomBytes(16).toString('hex');
    sessions.add(token);
    res.setHeader('Set-Cookie', `bn_session=${token}; Path=/; HttpOnly; SameSite=Lax`);
  }

  function sessionOf(req: http.IncomingMessage): string | null {
    const cookie = req.headers.cookie ?? '';
    const m = /(?:^|;\s*)bn_session=([^;]*)/.exec(cookie);
    return m ? (m[1] ?? '') : null;
  }

  async function delay(): Promise<void> {
    const [min, max] = store.options.delayMs;
    const ms = min + Math.random() * Math.max(0, max - min);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  return (req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        json(res, err.status, err.fields ? { message: err.message, fields: err.fields } : { message: err.message });
      } else {
        console.error('[sandbox portal]', err);
        json(res, 500, { message: 'Noe gikk galt. Prøv igjen senere.' });
      }
    });
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://portal.local');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path.startsWith('/__sandbox/')) return control(req, res, url);
    if (path === '/app.js') return text(res, 200, await ctx.assets.js(), 'text/javascript; charset=utf-8');
    if (path === '/styles.css') return text(res, 200, ctx.assets.css, 'text/css; charset=utf-8');
    if (path === '/favicon.ico') return text(res, 204, '', 'image/x-icon');
    if (!path.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD') return text(res, 405, 'Method not allowed', 'text/plain');
      // First visit (no cookie at all): the admin is logged in automatically.
      if (sessionOf(req) === null) newSession(res);
      return text(res, 200, ctx.assets.html, 'text/html; charset=utf-8');
    }

    const body = method === 'GET' || method === 'DELETE' || method === 'HEAD' ? {} : await readJson(req);
    await delay();

    if (path === '/api/login' && method === 'POST') {
      newSession(res);
      return json(res, 200, { name: store.admin.name, email: store.admin.email });
    }
    const token = sessionOf(req);
    if (token === null || !sessions.has(token)) throw new HttpError(401, 'Økten din er utløpt. Logg inn på nytt.');
    if (failNext && (failNext.method === 'any' || method !== 'GET')) {
      const status = failNext.status;
      failNext = null;
      throw new HttpError(status, status >= 500 ? 'Noe gikk galt. Prøv igjen senere.' : 'Forespørselen feilet.');
    }
    return api(req, res, url, method, body);
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    const q = url.searchParams;
    if (p === '/__sandbox/state' && req.method === 'GET') {
      return json(res, 200, { ...(store.dump() as object), vendorSetups: [...ctx.vendorStore.setups.values()], sessions: sessions.size, failNext });
    }
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    switch (p) {
      case '/__sandbox/reset': {
        const name = q.get('scenario') ?? 'default';
        if (!isScenarioName(name)) throw new HttpError(400, `Unknown scenario: ${name}`);
        const s = buildScenario(name);
        store.load(s);
        ctx.vendorStore.load(s.vendorSetups);
        failNext = null;
        applyDelay(q.get('delay'));
        return json(res, 200, { scenario: name, options: store.options });
      }
      case '/__sandbox/delay':
        applyDelay(q.get('ms') ?? q.get('delay'), q.get('max'));
        return json(res, 200, { options: store.options });
      case '/__sandbox/options': {
        const body = (await readJson(req)) as { delayMs?: [number, number]; bookingTimeoutMs?: number };
        if (Array.isArray(body.delayMs)) store.options.delayMs = [Number(body.delayMs[0]), Number(body.delayMs[1])];
        if (typeof body.bookingTimeoutMs === 'number') store.options.bookingTimeoutMs = body.bookingTimeoutMs;
        return json(res, 200, { options: store.options });
      }
      case '/__sandbox/session/expire':
        sessions.clear();
        return json(res, 200, { expired: true });
      case '/__sandbox/fail-next': {
        const status = Number(q.get('status') ?? '500');
        failNext = { status: Number.isInteger(status) && status >= 400 && status < 600 ? status : 500, method: q.get('method') === 'any' ? 'any' : 'write' };
        return json(res, 200, { failNext });
      }
      default:
        throw new HttpError(404, 'Unknown sandbox endpoint');
    }
  }

  function applyDelay(min: string | null, max?: string | null): void {
    if (min === null || min === '') return;
    const a = Math.max(0, Number(min) || 0);
    const b = max ? Math.max(a, Number(max) || 0) : a;
    store.options.delayMs = [a, b];
  }

  // ------------------------------------------------------------------ API

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, method: string, body: Record<string, unknown>): Promise<void> {
    const parts = url.pathname.split('/').filter(Boolean).slice(1).map(decodeURIComponent); // drop "api"
    const [a, id, b, c] = parts;

    if (a === 'me' && parts.length === 1 && method === 'GET') return json(res, 200, store.admin);
    if (a === 'adresser' && parts.length === 1 && method === 'GET') return json(res, 200, await searchAddresses(url.searchParams.get('sok') ?? ''));

    if (a === 'firms') {
      if (parts.length === 1 && method === 'GET') {
        return json(
          res,
          200,
          [...store.firms.values()].map((f) => ({ id: f.id, name: f.name, orgnr: f.orgnr, type: f.type, locationCount: store.locationsOf(f.id).length })),
        );
      }
      const firm = store.firms.get(id ?? '');
      if (!firm) throw new HttpError(404, 'Fant ikke firmaet');
      if (parts.length === 2 && method === 'GET') return json(res, 200, firmDto(firm));
      if (parts.length === 2 && method === 'PUT') return json(res, 200, firmDto(saveFirm(firm, body)));
      if (b === 'agreements' && c && parts.length === 4 && method === 'POST') {
        if (!PARTNERS.some((x) => x.id === c)) throw new HttpError(404, 'Ukjent partner');
        const pid = c as PartnerId;
        if (firm.agreements[pid] === 'none') firm.agreements[pid] = 'applied';
        return json(res, 200, { partnerId: pid, partnerName: partnerName(pid), state: firm.agreements[pid] });
      }
    }

    if (a === 'locations') {
      const loc = store.locations.get(id ?? '');
      if (!loc) throw new HttpError(404, 'Fant ikke lokasjonen');
      if (parts.length === 2 && method === 'GET') return json(res, 200, locationDto(loc));
      if (parts.length === 2 && method === 'PUT') return json(res, 200, locationDto(saveLocation(loc, body)));
      if (b === 'booking') {
        if (parts.length === 3 && method === 'GET') return json(res, 200, bookingDto(loc));
        if (parts.length === 3 && method === 'PUT') {
          applyBooking(loc, body);
          return json(res, 200, bookingDto(loc));
        }
        if (c === 'test' && parts.length === 4 && method === 'POST') {
          if (Object.keys(body).length > 0) applyBooking(loc, body);
          if (!loc.booking.system) throw new HttpError(422, 'Velg bookingsystem', { system: 'Velg bookingsystem' });
          const result = await runBookingTest(ctx.vendorUrl(), loc.booking, store.options.bookingTimeoutMs);
          const testedAt = new Date().toISOString();
          loc.booking.lastTestedAt = testedAt;
          loc.booking.lastResult = result.success ? 'success' : 'failure';
          loc.booking.lastLog = result.log;
          return json(res, 200, { success: result.success, log: result.log, testedAt });
        }
      }
      if (b === 'online-manager' && parts.length === 3) {
        if (method === 'PUT') saveLinks(loc, body);
        if (method === 'GET' || method === 'PUT') return json(res, 200, await onlineManagerDto(loc));
      }
      if (b === 'people' && c && parts.length === 4) {
        const person = store.people.get(c);
        if (!person || person.locationId !== loc.id) throw new HttpError(404, 'Fant ikke personen');
        if (method === 'GET') return json(res, 200, personDto(person));
        if (method === 'PUT') return json(res, 200, personDto(savePerson(person, body)));
        if (method === 'DELETE') {
          store.people.delete(person.id);
          delete loc.links[person.id];
          loc.version++;
          res.writeHead(204).end();
          return;
        }
      }
      if (b === 'invitations' && parts.length === 3) {
        if (method === 'GET') return json(res, 200, loc.invitations);
        if (method === 'POST') {
          const email = String(body.email ?? '').trim();
          if (!email) throw new HttpError(422, 'E-post må fylles ut', { email: 'E-post må fylles ut' });
          // The real portal reports success whatever the address (support article 101000436536).
          const inv = { email, sentAt: new Date().toISOString(), status: 'Venter på svar' };
          loc.invitations.unshift(inv);
          return json(res, 201, { message: `Invitasjonen er sendt til ${email}`, invitation: inv });
        }
      }
    }
    void req;
    throw new HttpError(404, 'Ukjent adresse');
  }

  // ------------------------------------------------------------------ DTOs

  function partnerName(id: PartnerId): string {
    return PARTNERS.find((p) => p.id === id)?.name ?? id;
  }

  function systemName(s: BookingSystem | null): string | null {
    return BOOKING_SYSTEMS.find((x) => x.id === s)?.name ?? null;
  }

  function firmDto(f: Firm): unknown {
    return {
      id: f.id,
      name: f.name,
      orgnr: f.orgnr,
      type: f.type,
      typeName: FIRM_TYPE_NAMES[f.type],
      website: f.website,
      invoiceEmail: f.invoiceEmail,
      phone: f.phone,
      address: f.address,
      version: f.version,
      locations: store.locationsOf(f.id).map((l) => ({
        id: l.id,
        name: l.name,
        address: formatAddress(l),
        bookingSystem: systemName(l.booking.system),
      })),
      agreements: PARTNERS.map((p) => ({ partnerId: p.id, partnerName: p.name, state: f.agreements[p.id] })),
    };
  }

  function locationDto(l: Location): unknown {
    const firm = store.firms.get(l.firmId);
    return {
      id: l.id,
      firmId: l.firmId,
      firmName: firm?.name ?? '',
      name: l.name,
      street: l.street,
      postalCode: l.postalCode,
      postalPlace: l.postalPlace,
      municipality: l.municipality,
      mobile: l.mobile,
      phone: l.phone,
      email: l.email,
      facilities: l.facilities,
      treatments: l.treatments,
      version: l.version,
      people: store.peopleOf(l.id).map((p) => ({ id: p.id, name: p.name, title: p.title, role: p.role })),
      booking: bookingDto(l),
      options: { facilities: FACILITIES, treatments: TREATMENTS },
    };
  }

  function bookingDto(l: Location): unknown {
    return {
      system: l.booking.system,
      systemName: systemName(l.booking.system),
      clientId: l.booking.clientId,
      hasKey: l.booking.key !== '',
      lastTestedAt: l.booking.lastTestedAt,
      lastResult: l.booking.lastResult,
      lastLog: l.booking.lastLog,
    };
  }

  function personDto(p: Person): unknown {
    const loc = store.locations.get(p.locationId);
    return { ...p, locationName: loc?.name ?? '' };
  }

  async function onlineManagerDto(l: Location): Promise<unknown> {
    const configured = l.booking.system !== null && l.booking.clientId !== '';
    const profiles = configured ? await fetchProfiles(ctx.vendorUrl(), l.booking, Math.min(store.options.bookingTimeoutMs, 4000)) : [];
    return {
      bookingConfigured: configured,
      practitioners: store
        .peopleOf(l.id)
        .filter((p) => p.role === 'Behandler')
        .map((p) => ({ personId: p.id, name: p.name, profileId: l.links[p.id] ?? null })),
      profiles,
    };
  }

  // ------------------------------------------------------------------ mutations

  function checkVersion(current: number, body: Record<string, unknown>, what: string): void {
    if (body.version === undefined) throw new HttpError(422, 'Versjon mangler', { version: 'Versjon mangler' });
    if (Number(body.version) !== current) {
      throw new HttpError(409, `Noen andre har lagret endringer på ${what}. Last inn siden på nytt.`);
    }
  }

  function str(body: Record<string, unknown>, key: string, fallback: string): string {
    const v = body[key];
    if (v === undefined || v === null) return fallback;
    return String(v).trim();
  }

  function saveFirm(f: Firm, body: Record<string, unknown>): Firm {
    checkVersion(f.version, body, 'dette firmaet');
    const next = {
      name: str(body, 'name', f.name),
      orgnr: str(body, 'orgnr', f.orgnr).replace(/\s+/g, ''),
      website: str(body, 'website', f.website),
      invoiceEmail: str(body, 'invoiceEmail', f.invoiceEmail),
      phone: str(body, 'phone', f.phone),
      address: str(body, 'address', f.address),
    };
    const fields: Record<string, string> = {};
    if (!next.name) fields.name = 'Navn må fylles ut';
    if (!/^\d{9}$/.test(next.orgnr)) fields.orgnr = 'Organisasjonsnummer må bestå av 9 siffer';
    if (next.invoiceEmail && !EMAIL_RE.test(next.invoiceEmail)) fields.invoiceEmail = 'Ugyldig e-postadresse';
    if (Object.keys(fields).length) throw new HttpError(422, 'Skjemaet inneholder feil', fields);
    Object.assign(f, next);
    f.version++;
    return f;
  }

  function list(body: Record<string, unknown>, key: string, fallback: string[], allowed: readonly string[], label: string, fields: Record<string, string>): string[] {
    const v = body[key];
    if (v === undefined) return fallback;
    if (!Array.isArray(v)) {
      fields[key] = `Ugyldig verdi for ${label}`;
      return fallback;
    }
    const values = [...new Set(v.map(String))];
    const unknown = values.filter((x) => !allowed.includes(x));
    if (unknown.length) fields[key] = `Ukjent ${label}: ${unknown.join(', ')}`;
    return values;
  }

  function saveLocation(l: Location, body: Record<string, unknown>): Location {
    checkVersion(l.version, body, 'denne lokasjonen');
    const fields: Record<string, string> = {};
    const next = {
      name: str(body, 'name', l.name),
      street: str(body, 'street', l.street),
      postalCode: str(body, 'postalCode', l.postalCode),
      postalPlace: str(body, 'postalPlace', l.postalPlace),
      municipality: str(body, 'municipality', l.municipality),
      mobile: str(body, 'mobile', l.mobile),
      phone: str(body, 'phone', l.phone),
      email: str(body, 'email', l.email),
      facilities: list(body, 'facilities', l.facilities, FACILITIES, 'fasilitet', fields),
      treatments: list(body, 'treatments', l.treatments, TREATMENTS, 'behandlingstilbud', fields),
    };
    if (!next.name) fields.name = 'Navn må fylles ut';
    if (next.postalCode && !/^\d{4}$/.test(next.postalCode)) fields.postalCode = 'Postnummer må bestå av 4 siffer';
    if (next.email && !EMAIL_RE.test(next.email)) fields.email = 'Ugyldig e-postadresse';
    if (Object.keys(fields).length) throw new HttpError(422, 'Skjemaet inneholder feil', fields);
    Object.assign(l, next);
    l.version++;
    return l;
  }

  function applyBooking(l: Location, body: Record<string, unknown>): void {
    const system = body.system === null || body.system === '' ? null : String(body.system ?? l.booking.system ?? '');
    if (system !== null && !BOOKING_SYSTEMS.some((s) => s.id === system)) {
      throw new HttpError(422, 'Skjemaet inneholder feil', { system: 'Ukjent bookingsystem' });
    }
    l.booking.system = system as BookingSystem | null;
    if (body.clientId !== undefined) l.booking.clientId = String(body.clientId).trim();
    // The key is write-only: an empty/missing key keeps the stored one.
    if (typeof body.key === 'string' && body.key.trim() !== '') l.booking.key = body.key.trim();
  }

  function saveLinks(l: Location, body: Record<string, unknown>): void {
    const rows = body.practitioners ?? body.links;
    if (!Array.isArray(rows)) throw new HttpError(422, 'Ugyldige koblinger', { practitioners: 'Mangler liste over koblinger' });
    const next: Record<string, string> = { ...l.links };
    for (const row of rows as Array<{ personId?: unknown; profileId?: unknown }>) {
      const pid = String(row.personId ?? '');
      const person = store.people.get(pid);
      if (!person || person.locationId !== l.id) throw new HttpError(422, `Ukjent behandler: ${pid}`, { practitioners: `Ukjent behandler: ${pid}` });
      if (row.profileId === null || row.profileId === undefined || row.profileId === '') delete next[pid];
      else next[pid] = String(row.profileId);
    }
    l.links = next;
  }

  function savePerson(p: Person, body: Record<string, unknown>): Person {
    if (body.version !== undefined && Number(body.version) !== p.version) {
      throw new HttpError(409, 'Noen andre har lagret endringer på denne personen. Last inn siden på nytt.');
    }
    p.title = str(body, 'title', p.title);
    p.phone = str(body, 'phone', p.phone);
    p.version++;
    return p;
  }

  async function searchAddresses(sok: string): Promise<unknown> {
    if (sok.trim().length < 2) return { results: [] };
    const u = `${ctx.registerUrl()}/adresser/v1/sok?sok=${encodeURIComponent(sok)}&fuzzy=true&treffPerSide=10&side=0`;
    try {
      const r = await fetch(u, { signal: AbortSignal.timeout(5000) });
      if (!r.ok) return { results: [] };
      const data = (await r.json()) as { adresser?: Array<Record<string, unknown>> };
      return {
        results: (data.adresser ?? []).map((a) => {
          const point = a.representasjonspunkt as { lat?: number; lon?: number } | undefined;
          return {
            text: `${String(a.adressetekst)}, ${String(a.postnummer)} ${String(a.poststed)}`,
            street: String(a.adressetekst ?? ''),
            postalCode: String(a.postnummer ?? ''),
            postalPlace: String(a.poststed ?? ''),
            municipality: String(a.kommunenavn ?? ''),
            municipalityNumber: String(a.kommunenummer ?? ''),
            lat: point?.lat ?? null,
            lon: point?.lon ?? null,
          };
        }),
      };
    } catch {
      return { results: [] };
    }
  }
}

export function formatAddress(l: Pick<Location, 'street' | 'postalCode' | 'postalPlace'>): string {
  return [l.street, [l.postalCode, l.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  text(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

function text(res: http.ServerResponse, status: number, body: string, type: string): void {
  if (res.writableEnded) return;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8').trim();
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new HttpError(400, 'Ugyldig JSON');
}
