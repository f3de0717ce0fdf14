import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backgroundRunning,
  evaluateInBackground,
  launchWorld,
  openExtensionPage,
  overlayElement,
  overlayText,
  screenshot,
  sendFromPage,
  waitForOverlayText,
  BROWSER_LABEL,
  IS_FIREFOX,
  OVERLAY,
  type World,
} from './harness';

let world: World;

beforeAll(async () => {
  world = await launchWorld();
});
afterAll(async () => {
  await world?.close();
});

describe(`foundation (${BROWSER_LABEL}, sandbox build)`, () => {
  it('loads the extension and its background (Chromium: service worker; Firefox: event page)', async () => {
    const manifest = await evaluateInBackground(world, (bg) => bg.chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(IS_FIREFOX ? 2 : 3);
    expect(manifest.name).toContain('sandbox');
    expect(manifest.background).toEqual(expect.objectContaining(IS_FIREFOX ? { persistent: false } : { service_worker: 'background.js' }));
    expect(await backgroundRunning(world)).toBe(true);
  });

  it('the background answers a message from an extension page, and refuses a malformed one', async () => {
    const page = await openExtensionPage(world, 'sidepanel.html');
    expect(await sendFromPage(page, { type: 'ping', payload: {} })).toEqual({ ok: true, data: { version: '0.1.0', mode: 'sandbox' } });
    expect(await sendFromPage(page, { type: 'ping', payload: { x: 1 } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await sendFromPage(page, { type: 'overlay.status', payload: { pageKind: 'x', openItems: 1, health: 'ok' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await page.close();
  });

  it('mounts the overlay on the sandbox portal in a closed shadow root', async () => {
    const page = await world.browser.newPage();
    await page.goto(`${world.portal}/`, { waitUntil: 'domcontentloaded' });
    await overlayElement(page, OVERLAY);
    const text = await waitForOverlayText(page, /Side: Firmaer/);
    expect(text).toContain('Sjekkliste');
    expect(text).toContain('Velg et firma');
    // The portal's own scripts cannot reach into the overlay.
    const hostInfo = await page.evaluate(() => {
      const host = document.querySelector('bn-admin-companion');
      return { exists: Boolean(host), shadowRoot: host ? (host as HTMLElement).shadowRoot : 'no host' };
    });
    expect(hostInfo).toEqual({ exists: true, shadowRoot: null });
    await page.waitForSelector('h1');
    await screenshot(page, 'portal-front-page-overlay');
    await page.close();
  });

  it('follows SPA navigation without a reload and reports the tab to the badge', async () => {
    const page = await world.browser.newPage();
    await page.goto(`${world.portal}/`, { waitUntil: 'domcontentloaded' });
    await waitForOverlayText(page, /Side: Firmaer/);
    const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = Math.random()));
    const link = await page.waitForSelector('main table a');
    await link!.click();
    await waitForOverlayText(page, /Side: Firma\b/);
    expect(await page.evaluate(() => (window as unknown as { __marker: number }).__marker)).toBe(marker);

    const panel = await openExtensionPage(world, 'sidepanel.html');
    const tabId = await panel.evaluate(async (url) => (await ext.tabs.query({})).find((t) => t.url?.startsWith(url))?.id, world.portal);
    expect(tabId).toBeTypeOf('number');
    // On a firm page the badge counts the firm's open checklist items (checklist.test.ts checks the number).
    let reply: unknown;
    for (let i = 0; i < 50; i += 1) {
      reply = await sendFromPage(panel, { type: 'badge.get', payload: { tabId } });
      if (/^\d+$/.test((reply as { data?: { text?: string } }).data?.text ?? '')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(reply).toMatchObject({ ok: true, data: { text: expect.stringMatching(/^\d+$/) } });
    await panel.close();
    await page.close();
  });

  it('collapses and expands from the keyboard, and remembers it', async () => {
    const page = await world.browser.newPage();
    await page.goto(`${world.portal}/`, { waitUntil: 'domcontentloaded' });
    const toggle = await overlayElement(page, 'aria/Skjul sjekklisten');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await overlayElement(page, 'aria/Vis sjekklisten');
    await page.reload({ waitUntil: 'domcontentloaded' });
    const again = await overlayElement(page, 'aria/Vis sjekklisten');
    await again.focus();
    await page.keyboard.press(' '); // Space: WebDriver BiDi knows keys by value
    await overlayElement(page, 'aria/Skjul sjekklisten');
    expect(await overlayText(page)).toContain('Side: Firmaer');
    await page.close();
  });

  it('renders the side panel, popup and options pages', async () => {
    for (const [file, name, viewport] of [
      ['sidepanel.html', 'sidepanel', { width: 400, height: 700 }],
      ['popup.html', 'popup', { width: 360, height: 260 }],
      ['options.html', 'options', { width: 700, height: 400 }],
    ] as const) {
      const page = await openExtensionPage(world, file, viewport);
      await page.waitForSelector('h1');
      if (file === 'sidepanel.html') {
        await page.waitForFunction(() => /tilkoblet|not connected|ikke/.test(document.body.innerText), { timeout: 5_000 }).catch(() => undefined);
        expect(await page.evaluate(() => document.body.innerText)).toMatch(/Tilkobling til bakgrunnstjenesten: tilkoblet/);
      }
      const heading = await page.$eval('h1', (h) => h.textContent);
      expect(heading, file).toBeTruthy();
      await screenshot(page, name);
      await page.close();
    }
  });
});
