/**
 * End-to-end harness: the built sandbox extension in Debian's Chromium (puppeteer-core), against the
 * sandbox portal on loopback. See ../shared/TOOLCHAIN.md for why each flag and wait is here.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { startSandbox } from '../../sandbox/server';
import { SANDBOX_PORTS } from '../../lib/config/origins';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3-sandbox');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts/chrome');

export interface World {
  browser: Browser;
  extensionId: string;
  portal: string;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the sandbox and Chromium. `extension: false` gives the plain portal with no extension installed
 * (the sandbox's own flows are tested that way: the extension's save guard would rightly stop some of them).
 */
export async function launchWorld(options: { scenario?: string; delayMs?: number | [number, number]; bookingTimeoutMs?: number; extension?: boolean } = {}): Promise<World> {
  // Portal and vendors on ephemeral ports (the sandbox build's content script matches any loopback port);
  // the registers on the port the sandbox build's register clients are configured for (4630, or
  // WXT_SANDBOX_REGISTER_PORT at build time), unless
  // E2E_REGISTER_PORT says otherwise (parallel runs that do not need the registers).
  const sandbox = await startSandbox({
    scenario: options.scenario ?? 'default',
    quiet: true,
    delayMs: options.delayMs ?? 0,
    portalPort: 0,
    vendorPort: 0,
    registerPort: Number(process.env.E2E_REGISTER_PORT ?? SANDBOX_PORTS.registers),
    ...(options.bookingTimeoutMs ? { bookingTimeoutMs: options.bookingTimeoutMs } : {}),
  });
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'bn-e2e-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      pipe: true,
      enableExtensions: true,
      userDataDir,
      args: [...CHROMIUM_ARGS, '--window-size=1280,900', '--lang=nb-NO', '--accept-lang=nb-NO,nb,no,en'],
      env: { ...process.env, LANG: 'nb_NO.UTF-8', LANGUAGE: 'nb_NO:nb' },
      defaultViewport: { width: 1280, height: 900 },
    });
    const extensionId = options.extension === false ? '' : await browser.installExtension(EXTENSION_DIR);
    const b = browser;
    return {
      browser: b,
      extensionId,
      portal: sandbox.urls.portal.replace(/\/$/, ''),
      sandbox,
      userDataDir,
      async close() {
        await b.close().catch(() => undefined);
        await sandbox.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await sandbox.close().catch(() => undefined);
    throw error;
  }
}

/** The service worker, once its `chrome` global is really there (it can lag the target for a moment). */
export async function serviceWorker(world: World): Promise<WebWorker> {
  const target = await world.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${world.extensionId}/`),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('service worker target has no worker');
  for (let i = 0; i < 100; i += 1) {
    if (await worker.evaluate(() => typeof chrome !== 'undefined' && Boolean(chrome.runtime?.id)).catch(() => false)) return worker;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('service worker never got its chrome global');
}

/** Opens an extension page (side panel, popup, options) in a tab. */
export async function openExtensionPage(world: World, file: string, viewport = { width: 420, height: 760 }): Promise<Page> {
  const page = await world.browser.newPage();
  await page.setViewport(viewport);
  await page.goto(`chrome-extension://${world.extensionId}/${file}`, { waitUntil: 'load' });
  return page;
}

/** Sends a protocol message from an extension page, as the UIs do, and returns the raw reply. */
export async function sendFromPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

/** The overlay's region, found the way a screen reader finds it (it lives in a closed shadow root). */
export const OVERLAY = 'aria/Sjekkliste for firma-administrator';

/** The overlay's text as a screen reader reads it (leaf nodes in order), through the closed shadow root. */
export async function overlayText(page: Page): Promise<string> {
  const region = await page.waitForSelector(OVERLAY, { timeout: 15_000 });
  const snapshot = await page.accessibility.snapshot({ root: region ?? undefined, interestingOnly: false });
  const parts: string[] = [];
  const walk = (node: { name?: string; children?: unknown[] } | null | undefined) => {
    if (!node) return;
    if (!node.children?.length) {
      if (node.name) parts.push(node.name);
      return;
    }
    for (const child of node.children as (typeof node)[]) walk(child);
  };
  walk(snapshot as never);
  return parts.join(' ').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}

export async function waitForOverlayText(page: Page, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await overlayText(page).catch(() => '');
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`overlay never showed ${pattern}; last text: ${last}`);
}

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}

/** Each checklist item in the overlay as one line of text (state, title, message …), read through the closed shadow root. */
export async function overlayItems(page: Page): Promise<string[]> {
  const region = await page.waitForSelector(OVERLAY, { timeout: 15_000 });
  const snapshot = (await page.accessibility.snapshot({ root: region ?? undefined, interestingOnly: false })) as AxNode | null;
  const items: string[] = [];
  // Leaves only: a parent's name repeats its text children's.
  const text = (node: AxNode): string => (node.children?.length ? node.children.map(text).filter(Boolean).join(' ') : (node.name ?? ''));
  const walk = (node: AxNode | null | undefined, inItem: boolean) => {
    if (!node) return;
    if (node.role === 'listitem' && !inItem) {
      items.push(text(node).replace(/\s+/g, ' ').trim());
      return;
    }
    for (const child of node.children ?? []) walk(child, inItem);
  };
  walk(snapshot, false);
  return items;
}

/** Waits until the overlay shows an item matching `pattern`, and returns it. */
export async function waitForItem(page: Page, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await overlayItems(page).catch(() => []);
    const hit = last.find((i) => pattern.test(i));
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no overlay item matched ${pattern}; items:\n${last.join('\n')}`);
}

/** Navigates within the portal and waits until its page has loaded (main no longer busy). */
export async function openPortal(page: Page, world: World, path: string): Promise<void> {
  await page.goto(`${world.portal}${path}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') !== 'true' && Boolean(document.querySelector('main h1')), { timeout: 15_000 });
}

/** The text of a field's verdict (in its own closed shadow root), found by its accessible name. */
export async function verdictText(page: Page, fieldLabel: string): Promise<string> {
  const region = await page.waitForSelector(`aria/Sjekk av ${fieldLabel}`, { timeout: 10_000 });
  const snapshot = (await page.accessibility.snapshot({ root: region ?? undefined, interestingOnly: false })) as AxNode | null;
  const parts: string[] = [];
  const walk = (node: AxNode | null | undefined) => {
    if (!node) return;
    if (!node.children?.length) {
      if (node.name) parts.push(node.name);
      return;
    }
    node.children.forEach(walk);
  };
  walk(snapshot);
  return parts.join(' ').replace(/\s+/g, ' ').replace(/ :/g, ':').trim();
}

export async function waitForVerdict(page: Page, fieldLabel: string, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await verdictText(page, fieldLabel).catch(() => '');
    if (pattern.test(last) && !/Sjekker …/.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`verdict for ${fieldLabel} never matched ${pattern}; last: ${last}`);
}

/** Replaces a text field's value by typing, as a person does. */
export async function retype(page: Page, selector: string, text: string): Promise<void> {
  const input = await page.waitForSelector(selector);
  await input!.click({ count: 3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/** Polls `probe` until it returns something truthy (errors count as "not yet"); fails with the last value seen. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
}
