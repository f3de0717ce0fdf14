/**
 * Issue #6 end to end: drafts never lose what the admin typed. Each test types into a sandbox portal form,
 * loses the page in some way, and asserts the restored text equals what was typed. Drafts are read back
 * from the extension origin's IndexedDB through an extension page (never the portal's origin).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { launchWorld, openExtensionPage, openPortal, retype, screenshot, serviceWorker, type World } from './harness';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

let world: World;
let page: Page;

beforeAll(async () => {
  world = await launchWorld();
});
afterAll(async () => {
  await world?.close();
});
beforeEach(async () => {
  await fetch(`${world.portal}/__sandbox/reset?scenario=default&delay=0`, { method: 'POST' });
  await clearDrafts(world.browser);
  page = await world.browser.newPage();
});
afterEach(async () => {
  await page?.close().catch(() => undefined);
});

const field = (label: string) => `aria/${label}[role="textbox"]`;
const BANNER = 'aria/Du har et ulagret utkast';
const value = (p: Page, name: string) => p.$eval(`form [name="${name}"]`, (i) => (i as HTMLInputElement).value);

/** Every draft record in the extension's IndexedDB, read from an extension page. */
async function dumpDrafts(browser: Browser = world.browser): Promise<{ id: string; fields: Record<string, { label: string; value: unknown }>; submittedAt?: number }[]> {
  const p = await browser.newPage();
  try {
    await p.goto(`chrome-extension://${world.extensionId}/sidepanel.html`, { waitUntil: 'domcontentloaded' });
    return await p.evaluate(
      () =>
        new Promise<never>((resolve, reject) => {
          const req = indexedDB.open('bn-drafts');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('drafts')) return resolve([] as never);
            const all = db.transaction('drafts').objectStore('drafts').getAll();
            all.onsuccess = () => {
              db.close();
              resolve(all.result as never);
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  } finally {
    await p.close();
  }
}

async function clearDrafts(browser: Browser) {
  const p = await browser.newPage();
  try {
    await p.goto(`chrome-extension://${world.extensionId}/sidepanel.html`, { waitUntil: 'domcontentloaded' });
    await p.evaluate(() => chrome.runtime.sendMessage({ type: 'drafts.deleteAll', payload: {} }));
  } finally {
    await p.close();
  }
}

/** Waits until the background holds a draft whose fields include `text`. */
async function waitForDraftWith(text: string, browser: Browser = world.browser, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = JSON.stringify(await dumpDrafts(browser).catch(() => []));
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no draft held ${text}; drafts: ${last}`);
}

async function restoreFromBanner(p: Page) {
  await p.waitForSelector(BANNER, { timeout: 10_000 });
  const button = await p.waitForSelector('aria/Gjenopprett[role="button"]');
  await button!.click();
  await p.waitForSelector('aria/Lukk[role="button"]', { timeout: 5_000 });
}

describe('drafts (Chromium, sandbox)', () => {
  it('reload mid-typing: the banner offers the draft and restores exactly what was typed', async () => {
    await openPortal(page, world, '/firma/f-1002/endre');
    await retype(page, field('Webside'), 'https://utkast-før-reload.no/side?a=1&b=2');
    await retype(page, field('Telefon'), '+47 22 33 44 55');
    // No waiting: the reload comes inside the debounce window; the page-hide flush must carry it.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await openPortal(page, world, '/firma/f-1002/endre');
    await page.waitForSelector(BANNER, { timeout: 10_000 });
    await screenshot(page, 'drafts-banner');
    expect(await value(page, 'website')).not.toBe('https://utkast-før-reload.no/side?a=1&b=2');
    await restoreFromBanner(page);
    expect(await value(page, 'website')).toBe('https://utkast-før-reload.no/side?a=1&b=2');
    expect(await value(page, 'phone')).toBe('+47 22 33 44 55');
  });

  it('SPA navigation away and back', async () => {
    await openPortal(page, world, '/firma/f-1002/endre');
    await retype(page, field('Adresse'), 'Bryggen 9, 5003 Bergen – bakgården');
    await (await page.waitForSelector('aria/Avbryt[role="button"]'))!.click();
    await page.waitForFunction(() => location.pathname === '/firma/f-1002');
    const marker = await page.evaluate(() => ((window as unknown as { __spa: number }).__spa = 1));
    await (await page.waitForSelector('aria/Endre[role="button"]'))!.click();
    await page.waitForFunction(() => location.pathname === '/firma/f-1002/endre');
    await restoreFromBanner(page);
    expect(await page.evaluate(() => (window as unknown as { __spa?: number }).__spa)).toBe(marker);
    expect(await value(page, 'address')).toBe('Bryggen 9, 5003 Bergen – bakgården');
  });

  it('tab closed and reopened', async () => {
    await openPortal(page, world, '/lokasjon/l-2001/endre');
    await retype(page, field('Mobilnummer'), '+47 912 34 567');
    await page.close();
    page = await world.browser.newPage();
    await openPortal(page, world, '/lokasjon/l-2001/endre');
    await restoreFromBanner(page);
    expect(await value(page, 'mobile')).toBe('+47 912 34 567');
  });
});
