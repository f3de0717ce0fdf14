/**
 * Doubles of two public Norwegian registers, served from one Node `http` handler:
 *  - Kartverket address API:   GET /adresser/v1/sok, GET /adresser/v1/punktsok
 *  - Brønnøysund Enhetsregisteret: GET /enhetsregisteret/api/enheter/{orgnr},
 *                                   GET /enhetsregisteret/api/underenheter/{orgnr}
 *  - Test control: POST /__registers/outage?mode=down|500|slow|none
 * See README.md for which response details are guessed.
 */
import type http from 'node:http';
import { BadRequest, punktsok, sok } from './kartverket.ts';
import { lookup } from './brreg.ts';
import type { KartverketError } from './types.ts';

export type * from './types.ts';
export { searchAddresses, findAddresses, toUtm, MAX_TREFF, MAX_TREFF_PER_SIDE } from './kartverket.ts';
export { lookup as lookupBrreg, allEnheter, allUnderenheter, buildEnhet, buildUnderenhet } from './brreg.ts';
export { ADRESSER } from './data/adresser.ts';
export { POSTNUMMER, POSTNUMMER_BY_CODE, POSTNUMMER_FLERE_KOMMUNER, KOMMUNER } from './data/postnummer.ts';
export { ENHETER, UNDERENHETER, FJERNEDE, ORGANISASJONSFORMER, NAERINGSKODER } from './data/enheter.ts';
export { fold, isValidOrgnr } from './text.ts';
export { REGISTER_FIXTURES, GUARANTEED_ADDRESSES } from './fixtures.ts';

export type OutageMode = 'none' | 'down' | '500' | 'slow';

export interface RegistersHandlerOptions {
  /** Extra delay before every register response (ms). Default 0. */
  latencyMs?: number;
  /** Consulted per request; overrides the mode set through POST /__registers/outage unless it returns 'none'. */
  failMode?: () => OutageMode;
  /** Delay used by the 'slow' mode (ms). Default 8000 (longer than typical client timeouts of 5 s). */
  slowMs?: number;
}

const OUTAGE_MODES: ReadonlySet<string> = new Set(['none', 'down', '500', 'slow']);

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, Content-Type, Authorization',
  'access-control-max-age': '3600',
};

function send(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-cache',
    ...CORS_HEADERS,
    ...extra,
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function kartverketError(code: number, message: string): KartverketError {
  return { code, message };
}

/**
 * Create the request handler. Each handler has its own outage state, so parallel test servers
 * do not influence each other.
 */
export function createRegistersHandler(opts: RegistersHandlerOptions = {}): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  let outage: OutageMode = 'none';
  const latencyMs = Math.max(0, opts.latencyMs ?? 0);
  const slowMs = Math.max(0, opts.slowMs ?? 8000);

  const route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const isRegister = path.startsWith('/adresser/v1/') || path.startsWith('/enhetsregisteret/api/');
    if (!isRegister) {
      send(req, res, 404, { code: 404, message: `Fant ikke ressursen ${url.pathname}` });
      return;
    }
    if (req.method === 'OPTIONS') {
      if (res.headersSent) return;
      res.writeHead(204, { ...CORS_HEADERS, 'content-length': '0' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, { code: 405, message: `Metoden ${req.method ?? ''} er ikke tillatt` }, { allow: 'GET, HEAD, OPTIONS' });
      return;
    }
    // ---------------- Kartverket
    if (path === '/adresser/v1/sok' || path === '/adresser/v1/punktsok') {
      try {
        const body = path === '/adresser/v1/sok' ? sok(url.searchParams) : punktsok(url.searchParams);
        send(req, res, 200, body);
      } catch (e) {
        if (e instanceof BadRequest) send(req, res, 400, kartverketError(400, e.message));
        else send(req, res, 500, kartverketError(500, 'Intern feil'));
      }
      return;
    }
    // ---------------- Brønnøysund
    const m = /^\/enhetsregisteret\/api\/(enheter|underenheter)\/([^/]+)$/.exec(path);
    if (m) {
      const kind = m[1] as 'enheter' | 'underenheter';
      const orgnr = decodeURIComponent(m[2] as string);
      const host = req.headers.host ?? 'localhost';
      const result = lookup(kind, orgnr, url.pathname, `http://${host}/enhetsregisteret/api`);
      send(req, res, result.status, result.body);
      return;
    }
    if (path.startsWith('/enhetsregisteret/api')) {
      send(req, res, 404, { timestamp: new Date().toISOString(), status: 404, error: 'Not Found', message: 'No message available', path: url.pathname });
      return;
    }
    send(req, res, 404, kartverketError(404, `Fant ikke ressursen ${url.pathname}`));
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');

    // ---------------- test control
    if (url.pathname === '/__registers/outage') {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...CORS_HEADERS, 'access-control-allow-methods': 'POST, GET, OPTIONS', 'content-length': '0' });
        res.end();
        return;
      }
      if (req.method === 'GET') {
        send(req, res, 200, { mode: outage });
        return;
      }
      if (req.method !== 'POST') {
        send(req, res, 405, { code: 405, message: 'Use POST' }, { allow: 'POST, GET' });
        return;
      }
      const mode = url.searchParams.get('mode') ?? '';
      if (!OUTAGE_MODES.has(mode)) {
        send(req, res, 400, { code: 400, message: `mode must be one of none, down, 500, slow (got '${mode}')` });
        return;
      }
      outage = mode as OutageMode;
      req.resume();
      send(req, res, 200, { mode: outage });
      return;
    }

    const optMode = opts.failMode?.() ?? 'none';
    const mode: OutageMode = optMode !== 'none' ? optMode : outage;
    if (mode === 'down') {
      // connection reset without any response, like an unreachable upstream behind a proxy
      req.socket.destroy();
      return;
    }
    if (mode === '500') {
      const wait = latencyMs;
      setTimeout(() => send(req, res, 500, { code: 500, message: 'Intern feil. Tjenesten er midlertidig utilgjengelig.' }), wait);
      return;
    }
    const delay = latencyMs + (mode === 'slow' ? slowMs : 0);
    if (delay > 0) {
      const timer = setTimeout(() => route(req, res, url), delay);
      res.on('close', () => clearTimeout(timer));
    } else route(req, res, url);
  };
}
