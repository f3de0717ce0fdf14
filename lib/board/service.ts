/**
 * "Les alle": reads every firm and location the admin administers through the portal's API (the admin's own
 * session), with bounded concurrency, progress in storage and cancel. What it reads becomes the same facts a
 * page visit gives (lib/portal/api-facts) and goes into the same memory, so the overlay and the board judge
 * one truth; each location read also updates the practitioner roster. `view()` builds what the board shows.
 * Browser APIs are injected; the background entrypoint wires them.
 */
import type { BookingCheck, AddressCheck } from '../checklist/types';
import type { FactsMemory, KeyValueStore } from '../facts/memory';
import { buildOverlayView } from '../overlay/view';
import type { OverlayView } from '../overlay/types';
import { reachOf, type FirmSummary, type PortalApi, type PortalResult } from '../portal/api';
import { createRunSlot, createStateCell } from '../facts/state-cell';
import { firmFactsFromApi, locationFactsFromApi } from '../portal/api-facts';
import type { LocationFacts } from '../portal/types';
import { observeLocation, parseRoster, rosterKey, seenOnPage, type Roster } from '../roster/roster';
import { BOARD_STATE_KEY, EMPTY_BOARD_STATE, parseBoardState, type BoardFirmRef, type BoardReach } from './state';
import type { BoardFirm } from './model';

export interface BoardServiceDeps {
  store: KeyValueStore;
  memory: FactsMemory;
  portalOrigin: () => Promise<string>;
  api: (origin: string) => Pick<PortalApi, 'listFirms' | 'getFirm' | 'getLocation' | 'getOnlineManager'>;
  now: () => number;
  /** Firms known from elsewhere (the booking companion's directory) when "Les alle" has not run yet. */
  knownFirms?: (origin: string) => Promise<BoardFirmRef[]>;
  addressChecks?: (origin: string, locations: readonly LocationFacts[]) => Promise<Record<string, AddressCheck>>;
  bookingChecks?: (origin: string) => Promise<Record<string, BookingCheck>>;
  concurrency?: number;
  /** Minimum time between progress writes (ms). */
  progressEveryMs?: number;
}

/**
 * At most `limit` jobs at a time; jobs may add more jobs. `idle()` resolves when nothing is queued or running.
 * Once the signal aborts, queued jobs are dropped (running ones see the signal themselves).
 */
export function createPool(limit: number, signal: AbortSignal) {
  const queue: (() => Promise<void>)[] = [];
  let active = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (active === 0 && queue.length === 0) {
      const w = waiters;
      waiters = [];
      for (const r of w) r();
    }
  };
  const pump = () => {
    if (signal.aborted) queue.length = 0;
    while (active < limit && queue.length > 0) {
      const job = queue.shift()!;
      active += 1;
      void Promise.resolve()
        .then(job)
        .catch(() => undefined)
        .finally(() => {
          active -= 1;
          pump();
        });
    }
    settle();
  };
  signal.addEventListener('abort', pump, { once: true });
  return {
    add(job: () => Promise<void>) {
      if (signal.aborted) return;
      queue.push(job);
      pump();
    },
    idle: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      settle();
    }),
  };
}

