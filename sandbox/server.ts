/**
 * Sandbox entry: the portal (4610), the booking-vendor simulator (4620) and the register doubles (4630),
 * all on loopback. Run with `npx tsx sandbox/server.ts`; e2e tests call `startSandbox()` in-process.
 *
 * Env: SANDBOX_PORTAL_PORT, SANDBOX_VENDOR_PORT, SANDBOX_REGISTER_PORT, SANDBOX_SCENARIO,
 *      SANDBOX_DELAY ("0" or "50-400"), SANDBOX_BOOKING_TIMEOUT_MS.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildScenario, isScenarioName } from './data/scenarios.ts';
import type { SandboxOptions } from './data/types.ts';
import { createPortalHandler, type ClientAssets } from './portal/api.ts';
import { createRegistersHandler } from './registers/index.ts';
import { PortalStore } from './portal/store.ts';
import { VendorStore, createVendorHandler } from './vendors/simulator.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface StartSandboxOptions {
  portalPort?: number;
  vendorPort?: number;
  registerPort?: number;
  scenario?: string;
  quiet?: boolean;
  /** API latency in ms: a number or a [min, max] range. Default [50, 400]. */
  delayMs?: number | [number, number];
  /** Timeout of the portal server's calls to the vendor during "Test og Lagre". Default 8000. */
  bookingTimeoutMs?: number;
}

export interface SandboxUrls {
  portal: string;
  vendor: string;
  registers: string;
}

export interface RunningSandbox {
  urls: SandboxUrls;
  /** Direct access to the in-memory state (tests/scenarios). */
  portalStore: PortalStore;
  vendorStore: VendorStore;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const clientDir = fileURLToPath(new URL('./portal/client/', import.meta.url));

let bundlePromise: Promise<string> | null = null;
/** Bundles the SPA with esbuild (once per process). */
export function bundleClient(): Promise<string> {
  bundlePromise ??= (async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [`${clientDir}main.ts`],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      charset: 'utf8',
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    return out.outputFiles[0]?.text ?? '';
  })();
  bundlePromise.catch(() => {
    bundlePromise = null;
  });
  return bundlePromise;
}

function listen(handler: Handler, port: number): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.keepAliveTimeout = 1000;
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function parseDelay(v: number | [number, number] | string | undefined): [number, number] {
  if (v === undefined || v === '') return [50, 400];
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v)) return v;
  const [a, b] = v.split('-').map((x) => Number(x));
  return [a ?? 0, b ?? a ?? 0];
}

export async function startSandbox(opts: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const scenarioName = opts.scenario ?? 'default';
  if (!isScenarioName(scenarioName)) throw new Error(`Unknown scenario: ${scenarioName}`);
  const scenario = buildScenario(scenarioName);
  const options: SandboxOptions = {
    delayMs: parseDelay(opts.delayMs),
    bookingTimeoutMs: opts.bookingTimeoutMs ?? 8000,
  };
  const portalStore = new PortalStore(scenario, options);
  const vendorStore = new VendorStore(scenario.vendorSetups);

  const assets: ClientAssets = {
    html: readFileSync(`${clientDir}index.html`, 'utf8'),
    css: readFileSync(`${clientDir}styles.css`, 'utf8'),
    js: bundleClient,
  };
  await bundleClient(); // fail fast on a broken client

  const servers: http.Server[] = [];
  const urls: SandboxUrls = { portal: '', vendor: '', registers: '' };
  try {
    const vendor = await listen(createVendorHandler(vendorStore), opts.vendorPort ?? 4620);
    servers.push(vendor);
    urls.vendor = `http://localhost:${(vendor.address() as AddressInfo).port}`;
    const registers = await listen(createRegistersHandler(), opts.registerPort ?? 4630);
    servers.push(registers);
    urls.registers = `http://localhost:${(registers.address() as AddressInfo).port}`;
    const vendorPort = (vendor.address() as AddressInfo).port;
    const registerPort = (registers.address() as AddressInfo).port;
    const portal = await listen(
      createPortalHandler({
        store: portalStore,
        vendorStore,
        vendorUrl: () => `http://${HOST}:${vendorPort}`,
        registerUrl: () => `http://${HOST}:${registerPort}`,
        assets,
      }),
      opts.portalPort ?? 4610,
    );
    servers.push(portal);
    urls.portal = `http://localhost:${(portal.address() as AddressInfo).port}`;
  } catch (err) {
    await Promise.all(servers.map(closeServer));
    throw err;
  }

  if (!opts.quiet) {
    console.log(`Sandbox (scenario "${scenarioName}") is running:`);
    console.log(`  portal          ${urls.portal}/`);
    console.log(`  booking vendors ${urls.vendor}/{physica,psykbase,pasientsky,konfidens}/fhir`);
    console.log(`  registers       ${urls.registers}/adresser/v1/sok · ${urls.registers}/enhetsregisteret/api/enheter/{orgnr}`);
  }

  return {
    urls,
    portalStore,
    vendorStore,
    close: () => Promise.all(servers.map(closeServer)).then(() => undefined),
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const env = process.env;
  const port = (v: string | undefined, d: number) => (v !== undefined && v !== '' ? Number(v) : d);
  startSandbox({
    portalPort: port(env.SANDBOX_PORTAL_PORT, 4610),
    vendorPort: port(env.SANDBOX_VENDOR_PORT, 4620),
    registerPort: port(env.SANDBOX_REGISTER_PORT, 4630),
    scenario: env.SANDBOX_SCENARIO || 'default',
    delayMs: parseDelay(env.SANDBOX_DELAY),
    bookingTimeoutMs: port(env.SANDBOX_BOOKING_TIMEOUT_MS, 8000),
  }).then(
    (sb) => {
      const stop = () => {
        void sb.close().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
