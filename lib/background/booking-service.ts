/**
 * The booking companion's engine in the background: reads the admin's firms and locations through the
 * portal's API (with the admin's own session), runs "Test og Lagre" for one location or all (lib/booking
 * runner: bounded concurrency, retries, cancel), audits Online Manager after each test, keeps 30 results
 * per location, and publishes everything as one BookingState in storage (the side panel and popup watch
 * it). Browser APIs are injected; the entrypoint wires them.
 */
import { auditOnlineManager, type AuditResult } from '../booking/audit';
import { addToHistory, latestOf, worstSeverity } from '../booking/history';
import { runChecks } from '../booking/runner';
import { severityOf, toChecklistStatus } from '../booking/status';
import { BOOKING_STATE_KEY, EMPTY_BOOKING_STATE, parseBookingState, type BookingState, type DirectoryLocation, type PortalReach } from '../booking/state';
import type { Severity } from '../booking/types';
import type { KeyValueStore } from '../facts/memory';
import { reachOf, type PortalApi } from '../portal/api';
import { createRunSlot, createStateCell } from '../facts/state-cell';

export interface BookingServiceDeps {
  store: KeyValueStore;
  /** The portal origin the admin uses (the last one a content script reported from). */
  portalOrigin: () => Promise<string>;
  api: (origin: string) => Pick<PortalApi, 'listFirms' | 'getFirm' | 'runBookingTest' | 'getOnlineManager'>;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The worst status across locations changed (toolbar badge): count of failing/warning locations and the worst. */
  onWorst?: (worst: Severity, problems: number) => void;
  /** A location went from ok to failing, or back. */
  onTransition?: (location: DirectoryLocation, from: Severity, to: Severity) => void;
  concurrency?: number;
  locationTimeoutMs?: number;
}

