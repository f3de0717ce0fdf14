/**
 * Issue #4 end to end: the checklist overlay on the sandbox portal, for each seeded firm type, ticking
 * itself from what the portal shows, updating without reloads, with hints beside fields.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWorld, openExtensionPage, openPortal, overlayElement, overlayItems, overlayText, screenshot, sendFromPage, waitForItem, waitForOverlayText, BROWSER_LABEL, OVERLAY, type World } from './harness';

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
  // Forget what the extension remembered in earlier tests.
  const options = await openExtensionPage(world, 'options.html');
  await options.evaluate(() => ext.storage.local.clear());
  await options.close();
  page = await world.browser.newPage();
});
afterEach(async () => {
  await page?.close().catch(() => undefined);
});

const item = (title: string, state: string) => new RegExp(`^${state} ${title}`);

async function firmPage(id: string) {
  await openPortal(page, world, `/firma/${id}`);
  await waitForOverlayText(page, /av \d+ i orden/);
}

describe(`checklist overlay (${BROWSER_LABEL}, sandbox)`, () => {
  it('co-invoicing firm with problems: website missing, invoice e-mail is the admin\'s own', async () => {
    await firmPage('f-1002');
    const website = await waitForItem(page, item('Webside er fylt ut', 'Trenger oppmerksomhet'));
    expect(website).toContain('Webside er ikke fylt ut');
    const invoice = await waitForItem(page, item('E-post for faktura er riktig', 'Trenger oppmerksomhet'));
    expect(invoice).toContain('kari.nordmann@gmail.com) er din egen adresse');
    expect(await overlayText(page)).toContain('Fellesfakturerende lokasjon eller selvstendig firma');
    await screenshot(page, 'overlay-firm-problems');
  });

  it('healthy co-invoicing firm: firm items are in order (shown on request)', async () => {
    await firmPage('f-1001');
    const items = await overlayItems(page);
    expect(items.some((i) => /Webside er fylt ut/.test(i))).toBe(false); // in order, so hidden by default
    const toggle = await overlayElement(page, 'aria/Vis også det som er i orden[role="button"]');
    await toggle.click();
    await waitForItem(page, item('Webside er fylt ut', 'I orden'));
    await waitForItem(page, /^I orden E-post for faktura er riktig Fakturavarsler sendes til faktura@fysiogrunerlokka\.no/);
  });

  it('shared-location firm: read from the page, invoice e-mail missing', async () => {
    await firmPage('f-1003');
    expect(await overlayText(page)).toContain('Delt lokasjon');
    await waitForItem(page, item('E-post for faktura er riktig', 'Trenger oppmerksomhet'));
  });

  it('invoicing-only firm that has a location is flagged; one without locations is in order', async () => {
    await firmPage('f-1005');
    const flagged = await waitForItem(page, item('Fakturerende firma har ingen lokasjoner', 'Ugyldig'));
    expect(flagged).toContain('Kirkegata Manuellterapi');
    await screenshot(page, 'overlay-invoicing-with-location');
    await firmPage('f-1004');
    const text = await overlayText(page);
    expect(text).toContain('Fakturerende firma');
    expect((await overlayItems(page)).some((i) => /Fakturerende firma har ingen lokasjoner/.test(i))).toBe(false);
    expect(text).toMatch(/Gjelder ikke for denne firmatypen/);
  });

  it('fixing a problem in the portal turns the item green without a reload', async () => {
    await firmPage('f-1002');
    await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = 'same-document'));
    const before = await waitForItem(page, item('E-post for faktura er riktig', 'Trenger oppmerksomhet'));
    expect(before).toBeTruthy();
    // "Gå dit" goes to the edit form (through the portal's own link or navigation) and focuses the field.
    const goThere = await overlayElement(page, 'aria/Gå dit: E-post for faktura er riktig');
    await goThere.click();
    await page.waitForFunction(() => location.pathname.endsWith('/endre') && (document.activeElement as HTMLInputElement | null)?.name === 'invoiceEmail', { timeout: 10_000 });
    // The field hint shows beside the focused field.
    const hint = await overlayElement(page, 'aria/Tips fra sjekklisten');
    expect(hint).toBeTruthy();
    await screenshot(page, 'overlay-field-hint');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.keyboard.type('faktura@bryggenfysio.no');
    const save = await page.waitForSelector('aria/Lagre[role="button"]');
    await save!.click();
    await page.waitForFunction(() => /\/firma\/f-1002$/.test(location.pathname) && document.body.innerText.includes('faktura@bryggenfysio.no'), { timeout: 10_000 });
    await waitForOverlayText(page, /Fakturavarsler sendes til faktura@bryggenfysio\.no|av \d+ i orden/);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await overlayItems(page)).some((i) => /E-post for faktura er riktig/.test(i))) await new Promise((r) => setTimeout(r, 100));
    expect((await overlayItems(page)).some((i) => /E-post for faktura er riktig/.test(i))).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe('same-document');
  });

  it('navigating between firms updates the overlay, and the badge counts open items', async () => {
    await firmPage('f-1002');
    await waitForOverlayText(page, /Bryggen Fysioterapi AS/);
    const link = await page.waitForSelector('aria/Firmaer[role="link"]');
    await link!.click();
    await page.waitForFunction(() => location.pathname === '/');
    await waitForOverlayText(page, /Velg et firma/);
    const firm = await page.waitForSelector('aria/Nidaros Fysioterapi og Trening AS[role="link"]');
    await firm!.click();
    const text = await waitForOverlayText(page, /Nidaros Fysioterapi og Trening AS/);
    expect(text).not.toContain('Bryggen Fysioterapi AS');
    const open = Number(/(\d+) åpne/.exec(text)?.[1]);
    expect(open).toBeGreaterThan(0);

    const panel = await openExtensionPage(world, 'sidepanel.html');
    const tabId = await panel.evaluate(async (url) => (await ext.tabs.query({})).find((t) => t.url?.startsWith(url) && t.url.includes('/firma/'))?.id, world.portal);
    const deadline = Date.now() + 5_000;
    let reply: unknown;
    while (Date.now() < deadline) {
      reply = await sendFromPage(panel, { type: 'badge.get', payload: { tabId } });
      if ((reply as { data?: { text?: string } }).data?.text === String(open)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(reply).toEqual({ ok: true, data: { text: String(open), health: expect.stringMatching(/warning|error/) } });
    await panel.close();
  });

  it('location page: address verified against the address register, items per location', async () => {
    await firmPage('f-1001');
    await openPortal(page, world, '/lokasjon/l-2001');
    await waitForOverlayText(page, /Fysio Grünerløkka AS/);
    const toggle = await overlayElement(page, 'aria/Vis også det som er i orden[role="button"]');
    await toggle.click();
    const address = await waitForItem(page, /^I orden Adressen er fullstendig og finnes – Fysio Grünerløkka Thorvald Meyers gate 24A/);
    expect(address).toContain('finnes i adresseregisteret');
    await screenshot(page, 'overlay-location');
  });

  it('asks the firm type once when the portal does not show it, and remembers it', async () => {
    // A location opened before its firm: the type is unknown, so the overlay asks.
    await openPortal(page, world, '/lokasjon/l-2004');
    const question = await overlayElement(page, 'aria/Hvilken type firma er dette? Svaret avgjør hvilke punkter som gjelder.');
    expect(question).toBeTruthy();
    await screenshot(page, 'overlay-ask-firm-type');
    const choice = await overlayElement(page, 'aria/Fellesfakturerende lokasjon eller selvstendig firma – Et firma med lokasjon(er) der alle fakturerer fra samme organisasjonsnummer.');
    await choice.click();
    const use = await overlayElement(page, 'aria/Bruk denne typen');
    await use.click();
    await waitForOverlayText(page, /Firmatype: Fellesfakturerende lokasjon eller selvstendig firma \(valgt av deg\)/);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForOverlayText(page, /\(valgt av deg\)/);
    expect(await overlayText(page)).not.toContain('Hvilken type firma er dette?');
  });

  it('page text with HTML in it renders as text, and page scripts cannot reach the overlay', async () => {
    await fetch(`${world.portal}/__sandbox/reset?scenario=hostile&delay=0`, { method: 'POST' });
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await openPortal(page, world, '/');
    const hostileLink = await page.evaluate(() => Array.from(document.querySelectorAll('main a')).map((a) => [a.textContent, a.getAttribute('href')]).find(([t]) => t?.includes('<')));
    expect(hostileLink).toBeTruthy();
    await openPortal(page, world, hostileLink![1]!);
    const text = await waitForOverlayText(page, /av \d+ i orden/);
    expect(text).toContain(hostileLink![0]!.trim());
    expect(await page.evaluate(() => document.querySelector('bn-admin-companion')?.shadowRoot ?? null)).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(dialogs).toEqual([]);
    await screenshot(page, 'overlay-hostile-name');
  });

  it('the admin picks wanted partners; a wanted partner without an agreement is flagged', async () => {
    await firmPage('f-1002');
    await waitForItem(page, /^Ikke sjekket ennå Samarbeidsavtale med partnerne dere ønsker Hvilke partnere/);
    for (const partner of ['Falck Helse', 'Digicare (på vegne av Storebrand)']) {
      const box = await overlayElement(page, `aria/${partner}[role="checkbox"]`);
      await box.click();
    }
    const save = await overlayElement(page, 'aria/Lagre partnervalget');
    await save.click();
    const falck = await waitForItem(page, /^Ugyldig Samarbeidsavtale med partnerne dere ønsker.*Falck Helse/);
    expect(falck).toBeTruthy();
    await screenshot(page, 'overlay-agreements');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForItem(page, /^Ugyldig Samarbeidsavtale med partnerne dere ønsker.*Falck Helse/);
  });

  it('the admin reviews who has left; someone still listed is flagged until removed in the portal', async () => {
    await firmPage('f-1001');
    await openPortal(page, world, '/lokasjon/l-2001');
    const start = await overlayElement(page, 'aria/Gå gjennom personene');
    await start.click();
    const thomas = await overlayElement(page, 'aria/Thomas Berg har sluttet[role="checkbox"]');
    await thomas.click();
    const save = await overlayElement(page, 'aria/Lagre gjennomgangen');
    await save.click();
    const flagged = await waitForItem(page, /^Ugyldig Behandlere som har sluttet, er fjernet – Fysio Grünerløkka .*Thomas Berg/);
    expect(flagged).toBeTruthy();
    await screenshot(page, 'overlay-people-review');
  });

  it('the panel can move to the other side and remembers it', async () => {
    await firmPage('f-1001');
    const move = await overlayElement(page, 'aria/Flytt sjekklisten til venstre');
    await move.click();
    await overlayElement(page, 'aria/Flytt sjekklisten til høyre');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await overlayElement(page, 'aria/Flytt sjekklisten til høyre');
    const region = await overlayElement(page, OVERLAY);
    const box = await region.boundingBox();
    expect(box!.x).toBeLessThan(100);
    await (await overlayElement(page, 'aria/Flytt sjekklisten til høyre')).click();
  });

  it('screenshots of the overlay on each page kind', async () => {
    await firmPage('f-1001');
    for (const [name, path] of [
      ['overlay-page-firms', '/'],
      ['overlay-page-firm', '/firma/f-1001'],
      ['overlay-page-firm-edit', '/firma/f-1001/endre'],
      ['overlay-page-location', '/lokasjon/l-2001'],
      ['overlay-page-location-edit', '/lokasjon/l-2001/endre'],
      ['overlay-page-booking', '/lokasjon/l-2001/online-booking'],
      ['overlay-page-invitations', '/lokasjon/l-2001/invitasjoner'],
    ] as const) {
      await openPortal(page, world, path);
      await waitForOverlayText(page, /av \d+ i orden|Velg et firma/);
      await screenshot(page, name);
    }
  });
});
