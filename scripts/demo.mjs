// `npm run demo`: builds the sandbox extension, starts the sandbox (portal, vendors, registers) and opens
// Chromium with the extension on the portal's front page. With a display it stays open until Ctrl-C;
// without one (servers, CI) it runs headless, walks the main pages, saves screenshots and says where.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

sh('node', ['scripts/ensure-chromium.mjs']);
sh('npx', ['wxt', 'build', '--mode', 'sandbox']);

// The sandbox is TypeScript: load it through tsx's ESM API.
const { tsImport } = await import('tsx/esm/api');
const { startSandbox } = await tsImport('../sandbox/server.ts', import.meta.url);
const { default: puppeteer } = await import('puppeteer-core');
const { CHROMIUM_ARGS, chromiumPath } = await import('./chromium.mjs');

const sandbox = await startSandbox({ scenario: process.env.SANDBOX_SCENARIO ?? 'default' });
const portal = sandbox.urls.portal.replace(/\/$/, '');
console.log(`\nSandbox running:\n  portal     ${portal}/\n  vendors    ${sandbox.urls.vendor}\n  registers  ${sandbox.urls.registers}`);

const headless = !process.env.DISPLAY || process.env.CI === 'true';
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless,
  pipe: true,
  enableExtensions: true,
  userDataDir: await mkdtemp(path.join(tmpdir(), 'bn-demo-')),
  args: [...CHROMIUM_ARGS, '--window-size=1280,900', '--lang=nb-NO', '--accept-lang=nb-NO,nb,no,en'],
  defaultViewport: headless ? { width: 1280, height: 900 } : null,
});
const extensionId = await browser.installExtension(path.join(root, '.output/chrome-mv3-sandbox'));
console.log(`Extension loaded: ${extensionId}`);

const page = await browser.newPage();
await page.goto(`${portal}/`, { waitUntil: 'domcontentloaded' });

if (!headless) {
  console.log('\nChromium is open on the portal. Press Ctrl-C to stop.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  const out = path.join(root, 'tests/e2e/artifacts/demo');
  await mkdir(out, { recursive: true });
  const shots = [];
  const settle = async () => {
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), { timeout: 10_000 }).catch(() => undefined);
    await page.waitForSelector('aria/Sjekkliste for firma-administrator', { timeout: 10_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
  };
  const shoot = async (name) => {
    await settle();
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push(file);
  };
  await shoot('01-firms');
  const firmLinks = await page.$$eval('main table a', (as) => as.map((a) => a.href));
  if (firmLinks[0]) {
    await page.goto(firmLinks[0], { waitUntil: 'domcontentloaded' });
    await shoot('02-firm');
    const locationLinks = await page.$$eval('main a', (as) => as.map((a) => a.href).filter((h) => h.includes('/lokasjon/')));
    if (locationLinks[0]) {
      await page.goto(locationLinks[0], { waitUntil: 'domcontentloaded' });
      await shoot('03-location');
      await page.goto(`${locationLinks[0]}/endre`, { waitUntil: 'domcontentloaded' });
      await shoot('04-location-edit');
      await page.goto(`${locationLinks[0]}/online-booking`, { waitUntil: 'domcontentloaded' });
      await shoot('05-online-booking');
    }
  }
  for (const [file, name] of [['sidepanel.html', '06-sidepanel'], ['popup.html', '07-popup']]) {
    const p = await browser.newPage();
    await p.setViewport({ width: 400, height: 700 });
    await p.goto(`chrome-extension://${extensionId}/${file}`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 400));
    const f = path.join(out, `${name}.png`);
    await p.screenshot({ path: f });
    shots.push(f);
  }
  console.log(`\nNo display: walked the main pages headless. Screenshots:\n${shots.map((s) => `  ${path.relative(root, s)}`).join('\n')}`);
  await browser.close();
  await sandbox.close();
}
