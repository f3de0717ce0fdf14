/**
 * Booking companion (issue #7), end to end: the side panel reads the admin's firms and locations from the
 * sandbox portal, runs "Test og Lagre" per location and for all, explains each vendor failure mode, shows the
 * Online Manager audit, cancels a run, and tells the admin to log in when the session has expired. The popup
 * shows the statuses at a glance. Seed data: sandbox/README.md ("Seed problems").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Target } from 'puppeteer-core';
import { launchWorld, openExtensionPage, openPortal, screenshot, setToolbarBadge, toolbarBadge, waitFor, BROWSER_LABEL, type World } from './harness';

let world: World;
let panel: Page;

const FIRMS: Record<string, string[]> = {
  'Fysio Grünerløkka AS': ['l-2001', 'l-2002', 'l-2008'],
  'Bryggen Fysioterapi AS': ['l-2003', 'l-2004'],
  'Nidaros Fysioterapi og Trening AS': ['l-2005', 'l-2006', 'l-2007'],
  'Kirkegata Manuellterapi AS': ['l-2009'],
  'Nordisk Rehab NUF': ['l-2010'],
  'Sandvika Helsehus AS': ['l-2011'],
};
const ALL = Object.values(FIRMS).flat();

/** Location -> the status label the side panel must show after "Test alle" (booking.status.*). */
const EXPECTED: [id: string, mode: string, label: RegExp][] = [
  ['l-2001', 'physica ok, Siri Åsheim has no free slots', /^Virker delvis$/],
  ['l-2002', 'Pasientsky wrong keys', /^Ingen kontakt med bookingsystemet$/],
  ['l-2003', 'Konfidens, no known service code', /^Ingen kjent tjeneste$/],
  ['l-2004', 'Aspit, no setup at the vendor', /^Ingen kontakt med bookingsystemet$/],
  ['l-2005', 'Pasientsky server error', /^Ingen kontakt med bookingsystemet$/],
  ['l-2006', 'Physica garbage answer', /^Ingen kontakt med bookingsystemet$/],
  ['l-2007', 'Konfidens refused', /^Ingen kontakt med bookingsystemet$/],
  ['l-2008', 'Psykbase hangs', /^(Ingen kontakt med bookingsystemet|Tok for lang tid)$/],
  ['l-2009', 'not set up (not part of "Test alle")', /^Ikke testet ennå$/],
  ['l-2010', 'Konfidens slow, Nils Øberg has no free slots', /^Virker delvis$/],
  ['l-2011', 'Pasientsky ok', /^Virker$/],
];

/** Technical keys and Klient-IDs from the seed: none may appear in an e-mail to the vendor. */
const SECRETS = ['PHY-10451', 'eg-77231', 'gammel-nokkel-2023', 'eg-ny-nokkel-2025', 'konf-bergen-01', 'PSY-99999', 'eg-40012', 'PHY-20777', 'konf-lade-07', 'PSY-30815', 'konf-nordisk-10', 'eg-51337'];

const row = (id: string) => `li[data-location-id="${id}"]`;

/** A location's status label (the pill's text, without its icon). */
function statusOf(page: Page, id: string): Promise<string> {
  return page.$eval(`${row(id)} .bk-status .pill > span:not(.pill-icon)`, (el) => el.textContent?.trim() ?? '');
}

