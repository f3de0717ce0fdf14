// Renders assets/icon*.svg to public/icon/{16,32,48,128}.png with the system Chromium.
// Run by hand after changing the artwork (`node scripts/render-icons.mjs`); the PNGs are committed.
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await mkdir(`${root}/public/icon`, { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    const svg = await readFile(`${root}/assets/${size === 16 ? 'icon-16.svg' : 'icon.svg'}`, 'utf8');
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: `${root}/public/icon/${size}.png`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
