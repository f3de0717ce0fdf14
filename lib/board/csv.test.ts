import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_BOM, parseCsv, toCsv } from './csv';

describe('CSV for Norwegian Excel', () => {
  it('starts with a BOM, separates with semicolons, ends lines with CRLF', () => {
    const csv = toCsv([['Firma', 'Lokasjon'], ['Fysio Grünerløkka AS', 'Bryggen']]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Firma;Lokasjon\r\nFysio Grünerløkka AS;Bryggen\r\n');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv([['a;b', 'say "hi"', 'two\nlines', ' padded']]).slice(1)).toBe('"a;b";"say ""hi""";"two\nlines";" padded"\r\n');
  });

  it('neutralises cells that would run as spreadsheet formulas', () => {
    const csv = toCsv([['=HYPERLINK("x")', '+47 22', '-1', '@SUM(A1)', 'ok']]);
    expect(parseCsv(csv)[0]).toEqual(["'=HYPERLINK(\"x\")", "'+47 22", "'-1", "'@SUM(A1)", 'ok']);
  });

  it('parses back what it writes (any text without formula starts)', () => {
    const cell = fc.string({ maxLength: 20 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        expect(parseCsv(toCsv(table))).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });
});
