/**
 * The practitioner roster per location: each practitioner's linked Online Manager profile, whether that
 * profile has free slots in the next 7 days, when the person was last listed on the location, and how many
 * consecutive reads found no bookable profile. "Possibly no longer working here" is a suggestion once that
 * streak reaches the threshold (a setting); the extension never removes anyone.
 * Pure: the store is passed in; values are parsed on read (a broken value reads as empty).
 */
import { isPlausiblySamePerson } from '../checklist/names';
import type { Location, OnlineManager } from '../portal/api';
import type { LocationFacts } from '../portal/types';

export const ROSTER_KEY_PREFIX = 'roster.v1:';
export const rosterKey = (origin: string) => `${ROSTER_KEY_PREFIX}${origin}`;
export const DEFAULT_GONE_THRESHOLD = 3;

export interface RosterEntry {
  personId: string;
  name: string;
  /** The linked profile's display name (null: none, or linked to a profile that has no free slots). */
  profile: string | null;
  /** Whether the linked profile is among those with free slots in the next 7 days (null: booking not set up / unknown). */
  bookable: boolean | null;
  /** When the person was last listed under "Personer" (epoch ms). */
  lastSeenAt: number;
  /** Consecutive reads without a bookable profile. */
  missStreak: number;
  /** Reads of this person so far. */
  reads: number;
}

export interface LocationRoster {
  locationId: string;
  locationName: string;
  firmId: string;
  firmName: string;
  readAt: number;
  bookingSetUp: boolean;
  people: RosterEntry[];
}

export type Roster = Record<string, LocationRoster>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const str = (v: unknown, max = 500) => (typeof v === 'string' && v.length <= max ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

export function parseRoster(raw: unknown): Roster {
  const out: Roster = {};
  if (!isObj(raw)) return out;
  for (const [id, l] of Object.entries(raw).slice(0, 5000)) {
    if (!ID.test(id) || !isObj(l) || !Array.isArray(l.people)) continue;
    const locationName = str(l.locationName);
    const firmId = str(l.firmId, 64);
    const firmName = str(l.firmName);
    const readAt = num(l.readAt);
    if (locationName === undefined || !firmId || firmName === undefined || readAt === undefined) continue;
    const people: RosterEntry[] = [];
    for (const p of l.people.slice(0, 1000)) {
      if (!isObj(p)) continue;
      const personId = str(p.personId, 64);
      const name = str(p.name, 200);
      const lastSeenAt = num(p.lastSeenAt);
      const missStreak = num(p.missStreak);
      const reads = num(p.reads);
      if (!personId || !ID.test(personId) || name === undefined || lastSeenAt === undefined || missStreak === undefined || reads === undefined) continue;
      const profile = p.profile === null ? null : str(p.profile, 200);
      if (profile === undefined) continue;
      const bookable = p.bookable === null || typeof p.bookable === 'boolean' ? p.bookable : null;
      people.push({ personId, name, profile, bookable, lastSeenAt, missStreak, reads });
    }
    out[id] = { locationId: id, locationName, firmId, firmName, readAt, bookingSetUp: l.bookingSetUp === true, people };
  }
  return out;
}

/** Only people who take clients are on the roster (Online Manager lists role "Behandler" only). */
const isPractitionerRole = (role: string) => /^\s*behandler\s*$/i.test(role);

/**
 * One read of a location (and its Online Manager, when booking is set up) folded into the roster. People no
 * longer listed drop out (they were removed); a read without Online Manager keeps the streaks unchanged.
 */
export function observeLocation(previous: LocationRoster | undefined, loc: Location, om: OnlineManager | undefined, at: number): LocationRoster {
  const before = new Map((previous?.people ?? []).map((p) => [p.personId, p]));
  const setUp = loc.booking.system !== null;
  const profiles = new Map((om?.profiles ?? []).map((p) => [p.id, p.name]));
  const links = new Map((om?.practitioners ?? []).map((p) => [p.personId, p.profileId]));
  const people = loc.people
    .filter((p) => isPractitionerRole(p.role))
    .map((p): RosterEntry => {
      const prev = before.get(p.id);
      const reads = (prev?.reads ?? 0) + 1;
      // No profiles at all: the vendor gave nothing (connection failing), which says nothing about this person.
      if (!setUp || !om || om.profiles.length === 0) {
        return { personId: p.id, name: p.name, profile: prev?.profile ?? null, bookable: setUp ? (prev?.bookable ?? null) : null, lastSeenAt: at, missStreak: prev?.missStreak ?? 0, reads };
      }
      const linked = links.get(p.id) ?? null;
      // Not linked (or linked to a profile without slots), but a profile with their name has free slots: they
      // still work here; linking is Online Manager's own checklist item.
      const profile = linked !== null && profiles.has(linked) ? profiles.get(linked)! : null;
      const bookable = profile !== null || om.profiles.some((x) => isPlausiblySamePerson(x.name, p.name));
      return {
        personId: p.id,
        name: p.name,
        profile,
        bookable,
        lastSeenAt: at,
        missStreak: bookable ? 0 : (prev?.missStreak ?? 0) + 1,
        reads,
      };
    });
  return { locationId: loc.id, locationName: loc.name, firmId: loc.firmId, firmName: loc.firmName, readAt: at, bookingSetUp: setUp, people };
}

/** "Possibly no longer working here": no bookable profile for `threshold` consecutive reads. Never an action by itself. */
export function possiblyGone(entry: RosterEntry, threshold: number): boolean {
  return entry.bookable === false && entry.missStreak >= Math.max(1, threshold);
}

export function suggestions(roster: Roster, threshold: number): { location: LocationRoster; entry: RosterEntry }[] {
  return Object.values(roster).flatMap((location) => location.people.filter((e) => possiblyGone(e, threshold)).map((entry) => ({ location, entry })));
}

/**
 * The admin opened the location page: who is listed there now is "last seen" now. People no longer listed drop
 * out; new practitioners join with nothing known about their profile yet. Streaks change only with reads of
 * Online Manager through "Les alle". A location the roster does not know yet waits for "Les alle".
 */
export function seenOnPage(previous: LocationRoster | undefined, facts: LocationFacts, at: number): LocationRoster | undefined {
  if (!previous || !facts.people.read) return previous;
  const before = new Map(previous.people.map((p) => [p.personId, p]));
  const people = facts.people.value
    .filter((p) => isPractitionerRole(p.role))
    .map((p): RosterEntry => {
      const prev = before.get(p.id);
      return prev ? { ...prev, name: p.name, lastSeenAt: Math.max(prev.lastSeenAt, at) } : { personId: p.id, name: p.name, profile: null, bookable: null, lastSeenAt: at, missStreak: 0, reads: 0 };
    });
  return { ...previous, locationName: facts.name.read ? facts.name.value : previous.locationName, people };
}
