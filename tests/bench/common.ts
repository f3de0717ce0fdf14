/**
 * Shared pieces of the benchmark (issue #9): the result shape written to tests/bench/results.json,
 * percentiles, the table printer. Run with `npm run bench`; not part of `npm test`.
 */

/** One line of results.json. `gate: false` = report-only (bench:check never fails on it). */
export interface BenchResult {
  name: string;
  /** null = not measured (placeholder, or the measurement failed). */
  value: number | null;
  unit: string;
  /** null = no budget (report-only figure). */
  budget: number | null;
  /** null when there is no value or no budget. */
  pass: boolean | null;
  /** true when a miss must fail `npm run bench:check`. */
  gate: boolean;
  /** How it was measured, or why it is missing. */
  note?: string;
}

export function result(name: string, value: number | null, unit: string, budget: number | null, gate: boolean, note?: string): BenchResult {
  const pass = value === null || budget === null ? null : value <= budget;
  return { name, value, unit, budget, pass, gate, ...(note ? { note } : {}) };
}

export function placeholder(name: string, unit: string, budget: number | null, feature: string): BenchResult {
  return { name, value: null, unit, budget, pass: null, gate: false, note: `not measured yet: ${feature} not built` };
}

/** Nearest-rank percentile (p in 0..100) of an unsorted sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function cell(value: number | null): string {
  if (value === null) return '—';
  if (Math.abs(value) >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return String(round(value, 2));
}

export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.value === null ? '—' : cell(r.value),
    r.unit,
    r.budget === null ? '—' : `≤ ${cell(r.budget)}${r.gate ? '' : ' (report)'}`,
    // Last column, so that the long placeholder text does not widen the others.
    r.value === null ? (r.note?.startsWith('not measured yet') ? r.note : 'not measured') : r.pass === null ? '—' : r.pass ? 'pass' : r.gate ? 'FAIL' : 'over (report-only)',
  ]);
  const header = ['name', 'value', 'unit', 'budget', 'pass'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cols: string[]) => cols.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
