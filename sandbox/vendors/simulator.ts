/**
 * Booking-vendor simulator: a FHIR-R4-scheduling-flavoured API per vendor kind.
 *
 *   GET /{kind}/fhir/HealthcareService?organization={setupId}
 *   GET /{kind}/fhir/PractitionerRole?organization={setupId}
 *   GET /{kind}/fhir/Schedule?actor=PractitionerRole/{id}
 *   GET /{kind}/fhir/Slot?schedule=Schedule/{id}&status=free&start=ge{iso}&start=lt{iso}
 *
 * kind = physica | psykbase | pasientsky | konfidens. Auth: headers X-Client-Id (= setup id) and
 * X-Client-Secret. Each setup has a failure `mode` (see VendorFailureMode in ../data/types.ts).
 *
 * Control API (sandbox only): GET /__vendor/setups, POST /__vendor/setups (upsert, partial allowed for
 * existing ids), DELETE /__vendor/setups/{id}.
 */
import type http from 'node:http';
import { KNOWN_SERVICE_CODES, SERVICE_CODE_SYSTEM, type VendorKind, type VendorSetup } from '../data/types.ts';

const KINDS: readonly VendorKind[] = ['physica', 'psykbase', 'pasientsky', 'konfidens'];

export class VendorStore {
  setups = new Map<string, VendorSetup>();

  constructor(setups: VendorSetup[] = []) {
    this.load(setups);
  }

  load(setups: VendorSetup[]): void {
    this.setups.clear();
    for (const s of setups) this.setups.set(s.id, structuredClone(s));
  }

  upsert(input: Partial<VendorSetup> & { id: string }): VendorSetup {
    const existing = this.setups.get(input.id);
    const merged: VendorSetup = {
      kind: 'physica',
      clientSecret: '',
      mode: 'ok',
      latencyMs: 0,
      services: [],
      practitioners: [],
      ...existing,
      ...input,
    };
    this.setups.set(merged.id, merged);
    return merged;
  }

  /** Finds the setup owning a practitioner role id. */
  byPractitioner(kind: VendorKind, prId: string): VendorSetup | undefined {
    for (const s of this.setups.values()) {
      if (s.kind === kind && s.practitioners.some((p) => p.id === prId)) return s;
    }
    return undefined;
  }
}

interface SlotResource {
  resourceType: 'Slot';
  id: string;
  schedule: { reference: string };
  status: 'free' | 'busy';
  start: string;
  end: string;
}

/** Deterministic slots for a practitioner: `free` free slots spread over the next 7 days, plus busy ones. */
export function slotsFor(prId: string, free: number, now: Date = new Date()): SlotResource[] {
  const out: SlotResource[] = [];
  const day0 = new Date(now);
  day0.setUTCHours(0, 0, 0, 0);
  const total = free + 3;
  for (let i = 0; i < total; i++) {
    const day = 1 + (i % 6); // tomorrow .. +6 days
    const hour = 8 + Math.floor(i / 6) + (i % 3);
    const start = new Date(day0.getTime() + day * 86_400_000 + hour * 3_600_000);
    const end = new Date(start.getTime() + 45 * 60_000);
    out.push({
      resourceType: 'Slot',
      id: `slot-${prId}-${i}`,
      schedule: { reference: `Schedule/sch-${prId}` },
      status: i < free ? 'free' : 'busy',
      start: start.toISOString(),
      end: end.toISOString(),
    });
  }
  return out;
}

function bundle(resources: unknown[], base: string): unknown {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((r) => ({ fullUrl: `${base}/${(r as { resourceType: string; id: string }).resourceType}/${(r as { id: string }).id}`, resource: r })),
  };
}

function outcome(code: string, text: string): unknown {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] };
}

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/fhir+json; charset=utf-8'): void {
  if (res.writableEnded || res.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createVendorHandler(store: VendorStore): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  return (req, res) => {
    handle(store, req, res).catch((err: unknown) => {
      send(res, 500, outcome('exception', String(err)));
    });
  };
}

