import { describe, expect, it } from 'vitest';
import type { Firm, Location } from './api';
import { firmFactsFromApi, locationFactsFromApi } from './api-facts';
import { FirmFactsSchema, LocationFactsSchema } from './schemas';
import '../zod-setup';

const FIRM: Firm = {
  id: 'f-1002', name: 'Bryggen Fysioterapi AS', orgnr: '920 345 670', type: 'co-invoicing', typeName: 'Fellesfakturerende lokasjon / selvstendig firma',
  website: '', invoiceEmail: 'kari.nordmann@gmail.com', phone: '', address: '', version: 3,
  locations: [{ id: 'l-2003', name: 'Bryggen Fysioterapi', address: 'Bryggen 9', bookingSystem: 'Konfidens' }],
  agreements: [{ partnerId: 'digicare-storebrand', partnerName: 'Digicare', state: 'active' }, { partnerId: 'dkv', partnerName: 'DKV', state: 'none' }],
};

const LOCATION: Location = {
  id: 'l-2001', firmId: 'f-1001', firmName: 'Fysio Grünerløkka AS', name: 'Fysio Grünerløkka', street: 'Thorvald Meyers gate 24A', postalCode: '0555', postalPlace: 'OSLO', municipality: 'OSLO',
  mobile: '912 34 560', phone: '', email: '', facilities: ['Treningssal'], treatments: [], version: 1,
  people: [{ id: 'p-3001', name: 'Ingrid Ødegård', title: '', role: 'Behandler' }, { id: 'p-3006', name: 'Siri Åsheim', title: '', role: 'Behandler' }],
  booking: { system: 'aspit', systemName: 'Aspit (Physica/Psykbase)', clientId: 'PHY-10451', hasKey: true, lastTestedAt: '2026-10-02T08:15:00.000Z', lastResult: 'success', lastLog: [] },
};

describe('API answers as page facts', () => {
  it('a firm: empty as null, orgnr without spaces, the portal\'s codes', () => {
    const f = firmFactsFromApi(FIRM, 5);
    expect(FirmFactsSchema.safeParse(f).success).toBe(true);
    expect(f).toMatchObject({ firmId: 'f-1002', seenAt: 5, orgnr: { read: true, value: '920345670' }, website: { read: true, value: null }, firmType: { read: true, value: 'co-invoicing' } });
    expect(f.locations).toEqual({ read: true, value: [{ id: 'l-2003', name: 'Bryggen Fysioterapi' }] });
    expect(f.agreements).toEqual({ read: true, value: [{ partner: 'digicare-storebrand', state: 'active' }, { partner: 'dkv', state: 'none' }] });
  });

  it('what it does not know is "not read", never guessed', () => {
    const f = firmFactsFromApi({ ...FIRM, type: 'franchise', agreements: [{ partnerId: 'new-insurer', partnerName: 'X', state: 'active' }] }, 5);
    expect(f.firmType.read).toBe(false);
    expect(f.agreements.read).toBe(false);
  });

  it('a location with its Online Manager: a linked profile without free slots reads as no profile', () => {
    const l = locationFactsFromApi(LOCATION, { bookingConfigured: true, practitioners: [{ personId: 'p-3001', name: 'Ingrid Ødegård', profileId: 'pr-1' }, { personId: 'p-3006', name: 'Siri Åsheim', profileId: 'pr-6' }], profiles: [{ id: 'pr-1', name: 'Ingrid Ødegård' }] }, 7);
    expect(LocationFactsSchema.safeParse(l).success).toBe(true);
    expect(l.booking).toEqual({ read: true, value: { system: 'Aspit (Physica/Psykbase)', lastTested: '2026-10-02T08:15:00.000Z', result: 'success' } });
    expect(l.onlineManager).toEqual({
      read: true,
      value: { setUp: true, rows: [{ practitioner: 'Ingrid Ødegård', profile: 'Ingrid Ødegård', options: ['Ingrid Ødegård'] }, { practitioner: 'Siri Åsheim', profile: null, options: ['Ingrid Ødegård'] }] },
    });
    expect(l.mobile).toEqual({ read: true, value: '912 34 560' });
    expect(l.treatments).toEqual({ read: true, value: [] });
  });

  it('without Online Manager: not set up when there is no booking system, otherwise not read', () => {
    expect(locationFactsFromApi({ ...LOCATION, booking: { ...LOCATION.booking, system: null, systemName: null } }, undefined, 1).onlineManager).toEqual({ read: true, value: { setUp: false, rows: [] } });
    expect(locationFactsFromApi(LOCATION, undefined, 1).onlineManager.read).toBe(false);
  });
});
