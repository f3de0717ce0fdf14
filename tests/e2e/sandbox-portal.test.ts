/**
 * The sandbox portal, driven in Chromium and Firefox the way a firm administrator uses it: buttons and links by their
 * visible text, fields by their label, assertions on what the page shows afterwards (cross-checked against
 * the sandbox store where useful). Issue #3, "Done when" (portal flows).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWorld, BROWSER_LABEL, type World } from './harness';
import { clickButton, clickHandle, createTabs, detail, find, mainText, q, shot, waitForPage, waitForText } from './portal-driver';

let world: World;
const tabs = createTabs(() => world);
const open = tabs.open;

beforeAll(async () => {
  world = await launchWorld({ extension: false, delayMs: 0 });
});
afterAll(async () => {
  await world?.close();
});
beforeEach(async () => {
  const r = await fetch(`${world.portal}/__sandbox/reset?scenario=default&delay=0`, { method: 'POST' });
  expect(r.status).toBe(200);
});
afterEach(async () => {
  await tabs.closeAll();
});

// ------------------------------------------------------------------ helpers (visible words only)

/** Clicks the link with this visible text inside <main> (or in the table row that mentions `row`). */
async function clickLink(page: Page, text: string, row?: string): Promise<void> {
  const xpath = row ? `//main//tr[td[normalize-space()=${q(row)}]]//a[normalize-space()=${q(text)}]` : `//main//a[normalize-space()=${q(text)}]`;
  await clickHandle(await find(page, `::-p-xpath(${xpath})`));
}

/** The input labelled `label`. */
async function field(page: Page, label: string, role = 'textbox'): Promise<ElementHandle<Element>> {
  return find(page, `aria/${label}[role="${role}"]`);
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.locator(`aria/${label}[role="textbox"]`).fill(value);
}

async function valueOf(page: Page, label: string, role = 'textbox'): Promise<string> {
  return (await field(page, label, role)).evaluate((el) => (el as HTMLInputElement).value);
}

