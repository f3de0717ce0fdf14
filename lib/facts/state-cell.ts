import type { KeyValueStore } from './memory';

/**
 * One stored value under one key, read through its parser (a broken value reads as the parser's fallback) and
 * written through a serialised chain: results that arrive concurrently never overwrite each other.
 */
export function createStateCell<T>(store: KeyValueStore, key: string, parse: (raw: unknown) => T) {
  let chain: Promise<unknown> = Promise.resolve();
  async function load(): Promise<T> {
    return parse((await store.get([key]))[key]);
  }
  function update(mutate: (s: T) => T): Promise<T> {
    const next = chain.then(async () => {
      const s = mutate(await load());
      await store.set({ [key]: s });
      return s;
    });
    chain = next.catch(() => undefined);
    return next;
  }
  return { load, update };
}

interface RunLike {
  running: boolean;
  cancelled?: boolean;
  finishedAt?: number;
}

/**
 * One long run at a time (a check of all locations, "Les alle") over a stored state with a `run` field:
 * start, finish, cancel, and after a service-worker restart mark a run that was in progress as interrupted.
 */
export function createRunSlot<S extends { run: RunLike | null }>(cell: { load(): Promise<S>; update(m: (s: S) => S): Promise<S> }, now: () => number) {
  let current: AbortController | undefined;
  return {
    running: () => current !== undefined,
    /** A new controller, or undefined when a run is already going. */
    start(): AbortController | undefined {
      if (current) return undefined;
      current = new AbortController();
      return current;
    },
    finish(controller: AbortController) {
      if (current === controller) current = undefined;
    },
    cancel(): { cancelled: boolean } {
      if (!current) return { cancelled: false };
      current.abort();
      return { cancelled: true };
    },
    async recover(): Promise<void> {
      const s = await cell.load();
      if (s.run?.running && !current) await cell.update((x) => ({ ...x, run: x.run ? { ...x.run, running: false, cancelled: true, finishedAt: now() } : null }));
    },
  };
}
