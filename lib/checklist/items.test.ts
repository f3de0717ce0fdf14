import { describe, expect, it } from 'vitest';
import { FIRM_TYPES, type FirmType } from '../portal/types';
import { evaluateChecklist } from './evaluate';
import { SECTIONS } from './sections';
import { ADMIN_EMAIL, DAY, NOW, firmFacts, healthyFacts, healthyInvoicingFacts, locationFacts, omRow, person, read, unread } from './test-fixtures';
import type { ChecklistFacts, ItemState, Judgement } from './types';

function judge(id: string, facts: ChecklistFacts): Judgement[] {
  for (const section of SECTIONS) {
    const item = section.items.find((i) => i.id === id);
    if (item) {
      const out = item.judge(facts);
      return Array.isArray(out) ? [...(out as Judgement[])] : [out as Judgement];
    }
  }
  throw new Error(`no item ${id}`);
}
const one = (id: string, facts: ChecklistFacts): Judgement => {
  const all = judge(id, facts);
  expect(all).toHaveLength(1);
  return all[0]!;
};
const statesOf = (id: string, facts: ChecklistFacts) => judge(id, facts).map((j) => j.state);

// Every item x every firm type, on healthy facts of that type (invoicing: no locations).
const EXPECTED: Record<string, Record<FirmType, ItemState>> = {
  'firm.website': { invoicing: 'ok', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'firm.invoiceEmail': { invoicing: 'ok', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'location.invoicingHasNone': { invoicing: 'ok', 'co-invoicing': 'na', 'shared-location': 'na' },
  'location.exists': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'location.address': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'location.facilities': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'location.treatments': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'location.mobile': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'practitioners.present': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'practitioners.noneGone': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'booking.tested': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'booking.onlineManager': { invoicing: 'na', 'co-invoicing': 'ok', 'shared-location': 'ok' },
  'agreements.wanted': { invoicing: 'ok', 'co-invoicing': 'ok', 'shared-location': 'ok' },
};

describe('every item x every firm type (healthy facts)', () => {
  it('the table covers exactly the declared items', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(SECTIONS.flatMap((s) => s.items.map((i) => i.id)).sort());
  });
  for (const type of FIRM_TYPES) {
    const facts = type === 'invoicing' ? healthyInvoicingFacts() : healthyFacts();
    const result = evaluateChecklist(facts, type);
    for (const [id, byType] of Object.entries(EXPECTED)) {
      it(`${id} is ${byType[type]} for ${type}`, () => {
        const states = result.sections.flatMap((s) => s.items).filter((r) => r.id === id).map((r) => r.state);
        expect(states.length).toBeGreaterThan(0);
        expect(new Set(states)).toEqual(new Set([byType[type]]));
      });
    }
    it(`${type}: healthy facts give health ok and all done`, () => {
      expect(result.health).toBe('ok');
      expect(result.progress.open).toBe(0);
      expect(result.progress.done).toBe(result.progress.total);
    });
  }
});

describe('firm.website', () => {
  it('missing -> attention, pointing at "Webside" on the firm edit page', () => {
    const j = one('firm.website', healthyFacts({ firm: firmFacts({ website: read(null) }) }));
    expect(j.state).toBe('attention');
    expect(j.messageKey).toBe('checklist.result.firm.website.missing');
    expect(j.target).toEqual({ page: 'firmEdit', firmId: 'f-1', field: 'Webside' });
    expect(one('firm.website', healthyFacts({ firm: firmFacts({ website: read('  ') }) })).state).toBe('attention');
  });
  it('uses the website validator: no TLD -> invalid, http -> attention with a fix', () => {
    expect(one('firm.website', healthyFacts({ firm: firmFacts({ website: read('https://fysio') }) })).state).toBe('invalid');
    const http = one('firm.website', healthyFacts({ firm: firmFacts({ website: read('http://www.fysio.no') }) }));
    expect(http.state).toBe('attention');
    expect(http.verdict?.fix?.value).toBe('https://www.fysio.no');
  });
  it('a bare host is fine (the validator only suggests https://)', () => {
    expect(one('firm.website', healthyFacts({ firm: firmFacts({ website: read('www.fysio.no') }) })).state).toBe('ok');
  });
  it('unread -> unreadable with the field and reason', () => {
    const j = one('firm.website', healthyFacts({ firm: firmFacts({ website: unread('no Webside row') }) }));
    expect(j.state).toBe('unreadable');
    expect(j.params).toMatchObject({ field: 'Webside', reason: 'no Webside row' });
  });
  it('firm never seen -> unchecked "open the firm page"', () => {
    const j = one('firm.website', healthyFacts({ firm: undefined }));
    expect(j).toMatchObject({ state: 'unchecked', messageKey: 'checklist.result.firmNotSeen', target: { page: 'firm' } });
  });
});

describe('firm.invoiceEmail', () => {
  it('empty -> attention (notices would go to the admin)', () => {
    for (const v of [null, '', '   ']) {
      const j = one('firm.invoiceEmail', healthyFacts({ firm: firmFacts({ invoiceEmail: read(v) }) }));
      expect(j).toMatchObject({ state: 'attention', messageKey: 'checklist.result.firm.invoiceEmail.missing' });
      expect(j.target?.field).toBe('E-post for faktura');
    }
  });
  it("equal to the admin's own e-mail (any case) -> attention", () => {
    const j = one('firm.invoiceEmail', healthyFacts({ firm: firmFacts({ invoiceEmail: read(' Kari.Nordmann@GMAIL.com ') }) }));
    expect(j).toMatchObject({ state: 'attention', messageKey: 'checklist.result.firm.invoiceEmail.sameAsAdmin' });
  });
  it('malformed -> invalid; typo -> attention with a suggestion', () => {
    expect(one('firm.invoiceEmail', healthyFacts({ firm: firmFacts({ invoiceEmail: read('faktura@') }) })).state).toBe('invalid');
    const typo = one('firm.invoiceEmail', healthyFacts({ firm: firmFacts({ invoiceEmail: read('faktura@gmial.com') }) }));
    expect(typo.state).toBe('attention');
    expect(typo.verdict?.fix?.value).toBe('faktura@gmail.com');
  });
  it("admin's e-mail unknown -> unchecked, unread -> unreadable; never a silent ok", () => {
    expect(one('firm.invoiceEmail', healthyFacts({ admin: undefined })).state).toBe('unchecked');
    expect(one('firm.invoiceEmail', healthyFacts({ admin: { name: read('K'), email: unread('no header') } })).state).toBe('unreadable');
    expect(one('firm.invoiceEmail', healthyFacts()).params).toEqual({ email: 'faktura@fysiogrunerlokka.no' });
  });
  it('unread invoice e-mail -> unreadable', () => {
    expect(one('firm.invoiceEmail', healthyFacts({ firm: firmFacts({ invoiceEmail: unread() }) })).state).toBe('unreadable');
  });
  it('sanity: the fixture admin is the seeded one', () => expect(ADMIN_EMAIL).toContain('@'));
});

describe('location.invoicingHasNone', () => {
  it('an invoicing firm with a location -> invalid, naming it', () => {
    const j = one('location.invoicingHasNone', healthyFacts());
    expect(j).toMatchObject({ state: 'invalid', params: { count: 1, names: 'Fysio Grünerløkka' }, target: { page: 'firm', firmId: 'f-1' } });
  });
  it('no locations -> ok; list unread -> falls back to seen locations, else unreadable', () => {
    expect(one('location.invoicingHasNone', healthyInvoicingFacts()).state).toBe('ok');
    expect(one('location.invoicingHasNone', healthyFacts({ firm: firmFacts({ locations: unread() }) })).state).toBe('invalid');
    expect(one('location.invoicingHasNone', healthyInvoicingFacts({ firm: firmFacts({ locations: unread('x') }) })).state).toBe('unreadable');
  });
});

describe('location.exists', () => {
  it('no locations -> attention; some -> ok with the count', () => {
    expect(one('location.exists', healthyInvoicingFacts()).state).toBe('attention');
    expect(one('location.exists', healthyFacts())).toMatchObject({ state: 'ok', params: { count: 1 } });
  });
});

describe('per-location expansion', () => {
  const two = healthyFacts({
    firm: firmFacts({ locations: read([{ id: 'l-1', name: 'A' }, { id: 'l-2', name: 'B' }, { id: 'l-3', name: 'C' }]) }),
    locations: [locationFacts(), locationFacts({ locationId: 'l-2', mobile: read('22 33 44 55') })],
    addressChecks: { 'l-1': 'verified', 'l-2': 'verified' },
  });
  it('location.mobile: one result per seen location plus one "open the others"', () => {
    const results = judge('location.mobile', two);
    expect(results.map((r) => [r.locationId, r.state])).toEqual([
      ['l-1', 'ok'],
      ['l-2', 'invalid'],
      [undefined, 'unchecked'],
    ]);
    expect(results[0]!.locationName).toBe('A');
    expect(results[2]).toMatchObject({ messageKey: 'checklist.result.locationsNotSeen', params: { count: 1, names: 'C' }, target: { page: 'location', locationId: 'l-3' } });
  });
  it('locations not listed by the firm any more are ignored; other firms\' locations too', () => {
    const facts = healthyFacts({ locations: [locationFacts(), locationFacts({ locationId: 'l-9' }), locationFacts({ locationId: 'l-1', firmId: read('f-other') })] });
    expect(judge('location.facilities', facts).map((r) => r.locationId)).toEqual(['l-1']);
  });
  it('the newest facts of a location win', () => {
    const facts = healthyFacts({ locations: [locationFacts({ seenAt: NOW - 2000, facilities: read([]) }), locationFacts({ seenAt: NOW - 1000 })] });
    expect(statesOf('location.facilities', facts)).toEqual(['ok']);
  });
  it('without the firm page, seen locations are judged on their own', () => {
    expect(statesOf('location.treatments', healthyFacts({ firm: undefined }))).toEqual(['ok']);
    expect(statesOf('location.treatments', healthyFacts({ firm: undefined, locations: [] }))).toEqual(['unchecked']);
  });
});

describe('location.address', () => {
  it('complete and verified -> ok; not verified yet -> unchecked', () => {
    expect(one('location.address', healthyFacts())).toMatchObject({ state: 'ok', params: { address: 'Thorvald Meyers gate 24A, 0555 OSLO' } });
    expect(one('location.address', healthyFacts({ addressChecks: {} })).state).toBe('unchecked');
    expect(one('location.address', healthyFacts({ addressChecks: { 'l-1': 'unverified' } })).state).toBe('unchecked');
  });
  it('register says not found -> invalid; mismatch -> attention', () => {
    expect(one('location.address', healthyFacts({ addressChecks: { 'l-1': 'not-found' } })).state).toBe('invalid');
    expect(one('location.address', healthyFacts({ addressChecks: { 'l-1': 'mismatch' } })).state).toBe('attention');
  });
  it('a missing field -> invalid, pointing at the first missing field', () => {
    const j = one('location.address', healthyFacts({ locations: [locationFacts({ postalCode: read(null), municipality: read(' ') })] }));
    expect(j).toMatchObject({ state: 'invalid', params: { fields: 'Postnummer, Kommune' }, target: { page: 'locationEdit', locationId: 'l-1', field: 'Postnummer' } });
  });
  it('an unread field -> unreadable', () => {
    expect(one('location.address', healthyFacts({ locations: [locationFacts({ postalPlace: unread() })] })).state).toBe('unreadable');
  });
});

describe('location.facilities and location.treatments', () => {
  it('empty -> attention; unread -> unreadable', () => {
    const facts = healthyFacts({ locations: [locationFacts({ facilities: read([]), treatments: unread() })] });
    expect(one('location.facilities', facts)).toMatchObject({ state: 'attention', target: { field: 'Fasiliteter' } });
    expect(one('location.treatments', facts)).toMatchObject({ state: 'unreadable', target: { field: 'Behandlingstilbud' } });
    expect(one('location.treatments', healthyFacts({ locations: [locationFacts({ treatments: read([]) })] })).state).toBe('attention');
  });
});

describe('location.mobile', () => {
  it.each([
    ['912 34 560', 'ok'],
    ['+47 412 34 567', 'ok'],
    ['+46 70 123 45 67', 'ok'],
    ['22 33 44 55', 'invalid'], // a landline
    ['9123 456', 'invalid'], // too short
    ['', 'attention'],
    [null, 'attention'],
  ] as const)('%s -> %s', (mobile, state) => {
    expect(one('location.mobile', healthyFacts({ locations: [locationFacts({ mobile: read(mobile) })] })).state).toBe(state);
  });
});

describe('practitioners.present', () => {
  it('nobody, or only the administrator -> attention', () => {
    expect(one('practitioners.present', healthyFacts({ locations: [locationFacts({ people: read([]) })] })).state).toBe('attention');
    const onlyAdmin = healthyFacts({ locations: [locationFacts({ people: read([person('p-0', 'Kari Nordmann', 'Administrator')]) })] });
    expect(one('practitioners.present', onlyAdmin).state).toBe('attention');
    expect(one('practitioners.present', healthyFacts())).toMatchObject({ state: 'ok', params: { count: 2 } });
  });
  it('unread people -> unreadable', () => {
    expect(one('practitioners.present', healthyFacts({ locations: [locationFacts({ people: unread() })] })).state).toBe('unreadable');
  });
});

describe('practitioners.noneGone', () => {
  it('not reviewed -> unchecked; reviewed and none gone -> ok', () => {
    expect(one('practitioners.noneGone', healthyFacts({ practitionersGone: undefined })).state).toBe('unchecked');
    expect(one('practitioners.noneGone', healthyFacts({ practitionersGone: { 'l-2': ['p-1'] } })).state).toBe('unchecked');
    expect(one('practitioners.noneGone', healthyFacts()).state).toBe('ok');
  });
  it('someone marked gone but still listed (by id or name) -> invalid', () => {
    const byId = one('practitioners.noneGone', healthyFacts({ practitionersGone: { 'l-1': ['p-2'] } }));
    expect(byId).toMatchObject({ state: 'invalid', params: { names: 'Ola Nordmann', count: 1 } });
    expect(one('practitioners.noneGone', healthyFacts({ practitionersGone: { 'l-1': ['ingrid odegard'] } })).state).toBe('invalid');
    expect(one('practitioners.noneGone', healthyFacts({ practitionersGone: { 'l-1': ['p-99'] } })).state).toBe('ok');
  });
});

describe('booking.tested', () => {
  const withBooking = (booking: Parameters<typeof read>[0], extra: Partial<ChecklistFacts> = {}) =>
    healthyFacts({ locations: [locationFacts({ booking: read(booking) as never })], ...extra });
  it('tested OK recently -> ok; more than 30 days ago -> attention', () => {
    expect(one('booking.tested', healthyFacts())).toMatchObject({ state: 'ok', params: { days: 3 } });
    const old = withBooking({ system: 'Aspit', lastTested: new Date(NOW - 40 * DAY).toISOString(), result: 'success' });
    expect(one('booking.tested', old)).toMatchObject({ state: 'attention', messageKey: 'checklist.result.booking.old', params: { days: 40 } });
  });
  it('never tested -> attention; not set up -> na', () => {
    expect(one('booking.tested', withBooking({ system: 'Pasientsky', lastTested: null, result: 'untested' })).state).toBe('attention');
    expect(one('booking.tested', withBooking({ system: null, lastTested: null, result: 'untested' })).state).toBe('na');
  });
  it('failed in the portal -> invalid', () => {
    expect(one('booking.tested', withBooking({ system: 'Aspit', lastTested: new Date(NOW - DAY).toISOString(), result: 'failed' })).state).toBe('invalid');
  });
  it("the extension's newer check wins over the portal's summary", () => {
    const facts = (status: 'ok' | 'no-service' | 'connect-failed' | 'error') =>
      healthyFacts({ bookingChecks: { 'l-1': { status, at: NOW - 1000 } } });
    expect(one('booking.tested', facts('no-service'))).toMatchObject({ state: 'invalid', messageKey: 'checklist.result.booking.noService' });
    expect(one('booking.tested', facts('connect-failed'))).toMatchObject({ state: 'invalid', messageKey: 'checklist.result.booking.connectFailed' });
    expect(one('booking.tested', facts('error')).state).toBe('unchecked');
    expect(one('booking.tested', facts('ok'))).toMatchObject({ state: 'ok', params: { days: 0 } });
    const older = healthyFacts({ bookingChecks: { 'l-1': { status: 'connect-failed', at: NOW - 10 * DAY } } });
    expect(one('booking.tested', older).state).toBe('ok');
  });
  it('unread booking card -> unreadable', () => {
    expect(one('booking.tested', healthyFacts({ locations: [locationFacts({ booking: unread() })] })).state).toBe('unreadable');
  });
});

describe('booking.onlineManager', () => {
  const om = (rows: ReturnType<typeof omRow>[], people = [person('p-1', 'Ingrid Ødegård')]) =>
    healthyFacts({ locations: [locationFacts({ people: read(people), onlineManager: read({ setUp: true, rows }) })] });
  const opts = ['Ingrid Ødegård', 'Ola N.', 'Per Hansen', 'Henrik Solberg'];
  it('everyone on their own profile -> ok (abbreviations and titles allowed)', () => {
    const j = one('booking.onlineManager', om([omRow('Ingrid Ødegård', 'Dr. Ingrid Odegaard', [...opts, 'Dr. Ingrid Odegaard']), omRow('Ola Nordmann', 'Ola N.', opts)]));
    expect(j).toMatchObject({ state: 'ok', params: { count: 2 } });
    expect(j.details).toHaveLength(2);
  });
  it("linked to someone else's profile -> invalid; shared profile -> invalid", () => {
    const j = one('booking.onlineManager', om([omRow('Per Hansen', 'Per Hansen', opts), omRow('Henrik Solberg', 'Per Hansen', opts)]));
    expect(j.state).toBe('invalid');
    expect(j.details?.map((d) => d.messageKey)).toEqual([
      'checklist.detail.onlineManager.ok',
      'checklist.detail.onlineManager.wrongPerson',
      'checklist.detail.onlineManager.shared',
    ]);
    expect(j.params).toEqual({ count: 2, total: 2 });
  });
  it('not linked: suggest the plausible profile, or explain "no free slots in 7 days"', () => {
    const j = one('booking.onlineManager', om([omRow('Lars Bjørnstad', null, ['Lars Bjornstad']), omRow('Thomas Berg', null, opts)]));
    expect(j.state).toBe('attention');
    expect(j.details).toEqual([
      { state: 'attention', messageKey: 'checklist.detail.onlineManager.choose', params: { name: 'Lars Bjørnstad', profile: 'Lars Bjornstad' } },
      { state: 'attention', messageKey: 'checklist.detail.onlineManager.noSlots', params: { name: 'Thomas Berg' } },
    ]);
  });
  it('linked to own profile that has no free slots -> attention', () => {
    const j = one('booking.onlineManager', om([omRow('Siri Åsheim', 'Siri Åsheim', opts)]));
    expect(j.details?.[0]?.messageKey).toBe('checklist.detail.onlineManager.linkedNoSlots');
    expect(j.state).toBe('attention');
  });
  it('first name only -> attention "check it"', () => {
    expect(one('booking.onlineManager', om([omRow('Ola Nordmann', 'Ola', ['Ola'])])).details?.[0]?.messageKey).toBe('checklist.detail.onlineManager.unsure');
  });
  it('administrators are not expected to have a profile; not set up -> na; unread -> unreadable', () => {
    const admin = person('p-0', 'Kari Nordmann', 'Administrator');
    expect(one('booking.onlineManager', om([omRow('Kari Nordmann', null, opts)], [admin])).state).toBe('na');
    const notSetUp = healthyFacts({ locations: [locationFacts({ onlineManager: read({ setUp: false, rows: [] }) })] });
    expect(one('booking.onlineManager', notSetUp).state).toBe('na');
    expect(one('booking.onlineManager', healthyFacts({ locations: [locationFacts({ onlineManager: unread() })] })).state).toBe('unreadable');
  });
});

describe('agreements.wanted', () => {
  it('not said yet -> unchecked (ask the admin)', () => {
    expect(one('agreements.wanted', healthyFacts({ wantedPartners: undefined }))).toMatchObject({ state: 'unchecked', messageKey: 'checklist.result.agreements.askWanted' });
  });
  it('one result per wanted partner: active ok, applied attention, none/missing invalid', () => {
    const facts = healthyFacts({
      wantedPartners: ['falck', 'avonova', 'dkv', 'if-vertikal', 'falck'],
      firm: firmFacts({ agreements: read([{ partner: 'falck', state: 'active' }, { partner: 'avonova', state: 'applied' }, { partner: 'dkv', state: 'none' }]) }),
    });
    expect(judge('agreements.wanted', facts).map((j) => [j.params?.partner, j.state])).toEqual([
      ['Falck Helse', 'ok'],
      ['Avonova Forsikring', 'attention'],
      ['DKV Hälsa', 'invalid'],
      ['If/Vertikal Helse', 'invalid'],
    ]);
  });
  it('no partners wanted -> ok; agreements unread -> unreadable; firm unseen -> one unchecked', () => {
    expect(one('agreements.wanted', healthyFacts({ wantedPartners: [] })).state).toBe('ok');
    expect(statesOf('agreements.wanted', healthyFacts({ firm: firmFacts({ agreements: unread() }) }))).toEqual(['unreadable', 'unreadable']);
    expect(statesOf('agreements.wanted', healthyFacts({ firm: undefined }))).toEqual(['unchecked']);
  });
});
