import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applySnapshot, CHECKPOINT_MS, DAY_MS, defaultChoice, diffDraft, expiredIds, HISTORY_MAX, isDestructive, matchField, restorePlan, signature, type FieldRef, type LiveField, type Snapshot } from './model';

const ORIGIN = 'https://behandlernettverk.no';
const ref = (label: string, name: string, pos: number, kind: FieldRef['kind'] = 'text'): FieldRef => ({ sig: signature(label, name, pos), label, name, pos, kind });
const WEB = ref('Webside', 'website', 2);
const PHONE = ref('Telefon', 'phone', 4);
const snap = (fields: Snapshot['fields'], extra: Partial<Snapshot> = {}): Snapshot => ({ form: 'firmEdit', entity: 'f-1', url: '/firma/f-1/endre', title: 'Firma', fields, ...extra });
const live = (r: FieldRef, value: string | boolean): LiveField => ({ ...r, value });

describe('applySnapshot', () => {
  it('starts a draft with the changed fields and their base', () => {
    const d = applySnapshot(undefined, ORIGIN, snap([{ ...WEB, value: 'https://a.no', base: '' }]), 1000);
    expect(d.id).toBe(`${ORIGIN}|firmEdit|f-1`);
    expect(d.fields[WEB.sig]).toMatchObject({ value: 'https://a.no', base: '' });
    expect(d.history).toEqual([]);
    expect(d.bytes).toBeGreaterThan(100);
  });

  it('merges another tab: fields it did not touch are kept; the first base of a field stays', () => {
    const a = applySnapshot(undefined, ORIGIN, snap([{ ...WEB, value: 'https://a.no', base: '' }]), 1000);
    const b = applySnapshot(a, ORIGIN, snap([{ ...PHONE, value: '22 33 44 55', base: '11' }, { ...WEB, value: 'https://b.no', base: 'https://changed.no' }]), 2000);
    expect(b.fields[WEB.sig]).toMatchObject({ value: 'https://b.no', base: '' });
    expect(b.fields[PHONE.sig]).toMatchObject({ value: '22 33 44 55', base: '11' });
    expect(b.createdAt).toBe(1000);
    const settled = applySnapshot(b, ORIGIN, snap([{ ...WEB, value: 'https://b.no', base: 'https://changed.no' }], { rebase: [WEB.sig] }), 3000);
    expect(settled.fields[WEB.sig]?.base).toBe('https://changed.no');
  });

  it('keeps the version before a field is cleared (select-all + delete)', () => {
    let d = applySnapshot(undefined, ORIGIN, snap([{ ...WEB, value: 'https://viktig.no', base: '' }]), 1000);
    d = applySnapshot(d, ORIGIN, snap([{ ...WEB, value: '', base: '' }]), 1100);
    expect(d.fields[WEB.sig]?.value).toBe('');
    expect(d.history.at(-1)?.values[WEB.sig]).toBe('https://viktig.no');
  });

  it('checkpoints a new version after a pause, never more than HISTORY_MAX', () => {
    let d = applySnapshot(undefined, ORIGIN, snap([{ ...WEB, value: 'v0', base: '' }]), 0);
    for (let i = 1; i <= 40; i += 1) d = applySnapshot(d, ORIGIN, snap([{ ...WEB, value: `v${i}`, base: '' }]), i * CHECKPOINT_MS);
    expect(d.history).toHaveLength(HISTORY_MAX);
    expect(d.history.at(-1)?.values[WEB.sig]).toBe('v39');
    // Typing in quick succession does not flood the history.
    let q = applySnapshot(undefined, ORIGIN, snap([{ ...WEB, value: 'a', base: '' }]), 0);
    for (let i = 1; i < 20; i += 1) q = applySnapshot(q, ORIGIN, snap([{ ...WEB, value: 'a'.repeat(i + 1), base: '' }]), i * 100);
    expect(q.history).toHaveLength(0);
  });

  it('property: a field never loses its last non-empty text across any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 12 })), { minLength: 1, maxLength: 30 }), (values) => {
        let d = applySnapshot(undefined, ORIGIN, snap([{ ...WEB, value: values[0]!, base: '' }]), 0);
        for (let i = 1; i < values.length; i += 1) d = applySnapshot(d, ORIGIN, snap([{ ...WEB, value: values[i]!, base: '' }]), i * 10);
        const lastNonEmpty = [...values].reverse().find((v) => v.trim() !== '');
        if (lastNonEmpty === undefined) return;
        const kept = [d.fields[WEB.sig]!.value, ...d.history.map((h) => h.values[WEB.sig])];
        expect(kept).toContain(lastNonEmpty);
      }),
    );
  });

  it('isDestructive: emptied or cut to less than half', () => {
    expect(isDestructive({ a: 'hello' }, { a: '' })).toBe(true);
    expect(isDestructive({ a: 'hello world' }, { a: 'h' })).toBe(true);
    expect(isDestructive({ a: 'hello' }, { a: 'hell' })).toBe(false);
    expect(isDestructive({ a: true }, { a: false })).toBe(false);
  });
});

