import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { createIdbDraftStore, DB_NAME, DB_VERSION, type DraftStore } from './store';
import { createDraftService, type DraftService } from './service';
import { DAY_MS, diffDraft, signature, valuesOf, type FieldValue, type Snapshot } from './model';

const ORIGIN = 'https://behandlernettverk.no';
const FIELDS = ['Navn', 'Webside', 'Telefon', 'Adresse'].map((label, pos) => ({ sig: signature(label, label.toLowerCase(), pos), label, name: label.toLowerCase(), pos, kind: 'text' as const }));
const ENTITIES = ['f-1', 'f-2', 'f-3'];
/** What the portal shows in every field (the base of every draft in this test). */
const PORTAL = (sig: string) => `portal:${sig.length}`;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

function world(retention = 30) {
  const clock = { now: 1_000_000 };
  let store = createIdbDraftStore();
  const make = () =>
    createDraftService({ store, now: () => clock.now, retentionDays: async () => retention, clock: () => 0 });
  const sys = { clock, service: make(), store, reopen() {
    store.close();
    store = createIdbDraftStore();
    sys.store = store;
    sys.service = make();
  } };
  return sys;
}

const snapshot = (entity: string, field: number, value: string): Snapshot => {
  const f = FIELDS[field]!;
  return { form: 'firmEdit', entity, url: `/firma/${entity}/endre`, title: entity, fields: [{ ...f, value, base: PORTAL(f.sig) }] };
};

// ----------------------------------------------------------------------------- model-based test

interface Model {
  drafts: Map<string, { values: Map<string, string>; updatedAt: number; lastNonEmpty: Map<string, string> }>;
  now: number;
}
type Real = ReturnType<typeof world>;

class Save implements fc.AsyncCommand<Model, Real> {
  constructor(readonly entity: string, readonly field: number, readonly value: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const result = await r.service.save(ORIGIN, snapshot(this.entity, this.field, this.value));
    expect(result.saved).toBe(true);
    const d = m.drafts.get(this.entity) ?? { values: new Map(), updatedAt: m.now, lastNonEmpty: new Map() };
    const sig = FIELDS[this.field]!.sig;
    d.values.set(sig, this.value);
    if (this.value.trim()) d.lastNonEmpty.set(sig, this.value);
    d.updatedAt = m.now;
    m.drafts.set(this.entity, d);
    await compare(m, r, this.entity);
  }
  toString = () => `save(${this.entity}, ${this.field}, ${JSON.stringify(this.value)})`;
}

class ClearField extends Save {
  constructor(entity: string, field: number) {
    super(entity, field, '');
  }
  override async run(m: Model, r: Real) {
    await super.run(m, r);
    // Clearing never destroys the last non-empty version of the field.
    const draft = await r.service.open(ORIGIN, 'firmEdit', this.entity);
    const sig = FIELDS[this.field]!.sig;
    const kept = m.drafts.get(this.entity)!.lastNonEmpty.get(sig);
    if (kept !== undefined) expect(draft!.history.map((h) => h.values[sig])).toContain(kept);
  }
  override toString = () => `clear(${this.entity}, ${this.field})`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly entity: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    expect(await r.service.discard(`${ORIGIN}|firmEdit|${this.entity}`)).toBe(m.drafts.delete(this.entity));
    await compare(m, r, this.entity);
  }
  toString = () => `delete(${this.entity})`;
}

class Restore implements fc.AsyncCommand<Model, Real> {
  constructor(readonly entity: string) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const draft = await r.service.open(ORIGIN, 'firmEdit', this.entity);
    const expected = m.drafts.get(this.entity);
    expect(Boolean(draft)).toBe(Boolean(expected));
    if (!draft || !expected) return;
    // The portal still shows its base values: every drafted field that differs restores, none conflicts.
    const rows = diffDraft(draft, FIELDS.map((f) => ({ ...f, value: PORTAL(f.sig) as FieldValue })));
    expect(rows.filter((row) => row.state === 'conflict')).toEqual([]);
    const restored = new Map(rows.filter((row) => row.state === 'restore').map((row) => [row.sig, row.draft]));
    for (const [sig, value] of expected.values) if (value !== PORTAL(sig)) expect(restored.get(sig)).toBe(value);
  }
  toString = () => `restore(${this.entity})`;
}

class Expire implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.now += this.days * DAY_MS;
    r.clock.now = m.now;
    await r.service.cleanup();
    for (const [entity, d] of m.drafts) if (m.now - d.updatedAt > 30 * DAY_MS) m.drafts.delete(entity);
    for (const entity of ENTITIES) await compare(m, r, entity);
  }
  toString = () => `expire(+${this.days}d)`;
}

class Upgrade implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    // The worker restarts (or the extension updates): a new connection, migrations run, data is all there.
    r.reopen();
    expect((await r.service.list()).map((d) => d.entity).sort()).toEqual([...m.drafts.keys()].sort());
  }
  toString = () => 'upgrade()';
}

async function compare(m: Model, r: Real, entity: string) {
  const draft = await r.service.open(ORIGIN, 'firmEdit', entity);
  const expected = m.drafts.get(entity);
  if (!expected) return expect(draft).toBeUndefined();
  expect(draft).toBeDefined();
  expect(new Map(Object.entries(valuesOf(draft!.fields)))).toEqual(expected.values);
}

