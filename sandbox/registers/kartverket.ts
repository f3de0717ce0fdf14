/**
 * Kartverket "adresser v1" double: search semantics and request handling for
 * `GET /adresser/v1/sok` and `GET /adresser/v1/punktsok`.
 */
import type {
  KartverketAdresse,
  KartverketMetadata,
  KartverketPunktAdresse,
  KartverketPunktsokResponse,
  KartverketSokResponse,
} from './types.ts';
import { ADRESSER } from './data/adresser.ts';
import { asciiCompatible, editDistance, fold } from './text.ts';

/** The real API never reports more than 10,000 hits and refuses pages beyond them. */
export const MAX_TREFF = 10_000;
export const MAX_TREFF_PER_SIDE = 1_000;

// ------------------------------------------------------------------ index

interface Indexed {
  a: KartverketAdresse;
  streetWords: string[]; // folded words of adressenavn ("karl", "johans", "gate")
  streetFolded: string; // "karl johans gate"
  placeWords: string[]; // folded words of poststed + kommunenavn
  poststedFolded: string;
  kommunenavnFolded: string;
  bokstav: string; // folded
}

const words = (s: string): string[] => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

const INDEX: ReadonlyArray<Indexed> = ADRESSER.map((a) => ({
  a,
  streetWords: words(a.adressenavn),
  streetFolded: words(a.adressenavn).join(' '),
  placeWords: [...new Set([...words(a.poststed), ...words(a.kommunenavn)])],
  poststedFolded: words(a.poststed).join(' '),
  kommunenavnFolded: words(a.kommunenavn).join(' '),
  bokstav: fold(a.bokstav),
}));

// ------------------------------------------------------------------ free-text tokens

type Token =
  | { kind: 'number'; nr: number; raw: string } // "12" (house number, or a 4-digit postal code)
  | { kind: 'numberLetter'; nr: number; letter: string } // "5c"
  | { kind: 'word'; text: string; alts: string[]; re?: RegExp; cache: Map<string, number> }; // re for "*" wildcards; cache: word -> score

/** Street-name abbreviations people type; only used with fuzzy=true. */
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^(.*)gt$/, ['gate', 'gata', 'gaten']],
  [/^(.*)gat$/, ['gate', 'gata', 'gaten']],
  [/^(.*)vn$/, ['veien', 'vegen']],
  [/^(.*)v$/, ['veien', 'vei', 'vegen']],
  [/^(.*)pl$/, ['plass']],
  [/^(.*)all$/, ['alle']],
];

