// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FROM_PAGE, FROM_PORTAL, createRecordedBackground, fuzzBackground } from './background-fuzz';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);

describe('background message fuzz', () => {
  // The recording doubles must see real effects, or "0 side effects" would prove nothing.
  it('the doubles record what accepted messages do', async () => {
    const bg = createRecordedBackground();
    expect(await bg.handle({ type: 'firm.prefs', payload: { firmId: 'f-1', firmType: 'co-invoicing' } }, FROM_PORTAL)).toMatchObject({ ok: true });
    expect(bg.effects.storageWrites).toBeGreaterThan(0);
    expect(await bg.handle({ type: 'overlay.status', payload: { pageKind: 'firm', openItems: 1, health: 'ok' } }, FROM_PORTAL)).toMatchObject({ ok: true });
    expect(bg.effects.badgeWrites).toBe(1);
    await bg.handle({ type: 'forms.attach', payload: {} }, FROM_PORTAL);
    expect(bg.effects.injections).toBe(1);
    await bg.handle({ type: 'booking.refresh', payload: {} }, FROM_PAGE);
    expect(bg.effects.requests).toBeGreaterThan(0);
    await bg.handle({ type: 'log.report', payload: { level: 'info', message: 'x' } }, FROM_PAGE);
    expect(bg.effects.logs).toBe(1);
  });

  it('the same messages from forged senders are refused with no effect', async () => {
    const bg = createRecordedBackground();
    const forged = [
      { ...FROM_PORTAL, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' },
      { ...FROM_PORTAL, url: 'https://behandlernettverk.no.evil.example/' },
      { ...FROM_PORTAL, frameId: 2 },
      { id: FROM_PAGE.id, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/sidepanel.html' },
    ];
    for (const sender of forged) {
      expect(await bg.handle({ type: 'firm.prefs', payload: { firmId: 'f-1', firmType: 'co-invoicing' } }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await bg.handle({ type: 'booking.refresh', payload: {} }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // A content script may not drive the booking companion; an extension page may not claim a tab's badge.
    expect(await bg.handle({ type: 'booking.run', payload: {} }, FROM_PORTAL)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await bg.handle({ type: 'overlay.status', payload: { pageKind: 'firm', openItems: 1, health: 'ok' } }, FROM_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(bg.total()).toBe(0);
  });

  it(`arbitrary messages and forged senders: ${RUNS} runs, 0 throws, 0 side effects when rejected`, async () => {
    const summary = await fuzzBackground(RUNS);
    expect(summary.runs).toBe(RUNS);
    expect(summary.uncaught).toEqual([]);
    // The generators reach every outcome (a fuzz that only hits "forbidden" would test little).
    expect(summary.accepted).toBeGreaterThan(0);
    expect(Object.keys(summary.rejected).sort()).toEqual(['bad-request', 'forbidden', 'unknown-type']);
    console.log(`fuzz: ${summary.runs} runs, ${summary.accepted} accepted, rejected ${JSON.stringify(summary.rejected)}`);
  }, Math.max(60_000, RUNS * 20));
});
