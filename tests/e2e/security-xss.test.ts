/**
 * XSS corpus end to end (issue #9): every payload of tests/security/xss-payloads.json goes through the places
 * the extension shows text that comes from outside (portal field values, firm/location/person names, the
 * portal's Koblingslogg, the booking vendor's practitioner names in a real booking test's log, the admin's
 * name) and is rendered by the overlay, the edit-form verdicts, the side panel and the popup.
 * 0 executions: each payload calls `top.__xss(id)`; the sentinel is defined before any script of the page
 * (page main world on the portal, and every extension page), dialogs are counted, and a
 * `securitypolicyviolation` listener records any inline script or handler the CSP had to block.
 * Positive controls prove the instruments work: the same corpus assigned with innerHTML executes, and an
 * injected handler in an extension page is reported by the CSP listener.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWorld, openExtensionPage, openPortal, overlayText, reloadExtensionPage, screenshot, waitForOverlayText, IS_FIREFOX, type World } from './harness';
import { CORPUS, CORPUS_FIRM, FIELD_FIRMS, fieldLocation, normalise, seedCorpus } from '../security/corpus';
import { startHostileRegisters } from '../security/hostile-registers';
import { SANDBOX_PORTS } from '../../lib/config/origins';

let world: World;
let places: Record<string, number>;
let registers: Awaited<ReturnType<typeof startHostileRegisters>>;

interface Alarms {
  hits: number[];
  csp: string[];
  dialogs: string[];
}

/**
 * Defines the sentinel before any script runs, in whatever page this is (portal or extension page). Reports go
 * to Node through an exposed binding, so they survive a navigation a payload might cause.
 */
async function arm(page: Page): Promise<Alarms> {
  const seen: Alarms = { hits: [], csp: [], dialogs: [] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  await page.exposeFunction('__xssReport', (id: number) => void seen.hits.push(id));
  await page.exposeFunction('__cspReport', (what: string) => void seen.csp.push(what));
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __xss: (id: number) => void; __xssReport: (id: number) => void; __cspReport: (s: string) => void };
    w.__xss = (id: number) => void w.__xssReport(id);
    document.addEventListener('securitypolicyviolation', (e) => void w.__cspReport(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
  });
  return seen;
}

/** What the sentinel, the CSP listener and the dialog handler recorded so far. */
async function alarms(_page: Page, armed: Alarms): Promise<Alarms> {
  await settle(100);
  return { hits: [...armed.hits], csp: [...armed.csp], dialogs: [...armed.dialogs] };
}

/** How many corpus payloads appear, as text, in `text`. */
function rendered(text: string, vectors: string[]): number {
  const haystack = normalise(text);
  return vectors.filter((v) => haystack.includes(normalise(v))).length;
}

const settle = (ms = 500) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  // The sandbox's own register doubles move to a free port; hostile ones answer where the build looks.
  const previous = process.env.E2E_REGISTER_PORT;
  process.env.E2E_REGISTER_PORT = '0';
  try {
    world = await launchWorld({ scenario: 'empty' });
  } finally {
    if (previous === undefined) delete process.env.E2E_REGISTER_PORT;
    else process.env.E2E_REGISTER_PORT = previous;
  }
  registers = await startHostileRegisters(SANDBOX_PORTS.registers, CORPUS);
  places = seedCorpus(world.sandbox);
});
afterAll(async () => {
  await world?.close();
  await registers?.close();
});

