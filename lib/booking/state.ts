/**
 * The booking companion's state as the background stores it (`storage.local`, key BOOKING_STATE_KEY) and
 * the side panel and popup read it (and watch it: results appear as they arrive). One versioned key,
 * parsed on every read; a broken value reads as empty, never as a crash.
 */
import type { AuditResult } from './audit';
import { parseHistory, type History } from './history';

export const BOOKING_STATE_KEY = 'booking.v1';

export interface DirectoryLocation {
  id: string;
  name: string;
  firmId: string;
  firmName: string;
  /** Booking system as the portal names it, or null when not set up. */
  system: string | null;
}

/** Whether the portal answered the last time the background asked (drives "log in" / "offline" notices). */
export type PortalReach = 'ok' | 'session-expired' | 'offline' | 'error' | 'unknown';

export interface RunProgress {
  running: boolean;
  done: number;
  total: number;
  startedAt: number;
  finishedAt?: number;
  cancelled?: boolean;
}

export interface BookingState {
  /** The portal origin the data belongs to. */
  origin: string;
  locations: DirectoryLocation[];
  /** The last 30 checks per location (lib/booking/history.ts). */
  history: History;
  /** Online Manager audit per location, from the latest check. */
  audits: Record<string, { at: number; audit: AuditResult }>;
  run: RunProgress | null;
  reach: PortalReach;
  /** When the directory was last read from the portal. */
  readAt: number | null;
}

export const EMPTY_BOOKING_STATE: BookingState = { origin: '', locations: [], history: {}, audits: {}, run: null, reach: 'unknown', readAt: null };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 500): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);

export function parseBookingState(raw: unknown): BookingState {
  if (!isObj(raw)) return EMPTY_BOOKING_STATE;
  const locations: DirectoryLocation[] = [];
  if (Array.isArray(raw.locations)) {
    for (const l of raw.locations.slice(0, 5000)) {
      if (!isObj(l)) continue;
      const id = str(l.id, 64);
      const name = str(l.name);
      const firmId = str(l.firmId, 64);
      const firmName = str(l.firmName);
      if (!id || name === undefined || !firmId || firmName === undefined) continue;
      locations.push({ id, name, firmId, firmName, system: str(l.system, 200) ?? null });
    }
  }
  const audits: BookingState['audits'] = {};
  if (isObj(raw.audits)) {
    for (const [id, a] of Object.entries(raw.audits)) {
      if (isObj(a) && typeof a.at === 'number' && isObj(a.audit) && Array.isArray(a.audit.findings)) audits[id] = a as BookingState['audits'][string];
    }
  }
  const r = raw.run;
  const run: RunProgress | null =
    isObj(r) && typeof r.running === 'boolean' && typeof r.done === 'number' && typeof r.total === 'number' && typeof r.startedAt === 'number'
      ? {
          running: r.running,
          done: r.done,
          total: r.total,
          startedAt: r.startedAt,
          ...(typeof r.finishedAt === 'number' ? { finishedAt: r.finishedAt } : {}),
          ...(r.cancelled === true ? { cancelled: true } : {}),
        }
      : null;
  const reach = (['ok', 'session-expired', 'offline', 'error', 'unknown'] as const).find((x) => x === raw.reach) ?? 'unknown';
  return {
    origin: str(raw.origin, 200) ?? '',
    locations,
    history: parseHistory(raw.history),
    audits,
    run,
    reach,
    readAt: typeof raw.readAt === 'number' ? raw.readAt : null,
  };
}
