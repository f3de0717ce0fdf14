import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n';
import { AGREEMENT_STATES, FIRM_TYPES, PARTNERS, type Fact, type FirmFacts, type LocationFacts } from '../portal/types';
import { evaluateChecklist } from './evaluate';
import { healthOf, worstState } from './state';
import { DAY, NOW, firmFacts, healthyFacts, locationFacts, read, unread } from './test-fixtures';
import { ITEM_STATES, STALE_AFTER_MS, type ChecklistFacts, type ItemResult } from './types';

const results = (facts: ChecklistFacts, type: Parameters<typeof evaluateChecklist>[1]): ItemResult[] =>
  evaluateChecklist(facts, type).sections.flatMap((s) => s.items);
const byId = (rs: ItemResult[], id: string) => rs.filter((r) => r.id === id);

describe('staleness', () => {
  it('firm facts older than 7 days -> stale with seenAt and what they said then', () => {
    const seenAt = NOW - 8 * DAY;
    const rs = results(healthyFacts({ firm: firmFacts({ seenAt, website: read(null) }) }), 'co-invoicing');
    const website = byId(rs, 'firm.website')[0]!;
    expect(website).toMatchObject({ state: 'stale', seenAt, messageKey: 'checklist.result.stale', params: { days: 8 } });
    expect(website.lastKnown).toEqual({ state: 'attention', messageKey: 'checklist.result.firm.website.missing' });
    expect(byId(rs, 'firm.invoiceEmail')[0]!.state).toBe('stale');
    expect(byId(rs, 'agreements.wanted').every((r) => r.state === 'stale')).toBe(true);
    // Location facts are fresh: their items are not stale.
    expect(byId(rs, 'location.mobile')[0]!.state).toBe('ok');
  });
  it('exactly 7 days is still fresh; a result always carries seenAt', () => {
    const seenAt = NOW - STALE_AFTER_MS;
    const r = byId(results(healthyFacts({ firm: firmFacts({ seenAt }) }), 'co-invoicing'), 'firm.website')[0]!;
    expect(r).toMatchObject({ state: 'ok', seenAt });
  });
  it('per location: only the old location is stale', () => {
    const facts = healthyFacts({
      firm: firmFacts({ locations: read([{ id: 'l-1', name: 'A' }, { id: 'l-2', name: 'B' }]) }),
      locations: [locationFacts(), locationFacts({ locationId: 'l-2', seenAt: NOW - 30 * DAY })],
    });
    expect(byId(results(facts, 'shared-location'), 'location.facilities').map((r) => [r.locationId, r.state])).toEqual([
      ['l-1', 'ok'],
      ['l-2', 'stale'],
    ]);
  });
  it('not-applicable stays not-applicable however old the facts are', () => {
    const facts = healthyFacts({ locations: [locationFacts({ seenAt: NOW - 30 * DAY, booking: read({ system: null, lastTested: null, result: 'untested' }) })] });
    expect(byId(results(facts, 'co-invoicing'), 'booking.tested')[0]!.state).toBe('na');
  });
  it('stale counts as a warning, not as done', () => {
    const r = evaluateChecklist(healthyFacts({ firm: firmFacts({ seenAt: NOW - 10 * DAY }) }), 'co-invoicing');
    expect(r.health).toBe('warning');
    expect(r.progress.open).toBeGreaterThan(0);
  });
});

describe('unreadable facts', () => {
  it('say which field could not be read and never count as done', () => {
    const r = evaluateChecklist(healthyFacts({ firm: firmFacts({ invoiceEmail: unread('label "E-post for faktura" not found') }) }), 'co-invoicing');
    const item = r.sections[0]!.items.find((i) => i.id === 'firm.invoiceEmail')!;
    expect(item).toMatchObject({ state: 'unreadable', messageKey: 'checklist.result.unreadable', params: { field: 'E-post for faktura' } });
    expect(r.health).toBe('warning');
    expect(r.progress.done).toBe(r.progress.total - 1);
  });
});

describe('unknown firm type', () => {
  const r = evaluateChecklist(healthyFacts(), undefined);
  it('judges the sections for all three types, asks for the type elsewhere (never guesses)', () => {
    const rs = r.sections.flatMap((s) => s.items);
    for (const id of ['firm.website', 'firm.invoiceEmail', 'agreements.wanted']) expect(byId(rs, id).every((x) => x.state === 'ok')).toBe(true);
    for (const id of ['location.invoicingHasNone', 'location.exists', 'location.address', 'practitioners.present', 'booking.onlineManager']) {
      expect(byId(rs, id)).toEqual([{ id, section: expect.any(String), state: 'unchecked', messageKey: 'checklist.result.firmTypeUnknown' }]);
    }
    expect(r.firmType).toBeUndefined();
    expect(r.health).toBe('unknown');
    expect(r.sections.map((s) => s.applies)).toEqual([true, true, true, true, true]);
  });
  it('a known type marks the other sections as not applicable', () => {
    const inv = evaluateChecklist(healthyFacts(), 'invoicing');
    expect(inv.sections.map((s) => [s.id, s.applies])).toEqual([
      ['firm', true],
      ['location', true], // its "invoicing firm has no locations" item applies
      ['practitioners', false],
      ['booking', false],
      ['agreements', true],
    ]);
  });
});

