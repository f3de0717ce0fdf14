import { browser } from 'wxt/browser';
import type { KeyValueStore } from '../lib/facts/memory';

/** `browser.storage.local` as the key-value store lib/ expects. */
export const localStore: KeyValueStore = {
  get: (keys) => browser.storage.local.get(keys) as Promise<Record<string, unknown>>,
  set: (items) => browser.storage.local.set(items),
  remove: (keys) => browser.storage.local.remove(keys),
};
