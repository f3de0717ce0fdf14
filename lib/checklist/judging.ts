// Shared helpers for the section files: staleness, unreadable facts, per-location expansion, verdict mapping.
import type { MessageKey } from '../i18n/messages';
import type { FirmFacts, LocationFacts } from '../portal/types';
import type { Verdict } from '../validation/verdict';
import { STALE_AFTER_MS, type ChecklistFacts, type ItemState, type Judgement, type ResultParams, type Target } from './types';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** How a validator's severity shows in the checklist. `unverified` (register outage) is never `ok`. */
export function stateOfVerdict(v: Verdict): ItemState {
  switch (v.severity) {
    case 'ok':
    case 'info':
      return 'ok';
    case 'warning':
      return 'attention';
    case 'error':
      return 'invalid';
    case 'unverified':
      return 'unchecked';
  }
}

export function judgement(state: ItemState, messageKey: MessageKey, params?: ResultParams, target?: Target): Judgement {
  const j: { -readonly [K in keyof Judgement]: Judgement[K] } = { state, messageKey };
  if (params !== undefined) j.params = params;
  if (target !== undefined) j.target = target;
  return j;
}

/** A fact the page did not show as expected. `field` is the portal's label (or section heading) we looked for. */
export function unreadable(field: string, reason: string, target?: Target): Judgement {
  return judgement('unreadable', 'checklist.result.unreadable', { field, reason }, target);
}

/** Whole days between two instants, never negative. */
export function daysBetween(earlier: number, later: number): number {
  return Math.max(0, Math.floor((later - earlier) / DAY_MS));
}

/**
 * Marks a judgement made from remembered facts as `stale` when they are older than {@link STALE_AFTER_MS}, keeping
 * what they said then in `lastKnown`. `na` stays `na` (it does not depend on the facts' age).
 */
export function withSeenAt(j: Judgement, seenAt: number, now: number): Judgement {
  const valid = Number.isFinite(seenAt);
  const base: Judgement = valid ? { ...j, seenAt } : { ...j };
  if (j.state === 'na') return base;
  if (valid && Number.isFinite(now) && now - seenAt <= STALE_AFTER_MS) return base;
  if (valid && !Number.isFinite(now)) return base;
  const lastKnown = j.params === undefined ? { state: j.state, messageKey: j.messageKey } : { state: j.state, messageKey: j.messageKey, params: j.params };
  return {
    ...base,
    state: 'stale',
    messageKey: 'checklist.result.stale',
    params: { ...j.params, days: valid ? daysBetween(seenAt, now) : '?' },
    lastKnown,
  };
}

/** A firm-level item: "open the firm page" until the firm was seen, then `judgeFirm`, then staleness. */
export function judgeFirm(facts: ChecklistFacts, judgeFirmFacts: (firm: FirmFacts) => Judgement): Judgement {
  const firm = facts.firm;
  if (!firm) return judgement('unchecked', 'checklist.result.firmNotSeen', undefined, { page: 'firm' });
  return withSeenAt(judgeFirmFacts(firm), firm.seenAt, facts.now);
}

export interface LocationEntry {
  readonly id: string;
  readonly name: string;
  readonly facts?: LocationFacts;
}

function nameOf(loc: LocationFacts): string {
  return loc.name.read && typeof loc.name.value === 'string' && loc.name.value.trim() !== '' ? loc.name.value : loc.locationId;
}

/**
 * The firm's locations with the latest facts seen for each. When the firm page listed its locations, that list
 * is the truth (deleted locations drop out, never-opened ones have no facts); otherwise the seen locations
 * that belong to the firm.
 */
export function locationEntries(facts: ChecklistFacts): LocationEntry[] {
  const firm = facts.firm;
  const latest = new Map<string, LocationFacts>();
  for (const loc of facts.locations) {
    if (firm && loc.firmId.read && loc.firmId.value !== firm.firmId) continue;
    const known = latest.get(loc.locationId);
    if (!known || loc.seenAt > known.seenAt) latest.set(loc.locationId, loc);
  }
  if (firm && firm.locations.read) {
    const seen = new Set<string>();
    const entries: LocationEntry[] = [];
    for (const ref of firm.locations.value) {
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      const f = latest.get(ref.id);
      const name = ref.name.trim() !== '' ? ref.name : f ? nameOf(f) : ref.id;
      entries.push(f ? { id: ref.id, name, facts: f } : { id: ref.id, name });
    }
    return entries;
  }
  return [...latest.values()].map((f) => ({ id: f.locationId, name: nameOf(f), facts: f }));
}

/**
 * One judgement per seen location (with its name and id, staleness applied), plus one `unchecked` judgement
 * listing the locations never opened. No locations: a single `na`.
 */
export function judgePerLocation(
  facts: ChecklistFacts,
  judgeLocation: (loc: LocationFacts, name: string) => Judgement,
): Judgement[] {
  const firm = facts.firm;
  if (!firm && facts.locations.length === 0) {
    return [judgement('unchecked', 'checklist.result.firmNotSeen', undefined, { page: 'firm' })];
  }
  const entries = locationEntries(facts);
  if (entries.length === 0) {
    if (firm && !firm.locations.read) {
      return [withSeenAt(unreadable('Lokasjoner', firm.locations.reason, { page: 'firm', firmId: firm.firmId }), firm.seenAt, facts.now)];
    }
    return [judgement('na', 'checklist.result.noLocations')];
  }
  const results: Judgement[] = [];
  const unseen: LocationEntry[] = [];
  for (const entry of entries) {
    if (!entry.facts) {
      unseen.push(entry);
      continue;
    }
    const j = judgeLocation(entry.facts, entry.name);
    const target: Target = j.target ?? { page: 'location', locationId: entry.id };
    results.push({ ...withSeenAt(j, entry.facts.seenAt, facts.now), target, locationId: entry.id, locationName: entry.name });
  }
  const first = unseen[0];
  if (first) {
    results.push({
      ...judgement(
        'unchecked',
        'checklist.result.locationsNotSeen',
        { count: unseen.length, names: unseen.map((e) => e.name).join(', ') },
        { page: 'location', locationId: first.id },
      ),
    });
  }
  return results;
}

/** `record[key]` for own keys only: location ids come from the page ("toString" must not find a prototype method). */
export function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
