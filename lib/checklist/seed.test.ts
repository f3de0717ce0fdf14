// The sandbox's default scenario (sandbox/data/seed.ts) and its deliberate problems, as the facts the portal
// adapter would read from those pages. Hand-copied on purpose: the checklist's tests must not move when the
// sandbox is re-seeded, but each case names the seed's firm/location id it mirrors.
import { describe, expect, it } from 'vitest';
import { evaluateChecklist } from './evaluate';
import { ADMIN_EMAIL, DAY, NOW, firmFacts, locationFacts, omRow, person, read } from './test-fixtures';
import type { ChecklistFacts, ItemResult } from './types';

const admin = { name: read('Kari Nordmann'), email: read(ADMIN_EMAIL) };
const items = (facts: ChecklistFacts, type: Parameters<typeof evaluateChecklist>[1], id: string): ItemResult[] =>
  evaluateChecklist(facts, type).sections.flatMap((s) => s.items).filter((r) => r.id === id);

describe('seed f-1002 Bryggen Fysioterapi (co-invoicing)', () => {
  const facts: ChecklistFacts = {
    now: NOW,
    admin,
    firm: firmFacts({
      firmId: 'f-1002',
      website: read(''),
      invoiceEmail: read(ADMIN_EMAIL),
      locations: read([{ id: 'l-2003', name: 'Bryggen Fysioterapi' }, { id: 'l-2004', name: 'Bryggen Fysioterapi Strandgaten' }]),
      agreements: read([{ partner: 'falck', state: 'none' }, { partner: 'if-vertikal', state: 'none' }, { partner: 'dkv', state: 'none' }, { partner: 'avonova', state: 'active' }]),
    }),
    locations: [
      locationFacts({ locationId: 'l-2003', firmId: read('f-1002'), name: read('Bryggen Fysioterapi'), booking: read({ system: 'Konfidens', lastTested: null, result: 'untested' }) }),
      locationFacts({ locationId: 'l-2004', firmId: read('f-1002'), name: read('Bryggen Fysioterapi Strandgaten'), mobile: read('9123 456') }),
    ],
    wantedPartners: ['falck', 'avonova'],
    bookingChecks: { 'l-2003': { status: 'no-service', at: NOW - DAY } },
  };
  it('firm.website empty -> attention', () => expect(items(facts, 'co-invoicing', 'firm.website')[0]!.state).toBe('attention'));
  it("firm.invoiceEmail equal to the admin's -> attention", () =>
    expect(items(facts, 'co-invoicing', 'firm.invoiceEmail')[0]).toMatchObject({ state: 'attention', messageKey: 'checklist.result.firm.invoiceEmail.sameAsAdmin' }));
  it('location.mobile "9123 456" at Strandgaten -> invalid', () =>
    expect(items(facts, 'co-invoicing', 'location.mobile').map((r) => [r.locationId, r.state])).toEqual([['l-2003', 'ok'], ['l-2004', 'invalid']]));
  it('booking.tested: setup found but no known service (Konfidens Bergen) -> invalid', () =>
    expect(items(facts, 'co-invoicing', 'booking.tested')[0]).toMatchObject({ locationId: 'l-2003', state: 'invalid', messageKey: 'checklist.result.booking.noService' }));
  it('agreements.wanted: Falck wanted without an agreement -> invalid', () =>
    expect(items(facts, 'co-invoicing', 'agreements.wanted').map((r) => r.state)).toEqual(['invalid', 'ok']));
  it('overall: error', () => expect(evaluateChecklist(facts, 'co-invoicing').health).toBe('error'));
});

describe('seed f-1003 Nidaros (shared location): empty invoice e-mail', () => {
  it('firm.invoiceEmail -> attention "notices go to your own address"', () => {
    const facts: ChecklistFacts = { now: NOW, admin, firm: firmFacts({ firmId: 'f-1003', invoiceEmail: read('') }), locations: [] };
    expect(items(facts, 'shared-location', 'firm.invoiceEmail')[0]).toMatchObject({ state: 'attention', messageKey: 'checklist.result.firm.invoiceEmail.missing' });
  });
});

describe('seed f-1005 Kirkegata Manuellterapi: invoicing firm with a location', () => {
  const facts: ChecklistFacts = {
    now: NOW,
    admin,
    firm: firmFacts({ firmId: 'f-1005', firmType: read('invoicing'), locations: read([{ id: 'l-2009', name: 'Kirkegata Manuellterapi' }]) }),
    locations: [],
    wantedPartners: [],
  };
  it('location.invoicingHasNone -> invalid, naming the location', () =>
    expect(items(facts, 'invoicing', 'location.invoicingHasNone')[0]).toMatchObject({ state: 'invalid', params: { count: 1, names: 'Kirkegata Manuellterapi' } }));
  it('the location sections do not apply to an invoicing firm', () =>
    expect(items(facts, 'invoicing', 'location.facilities')[0]!.state).toBe('na'));
});

describe('seed f-1004 Fysioterapeut Kari Nordmann: a healthy invoicing firm', () => {
  it('is all in order once the partners are known', () => {
    const facts: ChecklistFacts = {
      now: NOW,
      admin,
      firm: firmFacts({ firmId: 'f-1004', locations: read([]), invoiceEmail: read('regnskap@karinordmann-fysio.no'), agreements: read([{ partner: 'falck', state: 'active' }]) }),
      locations: [],
      wantedPartners: ['falck'],
    };
    const r = evaluateChecklist(facts, 'invoicing');
    expect(r.health).toBe('ok');
    expect(r.progress).toEqual({ done: 4, total: 4, open: 0 });
  });
});

