import { describe, expect, it } from 'vitest';
import { createFactsMemory, createMemoryStore } from './memory';
import { readFirmFacts, readLocationFacts, readAdminFacts } from '../portal/facts';
import { loadFixture } from '../../tests/fixtures/portal';
import '../zod-setup';

const ORIGIN = 'https://behandlernettverk.no';
const T = Date.UTC(2026, 10, 26, 9);

function seen() {
  return {
    admin: readAdminFacts(loadFixture('firms')),
    firm: readFirmFacts(loadFixture('firm-co-invoicing'), 'f-1001', T),
    location: readLocationFacts(loadFixture('location'), 'l-2001', T),
  };
}

describe('facts memory', () => {
  it('recalls a firm with its seen locations, from the firm or from a location', async () => {
    const memory = createFactsMemory(createMemoryStore());
    const s = seen();
    await memory.remember(ORIGIN, s);
    const byFirm = await memory.recall(ORIGIN, { firmId: 'f-1001' });
    expect(byFirm.firm?.firmId).toBe('f-1001');
    expect(byFirm.locations.map((l) => l.locationId)).toEqual(['l-2001']);
    expect(byFirm.admin?.email).toEqual({ read: true, value: 'kari.nordmann@gmail.com' });
    const byLocation = await memory.recall(ORIGIN, { locationId: 'l-2001' });
    expect(byLocation.firmId).toBe('f-1001');
    expect(byLocation.firm?.name).toEqual(s.firm.name);
  });

  it('keeps origins apart', async () => {
    const memory = createFactsMemory(createMemoryStore());
    await memory.remember(ORIGIN, seen());
    expect((await memory.recall('http://localhost:4610', { firmId: 'f-1001' })).firm).toBeUndefined();
  });

  it('never lets an older reading overwrite a newer one', async () => {
    const memory = createFactsMemory(createMemoryStore());
    const s = seen();
    await memory.remember(ORIGIN, { firm: { ...s.firm, seenAt: T + 1000, website: { read: true, value: 'https://new.no' } } });
    await memory.remember(ORIGIN, { firm: s.firm });
    expect((await memory.recall(ORIGIN, { firmId: 'f-1001' })).firm?.website).toEqual({ read: true, value: 'https://new.no' });
  });

  it('reads corrupt entries as not seen', async () => {
    const store = createMemoryStore({ 'facts.v1:firm:https://behandlernettverk.no|f-1001': { firmId: 'f-1001', seenAt: 'yesterday' } });
    const memory = createFactsMemory(store);
    expect((await memory.recall(ORIGIN, { firmId: 'f-1001' })).firm).toBeUndefined();
  });

  it('stores what the admin told us per firm', async () => {
    const memory = createFactsMemory(createMemoryStore());
    await memory.setPrefs(ORIGIN, 'f-1003', { firmType: 'shared-location' });
    await memory.setPrefs(ORIGIN, 'f-1003', { wantedPartners: ['falck', 'falck', 'dkv'] });
    expect((await memory.recall(ORIGIN, { firmId: 'f-1003' })).prefs).toEqual({ firmType: 'shared-location', wantedPartners: ['falck', 'dkv'] });
    await memory.setPrefs(ORIGIN, 'f-1003', { firmType: null });
    expect((await memory.recall(ORIGIN, { firmId: 'f-1003' })).prefs).toEqual({ wantedPartners: ['falck', 'dkv'] });
  });
});
