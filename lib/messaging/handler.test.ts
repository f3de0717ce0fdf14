import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createMessageHandler, type Handlers } from './handler';
import { createMessenger, MessageError } from './client';
import { checkReply } from './checked';
import type { SenderPolicy } from './sender';

const policy: SenderPolicy = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  portalMatches: ['https://behandlernettverk.no/*', 'https://*.behandlernettverk.no/*'],
};
const fromPortal = { id: policy.extensionId, url: 'https://behandlernettverk.no/firma/f-1', tab: { id: 7 }, frameId: 0 };
const fromPage = { id: policy.extensionId, url: `${policy.extensionOrigin}/sidepanel.html` };

function setup() {
  const handlers = {
    ping: vi.fn(() => ({ version: '1.0.0', mode: 'test' })),
    'overlay.status': vi.fn((p: { openItems: number }, _ctx?: unknown) => ({ badgeText: String(p.openItems) })),
    'badge.get': vi.fn(() => ({ text: '?', health: 'unknown' as const })),
    'log.report': vi.fn(() => ({ received: true })),
    'facts.report': vi.fn(() => ({ recalled: { locations: [], prefs: {} }, view: { kind: 'no-firm' as const } })),
    'validate.field': vi.fn(() => ({ verdict: { severity: 'ok' as const, key: 'validation.email.ok' } })),
    'forms.attach': vi.fn(() => ({ attached: true })),
    'booking.refresh': vi.fn(() => ({ reach: 'ok' as const, locations: 0 })),
    'booking.run': vi.fn(() => ({ started: true, total: 0 })),
    'booking.cancel': vi.fn(() => ({ cancelled: false })),
    'i18n.table': vi.fn(() => ({ locale: 'nb' as const, table: {} })),
    'firm.prefs': vi.fn(() => ({})),
    'drafts.save': vi.fn(() => ({ saved: true as const, at: 1, versions: 1 })),
    'drafts.open': vi.fn(() => ({})),
    'drafts.confirm': vi.fn(() => ({ cleared: true })),
    'drafts.discard': vi.fn(() => ({ deleted: true })),
    'drafts.list': vi.fn(() => ({ drafts: [], usage: { count: 0, bytes: 0 }, retentionDays: 30 })),
    'drafts.deleteAll': vi.fn(() => ({ deleted: 0 })),
    'drafts.stats': vi.fn(() => ({ commitMs: [] })),
    'board.readAll': vi.fn(() => ({ started: true, total: 0, reach: 'ok' as const })),
    'board.cancel': vi.fn(() => ({ cancelled: false })),
    'board.view': vi.fn(() => ({ origin: '', firms: [] })),
    'roster.guide': vi.fn(() => ({ opened: false })),
    'guide.plan': vi.fn(() => ({ plan: null })),
  } satisfies Handlers;
  return { handlers, handle: createMessageHandler(policy, handlers) };
}