function waitForStatus(page: Page, id: string, label: RegExp, timeout = 20_000): Promise<string> {
  return waitFor(`${id} to show ${label}`, async () => {
    const s = await statusOf(page, id);
    return label.test(s) ? s : undefined;
  }, timeout);
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

async function expand(page: Page, id: string): Promise<string> {
  const button = `${row(id)} button[aria-expanded]`;
  if ((await page.$eval(button, (b) => b.getAttribute('aria-expanded'))) !== 'true') {
    // Keyboard: focus the disclosure and press Enter, as a keyboard user does.
    await page.focus(button);
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector(`${row(id)} .bk-details`);
  return text(page, `${row(id)} .bk-details`);
}

async function collapse(page: Page, id: string) {
  const button = `${row(id)} button[aria-expanded="true"]`;
  if (await page.$(button)) await page.click(button);
}

async function mailHref(page: Page, id: string): Promise<string> {
  return page.$eval(`${row(id)} .bk-details a[href^="mailto:"]`, (a) => (a as HTMLAnchorElement).href);
}

async function runFinished(page: Page, timeout = 45_000) {
  await waitFor('the run to finish', async () => (await page.$('.bk-run-end')) !== null && (await page.$('.bk-run progress')) === null, timeout);
}

beforeAll(async () => {
  world = await launchWorld({ bookingTimeoutMs: 1500 });
  // The background learns the portal's origin from the content script: open the portal first.
  const portal = await world.browser.newPage();
  await openPortal(portal, world, '/');
  panel = await openExtensionPage(world, 'sidepanel.html');
});
afterAll(async () => {
  await world?.close();
});

describe(`booking companion (side panel, popup; ${BROWSER_LABEL})`, () => {
  it('lists every seeded firm and location after reading them from the portal', async () => {
    await waitFor('all locations', async () => (await panel.$$('li[data-location-id]')).length === ALL.length, 20_000);
    for (const [firm, ids] of Object.entries(FIRMS)) {
      const section = await panel.$(`section.bk-firm[aria-label="Lokasjoner i ${firm}"]`);
      expect(section, firm).not.toBeNull();
      const inSection = await section!.$$eval('li[data-location-id]', (els) => els.map((e) => e.getAttribute('data-location-id')));
      expect(inSection.sort(), firm).toEqual([...ids].sort());
    }
    expect(await text(panel, `${row('l-2009')} .bk-system`)).toBe('Ikke satt opp');
    expect(await text(panel, `${row('l-2002')} .bk-system`)).toBe('EG Pasientsky');
    expect(await statusOf(panel, 'l-2002')).toBe('Ikke testet ennå');
    // Every row has a labelled Test button and an accessible sparkline.
    const name = await text(panel, `${row('l-2002')} .bk-name`);
    expect(await panel.$(`button[aria-label="Test ${name}"]`)).not.toBeNull();
    expect(await panel.$eval(`${row('l-2002')} svg[role="img"]`, (s) => s.getAttribute('aria-label'))).toBe('Ingen sjekker ennå');
  });

  it('"Test" on one location shows its explained status', async () => {
    const name = await text(panel, `${row('l-2002')} .bk-name`);
    await panel.click(`button[aria-label="Test ${name}"]`);
    await waitForStatus(panel, 'l-2002', /^Ingen kontakt med bookingsystemet$/);
    expect(await text(panel, `${row('l-2002')} .bk-row-info`)).toMatch(/akkurat nå|for \d+ min siden/);
    const details = await expand(panel, 'l-2002');
    expect(details).toContain('Behandlernettverk får ikke kontakt med bookingoppsettet ditt');
    expect(details).toMatch(/Kontakt med bookingsystemet\s*Feilet/);
    // EG Pasientsky's own usual cause.
    expect(details).toContain('organisasjonsnummer i EG Pasientsky');
    await collapse(panel, 'l-2002');
    expect(await panel.$eval(`${row('l-2002')} svg[role="img"]`, (s) => s.getAttribute('aria-label'))).toBe('Siste 1 sjekker: 1 feil');
  });

  it('"Test alle" runs every set-up location with progress, and each failure mode gets its own status', async () => {
    await panel.click('aria/Test alle[role="button"]');
    const progress = await waitFor('the progress bar', async () => {
      const p = await panel.$('.bk-run');
      return p ? text(panel, '.bk-run') : undefined;
    });
    expect(progress).toMatch(/\d+ av 10/);
    expect(await panel.$('.bk-run progress')).not.toBeNull();
    expect(await panel.$('aria/Avbryt testen[role="button"]')).not.toBeNull();
    // Results appear as they arrive: some row has a result while the run is still going.
    await waitFor('a first result during the run', async () => (await panel.$('.bk-run progress')) !== null && (await statusOf(panel, 'l-2011')) === 'Virker', 20_000).catch(() => undefined);
    await screenshot(panel, 'booking-sidepanel-running');
    await runFinished(panel);
    expect(await text(panel, '.bk-run-end')).toBe('Ferdig: 10 lokasjoner testet.');
    const seen: Record<string, string> = {};
    for (const [id] of EXPECTED) seen[id] = await statusOf(panel, id);
    for (const [id, mode, label] of EXPECTED) expect(seen[id], `${id} (${mode})`).toMatch(label);
    await screenshot(panel, 'booking-sidepanel-list');
  });

  it('expanding a failed location shows the log as steps, the explanation and a mailto without keys', async () => {
    const details = await expand(panel, 'l-2003');
    expect(details).toMatch(/✓\s*Kontakt med bookingsystemet\s*OK/);
    expect(details).toMatch(/✕\s*Minst én tjeneste med kjent tjenestekode\s*Feilet/);
    expect(details).toContain('Bookingoppsettet er funnet, men ingen tjeneste har en kjent tjenestekode');
    expect(details).toContain('Kontakt Konfidens');
    expect(details).toContain('Koblingen i Konfidens må ta med tjenestene');
    const href = decodeURIComponent(await mailHref(panel, 'l-2003'));
    expect(href).toMatch(/^mailto:\?subject=/);
    expect(href).toContain('Bryggen Fysioterapi');
    for (const secret of SECRETS) expect(href.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    expect(await panel.$(`${row('l-2003')} button[aria-label^="Gå til lokasjonen"]`)).not.toBeNull();
    await panel.$eval(row('l-2003'), (el) => el.scrollIntoView());
    await screenshot(panel, 'booking-sidepanel-expanded-failure');

    // "Gå til lokasjonen" opens the location's page in the portal.
    const opened = new Promise<Target>((resolve) => world.browser.once('targetcreated', resolve));
    await panel.click(`${row('l-2003')} button[aria-label^="Gå til lokasjonen"]`);
    const target = await opened;
    // Firefox creates the tab on about:blank first, then navigates it.
    await waitFor('the new tab to open the location', async () => target.url() !== 'about:blank', 10_000);
    expect(target.url()).toBe(`${world.portal}/lokasjon/l-2003`);
    // Back to the panel (puppeteer's clicks wait for animation frames, which a background tab never gets).
    await (await target.page())?.close();
    await panel.bringToFront();
    await collapse(panel, 'l-2003');

    // A partly working location names the practitioner without free slots.
    const partial = await expand(panel, 'l-2010');
    expect(partial).toContain('Nils Øberg har ingen ledige timer de neste 7 dagene.');
    expect(partial).toMatch(/!\s*Behandlere med ledige timer de neste 7 dagene: 2\s*Ikke alle/);
    const partialHref = decodeURIComponent(await mailHref(panel, 'l-2010'));
    for (const secret of SECRETS) expect(partialHref.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    await collapse(panel, 'l-2010');
  });

  it('shows the Online Manager mis-mappings of l-2001', async () => {
    const details = await expand(panel, 'l-2001');
    expect(details).toContain('Henrik Solberg er koblet til profilen «Per Hansen», som ser ut til å være en annen person');
    expect(details).toContain('Profilen «Per Hansen» er koblet til flere behandlere');
    expect(details).toContain('Lars Bjørnstad er ikke koblet');
    expect(details).toContain('Thomas Berg');
    expect(details).toContain('Profilen «Mona Vik» har ledige timer');
    expect(details).toContain('Siri Åsheim har ingen ledige timer de neste 7 dagene.');
    // Findings carry an icon and a text, not colour alone.
    const icons = await panel.$$eval(`${row('l-2001')} .bk-finding .bk-finding-icon`, (els) => els.map((e) => e.textContent));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    expect(icons).toContain('✕');
    await collapse(panel, 'l-2001');
  });

  it('"Avbryt" stops a run (slow location)', async () => {
    const name = await text(panel, `${row('l-2010')} .bk-name`);
    await panel.click(`button[aria-label="Test ${name}"]`);
    await panel.waitForSelector('aria/Avbryt testen[role="button"]', { timeout: 5_000 });
    await panel.click('aria/Avbryt testen[role="button"]');
    const end = await waitFor('the run to end', async () => ((await panel.$('.bk-run-end')) !== null ? text(panel, '.bk-run-end') : undefined), 10_000);
    expect(end).toBe('! Avbrutt etter 0 av 1.');
    // A cancelled check is not history: the last real result stays.
    expect(await statusOf(panel, 'l-2010')).toBe('Virker delvis');
  });

  it('the popup shows every location\'s status, worst first', async () => {
    const popup = await openExtensionPage(world, 'popup.html', { width: 360, height: 600 });
    await waitFor('the popup list', async () => (await popup.$$('.bk-compact li')).length === ALL.length);
    const labels = await popup.$$eval('.bk-compact li .pill > span:not(.pill-icon)', (els) => els.map((e) => e.textContent?.trim()));
    expect(labels[0]).toMatch(/Ingen kontakt med bookingsystemet|Ingen kjent tjeneste/);
    expect(labels[labels.length - 1]).toBe('Virker');
    expect(await popup.$('aria/Test alle[role="button"]')).not.toBeNull();
    expect(await popup.$('aria/Åpne sidepanelet[role="button"]')).not.toBeNull();
    expect(await popup.$eval('aria/Åpne portalen', (a) => (a as HTMLAnchorElement).href)).toBe(`${world.portal}/`);
    await screenshot(popup, 'booking-popup');
    await popup.close();
    await panel.bringToFront();
  });

  it('the scheduled check (alarm) runs all locations and sets the toolbar badge to the worst status', async () => {
    const runStarted = () => panel.evaluate(async () => ((await ext.storage.local.get('booking.v1'))['booking.v1'] as { run?: { startedAt?: number } } | undefined)?.run?.startedAt ?? 0);
    const before = await runStarted();
    await setToolbarBadge(panel, '');
    // Fire the extension's own scheduled alarm now (same name, one-shot).
    await panel.evaluate(() => ext.alarms.create('booking-scheduled', { when: Date.now() + 100 }));
    await waitFor('a scheduled run', async () => ((await runStarted()) > before ? true : undefined));
    const badge = await waitFor('the toolbar badge', async () => {
      const t = await toolbarBadge(panel);
      return t ? t : undefined;
    });
    // Seeded failures exist: the badge counts failing/warning locations.
    expect(badge).toMatch(/^\d+$/);
    await waitFor('the run to finish', async () =>
      (await panel.evaluate(async () => ((await ext.storage.local.get('booking.v1'))['booking.v1'] as { run?: { running?: boolean } }).run?.running)) === false ? true : undefined,
    );
  });

  it('tells the admin to log in when the portal session has expired', async () => {
    const res = await fetch(`${world.portal}/__sandbox/session/expire`, { method: 'POST' });
    expect(res.ok).toBe(true);
    await panel.click('aria/Oppdater: hent firmaer og lokasjoner på nytt fra portalen');
    const notice = await waitFor('the logged-out notice', async () => {
      const el = await panel.$('.bk-notice');
      return el ? text(panel, '.bk-notice') : undefined;
    });
    expect(notice).toContain('Du er logget ut av portalen. Logg inn og prøv igjen.');
    expect(await panel.$eval('.bk-notice a', (a) => (a as HTMLAnchorElement).href)).toBe(`${world.portal}/`);
    // The locations stay listed with their last results.
    expect((await panel.$$('li[data-location-id]')).length).toBe(ALL.length);
    await screenshot(panel, 'booking-sidepanel-logged-out');
  });

  it('no scheduled check while the portal session is expired', async () => {
    const runStarted = () => panel.evaluate(async () => ((await ext.storage.local.get('booking.v1'))['booking.v1'] as { run?: { startedAt?: number } } | undefined)?.run?.startedAt ?? 0);
    const before = await runStarted();
    await panel.evaluate(() => ext.alarms.create('booking-scheduled', { when: Date.now() + 100 }));
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await runStarted()).toBe(before);
  });

  it('an unreachable portal gives its own "no network" status (last test: it stops the sandbox)', async () => {
    await world.sandbox.close();
    await panel.click('aria/Oppdater: hent firmaer og lokasjoner på nytt fra portalen');
    const notice = await waitFor('the offline notice', async () => {
      const el = await panel.$('.bk-notice');
      const t = el ? await text(panel, '.bk-notice') : '';
      return /Ingen nettverkstilgang/.test(t) ? t : undefined;
    }, 30_000);
    expect(notice).toContain('fikk ikke kontakt med portalen');
    // What was known stays listed.
    expect((await panel.$$('li[data-location-id]')).length).toBe(ALL.length);
  });
});
