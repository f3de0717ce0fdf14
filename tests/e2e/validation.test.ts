/**
 * Issue #5 end to end: verdicts beside the portal's fields while typing (validators and registers in
 * the background), fixes applied with real input events that survive Save, the save guard, register outage.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWorld, openPortal, overlayElement, retype, screenshot, waitForVerdict, BROWSER_LABEL, type World } from './harness';

let world: World;
let page: Page;
const registers = () => world.sandbox.urls.registers.replace(/\/$/, '');

beforeAll(async () => {
  world = await launchWorld();
});
afterAll(async () => {
  await world?.close();
});
beforeEach(async () => {
  await fetch(`${world.portal}/__sandbox/reset?scenario=default&delay=0`, { method: 'POST' });
  await fetch(`${registers()}/__registers/outage?mode=none`, { method: 'POST' });
  page = await world.browser.newPage();
});
afterEach(async () => {
  await page?.close().catch(() => undefined);
});

const field = (label: string) => `aria/${label}[role="textbox"]`;

async function save() {
  const button = await page.waitForSelector('aria/Lagre[role="button"]');
  await button!.click();
}

describe(`real-time validation (${BROWSER_LABEL}, sandbox)`, () => {
  it('invoice e-mail: own address warned, a typo suggested, the fix sticks after Save', async () => {
    await openPortal(page, world, '/firma/f-1002');
    await openPortal(page, world, '/firma/f-1002/endre');
    await waitForVerdict(page, 'E-post for faktura', /din egen/i);
    await retype(page, field('E-post for faktura'), 'post@gmial.com');
    const verdict = await waitForVerdict(page, 'E-post for faktura', /Mente du post@gmail\.com\?/);
    expect(verdict).toContain('Bruk post@gmail.com');
    await screenshot(page, 'validation-typo-suggestion');
    const apply = await overlayElement(page, 'aria/Bruk post@gmail.com');
    await apply.click();
    expect(await page.$eval('input[name="invoiceEmail"]', (i) => (i as HTMLInputElement).value)).toBe('post@gmail.com');
    await waitForVerdict(page, 'E-post for faktura', /^OK:/);
    await save();
    await page.waitForFunction(() => /\/firma\/f-1002$/.test(location.pathname) && document.body.innerText.includes('post@gmail.com'), { timeout: 10_000 });
    expect(world.sandbox.portalStore.firms.get('f-1002')).toMatchObject({ invoiceEmail: 'post@gmail.com' });
  });

  it('website: http warned with the https fix; an internationalised domain is fine', async () => {
    await openPortal(page, world, '/firma/f-1002/endre');
    await retype(page, field('Webside'), 'http://bryggenfysio.no');
    await waitForVerdict(page, 'Webside', /https/i);
    await retype(page, field('Webside'), 'fysio-ås.no');
    const idn = await waitForVerdict(page, 'Webside', /.+/);
    expect(idn).not.toMatch(/^Feil:/);
  });

  it('organisation number: checksum error blocks Save with the guard; "Rett opp" goes to the field', async () => {
    await openPortal(page, world, '/firma/f-1002/endre');
    await retype(page, field('Organisasjonsnummer'), '998 234 825');
    await waitForVerdict(page, 'Organisasjonsnummer', /^Feil:/);
    await save();
    const dialog = await overlayElement(page, 'aria/Noe bør rettes før du lagrer');
    expect(dialog).toBeTruthy();
    await screenshot(page, 'validation-save-guard');
    const fix = await overlayElement(page, 'aria/Rett opp');
    await fix.click();
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'orgnr');
    expect(page.url()).toMatch(/\/endre$/);
    // A bankrupt firm is an error from the register; "Lagre likevel" still saves.
    await retype(page, field('Organisasjonsnummer'), '929234561');
    await waitForVerdict(page, 'Organisasjonsnummer', /konkurs/i);
    await save();
    await (await overlayElement(page, 'aria/Lagre likevel')).click();
    await page.waitForFunction(() => /\/firma\/f-1002$/.test(location.pathname), { timeout: 10_000 });
  });

  it('warnings never block Save', async () => {
    await openPortal(page, world, '/firma/f-1002/endre');
    await waitForVerdict(page, 'E-post for faktura', /din egen/i);
    await save();
    await page.waitForFunction(() => /\/firma\/f-1002$/.test(location.pathname), { timeout: 10_000 });
  });

  it('register outage says "could not verify", never valid, and does not block', async () => {
    await fetch(`${registers()}/__registers/outage?mode=down`, { method: 'POST' });
    await openPortal(page, world, '/firma/f-1002/endre');
    await retype(page, field('Organisasjonsnummer'), '923678905');
    const v = await waitForVerdict(page, 'Organisasjonsnummer', /Kunne ikke sjekke/, 20_000);
    expect(v).not.toMatch(/^OK:/);
    await save();
    await page.waitForFunction(() => /\/firma\/f-1002$/.test(location.pathname), { timeout: 10_000 });
  });

  it('mobile number: a landline is an error, a mobile is shown normalised', async () => {
    await openPortal(page, world, '/lokasjon/l-2002/endre');
    await waitForVerdict(page, 'Mobilnummer', /^Feil:.*mobil/i);
    await retype(page, field('Mobilnummer'), '91234567');
    const ok = await waitForVerdict(page, 'Mobilnummer', /^OK:|\+47 912 34 567/);
    expect(ok).toBeTruthy();
  });

  it('address: picked from the map search, cross-checked against the register; a wrong postal code is fixed', async () => {
    await openPortal(page, world, '/lokasjon/l-2001/endre');
    await waitForVerdict(page, 'Gateadresse', /finnes|adresseregisteret/i);
    const search = await page.waitForSelector('aria/Søk etter adresse');
    await search!.type('Karl Johans gate 22');
    const option = await page.waitForSelector('aria/Karl Johans gate 22, 0159 OSLO[role="option"]');
    await option!.click();
    await waitForVerdict(page, 'Gateadresse', /finnes i adresseregisteret: Karl Johans gate 22/i);
    await retype(page, field('Postnummer'), '0150');
    const wrong = await waitForVerdict(page, 'Gateadresse', /^Feil:/);
    expect(wrong).toMatch(/0159/);
    await screenshot(page, 'validation-address-mismatch');
    await (await overlayElement(page, 'aria/Bruk «0159»')).click();
    await waitForVerdict(page, 'Gateadresse', /finnes/i);
    await save();
    await page.waitForFunction(() => /\/lokasjon\/l-2001$/.test(location.pathname) && document.body.innerText.includes('Karl Johans gate 22'), { timeout: 10_000 });
  });

  it('invitation e-mail: checked before "Inviter personer" (the portal says "sent" to anything)', async () => {
    await openPortal(page, world, '/lokasjon/l-2001/invitasjoner');
    await retype(page, field('E-post'), 'ola.nordmann@@eksempel');
    await waitForVerdict(page, 'E-post', /^Feil:/);
    await (await page.waitForSelector('aria/Inviter personer[role="button"]'))!.click();
    await overlayElement(page, 'aria/Noe bør rettes før du lagrer');
  });
});
