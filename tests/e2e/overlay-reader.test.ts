/**
 * The Firefox suite reads our closed shadow roots through the sandbox build's e2e probe (platform/e2e-probe.ts),
 * because WebDriver BiDi's accessibility locator does not enter them. This file checks, in Chromium, that the
 * probe reads what the browser's accessibility tree (what a screen reader gets) reads: the same overlay text,
 * the same items, the same verdicts, and the same controls in the same places. If the UI grows a construct the
 * probe names differently, this fails here rather than as a puzzling Firefox-only failure.
 *
 * Chromium only, deliberately: Firefox has no accessibility tree over BiDi to compare the probe with.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWorld, openPortal, overlayElement, overlayItems, overlayText, verdictText, waitForOverlayText, waitForVerdict, IS_FIREFOX, type World } from './harness';

let world: World;
let page: Page;

beforeAll(async () => {
  if (IS_FIREFOX) return;
  world = await launchWorld();
  page = await world.browser.newPage();
});
afterAll(async () => {
  await world?.close();
});

async function sameText(path: string | null, ready: RegExp) {
  if (path) await openPortal(page, world, path);
  await waitForOverlayText(page, ready);
  // Let late answers (register checks) settle so both readings see the same state.
  await new Promise((r) => setTimeout(r, 500));
  const where = path ?? 'this page';
  const [ax, probe] = [await overlayText(page, 'accessibility'), await overlayText(page, 'probe')];
  expect(probe, where).toBe(ax);
  expect(await overlayItems(page, 'probe'), where).toEqual(await overlayItems(page, 'accessibility'));
  return ax;
}

async function sameBox(selector: string) {
  // The probe scrolls the control into view (as a click does) first; then both measure the same layout.
  const probe = await (await overlayElement(page, selector, { via: 'probe' })).boundingBox();
  const ax = await (await overlayElement(page, selector, { via: 'accessibility' })).boundingBox();
  expect(ax, selector).not.toBeNull();
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(probe![k] - ax![k]), `${selector} ${k}`).toBeLessThan(1.5);
}

describe.skipIf(IS_FIREFOX)('overlay reader: the e2e probe reads what Chromium\'s accessibility tree reads (Chromium only: nothing to compare with in Firefox)', () => {
  it('the same overlay text and items on each page kind', async () => {
    await sameText('/', /Velg et firma/);
    await sameText('/firma/f-1002', /av \d+ i orden/);
    await sameText('/firma/f-1005', /av \d+ i orden/);
    await sameText('/lokasjon/l-2001', /av \d+ i orden/);
    await sameText('/lokasjon/l-2001/online-booking', /av \d+ i orden/);
  });

  it('the same text with everything shown, and with a question asked', async () => {
    await openPortal(page, world, '/firma/f-1001');
    await (await overlayElement(page, 'aria/Vis også det som er i orden[role="button"]')).click();
    await sameText(null, /I orden Webside er fylt ut/);
    // A location opened before its firm: the overlay asks the firm type (radio group).
    expect(await sameText('/lokasjon/l-2010', /Hvilken type firma/)).toContain('Bruk denne typen');
  });

  it('the same controls in the same places', async () => {
    await openPortal(page, world, '/firma/f-1002');
    await waitForOverlayText(page, /av \d+ i orden/);
    for (const selector of [
      'aria/Sjekkliste for firma-administrator',
      'aria/Skjul sjekklisten',
      'aria/Flytt sjekklisten til venstre',
      'aria/Gå dit: E-post for faktura er riktig',
      'aria/Falck Helse[role="checkbox"]',
      'aria/Lagre partnervalget',
    ]) {
      await sameBox(selector);
    }
  });

  it('the same verdicts beside the edit form\'s fields', async () => {
    await openPortal(page, world, '/firma/f-1002/endre');
    await waitForVerdict(page, 'E-post for faktura', /din egen/i);
    await waitForVerdict(page, 'Organisasjonsnummer', /.+/);
    for (const field of ['E-post for faktura', 'Organisasjonsnummer', 'Webside']) {
      expect(await verdictText(page, field, 'probe'), field).toBe(await verdictText(page, field, 'accessibility'));
    }
  });
});
