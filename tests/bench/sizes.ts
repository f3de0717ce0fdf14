/**
 * Gzipped size of each bundle the browser loads for an entry: the file named in the manifest or the
 * entry's HTML, plus every chunk it imports statically (followed recursively). Each file is gzipped on
 * its own (zlib level 6, gzip's default), as it is stored and loaded, and the sizes are summed.
 * Dynamic `import()`s are listed apart: they load later, if at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { result, type BenchResult } from './common';

export interface BundleSize {
  entry: string;
  files: { file: string; raw: number; gz: number }[];
  raw: number;
  gz: number;
  lazy: string[];
}

const STATIC_IMPORT = /(?:^|[;}\s)])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.(?:js|mjs|css))["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

function resolveRef(outDir: string, fromFile: string, ref: string): string {
  if (ref.startsWith('/')) return path.join(outDir, ref);
  return path.resolve(path.dirname(fromFile), ref);
}

/** Every file `start` loads, `start` first: static imports of JS followed recursively. */
function closure(outDir: string, start: string[]): { files: string[]; lazy: string[] } {
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`bundle file missing: ${path.relative(outDir, file)}`);
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(resolveRef(outDir, file, m[1]!));
    for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add(path.relative(outDir, resolveRef(outDir, file, m[1]!)));
  }
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(path.join(outDir, f))) };
}

/** Scripts, module preloads and stylesheets an extension page's HTML names. */
function htmlRefs(outDir: string, htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const refs: string[] = [];
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const t = tag[0];
    const src = /\b(?:src|href)=["']([^"']+)["']/.exec(t)?.[1];
    if (!src || /^[a-z]+:/i.test(src)) continue;
    if (tag[1] === 'link' && !/\brel=["'](?:modulepreload|stylesheet)["']/.test(t)) continue;
    refs.push(resolveRef(outDir, htmlFile, src));
  }
  return refs;
}

function measure(outDir: string, entry: string, start: string[]): BundleSize {
  const { files, lazy } = closure(outDir, start);
  const sized = files.map((file) => {
    const buf = readFileSync(file);
    return { file: path.relative(outDir, file), raw: buf.length, gz: gzipSync(buf, { level: 6 }).length };
  });
  return { entry, files: sized, raw: sized.reduce((s, f) => s + f.raw, 0), gz: sized.reduce((s, f) => s + f.gz, 0), lazy };
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  side_panel?: { default_path?: string };
  action?: { default_popup?: string };
}

export function bundleSizes(outDir: string): BundleSize[] {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  const abs = (f: string) => path.join(outDir, f);
  const content = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const background = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  const sidepanel = manifest.side_panel?.default_path ?? 'sidepanel.html';
  const popup = manifest.action?.default_popup ?? 'popup.html';
  return [
    measure(outDir, 'content script', content.map(abs)),
    measure(outDir, 'background', background.map(abs)),
    measure(outDir, 'side panel', [abs(sidepanel), ...htmlRefs(outDir, abs(sidepanel))]),
    measure(outDir, 'popup', [abs(popup), ...htmlRefs(outDir, abs(popup))]),
  ];
}

/** Content script: the tracked budget (25 kB gz). The others: report-only, 100 kB gz each. */
export const SIZE_BUDGETS: Record<string, { budget: number; gate: boolean }> = {
  'content script': { budget: 25_600, gate: true },
  background: { budget: 102_400, gate: false },
  'side panel': { budget: 102_400, gate: false },
  popup: { budget: 102_400, gate: false },
};

export function sizeResults(sizes: BundleSize[]): BenchResult[] {
  return sizes.map((s) => {
    const b = SIZE_BUDGETS[s.entry]!;
    return result(`${s.entry} bundle (gzip)`, s.gz, 'bytes', b.budget, b.gate, `${s.files.length} file(s): ${s.files.map((f) => f.file).join(', ')}; raw ${s.raw} B`);
  });
}

export function describeSizes(sizes: BundleSize[]): string {
  return sizes
    .map((s) => {
      const files = s.files.map((f) => `    ${f.file.padEnd(48)} ${String(f.raw).padStart(8)} B raw ${String(f.gz).padStart(7)} B gz`).join('\n');
      const lazy = s.lazy.length ? `\n    (lazy, not counted: ${s.lazy.join(', ')})` : '';
      return `  ${s.entry}: ${s.gz} B gz (${s.raw} B raw)\n${files}${lazy}`;
    })
    .join('\n');
}
