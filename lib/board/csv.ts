/**
 * CSV that Excel opens correctly with Norwegian settings: UTF-8 with a byte-order mark (otherwise "ø" turns
 * into "Ã¸"), semicolons (a Norwegian Excel reads a comma as the decimal separator), CRLF line ends, fields
 * quoted when needed. A cell that starts like a formula (= + - @) is prefixed with an apostrophe so that a
 * hostile name in the portal can never run as a spreadsheet formula.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

function field(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[";\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(field).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/** Reads CSV as written by {@link toCsv} (and RFC 4180 with `;`): BOM dropped, quotes undone. */
export function parseCsv(text: string, separator = CSV_SEPARATOR): string[][] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cur += '"';
          i += 1;
        } else quoted = false;
      } else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === separator) {
      row.push(cur);
      cur = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += c;
  }
  if (cur !== '' || row.length > 0) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}
