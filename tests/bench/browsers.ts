/**
 * Two Chromiums for A/B runs against one sandbox: `ext` with the built sandbox extension installed,
 * `base` without. Same flags, same viewport, same profile kind (fresh user-data dir each), same portal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { startSandbox } from '../../sandbox/server';

/** The overlay's region as a screen reader finds it (closed shadow root). */
export const OVERLAY = 'aria/Sjekkliste for firma-administrator';

export type Arm = 'ext' | 'base';

export interface Bench {
  portal: string;
  sandbox: Awaited<ReturnType<typeof startSandbox>>;
  browsers: Record<Arm, Browser>;
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

export async function startBench(extensionDir: string): Promise<Bench> {
  // Portal and vendors on ephemeral ports; registers on 4639 so that others' test runs (4630) are not disturbed.
  const sandbox = await startSandbox({ scenario: 'default', quiet: true, delayMs: 0, portalPort: 0, vendorPort: 0, registerPort: Number(process.env.BENCH_REGISTER_PORT ?? 4639) });
  const launched: { browser: Browser; dir: string }[] = [];
  try {
    const ext = await launch(extensionDir);
    launched.push(ext);
    const base = await launch(undefined);
    launched.push(base);
    return {
      portal: sandbox.urls.portal.replace(/\/$/, ''),
      sandbox,
      browsers: { ext: ext.browser, base: base.browser },
      extensionId: ext.id!,
      async close() {
        for (const l of launched) {
          await l.browser.close().catch(() => undefined);
          await rm(l.dir, { recursive: true, force: true }).catch(() => undefined);
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