export function createBoardService(deps: BoardServiceDeps) {
  const cell = createStateCell(deps.store, BOARD_STATE_KEY, parseBoardState);
  const { load, update } = cell;
  const slot = createRunSlot(cell, deps.now);

  async function loadRoster(origin: string): Promise<Roster> {
    const key = rosterKey(origin);
    return parseRoster((await deps.store.get([key]))[key]);
  }

  /** Starts reading everything; resolves when the run has started (progress lands in storage). */
  async function readAll(): Promise<{ started: boolean; total: number; reach: BoardReach }> {
    const controller = slot.start();
    if (!controller) return { started: false, total: 0, reach: 'ok' };
    const signal = controller.signal;
    const origin = await deps.portalOrigin();
    const api = deps.api(origin);
    const startedAt = deps.now();
    const firms = await api.listFirms(signal);
    if (firms.kind !== 'ok') {
      slot.finish(controller);
      const reach = reachOf(firms);
      await update((s) => ({ ...(s.origin === origin ? s : { ...EMPTY_BOARD_STATE, origin }), origin, reach }));
      return { started: false, total: 0, reach };
    }
    const total = firms.data.length + firms.data.reduce((n, f) => n + f.locationCount, 0);
    await update((s) => ({
      ...(s.origin === origin ? s : { ...EMPTY_BOARD_STATE, origin }),
      origin,
      reach: 'ok',
      firms: firms.data.map((f) => ({ id: f.id, name: f.name, type: f.type })),
      run: { running: true, done: 0, total, failed: 0, startedAt },
    }));
    void run(origin, api, firms.data, total, controller, startedAt);
    return { started: true, total, reach: 'ok' };
  }

  async function run(origin: string, api: ReturnType<BoardServiceDeps['api']>, firms: readonly FirmSummary[], total: number, controller: AbortController, startedAt: number) {
    const signal = controller.signal;
    let done = 0;
    let failed = 0;
    let reach: BoardReach = 'ok';
    let lastWrite = 0;
    let roster = await loadRoster(origin);
    const progress = (force = false) => {
      const at = deps.now();
      if (!force && at - lastWrite < (deps.progressEveryMs ?? 250)) return;
      lastWrite = at;
      const snapshot = { running: true, done, total: Math.max(total, done), failed, startedAt };
      void update((s) => ({ ...s, run: snapshot }));
    };
    /** A session that expired or a network that went away ends the run: every further call would fail too. */
    const fatal = (result: PortalResult<unknown>) => {
      if (result.kind === 'aborted') return true;
      if (result.kind === 'session-expired' || result.kind === 'offline') {
        reach = reachOf(result);
        controller.abort();
        return true;
      }
      return false;
    };
    const readLocation = (locationId: string) => async () => {
      if (signal.aborted) return;
      const loc = await api.getLocation(locationId, signal);
      if (loc.kind !== 'ok') {
        if (!fatal(loc)) failed += 1;
        if (!signal.aborted) done += 1;
        progress();
        return;
      }
      let om;
      if (loc.data.booking.system) {
        const got = await api.getOnlineManager(locationId, signal);
        if (got.kind === 'ok') om = got.data;
        else if (fatal(got)) return;
      }
      if (signal.aborted) return;
      const at = deps.now();
      await deps.memory.remember(origin, { location: locationFactsFromApi(loc.data, om, at) });
      roster = { ...roster, [locationId]: observeLocation(roster[locationId], loc.data, om, at) };
      done += 1;
      progress();
    };
    const jobs = createPool(Math.max(1, deps.concurrency ?? 4), signal);
    const readFirm = (summary: FirmSummary) => async () => {
      if (signal.aborted) return;
      const firm = await api.getFirm(summary.id, signal);
      if (firm.kind !== 'ok') {
        if (!fatal(firm)) failed += 1 + summary.locationCount;
        if (!signal.aborted) done += 1 + summary.locationCount;
        progress();
        return;
      }
      await deps.memory.remember(origin, { firm: firmFactsFromApi(firm.data, deps.now()) });
      done += 1;
      // The firm's own list is the truth; the summary's count only sized the progress bar.
      total += firm.data.locations.length - summary.locationCount;
      progress();
      for (const l of firm.data.locations) jobs.add(readLocation(l.id));
    };
    // Firms first in the queue; each firm's locations join the queue as its page is read.
    for (const f of firms) jobs.add(readFirm(f));
    try {
      await jobs.idle();
    } finally {
      const cancelled = signal.aborted && reach === 'ok';
      await deps.store.set({ [rosterKey(origin)]: roster });
      await update((s) => ({
        ...s,
        reach,
        readAt: signal.aborted ? s.readAt : deps.now(),
        run: { running: false, done, total: Math.max(total, done), failed, startedAt, finishedAt: deps.now(), ...(cancelled ? { cancelled: true } : {}) },
      }));
      slot.finish(controller);
    }
  }

  /** A location page the admin opened: "last seen" for the people it lists (never during a run: the run writes the roster). */
  async function notePage(origin: string, facts: LocationFacts): Promise<void> {
    if (slot.running()) return;
    const roster = await loadRoster(origin);
    const next = seenOnPage(roster[facts.locationId], facts, facts.seenAt);
    if (next && next !== roster[facts.locationId]) await deps.store.set({ [rosterKey(origin)]: { ...roster, [facts.locationId]: next } });
  }

  /** Everything the board shows, judged now from what is remembered. */
  async function view(): Promise<{ origin: string; firms: BoardFirm[] }> {
    const state = await load();
    const origin = state.origin || (await deps.portalOrigin());
    const refs = state.origin === origin && state.firms.length > 0 ? state.firms : ((await deps.knownFirms?.(origin)) ?? []);
    const now = deps.now();
    const bookingChecks = deps.bookingChecks ? await deps.bookingChecks(origin).catch(() => ({})) : {};
    const firms = await Promise.all(
      refs.map(async (ref): Promise<BoardFirm> => {
        const recalled = await deps.memory.recall(origin, { firmId: ref.id });
        const addressChecks = deps.addressChecks ? await deps.addressChecks(origin, recalled.locations).catch(() => ({})) : {};
        const practitionersGone = Object.fromEntries(Object.entries(recalled.prefs.reviews ?? {}).map(([id, r]) => [id, r.gone]));
        const view: OverlayView = buildOverlayView({ ...recalled, firmId: ref.id }, now, { addressChecks, practitionersGone, bookingChecks });
        const systems: Record<string, string | null> = {};
        const listed = recalled.firm?.locations.read ? recalled.firm.locations.value : [];
        for (const l of listed) systems[l.id] = null;
        for (const l of recalled.locations) systems[l.locationId] = l.booking.read ? l.booking.value.system : null;
        const name = recalled.firm?.name.read ? recalled.firm.name.value : ref.name;
        return {
          id: ref.id,
          name,
          type: ref.type,
          view,
          systems,
          agreements: recalled.firm?.agreements.read ? recalled.firm.agreements.value : null,
          ...(recalled.prefs.wantedPartners ? { wantedPartners: recalled.prefs.wantedPartners } : {}),
        };
      }),
    );
    return { origin, firms };
  }

  return { readAll, cancel: slot.cancel, recover: slot.recover, load, view, loadRoster, notePage };
}

export type BoardService = ReturnType<typeof createBoardService>;
