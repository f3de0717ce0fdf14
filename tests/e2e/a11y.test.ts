/**
 * Accessibility (issue #9): axe-core on the overlay, the side panel (every tab it shows), the popup and the
 * options page: 0 violations. Keyboard: tabbing reaches every control of the overlay and the side panel, each
 * with a visible focus indicator, and Enter and Space activate them.
 *
 * The overlay lives in a closed shadow root. The sandbox build (only) keeps a reference to it in the content
 * script's isolated world (`__bnTestOverlay`, entrypoints/portal.content/mount.ts; tests/build/release.test.ts
 * proves the store zips have no such hook). axe runs in that isolated world through a CDP execution context,
 * where the host is given a `shadowRoot` getter that only that world sees (Chromium only: CDP).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'puppeteer-core';
import { launchWorld, openExtensionPage, openPortal, screenshot, waitForOverlayText, IS_FIREFOX, type World } from './harness';

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let world: World;

beforeAll(async () => {
  world = await launchWorld();
  // The admin has the portal open: the background learns its origin, the side panel and popup have data.
  const page = await world.browser.newPage();
  await openPortal(page, world, '/firma/f-1001');
  await waitForOverlayText(page, /Fysio Grünerløkka AS/);
  await page.close();
});
afterAll(async () => {
  await world?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** The axe run, as a function body evaluated in the page (or the overlay's isolated world) with `axe` loaded. */
const AXE_RUN = `async (context) => {
  const result = await axe.run(context, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => [].concat(n.target).join(' >>> ') + ': ' + n.failureSummary) }));
}`;

async function axePage(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(`(${AXE_RUN})(document)`) as Promise<Violation[]>;
}