describe('seed l-2002 Fysio Grünerløkka avd. Karl Johan', () => {
  const facts: ChecklistFacts = {
    now: NOW,
    admin,
    firm: firmFacts({ firmId: 'f-1001', locations: read([{ id: 'l-2002', name: 'Fysio Grünerløkka avd. Karl Johan' }]) }),
    locations: [
      locationFacts({
        locationId: 'l-2002',
        firmId: read('f-1001'),
        street: read('Karl Johans gate 1'),
        postalCode: read('0154'),
        mobile: read('22 33 44 55'),
        facilities: read([]),
        treatments: read([]),
        booking: read({ system: 'Pasientsky', lastTested: null, result: 'untested' }),
      }),
    ],
  };
  it('location.facilities and location.treatments empty -> attention', () => {
    expect(items(facts, 'co-invoicing', 'location.facilities')[0]!.state).toBe('attention');
    expect(items(facts, 'co-invoicing', 'location.treatments')[0]!.state).toBe('attention');
  });
  it('location.mobile is a landline -> invalid with the validator\'s reason', () =>
    expect(items(facts, 'co-invoicing', 'location.mobile')[0]).toMatchObject({ state: 'invalid', messageKey: 'validation.phone.notMobile' }));
  it('booking.tested never -> attention; location.address not verified yet -> unchecked', () => {
    expect(items(facts, 'co-invoicing', 'booking.tested')[0]!.messageKey).toBe('checklist.result.booking.neverTested');
    expect(items(facts, 'co-invoicing', 'location.address')[0]!.state).toBe('unchecked');
  });
});

describe('seed l-2001 Fysio Grünerløkka: Online Manager', () => {
  const options = ['Ingrid Ødegård', 'Lars Bjørnstad', 'Ola N.', 'Per Hansen', 'Henrik Solberg', 'Mona Vik'];
  const facts: ChecklistFacts = {
    now: NOW,
    admin,
    firm: firmFacts({ firmId: 'f-1001', locations: read([{ id: 'l-2001', name: 'Fysio Grünerløkka' }]) }),
    locations: [
      locationFacts({
        locationId: 'l-2001',
        firmId: read('f-1001'),
        people: read([person('p-3000', 'Kari Nordmann', 'Administrator'), person('p-3001', 'Ingrid Ødegård'), person('p-3005', 'Henrik Solberg')]),
        booking: read({ system: 'Aspit (Physica/Psykbase)', lastTested: '2026-10-02T08:15:00.000Z', result: 'success' }),
        onlineManager: read({
          setUp: true,
          rows: [
            omRow('Kari Nordmann', null, options),
            omRow('Ingrid Ødegård', 'Ingrid Ødegård', options),
            omRow('Lars Bjørnstad', null, options),
            omRow('Ola Nordmann', 'Ola N.', options),
            omRow('Per Hansen', 'Per Hansen', options),
            omRow('Henrik Solberg', 'Per Hansen', options),
            omRow('Siri Åsheim', 'Siri Åsheim', options),
            omRow('Thomas Berg', null, options),
          ],
        }),
      }),
    ],
  };
  it('booking.onlineManager finds the wrong person, the shared profile, no slots and unlinked practitioners', () => {
    const r = items(facts, 'co-invoicing', 'booking.onlineManager')[0]!;
    expect(r.state).toBe('invalid');
    expect(r.details?.filter((d) => d.state !== 'ok').map((d) => [d.messageKey.split('.').pop(), d.params?.name ?? d.params?.profile])).toEqual([
      ['choose', 'Lars Bjørnstad'],
      ['wrongPerson', 'Henrik Solberg'],
      ['linkedNoSlots', 'Siri Åsheim'],
      ['noSlots', 'Thomas Berg'],
      ['shared', 'Per Hansen'],
    ]);
    expect(r.params).toEqual({ count: 5, total: 7 }); // the administrator is not counted
  });
  it('booking.tested: last success 55 days ago -> attention "test again"', () =>
    expect(items(facts, 'co-invoicing', 'booking.tested')[0]).toMatchObject({ state: 'attention', params: { days: 55 } }));
  it('practitioners.present counts practitioners, not the administrator', () =>
    expect(items(facts, 'co-invoicing', 'practitioners.present')[0]!.params).toEqual({ count: 2 }));
});

describe('seed l-2010 Nordisk Rehab Oslo', () => {
  it("booking.onlineManager: Anna Lindqvist linked to Erik Johansson's profile -> invalid; +46 mobile is accepted", () => {
    const options = ['Anna Lindqvist', 'Erik Johansson'];
    const facts: ChecklistFacts = {
      now: NOW,
      admin,
      firm: firmFacts({ firmId: 'f-1007', locations: read([{ id: 'l-2010', name: 'Nordisk Rehab Oslo' }]) }),
      locations: [
        locationFacts({
          locationId: 'l-2010',
          firmId: read('f-1007'),
          mobile: read('+46 70 123 45 67'),
          onlineManager: read({ setUp: true, rows: [omRow('Anna Lindqvist', 'Erik Johansson', options), omRow('Erik Johansson', null, options), omRow('Nils Øberg', null, options)] }),
        }),
      ],
    };
    const om = items(facts, 'co-invoicing', 'booking.onlineManager')[0]!;
    expect(om.details?.map((d) => d.messageKey.split('.').pop())).toEqual(['wrongPerson', 'choose', 'noSlots']);
    expect(items(facts, 'co-invoicing', 'location.mobile')[0]!.state).toBe('ok');
  });
});
