/** Expands the compact street list into `KartverketAdresse` rows (deterministic, no randomness). */
import type { KartverketAdresse } from '../types.ts';
import { ADDRESS_OVERRIDES, STREETS } from './streets.ts';
import { KOMMUNER, POSTNUMMER_BY_CODE } from './postnummer.ts';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

function expand(): KartverketAdresse[] {
  const out: KartverketAdresse[] = [];
  for (const [adressenavn, kommunenummer, adressekode, gardsnummer, ranges, from, to, letters] of STREETS) {
    const kommunenavn = KOMMUNER[kommunenummer];
    if (!kommunenavn) throw new Error(`unknown kommunenummer ${kommunenummer}`);
    const numbers: Array<{ nr: number; postnummer: string }> = [];
    for (const part of ranges.split(',')) {
      const m = /^(\d+)-(\d+):(\d{4})$/.exec(part);
      if (!m) throw new Error(`bad range ${part}`);
      for (let nr = Number(m[1]); nr <= Number(m[2]); nr++) numbers.push({ nr, postnummer: m[3] as string });
    }
    const minNr = numbers[0]?.nr ?? 1;
    const maxNr = numbers[numbers.length - 1]?.nr ?? 1;
    const postFor = (nr: number): string =>
      numbers.find((n) => n.nr === nr)?.postnummer ?? numbers[numbers.length - 1]?.postnummer ?? '0000';
    const entries: Array<{ nr: number; bokstav: string }> = numbers.map((n) => ({ nr: n.nr, bokstav: '' }));
    for (const l of (letters ?? '').split(/\s+/).filter(Boolean)) {
      const m = /^(\d+)([A-Z])$/.exec(l);
      if (!m) throw new Error(`bad letter address ${l}`);
      entries.push({ nr: Number(m[1]), bokstav: m[2] as string });
    }
    entries.sort((a, b) => a.nr - b.nr || a.bokstav.localeCompare(b.bokstav));
    for (const { nr, bokstav } of entries) {
      const postnummer = postFor(nr);
      const post = POSTNUMMER_BY_CODE.get(postnummer);
      if (!post) throw new Error(`postnummer ${postnummer} missing from the postal table`);
      const t = maxNr === minNr ? 0 : (nr - minNr) / (maxNr - minNr);
      const side = nr % 2 === 1 ? 0.00006 : -0.00006;
      const letterShift = bokstav ? (bokstav.charCodeAt(0) - 64) * 0.00002 : 0;
      const key = `${kommunenummer}|${adressenavn}|${nr}|${bokstav}`;
      const h = hash(key);
      const ov = ADDRESS_OVERRIDES[key] ?? {};
      const bruksenheter = h % 5 === 0 ? ['H0101', 'H0102', 'H0201', 'H0202'].slice(0, 2 + (h % 3)) : [];
      const year = 2017 + (h % 8);
      const month = 1 + ((h >>> 3) % 12);
      const day = 1 + ((h >>> 7) % 28);
      const pad = (n: number): string => String(n).padStart(2, '0');
      const adressetekst = `${adressenavn} ${nr}${bokstav}`;
      out.push({
        adressenavn,
        adressetekst,
        adressetekstutenadressetilleggsnavn: adressetekst,
        adressekode,
        nummer: nr,
        bokstav,
        postnummer,
        poststed: post.poststed,
        kommunenummer,
        kommunenavn,
        gardsnummer: ov.gardsnummer ?? gardsnummer,
        bruksnummer: ov.bruksnummer ?? 1 + (h % 900),
        festenummer: 0,
        undernummer: null,
        bruksenhetsnummer: bruksenheter,
        objtype: 'Vegadresse',
        adressetilleggsnavn: null,
        stedfestingverifisert: h % 17 !== 0,
        representasjonspunkt: {
          epsg: 'EPSG:4258',
          lat: ov.lat ?? round6(from[0] + (to[0] - from[0]) * t + side + letterShift),
          lon: ov.lon ?? round6(from[1] + (to[1] - from[1]) * t + side + letterShift),
        },
        oppdateringsdato: ov.oppdateringsdato ?? `${year}-${pad(month)}-${pad(day)}T${pad(h % 24)}:${pad((h >>> 5) % 60)}:${pad((h >>> 11) % 60)}`,
      });
    }
  }
  return out;
}

/** All addresses of the data set, in street order. */
export const ADRESSER: ReadonlyArray<KartverketAdresse> = expand();
