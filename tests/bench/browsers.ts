/**
 * Two Chromiums for A/B runs against one sandbox: `ext` with the built sandbox extension installed,
 * `base` without. Same flags, same viewport, same profile kind (fresh user-data dir each), same portal.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { startSandbox } from '../../sandbox/server';

/** The overlay's region as a screen reader finds it (closed shadow root). */
export const OVERLAY = 'aria/Sjekkliste for firma-administrator';

/**
 * `ext`: the sandbox build; `base`: no extension; `control`: a one-line content script on the same pages
 * (it appends the overlay's host element and nothing else), so that every run shows what the instrument
 * reports for an extension that does almost nothing: the noise floor of the overlay figures.
 */
export type Arm = 'ext' | 'base' | 'control';

export interface Bench {
  portal: string;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  browsers: Record<'ext' | 'base', Browser> & { control?: Browser };
  extensionId: string;
  close(): Promise<void>;
}

async function launch(withExtension: string | undefined): Promise<{ browser: Browser; dir: string; id?: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bn-bench-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: dir,
    args: [...CHROMIUM_ARGS, '--window-size=1280,900', '--lang=nb-NO', '--accept-lang=nb-NO,nb,no,en'],
    env: { ...process.env, LANG: 'nb_NO.UTF-8', LANGUAGE: 'nb_NO:nb' },
    defaultViewport: { width: 1280, height: 900 },
  });
  if (!withExtension) return { browser, dir };
  try {
    return { browser, dir, id: await browser.installExtension(withExtension) };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/** Writes the control arm's extension: the sandbox build's content-script matches, one line of script. */
async function writeControlExtension(extensionDir: string, host: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: { matches: string[] }[] };
  const matches = manifest.content_scripts?.[0]?.matches;
  if (!matches?.length) throw new Error(`no content script in ${extensionDir}/manifest.json`);
  const dir = await mkdtemp(path.join(tmpdir(), 'bn-bench-control-'));
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'bench control', version: '1.0', content_scripts: [{ matches, run_at: 'document_idle', js: ['control.js'] }] }));
  await writeFile(path.join(dir, 'control.js'), `document.body.append(document.createElement(${JSON.stringify(host)}));\n`);
  return dir;
}

export async function startBench(extensionDir: string, options: { control?: string } = {}): Promise<Bench> {
  // Portal and vendors on ephemeral ports; registers on 4639 so that others' test runs (4630) are not disturbed.
  const sandbox = await startSandbox({ scenario: 'default', quiet: true, delayMs: 0, portalPort: 0, vendorPort: 0, registerPort: Number(process.env.BENCH_REGISTER_PORT ?? 4639) });
  const launched: { browser: Browser; dir: string; extra?: string }[] = [];
  try {
    const ext = await launch(extensionDir);
    launched.push(ext);
    const base = await launch(undefined);
    launched.push(base);
    let control: Browser | undefined;
    if (options.control) {
      const dir = await writeControlExtension(extensionDir, options.control);
      const launchedControl = await launch(dir);
      launched.push({ ...launchedControl, extra: dir });
      control = launchedControl.browser;
    }
    return {
      portal: sandbox.urls.portal.replace(/\/$/, ''),
      sandbox,
      browsers: { ext: ext.browser, base: base.browser, ...(control ? { control } : {}) },
      extensionId: ext.id!,
      async close() {
        for (const l of launched) {
          await l.browser.close().catch(() => undefined);
          await rm(l.dir, { recursive: true, force: true }).catch(() => undefined);
          if (l.extra) await rm(l.extra, { recursive: true, force: true }).catch(() => undefined);
        }
        await sandbox.close().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const l of launched) await l.browser.close().catch(() => undefined);
    await sandbox.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The page has rendered: <main> not busy (nor any late section in it) and it has its h1; with `host`, that
 * element is in the DOM too. One predicate, polled the same way in both arms, so waiting costs the same.
 */
export async function waitSettled(page: Page, host: string | null, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (hostTag: string | null) => {
      const main = document.querySelector('main');
      const settled = main?.getAttribute('aria-busy') === 'false' && Boolean(main.querySelector('h1')) && !main.querySelector('[aria-busy="true"]');
      return settled && (hostTag === null || Boolean(document.querySelector(hostTag)));
    },
    { timeout, polling: 'mutation' },
    host,
  );
}

export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}
