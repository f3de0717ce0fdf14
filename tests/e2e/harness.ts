/**
 * End-to-end harness: the built sandbox extension in Debian's Chromium or Firefox ESR (puppeteer-core; CDP for
 * Chromium, WebDriver BiDi for Firefox), against the sandbox portal on loopback. `E2E_BROWSER=chromium|firefox`
 * picks the browser (default chromium); the test files are the same for both. tests/e2e/README.md says how to
 * write a test that runs in both, and ../shared/TOOLCHAIN.md why each flag and wait is here.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath } from '../../scripts/browsers.mjs';
import { startSandbox } from '../../sandbox/server';
import { SANDBOX_PORTS } from '../../lib/config/origins';
import { GECKO_ID } from '../../lib/config/manifest';
import { PROBE_EVENT, PROBE_REPLY, type AxNode } from '../../platform/e2e-probe';

export type BrowserName = 'chromium' | 'firefox';

function browserFromEnv(value: string | undefined): BrowserName {
  if (value === undefined || value === '' || value === 'chromium' || value === 'chrome') return 'chromium';
  if (value === 'firefox') return 'firefox';
  throw new Error(`E2E_BROWSER must be chromium or firefox, not ${JSON.stringify(value)}`);
}

/** The browser this run drives. */
export const BROWSER: BrowserName = browserFromEnv(process.env.E2E_BROWSER);
export const IS_FIREFOX = BROWSER === 'firefox';
/** For test names: `describe(\`foundation (${BROWSER_LABEL})\`)`. */
export const BROWSER_LABEL = IS_FIREFOX ? 'Firefox ESR' : 'Chromium';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = path.join(ROOT, IS_FIREFOX ? '.output/firefox-mv2-sandbox' : '.output/chrome-mv3-sandbox');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts', IS_FIREFOX ? 'firefox' : 'chrome');

/**
 * Firefox gives each install a random moz-extension:// uuid; this pref-fixed one keeps extension page URLs stable.
 * (Chromium's id comes from the unpacked path, and `installExtension` returns it.)
 */
export const FIREFOX_EXTENSION_UUID = '5b7e2c1a-94d3-4f6e-8a0b-1c2d3e4f5a6b';

export interface World {
  browser: Browser;
  browserName: BrowserName;
  /** The runtime id (`chrome.runtime.id`): Chromium's extension id, or the Firefox add-on (gecko) id. */
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, no trailing slash. */
  extensionOrigin: string;
  portal: string;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  userDataDir: string;
  close(): Promise<void>;
}

export interface WorldOptions {
  scenario?: string;
  delayMs?: number | [number, number];
  bookingTimeoutMs?: number;
  /** `false`: the plain portal with no extension installed. */
  extension?: boolean;
  /**
   * Firefox only: unload the idle event page after this many ms (the pref `extensions.background.idle.timeout`,
   * default 30 s). Chromium's service-worker idle timeout (30 s) has no switch; `terminateBackground` works in both.
   */
  backgroundIdleMs?: number;
}

/**
 * Starts the sandbox and the browser. `extension: false` gives the plain portal with no extension installed
 * (the sandbox's own flows are tested that way: the extension's save guard would rightly stop some of them).
 */