describe('XSS corpus through every UI', () => {
  it('the corpus has >= 500 payloads from the cited sources, each calling the sentinel', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(500);
    expect(new Set(CORPUS.map((p) => p.source))).toEqual(new Set(['owasp', 'owasp-url', 'portswigger', 'mxss', 'encoding', 'breakout']));
    expect(new Set(CORPUS.map((p) => p.vector)).size).toBe(CORPUS.length);
    console.log(`XSS corpus: ${CORPUS.length} payloads; seeded places: ${JSON.stringify(places)}`);
  });

  it('positive control: the corpus assigned with innerHTML in a plain page does execute (the sentinel works)', async () => {
    const page = await world.browser.newPage();
    const armed = await arm(page);
    await page.goto(`${world.portal}/__sandbox/state`); // any http page (about:blank resolves no image URLs)
    // Payloads that navigate (meta refresh, base, forms) would end the page before the others fire.
    const vectors = CORPUS.map((p) => p.vector).filter((v) => !/<meta|<base|<form|formaction/i.test(v));
    await page.evaluate((vectors: string[]) => {
      for (const v of vectors) {
        const div = document.createElement('div');
        // eslint-disable-next-line no-unsanitized/property -- the positive control: what a careless UI would do
        div.innerHTML = v;
        document.body.append(div);
      }
    }, vectors);
    await settle(1_500);
    const { hits } = await alarms(page, armed);
    console.log(`positive control: ${new Set(hits).size} of ${CORPUS.length} payloads executed under innerHTML`);
    expect(new Set(hits).size).toBeGreaterThan(100);
    await page.close();
  });

  it('overlay on the portal: every payload as a location name, payloads in the firm, location, people and log pages', async () => {
    const page = await world.browser.newPage();
    const armed = await arm(page);
    await openPortal(page, world, `/firma/${CORPUS_FIRM}`);
    const text = await waitForOverlayText(page, /__xss/, 20_000);
    await settle();
    const shown = rendered(text, CORPUS.map((p) => p.vector));
    console.log(`overlay (corpus firm): ${shown} of ${CORPUS.length} payloads shown as text`);
    await screenshot(page, 'security-xss-overlay-corpus');
    expect(shown).toBeGreaterThanOrEqual(CORPUS.length * 0.9);
    expect(await alarms(page, armed)).toEqual({ hits: [], csp: [], dialogs: [] });

    // The field firms: their pages, their location's pages (fields, people, Koblingslogg) and the edit forms
    // (verdicts from the validators with the payload values, register answers full of payloads).
    await openPortal(page, world, `/firma/${CORPUS_FIRM}/endre`); // a valid orgnr: the Brønnøysund answer is shown
    await waitForOverlayText(page, /\S/, 15_000);
    await settle(1_500);
    await screenshot(page, 'security-xss-register-answer');
    expect(await alarms(page, armed), 'corpus firm edit form').toEqual({ hits: [], csp: [], dialogs: [] });
    for (const firmId of FIELD_FIRMS) {
      const locationId = fieldLocation(firmId);
      for (const path of [`/firma/${firmId}`, `/firma/${firmId}/endre`, `/lokasjon/${locationId}`, `/lokasjon/${locationId}/endre`, `/lokasjon/${locationId}/online-booking`]) {
        await openPortal(page, world, path);
        await waitForOverlayText(page, /\S/, 15_000);
        await settle(700); // verdicts are debounced; register answers arrive late
        expect(await alarms(page, armed), path).toEqual({ hits: [], csp: [], dialogs: [] });
      }
    }
    const last = await overlayText(page);
    expect(last.length).toBeGreaterThan(0);
    // Register answers went through: Brønnøysund (the orgnr) and Kartverket (the addresses) were asked.
    console.log(`hostile register answers served: ${registers.requests.length} (${[...new Set(registers.requests.map((r) => r.split('/').slice(0, 4).join('/')))].join(', ')})`);
    expect(registers.requests.some((r) => r.includes('/enheter/'))).toBe(true);
    expect(registers.requests.some((r) => r.endsWith('/sok'))).toBe(true);
    await screenshot(page, 'security-xss-overlay-fields');
    await page.close();
  }, 150_000);

  it('side panel: the directory (every payload) and booking-test logs with payload practitioner names', async () => {
    const panel = await openExtensionPage(world, 'sidepanel.html', { width: 420, height: 900 });
    const armed = await arm(panel);
    await reloadExtensionPage(panel); // armed from the first document on
    const clickButton = (name: RegExp) =>
      panel.evaluate((source: string) => {
        const re = new RegExp(source);
        const button = [...document.querySelectorAll('button')].find((b) => re.test(b.textContent ?? '') && !b.disabled);
        button?.click();
        return Boolean(button);
      }, name.source);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await panel.$$('li[data-location-id]')).length < CORPUS.length) {
      await clickButton(/^Oppdater$/);
      await settle(1_000);
    }
    expect((await panel.$$('li[data-location-id]')).length).toBeGreaterThanOrEqual(CORPUS.length);
    expect(await clickButton(/^Test alle$/)).toBe(true);
    // Wait until each field location has a result, then open every row's details (log lines, audit).
    const done = Date.now() + 45_000;
    while (Date.now() < done) {
      const pending = await panel.evaluate(
        (ids: string[]) => ids.filter((id) => /Ikke testet|Tester/.test(document.querySelector(`li[data-location-id="${id}"]`)?.textContent ?? 'Ikke testet')).length,
        FIELD_FIRMS.map(fieldLocation),
      );
      if (pending === 0) break;
      await settle(500);
    }
    for (const id of FIELD_FIRMS.map(fieldLocation)) await panel.click(`li[data-location-id="${id}"] .bk-disclosure`);
    await settle(800);
    const text = await panel.evaluate(() => document.body.innerText);
    const shown = rendered(text, CORPUS.map((p) => p.vector));
    console.log(`side panel: ${shown} of ${CORPUS.length} payloads shown as text`);
    expect(shown).toBeGreaterThanOrEqual(CORPUS.length * 0.9);
    expect(text).toMatch(/No free slots|ledige timer/i); // the run's log lines with the practitioners' names are shown
    await screenshot(panel, 'security-xss-sidepanel');
    expect(await alarms(panel, armed)).toEqual({ hits: [], csp: [], dialogs: [] });
    await panel.close();
  }, 120_000);

  it('popup: the statuses at a glance', async () => {
    const popup = await openExtensionPage(world, 'popup.html', { width: 380, height: 600 });
    const armed = await arm(popup);
    await reloadExtensionPage(popup);
    await settle(1_000);
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text.length).toBeGreaterThan(0);
    await screenshot(popup, 'security-xss-popup');
    expect(await alarms(popup, armed)).toEqual({ hits: [], csp: [], dialogs: [] });
    await popup.close();
  });

  // Observed in Firefox ESR 153: no securitypolicyviolation event reaches the page for the add-on CSP, so this
  // control cannot see the block there (the 'no payload ran' checks above still run in Firefox).
  it.skipIf(IS_FIREFOX)('positive control: an extension page reports a blocked inline handler to the CSP listener (Chromium only: Firefox fires no securitypolicyviolation event for the add-on CSP)', async () => {
    const page = await openExtensionPage(world, 'options.html');
    const armed = await arm(page);
    await reloadExtensionPage(page);
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.innerHTML = '<img src=x onerror="top.__xss(-1)">';
      document.body.append(div);
    });
    await settle(800);
    const seen = await alarms(page, armed);
    expect(seen.hits).toEqual([]);
    expect(seen.csp.length).toBeGreaterThan(0);
    await page.close();
  });
});
