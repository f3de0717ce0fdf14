/**
 * The store zips (`npm run zip`, run by `npm test` after the builds): what a store reviewer receives must be
 * the production build and nothing else — production manifest, no loopback origin anywhere, no source maps,
 * no test hook, no sandbox code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const output = path.join(root, '.output');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** The entries of a zip file (stored or deflated), read from its central directory. */
export function readZip(file: string): Map<string, Buffer> {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error(`${file}: not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + buf.readUInt32LE(at + 20 - 4));
    if (!name.endsWith('/')) entries.set(name, method === 0 ? Buffer.from(raw.subarray(0, size)) : inflateRawSync(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Strings that only test or sandbox code has (a hook or a sandbox URL in a store zip is a release bug). */
const FORBIDDEN_TEXT = [/localhost/, /127\.0\.0\.1/, /__bnTest/, /__sandbox/, /__vendor/, /sourceMappingURL/];

const zips = [
  { browser: 'chrome', dir: 'chrome-mv3', manifestVersion: 3 },
  { browser: 'firefox', dir: 'firefox-mv2', manifestVersion: 2 },
] as const;

describe.each(zips)('store zip for $browser', ({ browser, dir, manifestVersion }) => {
  const file = path.join(output, `${pkg.name}-${pkg.version}-${browser}.zip`);
  it('exists (npm run zip)', () => expect(existsSync(file), file).toBe(true));
  if (!existsSync(file)) return;
  const entries = readZip(file);

  it('holds the production manifest, with no loopback host', () => {
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest.manifest_version).toBe(manifestVersion);
    expect(manifest.version).toBe(pkg.version);
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1|<all_urls>/);
    expect(manifest.content_scripts[0].matches.sort()).toEqual(['https://*.behandlernettverk.no/*', 'https://behandlernettverk.no/*']);
    // Byte for byte the production build the manifest tests checked.
    expect(entries.get('manifest.json')!.equals(readFileSync(path.join(output, dir, 'manifest.json')))).toBe(true);
  });

  it('holds exactly the production build output: every file, the same bytes', () => {
    const built: string[] = [];
    const walk = (d: string, prefix = '') => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
        else built.push(`${prefix}${e.name}`);
      }
    };
    walk(path.join(output, dir));
    expect([...entries.keys()].sort()).toEqual(built.sort());
    for (const [name, data] of entries) expect(data.equals(readFileSync(path.join(output, dir, name))), name).toBe(true);
  });

  it('has no source maps, test hooks, sandbox origins or eval', () => {
    expect([...entries.keys()].filter((n) => /\.map$|\.ts$|\.tsx$|test|sandbox/i.test(n))).toEqual([]);
    for (const [name, data] of entries) {
      if (!/\.(js|html|css|json)$/.test(name)) continue;
      const text = data.toString('utf8');
      for (const pattern of FORBIDDEN_TEXT) expect(pattern.test(text), `${name} matches ${pattern}`).toBe(false);
      if (name.endsWith('.js')) expect(/\bnew Function\s*\(|[^.\w]eval\s*\(/.test(text), `${name} has eval`).toBe(false);
      // The one `Function(` call allowed: zod's eval probe, which its jitless setting (lib/zod-setup.ts) skips.
      // This is web-ext lint's DANGEROUS_EVAL warning, explained in the README.
      for (const m of text.matchAll(/(?<![.\w$])Function\(/g)) {
        expect(text.slice(Math.max(0, m.index - 200), m.index), `${name}: Function( without zod's jitless guard`).toMatch(/jitless/);
      }
    }
  });

  it('has every file the manifest names', () => {
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    const named = [
      ...Object.values(manifest.icons as Record<string, string>),
      ...manifest.content_scripts.flatMap((c: { js?: string[] }) => c.js ?? []),
      manifest.background.service_worker ?? manifest.background.scripts?.[0] ?? manifest.background.page,
      (manifest.action ?? manifest.browser_action).default_popup,
      manifest.options_ui?.page ?? manifest.options_page,
    ].filter(Boolean);
    for (const f of named) expect(entries.has(String(f).replace(/^\//, '')), String(f)).toBe(true);
  });
});

describe('sources zip (Firefox review)', () => {
  const file = path.join(output, `${pkg.name}-${pkg.version}-sources.zip`);
  it('has the sources to rebuild, without build output, dependencies or test artifacts', () => {
    expect(existsSync(file), file).toBe(true);
    const names = [...readZip(file).keys()];
    expect(names).toContain('package.json');
    expect(names).toContain('package-lock.json');
    expect(names).toContain('wxt.config.ts');
    expect(names.filter((n) => /^(node_modules|\.output|\.wxt|coverage|dist)\/|(^|\/)artifacts\/|results\.json$|\.log$|(^|\/)\.env/.test(n))).toEqual([]);
  });
});
