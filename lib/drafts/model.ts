/**
 * Drafts: what the admin typed into a portal edit form, kept so it is never lost. Pure data and rules —
 * merging snapshots from one or more tabs, the version history, restore plans with conflicts, retention.
 * Storage lives behind `DraftStore` (store.ts); the DOM side lives in lib/portal/draft-form.ts.
 */

/** The portal forms drafts are kept for (page kinds in lib/portal/pages.ts). */
export const DRAFT_FORMS = ['firmEdit', 'locationEdit', 'booking', 'personEdit', 'invitations'] as const;
export type DraftForm = (typeof DRAFT_FORMS)[number];

export const FIELD_KINDS = ['text', 'textarea', 'select', 'checkbox', 'radio'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
export type FieldValue = string | boolean;

/**
 * How a field is recognised again: its visible label, its `name` and its position among the form's
 * captured controls. `sig` joins the three; matching falls back to label + name, then label alone.
 */
export interface FieldRef {
  sig: string;
  label: string;
  name: string;
  pos: number;
  kind: FieldKind;
}

export interface DraftField extends FieldRef {
  value: FieldValue;
  /** What the portal showed in this field when the draft began (null: not known). */
  base: FieldValue | null;
  at: number;
}

export interface DraftVersion {
  at: number;
  values: Record<string, FieldValue>;
}

/** What a draft and its summary share. */
export interface DraftHeader {
  /** `origin|form|entity`. */
  id: string;
  origin: string;
  form: DraftForm;
  entity: string;
  /** Path (and query) of the form's page on the portal. */
  url: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** The admin pressed the form's save control at this time; cleared only when the portal shows the save. */
  submittedAt?: number;
  /** Size of the record as stored (UTF-8 bytes of its JSON), for retention and the storage figure. */
  bytes: number;
}

export interface Draft extends DraftHeader {
  fields: Record<string, DraftField>;
  /** Earlier versions, oldest first (the head is `fields`). */
  history: DraftVersion[];
}

/** One tab's report: the fields this tab changed, with what the portal showed before. */
export interface Snapshot {
  form: DraftForm;
  entity: string;
  url: string;
  title: string;
  fields: (FieldRef & { value: FieldValue; base: FieldValue | null })[];
  /** Fields whose base is replaced by this snapshot's (a conflict the admin settled by restoring the draft). */
  rebase?: string[];
  submitted?: boolean;
}

export const HISTORY_MAX = 20;
/** A new version is kept when the head is older than this (a new typing session). */
export const CHECKPOINT_MS = 60_000;

export const signature = (label: string, name: string, pos: number): string => `${label}\u241f${name}\u241f${pos}`;
export const draftId = (origin: string, form: DraftForm, entity: string): string => `${origin}|${form}|${entity}`;

export function valuesOf(fields: Record<string, DraftField>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(fields).map(([sig, f]) => [sig, f.value]));
}

const sameValues = (a: Record<string, FieldValue>, b: Record<string, FieldValue>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
};

/**
 * Whether going from `before` to `after` destroys text: a field emptied, or cut to less than half of a
 * text of 4+ characters (select-all + delete, an accidental paste over). The version before is kept.
 */
export function isDestructive(before: Record<string, FieldValue>, after: Record<string, FieldValue>): boolean {
  return Object.entries(after).some(([sig, next]) => {
    const prev = before[sig];
    if (typeof prev !== 'string' || typeof next !== 'string') return false;
    const p = prev.trim();
    const n = next.trim();
    return (p !== '' && n === '') || (p.length >= 4 && n.length < p.length / 2);
  });
}

export function byteSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Merges one tab's snapshot into the draft (or starts one). Fields other tabs changed are kept. */
export function applySnapshot(prev: Draft | undefined, origin: string, snap: Snapshot, now: number): Draft {
  const id = draftId(origin, snap.form, snap.entity);
  const fields: Record<string, DraftField> = { ...(prev?.fields ?? {}) };
  const rebase = new Set(snap.rebase ?? []);
  for (const f of snap.fields) {
    const existing = fields[f.sig];
    const base = existing && !rebase.has(f.sig) ? existing.base : f.base;
    fields[f.sig] = { sig: f.sig, label: f.label, name: f.name, pos: f.pos, kind: f.kind, value: f.value, base, at: now };
  }
  let history = prev?.history ?? [];
  if (prev) {
    const before = valuesOf(prev.fields);
    const after = valuesOf(fields);
    const lastCheckpoint = history.at(-1)?.at ?? prev.createdAt;
    const changed = !sameValues(before, after);
    const last = history.at(-1);
    if (changed && Object.keys(before).length > 0 && (isDestructive(before, after) || now - lastCheckpoint >= CHECKPOINT_MS) && !(last && sameValues(last.values, before))) {
      history = [...history, { at: prev.updatedAt, values: before }].slice(-HISTORY_MAX);
    }
  }
  const draft: Draft = {
    id,
    origin,
    form: snap.form,
    entity: snap.entity,
    url: snap.url,
    title: snap.title || prev?.title || snap.entity,
    createdAt: prev?.createdAt ?? now,
    updatedAt: now,
    fields,
    history,
    bytes: 0,
  };
  const submittedAt = snap.submitted ? now : prev?.submittedAt;
  if (submittedAt !== undefined) draft.submittedAt = submittedAt;
  draft.bytes = byteSize(draft);
  return draft;
}

