// Saves the sandbox portal's rendered pages as HTML fixtures for lib/portal's unit tests
// (tests/fixtures/portal/*.html). Run by hand after the sandbox's markup changes:
//   node scripts/capture-fixtures.mjs
// Plain Chromium, no extension: the fixtures are what the portal itself shows.
import { writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { tsImport } = await import('tsx/esm/api');
const { startSandbox } = await tsImport('../sandbox/server.ts', import.meta.url);

const PAGES = [
  ['firms', '/'],
  ['firm-co-invoicing', '/firma/f-1001'],
  ['firm-problems', '/firma/f-1002'],
  ['firm-shared', '/firma/f-1003'],
  ['firm-invoicing', '/firma/f-1004'],
  ['firm-invoicing-with-location', '/firma/f-1005'],
  ['firm-edit', '/firma/f-1001/endre'],
  ['location', '/lokasjon/l-2001'],
  ['location-problems', '/lokasjon/l-2003'],
  ['location-no-booking', '/lokasjon/l-2009'],
  ['location-edit', '/lokasjon/l-2001/endre'],
  ['booking', '/lokasjon/l-2001/online-booking'],
];

const sandbox = await startSandbox({ quiet: true, delayMs: 0, portalPort: 0, vendorPort: 0, registerPort: 0 });
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await mkdir(`${root}/tests/fixtures/portal`, { recursive: true });
  for (const [name, path] of PAGES) {
    await page.goto(`${sandbox.urls.portal.replace(/\/$/, '')}${path}`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && document.querySelector('main h1'), { timeout: 10_000 });
    const html = await page.evaluate(() => {
      for (const s of document.querySelectorAll('script, link[rel=stylesheet]')) s.remove();
      // Properties set by script are not serialised: write the live state back as attributes.
      for (const select of document.querySelectorAll('select')) {
        for (const o of select.options) o.toggleAttribute('selected', o.selected);
      }
      for (const input of document.querySelectorAll('input')) {
        if (input.type === 'checkbox' || input.type === 'radio') input.toggleAttribute('checked', input.checked);
        else input.setAttribute('value', input.value);
      }
      for (const t of document.querySelectorAll('textarea')) t.textContent = t.value;
      return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
    });
    await writeFile(`${root}/tests/fixtures/portal/${name}.html`, `<!-- saved from the sandbox portal at ${path} by scripts/capture-fixtures.mjs -->\n${html}`);
    console.log(`tests/fixtures/portal/${name}.html`);
  }
} finally {
  await browser.close();
  await sandbox.close();
}