export function tokenize(q: string, fuzzy: boolean): Token[] {
  const raw = fold(q)
    .replace(/[.,;:/()"'!?&+]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const out: Token[] = [];
  for (const t of raw) {
    let m: RegExpExecArray | null;
    if (/^\d+$/.test(t)) out.push({ kind: 'number', nr: Number(t), raw: t });
    else if ((m = /^(\d+)([a-z])$/.exec(t))) out.push({ kind: 'numberLetter', nr: Number(m[1]), letter: m[2] as string });
    else if (t.includes('*')) {
      const parts = t.split('*').map((x) => x.replace(/[^a-z0-9]/g, ''));
      if (parts.every((x) => x === '')) continue; // a lone "*" matches everything
      out.push({ kind: 'word', text: parts.join(''), alts: [], re: new RegExp(`^${parts.join('.*')}`), cache: new Map() });
    } else {
      const alts: string[] = [];
      if (fuzzy) {
        for (const [re, repl] of ABBREVIATIONS) {
          const mm = re.exec(t);
          if (mm) for (const r of repl) alts.push(`${mm[1] ?? ''}${r}`);
        }
      }
      out.push({ kind: 'word', text: t, alts, cache: new Map() });
    }
  }
  return out;
}

/** `wordScore` memoised per token (the same street/place words recur across thousands of addresses). */
function cachedWordScore(tok: Extract<Token, { kind: 'word' }>, w: string, fuzzy: boolean): number {
  let v = tok.cache.get(w);
  if (v === undefined) {
    v = wordScore(tok, w, fuzzy);
    tok.cache.set(w, v);
  }
  return v;
}

/** Score of a word token against a candidate word: 4 exact, 3 prefix, 2 abbreviation, 1 fuzzy, 0 none. */
function wordScore(tok: { text: string; alts: string[]; re?: RegExp }, w: string, fuzzy: boolean): number {
  if (tok.re) return tok.re.test(w) ? 3 : 0;
  if (w === tok.text) return 4;
  if (w.startsWith(tok.text)) return 3;
  if (!fuzzy) return 0;
  for (const alt of tok.alts) {
    const altWords = alt.split(' ');
    if (altWords.length === 1 && (w === alt || w.startsWith(alt))) return 2;
  }
  const len = tok.text.length;
  if (len < 4) return 0;
  const max = len >= 8 ? 2 : 1;
  // compare against the whole word and against its prefix of the same length (for half-typed words)
  if (editDistance(tok.text, w, max) <= max) return 1;
  if (w.length > len && editDistance(tok.text, w.slice(0, len), max) <= max) return 1;
  return 0;
}

/**
 * Every token must match something in the address (AND semantics, like the real API):
 *  - a word: a word of the street name (prefix), of the postal place or of the municipality name;
 *  - a number: the house number; a 4-digit number also the postal code;
 *  - "5c" / "5 c": house number and letter.
 * Returns a relevance score, or -1 if the address does not match.
 */
function scoreAddress(ix: Indexed, tokens: Token[], fuzzy: boolean, orMode = false): number {
  let score = 0;
  let matched = 0;
  const miss = (): boolean => !orMode; // in AND mode a miss disqualifies the address
  let usedStreetWords = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if (tok.kind === 'number') {
      const next = tokens[i + 1];
      // "5 c": a single letter after a number is the house letter when it fits
      if (next && next.kind === 'word' && next.text.length === 1 && ix.a.nummer === tok.nr && ix.bokstav === next.text) {
        score += 8;
        matched++;
        i++;
        continue;
      }
      if (ix.a.nummer === tok.nr) score += ix.bokstav === '' ? 5 : 4;
      else if (tok.raw.length === 4 && ix.a.postnummer === tok.raw) score += 4;
      else if (miss()) return -1;
      else continue;
      matched++;
    } else if (tok.kind === 'numberLetter') {
      if (ix.a.nummer === tok.nr && ix.bokstav === tok.letter) score += 8;
      else if (miss()) return -1;
      else continue;
      matched++;
    } else {
      let best = 0;
      for (const w of ix.streetWords) best = Math.max(best, cachedWordScore(tok, w, fuzzy));
      if (best > 0) usedStreetWords++;
      let place = 0;
      for (const w of ix.placeWords) place = Math.max(place, cachedWordScore(tok, w, fuzzy));
      best = Math.max(best, place);
      if (best === 0) {
        if (miss()) return -1;
        continue;
      }
      score += best;
      matched++;
    }
  }
  if (matched === 0 && tokens.length > 0) return -1;
  // prefer addresses whose whole street name was typed
  if (usedStreetWords >= ix.streetWords.length) score += 2;
  return score;
}

// ------------------------------------------------------------------ structured filters

export interface SokParams {
  sok?: string;
  fuzzy: boolean;
  adressenavn?: string;
  nummer?: number;
  bokstav?: string;
  postnummer?: string;
  poststed?: string;
  kommunenummer?: string;
  kommunenavn?: string;
  objtype?: string;
  adressetekst?: string;
  adressekode?: number;
  gardsnummer?: number;
  bruksnummer?: number;
  festenummer?: number;
  bruksenhetsnummer?: string;
  adressetilleggsnavn?: string;
  sokemodus: 'AND' | 'OR';
  filtrer?: string;
  treffPerSide: number;
  side: number;
  asciiKompatibel: boolean;
  utkoordsys: number;
}

/** `*` is a wildcard in the real API's field parameters; matching is case/diacritics-insensitive. */
function fieldMatches(pattern: string, value: string): boolean {
  const p = words(pattern).join(' ');
  const v = words(value).join(' ');
  if (!pattern.includes('*')) return p === v;
  const re = new RegExp(`^${fold(pattern).split('*').map((s) => words(s).join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(v);
}

function filterMatches(ix: Indexed, p: SokParams): boolean {
  const a = ix.a;
  if (p.adressenavn !== undefined && !fieldMatches(p.adressenavn, a.adressenavn)) return false;
  if (p.nummer !== undefined && a.nummer !== p.nummer) return false;
  if (p.bokstav !== undefined && fold(p.bokstav) !== ix.bokstav) return false; // "" = only addresses without a letter
  if (p.postnummer !== undefined && a.postnummer !== p.postnummer) return false;
  if (p.poststed !== undefined && !fieldMatches(p.poststed, a.poststed)) return false;
  if (p.kommunenummer !== undefined && a.kommunenummer !== p.kommunenummer) return false;
  if (p.kommunenavn !== undefined && !fieldMatches(p.kommunenavn, a.kommunenavn)) return false;
  if (p.objtype !== undefined && fold(p.objtype) !== fold(a.objtype)) return false;
  if (p.adressetekst !== undefined && !fieldMatches(p.adressetekst, a.adressetekst)) return false;
  if (p.adressekode !== undefined && a.adressekode !== p.adressekode) return false;
  if (p.gardsnummer !== undefined && a.gardsnummer !== p.gardsnummer) return false;
  if (p.bruksnummer !== undefined && a.bruksnummer !== p.bruksnummer) return false;
  if (p.festenummer !== undefined && a.festenummer !== p.festenummer) return false;
  if (p.bruksenhetsnummer !== undefined && !a.bruksenhetsnummer.includes(p.bruksenhetsnummer.toUpperCase())) return false;
  if (p.adressetilleggsnavn !== undefined && !(a.adressetilleggsnavn && fieldMatches(p.adressetilleggsnavn, a.adressetilleggsnavn))) return false;
  return true;
}

/** All matching addresses, best first. */
export type FindParams = Partial<Omit<SokParams, 'treffPerSide' | 'side' | 'asciiKompatibel' | 'utkoordsys' | 'filtrer'>>;

export function findAddresses(p: FindParams): KartverketAdresse[] {
  const fuzzy = p.fuzzy ?? false;
  const tokens = p.sok !== undefined ? tokenize(p.sok, fuzzy) : [];
  const hits: Array<{ ix: Indexed; score: number }> = [];
  for (const ix of INDEX) {
    if (!filterMatches(ix, p as SokParams)) continue;
    const score = tokens.length ? scoreAddress(ix, tokens, fuzzy, p.sokemodus === 'OR') : 0;
    if (score >= 0) hits.push({ ix, score });
  }
  hits.sort(
    (x, y) =>
      y.score - x.score ||
      x.ix.streetFolded.localeCompare(y.ix.streetFolded) ||
      x.ix.poststedFolded.localeCompare(y.ix.poststedFolded) ||
      x.ix.a.nummer - y.ix.a.nummer ||
      x.ix.bokstav.localeCompare(y.ix.bokstav),
  );
  return hits.map((h) => h.ix.a);
}

// ------------------------------------------------------------------ output shaping

/** Deep copy with output options applied (ASCII compatibility, coordinate system). */
export function present<T extends KartverketAdresse>(a: T, asciiKompatibel: boolean, utkoordsys: number): T {
  const copy: T = structuredClone(a);
  if (asciiKompatibel) {
    for (const k of ['adressenavn', 'adressetekst', 'adressetekstutenadressetilleggsnavn', 'poststed', 'kommunenavn'] as const) {
      copy[k] = asciiCompatible(copy[k]);
    }
  }
  if (utkoordsys !== 4258) {
    const { lat, lon } = a.representasjonspunkt;
    if (utkoordsys === 4326) copy.representasjonspunkt = { epsg: 'EPSG:4326', lat, lon };
    else {
      const zone = utkoordsys - 25800;
      const { northing, easting } = toUtm(lat, lon, zone);
      // like the real API: the field names stay lat/lon, the values become northing/easting
      copy.representasjonspunkt = { epsg: `EPSG:${utkoordsys}`, lat: northing, lon: easting };
    }
  }
  return copy;
}

export const SUPPORTED_KOORDSYS: ReadonlySet<number> = new Set([4258, 4326, 25832, 25833, 25835]);

/** Geographic (ETRS89/GRS80) to UTM, Krüger series (mm-level accuracy, enough for a double). */
export function toUtm(latDeg: number, lonDeg: number, zone: number): { northing: number; easting: number } {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const n = f / (2 - f);
  const A = (a / (1 + n)) * (1 + (n * n) / 4 + (n ** 4) / 64);
  const alpha = [(n / 2) - (2 / 3) * n * n + (5 / 16) * n ** 3, (13 / 48) * n * n - (3 / 5) * n ** 3, (61 / 240) * n ** 3];
  const k0 = 0.9996;
  const lon0 = ((zone - 1) * 6 - 180 + 3) * (Math.PI / 180);
  const phi = latDeg * (Math.PI / 180);
  const lambda = lonDeg * (Math.PI / 180) - lon0;
  const e = Math.sqrt(f * (2 - f));
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)));
  const xiP = Math.atan2(t, Math.cos(lambda));
  const etaP = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
  let xi = xiP;
  let eta = etaP;
  alpha.forEach((al, i) => {
    const j = 2 * (i + 1);
    xi += al * Math.sin(j * xiP) * Math.cosh(j * etaP);
    eta += al * Math.cos(j * xiP) * Math.sinh(j * etaP);
  });
  const round2 = (v: number): number => Math.round(v * 100) / 100;
  return { easting: round2(500000 + k0 * A * eta), northing: round2(k0 * A * xi) };
}

/** The `sokeStreng` the real API echoes: the search parameters (not paging/output ones), URL-encoded. */
const NON_SEARCH_PARAMS = new Set(['treffPerSide', 'side', 'asciiKompatibel', 'utkoordsys', 'koordsys', 'filtrer', 'fuzzy', 'sokemodus']);
export function sokeStreng(params: URLSearchParams): string {
  const parts: string[] = [];
  for (const [k, v] of params) if (!NON_SEARCH_PARAMS.has(k)) parts.push(`${k}=${encodeURIComponent(v)}`);
  return parts.join('&');
}

export function metadata(total: number, p: { treffPerSide: number; side: number; asciiKompatibel: boolean }, streng: string): KartverketMetadata {
  const viserFra = p.side * p.treffPerSide;
  return {
    totaltAntallTreff: Math.min(total, MAX_TREFF),
    treffPerSide: p.treffPerSide,
    side: p.side,
    viserFra,
    viserTil: viserFra + p.treffPerSide,
    sokeStreng: streng,
    asciiKompatibel: p.asciiKompatibel,
  };
}

// ------------------------------------------------------------------ parameter parsing

export class BadRequest extends Error {}

function parseBool(params: URLSearchParams, name: string, dflt: boolean): boolean {
  const v = params.get(name);
  if (v === null || v === '') return dflt;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new BadRequest(`Ugyldig verdi for parameter '${name}': '${v}'. Gyldige verdier er true og false.`);
}

function parseInt10(params: URLSearchParams, name: string, dflt: number | undefined, min: number, max: number): number | undefined {
  const v = params.get(name);
  if (v === null || v === '') return dflt;
  if (!/^-?\d+$/.test(v)) throw new BadRequest(`Ugyldig verdi for parameter '${name}': '${v}'. Må være et heltall.`);
  const n = Number(v);
  if (n < min || n > max) throw new BadRequest(`Ugyldig verdi for parameter '${name}': '${v}'. Må være mellom ${min} og ${max}.`);
  return n;
}

function optString(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name);
  return v === null || v.trim() === '' ? undefined : v.trim();
}

const SEARCH_FIELDS = [
  'sok', 'adressenavn', 'nummer', 'bokstav', 'postnummer', 'poststed', 'kommunenummer', 'kommunenavn', 'objtype',
  'adressetekst', 'adressekode', 'gardsnummer', 'bruksnummer', 'festenummer', 'bruksenhetsnummer', 'adressetilleggsnavn',
] as const;

function parseSokemodus(params: URLSearchParams): 'AND' | 'OR' {
  const v = (params.get('sokemodus') ?? '').trim().toUpperCase();
  if (v === '' || v === 'AND') return 'AND';
  if (v === 'OR') return 'OR';
  throw new BadRequest(`Ugyldig verdi for parameter 'sokemodus': '${params.get('sokemodus') ?? ''}'. Gyldige verdier er AND og OR.`);
}

/**
 * `filtrer`: comma-separated list of the fields to KEEP, dotted for nested ones
 * (e.g. "adresser.adressetekst,adresser.representasjonspunkt,metadata.totaltAntallTreff").
 */
export function applyFiltrer<T extends object>(body: T, filtrer: string | undefined): T {
  if (!filtrer) return body;
  const paths = filtrer.split(',').map((x) => x.trim()).filter(Boolean).map((x) => x.split('.'));
  const pick = (value: unknown, rest: string[][]): unknown => {
    if (rest.some((r) => r.length === 0)) return value;
    if (Array.isArray(value)) return value.map((v) => pick(v, rest));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const sub = rest.filter((r) => r[0] === k).map((r) => r.slice(1));
      if (sub.length) out[k] = pick(v, sub);
    }
    return out;
  };
  return pick(body, paths) as T;
}

export function parseSokParams(params: URLSearchParams): SokParams {
  const treffPerSide = parseInt10(params, 'treffPerSide', 10, 1, MAX_TREFF_PER_SIDE) as number;
  const side = parseInt10(params, 'side', 0, 0, MAX_TREFF) as number;
  if ((side + 1) * treffPerSide > MAX_TREFF) {
    throw new BadRequest(`Kan ikke vise treff utover ${MAX_TREFF}. (side + 1) * treffPerSide må være høyst ${MAX_TREFF}.`);
  }
  const utkoordsys = parseInt10(params, 'utkoordsys', 4258, 0, 999999) as number;
  if (!SUPPORTED_KOORDSYS.has(utkoordsys)) throw new BadRequest(`Ugyldig verdi for parameter 'utkoordsys': '${utkoordsys}'. Koordinatsystemet støttes ikke.`);
  const postnummer = optString(params, 'postnummer');
  if (postnummer !== undefined && !/^\d{4}$/.test(postnummer)) throw new BadRequest(`Ugyldig verdi for parameter 'postnummer': '${postnummer}'. Må være fire siffer.`);
  const kommunenummer = optString(params, 'kommunenummer');
  if (kommunenummer !== undefined && !/^\d{4}$/.test(kommunenummer)) throw new BadRequest(`Ugyldig verdi for parameter 'kommunenummer': '${kommunenummer}'. Må være fire siffer.`);
  // "bokstav=" (present but empty) means: only addresses without a letter
  const bokstav = params.has('bokstav') ? (params.get('bokstav') ?? '').trim() : undefined;
  if (bokstav !== undefined && bokstav !== '' && !/^\p{L}$/u.test(bokstav)) throw new BadRequest(`Ugyldig verdi for parameter 'bokstav': '${bokstav}'. Må være én bokstav.`);
  const p: SokParams = {
    sok: optString(params, 'sok'),
    fuzzy: parseBool(params, 'fuzzy', false),
    adressenavn: optString(params, 'adressenavn'),
    nummer: parseInt10(params, 'nummer', undefined, 0, 99999),
    bokstav,
    postnummer,
    poststed: optString(params, 'poststed'),
    kommunenummer,
    kommunenavn: optString(params, 'kommunenavn'),
    objtype: optString(params, 'objtype'),
    adressetekst: optString(params, 'adressetekst'),
    adressekode: parseInt10(params, 'adressekode', undefined, 0, 99999999),
    gardsnummer: parseInt10(params, 'gardsnummer', undefined, 0, 99999),
    bruksnummer: parseInt10(params, 'bruksnummer', undefined, 0, 99999),
    festenummer: parseInt10(params, 'festenummer', undefined, 0, 99999),
    bruksenhetsnummer: optString(params, 'bruksenhetsnummer'),
    adressetilleggsnavn: optString(params, 'adressetilleggsnavn'),
    sokemodus: parseSokemodus(params),
    filtrer: optString(params, 'filtrer'),
    treffPerSide,
    side,
    asciiKompatibel: parseBool(params, 'asciiKompatibel', true),
    utkoordsys,
  };
  const hasSearch = [...SEARCH_FIELDS].some(
    (k) => p[k as keyof SokParams] !== undefined,
  );
  if (!hasSearch) throw new BadRequest('Mangler søkeparameter. Angi minst én av sok, adressenavn, nummer, bokstav, postnummer, poststed, kommunenummer, kommunenavn.');
  return p;
}

export function sok(params: URLSearchParams): KartverketSokResponse {
  const p = parseSokParams(params);
  const all = findAddresses(p).slice(0, MAX_TREFF);
  const from = p.side * p.treffPerSide;
  return applyFiltrer(
    {
      metadata: metadata(all.length, p, sokeStreng(params)),
      adresser: all.slice(from, from + p.treffPerSide).map((a) => present(a, p.asciiKompatibel, p.utkoordsys)),
    },
    p.filtrer,
  );
}

/** Great-circle distance in metres. */
export function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const R = 6371008.8;
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

function parseFloatParam(params: URLSearchParams, name: string, min: number, max: number): number {
  const v = params.get(name);
  if (v === null || v === '') throw new BadRequest(`Mangler påkrevd parameter '${name}'.`);
  if (!/^-?\d+(\.\d+)?$/.test(v)) throw new BadRequest(`Ugyldig verdi for parameter '${name}': '${v}'. Må være et tall.`);
  const n = Number(v);
  if (n < min || n > max) throw new BadRequest(`Ugyldig verdi for parameter '${name}': '${v}'. Må være mellom ${min} og ${max}.`);
  return n;
}

export function punktsok(params: URLSearchParams): KartverketPunktsokResponse {
  const lat = parseFloatParam(params, 'lat', -90, 90);
  const lon = parseFloatParam(params, 'lon', -180, 180);
  const radius = parseInt10(params, 'radius', undefined, 0, 100_000);
  if (radius === undefined) throw new BadRequest("Mangler påkrevd parameter 'radius'.");
  const koordsys = parseInt10(params, 'koordsys', 4258, 0, 999999) as number;
  if (koordsys !== 4258 && koordsys !== 4326) throw new BadRequest(`Ugyldig verdi for parameter 'koordsys': '${koordsys}'. Koordinatsystemet støttes ikke.`);
  const treffPerSide = parseInt10(params, 'treffPerSide', 10, 1, MAX_TREFF_PER_SIDE) as number;
  const side = parseInt10(params, 'side', 0, 0, MAX_TREFF) as number;
  if ((side + 1) * treffPerSide > MAX_TREFF) throw new BadRequest(`Kan ikke vise treff utover ${MAX_TREFF}.`);
  const asciiKompatibel = parseBool(params, 'asciiKompatibel', true);
  const utkoordsys = parseInt10(params, 'utkoordsys', 4258, 0, 999999) as number;
  if (!SUPPORTED_KOORDSYS.has(utkoordsys)) throw new BadRequest(`Ugyldig verdi for parameter 'utkoordsys': '${utkoordsys}'. Koordinatsystemet støttes ikke.`);
  const hits: KartverketPunktAdresse[] = [];
  for (const a of ADRESSER) {
    const d = distanceMeters(lat, lon, a.representasjonspunkt.lat, a.representasjonspunkt.lon);
    if (d <= radius) hits.push({ ...a, meterDistanseTilPunkt: Math.round(d * 10) / 10 });
  }
  hits.sort((x, y) => x.meterDistanseTilPunkt - y.meterDistanseTilPunkt || x.adressetekst.localeCompare(y.adressetekst));
  const from = side * treffPerSide;
  return applyFiltrer(
    {
      metadata: metadata(hits.length, { treffPerSide, side, asciiKompatibel }, sokeStreng(params)),
      adresser: hits.slice(from, from + treffPerSide).map((a) => present(a, asciiKompatibel, utkoordsys)),
    },
    optString(params, 'filtrer'),
  );
}

/** In-process search for the sandbox portal (fuzzy free text, best first). */
export function searchAddresses(query: string, limit = 10): KartverketAdresse[] {
  if (!query.trim()) return [];
  return findAddresses({ sok: query, fuzzy: true })
    .slice(0, Math.max(0, limit))
    .map((a) => structuredClone(a));
}