async function handle(store: VendorStore, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://vendor.local');
  const parts = url.pathname.split('/').filter(Boolean);

  if (parts[0] === '__vendor' && parts[1] === 'setups') {
    if (req.method === 'GET') return send(res, 200, [...store.setups.values()], 'application/json');
    if (req.method === 'POST') {
      let input: unknown;
      try {
        input = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, { message: 'Invalid JSON' }, 'application/json');
      }
      const list = Array.isArray(input) ? input : [input];
      const saved = list.map((s) => store.upsert(s as VendorSetup));
      return send(res, 200, saved, 'application/json');
    }
    if (req.method === 'DELETE' && parts[2]) {
      store.setups.delete(decodeURIComponent(parts[2]));
      return send(res, 204, '', 'application/json');
    }
    return send(res, 405, { message: 'Method not allowed' }, 'application/json');
  }

  const kind = parts[0] as VendorKind;
  if (!KINDS.includes(kind) || parts[1] !== 'fhir' || parts.length !== 3) {
    return send(res, 404, outcome('not-found', 'Unknown endpoint'));
  }
  if (req.method !== 'GET') return send(res, 405, outcome('not-supported', 'Only GET (search) is supported'));
  const resourceType = parts[2];
  const base = `http://${req.headers.host ?? 'localhost'}/${kind}/fhir`;

  // Find the setup the request is about.
  let setup: VendorSetup | undefined;
  const org = url.searchParams.get('organization');
  if (org !== null) {
    setup = store.setups.get(org);
  } else if (resourceType === 'Schedule') {
    const actor = (url.searchParams.get('actor') ?? '').replace(/^PractitionerRole\//, '');
    setup = store.byPractitioner(kind, actor);
  } else if (resourceType === 'Slot') {
    const sch = (url.searchParams.get('schedule') ?? '').replace(/^Schedule\//, '').replace(/^sch-/, '');
    setup = store.byPractitioner(kind, sch);
  }
  // A setup registered at another vendor kind is as unknown as a missing one.
  if (setup && setup.kind !== kind) setup = undefined;

  if (setup) {
    switch (setup.mode) {
      case 'refused':
        req.socket.destroy();
        return;
      case 'hang':
        return; // never answer; the server's close() destroys the socket
      case 'slow':
        await sleep(setup.latencyMs);
        break;
      default:
        if (setup.latencyMs > 0) await sleep(setup.latencyMs);
    }
    if (setup.mode === 'server-error') {
      return send(res, 500, '<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>', 'text/html; charset=utf-8');
    }
    if (setup.mode === 'garbage') {
      return send(res, 200, '<!DOCTYPE html><html><body><p>Vedlikehold pågår. Prøv igjen senere.</p></body></html>', 'text/html; charset=utf-8');
    }
  }

  const clientId = headerValue(req, 'x-client-id');
  const secret = headerValue(req, 'x-client-secret');
  if (!clientId || !secret) return send(res, 401, outcome('login', 'Missing X-Client-Id / X-Client-Secret'));
  if (!setup) return send(res, 404, outcome('not-found', 'Unknown organization / booking setup'));
  if (setup.mode === 'not-found') return send(res, 404, outcome('not-found', 'Unknown organization / booking setup'));
  if (setup.mode === 'wrong-keys' || clientId !== setup.id || secret !== setup.clientSecret) {
    return send(res, 401, outcome('security', 'Invalid client credentials'));
  }

  switch (resourceType) {
    case 'HealthcareService': {
      const services = setup.services.map((s) => ({
        resourceType: 'HealthcareService',
        id: s.id,
        active: true,
        providedBy: { reference: `Organization/${setup.id}` },
        type: [
          {
            coding: [
              {
                system: SERVICE_CODE_SYSTEM,
                code: setup.mode === 'no-known-service' && s.code in KNOWN_SERVICE_CODES ? `X-${s.code}` : s.code,
                display: s.display,
              },
            ],
          },
        ],
        name: s.display,
      }));
      return send(res, 200, bundle(services, base));
    }
    case 'PractitionerRole': {
      const roles = setup.practitioners.map((p) => ({
        resourceType: 'PractitionerRole',
        id: p.id,
        active: true,
        organization: { reference: `Organization/${setup.id}` },
        practitioner: { reference: `Practitioner/${p.id}`, display: p.displayName },
        healthcareService: setup.services.map((s) => ({ reference: `HealthcareService/${s.id}` })),
      }));
      return send(res, 200, bundle(roles, base));
    }
    case 'Schedule': {
      const actor = (url.searchParams.get('actor') ?? '').replace(/^PractitionerRole\//, '');
      const p = setup.practitioners.find((x) => x.id === actor);
      const schedules = p
        ? [
            {
              resourceType: 'Schedule',
              id: `sch-${p.id}`,
              active: true,
              actor: [{ reference: `PractitionerRole/${p.id}`, display: p.displayName }],
            },
          ]
        : [];
      return send(res, 200, bundle(schedules, base));
    }
    case 'Slot': {
      const sch = (url.searchParams.get('schedule') ?? '').replace(/^Schedule\//, '').replace(/^sch-/, '');
      const p = setup.practitioners.find((x) => x.id === sch);
      let slots = p ? slotsFor(p.id, p.freeSlots) : [];
      const status = url.searchParams.get('status');
      if (status) slots = slots.filter((s) => s.status === status);
      for (const v of url.searchParams.getAll('start')) {
        const m = /^(ge|gt|le|lt|eq)?(.+)$/.exec(v);
        if (!m) continue;
        const t = Date.parse(m[2] ?? '');
        if (Number.isNaN(t)) return send(res, 400, outcome('invalid', `Bad start parameter: ${v}`));
        const op = m[1] ?? 'eq';
        slots = slots.filter((s) => {
          const st = Date.parse(s.start);
          return op === 'ge' ? st >= t : op === 'gt' ? st > t : op === 'le' ? st <= t : op === 'lt' ? st < t : st === t;
        });
      }
      return send(res, 200, bundle(slots, base));
    }
    default:
      return send(res, 404, outcome('not-supported', `Unknown resource type ${resourceType ?? ''}`));
  }
}

function headerValue(req: http.IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
