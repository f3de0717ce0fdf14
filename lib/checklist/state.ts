// Ordering of item states: which is worst, and what it means for the overall health.
import type { ItemState } from './types';

/** Worst first is highest. `na` never wins over anything that applies. */
export const STATE_RANK: Readonly<Record<ItemState, number>> = Object.freeze({
  na: 0,
  ok: 1,
  unchecked: 2,
  stale: 3,
  attention: 4,
  unreadable: 5,
  invalid: 6,
});

export function worstState(states: Iterable<ItemState>): ItemState {
  let worst: ItemState = 'na';
  for (const s of states) if (STATE_RANK[s] > STATE_RANK[worst]) worst = s;
  return worst;
}

export type Health = 'ok' | 'warning' | 'error' | 'unknown';

/** invalid -> error; attention, unreadable or stale -> warning; only unchecked (or nothing) -> unknown. */
export function healthOf(states: Iterable<ItemState>): Health {
  const worst = worstState(states);
  switch (worst) {
    case 'invalid':
      return 'error';
    case 'attention':
    case 'unreadable':
    case 'stale':
      return 'warning';
    case 'unchecked':
    case 'na':
      return 'unknown';
    case 'ok':
      return 'ok';
  }
}
