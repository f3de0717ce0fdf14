/**
 * What the extension remembers of the portal: the latest facts seen per firm and location (and the
 * logged-in admin), plus what the admin told us per firm (its type, the partners it wants). Pure: it
 * works over any key-value store (`browser.storage.local` in the background, a Map in tests).
 * Keys are versioned; values are parsed with the fact schemas on every read, so a corrupt or outdated
 * entry reads as "not seen" instead of breaking the overlay.
 */
import { z } from 'zod/mini';
import { AdminFactsSchema, FirmFactsSchema, LocationFactsSchema } from '../portal/schemas';
import { FIRM_TYPES, PARTNERS, type AdminFacts, type FirmFacts, type FirmType, type LocationFacts, type PartnerId } from '../portal/types';

export const FACTS_VERSION = 1;

export interface KeyValueStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const entityId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/));

/** The admin's review of a location's people: who has left (person ids), and when it was done. */
export const PeopleReviewSchema = z.object({ at: z.number(), gone: z.array(entityId).check(z.maxLength(500)) });

export const FirmPrefsSchema = z.object({
  firmType: z.optional(z.enum(FIRM_TYPES)),
  wantedPartners: z.optional(z.array(z.enum(PARTNERS)).check(z.maxLength(PARTNERS.length))),
  reviews: z.optional(z.record(entityId, PeopleReviewSchema)),
});
export type FirmPrefs = z.infer<typeof FirmPrefsSchema>;

export interface Recalled {
  admin?: AdminFacts;
  firm?: FirmFacts;
  /** Latest facts of the firm's locations that have been seen (in the firm's order). */
  locations: LocationFacts[];
  prefs: FirmPrefs;
  /** The firm these facts are about, when known. */
  firmId?: string;
}

const key = {
  admin: (origin: string) => `facts.v${FACTS_VERSION}:admin:${origin}`,
  firm: (origin: string, id: string) => `facts.v${FACTS_VERSION}:firm:${origin}|${id}`,
  location: (origin: string, id: string) => `facts.v${FACTS_VERSION}:location:${origin}|${id}`,
  prefs: (origin: string, id: string) => `firmprefs.v${FACTS_VERSION}:${origin}|${id}`,
};

function parse<T>(schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const r = schema.safeParse(value);
  return r.success ? (r.data as T) : undefined;
}

export function createFactsMemory(store: KeyValueStore) {
  async function recall(origin: string, where: { firmId?: string; locationId?: string }): Promise<Recalled> {
    let firmId = where.firmId;
    if (!firmId && where.locationId) {
      const raw = await store.get([key.location(origin, where.locationId)]);
      const loc = parse<LocationFacts>(LocationFactsSchema, raw[key.location(origin, where.locationId)]);
      if (loc?.firmId.read) firmId = loc.firmId.value;
    }
    const keys = [key.admin(origin)];
    if (firmId) keys.push(key.firm(origin, firmId), key.prefs(origin, firmId));
    const raw = await store.get(keys);
    const admin = parse<AdminFacts>(AdminFactsSchema, raw[key.admin(origin)]);
    const firm = firmId ? parse<FirmFacts>(FirmFactsSchema, raw[key.firm(origin, firmId)]) : undefined;
    const prefs = (firmId ? parse<FirmPrefs>(FirmPrefsSchema, raw[key.prefs(origin, firmId)]) : undefined) ?? {};

    let locationIds: string[] = [];
    if (firm?.locations.read) locationIds = firm.locations.value.map((l) => l.id);
    else if (where.locationId) locationIds = [where.locationId];
    const locRaw = locationIds.length ? await store.get(locationIds.map((id) => key.location(origin, id))) : {};
    const locations = locationIds
      .map((id) => parse<LocationFacts>(LocationFactsSchema, locRaw[key.location(origin, id)]))
      .filter((l): l is LocationFacts => Boolean(l) && (!firmId || !l!.firmId.read || l!.firmId.value === firmId));

    const out: Recalled = { locations, prefs };
    if (admin) out.admin = admin;
    if (firm) out.firm = firm;
    if (firmId) out.firmId = firmId;
    return out;
  }

  /** Stores what a page showed; an older reading never overwrites a newer one. */
  async function remember(origin: string, seen: { admin?: AdminFacts; firm?: FirmFacts; location?: LocationFacts }): Promise<void> {
    const items: Record<string, unknown> = {};
    if (seen.admin && (seen.admin.email.read || seen.admin.name.read)) items[key.admin(origin)] = seen.admin;
    const candidates: [string, { seenAt: number }][] = [];
    if (seen.firm) candidates.push([key.firm(origin, seen.firm.firmId), seen.firm]);
    if (seen.location) candidates.push([key.location(origin, seen.location.locationId), seen.location]);
    if (candidates.length) {
      const existing = await store.get(candidates.map(([k]) => k));
      for (const [k, value] of candidates) {
        const prev = existing[k] as { seenAt?: unknown } | undefined;
        if (typeof prev?.seenAt === 'number' && prev.seenAt > value.seenAt) continue;
        items[k] = value;
      }
    }
    if (Object.keys(items).length) await store.set(items);
  }

  async function setPrefs(
    origin: string,
    firmId: string,
    patch: { firmType?: FirmType | null; wantedPartners?: PartnerId[]; review?: { locationId: string; gone: string[]; at: number } },
  ): Promise<FirmPrefs> {
    const k = key.prefs(origin, firmId);
    const current = parse<FirmPrefs>(FirmPrefsSchema, (await store.get([k]))[k]) ?? {};
    const next: FirmPrefs = { ...current };
    if (patch.firmType === null) delete next.firmType;
    else if (patch.firmType) next.firmType = patch.firmType;
    if (patch.wantedPartners) next.wantedPartners = [...new Set(patch.wantedPartners)];
    if (patch.review) next.reviews = { ...next.reviews, [patch.review.locationId]: { at: patch.review.at, gone: [...new Set(patch.review.gone)] } };
    await store.set({ [k]: next });
    return next;
  }

  return { recall, remember, setPrefs };
}

export type FactsMemory = ReturnType<typeof createFactsMemory>;

/** A Map-backed store for tests and for contexts without extension storage. */
export function createMemoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    data,
    async get(keys) {
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of keys) data.delete(k);
    },
  };
}
