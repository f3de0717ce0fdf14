/**
 * The board's run state in storage (`board.v1`): which firms "Les alle" found, when it last finished, and the
 * progress of a run. The side panel watches it. Parsed on every read; a broken value reads as empty.
 */
export const BOARD_STATE_KEY = 'board.v1';

export type BoardReach = 'ok' | 'session-expired' | 'offline' | 'error' | 'unknown';

export interface BoardFirmRef {
  id: string;
  name: string;
  /** The portal's type code ('' when unknown). */
  type: string;
}

export interface BoardRun {
  running: boolean;
  done: number;
  total: number;
  /** Firms or locations that could not be read (their old facts stay). */
  failed: number;
  startedAt: number;
  finishedAt?: number;
  cancelled?: boolean;
}

export interface BoardState {
  origin: string;
  firms: BoardFirmRef[];
  readAt: number | null;
  run: BoardRun | null;
  reach: BoardReach;
}

export const EMPTY_BOARD_STATE: BoardState = { origin: '', firms: [], readAt: null, run: null, reach: 'unknown' };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const REACH: readonly BoardReach[] = ['ok', 'session-expired', 'offline', 'error', 'unknown'];

export function parseBoardState(raw: unknown): BoardState {
  if (!isObj(raw)) return EMPTY_BOARD_STATE;
  const firms: BoardFirmRef[] = [];
  if (Array.isArray(raw.firms)) {
    for (const f of raw.firms.slice(0, 5000)) {
      if (isObj(f) && typeof f.id === 'string' && ID.test(f.id) && typeof f.name === 'string' && f.name.length <= 500) {
        firms.push({ id: f.id, name: f.name, type: typeof f.type === 'string' && f.type.length <= 40 ? f.type : '' });
      }
    }
  }
  let run: BoardRun | null = null;
  if (isObj(raw.run)) {
    const r = raw.run;
    const done = num(r.done);
    const total = num(r.total);
    const startedAt = num(r.startedAt);
    if (typeof r.running === 'boolean' && done !== undefined && total !== undefined && startedAt !== undefined) {
      run = { running: r.running, done, total, failed: num(r.failed) ?? 0, startedAt };
      const finishedAt = num(r.finishedAt);
      if (finishedAt !== undefined) run.finishedAt = finishedAt;
      if (r.cancelled === true) run.cancelled = true;
    }
  }
  return {
    origin: typeof raw.origin === 'string' && raw.origin.length <= 200 ? raw.origin : '',
    firms,
    readAt: num(raw.readAt) ?? null,
    run,
    reach: REACH.includes(raw.reach as BoardReach) ? (raw.reach as BoardReach) : 'unknown',
  };
}
