/**
 * Diagnostic (not part of `npm run bench`): a V8 CPU profile of the extension arm's page loads: self time
 * of every function (page and native ones grouped), and inclusive time of the extension's own functions,
 * mapped to sources when the build has source maps. Where the overlay's load cost goes, by function.
 *   BN_SOURCEMAP=1 npx wxt build --mode sandbox && npm run bench:profile -- [--loads=5] [--path=/firma/f-1001]
 * Native work (style, layout, compiling) shows as "(program)"; compare arms with `npm run bench` for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBench, waitSettled } from './browsers';
import { sleep } from './common';
import { OVERLAY_HOST } from './overlay';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const arg = (n: string, d: string) => process.argv.find((a) => a.startsWith(`--${n}=`))?.split('=')[1] ?? d;
const loads = Number(arg('loads', '5'));
const target = arg('path', '/firma/f-1001');
const dir = path.resolve(ROOT, arg('dir', '.output/chrome-mv3-sandbox'));

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }

async function main() {
  const bench = await startBench(dir);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  try {
    for (let i = 0; i < loads + 1; i += 1) {
      const page = await bench.browsers.ext.newPage();
      await page.goto(`${bench.portal}/nothing-here`, { waitUntil: 'load' }).catch(() => undefined);
      const cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const t0 = Date.now();
      await page.goto(`${bench.portal}${target}`, { waitUntil: 'load' });
      await waitSettled(page, OVERLAY_HOST);
      await sleep(Math.max(250, 1000 - (Date.now() - t0)));
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
      await page.close();
      if (i === 0) continue;
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const key = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
      profile.samples.forEach((id, k) => {
        const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000 / loads;
        const n = byId.get(id)!;
        const k0 = n.callFrame.url.includes('extension') ? key(n) : `[page/native] ${n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(program)'}`;
        self.set(k0, (self.get(k0) ?? 0) + dt);
        // inclusive time for extension frames on the stack
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const m = byId.get(cur)!;
          if (!m.callFrame.url.includes('extension')) continue;
          const kk = key(m);
          if (seen.has(kk)) continue;
          seen.add(kk);
          total.set(kk, (total.get(kk) ?? 0) + dt);
        }
      });
    }
  } finally {
    await bench.close();
  }
  const mapFile = (f: string) => path.join(dir, 'content-scripts', f + '.map');
  const maps = new Map<string, ReturnType<typeof decode>>();
  const resolve = (k: string) => {
    const m = /(\S+):(\d+):(\d+)$/.exec(k);
    if (!m) return k;
    const [, file, line, col] = m;
    if (!existsSync(mapFile(file!))) return k;
    if (!maps.has(file!)) maps.set(file!, decode(JSON.parse(readFileSync(mapFile(file!), 'utf8'))));
    const src = maps.get(file!)!(Number(line) - 1, Number(col) - 1);
    return src ? `${k.split(' ')[0]}  ${src}` : k;
  };
  console.log(`\nself ms per load (${target}), top 40:`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${v.toFixed(2).padStart(7)}  ${resolve(k)}`);
  console.log(`\ninclusive ms per load, extension frames, top 40:`);
  for (const [k, v] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${v.toFixed(2).padStart(7)}  ${resolve(k)}`);
}

function decode(map: { mappings: string; sources: string[] }) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines: [number, number, number][][] = [];
  let src = 0, sline = 0;
  for (const line of map.mappings.split(';')) {
    let col = 0;
    const segs: [number, number, number][] = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals: number[] = [];
      let v = 0, shift = 0;
      for (const c of seg) {
        let d = chars.indexOf(c);
        const cont = d & 32;
        d &= 31;
        v += d << shift;
        if (cont) shift += 5;
        else { vals.push(v & 1 ? -(v >> 1) : v >> 1); v = 0; shift = 0; }
      }
      col += vals[0]!;
      if (vals.length > 1) { src += vals[1]!; sline += vals[2]!; }
      segs.push([col, src, sline]);
    }
    lines.push(segs);
  }
  return (line: number, col: number) => {
    const segs = lines[line];
    if (!segs) return undefined;
    let best: [number, number, number] | undefined;
    for (const s of segs) if (s[0] <= col) best = s;
    return best ? `${map.sources[best[1]]!.replace(/^(\.\.\/)+/, '')}:${best[2] + 1}` : undefined;
  };
}
await main();