/** Rows of the table in the card headed `section`, each as its cells' visible text. */
async function tableRows(page: Page, section: string): Promise<string[][]> {
  const sectionEl = await find(page, `::-p-xpath(//section[h2[normalize-space()=${q(section)}]])`);
  return sectionEl.evaluate((s) => [...s.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

async function alerts(page: Page): Promise<string[]> {
  return page.$$eval('main [role="alert"]', (els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => (e as HTMLElement).innerText.trim()));
}

async function control(pathAndQuery: string): Promise<void> {
  const r = await fetch(`${world.portal}${pathAndQuery}`, { method: 'POST' });
  expect(r.status, pathAndQuery).toBe(200);
}

const store = () => world.sandbox.portalStore;

// ------------------------------------------------------------------ tests

describe(`sandbox portal in ${BROWSER_LABEL} (admin flows)`, () => {
  it('lists the seeded firms on the front page', async () => {
    const page = await open('/', 'Firmaer');
    expect(await page.title()).toBe('Firmaer – Behandlernettverk');
    // The firms card has no heading of its own (the page's h1 is it): read the only table in <main>.
    const rows = await page.$$eval('main tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
    expect(rows).toEqual([
      ['Fysio Grünerløkka AS', '923 678 905', 'Fellesfakturerende lokasjon / selvstendig firma', '3'],
      ['Bryggen Fysioterapi AS', '920 345 670', 'Fellesfakturerende lokasjon / selvstendig firma', '2'],
      ['Nidaros Fysioterapi og Trening AS', '921 456 786', 'Delt lokasjon', '3'],
      ['Fysioterapeut Kari Nordmann', '927 012 340', 'Fakturerende firma', '0'],
      ['Kirkegata Manuellterapi AS', '922 567 891', 'Fakturerende firma', '1'],
      ['Sandvika Helsehus AS', '924 789 018', 'Fellesfakturerende lokasjon / selvstendig firma', '1'],
      ['Nordisk Rehab NUF', '932 567 806', 'Fellesfakturerende lokasjon / selvstendig firma', '1'],
    ]);
    // Header: brand, nav, the admin's name and own e-mail.
    const header = await page.$eval('header', (h) => (h as HTMLElement).innerText);
    expect(header).toContain('Behandlernettverk');
    expect(header).toContain('Kari Nordmann');
    expect(header).toContain('kari.nordmann@gmail.com');
    await shot(page, 'portal-firms');
  });

  it('edits and saves a firm (Endre → Webside, E-post for faktura → Lagre)', async () => {
    const page = await open('/', 'Firmaer');
    await clickLink(page, 'Bryggen Fysioterapi AS');
    await waitForPage(page, 'Bryggen Fysioterapi AS');
    expect(await detail(page, 'Webside')).toBe('Ikke oppgitt');
    expect(await detail(page, 'E-post for faktura')).toBe('kari.nordmann@gmail.com');
    expect(await detail(page, 'Organisasjonsnummer')).toBe('920 345 670');
    expect(await detail(page, 'Firmatype')).toBe('Fellesfakturerende lokasjon / selvstendig firma');
    expect(await tableRows(page, 'Lokasjoner')).toEqual([
      ['Bryggen Fysioterapi', 'Bryggen 9, 5003 BERGEN', 'Konfidens'],
      ['Bryggen Fysioterapi Strandgaten', 'Strandgaten 18A, 5013 BERGEN', 'Aspit (Physica/Psykbase)'],
    ]);
    await shot(page, 'portal-firm');

    await clickButton(page, 'Endre', 'Firmainformasjon');
    await waitForPage(page, 'Endre firma');
    expect(page.url()).toBe(`${world.portal}/firma/f-1002/endre`);
    expect(await valueOf(page, 'Navn')).toBe('Bryggen Fysioterapi AS');
    expect(await valueOf(page, 'E-post for faktura')).toBe('kari.nordmann@gmail.com');
    await fill(page, 'Webside', 'https://www.bryggenfysio.no');
    await fill(page, 'E-post for faktura', 'faktura@bryggenfysio.no');
    await clickButton(page, 'Lagre');
    await waitForPage(page, 'Bryggen Fysioterapi AS');
    expect(page.url()).toBe(`${world.portal}/firma/f-1002`);
    expect(await detail(page, 'Webside')).toBe('https://www.bryggenfysio.no');
    expect(await detail(page, 'E-post for faktura')).toBe('faktura@bryggenfysio.no');
    expect(await detail(page, 'Navn')).toBe('Bryggen Fysioterapi AS');

    const firm = store().firms.get('f-1002');
    expect(firm).toMatchObject({ website: 'https://www.bryggenfysio.no', invoiceEmail: 'faktura@bryggenfysio.no', version: 2, orgnr: '920345670' });

    // Avbryt leaves without saving.
    await clickButton(page, 'Endre', 'Firmainformasjon');
    await waitForPage(page, 'Endre firma');
    await fill(page, 'Telefon', '99 99 99 99');
    await clickButton(page, 'Avbryt');
    await waitForPage(page, 'Bryggen Fysioterapi AS');
    expect(await detail(page, 'Telefon')).toBe('55 31 20 40');
    expect(store().firms.get('f-1002')?.version).toBe(2);
  });

  it('shows field messages and a summary on 422 (empty Navn, bad e-mail, short orgnr)', async () => {
    const page = await open('/firma/f-1001/endre', 'Endre firma');
    await fill(page, 'Navn', '');
    await fill(page, 'Organisasjonsnummer', '923 678');
    await fill(page, 'E-post for faktura', 'faktura@');
    await clickButton(page, 'Lagre');
    await waitForText(page, 'Skjemaet inneholder feil. Rett opp og prøv igjen.');
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Endre firma');
    const shown = await alerts(page);
    const summary = shown.find((t) => t.startsWith('Skjemaet inneholder feil'));
    expect(summary).toBeDefined();
    expect(summary).toContain('Navn: Navn må fylles ut');
    expect(summary).toContain('Organisasjonsnummer: Organisasjonsnummer må bestå av 9 siffer');
    expect(summary).toContain('E-post for faktura: Ugyldig e-postadresse');
    // Each message under its own field (the input is described by it and marked invalid).
    for (const [label, message] of [
      ['Navn', 'Navn må fylles ut'],
      ['Organisasjonsnummer', 'Organisasjonsnummer må bestå av 9 siffer'],
      ['E-post for faktura', 'Ugyldig e-postadresse'],
    ] as const) {
      const input = await field(page, label);
      const info = await input.evaluate((el) => {
        const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const described = ids.map((id) => document.getElementById(id)).filter((x): x is HTMLElement => Boolean(x));
        const next = el.nextElementSibling as HTMLElement | null;
        return {
          invalid: el.getAttribute('aria-invalid'),
          described: described.map((d) => d.innerText.trim()),
          below: next && !next.hidden ? { text: next.innerText.trim(), role: next.getAttribute('role') } : null,
        };
      });
      expect(info.invalid, label).toBe('true');
      expect(info.described, label).toContain(message);
      expect(info.below, label).toEqual({ text: message, role: 'alert' });
    }
    expect(store().firms.get('f-1001')).toMatchObject({ name: 'Fysio Grünerløkka AS', version: 1 });
    await shot(page, 'portal-firm-edit-error');

    // Fixing the fields and saving again works from the same form.
    await fill(page, 'Navn', 'Fysio Grünerløkka AS');
    await fill(page, 'Organisasjonsnummer', '923 678 905');
    await fill(page, 'E-post for faktura', 'faktura@fysiogrunerlokka.no');
    await clickButton(page, 'Lagre');
    await waitForPage(page, 'Fysio Grünerløkka AS');
    expect(store().firms.get('f-1001')?.version).toBe(2);
  });

  it('shows the conflict text on 409 (saved from two tabs, and a version bumped in the store)', async () => {
    const tabA = await open('/firma/f-1003/endre', 'Endre firma');
    const tabB = await open('/firma/f-1003/endre', 'Endre firma');
    await fill(tabB, 'E-post for faktura', 'faktura@nidarosfysio.no');
    await clickButton(tabB, 'Lagre');
    await waitForPage(tabB, 'Nidaros Fysioterapi og Trening AS');
    expect(await detail(tabB, 'E-post for faktura')).toBe('faktura@nidarosfysio.no');

    await tabA.bringToFront();
    await fill(tabA, 'Webside', 'https://nidaros.example.no');
    await clickButton(tabA, 'Lagre');
    await waitForText(tabA, 'Noen andre har lagret endringer på dette firmaet. Last inn siden på nytt.');
    expect(await alerts(tabA)).toContain('Noen andre har lagret endringer på dette firmaet. Last inn siden på nytt.');
    expect(await tabA.$eval('main h1', (h) => h.textContent)).toBe('Endre firma');
    expect(store().firms.get('f-1003')).toMatchObject({ website: 'https://www.nidarosfysio.no', invoiceEmail: 'faktura@nidarosfysio.no', version: 2 });

    // Someone else saved while the form was open (version bumped behind the portal's back).
    const page = await open('/firma/f-1005/endre', 'Endre firma');
    const firm = store().firms.get('f-1005');
    if (!firm) throw new Error('f-1005 missing');
    firm.version += 1;
    await fill(page, 'Telefon', '51 00 00 00');
    await clickButton(page, 'Lagre');
    await waitForText(page, 'Noen andre har lagret endringer på dette firmaet. Last inn siden på nytt.');
    expect(firm.phone).toBe('934 56 789');

    // The location form says it too.
    const loc = await open('/lokasjon/l-2003/endre', 'Endre lokasjon');
    const l = store().locations.get('l-2003');
    if (!l) throw new Error('l-2003 missing');
    l.version += 1;
    await fill(loc, 'Telefon', '55 00 00 00');
    await clickButton(loc, 'Lagre');
    await waitForText(loc, 'Noen andre har lagret endringer på denne lokasjonen. Last inn siden på nytt.');
  });

  it('shows "Noe gikk galt" on a 500 and keeps the form', async () => {
    const page = await open('/firma/f-1001/endre', 'Endre firma');
    await fill(page, 'Webside', 'https://ny.fysiogrunerlokka.no');
    await control('/__sandbox/fail-next?status=500');
    await clickButton(page, 'Lagre');
    await waitForText(page, 'Noe gikk galt. Prøv igjen senere.');
    expect(await alerts(page)).toContain('Noe gikk galt. Prøv igjen senere.');
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Endre firma');
    expect(await valueOf(page, 'Webside')).toBe('https://ny.fysiogrunerlokka.no');
    expect(store().firms.get('f-1001')).toMatchObject({ website: 'https://www.fysiogrunerlokka.no', version: 1 });
    // The failure was one-off: Lagre again succeeds.
    await clickButton(page, 'Lagre');
    await waitForPage(page, 'Fysio Grünerløkka AS');
    expect(await detail(page, 'Webside')).toBe('https://ny.fysiogrunerlokka.no');
  });

  it('lands on /logg-inn on a 401 after the session expired, and "Logg inn" brings the admin back', async () => {
    const page = await open('/firma/f-1001/endre', 'Endre firma');
    await fill(page, 'Telefon', '22 00 00 00');
    await control('/__sandbox/session/expire');
    try {
      await clickButton(page, 'Lagre');
      await waitForPage(page, 'Logg inn');
      expect(new URL(page.url()).pathname).toBe('/logg-inn');
      expect(await page.title()).toBe('Logg inn – Behandlernettverk');
      expect(await mainText(page)).toContain('Økten din er utløpt');
      expect(store().firms.get('f-1001')?.phone).toBe('22 60 45 10');
      await shot(page, 'portal-login');

      // A page load with the stale cookie does not log in again: it lands on /logg-inn too.
      await page.goto(`${world.portal}/firma/f-1002`, { waitUntil: 'domcontentloaded' });
      await waitForPage(page, 'Logg inn');
      expect(new URL(page.url()).pathname).toBe('/logg-inn');

      await clickButton(page, 'Logg inn');
      await waitForPage(page, 'Firmaer');
      expect(new URL(page.url()).pathname).toBe('/');
      await page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Kari Nordmann') ?? false);
    } finally {
      // Whatever happened above, the browser gets a valid session back for the next tests.
      await page.evaluate(() => fetch('/api/login', { method: 'POST', credentials: 'same-origin' }).then((r) => r.status));
    }
  });

  it('location edit: the map search fills the four address fields, Lagre shows the new address', async () => {
    const page = await open('/lokasjon/l-2002', 'Fysio Grünerløkka avd. Karl Johan');
    expect(await detail(page, 'Gateadresse')).toBe('Karl Johans gate 1');
    await shot(page, 'portal-location');
    await clickButton(page, 'Endre', 'Lokasjonsinformasjon');
    await waitForPage(page, 'Endre lokasjon');
    expect(await valueOf(page, 'Gateadresse')).toBe('Karl Johans gate 1');

    const search = await field(page, 'Søk etter adresse', 'combobox');
    await clickHandle(search);
    await search.type('Karl Johans gate 40', { delay: 10 });
    const listbox = await find(page, 'aria/Adresseforslag[role="listbox"]');
    const options = await listbox.$$eval('[role="option"]', (os) => os.map((o) => (o as HTMLElement).innerText.trim()));
    expect(options).toContain('Karl Johans gate 40, 0162 OSLO');
    expect(await search.evaluate((el) => el.getAttribute('aria-expanded'))).toBe('true');
    await shot(page, 'portal-location-edit-listbox');

    await clickHandle(await find(page, `::-p-xpath(//*[@role="listbox"]/*[@role="option"][normalize-space()=${q('Karl Johans gate 40, 0162 OSLO')}])`));
    await page.waitForFunction(() => document.querySelector('[role="listbox"]')?.hasAttribute('hidden') ?? false);
    expect(await valueOf(page, 'Gateadresse')).toBe('Karl Johans gate 40');
    expect(await valueOf(page, 'Postnummer')).toBe('0162');
    expect(await valueOf(page, 'Poststed')).toBe('OSLO');
    expect(await valueOf(page, 'Kommune')).toBe('OSLO');
    const map = await find(page, 'aria/Kart[role="region"]');
    expect(await map.evaluate((m) => (m as HTMLElement).innerText)).toContain('Karl Johans gate 40, 0162 OSLO');
    await clickButton(page, 'Lagre');
    await waitForPage(page, 'Fysio Grünerløkka avd. Karl Johan');
    expect(await detail(page, 'Gateadresse')).toBe('Karl Johans gate 40');
    expect(await detail(page, 'Postnummer')).toBe('0162');
    expect(await detail(page, 'Poststed')).toBe('OSLO');
    expect(await detail(page, 'Kommune')).toBe('OSLO');
    expect(store().locations.get('l-2002')).toMatchObject({ street: 'Karl Johans gate 40', postalCode: '0162', postalPlace: 'OSLO', municipality: 'OSLO' });

    // Keyboard path on another location: ArrowDown into the list, Enter picks; Enter in the search box never submits.
    await page.goto(`${world.portal}/lokasjon/l-2011/endre`, { waitUntil: 'domcontentloaded' });
    await waitForPage(page, 'Endre lokasjon');
    const search2 = await field(page, 'Søk etter adresse', 'combobox');
    await clickHandle(search2);
    await search2.type('Myrvollveien 5C', { delay: 10 });
    await find(page, 'aria/Adresseforslag[role="listbox"]');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', role: document.activeElement?.getAttribute('role') }));
    expect(focused).toEqual({ text: 'Myrvollveien 5C, 1415 OPPEGÅRD', role: 'option' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[role="listbox"]')?.hasAttribute('hidden') ?? false);
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Endre lokasjon');
    expect([await valueOf(page, 'Gateadresse'), await valueOf(page, 'Postnummer'), await valueOf(page, 'Poststed')]).toEqual(['Myrvollveien 5C', '1415', 'OPPEGÅRD']);
    expect(await valueOf(page, 'Kommune')).not.toBe('');
    expect(store().locations.get('l-2011')?.street).toBe('Rådmann Halmrasts vei 6'); // not saved yet
    // Enter in the search box (several hits) never submits the form.
    await search2.click({ count: 3 });
    await search2.type('Karl Johans gate', { delay: 10 });
    await find(page, 'aria/Adresseforslag[role="listbox"]');
    await page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Endre lokasjon');
    expect(store().locations.get('l-2011')?.version).toBe(1);
    await clickButton(page, 'Avbryt');
    await waitForPage(page, 'Sandvika Helsehus');
    expect(await detail(page, 'Gateadresse')).toBe('Rådmann Halmrasts vei 6');
  });

  it('location edit: Fasiliteter checkboxes toggled and saved', async () => {
    const page = await open('/lokasjon/l-2002', 'Fysio Grünerløkka avd. Karl Johan');
    expect(await detail(page, 'Fasiliteter')).toBe('Ikke oppgitt');
    await clickButton(page, 'Endre', 'Lokasjonsinformasjon');
    await waitForPage(page, 'Endre lokasjon');
    for (const label of ['Treningssal', 'Venterom']) {
      const box = await field(page, label, 'checkbox');
      expect(await box.evaluate((b) => (b as HTMLInputElement).checked)).toBe(false);
      await clickHandle(box);
      expect(await box.evaluate((b) => (b as HTMLInputElement).checked)).toBe(true);
    }
    await clickHandle(await field(page, 'Manuellterapi', 'checkbox'));
    await clickButton(page, 'Lagre');
    await waitForPage(page, 'Fysio Grünerløkka avd. Karl Johan');
    expect(await detail(page, 'Fasiliteter')).toBe('Treningssal, Venterom');
    expect(await detail(page, 'Behandlingstilbud')).toBe('Manuellterapi');
    expect(store().locations.get('l-2002')).toMatchObject({ facilities: ['Treningssal', 'Venterom'], treatments: ['Manuellterapi'] });

    // Unticking one again.
    await clickButton(page, 'Endre', 'Lokasjonsinformasjon');
    await waitForPage(page, 'Endre lokasjon');
    await clickHandle(await field(page, 'Treningssal', 'checkbox'));
    await clickButton(page, 'Lagre');
    await waitForPage(page, 'Fysio Grünerløkka avd. Karl Johan');
    expect(await detail(page, 'Fasiliteter')).toBe('Venterom');
  });

  it('person: Endre → Slett → Nei keeps them; Slett → Ja removes them from Personer', async () => {
    const page = await open('/lokasjon/l-2001', 'Fysio Grünerløkka');
    const people = await tableRows(page, 'Personer');
    expect(people.map((r) => r.slice(0, 2))).toContainEqual(['Thomas Berg', 'Behandler']);
    expect(people.map((r) => r.slice(0, 2))).toContainEqual(['Kari Nordmann', 'Administrator']);
    expect(people).toHaveLength(8);

    await clickLink(page, 'Se', 'Thomas Berg');
    await waitForPage(page, 'Thomas Berg');
    expect(await detail(page, 'Tittel')).toBe('Fysioterapeut');
    expect(await detail(page, 'Lokasjon')).toBe('Fysio Grünerløkka');
    await shot(page, 'portal-person');

    await clickLink(page, 'Endre');
    await waitForPage(page, 'Endre person');
    expect(await valueOf(page, 'Tittel')).toBe('Fysioterapeut');
    await clickButton(page, 'Slett');
    const dialog = await find(page, 'aria/Vil du fjerne Thomas Berg fra lokasjonen?[role="dialog"]');
    expect(await dialog.evaluate((d) => d.getAttribute('aria-modal'))).toBe('true');
    await shot(page, 'portal-person-edit-delete-dialog');

    await clickHandle(await find(page, '::-p-xpath(//*[@role="dialog"]//button[normalize-space()="Nei"])'));
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('Endre person');
    expect(store().people.has('p-3007')).toBe(true);

    await clickButton(page, 'Slett');
    await find(page, 'aria/Vil du fjerne Thomas Berg fra lokasjonen?[role="dialog"]');
    await clickHandle(await find(page, '::-p-xpath(//*[@role="dialog"]//button[normalize-space()="Ja"])'));
    await waitForPage(page, 'Fysio Grünerløkka');
    expect(new URL(page.url()).pathname).toBe('/lokasjon/l-2001');
    expect(await page.$('[role="dialog"]')).toBeNull();
    const after = await tableRows(page, 'Personer');
    expect(after.map((r) => r[0])).not.toContain('Thomas Berg');
    expect(after).toHaveLength(7);
    expect(store().people.has('p-3007')).toBe(false);

    // Person edit Lagre still works for the others.
    await clickLink(page, 'Endre', 'Ola Nordmann');
    await waitForPage(page, 'Endre person');
    await fill(page, 'Tittel', 'Spesialist i manuellterapi');
    await clickButton(page, 'Lagre');
    await waitForPage(page, 'Ola Nordmann');
    expect(await detail(page, 'Tittel')).toBe('Spesialist i manuellterapi');
  });

  it('Samarbeidsavtaler: five partners with the seeded states; "Søk om samarbeidsavtale" turns "Ingen avtale" into "Søkt"', async () => {
    const page = await open('/firma/f-1001', 'Fysio Grünerløkka AS');
    const rows = await tableRows(page, 'Samarbeidsavtaler');
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['Digicare (på vegne av Storebrand)', 'Aktiv'],
      ['Falck Helse', 'Aktiv'],
      ['If/Vertikal Helse', 'Aktiv'],
      ['Avonova Forsikring', 'Søkt'],
      ['DKV Hälsa (Sverige)', 'Ingen avtale'],
    ]);
    expect(rows.map((r) => r[2])).toEqual(['', '', '', '', 'Søk om samarbeidsavtale']);

    await clickHandle(await find(page, `::-p-xpath(//tr[td[normalize-space()=${q('DKV Hälsa (Sverige)')}]]//button[normalize-space()="Søk om samarbeidsavtale"])`));
    await waitForText(page, 'Søknad om samarbeidsavtale med DKV Hälsa (Sverige) er sendt.');
    expect((await tableRows(page, 'Samarbeidsavtaler'))[4]).toEqual(['DKV Hälsa (Sverige)', 'Søkt', '']);
    expect(store().firms.get('f-1001')?.agreements.dkv).toBe('applied');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForPage(page, 'Fysio Grünerløkka AS');
    expect((await tableRows(page, 'Samarbeidsavtaler'))[4]?.slice(0, 2)).toEqual(['DKV Hälsa (Sverige)', 'Søkt']);

    // Another firm's seeded states.
    await page.goto(`${world.portal}/firma/f-1002`, { waitUntil: 'domcontentloaded' });
    await waitForPage(page, 'Bryggen Fysioterapi AS');
    expect((await tableRows(page, 'Samarbeidsavtaler')).map((r) => r.slice(0, 2))).toEqual([
      ['Digicare (på vegne av Storebrand)', 'Aktiv'],
      ['Falck Helse', 'Ingen avtale'],
      ['If/Vertikal Helse', 'Ingen avtale'],
      ['Avonova Forsikring', 'Aktiv'],
      ['DKV Hälsa (Sverige)', 'Ingen avtale'],
    ]);
    // A firm without locations says so.
    await page.goto(`${world.portal}/firma/f-1004`, { waitUntil: 'domcontentloaded' });
    await waitForPage(page, 'Fysioterapeut Kari Nordmann');
    expect(await mainText(page)).toContain('Ingen lokasjoner');
  });

  it('Invitasjoner: an invalid address still says "Invitasjonen er sendt"; an empty one gives 422', async () => {
    const page = await open('/lokasjon/l-2003', 'Bryggen Fysioterapi');
    await clickLink(page, 'Inviter personer');
    await waitForPage(page, 'Invitasjoner');
    expect(await mainText(page)).toContain('Ingen invitasjoner er sendt');

    await clickButton(page, 'Inviter personer');
    await waitForText(page, 'E-post: E-post må fylles ut');
    expect(store().locations.get('l-2003')?.invitations).toHaveLength(0);

    await fill(page, 'E-post', 'ola.nordmann@@eksempel');
    await clickButton(page, 'Inviter personer');
    await waitForText(page, 'Invitasjonen er sendt til ola.nordmann@@eksempel');
    const status = await page.$$eval('main [role="status"]', (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
    expect(status).toContain('Invitasjonen er sendt til ola.nordmann@@eksempel');
    const sent = await tableRows(page, 'Sendte invitasjoner');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[0]).toBe('ola.nordmann@@eksempel');
    expect(sent[0]?.[1]).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    expect(sent[0]?.[2]).toBe('Venter på svar');
    expect(await valueOf(page, 'E-post')).toBe('');
    expect(store().locations.get('l-2003')?.invitations[0]).toMatchObject({ email: 'ola.nordmann@@eksempel', status: 'Venter på svar' });
    await shot(page, 'portal-invitations');
  });

  it('SPA navigation keeps the same document (links, breadcrumbs, back/forward)', async () => {
    const page = await open('/', 'Firmaer');
    const marker = await page.evaluate(() => {
      const w = window as unknown as { __bnMarker?: number };
      w.__bnMarker = Math.random();
      return w.__bnMarker;
    });
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });

    await clickLink(page, 'Sandvika Helsehus AS');
    await waitForPage(page, 'Sandvika Helsehus AS');
    expect(await page.title()).toBe('Sandvika Helsehus AS – Behandlernettverk');
    await clickLink(page, 'Sandvika Helsehus');
    await waitForPage(page, 'Sandvika Helsehus');
    await clickLink(page, 'Se', 'Håkon Lie');
    await waitForPage(page, 'Håkon Lie');
    expect(new URL(page.url()).pathname).toBe('/lokasjon/l-2011/personer/p-3026');
    await clickHandle(await find(page, `::-p-xpath(//nav[ol]//a[normalize-space()=${q('Sandvika Helsehus')}])`));
    await waitForPage(page, 'Sandvika Helsehus');
    await clickLink(page, 'Inviter personer');
    await waitForPage(page, 'Invitasjoner');
    await page.goBack();
    await waitForPage(page, 'Sandvika Helsehus');
    await page.goBack();
    await waitForPage(page, 'Håkon Lie');
    await page.goForward();
    await waitForPage(page, 'Sandvika Helsehus');
    // Header nav link back to the front page.
    await clickHandle(await find(page, '::-p-xpath(//header//nav//a[normalize-space()="Firmaer"])'));
    await waitForPage(page, 'Firmaer');
    expect(new URL(page.url()).pathname).toBe('/');

    expect(await page.evaluate(() => (window as unknown as { __bnMarker?: number }).__bnMarker)).toBe(marker);
    expect(loads).toBe(0);
  });

  it('an unknown firm id shows "Fant ikke siden"', async () => {
    const page = await open('/firma/f-9999', 'Fant ikke siden');
    expect(await alerts(page)).toContain('Siden du ba om finnes ikke, eller du har ikke tilgang til den.');
  });
});
