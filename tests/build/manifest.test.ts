import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SANDBOX_PORTS } from '../../lib/config/origins';

const root = path.resolve(import.meta.dirname, '../..');
const read = (dir: string) => JSON.parse(readFileSync(path.join(root, '.output', dir, 'manifest.json'), 'utf8'));
const PORTAL = ['https://behandlernettverk.no/*', 'https://*.behandlernettverk.no/*'];
const LOOPBACK = ['http://localhost/*', 'http://127.0.0.1/*'];

const builds = [
  { dir: 'chrome-mv3', sandbox: false, firefox: false },
  { dir: 'firefox-mv2', sandbox: false, firefox: true },
  { dir: 'chrome-mv3-sandbox', sandbox: true, firefox: false },
] as const;

describe.each(builds)('manifest of $dir', ({ dir, sandbox, firefox }) => {
  const manifest = existsSync(path.join(root, '.output', dir, 'manifest.json')) ? read(dir) : undefined;
  it('exists', () => expect(manifest).toBeDefined());
  if (!manifest) return;
  const hosts = sandbox ? [...PORTAL, ...LOOPBACK] : PORTAL;
  const registers = sandbox ? [`http://localhost:${SANDBOX_PORTS.registers}/*`] : ['https://ws.geonorge.no/*', 'https://data.brreg.no/*'];
  const hostPermissions = [...new Set([...hosts, ...registers])];

  it('asks for exactly the permissions features use', () => {
    const own = ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'notifications'];
    const expected = firefox ? [...own, ...hostPermissions] : [...own, 'sidePanel'];
    expect([...manifest.permissions].sort()).toEqual([...expected].sort());
    if (!firefox) expect([...manifest.host_permissions].sort()).toEqual([...hostPermissions].sort());
  });

  it('runs the content script only on the portal (and loopback in the sandbox build)', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect([...manifest.content_scripts[0].matches].sort()).toEqual([...hosts].sort());
  });

  it('has no broad, loopback (production) or external surface', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"\*:\/\/\*\//);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
    if (!sandbox) expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('has icons and the browser-specific UI entry points', () => {
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    if (firefox) {
      expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
      expect(manifest.browser_action?.default_popup).toBe('popup.html');
      expect(manifest.browser_specific_settings.gecko.id).toMatch(/^\{[0-9a-f-]{36}\}$/);
      expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    } else {
      expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
      expect(manifest.action?.default_popup).toBe('popup.html');
    }
  });
});

describe('shipped bundles', () => {
  it('contain no eval or new Function', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.js')) files.push(p);
      }
    };
    for (const { dir } of builds) walk(path.join(root, '.output', dir));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\bnew Function\s*\(|[^.\w]eval\s*\(/);
    }
  });
});
