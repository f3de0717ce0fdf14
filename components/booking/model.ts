// Pure view model of the booking companion's UI: grouping, ordering, sparkline summary, log steps.
// No extension API here (the store in store.ts reads storage).
import { latestOf, type History } from '../../lib/booking/history';
import type { CheckResult } from '../../lib/booking/runner';
import type { DirectoryLocation } from '../../lib/booking/state';
import { severityOf } from '../../lib/booking/status';
import type { Severity } from '../../lib/booking/types';
import { SYSTEM_NAMES, bookingSystemFrom } from '../../lib/booking/vendors';
import type { MessageKey, MessageParams, Translator } from '../../lib/i18n/core';
import type { ParsedLog, StepOutcome } from '../../lib/portal/log';

export interface FirmGroup {
  readonly firmId: string;
  readonly firmName: string;
  readonly locations: readonly DirectoryLocation[];
}

/** Locations grouped by firm, in the directory's order (first appearance of each firm). */
export function groupByFirm(locations: readonly DirectoryLocation[]): FirmGroup[] {
  const groups = new Map<string, { firmId: string; firmName: string; locations: DirectoryLocation[] }>();
  for (const l of locations) {
    let g = groups.get(l.firmId);
    if (!g) {
      g = { firmId: l.firmId, firmName: l.firmName, locations: [] };
      groups.set(l.firmId, g);
    }
    g.locations.push(l);
  }
  return [...groups.values()];
}

/** The severity of a location's latest check; `unknown` when never tested. */
export function latestSeverity(history: History, locationId: string): Severity {
  const latest = latestOf(history, locationId);
  return latest ? severityOf(latest.status) : 'unknown';
}

const WORST_FIRST: Readonly<Record<Severity, number>> = { error: 0, warning: 1, unknown: 2, ok: 3 };

/** Worst first (error, warning, unknown/not tested, ok), then by firm and name. Stable. */
export function worstFirst(locations: readonly DirectoryLocation[], history: History): DirectoryLocation[] {
  return locations
    .map((l, i) => ({ l, i, rank: WORST_FIRST[latestSeverity(history, l.id)] }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.l);
}

export const SEVERITY_ICON: Readonly<Record<Severity, string>> = { ok: '✓', warning: '!', error: '✕', unknown: '?' };

/** "Siste 12 sjekker: 10 OK, 2 feil" (only non-zero counts, in a fixed order). */
export function sparkLabel(results: readonly CheckResult[], t: Translator): string {
  if (results.length === 0) return t('bookingui.spark.none');
  const counts: Record<Severity, number> = { ok: 0, warning: 0, error: 0, unknown: 0 };
  for (const r of results) counts[severityOf(r.status)] += 1;
  const parts = (['ok', 'warning', 'error', 'unknown'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => t(`bookingui.spark.${s}` as MessageKey, { n: counts[s] }));
  return t('bookingui.spark.label', { n: results.length, summary: parts.join(', ') });
}

/** A step's outcome; `partial` = the practitioners step found some without free slots (or unreadable). */
export type StepState = StepOutcome | 'partial';

export interface LogStep {
  readonly step: 'connect' | 'service' | 'practitioners';
  readonly outcome: StepState;
  readonly label: { readonly key: MessageKey; readonly params?: MessageParams };
}

export const STEP_ICON: Readonly<Record<StepState, string>> = { ok: '✓', failed: '✕', partial: '!', unclear: '?', missing: '–' };
export const STEP_TONE: Readonly<Record<StepState, Severity>> = { ok: 'ok', failed: 'error', partial: 'warning', unclear: 'unknown', missing: 'unknown' };

/** The Koblingslogg as its three steps: connect -> service with a known code -> practitioners with free slots. */
export function logSteps(log: ParsedLog): LogStep[] {
  const p = log.practitioners;
  const started = p.withSlots !== null || p.withoutSlots.length > 0 || p.unreadable.length > 0 || p.listUnreadable;
  let practitioners: StepState;
  if (!started) practitioners = log.service === 'ok' && log.result === 'success' ? 'unclear' : 'missing';
  else if (p.listUnreadable || p.withSlots === 0) practitioners = 'failed';
  else if (p.withoutSlots.length > 0 || p.unreadable.length > 0) practitioners = 'partial';
  else practitioners = 'ok';
  return [
    { step: 'connect', outcome: log.connect, label: { key: 'bookingui.step.connect' } },
    { step: 'service', outcome: log.service, label: { key: 'bookingui.step.service' } },
    {
      step: 'practitioners',
      outcome: practitioners,
      label: p.withSlots !== null ? { key: 'bookingui.step.practitioners.count', params: { n: p.withSlots } } : { key: 'bookingui.step.practitioners' },
    },
  ];
}

/** Log lines we do not recognise, verbatim (trimmed). */
export function unknownLines(log: ParsedLog): string[] {
  return log.entries.filter((e) => e.kind === 'unknown').map((e) => e.raw.trim());
}

/** The portal page of a location. */
export function locationUrl(origin: string, locationId: string): string {
  return `${origin.replace(/\/+$/, '')}/lokasjon/${encodeURIComponent(locationId)}`;
}

/** The booking system as the admin knows it ("EG Pasientsky"), whether the directory holds the API id or the name. */
export function systemLabel(system: string | null): string | null {
  if (system === null || system.trim() === '') return null;
  const id = bookingSystemFrom(system);
  return id !== null ? SYSTEM_NAMES[id] : system;
}

/**
 * Locations with a real result from the current/last run. The runner counts a cancelled check as "done";
 * a cancelled check is not history, so this says how many were really tested before "Avbryt".
 */
export function completedInRun(locations: readonly DirectoryLocation[], history: History, run: { startedAt: number; done: number } | null): number {
  if (!run) return 0;
  const n = locations.filter((l) => {
    const r = latestOf(history, l.id);
    return r !== undefined && r.startedAt >= run.startedAt;
  }).length;
  return Math.min(n, run.done);
}
