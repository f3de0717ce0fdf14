// Builders for checklist tests: healthy facts by default, override what a test is about.
import type { Fact, FirmFacts, LocationFacts, OnlineManagerRow, Person } from '../portal/types';
import type { ChecklistFacts } from './types';

export const NOW = Date.parse('2026-11-26T12:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;

export const read = <T>(value: T): Fact<T> => ({ read: true, value });
export const unread = <T>(reason = 'label not found'): Fact<T> => ({ read: false, reason });

export const ADMIN_EMAIL = 'kari.nordmann@gmail.com';

export function firmFacts(over: Partial<FirmFacts> = {}): FirmFacts {
  return {
    firmId: 'f-1',
    seenAt: NOW - 60_000,
    name: read('Fysio Grünerløkka AS'),
    orgnr: read('923678905'),
    firmType: read(null),
    website: read('https://www.fysiogrunerlokka.no'),
    invoiceEmail: read('faktura@fysiogrunerlokka.no'),
    locations: read([{ id: 'l-1', name: 'Fysio Grünerløkka' }]),
    agreements: read([
      { partner: 'digicare-storebrand', state: 'active' },
      { partner: 'falck', state: 'active' },
    ]),
    ...over,
  };
}

export function person(id: string, name: string, role = 'Behandler'): Person {
  return { id, name, role };
}

export function omRow(practitioner: string, profile: string | null, options: string[]): OnlineManagerRow {
  return { practitioner, profile, options };
}

export function locationFacts(over: Partial<LocationFacts> = {}): LocationFacts {
  return {
    locationId: 'l-1',
    seenAt: NOW - 60_000,
    firmId: read('f-1'),
    name: read('Fysio Grünerløkka'),
    street: read('Thorvald Meyers gate 24A'),
    postalCode: read('0555'),
    postalPlace: read('OSLO'),
    municipality: read('OSLO'),
    mobile: read('912 34 560'),
    facilities: read(['Treningssal', 'Behandlingsbenk']),
    treatments: read(['Manuellterapi']),
    people: read([person('p-1', 'Ingrid Ødegård'), person('p-2', 'Ola Nordmann')]),
    booking: read({ system: 'Aspit (Physica/Psykbase)', lastTested: new Date(NOW - 3 * DAY).toISOString(), result: 'success' }),
    onlineManager: read({
      setUp: true,
      rows: [
        omRow('Ingrid Ødegård', 'Ingrid Ødegård', ['Ingrid Ødegård', 'Ola N.']),
        omRow('Ola Nordmann', 'Ola N.', ['Ingrid Ødegård', 'Ola N.']),
      ],
    }),
    ...over,
  };
}

/** Everything in order for a co-invoicing firm with one location. */
export function healthyFacts(over: Partial<ChecklistFacts> = {}): ChecklistFacts {
  return {
    now: NOW,
    admin: { name: read('Kari Nordmann'), email: read(ADMIN_EMAIL) },
    firm: firmFacts(),
    locations: [locationFacts()],
    wantedPartners: ['digicare-storebrand', 'falck'],
    addressChecks: { 'l-1': 'verified' },
    practitionersGone: { 'l-1': [] },
    ...over,
  };
}

/** Healthy facts for an invoicing firm (no locations). */
export function healthyInvoicingFacts(over: Partial<ChecklistFacts> = {}): ChecklistFacts {
  return healthyFacts({ firm: firmFacts({ locations: read([]) }), locations: [], addressChecks: {}, practitionersGone: {}, ...over });
}