describe('handleMessage', () => {
  it('answers a ping from a portal content script and from an extension page', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'ping', payload: {} }, fromPortal)).toEqual({ ok: true, data: { version: '1.0.0', mode: 'test' } });
    expect(await handle({ type: 'ping', payload: {} }, fromPage)).toMatchObject({ ok: true });
  });

  it('passes the tab id to handlers of content-script messages', async () => {
    const { handle, handlers } = setup();
    await handle({ type: 'overlay.status', payload: { pageKind: 'firm', openItems: 2, health: 'warning' } }, fromPortal);
    expect(handlers['overlay.status'].mock.calls[0]?.[1]).toMatchObject({ kind: 'content', tabId: 7 });
  });

  it.each([
    ['another extension', { ...fromPortal, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['a non-portal page', { ...fromPortal, url: 'https://evil.example/behandlernettverk.no' }],
    ['a look-alike host', { ...fromPortal, url: 'https://behandlernettverk.no.evil.example/' }],
    ['an iframe in the portal', { ...fromPortal, frameId: 3 }],
    ['no url', { id: policy.extensionId }],
    ['nothing', {}],
  ])('rejects messages from %s', async (_label, sender) => {
    const { handle, handlers } = setup();
    expect(await handle({ type: 'ping', payload: {} }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it('enforces which context may send which type', async () => {
    const { handle, handlers } = setup();
    expect(await handle({ type: 'badge.get', payload: { tabId: 1 } }, fromPortal)).toMatchObject({ error: { code: 'forbidden' } });
    expect(await handle({ type: 'overlay.status', payload: { pageKind: 'x', openItems: 1, health: 'ok' } }, fromPage)).toMatchObject({ error: { code: 'forbidden' } });
    expect(handlers['badge.get']).not.toHaveBeenCalled();
  });

  it('rejects malformed envelopes, unknown types and invalid payloads', async () => {
    const { handle } = setup();
    expect(await handle('ping', fromPage)).toMatchObject({ error: { code: 'bad-request' } });
    expect(await handle({ type: '__proto__', payload: {} }, fromPage)).toMatchObject({ error: { code: 'unknown-type' } });
    expect(await handle({ type: 'toString', payload: {} }, fromPage)).toMatchObject({ error: { code: 'unknown-type' } });
    expect(await handle({ type: 'ping', payload: { extra: 1 } }, fromPage)).toMatchObject({ error: { code: 'bad-request' } });
    expect(await handle({ type: 'overlay.status', payload: { pageKind: 'x', openItems: -1, health: 'ok' } }, fromPortal)).toMatchObject({ error: { code: 'bad-request' } });
  });

  it('turns a throwing handler or a bad response into an internal error, never a throw', async () => {
    const handle = createMessageHandler(policy, {
      ...setup().handlers,
      ping: () => {
        throw new Error('boom');
      },
      'log.report': () => ({ received: 'yes' }) as never,
    });
    expect(await handle({ type: 'ping', payload: {} }, fromPage)).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(await handle({ type: 'log.report', payload: { level: 'info', message: 'x' } }, fromPage)).toMatchObject({ error: { code: 'internal' } });
  });

  it('fuzz: arbitrary payloads and forged senders never throw and never reach a handler when rejected', async () => {
    const { handle, handlers } = setup();
    const sender = fc.record(
      {
        id: fc.oneof(fc.constant(policy.extensionId), fc.string()),
        url: fc.oneof(fc.webUrl(), fc.constant(fromPortal.url), fc.constant(`${policy.extensionOrigin}/x.html`), fc.string()),
        tab: fc.option(fc.record({ id: fc.nat() }), { nil: undefined }),
        frameId: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), sender, async (message, s) => {
        const calls = Object.values(handlers).reduce((n, h) => n + h.mock.calls.length, 0);
        const reply = await handle(message, s);
        const after = Object.values(handlers).reduce((n, h) => n + h.mock.calls.length, 0);
        if (!reply.ok) expect(after).toBe(calls);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('messenger', () => {
  it('round-trips through the handler and validates the reply', async () => {
    const { handle } = setup();
    const send = createMessenger((m) => handle(m, fromPage), checkReply);
    await expect(send('ping', {})).resolves.toEqual({ version: '1.0.0', mode: 'test' });
    await expect(send('badge.get', { tabId: 1 })).resolves.toEqual({ text: '?', health: 'unknown' });
  });

  it('raises MessageError on refusal and on garbage replies', async () => {
    const { handle } = setup();
    const asContent = createMessenger((m) => handle(m, fromPortal));
    await expect(asContent('badge.get', { tabId: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    const garbage = createMessenger(async () => ({ ok: true, data: { version: 1 } }), checkReply);
    await expect(garbage('ping', {})).rejects.toBeInstanceOf(MessageError);
    const nothing = createMessenger(async () => undefined);
    await expect(nothing('ping', {})).rejects.toMatchObject({ code: 'bad-reply' });
  });
});
