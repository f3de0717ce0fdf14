/**
 * Where drafts are kept: behind `DraftStore`, with an IndexedDB implementation (idb) that the background
 * owns — in the extension's origin, never the portal page's. Read-modify-write happens inside one
 * readwrite transaction, so two tabs saving the same draft at once cannot lose each other's fields.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { byteSize, summarize, type Draft, type DraftSummary } from './model';

export interface DraftStore {
  get(id: string): Promise<Draft | undefined>;
  /** Atomically replaces the draft with `mutate(previous)`; `undefined` deletes it. Returns the stored draft. */
  update(id: string, mutate: (prev: Draft | undefined) => Draft | undefined): Promise<Draft | undefined>;
  delete(id: string): Promise<boolean>;
  deleteMany(ids: readonly string[]): Promise<number>;
  deleteAll(): Promise<number>;
  list(): Promise<DraftSummary[]>;
  close(): void;
}

export const DB_NAME = 'bn-drafts';
export const DB_VERSION = 2;
const STORE = 'drafts';

type Tx = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * Schema migrations, one per version step. v1: the `drafts` store keyed by `id`. v2: an `updatedAt`
 * index (retention scans oldest first) and each record's `bytes`, computed for records v1 stored without it.
 */
export const MIGRATIONS: Record<number, (db: IDBPDatabase, tx: Tx) => Promise<void> | void> = {
  1: (db) => {
    db.createObjectStore(STORE, { keyPath: 'id' });
  },
  2: async (_db, tx) => {
    const store = tx.objectStore(STORE);
    store.createIndex('updatedAt', 'updatedAt');
    let cursor = await store.openCursor();
    while (cursor) {
      const record = cursor.value as Partial<Draft>;
      if (typeof record.bytes !== 'number') await cursor.update({ ...record, history: record.history ?? [], bytes: byteSize({ ...record, bytes: 0 }) });
      cursor = await cursor.continue();
    }
  },
};

export interface IdbDraftStoreOptions {
  name?: string;
  version?: number;
  /** Another context wants a newer schema: we close our connection (told here). */
  onBlocking?: () => void;
  /** Our upgrade waits for an older connection elsewhere to close. */
  onBlocked?: () => void;
  indexedDB?: IDBFactory;
}

/** Parses what came out of the database: a record that is not a draft is skipped, never trusted. */
function asDraft(value: unknown): Draft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const d = value as Partial<Draft>;
  if (typeof d.id !== 'string' || typeof d.origin !== 'string' || typeof d.form !== 'string' || typeof d.entity !== 'string') return undefined;
  if (!d.fields || typeof d.fields !== 'object' || typeof d.updatedAt !== 'number' || typeof d.createdAt !== 'number') return undefined;
  return { ...d, history: Array.isArray(d.history) ? d.history : [], url: typeof d.url === 'string' ? d.url : '/', title: typeof d.title === 'string' ? d.title : d.entity, bytes: typeof d.bytes === 'number' ? d.bytes : 0 } as Draft;
}

export function createIdbDraftStore(options: IdbDraftStoreOptions = {}): DraftStore {
  const name = options.name ?? DB_NAME;
  const version = options.version ?? DB_VERSION;
  let dbPromise: Promise<IDBPDatabase> | undefined;

  const db = (): Promise<IDBPDatabase> => {
    if (!dbPromise) {
      const opening = openDB(name, version, {
        async upgrade(database, oldVersion, newVersion, tx) {
          for (let v = oldVersion + 1; v <= (newVersion ?? version); v += 1) await MIGRATIONS[v]?.(database, tx as unknown as Tx);
        },
        blocked() {
          options.onBlocked?.();
        },
        blocking() {
          // A newer schema is waiting for us: let it in, reopen on next use.
          void opening.then((d) => d.close());
          dbPromise = undefined;
          options.onBlocking?.();
        },
        terminated() {
          dbPromise = undefined;
        },
      });
      dbPromise = opening;
      opening.catch(() => (dbPromise = undefined));
    }
    return dbPromise;
  };

  return {
    async get(id) {
      return asDraft(await (await db()).get(STORE, id));
    },
    async update(id, mutate) {
      // Relaxed: committed once the browser has the data (it survives a crash of the browser process, which
      // the e2e SIGKILL test proves), without waiting for an fsync per keystroke batch.
      const tx = (await db()).transaction(STORE, 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore(STORE);
      const prev = asDraft(await store.get(id));
      const next = mutate(prev);
      if (next) await store.put(next);
      else if (prev) await store.delete(id);
      await tx.done;
      return next;
    },
    async delete(id) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      const had = (await tx.store.getKey(id)) !== undefined;
      if (had) await tx.store.delete(id);
      await tx.done;
      return had;
    },
    async deleteMany(ids) {
      if (ids.length === 0) return 0;
      const tx = (await db()).transaction(STORE, 'readwrite');
      let n = 0;
      for (const id of ids) {
        if ((await tx.store.getKey(id)) !== undefined) {
          await tx.store.delete(id);
          n += 1;
        }
      }
      await tx.done;
      return n;
    },
    async deleteAll() {
      const tx = (await db()).transaction(STORE, 'readwrite');
      const n = await tx.store.count();
      await tx.store.clear();
      await tx.done;
      return n;
    },
    async list() {
      const all = await (await db()).getAllFromIndex(STORE, 'updatedAt');
      return all
        .map(asDraft)
        .filter((d): d is Draft => d !== undefined)
        .map(summarize)
        .reverse();
    },
    close() {
      void dbPromise?.then((d) => d.close()).catch(() => undefined);
      dbPromise = undefined;
    },
  };
}
