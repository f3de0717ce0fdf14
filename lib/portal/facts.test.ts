import { describe, expect, it } from 'vitest';
import { loadFixture, reskin } from '../../tests/fixtures/portal';
import { hasLoadingParts, isLoading, parseAgreementState, parseFirmType, parsePartner, parsePortalDateTime, readAdminFacts, readFirmFacts, readLocationFacts, readPageFacts } from './facts';
import { FirmFactsSchema, LocationFactsSchema } from './schemas';
import '../zod-setup';

const NOW = Date.UTC(2026, 10, 26, 10, 0);

const FIRM_FIXTURES = ['firm-co-invoicing', 'firm-problems', 'firm-shared', 'firm-invoicing', 'firm-invoicing-with-location'] as const;
const FIRM_IDS = { 'firm-co-invoicing': 'f-1001', 'firm-problems': 'f-1002', 'firm-shared': 'f-1003', 'firm-invoicing': 'f-1004', 'firm-invoicing-with-location': 'f-1005' };
const LOCATION_FIXTURES = ['location', 'location-problems', 'location-no-booking'] as const;

function firmFacts(name: string, skin = false) {
  const doc = loadFixture(name);
  const id = FIRM_IDS[name as keyof typeof FIRM_IDS];
  return readFirmFacts(skin ? reskin(doc) : doc, id, NOW);
}

function locationFacts(name: string, skin = false) {
  const doc = loadFixture(name);
  const id = name === 'location' ? 'l-2001' : name === 'location-problems' ? 'l-2003' : 'l-2009';
  return readLocationFacts(skin ? reskin(doc) : doc, id, NOW);
}

describe('firm facts from saved sandbox pages', () => {
  it('reads a healthy co-invoicing firm', () => {
    const f = firmFacts('firm-co-invoicing');
    expect(f.name).toEqual({ read: true, value: 'Fysio Grünerløkka AS' });
    expect(f.orgnr).toEqual({ read: true, value: '923678905' });
    expect(f.firmType).toEqual({ read: true, value: 'co-invoicing' });
    expect(f.website).toEqual({ read: true, value: 'https://www.fysiogrunerlokka.no' });
    expect(f.invoiceEmail).toEqual({ read: true, value: 'faktura@fysiogrunerlokka.no' });
    expect(f.locations.read && f.locations.value.length).toBeGreaterThan(0);
    expect(f.agreements.read && f.agreements.value.map((a) => a.partner)).toEqual(['digicare-storebrand', 'falck', 'if-vertikal', 'avonova', 'dkv']);
    expect(f.agreements.read && f.agreements.value.find((a) => a.partner === 'avonova')?.state).toBe('applied');
  });

  it('reads empty fields as null, not as text', () => {
    const f = firmFacts('firm-problems');
    expect(f.website).toEqual({ read: true, value: null });
    expect(f.invoiceEmail).toEqual({ read: true, value: 'kari.nordmann@gmail.com' });
  });

  it('reads each firm type the portal shows', () => {
    expect(firmFacts('firm-shared').firmType).toEqual({ read: true, value: 'shared-location' });
    expect(firmFacts('firm-invoicing').firmType).toEqual({ read: true, value: 'invoicing' });
    expect(firmFacts('firm-invoicing').locations).toEqual({ read: true, value: [] });
    const withLocation = firmFacts('firm-invoicing-with-location');
    expect(withLocation.firmType).toEqual({ read: true, value: 'invoicing' });
    expect(withLocation.locations.read && withLocation.locations.value.length).toBe(1);
  });

  it.each(FIRM_FIXTURES)('%s: facts pass the schema the background parses with', (name) => {
    expect(FirmFactsSchema.safeParse(firmFacts(name)).success).toBe(true);
  });

  it.each(FIRM_FIXTURES)('%s: the re-skinned page gives identical facts', (name) => {
    expect(firmFacts(name, true)).toEqual(firmFacts(name));
  });
});

