/** Text helpers shared by the register doubles. */

/** Case- and diacritics-insensitive key: "Bærum" -> "baerum", "Tromsø" -> "tromso", "Ålesund" -> "alesund". */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .replace(/aa/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/ŋ/g, 'n')
    .replace(/ŧ/g, 't');
}

/**
 * The real API's `asciiKompatibel=true` (its default) guarantees the output fits ISO 8859-1-ish
 * "Norwegian ASCII": Sámi letters outside Latin-1 are replaced, Æ/Ø/Å are kept.
 */
export function asciiCompatible(s: string): string {
  return s
    .replace(/[Šš]/g, (c) => (c === 'Š' ? 'S' : 's'))
    .replace(/[Čč]/g, (c) => (c === 'Č' ? 'C' : 'c'))
    .replace(/[Žž]/g, (c) => (c === 'Ž' ? 'Z' : 'z'))
    .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'))
    .replace(/[Ŋŋ]/g, (c) => (c === 'Ŋ' ? 'N' : 'n'))
    .replace(/[Ŧŧ]/g, (c) => (c === 'Ŧ' ? 'T' : 't'))
    .replace(/[Áá]/g, (c) => (c === 'Á' ? 'A' : 'a'));
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so "johnas" ~ "johans" = 1),
 * with an early exit above `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const up = rows[i - 1] as number[];
      let v = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] ?? max + 1;
}

/** Norwegian organisation number check (MOD11, weights 3 2 7 6 5 4 3 2). */
export function isValidOrgnr(orgnr: string): boolean {
  if (!/^\d{9}$/.test(orgnr)) return false;
  const w = [3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(orgnr[i]) * (w[i] ?? 0);
  const r = sum % 11;
  if (r === 1) return false;
  const check = r === 0 ? 0 : 11 - r;
  return check === Number(orgnr[8]);
}
