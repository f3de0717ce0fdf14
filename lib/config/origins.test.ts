import { describe, expect, it } from 'vitest';
import { SANDBOX_PORTS, originConfig, registerHostPatterns, urlMatchesPatterns } from './origins';

describe('origin config', () => {
  it('production knows only the real portal and registers', () => {
    const c = originConfig('production');
    expect(c.portalMatches).toEqual(['https://behandlernettverk.no/*', 'https://*.behandlernettverk.no/*']);
    expect(registerHostPatterns(c)).toEqual(['https://ws.geonorge.no/*', 'https://data.brreg.no/*']);
    for (const p of [...c.portalMatches, ...registerHostPatterns(c)]) {
      expect(p).not.toMatch(/localhost|127\.0\.0\.1|<all_urls>|^\*:\/\/\*\//);
    }
  });

  it('sandbox adds loopback only', () => {
    const c = originConfig('sandbox');
    expect(c.portalMatches).toContain('http://localhost/*');
    // 4630 unless WXT_SANDBOX_REGISTER_PORT moves it (parallel checkouts).
    expect(registerHostPatterns(c)).toEqual([`http://localhost:${SANDBOX_PORTS.registers}/*`]);
    expect(SANDBOX_PORTS.registers).toBe(Number(process.env.WXT_SANDBOX_REGISTER_PORT ?? 4630));
  });

  it('matches urls like a browser would', () => {
    const prod = originConfig('production').portalMatches;
    expect(urlMatchesPatterns('https://behandlernettverk.no/firma/1', prod)).toBe(true);
    expect(urlMatchesPatterns('https://admin.behandlernettverk.no/', prod)).toBe(true);
    expect(urlMatchesPatterns('https://evilbehandlernettverk.no/', prod)).toBe(false);
    expect(urlMatchesPatterns('https://behandlernettverk.no.evil.com/', prod)).toBe(false);
    expect(urlMatchesPatterns('http://behandlernettverk.no/', prod)).toBe(false);
    expect(urlMatchesPatterns('http://localhost:4610/', prod)).toBe(false);
    expect(urlMatchesPatterns('not a url', prod)).toBe(false);
    expect(urlMatchesPatterns('http://localhost:4610/firma/x', originConfig('sandbox').portalMatches)).toBe(true);
  });
});