describe('location facts from saved sandbox pages', () => {
  it('reads a location with booking and Online Manager', () => {
    const l = locationFacts('location');
    expect(l.firmId).toEqual({ read: true, value: 'f-1001' });
    expect(l.name).toEqual({ read: true, value: 'Fysio Grünerløkka' });
    expect(l.street).toEqual({ read: true, value: 'Thorvald Meyers gate 24A' });
    expect(l.postalCode).toEqual({ read: true, value: '0555' });
    expect(l.facilities.read && l.facilities.value).toContain('Treningssal');
    expect(l.treatments.read && l.treatments.value.length).toBeGreaterThan(0);
    expect(l.people.read && l.people.value.length).toBeGreaterThan(3);
    expect(l.people.read && l.people.value[0]).toMatchObject({ id: expect.stringMatching(/^p-/), name: expect.any(String) });
    expect(l.booking).toMatchObject({ read: true, value: { system: 'Aspit (Physica/Psykbase)', result: 'success' } });
    expect(l.booking.read && l.booking.value.lastTested).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(l.onlineManager.read && l.onlineManager.value.setUp).toBe(true);
    const rows = l.onlineManager.read ? l.onlineManager.value.rows : [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.profile === null)).toBe(true);
    expect(rows.some((r) => r.profile !== null)).toBe(true);
  });

  it('reads a location without booking', () => {
    const l = locationFacts('location-no-booking');
    expect(l.booking).toMatchObject({ read: true, value: { system: null } });
    expect(l.onlineManager).toEqual({ read: true, value: { setUp: false, rows: [] } });
  });

  it.each(LOCATION_FIXTURES)('%s: facts pass the schema', (name) => {
    expect(LocationFactsSchema.safeParse(locationFacts(name)).success).toBe(true);
  });

  it.each(LOCATION_FIXTURES)('%s: the re-skinned page gives identical facts', (name) => {
    expect(locationFacts(name, true)).toEqual(locationFacts(name));
  });
});

describe('what cannot be read is said, never guessed', () => {
  it('reports missing sections and fields on a page that changed', () => {
    const doc = loadFixture('firm-co-invoicing');
    for (const dt of Array.from(doc.querySelectorAll('dt'))) if (dt.textContent?.includes('Webside')) dt.textContent = 'Hjemmeside';
    doc.querySelectorAll('h2').forEach((h) => h.textContent === 'Samarbeidsavtaler' && h.remove());
    const f = readFirmFacts(doc, 'f-1001', NOW);
    expect(f.website).toEqual({ read: false, reason: 'field:Webside' });
    expect(f.agreements.read).toBe(false);
    expect(f.invoiceEmail.read).toBe(true);
  });

  it('reads nothing from an empty document without throwing', () => {
    const doc = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    const f = readFirmFacts(doc, 'f-1', NOW);
    // Only "the page shows no firm type" reads as a fact; everything else is unread.
    expect(Object.entries(f).filter(([, v]) => typeof v === 'object' && v && 'read' in v && v.read === true)).toEqual([['firmType', { read: true, value: null }]]);
    const l = readLocationFacts(doc, 'l-1', NOW);
    expect(l.booking.read).toBe(false);
    expect(readAdminFacts(doc)).toEqual({ name: { read: false, reason: 'header' }, email: { read: false, reason: 'header' } });
    expect(isLoading(doc)).toBe(true);
  });

  it('tells a page with a part still loading (Online Manager) from a whole one', () => {
    const doc = loadFixture('location');
    expect(isLoading(doc)).toBe(false);
    expect(hasLoadingParts(doc)).toBe(false);
    const section = Array.from(doc.querySelectorAll('main h2')).find((h) => h.textContent?.includes('Online Manager'))!.parentElement!;
    const busy = doc.createElement('div');
    busy.setAttribute('aria-busy', 'true');
    section.append(busy);
    expect(hasLoadingParts(doc)).toBe(true);
    expect(readLocationFacts(doc, 'l-2001', NOW).onlineManager).toMatchObject({ read: false });
  });

  it('treats hostile text as data', () => {
    const doc = loadFixture('firm-co-invoicing');
    const dd = Array.from(doc.querySelectorAll('dt')).find((d) => d.textContent === 'Navn')!.nextElementSibling!;
    dd.textContent = '<img src=x onerror=alert(1)>';
    expect(readFirmFacts(doc, 'f-1001', NOW).name).toEqual({ read: true, value: '<img src=x onerror=alert(1)>' });
  });
});

