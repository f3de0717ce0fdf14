/**
 * The portal server's side of "Test og Lagre": talks to the booking vendor (the simulator) the way the real
 * portal would, and writes the connection log with the wording of the portal's help article.
 */
import { BOOKING_SYSTEMS, KNOWN_SERVICE_CODES, type BookingSettings, type LogLine, type VendorKind } from '../data/types.ts';

export interface Profile {
  id: string;
  name: string;
}

type Fetched = { kind: 'ok'; json: unknown } | { kind: 'http'; status: number } | { kind: 'network'; error: string } | { kind: 'garbage' };

async function getJson(url: string, settings: BookingSettings, timeoutMs: number): Promise<Fetched> {
  try {
    const res = await fetch(url, {
      headers: { 'X-Client-Id': settings.clientId, 'X-Client-Secret': settings.key, Accept: 'application/fhir+json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) return { kind: 'http', status: res.status };
    try {
      const json: unknown = JSON.parse(text);
      if (!json || typeof json !== 'object' || (json as { resourceType?: unknown }).resourceType !== 'Bundle') return { kind: 'garbage' };
      return { kind: 'ok', json };
    } catch {
      return { kind: 'garbage' };
    }
  } catch (err) {
    return { kind: 'network', error: err instanceof Error ? err.message : String(err) };
  }
}

interface BundleLike {
  entry?: Array<{ resource?: Record<string, unknown> }>;
}

function resources(json: unknown): Array<Record<string, unknown>> {
  return ((json as BundleLike).entry ?? []).map((e) => e.resource ?? {});
}

interface Connected {
  base: string;
  services: Array<Record<string, unknown>>;
}

/** Finds the setup at the vendor (for Aspit: Physica first, then Psykbase). */
async function connect(vendorUrl: string, settings: BookingSettings, timeoutMs: number): Promise<Connected | null> {
  const system = BOOKING_SYSTEMS.find((s) => s.id === settings.system);
  if (!system || !settings.clientId) return null;
  for (const kind of system.kinds as VendorKind[]) {
    const base = `${vendorUrl}/${kind}/fhir`;
    const r = await getJson(`${base}/HealthcareService?organization=${encodeURIComponent(settings.clientId)}`, settings, timeoutMs);
    if (r.kind === 'ok') return { base, services: resources(r.json) };
    if (!(r.kind === 'http' && r.status === 404)) return null; // only "unknown here" tries the next kind
  }
  return null;
}

function hasKnownService(services: Array<Record<string, unknown>>): boolean {
  return services.some((s) => {
    const types = (s.type as Array<{ coding?: Array<{ code?: string }> }> | undefined) ?? [];
    return types.some((t) => (t.coding ?? []).some((c) => typeof c.code === 'string' && c.code in KNOWN_SERVICE_CODES));
  });
}

interface RoleResult {
  id: string;
  name: string;
  freeSlots: number | null; // null = could not be read
}

async function readRoles(base: string, settings: BookingSettings, timeoutMs: number, now: Date): Promise<RoleResult[] | null> {
  const r = await getJson(`${base}/PractitionerRole?organization=${encodeURIComponent(settings.clientId)}`, settings, timeoutMs);
  if (r.kind !== 'ok') return null;
  const roles = resources(r.json).map((role) => ({
    id: String(role.id ?? ''),
    name: String((role.practitioner as { display?: string } | undefined)?.display ?? role.id ?? ''),
  }));
  const from = now.toISOString();
  const to = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  return Promise.all(
    roles.map(async (role): Promise<RoleResult> => {
      const s = await getJson(`${base}/Schedule?actor=${encodeURIComponent(`PractitionerRole/${role.id}`)}`, settings, timeoutMs);
      if (s.kind !== 'ok') return { ...role, freeSlots: null };
      const schedules = resources(s.json);
      let free = 0;
      for (const sch of schedules) {
        const q = new URLSearchParams({ schedule: `Schedule/${String(sch.id)}`, status: 'free' });
        q.append('start', `ge${from}`);
        q.append('start', `lt${to}`);
        const slots = await getJson(`${base}/Slot?${q.toString()}`, settings, timeoutMs);
        if (slots.kind !== 'ok') return { ...role, freeSlots: null };
        free += resources(slots.json).length;
      }
      return { ...role, freeSlots: free };
    }),
  );
}

export interface TestResult {
  success: boolean;
  log: LogLine[];
}

export async function runBookingTest(vendorUrl: string, settings: BookingSettings, timeoutMs: number, now = new Date()): Promise<TestResult> {
  const log: LogLine[] = [];
  const fail = (): TestResult => {
    log.push({ level: 'RESULT', text: 'Feilet' });
    return { success: false, log };
  };
  const conn = await connect(vendorUrl, settings, timeoutMs);
  if (!conn) {
    log.push({ level: 'ERROR', text: 'ERROR Connecting to booking system' });
    return fail();
  }
  log.push({ level: 'OK', text: 'OK Connecting to booking system' });
  if (!hasKnownService(conn.services)) {
    log.push({ level: 'ERROR', text: 'ERROR Found at least one service with known service code' });
    return fail();
  }
  log.push({ level: 'OK', text: 'OK Found at least one service with known service code' });
  const roles = await readRoles(conn.base, settings, timeoutMs, now);
  if (roles === null) {
    log.push({ level: 'WARNING', text: 'WARNING Could not read practitioners from booking system' });
  } else {
    const withSlots = roles.filter((r) => (r.freeSlots ?? 0) > 0);
    log.push({
      level: withSlots.length > 0 ? 'OK' : 'WARNING',
      text: `${withSlots.length > 0 ? 'OK' : 'WARNING'} Found ${withSlots.length} practitioners with free slots in the next 7 days`,
    });
    for (const r of roles) {
      if (r.freeSlots === 0) log.push({ level: 'WARNING', text: `WARNING No free slots in the next 7 days for ${r.name}` });
      if (r.freeSlots === null) log.push({ level: 'WARNING', text: `WARNING Could not read free slots for ${r.name}` });
    }
  }
  log.push({ level: 'RESULT', text: 'Suksess' });
  return { success: true, log };
}

/** Online Manager's profile list: practitioner roles with free slots in the next 7 days ([] on any failure). */
export async function fetchProfiles(vendorUrl: string, settings: BookingSettings, timeoutMs: number, now = new Date()): Promise<Profile[]> {
  const conn = await connect(vendorUrl, settings, timeoutMs);
  if (!conn) return [];
  const roles = await readRoles(conn.base, settings, timeoutMs, now);
  return (roles ?? []).filter((r) => (r.freeSlots ?? 0) > 0).map((r) => ({ id: r.id, name: r.name }));
}