/** A CDP handle on the content script's isolated world of `page` (where `__bnTestOverlay` lives). */
async function overlayWorld(page: Page): Promise<{ evaluate<T>(expression: string): Promise<T>; session: CDPSession }> {
  const session = await page.createCDPSession();
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  session.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await session.send('Runtime.enable');
  const evaluateIn = async <T>(contextId: number, expression: string): Promise<T> => {
    const r = (await session.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(`${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ''}`);
    return r.result.value;
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const c of contexts.filter((x) => x.auxData?.type === 'isolated' && x.origin.includes(world.extensionId))) {
      const ok = await evaluateIn<boolean>(c.id, 'Boolean(globalThis.__bnTestOverlay)').catch(() => false);
      if (ok) {
        // Let that world (only) see into the closed root, as axe and the keyboard walk need.
        await evaluateIn(c.id, `(() => { const o = globalThis.__bnTestOverlay; Object.defineProperty(o.host, 'shadowRoot', { get: () => o.shadow, configurable: true }); })()`);
        return { evaluate: <T>(expression: string) => evaluateIn<T>(c.id, expression), session };
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no isolated world with the overlay test hook (is this the sandbox build?)');
}

const FOCUSABLE_SELECTOR = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * Keys for controls: position among the root's focusable elements, tag and name (names repeat: "Hvorfor?").
 * `focused`: the focused element in `root` (document or the overlay's shadow root) with its focus indicator.
 * `all`: every control a keyboard user must reach (visible, enabled).
 */
const FOCUS_PROBE = (root: string, what: 'focused' | 'all') => `(() => {
  const root = ${root};
  const all = [...root.querySelectorAll(${JSON.stringify(FOCUSABLE_SELECTOR)})];
  const key = (el) => all.indexOf(el) + ':' + el.tagName.toLowerCase() + ':' + (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || el.getAttribute('name') || el.id || '').replace(/\\s+/g, ' ').trim().slice(0, 50);
  if (${JSON.stringify(what)} === 'all') {
    return all
      // tabindex=-1: reached with arrow keys instead (roving tabindex in a tablist; tested in board.test.ts).
      .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden],[inert]'))
      .map(key);
  }
  const el = root.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const ring = Boolean(s.boxShadow) && s.boxShadow !== 'none';
  return { key: key(el), indicator: outline || ring };
})()`;
const DESCRIBE_FOCUS = (root: string) => FOCUS_PROBE(root, 'focused');
/** Controls are matched on position and tag: a toggle's name changes when it is used ("Vis" / "Skjul"). */
const slot = (key: string) => key.split(':').slice(0, 2).join(':');
const FOCUSABLE = (root: string) => FOCUS_PROBE(root, 'all');

/** Presses Tab until focus comes back round; returns each stop (in order) as seen by `describe`. */
async function tabCycle(page: Page, describe: () => Promise<{ key: string; indicator: boolean } | null>, max = 150) {
  const stops: { key: string; indicator: boolean }[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const d = await describe();
    if (d && stops.length && d.key === stops[0]!.key) break;
    if (d) stops.push(d);
  }
  return stops;
}

describe('axe-core: 0 violations', () => {
  it('options page', async () => {
    const page = await openExtensionPage(world, 'options.html', { width: 800, height: 900 });
    await page.waitForSelector('main, h1', { timeout: 10_000 });
    expect(await axePage(page)).toEqual([]);
    await page.close();
  });

  it('popup', async () => {
    const page = await openExtensionPage(world, 'popup.html', { width: 380, height: 600 });
    await new Promise((r) => setTimeout(r, 800));
    expect(await axePage(page)).toEqual([]);
    await page.close();
  });

  it('side panel: every tab it shows', async () => {
    const page = await openExtensionPage(world, 'sidepanel.html', { width: 420, height: 900 });
    await new Promise((r) => setTimeout(r, 1_500));
    // A booking result with its log and audit, so the details views have content.
    const test = await page.$('li[data-location-id="l-2001"] .bk-test');
    if (test) {
      await test.click();
      await page.waitForFunction(() => !/Ikke testet|Tester/.test(document.querySelector('li[data-location-id="l-2001"]')?.textContent ?? ''), { timeout: 30_000 });
    }
    /** Axe on the view as it opens, then with every disclosure and <details> opened. */
    const both = async (name: string) => {
      results[name] = await axePage(page);
      await page.evaluate(() => {
        for (const b of document.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')) b.click();
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      await new Promise((r) => setTimeout(r, 500));
      results[`${name} (expanded)`] = await axePage(page);
    };
    const tabs = await page.$$('[role="tab"]');
    const results: Record<string, Violation[]> = {};
    if (tabs.length === 0) await both('(single view)');
    for (const [i, tab] of tabs.entries()) {
      const name = (await tab.evaluate((t) => t.textContent?.trim())) ?? String(i);
      await tab.click();
      await new Promise((r) => setTimeout(r, 800));
      await both(name);
      await screenshot(page, `a11y-sidepanel-tab-${i}`);
    }
    await screenshot(page, 'a11y-sidepanel-expanded');
    console.log(`side panel views checked with axe: ${Object.keys(results).join(', ')}`);
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, []])));
    await page.close();
  });

  // Chromium only: axe runs in the content script's isolated world through a CDP execution context, which
  // WebDriver BiDi does not offer. (overlay-reader.test.ts shows the Firefox reading matches Chromium's.)
  it.skipIf(IS_FIREFOX)('overlay (closed shadow root, via the sandbox-only hook in the isolated world; Chromium only: needs a CDP isolated-world context)', async () => {
    const page = await world.browser.newPage();
    for (const path of ['/firma/f-1001', '/lokasjon/l-2001']) {
      await openPortal(page, world, path);
      await waitForOverlayText(page, /Sjekkliste/);
      await new Promise((r) => setTimeout(r, 800));
      const iso = await overlayWorld(page);
      await iso.evaluate(axeSource);
      const violations = await iso.evaluate<Violation[]>(`(${AXE_RUN})(globalThis.__bnTestOverlay.host)`);
      expect(violations, path).toEqual([]);
      // The run looks inside the closed root (a check that cannot see the overlay would pass vacuously):
      // axe's tree holds the overlay's nodes, and a flaw planted in the root is found.
      const nodes = await iso.evaluate<number>(`(() => { const count = (n) => 1 + (n.children || []).reduce((a, c) => a + count(c), 0); return count(axe.utils.getFlattenedTree(globalThis.__bnTestOverlay.host)[0]); })()`);
      expect(nodes).toBeGreaterThan(20);
      const planted = await iso.evaluate<Violation[]>(`(async () => {
        const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        globalThis.__bnTestOverlay.shadow.querySelector('section').append(img);
        try { return await (${AXE_RUN})(globalThis.__bnTestOverlay.host); } finally { img.remove(); }
      })()`);
      expect(planted.map((v) => v.id)).toContain('image-alt');
      // Again with every "Hvorfor?" opened.
      await iso.evaluate(`globalThis.__bnTestOverlay.shadow.querySelectorAll('details').forEach((d) => { d.open = true; })`);
      await new Promise((r) => setTimeout(r, 300));
      expect(await iso.evaluate<Violation[]>(`(${AXE_RUN})(globalThis.__bnTestOverlay.host)`), `${path} (expanded)`).toEqual([]);
      await iso.session.detach();
    }
    await page.close();
  });
});

describe('keyboard', () => {
  // Firefox: every control is reached, but headless ESR 153 over BiDi does not decide :focus-visible from the
  // synthesized Tab alone: the control reached by wrapping round through the browser's UI has no ring (also
  // when reached again with Shift+Tab), and after a script focus() or a mouse click on the page no stop has one.
  // The indicator cannot be judged there; see tests/e2e/README.md.
  it.skipIf(IS_FIREFOX)('side panel: Tab reaches every control with a visible focus indicator; Enter and Space activate (Chromium only: Firefox over BiDi does not apply :focus-visible reliably to synthesized Tab presses)', async () => {
    const page = await openExtensionPage(world, 'sidepanel.html', { width: 420, height: 900 });
    await new Promise((r) => setTimeout(r, 1_500));
    const tabs = await page.$$('[role="tab"]');
    const views = tabs.length ? tabs : [null];
    for (const tab of views) {
      if (tab) await tab.click();
      await new Promise((r) => setTimeout(r, 500));
      const expected = (await page.evaluate(FOCUSABLE('document'))) as string[];
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const stops = await tabCycle(page, () => page.evaluate(DESCRIBE_FOCUS('document')) as Promise<{ key: string; indicator: boolean } | null>);
      const reached = new Set(stops.map((s) => slot(s.key)));
      expect(expected.filter((k) => !reached.has(slot(k)))).toEqual([]);
      expect(stops.filter((s) => !s.indicator)).toEqual([]);
    }
    // Enter and Space on a disclosure (a location row in the booking tab, the first) toggle it.
    if (tabs[0]) await tabs[0].click();
    await page.waitForSelector('button[aria-expanded]', { timeout: 5_000 }).catch(() => null);
    const toggle = await page.$('button[aria-expanded]');
    expect(toggle).not.toBeNull();
    if (toggle) {
      await toggle.focus();
      const state = () => toggle.evaluate((b) => b.getAttribute('aria-expanded'));
      const first = await state();
      await page.keyboard.press('Enter');
      const afterEnter = await state();
      await page.keyboard.press(' ');
      expect([first, afterEnter, await state()]).toEqual([first, first === 'true' ? 'false' : 'true', first]);
    }
    await screenshot(page, 'a11y-sidepanel-keyboard');
    await page.close();
  });

  it.skipIf(IS_FIREFOX)('overlay: Tab from the page reaches every control with a visible focus indicator; Enter and Space activate (Chromium only: needs a CDP isolated-world context)', async () => {
    const page = await world.browser.newPage();
    await openPortal(page, world, '/firma/f-1001');
    await waitForOverlayText(page, /Sjekkliste/);
    await new Promise((r) => setTimeout(r, 800));
    const iso = await overlayWorld(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const inOverlay = () => iso.evaluate<{ key: string; indicator: boolean } | null>(DESCRIBE_FOCUS('globalThis.__bnTestOverlay.shadow'));
    // Tab through the page until focus enters the overlay, then through the overlay until it leaves.
    const stops: { key: string; indicator: boolean }[] = [];
    // What must be reachable: the overlay's controls as they were while focus was in it. Read at each stop,
    // not after the walk: the Tab that leaves the overlay scrolls the page, and the panel may then shrink to
    // its header to stay off a portal button (dodging), which is right, but leaves only the header to count.
    let expected: string[] = [];
    let entered = false;
    for (let i = 0; i < 300; i += 1) {
      await page.keyboard.press('Tab');
      const d = await inOverlay();
      if (d) {
        entered = true;
        if (stops.some((s) => slot(s.key) === slot(d.key))) break;
        stops.push(d);
        // Tabbing scrolled the page under a portal button: the overlay shrank to its header to stay off it
        // ("dodging"). A keyboard user opens it with its toggle, as anyone would.
        if (await iso.evaluate<boolean>(`(() => { const b = globalThis.__bnTestOverlay.shadow.activeElement; return Boolean(b && b.getAttribute('aria-expanded') === 'false'); })()`)) {
          await page.keyboard.press('Enter');
          await new Promise((r) => setTimeout(r, 200));
        }
        expected = await iso.evaluate<string[]>(FOCUSABLE('globalThis.__bnTestOverlay.shadow'));
      } else if (entered) break;
    }
    expect(entered).toBe(true);
    expect(expected.length).toBeGreaterThan(2);
    const reached = new Set(stops.map((s) => slot(s.key)));
    expect(expected.filter((k) => !reached.has(slot(k)))).toEqual([]);
    expect(stops.filter((s) => !s.indicator)).toEqual([]);
    await screenshot(page, 'a11y-overlay-keyboard');

    // Enter and Space on the collapse toggle (a real button: the keyboard activates it like a click).
    await iso.evaluate(`globalThis.__bnTestOverlay.shadow.querySelector('button[aria-expanded]').focus()`);
    const expandedState = () => iso.evaluate<string | null>(`globalThis.__bnTestOverlay.shadow.querySelector('button[aria-expanded]').getAttribute('aria-expanded')`);
    expect(await expandedState()).toBe('true');
    await page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 200));
    expect(await expandedState()).toBe('false');
    await page.keyboard.press(' ');
    await new Promise((r) => setTimeout(r, 200));
    expect(await expandedState()).toBe('true');
    await iso.session.detach();
    await page.close();
  });
  it.skipIf(IS_FIREFOX)('overlay: shrinks to its header over a portal button, but never under the keyboard focus, and stays open once the admin opens it (Chromium only: needs a CDP isolated-world context)', async () => {
    const page = await world.browser.newPage();
    const SHADOW = 'globalThis.__bnTestOverlay.shadow';
    const open = async () => {
      await openPortal(page, world, '/firma/f-1001');
      await waitForOverlayText(page, /Sjekkliste/);
      const iso = await overlayWorld(page);
      return {
        iso,
        dodging: () => iso.evaluate<string | null>(`${SHADOW}.querySelector('.overlay-frame').getAttribute('data-dodging')`),
        focused: () => iso.evaluate<boolean>(`Boolean(${SHADOW}.activeElement)`),
        // Scrolls the page so that a portal button in the panel's column sits in the middle of the panel.
        scrollButtonUnderPanel: () =>
          iso.evaluate<boolean>(`(() => {
            const panel = ${SHADOW}.querySelector('.overlay-frame').getBoundingClientRect();
            const words = new Set(['søk om samarbeidsavtale', 'se', 'endre', 'lagre']);
            const button = [...document.querySelectorAll('button, a[href]')].find((b) => {
              const r = b.getBoundingClientRect();
              return words.has(b.textContent.trim().toLowerCase()) && r.width > 0 && r.right > panel.left && r.left < panel.right;
            });
            if (!button) return false;
            const r = button.getBoundingClientRect();
            window.scrollBy(0, r.top + r.height / 2 - (panel.top + panel.bottom) / 2);
            return true;
          })()`),
      };
    };
    const settle = () => new Promise((r) => setTimeout(r, 700));

    // Not in use: a portal button under the panel makes it shrink to its header.
    const first = await open();
    expect(await first.scrollButtonUnderPanel()).toBe(true);
    await settle();
    expect(await first.dodging()).toBe('true');
    // The admin opens it: it stays open on this page, even when the page scrolls again.
    await first.iso.evaluate(`${SHADOW}.querySelector('button[aria-expanded]').click()`);
    await settle();
    expect(await first.dodging()).toBe('false');
    await page.evaluate(() => window.scrollBy(0, 1));
    await first.scrollButtonUnderPanel();
    await settle();
    expect(await first.dodging()).toBe('false');
    await first.iso.session.detach().catch(() => undefined);

    // A fresh load, the keyboard focus in the open panel: a button scrolled under it does not shrink it.
    const second = await open();
    await settle();
    expect(await second.dodging()).toBe('false');
    await second.iso.evaluate(`${SHADOW}.querySelector('.overlay button:not([aria-expanded])').focus()`);
    expect(await second.focused()).toBe(true);
    expect(await second.scrollButtonUnderPanel()).toBe(true);
    await settle();
    expect(await second.dodging()).toBe('false');
    expect(await second.focused()).toBe(true);
    await second.iso.session.detach();
    await page.close();
  });
});