describe('admin and dispatch', () => {
  it('reads the logged-in admin from the header', () => {
    expect(readAdminFacts(loadFixture('firms'))).toEqual({ name: { read: true, value: 'Kari Nordmann' }, email: { read: true, value: 'kari.nordmann@gmail.com' } });
  });
  it('dispatches by URL', () => {
    expect(readPageFacts(loadFixture('firm-shared'), 'https://behandlernettverk.no/firma/f-1003', NOW)?.kind).toBe('firm');
    expect(readPageFacts(loadFixture('location'), 'https://behandlernettverk.no/lokasjon/l-2001', NOW)?.kind).toBe('location');
    expect(readPageFacts(loadFixture('firm-edit'), 'https://behandlernettverk.no/firma/f-1001/endre', NOW)).toMatchObject({ kind: 'other', firmId: 'f-1001' });
    expect(readPageFacts(loadFixture('firms'), 'https://example.com/x/y/z/w', NOW)).toBeUndefined();
  });
});

describe('error pages', () => {
  it('a page without the entity\'s details section is not read as the entity', () => {
    const doc = new DOMParser().parseFromString('<html><body><header></header><main><h1>Noe gikk galt</h1><p>Prøv igjen senere.</p></main></body></html>', 'text/html');
    expect(readPageFacts(doc, 'https://behandlernettverk.no/firma/f-1001', NOW)).toMatchObject({ kind: 'other' });
    expect(readPageFacts(doc, 'https://behandlernettverk.no/lokasjon/l-2001', NOW)).toMatchObject({ kind: 'other' });
  });
  it('an absurdly long value is unread, not sent', () => {
    const doc = loadFixture('firm-co-invoicing');
    const dd = Array.from(doc.querySelectorAll('dt')).find((d) => d.textContent === 'Webside')!.nextElementSibling!;
    dd.textContent = 'x'.repeat(5000);
    expect(readFirmFacts(doc, 'f-1001', NOW).website.read).toBe(false);
  });
});

describe('parsers', () => {
  it('firm types, partners and states', () => {
    expect(parseFirmType('Fakturerende firma')).toBe('invoicing');
    expect(parseFirmType('Fellesfakturerende lokasjon / selvstendig firma')).toBe('co-invoicing');
    expect(parseFirmType('Delt lokasjon')).toBe('shared-location');
    expect(parseFirmType('Noe annet')).toBeNull();
    expect(parsePartner('Digicare (på vegne av Storebrand)')).toBe('digicare-storebrand');
    expect(parsePartner('If/Vertikal Helse')).toBe('if-vertikal');
    expect(parsePartner('DKV Hälsa (Sverige)')).toBe('dkv');
    expect(parsePartner('Ukjent')).toBeUndefined();
    expect(parseAgreementState('Ingen avtale')).toBe('none');
    expect(parseAgreementState('Søkt')).toBe('applied');
  });
  it('portal date-times in Oslo time', () => {
    expect(parsePortalDateTime('02.10.2026 10:15')).toBe('2026-10-02T08:15:00.000Z');
    expect(parsePortalDateTime('26.11.2026 10:15')).toBe('2026-11-26T09:15:00.000Z');
    expect(parsePortalDateTime('Aldri')).toBeNull();
    expect(parsePortalDateTime('i går')).toBeUndefined();
  });
});
