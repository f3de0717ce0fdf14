/**
 * Where the extension may act, per build. Production knows only the real portal and the real registers;
 * the sandbox build adds the loopback origins that `sandbox/` serves on. Used by the manifest (build time)
 * and by the background's sender checks and register clients (run time), so the two can never disagree.
 */
export type BuildMode = 'production' | 'sandbox';

export interface OriginConfig {
  /** Match patterns where the content script runs and whose pages may message the background. */
  readonly portalMatches: readonly string[];
  /** The portal's front page (for "open the portal"). */
  readonly portalHome: string;
  /** Kartverket address API base, ending in `/`. */
  readonly kartverketBase: string;
  /** Brønnøysund Enhetsregisteret API base, ending in `/`. */
  readonly brregBase: string;
}

/**
 * The register doubles' port is baked into the sandbox build. `WXT_SANDBOX_REGISTER_PORT` (read by Vite at build
 * time, and by Node when the manifest is generated and tests run) moves it, so that parallel test runs in several
 * checkouts do not share one port.
 */
function sandboxRegisterPort(): number {
  const fromBuild = (import.meta as ImportMeta & { env?: Record<string, unknown> }).env?.WXT_SANDBOX_REGISTER_PORT;
  const fromNode = typeof process === 'undefined' ? undefined : process.env?.WXT_SANDBOX_REGISTER_PORT;
  const port = Number(fromBuild ?? fromNode ?? 4630);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 4630;
}

export const SANDBOX_PORTS = { portal: 4610, vendors: 4620, registers: sandboxRegisterPort() } as const;

const production: OriginConfig = {
  portalMatches: ['https://behandlernettverk.no/*', 'https://*.behandlernettverk.no/*'],
  portalHome: 'https://behandlernettverk.no/',
  kartverketBase: 'https://ws.geonorge.no/adresser/v1/',
  brregBase: 'https://data.brreg.no/enhetsregisteret/api/',
};

// Chrome and Firefox match patterns cannot name a port: these match every port on loopback, which is
// why they exist only in the sandbox build.
const sandbox = (): OriginConfig => ({
  portalMatches: [...production.portalMatches, 'http://localhost/*', 'http://127.0.0.1/*'],
  portalHome: `http://localhost:${SANDBOX_PORTS.portal}/`,
  kartverketBase: `http://localhost:${SANDBOX_PORTS.registers}/adresser/v1/`,
  brregBase: `http://localhost:${SANDBOX_PORTS.registers}/enhetsregisteret/api/`,
});

// The mode Vite baked into this bundle (undefined in Node: the manifest step and tests pass the mode).
// In a production bundle this folds to a constant, so the loopback origins are dropped from store zips
// (tests/build/release.test.ts checks it).
const BUNDLE_MODE = (import.meta as ImportMeta & { env?: { MODE?: string } }).env?.MODE;

export function originConfig(mode: string): OriginConfig {
  if (BUNDLE_MODE === 'production') return production;
  return mode === 'sandbox' ? sandbox() : production;
}

/** Host permissions for register look-ups: exactly the register hosts, as match patterns. */
export function registerHostPatterns(config: OriginConfig): string[] {
  return [...new Set([config.kartverketBase, config.brregBase].map((base) => `${new URL(base).origin}/*`))];
}

/**
 * Whether `url` is covered by one of `patterns` (the subset of match-pattern syntax we use:
 * scheme://host/path with `*.` host wildcards and a trailing `*` path). Ports are ignored, as browsers do.
 */
export function urlMatchesPatterns(url: string, patterns: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return patterns.some((pattern) => {
    const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
    if (!m) return false;
    const [, scheme, host, path] = m as unknown as [string, string, string, string];
    if (scheme !== '*' && `${scheme}:` !== parsed.protocol) return false;
    if (scheme === '*' && parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    const hostname = parsed.hostname.toLowerCase();
    if (host.startsWith('*.')) {
      const base = host.slice(2).toLowerCase();
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (host !== '*' && hostname !== host.toLowerCase()) {
      return false;
    }
    const prefix = path.endsWith('*') ? path.slice(0, -1) : path;
    return path.endsWith('*') ? parsed.pathname.startsWith(prefix) : parsed.pathname === path;
  });
}
