import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from './handlers';
import { createMessageHandler } from '../messaging/handler';
import { createFactsMemory, createMemoryStore } from '../facts/memory';
import { readAdminFacts, readFirmFacts, readLocationFacts } from '../portal/facts';
import { loadFixture } from '../../tests/fixtures/portal';
import '../zod-setup';

const policy = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext',
  portalMatches: ['https://behandlernettverk.no/*', 'https://*.behandlernettverk.no/*'],
};
const portal = (path: string) => ({ id: 'ext', url: `https://behandlernettverk.no${path}`, tab: { id: 3 }, frameId: 0 });
const page = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };

function setup() {
  const store = createMemoryStore();
  const badge = { set: vi.fn(async () => undefined), get: vi.fn(async () => ({ text: '3', health: 'warning' as const })) };
  const handle = createMessageHandler(policy, createBackgroundHandlers({ version: '1', mode: 'test', memory: createFactsMemory(store), badge }));
  return { store, badge, handle };
}

describe('background handlers', () => {
  it('remembers reported facts under the sender origin and answers with the firm', async () => {
    const { handle, store } = setup();
    const firm = readFirmFacts(loadFixture('firm-problems'), 'f-1002', 1);
    const admin = readAdminFacts(loadFixture('firms'));
    const reply = await handle({ type: 'facts.report', payload: { firm, admin } }, portal('/firma/f-1002'));
    expect(reply).toMatchObject({ ok: true, data: { recalled: { firmId: 'f-1002', firm: { firmId: 'f-1002' }, admin: { email: { value: 'kari.nordmann@gmail.com' } } }, view: { kind: 'firm', firmId: 'f-1002' } } });
    expect([...store.data.keys()].every((k) => k.includes('https://behandlernettverk.no'))).toBe(true);
    const again = await handle({ type: 'facts.report', payload: { firmId: 'f-1002' } }, portal('/firma/f-1002/endre'));
    expect(again).toMatchObject({ ok: true, data: { recalled: { firm: { website: { read: true, value: null } } } } });
  });

  it('refuses malformed facts without storing anything', async () => {
    const { handle, store } = setup();
    const reply = await handle({ type: 'facts.report', payload: { firm: { firmId: '../../x', seenAt: 1 } } }, portal('/'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(store.data.size).toBe(0);
  });

  it('firm prefs: content scripts write for their own origin, pages must name one', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'firm.prefs', payload: { firmId: 'f-1', firmType: 'shared-location', origin: 'https://evil.example' } }, portal('/firma/f-1'))).toEqual({
      ok: true,
      data: { firmType: 'shared-location' },
    });
    const recalled = await handle({ type: 'facts.report', payload: { firmId: 'f-1' } }, portal('/firma/f-1'));
    expect(recalled).toMatchObject({ ok: true, data: { recalled: { prefs: { firmType: 'shared-location' } } } });
    expect(await handle({ type: 'firm.prefs', payload: { firmId: 'f-1', wantedPartners: ['dkv'] } }, page)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('sets the badge for the sending tab', async () => {
    const { handle, badge } = setup();
    expect(await handle({ type: 'overlay.status', payload: { pageKind: 'firm', openItems: 3, health: 'error' } }, portal('/firma/f-1'))).toEqual({ ok: true, data: { badgeText: '3' } });
    expect(badge.set).toHaveBeenCalledWith(3, expect.objectContaining({ text: '3', health: 'error' }));
  });

  it('the booking companion\'s newer result feeds the checklist\'s "booking tested" item', async () => {
    const now = Date.UTC(2026, 10, 26, 12);
    const handle = createMessageHandler(
      policy,
      createBackgroundHandlers({
        version: '1',
        mode: 'test',
        now: () => now,
        memory: createFactsMemory(createMemoryStore()),
        badge: { set: vi.fn(async () => undefined), get: vi.fn(async () => ({ text: '', health: 'unknown' as const })) },
        bookingChecks: async () => ({ 'l-2001': { status: 'connect-failed', at: now - 60_000 } }),
      }),
    );
    const location = readLocationFacts(loadFixture('location'), 'l-2001', now);
    await handle({ type: 'firm.prefs', payload: { firmId: 'f-1001', firmType: 'co-invoicing' } }, portal('/lokasjon/l-2001'));
    const reply = (await handle({ type: 'facts.report', payload: { location } }, portal('/lokasjon/l-2001'))) as {
      ok: true;
      data: { view: { kind: string; sections: { items: { id: string; state: string; locationId?: string }[] }[] } };
    };
    const tested = reply.data.view.sections.flatMap((x) => x.items).find((i) => i.id === 'booking.tested' && i.locationId === 'l-2001');
    // The page says "Suksess" on 02.10.2026; our check a minute ago could not connect: ours is newer and wins.
    expect(tested?.state).toBe('invalid');
  });
});
