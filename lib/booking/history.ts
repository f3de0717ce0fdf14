// History of booking checks: the last 30 results per location, sparkline data, and the worst status across
// locations for the toolbar badge. Pure; the background stores the History object as it is.
import { z } from 'zod/mini';
import { severityOf } from './status';
import type { CheckResult } from './runner';
import { CHECK_STATUSES, type CheckStatus, type Severity } from './types';

export const HISTORY_LIMIT = 30;

/** By location id: results oldest first, at most {@link HISTORY_LIMIT}. */
export type History = Readonly<Record<string, readonly CheckResult[]>>;

/**
 * Adds a result to the location's history, in startedAt order (a late-arriving older result goes in its place,
 * never at the end); the same startedAt replaces the entry. Cancelled checks are not history.
 * Returns the same object when nothing changes.
 */
export function addToHistory(history: History, result: CheckResult, limit = HISTORY_LIMIT): History {
  if (result.status === 'cancelled') return history;
  const current = Object.hasOwn(history, result.locationId) ? history[result.locationId]! : [];
  const others = current.filter((r) => r.startedAt !== result.startedAt);
  let index = others.length;
  while (index > 0 && others[index - 1]!.startedAt > result.startedAt) index--;
  const next = [...others.slice(0, index), result, ...others.slice(index)];
  const kept = next.length > limit ? next.slice(next.length - limit) : next;
  if (!kept.includes(result)) return history; // older than everything kept
  return { ...history, [result.locationId]: kept };
}

/** The newest result of a location, if any. */
export function latestOf(history: History, locationId: string): CheckResult | undefined {
  const list = Object.hasOwn(history, locationId) ? history[locationId]! : [];
  return list[list.length - 1];
}

/** Forgets locations no longer administered. */
export function pruneHistory(history: History, keepLocationIds: Iterable<string>): History {
  const keep = new Set(keepLocationIds);
  const entries = Object.entries(history).filter(([id]) => keep.has(id));
  return entries.length === Object.keys(history).length ? history : Object.fromEntries(entries);
}

export interface SparkPoint {
  readonly at: number;
  readonly status: CheckStatus;
  /** 1 ok, 0.5 partial, 0 failed; null when the check said nothing about booking (a gap in the line). */
  readonly value: number | null;
}

const SPARK_VALUE: Readonly<Record<Severity, number | null>> = { ok: 1, warning: 0.5, error: 0, unknown: null };

/** Sparkline points for one location, oldest first. */
export function sparkline(results: readonly CheckResult[]): SparkPoint[] {
  return results.map((r) => ({ at: r.startedAt, status: r.status, value: SPARK_VALUE[severityOf(r.status)] }));
}

const RANK: Readonly<Record<Severity, number>> = { ok: 0, unknown: 1, warning: 2, error: 3 };

/** The worse of two severities: error > warning > unknown > ok. */
export function worseSeverity(a: Severity, b: Severity): Severity {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * Worst status across locations, for the toolbar badge: the latest conclusive result of each location counts
 * (a cancelled/offline/timeout check after a real one does not hide it). A location with no conclusive result
 * is `unknown`; no locations at all is `unknown`.
 */
export function worstSeverity(history: History, locationIds?: Iterable<string>): Severity {
  const ids = locationIds ? [...locationIds] : Object.keys(history);
  if (ids.length === 0) return 'unknown';
  let worst: Severity = 'ok';
  for (const id of ids) {
    const list = Object.hasOwn(history, id) ? history[id]! : [];
    let severity: Severity = 'unknown';
    for (let i = list.length - 1; i >= 0; i--) {
      const s = severityOf(list[i]!.status);
      if (s !== 'unknown') {
        severity = s;
        break;
      }
    }
    worst = worseSeverity(worst, severity);
  }
  return worst;
}

/** Worst severity of a plain list of statuses (e.g. the latest run). Empty -> unknown. */
export function worstOfStatuses(statuses: Iterable<CheckStatus>): Severity {
  let worst: Severity | null = null;
  for (const s of statuses) worst = worst === null ? severityOf(s) : worseSeverity(worst, severityOf(s));
  return worst ?? 'unknown';
}

// ------------------------------------------------------------------ storage

const CheckResultSchema = z.object({
  locationId: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/)),
  status: z.enum(CHECK_STATUSES),
  startedAt: z.number(),
  finishedAt: z.number(),
  attempts: z.number(),
  log: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(1000)),
  withoutSlots: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(500)),
  portalStatus: z.optional(z.number()),
  testedAt: z.optional(z.string().check(z.maxLength(60))),
});

/** Reads a stored History; entries that do not parse are dropped (never throws). */
export function parseHistory(stored: unknown): History {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const out: Record<string, CheckResult[]> = {};
  for (const [id, list] of Object.entries(stored as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const ok: CheckResult[] = [];
    for (const item of list.slice(-HISTORY_LIMIT)) {
      const parsed = CheckResultSchema.safeParse(item);
      if (parsed.success && parsed.data.locationId === id) ok.push(parsed.data);
    }
    if (ok.length > 0) out[id] = ok.sort((a, b) => a.startedAt - b.startedAt);
  }
  return out;
}