describe('drafts: model-based (fast-check commands against an in-memory model)', () => {
  it('finds no divergence', async () => {
    const entity = fc.constantFrom(...ENTITIES);
    const field = fc.integer({ min: 0, max: FIELDS.length - 1 });
    const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Bryggen 9', 'https://fysio.no', '22 33 44 55', 'æøå ÆØÅ – «»', '\u{1F600} emoji'));
    const commands = [
      fc.tuple(entity, field, text).map(([e, f, t]) => new Save(e, f, t)),
      fc.tuple(entity, field, fc.string({ minLength: 1, maxLength: 10 })).map(([e, f, t]) => new Save(e, f, t)),
      fc.tuple(entity, field).map(([e, f]) => new ClearField(e, f)),
      entity.map((e) => new Delete(e)),
      entity.map((e) => new Restore(e)),
      fc.integer({ min: 0, max: 40 }).map((d) => new Expire(d)),
      fc.constant(new Upgrade()),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (cmds) => {
        globalThis.indexedDB = new IDBFactory();
        const real = world();
        const model: Model = { drafts: new Map(), now: real.clock.now };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        real.store.close();
      }),
      { numRuns: 60 },
    );
  });
});

// ----------------------------------------------------------------------------- store details

describe('IndexedDB draft store', () => {
  it('migrates a version-1 database: records gain their size, the updatedAt index appears', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => db.createObjectStore('drafts', { keyPath: 'id' }) });
    await v1.put('drafts', { id: `${ORIGIN}|firmEdit|f-9`, origin: ORIGIN, form: 'firmEdit', entity: 'f-9', url: '/firma/f-9/endre', title: 'Gammel', createdAt: 1, updatedAt: 2, fields: { s: { sig: 's', label: 'Navn', name: 'name', pos: 0, kind: 'text', value: 'Fra v1', base: '', at: 2 } } });
    v1.close();
    const store = createIdbDraftStore();
    const list = await store.list();
    expect(list).toHaveLength(1);
    expect(list[0]!.bytes).toBeGreaterThan(50);
    expect((await store.get(`${ORIGIN}|firmEdit|f-9`))?.history).toEqual([]);
    store.close();
  });

  it('closes its connection when a newer schema is blocked by it, so the upgrade goes through', async () => {
    let told = 0;
    const old = createIdbDraftStore({ onBlocking: () => (told += 1) });
    const service = createDraftService({ store: old, now: () => 1, retentionDays: async () => 30 });
    await service.save(ORIGIN, snapshot('f-1', 0, 'før'));
    // An updated worker opens the next schema version: it would wait forever if the old connection stayed open.
    const next = createIdbDraftStore({ version: DB_VERSION + 1 });
    expect((await next.list()).map((d) => d.entity)).toEqual(['f-1']);
    expect(told).toBe(1);
    next.close();
  });

  it('skips records that are not drafts instead of trusting them', async () => {
    const store: DraftStore = createIdbDraftStore();
    await store.list();
    store.close();
    const db = await openDB(DB_NAME);
    await db.put('drafts', { id: 'junk', updatedAt: 5 });
    db.close();
    const again = createIdbDraftStore();
    expect(await again.list()).toEqual([]);
    expect(await again.get('junk')).toBeUndefined();
    again.close();
  });
});

describe('draft service', () => {
  let service: DraftService;
  beforeEach(() => {
    service = createDraftService({ store: createIdbDraftStore(), now: () => 5, retentionDays: async () => 30 });
  });

  it('a quota error is reported as such (the tab keeps the text), never dropped silently', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const failing: DraftStore = { ...createIdbDraftStore(), update: async () => Promise.reject(quota) };
    const s = createDraftService({ store: failing, now: () => 5, retentionDays: async () => 30 });
    expect(await s.save(ORIGIN, snapshot('f-1', 0, 'x'))).toEqual({ saved: false, problem: 'quota' });
    const broken: DraftStore = { ...createIdbDraftStore(), update: async () => Promise.reject(new Error('disk I/O')) };
    expect(await createDraftService({ store: broken, now: () => 5, retentionDays: async () => 30 }).save(ORIGIN, snapshot('f-1', 0, 'x'))).toEqual({ saved: false, problem: 'storage' });
  });

  it('a draft over the size cap is refused whole (nothing is cut), older versions go first', async () => {
    const big = 'x'.repeat(600_000);
    expect((await service.save(ORIGIN, snapshot('f-1', 0, big))).saved).toBe(true);
    // A second huge field would pass 1 MB: refused, the first is still there intact.
    expect(await service.save(ORIGIN, snapshot('f-1', 1, big))).toEqual({ saved: false, problem: 'too-large' });
    const d = await service.open(ORIGIN, 'firmEdit', 'f-1');
    expect(Object.values(d!.fields).map((f) => f.value)).toEqual([big]);
  });

  it('confirm clears only its own draft; usage counts bytes', async () => {
    await service.save(ORIGIN, snapshot('f-1', 0, 'a'));
    await service.save(ORIGIN, snapshot('f-2', 0, 'b'));
    expect(await service.confirm(ORIGIN, 'firmEdit', 'f-1')).toBe(true);
    expect((await service.list()).map((d) => d.entity)).toEqual(['f-2']);
    expect((await service.usage()).count).toBe(1);
    expect((await service.usage()).bytes).toBeGreaterThan(0);
    expect(await service.deleteAll()).toBe(1);
  });

  it('concurrent saves from two tabs keep both tabs\u2019 fields', async () => {
    await Promise.all([service.save(ORIGIN, snapshot('f-1', 0, 'fra fane A')), service.save(ORIGIN, snapshot('f-1', 2, 'fra fane B'))]);
    const d = await service.open(ORIGIN, 'firmEdit', 'f-1');
    expect(Object.values(d!.fields).map((f) => f.value).sort()).toEqual(['fra fane A', 'fra fane B']);
  });
});