// ------------------------------------------------------------------------------------------ restore

/** A field as the portal's form shows it now. */
export interface LiveField extends FieldRef {
  value: FieldValue;
}

export type RowState = 'same' | 'restore' | 'conflict' | 'missing';

export interface DiffRow {
  sig: string;
  label: string;
  kind: FieldKind;
  draft: FieldValue;
  /** The live field's value (undefined: no such field on the page any more). */
  current: FieldValue | undefined;
  base: FieldValue | null;
  state: RowState;
  /** The live field it maps to. */
  target?: string;
}

/** Finds the live field for a drafted one: exact signature, else unique label + name, else unique label. */
export function matchField(ref: FieldRef, live: readonly LiveField[]): LiveField | undefined {
  const exact = live.find((l) => l.sig === ref.sig);
  if (exact) return exact;
  const byLabelName = live.filter((l) => l.label === ref.label && l.name === ref.name && l.kind === ref.kind);
  if (byLabelName.length === 1) return byLabelName[0];
  const byLabel = live.filter((l) => l.label === ref.label && l.kind === ref.kind);
  return byLabel.length === 1 ? byLabel[0] : undefined;
}

const norm = (v: FieldValue | null | undefined) => (typeof v === 'string' ? v.normalize('NFC') : v);

/**
 * Compares a draft version with the live form. `restore`: the portal still shows what it showed when the
 * draft began, so the draft's value can go in. `conflict`: someone saved another value since — never
 * overwritten without the admin's choice.
 */
export function diffDraft(draft: Draft, live: readonly LiveField[], version?: DraftVersion): DiffRow[] {
  const values = version?.values ?? valuesOf(draft.fields);
  const rows: DiffRow[] = [];
  for (const [sig, value] of Object.entries(values)) {
    const ref = draft.fields[sig];
    if (!ref) continue;
    const target = matchField(ref, live);
    const base = ref.base;
    if (!target) {
      rows.push({ sig, label: ref.label, kind: ref.kind, draft: value, current: undefined, base, state: 'missing' });
      continue;
    }
    const current = target.value;
    const state: RowState = norm(current) === norm(value) ? 'same' : base === null || norm(base) === norm(current) ? 'restore' : 'conflict';
    rows.push({ sig, label: ref.label, kind: ref.kind, draft: value, current, base, state, target: target.sig });
  }
  return rows.sort((a, b) => (draft.fields[a.sig]?.pos ?? 0) - (draft.fields[b.sig]?.pos ?? 0));
}

/** What restoring does: which live fields get which value (only rows the admin chose, never `same`/`missing`). */
export function restorePlan(rows: readonly DiffRow[], chosen: ReadonlySet<string>): { target: string; value: FieldValue; sig: string; conflict: boolean }[] {
  return rows
    .filter((r) => (r.state === 'restore' || r.state === 'conflict') && r.target && chosen.has(r.sig))
    .map((r) => ({ target: r.target!, value: r.draft, sig: r.sig, conflict: r.state === 'conflict' }));
}

/** The rows restored by default: every clean one; conflicts only when the admin ticks them. */
export const defaultChoice = (rows: readonly DiffRow[]): Set<string> => new Set(rows.filter((r) => r.state === 'restore').map((r) => r.sig));

// ------------------------------------------------------------------------------------------ retention

export interface RetentionPolicy {
  maxAgeMs: number;
  maxCount: number;
  maxBytes: number;
}

export const DEFAULT_RETENTION_DAYS = 30;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_POLICY: RetentionPolicy = { maxAgeMs: DEFAULT_RETENTION_DAYS * DAY_MS, maxCount: 500, maxBytes: 8 * 1024 * 1024 };
/** One draft may not grow beyond this (the admin is told; nothing is cut). */
export const MAX_DRAFT_BYTES = 1024 * 1024;

export interface DraftSummary extends DraftHeader {
  fieldCount: number;
  versions: number;
}

export function summarize(d: Draft): DraftSummary {
  const { fields, history, ...header } = d;
  return { ...header, fieldCount: Object.keys(fields).length, versions: history.length + 1 };
}

/** How many drafts and how much storage they take. */
export const usageOf = (drafts: readonly Pick<DraftSummary, 'bytes'>[]) => ({ count: drafts.length, bytes: drafts.reduce((n, d) => n + d.bytes, 0) });

/** Drafts to delete: older than the retention age, then the oldest beyond the count and size caps. */
export function expiredIds(drafts: readonly Pick<DraftSummary, 'id' | 'updatedAt' | 'bytes'>[], now: number, policy: RetentionPolicy): string[] {
  const out: string[] = [];
  const alive = [...drafts].filter((d) => {
    if (now - d.updatedAt > policy.maxAgeMs) {
      out.push(d.id);
      return false;
    }
    return true;
  });
  alive.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  let bytes = 0;
  alive.forEach((d, i) => {
    bytes += d.bytes;
    if (i >= policy.maxCount || (i > 0 && bytes > policy.maxBytes)) out.push(d.id);
  });
  return out;
}