describe('diff and restore', () => {
  const draft = (() => {
    let d = applySnapshot(undefined, ORIGIN, snap([{ ...WEB, value: 'https://utkast.no', base: '' }, { ...PHONE, value: '99', base: '11' }]), 1000);
    d = applySnapshot(d, ORIGIN, snap([{ ...ref('Parkering', 'facilities', 7, 'checkbox'), value: true, base: false }]), 1100);
    return d;
  })();

  it('clean fields restore, changed-since fields conflict, equal ones are the same, gone ones are missing', () => {
    const rows = diffDraft(draft, [live(WEB, ''), live(PHONE, '12')]);
    expect(rows.map((r) => [r.label, r.state])).toEqual([
      ['Webside', 'restore'],
      ['Telefon', 'conflict'],
      ['Parkering', 'missing'],
    ]);
    const choice = defaultChoice(rows);
    expect([...choice]).toEqual([WEB.sig]);
    expect(restorePlan(rows, choice)).toEqual([{ target: WEB.sig, value: 'https://utkast.no', sig: WEB.sig, conflict: false }]);
    expect(restorePlan(rows, new Set([WEB.sig, PHONE.sig])).map((p) => p.conflict)).toEqual([false, true]);
    expect(diffDraft(draft, [live(WEB, 'https://utkast.no'), live(PHONE, '99')]).map((r) => r.state)).toEqual(['same', 'same', 'missing']);
  });

  it('finds a field again by label + name when its position moved, by label alone when unique', () => {
    const moved = { ...ref('Webside', 'website', 5), value: '' };
    expect(matchField(WEB, [moved])?.sig).toBe(moved.sig);
    expect(matchField(WEB, [{ ...ref('Webside', 'site', 3), value: '' }])?.name).toBe('site');
    expect(matchField(WEB, [{ ...ref('Webside', 'a', 3), value: '' }, { ...ref('Webside', 'b', 4), value: '' }])).toBeUndefined();
    expect(matchField(WEB, [{ ...ref('Telefon', 'website', 2), value: '' }])).toBeUndefined();
  });

  it('an older version can be compared and restored', () => {
    let d = applySnapshot(undefined, ORIGIN, snap([{ ...WEB, value: 'https://første.no', base: '' }]), 0);
    d = applySnapshot(d, ORIGIN, snap([{ ...WEB, value: '', base: '' }]), 10);
    const rows = diffDraft(d, [live(WEB, '')], d.history[0]);
    expect(rows[0]).toMatchObject({ draft: 'https://første.no', state: 'restore' });
  });
});

describe('retention', () => {
  it('removes drafts older than the retention, then the oldest beyond count and size caps', () => {
    const now = 100 * DAY_MS;
    const drafts = [
      { id: 'old', updatedAt: now - 31 * DAY_MS, bytes: 10 },
      { id: 'a', updatedAt: now - 1, bytes: 10 },
      { id: 'b', updatedAt: now - 2, bytes: 10 },
      { id: 'c', updatedAt: now - 3, bytes: 10 },
    ];
    expect(expiredIds(drafts, now, { maxAgeMs: 30 * DAY_MS, maxCount: 10, maxBytes: 1000 })).toEqual(['old']);
    expect(expiredIds(drafts, now, { maxAgeMs: 30 * DAY_MS, maxCount: 2, maxBytes: 1000 }).sort()).toEqual(['c', 'old']);
    expect(expiredIds(drafts, now, { maxAgeMs: 30 * DAY_MS, maxCount: 10, maxBytes: 15 }).sort()).toEqual(['b', 'c', 'old']);
    // The newest draft is never evicted for size.
    expect(expiredIds([{ id: 'huge', updatedAt: now, bytes: 10_000 }], now, { maxAgeMs: DAY_MS, maxCount: 10, maxBytes: 15 })).toEqual([]);
  });
});
