import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, addToHistory, latestOf, parseHistory, pruneHistory, sparkline, worstOfStatuses, worstSeverity, type History } from './history';
import type { CheckResult } from './runner';
import type { CheckStatus } from './types';

const r = (locationId: string, startedAt: number, status: CheckStatus = 'ok'): CheckResult => ({
  locationId,
  status,
  startedAt,
  finishedAt: startedAt + 100,
  attempts: 1,
  log: ['Suksess'],
  withoutSlots: [],
});

describe('addToHistory', () => {
  it('keeps the last 30 per location, oldest first', () => {
    let h: History = {};
    for (let i = 1; i <= 40; i++) h = addToHistory(h, r('l-2001', i * 1000));
    expect(h['l-2001']).toHaveLength(HISTORY_LIMIT);
    expect(h['l-2001']![0]!.startedAt).toBe(11_000);
    expect(latestOf(h, 'l-2001')?.startedAt).toBe(40_000);
  });

  it('a late older result goes in its place, not at the end; too old to keep = no change', () => {
    let h: History = {};
    h = addToHistory(h, r('a', 3000, 'ok'));
    h = addToHistory(h, r('a', 1000, 'connect-failed'));
    expect(h['a']!.map((x) => x.startedAt)).toEqual([1000, 3000]);
    expect(latestOf(h, 'a')?.status).toBe('ok');
    const full = Array.from({ length: 30 }, (_, i) => r('b', 10_000 + i)).reduce<History>((acc, x) => addToHistory(acc, x), {});
    expect(addToHistory(full, r('b', 5))).toBe(full);
  });

  it('same startedAt replaces; cancelled is not history', () => {
    let h = addToHistory({}, r('a', 1000, 'timeout'));
    h = addToHistory(h, r('a', 1000, 'ok'));
    expect(h['a']!.map((x) => x.status)).toEqual(['ok']);
    expect(addToHistory(h, r('a', 2000, 'cancelled'))).toBe(h);
  });

  it('prunes locations no longer administered', () => {
    const h = addToHistory(addToHistory({}, r('a', 1)), r('b', 1));
    expect(Object.keys(pruneHistory(h, ['b']))).toEqual(['b']);
    expect(pruneHistory(h, ['a', 'b'])).toBe(h);
  });
});

describe('sparkline', () => {
  it('ok 1, partial 0.5, failures 0, inconclusive checks are gaps', () => {
    const points = sparkline([r('a', 1, 'ok'), r('a', 2, 'partial'), r('a', 3, 'no-service'), r('a', 4, 'offline'), r('a', 5, 'connect-failed')]);
    expect(points.map((p) => p.value)).toEqual([1, 0.5, 0, null, 0]);
    expect(points.map((p) => p.at)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('worst status for the toolbar badge', () => {
  it('error > warning > unknown > ok', () => {
    let h: History = {};
    h = addToHistory(h, r('ok', 1, 'ok'));
    expect(worstSeverity(h)).toBe('ok');
    h = addToHistory(h, r('partial', 1, 'partial'));
    expect(worstSeverity(h)).toBe('warning');
    h = addToHistory(h, r('broken', 1, 'no-service'));
    expect(worstSeverity(h)).toBe('error');
    expect(worstSeverity(h, ['ok'])).toBe('ok');
  });

  it('an inconclusive check after a real one does not hide it; never checked = unknown', () => {
    let h: History = {};
    h = addToHistory(h, r('a', 1, 'connect-failed'));
    h = addToHistory(h, r('a', 2, 'session-expired'));
    h = addToHistory(h, r('a', 3, 'offline'));
    expect(worstSeverity(h)).toBe('error');
    expect(worstSeverity(h, ['never-checked'])).toBe('unknown');
    expect(worstSeverity(addToHistory({}, r('x', 1, 'timeout')))).toBe('unknown');
    expect(worstSeverity({})).toBe('unknown');
  });

  it('over a plain list of statuses', () => {
    expect(worstOfStatuses([])).toBe('unknown');
    expect(worstOfStatuses(['ok', 'ok'])).toBe('ok');
    expect(worstOfStatuses(['ok', 'timeout'])).toBe('unknown');
    expect(worstOfStatuses(['timeout', 'partial'])).toBe('warning');
    expect(worstOfStatuses(['partial', 'connect-failed', 'cancelled'])).toBe('error');
  });
});

describe('parseHistory (from storage)', () => {
  it('round-trips and drops what does not parse', () => {
    const h = addToHistory(addToHistory({}, r('a', 2)), r('a', 1, 'partial'));
    expect(parseHistory(JSON.parse(JSON.stringify(h)))).toEqual(h);
    expect(parseHistory({ a: [{ ...r('a', 1), status: 'weird' }, r('b', 2), r('a', 3), 'x'], c: 'nope' })).toEqual({ a: [r('a', 3)] });
    for (const junk of [null, 1, 'x', [], undefined]) expect(parseHistory(junk)).toEqual({});
  });
});
