/**
 * Driving the sandbox portal in a browser the way an admin does — pages by their heading, buttons and
 * links by their visible text, read-only values by their label — shared by the sandbox e2e suites.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { ARTIFACTS, type World } from './harness';

/** XPath string literal (no double quotes in our texts). */
export const q = (s: string) => JSON.stringify(s);

/**
 * Waits until <main> is not busy and its h1 says `heading`; with `late` (default), also until late
 * sections (Online Manager's profiles, fetched live from the vendor) have loaded.
 */
export async function waitForPage(page: Page, heading: string, { late = true, timeout = 10_000 } = {}): Promise<void> {
  await page
    .waitForFunction(
      (h, l) => {
        const main = document.querySelector('main');
        return main?.getAttribute('aria-busy') === 'false' && main.querySelector('h1')?.textContent === h && (!l || !main.querySelector('[aria-busy="true"]'));
      },
      { timeout },
      heading,
      late,
    )
    .catch(async (err: unknown) => {
      const now = await page.evaluate(() => `${location.pathname}: ${document.querySelector('main h1')?.textContent ?? '(no h1)'}`).catch(() => '?');
      throw new Error(`page with heading ${q(heading)} never showed (now ${now}): ${String(err)}`);
    });
}

export async function mainText(page: Page): Promise<string> {
  return page.$eval('main', (m) => (m as HTMLElement).innerText);
}

export async function waitForText(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('main')?.innerText.includes(t) ?? false, { timeout }, text).catch(async () => {
    throw new Error(`main never showed ${q(text)}; it shows:\n${await mainText(page)}`);
  });
}

/**
 * The form control whose <label> says `text`, as an XPath selector. For a password field: Firefox's accessibility
 * tree over WebDriver BiDi gives it no `textbox` role, so `aria/…[role="textbox"]` finds it in Chromium only.
 */
export const labelled = (text: string) => `::-p-xpath(//*[@id=//label[normalize-space()=${q(text)}]/@for])`;

export async function find(page: Page, selector: string, timeout = 10_000): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(selector, { visible: true, timeout });
  if (!handle) throw new Error(`not found: ${selector}`);
  return handle;
}

/**
 * Scrolls the element to the middle of the viewport and clicks it. When something covers it anyway, the
 * admin uses the keyboard: focus + Enter (Space for a checkbox).
 */
export async function clickHandle(handle: ElementHandle<Element>): Promise<void> {
  const covered = await handle.evaluate((el) => {
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !(hit && (hit === el || el.contains(hit) || (el instanceof HTMLInputElement && el.labels?.[0]?.contains(hit))));
  });
  if (!covered) return handle.click();
  const isCheckbox = await handle.evaluate((el) => el instanceof HTMLInputElement && el.type === 'checkbox');
  await handle.focus();
  await handle.press(isCheckbox ? ' ' : 'Enter'); // ' ' is Space: WebDriver BiDi knows keys by value, CDP by either
}

/** Clicks the button with this visible text (optionally inside the card headed `section`). */
export async function clickButton(page: Page, text: string, section?: string): Promise<void> {
  const selector = section
    ? `::-p-xpath(//section[h2[normalize-space()=${q(section)}]]//button[normalize-space()=${q(text)}])`
    : `aria/${text}[role="button"]`;
  await clickHandle(await find(page, selector));
}

/** The value shown next to `term` in a read-only details list. */
export async function detail(page: Page, term: string): Promise<string> {
  const dd = await find(page, `::-p-xpath(//main//dt[normalize-space()=${q(term)}]/following-sibling::dd[1])`);
  return dd.evaluate((el) => (el as HTMLElement).innerText.trim());
}

export async function shot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) as `${string}.png`, fullPage: true });
}

/** Opens tabs on the portal and closes them all after each test. */
export function createTabs(world: () => World) {
  const pages: Page[] = [];
  return {
    /** A new tab on `pathname`, once the page with heading `heading` has rendered. */
    async open(pathname: string, heading: string): Promise<Page> {
      const page = await world().browser.newPage();
      pages.push(page);
      await page.goto(`${world().portal}${pathname}`, { waitUntil: 'domcontentloaded' });
      await waitForPage(page, heading);
      return page;
    },
    async closeAll(): Promise<void> {
      for (const p of pages.splice(0)) await p.close().catch(() => undefined);
    },
  };
}
