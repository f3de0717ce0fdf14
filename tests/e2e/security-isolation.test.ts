/**
 * Main-world isolation (issue #9): a script of the portal's own page (main world) cannot read the overlay,
 * cannot speak for the extension, and cannot make the extension request a host outside its allow-list.
 * Everything the "page" does here runs in the page's main world (evaluateOnNewDocument / page.evaluate),
 * as a compromised or hostile portal script would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWorld, openExtensionPage, openPortal, overlayText, sendFromPage, waitForOverlayText, type World } from './harness';

let world: World;
let evil: http.Server;
let evilHost: string;
const evilRequests: string[] = [];

beforeAll(async () => {
  // A host outside every allow-list (not the portal, not a register, not loopback's 127.0.0.1/localhost).
  evil = http.createServer((req, res) => {
    evilRequests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end('{"firms":[]}');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.2', resolve));
  evilHost = `127.0.0.2:${(evil.address() as AddressInfo).port}`;
  world = await launchWorld();
});
afterAll(async () => {
  await world?.close();
  await new Promise((r) => evil?.close(r));
});

/** The extension's whole local storage, read from an extension page. */
async function storageSnapshot(): Promise<Record<string, unknown>> {
  const page = await openExtensionPage(world, 'options.html');
  try {
    return (await page.evaluate(() => ext.storage.local.get(null))) as Record<string, unknown>;
  } finally {
    await page.close();
  }
}

const settle = (ms = 500) => new Promise((r) => setTimeout(r, ms));

describe('main-world isolation', () => {
  it('the page cannot read the overlay, even when it patches attachShadow before the content script runs', async () => {
    const page = await world.browser.newPage();
    await page.evaluateOnNewDocument(() => {
      const captured: ShadowRoot[] = [];
      (window as unknown as { __captured: ShadowRoot[] }).__captured = captured;
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = original.call(this, { ...init, mode: 'open' });
        captured.push(root);
        return root;
      };
    });
    await openPortal(page, world, '/firma/f-1001');
    const text = await waitForOverlayText(page, /Sjekkliste/);
    expect(text).toMatch(/Fysio Grünerløkka AS/);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('bn-admin-companion');
      let reopen = 'no error';
      try {
        host?.attachShadow({ mode: 'open' });
      } catch (e) {
        reopen = (e as Error).name;
      }
      const w = window as unknown as { __captured: ShadowRoot[]; __bnTestOverlay?: unknown };
      return {
        host: Boolean(host),
        shadowRoot: host?.shadowRoot ?? null,
        children: host?.childNodes.length ?? -1,
        inner: host?.innerHTML ?? null,
        reopen,
        capturedWithOverlay: w.__captured.filter((r) => /Sjekkliste/.test(r.textContent ?? '')).length,
        testHook: typeof w.__bnTestOverlay,
        pageText: document.body.innerText.includes('Sjekkliste'),
      };
    });
    expect(seen).toEqual({ host: true, shadowRoot: null, children: 0, inner: '', reopen: 'NotSupportedError', capturedWithOverlay: 0, testHook: 'undefined', pageText: false });
    await page.close();
  });

  it('the page cannot message the extension or forge its messages (runtime, postMessage, CustomEvent)', async () => {
    const page = await world.browser.newPage();
    await openPortal(page, world, '/firma/f-1001');
    await waitForOverlayText(page, /Fysio Grünerløkka AS/);
    await settle(800);
    const before = await storageSnapshot();
    const forged = [
      { type: 'firm.prefs', payload: { firmId: 'f-1001', firmType: 'single', origin: 'https://behandlernettverk.no' } },
      { type: 'booking.run', payload: {} },
      { type: 'overlay.status', payload: { pageKind: 'firm', openItems: 9999, health: 'error' } },
      { type: 'overlay.refresh' },
    ];
    const outcome = await page.evaluate(
      async (messages: unknown[], extensionId: string) => {
        const result: string[] = [];
        const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
        result.push(`runtime.sendMessage: ${typeof runtime?.sendMessage}`);
        for (const m of messages) {
          try {
            await runtime?.sendMessage?.(extensionId, m);
            result.push('sent');
          } catch (e) {
            result.push(`refused: ${(e as Error).message.slice(0, 60)}`);
          }
          window.postMessage(m, '*');
          window.postMessage({ ...(m as object), source: 'wxt', extensionId }, '*');
          window.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail: m }));
          document.dispatchEvent(new CustomEvent('message', { detail: m }));
        }
        return result;
      },
      forged,
      world.extensionId,
    );
    // No externally_connectable: the page has no runtime to send with at all.
    expect(outcome[0]).toBe('runtime.sendMessage: undefined');
    await settle(1_500);
    const after = await storageSnapshot();
    const firmPrefs = (s: Record<string, unknown>) => JSON.stringify(Object.entries(s).filter(([k]) => /pref/i.test(k)));
    expect(firmPrefs(after)).toBe(firmPrefs(before));
    expect(JSON.stringify(after)).not.toContain('"single"');
    expect(JSON.stringify(after)).not.toMatch(/"running":true/); // no booking run started
    expect(await overlayText(page)).not.toMatch(/9999/);
    await page.close();
  });

  it('the page cannot make the extension request a host outside the allow-list', async () => {
    const page = await world.browser.newPage();
    // A hostile page: a <base> and links to the foreign host, and URLs to it in every field of an edit form.
    await openPortal(page, world, '/firma/f-1001/endre');
    await waitForOverlayText(page, /Sjekkliste/);
    await page.evaluate((host: string) => {
      history.pushState({}, '', `/firma/f-1001/endre?next=http://${host}/`);
      const base = document.createElement('base');
      base.href = `http://${host}/`;
      document.head.prepend(base);
      const link = document.createElement('a');
      link.href = `http://${host}/firma/f-1001`;
      link.textContent = 'Endre';
      document.querySelector('main')?.append(link);
      for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('main input, main textarea')) {
        if (input.type === 'checkbox' || input.type === 'radio' || input.type === 'hidden') continue;
        input.value = `http://${host}/@${host}/../x?${host}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }, evilHost);
    await settle(2_000); // debounced verdicts and register look-ups
    // The same as a person typing it (trusted events): a URL and an address pointing at the foreign host.
    const field = await page.$('main input[type="url"], main input[name*="web" i], main input');
    if (field) {
      await field.click({ count: 3 });
      await page.keyboard.type(`http://${evilHost}/`);
    }
    await settle(1_500);
    // The booking companion reads the portal and runs a check: it must go to the portal origin only.
    const panel = await openExtensionPage(world, 'sidepanel.html');
    await sendFromPage(panel, { type: 'booking.refresh', payload: {} });
    await sendFromPage(panel, { type: 'booking.run', payload: { locationIds: ['l-2011'] } });
    await settle(3_000);
    // A page on the foreign host itself: the content script does not run there, so nothing can report from it.
    await page.goto(`http://${evilHost}/firma/f-1001`, { waitUntil: 'load' });
    await settle(1_000);
    const fromExtension = evilRequests.filter((r) => r !== 'GET /firma/f-1001' && r !== 'GET /favicon.ico');
    expect(evilRequests).toContain('GET /firma/f-1001'); // the foreign host is reachable: silence means no request
    expect(fromExtension).toEqual([]);
    expect(await page.$('bn-admin-companion')).toBeNull();
    await panel.close();
    await page.close();
  });
});
