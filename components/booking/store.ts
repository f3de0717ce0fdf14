// The booking state as the UIs see it: read from storage.local (the background writes it) and watched, so
// results appear as they arrive. One store per page; start it once.
import { signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { BOOKING_STATE_KEY, EMPTY_BOOKING_STATE, parseBookingState, type BookingState } from '../../lib/booking/state';

export interface BookingStore {
  readonly state: Signal<BookingState>;
  /** Whether storage has been read once. */
  readonly loaded: Signal<boolean>;
  /** Epoch ms, ticking every 30 s (for "for 5 min siden"). */
  readonly now: Signal<number>;
  stop(): void;
}

export function startBookingStore(): BookingStore {
  const state = signal<BookingState>(EMPTY_BOOKING_STATE);
  const loaded = signal(false);
  const now = signal(Date.now());
  let alive = true;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !Object.hasOwn(changes, BOOKING_STATE_KEY)) return;
    state.value = parseBookingState(changes[BOOKING_STATE_KEY]!.newValue);
    now.value = Date.now();
    loaded.value = true;
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local
    .get(BOOKING_STATE_KEY)
    .then((got) => {
      if (!alive) return;
      state.value = parseBookingState((got as Record<string, unknown>)[BOOKING_STATE_KEY]);
      loaded.value = true;
    })
    .catch(() => {
      if (alive) loaded.value = true;
    });
  const timer = setInterval(() => (now.value = Date.now()), 30_000);
  return {
    state,
    loaded,
    now,
    stop() {
      alive = false;
      clearInterval(timer);
      browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