export function createBookingService(deps: BookingServiceDeps) {
  // Writes are serialised: results arrive concurrently and must not overwrite each other.
  const cell = createStateCell(deps.store, BOOKING_STATE_KEY, parseBookingState);
  const { load, update } = cell;
  const slot = createRunSlot(cell, deps.now);

  function publishWorst(state: BookingState) {
    const severities = state.locations.map((l) => {
      const last = latestOf(state.history, l.id);
      return last ? severityOf(last.status) : 'unknown';
    });
    const problems = severities.filter((s) => s === 'error' || s === 'warning').length;
    deps.onWorst?.(worstSeverity(state.history, state.locations.map((l) => l.id)), problems);
  }

  /** Reads the directory: every firm the admin administers and its locations with their booking system. */
  async function refresh(): Promise<{ reach: PortalReach; locations: number }> {
    const origin = await deps.portalOrigin();
    const api = deps.api(origin);
    const firms = await api.listFirms();
    if (firms.kind !== 'ok') {
      const reach = reachOf(firms);
      await update((s) => ({ ...s, reach }));
      return { reach, locations: 0 };
    }
    const locations: DirectoryLocation[] = [];
    let reach: PortalReach = 'ok';
    for (const firm of firms.data) {
      const detail = await api.getFirm(firm.id);
      if (detail.kind !== 'ok') {
        reach = reachOf(detail);
        if (reach === 'session-expired' || reach === 'offline') break;
        continue;
      }
      for (const l of detail.data.locations) {
        locations.push({ id: l.id, name: l.name, firmId: firm.id, firmName: firm.name, system: l.bookingSystem ?? null });
      }
    }
    const at = deps.now();
    const state = await update((s) => ({
      ...(s.origin === origin ? s : { ...EMPTY_BOOKING_STATE, origin }),
      origin,
      locations: reach === 'ok' ? locations : s.origin === origin ? s.locations : [],
      reach,
      readAt: reach === 'ok' ? at : s.readAt,
    }));
    publishWorst(state);
    return { reach, locations: state.locations.length };
  }


  /** Starts a run (one at a time); results land in storage as they arrive. */
  async function run(locationIds?: readonly string[]): Promise<{ started: boolean; total: number }> {
    if (slot.running()) return { started: false, total: 0 };
    let state = await load();
    if (state.locations.length === 0 || !locationIds) {
      await refresh();
      state = await load();
    }
    const known = new Set(state.locations.map((l) => l.id));
    const ids = (locationIds ?? state.locations.filter((l) => l.system).map((l) => l.id)).filter((id) => known.has(id));
    if (ids.length === 0) return { started: false, total: 0 };
    const origin = state.origin;
    const api = deps.api(origin);
    const controller = slot.start();
    if (!controller) return { started: false, total: 0 };
    const startedAt = deps.now();
    await update((s) => ({ ...s, run: { running: true, done: 0, total: ids.length, startedAt } }));
    // The Online Manager audit belongs to checking a location: it runs in the same concurrency slot,
    // right after the test (the drop-down shows profiles with free slots as of now).
    const audits = new Map<string, AuditResult>();
    const runTest = async (id: string, signal: AbortSignal) => {
      const tested = await api.runBookingTest(id, signal);
      if (tested.kind === 'ok' && !signal.aborted) {
        const om = await api.getOnlineManager(id, signal);
        if (om.kind === 'ok') audits.set(id, auditOnlineManager(om.data));
      }
      return tested;
    };
    void runChecks(ids, { runTest, now: deps.now, sleep: deps.sleep }, {
      concurrency: deps.concurrency ?? 3,
      ...(deps.locationTimeoutMs ? { locationTimeoutMs: deps.locationTimeoutMs } : {}),
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'result') {
          const result = event.result;
          if (result.status === 'cancelled') return;
          const audit = audits.get(result.locationId);
          void update((s) => {
            const before = latestOf(s.history, result.locationId);
            const next = { ...s, history: addToHistory(s.history, result) };
            if (audit) next.audits = { ...s.audits, [result.locationId]: { at: result.finishedAt, audit } };
            const loc = s.locations.find((l) => l.id === result.locationId);
            const from = before ? severityOf(before.status) : 'unknown';
            const to = severityOf(result.status);
            if (loc && from !== to && (from === 'ok' || to === 'ok') && from !== 'unknown' && to !== 'unknown') deps.onTransition?.(loc, from, to);
            if (result.status === 'session-expired') next.reach = 'session-expired';
            else if (result.status === 'offline') next.reach = 'offline';
            else next.reach = 'ok';
            return next;
          }).then(publishWorst);
        } else if (event.type === 'progress') {
          void update((s) => ({ ...s, run: { running: true, done: event.done, total: event.total, startedAt } }));
        } else if (event.type === 'finished') {
          const done = event.results.filter((r) => r.status !== 'cancelled').length;
          void update((s) => ({ ...s, run: { running: false, done, total: ids.length, startedAt, finishedAt: deps.now(), ...(event.cancelled ? { cancelled: true } : {}) } }));
          slot.finish(controller);
        }
      },
    }).catch(() => {
      slot.finish(controller);
      void update((s) => ({ ...s, run: s.run ? { ...s.run, running: false, finishedAt: deps.now() } : null }));
    });
    return { started: true, total: ids.length };
  }

  /** The latest conclusive check per location, as the checklist's "booking tested" item takes it. */
  async function checklistChecks(origin: string): Promise<Record<string, { status: 'ok' | 'no-service' | 'connect-failed' | 'error'; at: number }>> {
    const s = await load();
    if (s.origin !== origin) return {};
    const out: Record<string, { status: 'ok' | 'no-service' | 'connect-failed' | 'error'; at: number }> = {};
    for (const l of s.locations) {
      const last = latestOf(s.history, l.id);
      const status = last ? toChecklistStatus(last.status) : null;
      if (last && status) out[l.id] = { status, at: last.finishedAt };
    }
    return out;
  }

  return { refresh, run, cancel: slot.cancel, recover: slot.recover, load, checklistChecks };
}

export type BookingService = ReturnType<typeof createBookingService>;