describe('progress and health', () => {
  it('na is left out; done counts ok; open = total - done', () => {
    const r = evaluateChecklist(healthyFacts({ firm: firmFacts({ website: read(null) }) }), 'co-invoicing');
    const all = r.sections.flatMap((s) => s.items);
    expect(r.progress.total).toBe(all.filter((i) => i.state !== 'na').length);
    expect(r.progress.done).toBe(all.filter((i) => i.state === 'ok').length);
    expect(r.progress.open).toBe(1);
    expect(r.health).toBe('warning');
  });
  it('health is the worst open state', () => {
    expect(healthOf(['ok', 'ok'])).toBe('ok');
    expect(healthOf(['ok', 'unchecked', 'na'])).toBe('unknown');
    expect(healthOf([])).toBe('unknown');
    expect(healthOf(['unchecked', 'stale'])).toBe('warning');
    expect(healthOf(['unreadable', 'ok'])).toBe('warning');
    expect(healthOf(['attention', 'invalid', 'unchecked'])).toBe('error');
    expect(worstState(['ok', 'na'])).toBe('ok');
    expect(worstState([])).toBe('na');
  });
  it('an invalid item makes the health an error', () => {
    expect(evaluateChecklist(healthyFacts(), 'invoicing').health).toBe('error'); // invoicing firm with a location
  });
});

// ---- Property: never throws, always well-formed, on arbitrary facts-shaped input ----

const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', 'Ola N.', 'faktura@firma.no', 'kari.nordmann@gmail.com', '912 34 567', 'www.x.no', '__proto__', 'constructor'));
const fact = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Fact<T>> =>
  fc.oneof(value.map((v) => ({ read: true as const, value: v })), text.map((reason) => ({ read: false as const, reason })));
const ids = fc.constantFrom('l-1', 'l-2', 'l-3', '__proto__', 'toString');
const time = fc.oneof(fc.integer({ min: NOW - 400 * DAY, max: NOW + DAY }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0, -1));
const firmArb: fc.Arbitrary<FirmFacts> = fc.record({
  firmId: fc.constantFrom('f-1', 'f-2'),
  seenAt: time,
  name: fact(text),
  orgnr: fact(fc.option(text)),
  firmType: fact(fc.option(fc.constantFrom(...FIRM_TYPES))),
  website: fact(fc.option(text)),
  invoiceEmail: fact(fc.option(text)),
  locations: fact(fc.array(fc.record({ id: ids, name: text }), { maxLength: 4 })),
  agreements: fact(fc.array(fc.record({ partner: fc.constantFrom(...PARTNERS), state: fc.constantFrom(...AGREEMENT_STATES) }), { maxLength: 6 })),
});
const locationArb: fc.Arbitrary<LocationFacts> = fc.record({
  locationId: ids,
  seenAt: time,
  firmId: fact(fc.constantFrom('f-1', 'f-2')),
  name: fact(text),
  street: fact(fc.option(text)),
  postalCode: fact(fc.option(text)),
  postalPlace: fact(fc.option(text)),
  municipality: fact(fc.option(text)),
  mobile: fact(fc.option(text)),
  facilities: fact(fc.array(text, { maxLength: 3 })),
  treatments: fact(fc.array(text, { maxLength: 3 })),
  people: fact(fc.array(fc.record({ id: fc.constantFrom('p-1', 'p-2', 'p-3'), name: text, role: fc.oneof(text, fc.constant('Administrator')) }), { maxLength: 4 })),
  booking: fact(
    fc.record({
      system: fc.option(text),
      lastTested: fc.option(fc.oneof(text, time.map((t) => (Number.isFinite(t) ? new Date(t).toISOString() : 'x')))),
      result: fc.constantFrom('success' as const, 'failed' as const, 'untested' as const),
    }),
  ),
  onlineManager: fact(
    fc.record({
      setUp: fc.boolean(),
      rows: fc.array(fc.record({ practitioner: text, profile: fc.option(text), options: fc.array(text, { maxLength: 4 }) }), { maxLength: 4 }),
    }),
  ),
});
const factsArb: fc.Arbitrary<ChecklistFacts> = fc.record(
  {
    now: time,
    admin: fc.option(fc.record({ name: fact(text), email: fact(text) }), { nil: undefined }),
    firm: fc.option(firmArb, { nil: undefined }),
    locations: fc.array(locationArb, { maxLength: 4 }),
    wantedPartners: fc.option(fc.array(fc.constantFrom(...PARTNERS), { maxLength: 6 }), { nil: undefined }),
    addressChecks: fc.option(fc.dictionary(ids, fc.constantFrom('verified' as const, 'not-found' as const, 'mismatch' as const, 'unverified' as const)), { nil: undefined }),
    bookingChecks: fc.option(fc.dictionary(ids, fc.record({ status: fc.constantFrom('ok' as const, 'no-service' as const, 'connect-failed' as const, 'error' as const), at: time })), { nil: undefined }),
    practitionersGone: fc.option(fc.dictionary(ids, fc.array(fc.oneof(text, fc.constantFrom('p-1', 'p-2')), { maxLength: 3 })), { nil: undefined }),
  },
  { requiredKeys: ['now', 'locations'] },
);

describe('evaluateChecklist on arbitrary facts', () => {
  it('never throws, never falls back to the internal-error result, and is well-formed', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...FIRM_TYPES, undefined), (facts, type) => {
        const r = evaluateChecklist(facts, type);
        const all = r.sections.flatMap((s) => s.items);
        expect(r.sections).toHaveLength(5);
        for (const item of all) {
          expect(ITEM_STATES).toContain(item.state);
          expect(item.messageKey).not.toBe('checklist.result.internalError');
          expect(hasMessage(item.messageKey), item.messageKey).toBe(true);
          for (const v of Object.values(item.params ?? {})) expect(['string', 'number']).toContain(typeof v);
          if (item.state === 'stale') expect(item.lastKnown).toBeDefined();
        }
        expect(r.progress.done + r.progress.open).toBe(r.progress.total);
        expect(r.progress.total).toBe(all.filter((i) => i.state !== 'na').length);
        expect(r.health).toBe(healthOf(all.map((i) => i.state)));
      }),
      { numRuns: 300 },
    );
  });
});
