/**
 * The background's lifecycle, in both browsers: Chromium terminates the MV3 service worker when it is idle,
 * Firefox unloads the MV2 event page (after 30 s by default; this world shortens it to 10 s, twice the
 * background's keep-alive interval during a booking run). Booking checks — finished, and cut short — survive it,
 * the overlay keeps working, and the scheduled check's alarm wakes a stopped background.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  backgroundRunning,
  launchWorld,
  openExtensionPage,
  openPortal,
  screenshot,
  terminateBackground,
  waitFor,
  waitForItem,
  BROWSER_LABEL,
  IS_FIREFOX,
  type World,
} from './harness';

const IDLE_MS = 10_000;
let world: World;
const pages: Page[] = [];

beforeAll(async () => {
  world = await launchWorld({ bookingTimeoutMs: 1500, backgroundIdleMs: IDLE_MS });
  // The background learns the portal's origin from the content script.
  const portal = await world.browser.newPage();
  pages.push(portal);
  await openPortal(portal, world, '/');
});
afterAll(async () => {
  await world?.close();
});
afterEach(async () => {
  for (const p of pages.splice(1)) await p.close().catch(() => undefined);
});

async function sidePanel(): Promise<Page> {
  const panel = await openExtensionPage(world, 'sidepanel.html');
  pages.push(panel);
  await waitFor('the locations', async () => (await panel.$$('li[data-location-id]')).length > 0, 20_000);
  return panel;
}

/** A location's status label in the side panel (the pill's text without its icon). */
const status = (panel: Page, id: string) =>
  panel.$eval(`li[data-location-id="${id}"] .bk-status .pill > span:not(.pill-icon)`, (el) => el.textContent?.trim() ?? '');

interface StoredRun {
  running?: boolean;
  cancelled?: boolean;
  done?: number;
  total?: number;
  startedAt?: number;
}
const storedRun = (page: Page) => page.evaluate(async () => ((await ext.storage.local.get('booking.v1'))['booking.v1'] as { run?: StoredRun } | undefined)?.run ?? null);

describe(`background lifecycle (${BROWSER_LABEL}: ${IS_FIREFOX ? 'event page unloaded' : 'service worker terminated'})`, () => {
  it('a finished check survives the background being stopped', async () => {
    const panel = await sidePanel();
    const name = await panel.$eval('li[data-location-id="l-2011"] .bk-name', (el) => el.textContent?.trim() ?? '');
    await panel.click(`button[aria-label="Test ${name}"]`);
    await waitFor('l-2011 to be tested', async () => (await status(panel, 'l-2011')) === 'Virker', 20_000);
    await panel.close();

    await terminateBackground(world);
    expect(await backgroundRunning(world)).toBe(false);

    // Opening the side panel sends it messages, which start the background again.
    const again = await sidePanel();
    expect(await status(again, 'l-2011')).toBe('Virker');
    await waitFor('the connection line', async () => /tilkoblet/.test(await again.evaluate(() => document.body.innerText)));
    expect(await again.evaluate(() => document.body.innerText)).toMatch(/Tilkobling til bakgrunnstjenesten: tilkoblet/);
  });

  it('a run cut short by the stop is marked as cancelled; the results it finished stay', async () => {
    const panel = await sidePanel();
    await panel.click('aria/Test alle[role="button"]');
    // Stop it part-way: after some results, before the slow and hanging vendors are done.
    const partial = await waitFor('a run part-way', async () => {
      const run = await storedRun(panel);
      return run?.running && (run.done ?? 0) >= 1 && (run.done ?? 0) < (run.total ?? 0) ? run : undefined;
    }, 20_000);
    await terminateBackground(world);
    await panel.close();

    const again = await sidePanel();
    const end = await waitFor('the run summary', async () => ((await again.$('.bk-run-end')) ? again.$eval('.bk-run-end', (el) => (el as HTMLElement).innerText.trim()) : undefined), 15_000);
    expect(end).toMatch(/^! Avbrutt etter (\d+) av 10\.$/);
    const run = await storedRun(again);
    expect(run).toMatchObject({ running: false, cancelled: true, total: 10 });
    expect(run!.done).toBeGreaterThanOrEqual(partial.done!);
    await screenshot(again, 'lifecycle-run-interrupted');
    // The background is alive again and runs a new check.
    const name = await again.$eval('li[data-location-id="l-2002"] .bk-name', (el) => el.textContent?.trim() ?? '');
    await again.click(`button[aria-label="Test ${name}"]`);
    await waitFor('l-2002 to be tested', async () => (await status(again, 'l-2002')) === 'Ingen kontakt med bookingsystemet', 20_000);
  });

  it('a check that outlasts the idle timeout (a hanging vendor) is not cut short: the background keeps itself alive', async () => {
    // The portal waits this long for the vendor: longer than the idle timeout, with no result in between.
    await fetch(`${world.portal}/__sandbox/options`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bookingTimeoutMs: IDLE_MS + 4_000 }) });
    try {
      const panel = await sidePanel();
      const name = await panel.$eval('li[data-location-id="l-2008"] .bk-name', (el) => el.textContent?.trim() ?? '');
      const before = await storedRun(panel);
      await panel.click(`button[aria-label="Test ${name}"]`);
      await waitFor('the run to start', async () => ((await storedRun(panel))?.startedAt ?? 0) > (before?.startedAt ?? 0));
      const run = await waitFor('the run to finish', async () => {
        const r = await storedRun(panel);
        return r?.running === false ? r : undefined;
      }, IDLE_MS + 20_000);
      expect(run).toMatchObject({ done: 1, total: 1 });
      expect(run.cancelled).toBeUndefined();
      expect(await status(panel, 'l-2008')).toMatch(/^(Ingen kontakt med bookingsystemet|Tok for lang tid)$/);
    } finally {
      await fetch(`${world.portal}/__sandbox/options`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bookingTimeoutMs: 1500 }) });
    }
  });

  it('the overlay keeps working after the background stopped: the content script wakes it', async () => {
    const page = pages[0]!;
    await openPortal(page, world, '/firma/f-1002');
    await waitForItem(page, /^Trenger oppmerksomhet Webside er fylt ut/);
    await terminateBackground(world);
    // SPA navigation: the content script reports the new page's facts to a stopped background.
    await page.click('main table a');
    await page.waitForFunction(() => location.pathname.startsWith('/lokasjon/'), { timeout: 10_000 });
    await waitForItem(page, /Bryggen Fysioterapi/, 15_000);
    expect(await backgroundRunning(world)).toBe(true);
  });

  it(`the scheduled check's alarm wakes a background that stopped ${IS_FIREFOX ? 'by itself when idle' : '(terminated)'}`, async () => {
    const options = await openExtensionPage(world, 'options.html', { width: 700, height: 400 });
    pages.push(options);
    const before = (await storedRun(options))?.startedAt ?? 0;
    if (IS_FIREFOX) {
      // No event for IDLE_MS: Firefox unloads the event page on its own (the real idle path, no forcing).
      await waitFor('the idle event page to unload', async () => !(await backgroundRunning(world)), IDLE_MS + 15_000);
    } else {
      // Chromium's idle timeout (30 s) has no switch; the worker is terminated as the browser would.
      await terminateBackground(world);
    }
    await options.evaluate(() => ext.alarms.create('booking-scheduled', { when: Date.now() + 100 }));
    await waitFor('a scheduled run', async () => ((await storedRun(options))?.startedAt ?? 0) > before, 20_000);
    await waitFor('the scheduled run to finish', async () => (await storedRun(options))?.running === false, 45_000);
  });
});