export async function launchWorld(options: WorldOptions = {}): Promise<World> {
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
  const userDataDir = await mkdtemp(path.join(tmpdir(), `bn-e2e-${BROWSER}-`));
  let browser: Browser | undefined;
  try {
    browser = IS_FIREFOX ? await launchFirefox(userDataDir, options) : await launchChromium(userDataDir);
    let extensionId = '';
    let extensionOrigin = '';
    if (options.extension !== false) {
      extensionId = await browser.installExtension(EXTENSION_DIR);
      extensionOrigin = IS_FIREFOX ? `moz-extension://${FIREFOX_EXTENSION_UUID}` : `chrome-extension://${extensionId}`;
    }
    const b = browser;
    return {
      browser: b,
      browserName: BROWSER,
      extensionId,
      extensionOrigin,
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
    await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

const VIEWPORT = { width: 1280, height: 900 };

/**
 * After a crash test killed `world.browser` (SIGKILL): starts the same browser again on the same profile and
 * installs the extension again (a temporary install is not kept in the profile; same path/add-on id, so the same
 * extension origin and its IndexedDB). The caller closes the returned browser.
 */
export async function relaunchBrowser(world: World): Promise<Browser> {
  const browser = IS_FIREFOX ? await launchFirefox(world.userDataDir, {}) : await launchChromium(world.userDataDir);
  try {
    await browser.installExtension(EXTENSION_DIR);
    return browser;
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

function launchChromium(userDataDir: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir,
    args: [...CHROMIUM_ARGS, '--window-size=1280,900', '--lang=nb-NO', '--accept-lang=nb-NO,nb,no,en'],
    env: { ...process.env, LANG: 'nb_NO.UTF-8', LANGUAGE: 'nb_NO:nb' },
    defaultViewport: VIEWPORT,
  });
}

function launchFirefox(userDataDir: string, options: WorldOptions): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir,
    // Lets the harness open moz-extension:// pages and reach the add-on manager (terminateBackground).
    args: ['--remote-allow-system-access'],
    env: { ...process.env, LANG: 'nb_NO.UTF-8', LANGUAGE: 'nb_NO:nb' },
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // navigator.languages, which the extension's "auto" language follows.
      'intl.accept_languages': 'nb-NO, nb, no, en',
      ...(options.backgroundIdleMs ? { 'extensions.background.idle.timeout': options.backgroundIdleMs } : {}),
    },
  });
}

// ------------------------------------------------------------------ small utilities

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy (errors count as "not yet"), and returns that. */
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
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
}

// ------------------------------------------------------------------ extension pages and the background

/** An extension page's URL (`file` like `sidepanel.html`). */
export function extensionUrl(world: World, file: string): string {
  return `${world.extensionOrigin}/${file.replace(/^\//, '')}`;
}

/**
 * Opens an extension page (side panel, popup, options) in a tab. The side panel and Firefox's sidebar cannot
 * be driven headless, so `sidepanel.html` is opened as a tab in both browsers.
 *
 * Firefox sends no load events for extension pages: navigate without waiting, then poll. Once loaded, the page
 * has a global `ext` (Firefox's `browser`, else Chrome's `chrome`; both promise-based) for code in
 * `page.evaluate`: write `ext.storage.local.get(...)`, never `chrome.*` (Firefox MV2's `chrome.*` has no promises).
 */
export async function openExtensionPage(world: World, file: string, viewport = { width: 420, height: 760 }): Promise<Page> {
  const page = await world.browser.newPage();
  await page.setViewport(viewport);
  await gotoExtensionPage(page, extensionUrl(world, file));
  return page;
}

/** Navigates `page` to an extension page URL and waits until it has loaded (see openExtensionPage). */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  if (IS_FIREFOX) {
    await page.goto(url, { waitUntil: [] });
    await waitFor(`${url} to load`, () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url), 15_000);
  } else {
    await page.goto(url, { waitUntil: 'load' });
  }
  await page.evaluate(() => {
    const g = globalThis as unknown as { browser?: typeof chrome; ext?: typeof chrome };
    g.ext = g.browser?.runtime?.id ? g.browser : chrome;
  });
}

/** Reloads an extension page and waits until it has loaded (Firefox sends no load events for extension pages). */
export async function reloadExtensionPage(page: Page): Promise<void> {
  if (IS_FIREFOX) {
    await page.evaluate(() => {
      (globalThis as unknown as { __bnBeforeReload?: boolean }).__bnBeforeReload = true;
    });
    await page.reload({ waitUntil: [] });
    await waitFor(`${page.url()} to reload`, () => page.evaluate(() => !(globalThis as unknown as { __bnBeforeReload?: boolean }).__bnBeforeReload && document.readyState === 'complete'), 15_000);
  } else {
    await page.reload({ waitUntil: 'load' });
  }
  await page.evaluate(() => {
    const g = globalThis as unknown as { browser?: typeof chrome; ext?: typeof chrome };
    g.ext = g.browser?.runtime?.id ? g.browser : chrome;
  });
}

/** Sends a protocol message from an extension page, as the UIs do, and returns the raw reply. */
export async function sendFromPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage(m), message);
}

