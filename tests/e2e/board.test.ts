/**
 * All-locations board (issue #8), end to end on the sandbox: "Les alle" reads every firm and location with the
 * admin's session; the board ("Oversikt" tab) shows each with its checklist states; filters; CSV export parsed
 * back; the printable report; the agreements matrix against the seed; the practitioner roster's suggestion and
 * the removal guide that walks to "Ja" without pressing it; axe finds no violations. Seed: sandbox/README.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWorld, openExtensionPage, openPortal, screenshot, serviceWorker, type World, waitFor } from './harness';
import { parseCsv } from '../../lib/board/csv';

let world: World;
let panel: Page;

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

/** The board's rows as { key: [name, cell texts…] }. */
async function boardRows(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('tr[data-row]', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute('data-row')!,
        [(r.querySelector('.board-name') as HTMLElement).innerText.trim(), ...Array.from(r.querySelectorAll('td')).map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim())],
      ]),
    ),
  );
}

async function selectTab(page: Page, name: string) {
  await page.click(`::-p-aria(${name}[role="tab"])`);
  await page.waitForSelector(`::-p-aria(${name}[role="tab"][aria-selected="true"])`);
}

async function readAll(page: Page, timeout = 60_000) {
  await page.click('::-p-aria(Les alle[role="button"])');
  await waitFor('"Les alle" to finish', async () => (await page.$eval('.board', (b) => (b as HTMLElement).innerText)).match(/Ferdig: \d+ firmaer og lokasjoner lest/), timeout);
}

beforeAll(async () => {
  world = await launchWorld({ bookingTimeoutMs: 1500 });
  // The background learns the portal's origin from the content script: open the portal first.
  const portal = await world.browser.newPage();
  await openPortal(portal, world, '/');
  await waitFor('the portal origin to be known', async () => {
    const sw = await serviceWorker(world);
    return sw.evaluate(async () => Boolean((await chrome.storage.local.get('portal.origin.v1'))['portal.origin.v1']));
  });
  panel = await openExtensionPage(world, 'sidepanel.html#board', { width: 1100, height: 900 });
});
afterAll(async () => {
  await world?.close();
});

describe('board', () => {
  it('dump', async () => {
    await readAll(panel);
    await new Promise((r) => setTimeout(r, 1500));
    console.log(JSON.stringify(await boardRows(panel), null, 1));
    await screenshot(panel, 'board');
  });
});
