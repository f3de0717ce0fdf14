/**
 * The background's draft service: takes snapshots from the edit-form script, keeps versions, answers
 * restore look-ups, clears a draft only when the portal has confirmed the save, applies retention, and
 * turns storage failures (quota above all) into a problem the admin is shown — never a silent drop.
 */
import { applySnapshot, byteSize, DAY_MS, DEFAULT_POLICY, draftId, expiredIds, MAX_DRAFT_BYTES, usageOf, type Draft, type DraftForm, type DraftSummary, type RetentionPolicy, type Snapshot } from './model';
import type { DraftStore } from './store';

export type SaveProblem = 'quota' | 'too-large' | 'storage';
export type SaveResult = { saved: true; at: number; versions: number } | { saved: false; problem: SaveProblem };

export interface DraftService {
  save(origin: string, snapshot: Snapshot): Promise<SaveResult>;
  open(origin: string, form: DraftForm, entity: string): Promise<Draft | undefined>;
  /** The portal showed the saved values: the draft has done its job. */
  confirm(origin: string, form: DraftForm, entity: string): Promise<boolean>;
  discard(id: string): Promise<boolean>;
  list(): Promise<DraftSummary[]>;
  deleteAll(): Promise<number>;
  cleanup(): Promise<number>;
  usage(): Promise<{ count: number; bytes: number }>;
  /** Commit durations (ms) of the latest saves, newest last (for the benchmark). */
  commitTimes(): number[];
}

export interface DraftServiceDeps {
  store: DraftStore;
  now: () => number;
  /** Retention in days (a setting); the caps are fixed. */
  retentionDays: () => Promise<number>;
  /** High-resolution clock for commit timings. */
  clock?: () => number;
  caps?: Partial<Omit<RetentionPolicy, 'maxAgeMs'>>;
}

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown; inner?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  return typeof e.message === 'string' && /quota/i.test(e.message);
}

export function createDraftService(deps: DraftServiceDeps): DraftService {
  const clock = deps.clock ?? (() => performance.now());
  const times: number[] = [];
  const policy = async (): Promise<RetentionPolicy> => ({ ...DEFAULT_POLICY, ...deps.caps, maxAgeMs: (await deps.retentionDays()) * DAY_MS });

  const cleanup = async () => {
    const ids = expiredIds(await deps.store.list(), deps.now(), await policy());
    return deps.store.deleteMany(ids);
  };

  return {
    async save(origin, snapshot) {
      const started = clock();
      let tooLarge = false;
      try {
        const draft = await deps.store.update(draftId(origin, snapshot.form, snapshot.entity), (prev) => {
          const next = applySnapshot(prev, origin, snapshot, deps.now());
          if (next.bytes <= MAX_DRAFT_BYTES) return next;
          // Drop the oldest versions first; the head itself is never cut.
          while (next.history.length > 0 && next.bytes > MAX_DRAFT_BYTES) {
            next.history = next.history.slice(1);
            next.bytes = byteSize({ ...next, bytes: 0 });
          }
          if (next.bytes <= MAX_DRAFT_BYTES) return next;
          tooLarge = true;
          return prev;
        });
        if (tooLarge || !draft) return { saved: false, problem: 'too-large' };
        times.push(clock() - started);
        if (times.length > 500) times.splice(0, times.length - 500);
        return { saved: true, at: draft.updatedAt, versions: draft.history.length + 1 };
      } catch (error) {
        if (isQuotaError(error)) {
          // Make room from expired drafts; the admin is told either way, and the tab keeps the text.
          await cleanup().catch(() => 0);
          return { saved: false, problem: 'quota' };
        }
        return { saved: false, problem: 'storage' };
      }
    },
    async open(origin, form, entity) {
      const draft = await deps.store.get(draftId(origin, form, entity));
      if (!draft) return undefined;
      if (deps.now() - draft.updatedAt > (await policy()).maxAgeMs) {
        await deps.store.delete(draft.id);
        return undefined;
      }
      return draft;
    },
    confirm(origin, form, entity) {
      return deps.store.delete(draftId(origin, form, entity));
    },
    discard(id) {
      return deps.store.delete(id);
    },
    list() {
      return deps.store.list();
    },
    deleteAll() {
      return deps.store.deleteAll();
    },
    cleanup,
    async usage() {
      return usageOf(await deps.store.list());
    },
    commitTimes() {
      return [...times];
    },
  };
}