/** The toolbar button's badge text (`tabId`: that tab's), read from an extension page: `action` or Firefox MV2's `browserAction`. */
export async function toolbarBadge(page: Page, tabId?: number): Promise<string> {
  return page.evaluate((id) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const action = (api.action ?? api.browserAction) as typeof chrome.action;
    return action.getBadgeText(id === null ? {} : { tabId: id });
  }, tabId ?? null);
}

/** Sets the toolbar button's global badge text from an extension page (to see the background change it). */
export async function setToolbarBadge(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const action = (api.action ?? api.browserAction) as typeof chrome.action;
    return action.setBadgeText({ text: t });
  }, text);
}

/** Chromium only: the service worker, once its `chrome` global is really there (it can lag the target for a moment). */
export async function serviceWorker(world: World): Promise<WebWorker> {
  if (IS_FIREFOX) throw new Error('Firefox has no extension service worker and its event page cannot be attached to: use evaluateInBackground or messages');
  const target = await world.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`${world.extensionOrigin}/`), { timeout: 20_000 });
  const worker = await target.worker();
  if (!worker) throw new Error('service worker target has no worker');
  for (let i = 0; i < 100; i += 1) {
    if (await worker.evaluate(() => typeof chrome !== 'undefined' && Boolean(chrome.runtime?.id)).catch(() => false)) return worker;
    await sleep(50);
  }
  throw new Error('service worker never got its chrome global');
}

/**
 * Runs `fn` with the background's global object (Chromium: the service worker's `self`; Firefox: the event
 * page's window, reached through `runtime.getBackgroundPage()` from an extension page) and returns its
 * serialisable result. Wakes the background when it is not running. `fn` is sent as source: no closures.
 */
