import { describe, expect, it } from 'vitest';
import type { Location, OnlineManager } from '../portal/api';
import { observeLocation, parseRoster, possiblyGone, seenOnPage, suggestions, type LocationRoster } from './roster';
import { locationFacts, person, read } from '../checklist/test-fixtures';

function location(people: [string, string, string?][], system: string | null = 'aspit'): Location {
  return {
    id: 'l-1', firmId: 'f-1', firmName: 'Fysio AS', name: 'Fysio Sentrum', street: '', postalCode: '', postalPlace: '', municipality: '', mobile: '', phone: '', email: '',
    facilities: [], treatments: [], version: 1,
    people: people.map(([id, name, role = 'Behandler']) => ({ id, name, title: '', role })),
    booking: { system, systemName: system ? 'Aspit' : null, clientId: '', hasKey: true, lastTestedAt: null, lastResult: null, lastLog: [] },
  };
}
const om = (links: [string, string, string | null][], profiles: [string, string][]): OnlineManager => ({
  bookingConfigured: true,
  practitioners: links.map(([personId, name, profileId]) => ({ personId, name, profileId })),
  profiles: profiles.map(([id, name]) => ({ id, name })),
});

const LOC = location([['p-0', 'Kari Nordmann', 'Administrator'], ['p-1', 'Ingrid Ødegård'], ['p-2', 'Thomas Berg'], ['p-3', 'Lars Bjørnstad'], ['p-4', 'Siri Åsheim']]);
const OM = om(
  [['p-1', 'Ingrid Ødegård', 'pr-1'], ['p-2', 'Thomas Berg', null], ['p-3', 'Lars Bjørnstad', null], ['p-4', 'Siri Åsheim', 'pr-4']],
  [['pr-1', 'Ingrid Ødegård'], ['pr-3', 'Lars Bjørnstad']], // pr-4 has no free slots: not offered
);

function reads(n: number, loc = LOC, o: OnlineManager | undefined = OM): LocationRoster {
  let r: LocationRoster | undefined;
  for (let i = 0; i < n; i += 1) r = observeLocation(r, loc, o, 1000 * (i + 1));
  return r!;
}

describe('practitioner roster', () => {
  it('lists practitioners (not administrators) with their bookable profile', () => {
    const r = reads(1);
    expect(r.people.map((p) => p.personId)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect(r.people[0]).toMatchObject({ profile: 'Ingrid Ødegård', bookable: true, missStreak: 0, lastSeenAt: 1000 });
    // Siri is linked to a profile without free slots: shown as no profile, as the portal shows it.
    expect(r.people[3]).toMatchObject({ profile: null, bookable: false, missStreak: 1 });
    // Lars is not linked, but his own profile has free slots: he still works here.
    expect(r.people[2]).toMatchObject({ profile: null, bookable: true, missStreak: 0 });
  });

  it('"possibly no longer working here" after the threshold of consecutive reads, never before', () => {
    expect(possiblyGone(reads(2).people[1]!, 3)).toBe(false);
    expect(possiblyGone(reads(3).people[1]!, 3)).toBe(true);
    expect(suggestions({ 'l-1': reads(3) }, 3).map((s) => s.entry.name)).toEqual(['Thomas Berg', 'Siri Åsheim']);
    // A threshold below 1 is treated as 1.
    expect(possiblyGone(reads(1).people[1]!, 0)).toBe(true);
  });

  it('a bookable read resets the streak; a read without profiles (vendor unreachable) or without booking changes nothing', () => {
    let r = reads(2);
    r = observeLocation(r, LOC, om([['p-2', 'Thomas Berg', 'pr-2']], [['pr-2', 'Thomas Berg']]), 5000);
    expect(r.people[1]).toMatchObject({ bookable: true, missStreak: 0, profile: 'Thomas Berg' });
    r = reads(2);
    r = observeLocation(r, LOC, om([], []), 6000);
    expect(r.people[1]).toMatchObject({ missStreak: 2, lastSeenAt: 6000, reads: 3 });
    r = observeLocation(r, location([['p-2', 'Thomas Berg']], null), undefined, 7000);
    expect(r.people[0]).toMatchObject({ bookable: null, missStreak: 2 });
    expect(r.bookingSetUp).toBe(false);
  });

  it('people no longer listed drop out (they were removed in the portal)', () => {
    const r = observeLocation(reads(2), location([['p-1', 'Ingrid Ødegård']]), OM, 9000);
    expect(r.people.map((p) => p.personId)).toEqual(['p-1']);
  });

  it('a broken stored roster reads as empty or drops the broken parts', () => {
    expect(parseRoster('x')).toEqual({});
    expect(parseRoster({ 'l-1': { people: 'no' } })).toEqual({});
    const good = reads(1);
    const parsed = parseRoster({ 'l-1': { ...good, people: [...good.people, { personId: '<b>', name: 'x' }] }, '../x': good });
    expect(Object.keys(parsed)).toEqual(['l-1']);
    expect(parsed['l-1']!.people).toHaveLength(4);
  });

  it('a visit to the location page updates "last seen", keeps the streaks, follows who is listed', () => {
    const before = reads(2);
    const page = locationFacts({ locationId: 'l-1', name: read('Fysio Sentrum'), people: read([person('p-0', 'Kari Nordmann', 'Administrator'), person('p-2', 'Thomas Berg'), person('p-9', 'Ny Behandler')]) });
    const r = seenOnPage(before, page, 99_000)!;
    expect(r.people.map((p) => [p.personId, p.lastSeenAt, p.missStreak])).toEqual([['p-2', 99_000, 2], ['p-9', 99_000, 0]]);
    expect(r.people[1]).toMatchObject({ bookable: null, reads: 0 });
    // Nothing known about the location yet, or the page could not be read: nothing changes.
    expect(seenOnPage(undefined, page, 1)).toBeUndefined();
    expect(seenOnPage(before, locationFacts({ people: { read: false, reason: 'x' } }), 1)).toBe(before);
  });
});
