// The board as the side panel sees it: the run state and the roster from storage (watched), the judged
// firms from the background (board.view), asked again whenever facts, the run or the booking results change.
import { signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { BOARD_STATE_KEY, EMPTY_BOARD_STATE, parseBoardState, type BoardState } from '../../lib/board/state';
import type { BoardFirm } from '../../lib/board/model';
import { parseRoster, ROSTER_KEY_PREFIX, rosterKey, type Roster } from '../../lib/roster/roster';
import { send } from '../../platform/page-messaging';

export interface BoardStore {
  readonly state: Signal<BoardState>;
  readonly firms: Signal<readonly BoardFirm[]>;
  readonly origin: Signal<string>;
  readonly roster: Signal<Roster>;
  /** The first view has arrived (or failed). */
  readonly loaded: Signal<boolean>;
  readonly error: Signal<string | null>;
  reload(): void;
  stop(): void;
}

/** Facts, preferences and booking results: a change to any of them can change the board. */
const RELEVANT = /^(facts\.v\d+:|firmprefs\.v\d+:|booking\.v1$|board\.v1$)/;

export function startBoardStore(): BoardStore {
  const state = signal<BoardState>(EMPTY_BOARD_STATE);
  const firms = signal<readonly BoardFirm[]>([]);
  const origin = signal('');
  const roster = signal<Roster>({});
  const loaded = signal(false);
  const error = signal<string | null>(null);
  let alive = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let again = false;

  const fetchView = async () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      const v = await send('board.view', {});
      if (!alive) return;
      firms.value = v.firms as unknown as BoardFirm[];
      if (v.origin !== origin.value) {
        origin.value = v.origin;
        const key = rosterKey(v.origin);
        const got = (await browser.storage.local.get(key)) as Record<string, unknown>;
        roster.value = parseRoster(got[key]);
      }
      error.value = null;
    } catch (e) {
      if (alive) error.value = e instanceof Error ? e.message : String(e);
    } finally {
      inFlight = false;
      loaded.value = true;
      if (again && alive) {
        again = false;
        schedule();
      }
    }
  };
  /** Progress writes come often during "Les alle": ask at most every 700 ms. */
  const schedule = (delay = 700) => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void fetchView();
    }, delay);
  };

  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (Object.hasOwn(changes, BOARD_STATE_KEY)) state.value = parseBoardState(changes[BOARD_STATE_KEY]!.newValue);
    for (const key of Object.keys(changes)) {
      if (key.startsWith(ROSTER_KEY_PREFIX) && key === rosterKey(origin.value)) roster.value = parseRoster(changes[key]!.newValue);
    }
    if (Object.keys(changes).some((k) => RELEVANT.test(k))) schedule();
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local.get(BOARD_STATE_KEY).then((got) => {
    if (alive) state.value = parseBoardState((got as Record<string, unknown>)[BOARD_STATE_KEY]);
  });
  void fetchView();

  return {
    state,
    firms,
    origin,
    roster,
    loaded,
    error,
    reload: () => void fetchView(),
    stop() {
      alive = false;
      if (timer !== undefined) clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