export async function evaluateInBackground<T>(world: World, fn: (background: typeof globalThis & { chrome: typeof chrome }) => T | Promise<T>): Promise<T> {
  if (!IS_FIREFOX) {
    const worker = await serviceWorker(world);
    return (await worker.evaluate(`(${fn.toString()})(self)`)) as T;
  }
  const page = await openExtensionPage(world, 'options.html', { width: 400, height: 300 });
  try {
    return (await page.evaluate(`(async () => (${fn.toString()})(await browser.runtime.getBackgroundPage()))()`)) as T;
  } finally {
    await page.close().catch(() => undefined);
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * Firefox: evaluates `expression` in the browser's privileged (chrome) scope over WebDriver BiDi, which
 * `--remote-allow-system-access` allows. Used only for what about:debugging's buttons do.
 */
async function firefoxChromeEval(world: World, expression: string): Promise<unknown> {
  const connection = (world.browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('no chrome-scope browsing context');
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (result.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${JSON.stringify(result)}`);
  return (result.result as { value?: unknown }).value;
}

const debugUtils = (call: string) =>
  `(async () => { const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs'); return ExtensionParent.DebugUtils.${call}; })()`;

async function chromiumWorkerTargets(world: World, session: Awaited<ReturnType<ReturnType<Browser['target']>['createCDPSession']>>) {
  const { targetInfos } = await session.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`${world.extensionOrigin}/`));
}

/** Whether the background (Chromium's service worker, Firefox's event page) is running now. Does not wake it. */
export async function backgroundRunning(world: World): Promise<boolean> {
  if (IS_FIREFOX) return Boolean(await firefoxChromeEval(world, debugUtils(`isBackgroundScriptRunning(${JSON.stringify(world.extensionId)})`)));
  const session = await world.browser.target().createCDPSession();
  try {
    return (await chromiumWorkerTargets(world, session)).length > 0;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * Stops the background as the browser does when it is idle: Chromium terminates the service worker (CDP
 * `Target.closeTarget` from a short-lived session: a held worker handle would stall its restart), Firefox
 * unloads the event page (about:debugging's "Terminate background script"). Resolves once it has stopped;
 * the next event (a message, an alarm, a content script) starts it again.
 */
export async function terminateBackground(world: World): Promise<void> {
  if (IS_FIREFOX) {
    // As about:debugging's button, but also while a listener's promise is pending (Chromium's closeTarget does
    // not wait either); Firefox's own idle timeout would postpone the unload then.
    await firefoxChromeEval(
      world,
      `WebExtensionPolicy.getByID(${JSON.stringify(world.extensionId)}).extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true })`,
    );
  } else {
    const session = await world.browser.target().createCDPSession();
    try {
      for (const t of await chromiumWorkerTargets(world, session)) await session.send('Target.closeTarget', { targetId: t.targetId });
    } finally {
      await session.detach().catch(() => undefined);
    }
  }
  await waitFor('the background to stop', async () => !(await backgroundRunning(world)), 10_000);
}

// ------------------------------------------------------------------ screenshots

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

// ------------------------------------------------------------------ our closed shadow roots (overlay, verdicts)

/** The overlay's region, found the way a screen reader finds it (it lives in a closed shadow root). */
export const OVERLAY = 'aria/Sjekkliste for firma-administrator';

/** What tests do with a control in a closed shadow root (an ElementHandle in Chromium). */
export interface OverlayControl {
  click(): Promise<void>;
  focus(): Promise<void>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
}

function parseAria(selector: string): { name: string; role?: string } {
  const m = /^aria\/(.*?)(?:\[role="([^"]+)"\])?$/s.exec(selector);
  if (!m) throw new Error(`not an aria/ selector: ${selector}`);
  return { name: m[1]!, ...(m[2] ? { role: m[2] } : {}) };
}

/** Firefox: asks the content scripts' e2e probe (platform/e2e-probe.ts, sandbox build only); one reply per script that answers. */
async function probe(page: Page, request: object): Promise<unknown[]> {
  const replies = await page.evaluate(
    (req, event, reply) => {
      const out: string[] = [];
      const collect = (e: Event) => out.push(String((e as CustomEvent<unknown>).detail));
      document.addEventListener(reply, collect);
      try {
        document.dispatchEvent(new CustomEvent(event, { detail: req }));
      } finally {
        document.removeEventListener(reply, collect);
      }
      return out;
    },
    JSON.stringify(request),
    PROBE_EVENT,
    PROBE_REPLY,
  );
  return replies.map((r) => JSON.parse(r) as unknown);
}

function findNode(node: AxNode, name: string, role?: string): AxNode | undefined {
  if (node.name === name && (!role || node.role === role) && node.role !== 'StaticText') return node;
  for (const child of node.children ?? []) {
    const hit = findNode(child, name, role);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * How the harness reads our closed shadow roots: `accessibility` is the browser's accessibility tree (Chromium
 * over CDP: what a screen reader gets; Puppeteer's `aria/` selectors), `probe` is the sandbox build's e2e probe
 * (platform/e2e-probe.ts; Firefox, whose BiDi accessibility locator does not enter closed shadow roots).
 * overlay-reader.test.ts checks in Chromium that both read the same.
 */
export type OverlayReader = 'accessibility' | 'probe';
export const OVERLAY_READER: OverlayReader = IS_FIREFOX ? 'probe' : 'accessibility';

/** The accessibility subtree of the element in our closed shadow roots named `name` (optionally `Name[role="…"]`). */
export async function accessibleSubtree(page: Page, name: string, timeout = 15_000, via: OverlayReader = OVERLAY_READER): Promise<AxNode | null> {
  if (via === 'accessibility') {
    const region = await page.waitForSelector(`aria/${name}`, { timeout });
    return (await page.accessibility.snapshot({ root: region ?? undefined, interestingOnly: false })) as AxNode | null;
  }
  const wanted = parseAria(`aria/${name}`);
  return waitFor(`${JSON.stringify(name)} in a closed shadow root`, async () => {
    for (const reply of await probe(page, { op: 'tree' })) {
      for (const root of (reply as { roots?: AxNode[] }).roots ?? []) {
        const hit = findNode(root, wanted.name, wanted.role);
        if (hit) return hit;
      }
    }
    return undefined;
  }, timeout);
}

/**
 * A control in our closed shadow roots by its `aria/Name[role="…"]` selector, once it is there. Clicks are real
 * mouse clicks at its centre (scrolled into view), `focus()` then `page.keyboard` is real typing.
 */
export async function overlayElement(page: Page, selector: string, { timeout = 10_000, via = OVERLAY_READER }: { timeout?: number; via?: OverlayReader } = {}): Promise<OverlayControl> {
  if (via === 'accessibility') {
    const handle = await page.waitForSelector(selector, { timeout });
    if (!handle) throw new Error(`not found: ${selector}`);
    return handle;
  }
  const { name, role } = parseAria(selector);
  const locate = async (op: 'locate' | 'focus') => {
    const replies = (await probe(page, { op, name, ...(role ? { role } : {}) })) as { rect?: { x: number; y: number; width: number; height: number } }[];
    return replies.find((r) => r.rect)?.rect;
  };
  await waitFor(`${selector} in a closed shadow root`, () => locate('locate'), timeout);
  return {
    async click() {
      const rect = await waitFor(`${selector} to click`, () => locate('locate'), timeout);
      await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
    },
    async focus() {
      await waitFor(`${selector} to focus`, () => locate('focus'), timeout);
    },
    async boundingBox() {
      return (await locate('locate')) ?? null;
    },
  };
}

/** Whether a control is in our closed shadow roots right now (no waiting). */
export async function overlayHas(page: Page, selector: string): Promise<boolean> {
  return overlayElement(page, selector, { timeout: 1 }).then(
    () => true,
    () => false,
  );
}

/** Text leaves in document order: a parent's name repeats its text children's. */
function leaves(node: AxNode | null | undefined, out: string[] = []): string[] {
  if (!node) return out;
  if (!node.children?.length) {
    if (node.name) out.push(node.name);
    return out;
  }
  for (const child of node.children) leaves(child, out);
  return out;
}

/** The text of the element named `name` in our closed shadow roots, as a screen reader reads it (leaves in order). */
export async function accessibleText(page: Page, name: string, timeout = 10_000, via: OverlayReader = OVERLAY_READER): Promise<string> {
  return leaves(await accessibleSubtree(page, name, timeout, via)).join(' ').replace(/\s+/g, ' ');
}

/** The overlay's text as a screen reader reads it (leaf nodes in order), through the closed shadow root. */
export async function overlayText(page: Page, via: OverlayReader = OVERLAY_READER): Promise<string> {
  const region = await accessibleSubtree(page, parseAria(OVERLAY).name, 15_000, via);
  return leaves(region).join(' ').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}

export async function waitForOverlayText(page: Page, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await overlayText(page).catch(() => '');
    if (pattern.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`overlay never showed ${pattern}; last text: ${last}`);
}

/** Each checklist item in the overlay as one line of text (state, title, message …), read through the closed shadow root. */
export async function overlayItems(page: Page, via: OverlayReader = OVERLAY_READER): Promise<string[]> {
  const region = await accessibleSubtree(page, parseAria(OVERLAY).name, 15_000, via);
  const items: string[] = [];
  const walk = (node: AxNode | null | undefined) => {
    if (!node) return;
    if (node.role === 'listitem') {
      items.push(leaves(node).join(' ').replace(/\s+/g, ' ').trim());
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(region);
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
    await sleep(100);
  }
  throw new Error(`no overlay item matched ${pattern}; items:\n${last.join('\n')}`);
}

/** The text of a field's verdict (in its own closed shadow root), found by its accessible name. */
export async function verdictText(page: Page, fieldLabel: string, via: OverlayReader = OVERLAY_READER): Promise<string> {
  const region = await accessibleSubtree(page, `Sjekk av ${fieldLabel}`, 10_000, via);
  return leaves(region).join(' ').replace(/\s+/g, ' ').replace(/ :/g, ':').trim();
}

export async function waitForVerdict(page: Page, fieldLabel: string, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await verdictText(page, fieldLabel).catch(() => '');
    if (pattern.test(last) && !/Sjekker …/.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`verdict for ${fieldLabel} never matched ${pattern}; last: ${last}`);
}

// ------------------------------------------------------------------ the portal

/** Navigates within the portal and waits until its page has loaded (main no longer busy). */
export async function openPortal(page: Page, world: World, path: string): Promise<void> {
  await page.goto(`${world.portal}${path}`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') !== 'true' && Boolean(document.querySelector('main h1')), { timeout: 15_000 });
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
