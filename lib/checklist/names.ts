// "Is this booking profile plausibly this practitioner?" — a small, fast name comparison for Online Manager.
// Handles case, diacritics and Norwegian spelling variants (æ/ae, ø/oe/o, å/aa/a), titles ("Dr.",
// "Fysioterapeut"), "Etternavn, Fornavn", middle names and initials ("Ola N.", "O. Nordmann").

/** At or above: plausibly the same person. */
export const SAME_PERSON = 0.75;
/** Below: a different person. Between the two: worth a look. */
export const DIFFERENT_PERSON = 0.5;

const TITLES = new Set([
  'dr', 'lege', 'prof', 'professor', 'cand', 'msc', 'bsc', 'mnff', 'phd', 'philos', 'med', 'leg', 'legitimert',
  'spesialist', 'spes', 'fysio', 'kiropraktor', 'psykolog', 'osteopat', 'naprapat', 'akupunktor', 'ergoterapeut',
  'hr', 'fru', 'frk',
]);
/** Any word ending like this is a profession ("fysioterapeut", "manuellterapeut", "idrettsfysioterapeut" …). */
const PROFESSION_SUFFIX = /(?:terapeut|terapeuter|fysioterapi)$/;

/** Lower-case ASCII spelling key: "Ødegård" and "Oedegaard" both become "odegard"; "Sæther"/"Saether" -> "sether". */
export function foldName(value: string): string {
  return value
    .toLowerCase()
    .replace(/[æä]/g, 'e')
    .replace(/[øö]/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'e');
}

interface Token {
  readonly text: string;
  readonly initial: boolean;
}

/** Small words in a title ("Spesialist i idrettsfysioterapi"). */
const TITLE_FILLERS = new Set(['i', 'og', 'for', 'med', 'and', 'in', 'of']);
/** Spaces, hyphens, slashes, and a dot glued to the next word ("Dr.philos.", "O.Nordmann"). */
const SPLIT = /[\s;/\-–]+|\.(?=[a-z])/;
const INITIAL = /^[a-z]\.?$/;

function isTitle(word: string): boolean {
  return TITLES.has(word) || PROFESSION_SUFFIX.test(word);
}

/** Online Manager compares every practitioner with every profile: tokenise each name once. */
const tokenCache = new Map<string, readonly Token[]>();
const TOKEN_CACHE_SIZE = 500;

function cachedTokens(raw: string): readonly Token[] {
  let tokens = tokenCache.get(raw);
  if (tokens === undefined) {
    tokens = nameTokens(raw);
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
    tokenCache.set(raw, tokens);
  }
  return tokens;
}

/** Name tokens in "first … last" order, without titles and professions. */
export function nameTokens(raw: string): Token[] {
  // Comma-separated parts that are only titles go ("Ola Nordmann, MSc, fysioterapeut"); two remaining parts
  // are "Etternavn, Fornavn".
  const parts = foldName(raw.replace(/\([^)]*\)/g, ' '))
    .split(',')
    .map((part) => part.split(SPLIT).filter((w) => w !== ''))
    .filter((words) => words.some((w) => !TITLE_FILLERS.has(w) && !isTitle(w.replace(/[^a-z0-9']/g, ''))));
  const words = parts.length === 2 ? [...parts[1]!, ...parts[0]!] : parts.flat();
  const tokens: Token[] = [];
  for (const word of words) {
    const initial = INITIAL.test(word);
    const text = word.replace(/[^a-z0-9']/g, '');
    if (text === '' || (!initial && isTitle(text))) continue;
    tokens.push({ text, initial });
  }
  return tokens;
}

/** Levenshtein distance, small strings only (names). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? Math.max(a.length, b.length);
}

/** 1 for the same word, 0.85 for an initial that fits, a typo-tolerant score for near spellings, else 0. */
function tokenScore(a: Token, b: Token): number {
  if (a.initial || b.initial) return a.text[0] === b.text[0] ? (a.initial && b.initial ? 0.7 : 0.85) : 0;
  if (a.text === b.text) return 1;
  const longest = Math.max(a.text.length, b.text.length);
  if (longest < 4 || Math.abs(a.text.length - b.text.length) > longest * 0.2) return 0;
  const s = 1 - distance(a.text, b.text) / longest;
  return s >= 0.8 ? s : 0;
}

function aligned(short: readonly Token[], long: readonly Token[]): number {
  const first = tokenScore(short[0]!, long[0]!);
  const lastShort = short[short.length - 1]!;
  let last = 0;
  for (let j = 1; j < long.length; j++) last = Math.max(last, tokenScore(lastShort, long[j]!));
  // Both the first and the family name must fit: "Håkon Lie" is not "Guro Lie".
  const score = 0.5 * Math.min(first, last) + 0.5 * ((first + last) / 2);
  const extra = long.length - short.length;
  return score - 0.03 * extra;
}

/**
 * How plausibly two written names are the same person, 0..1. Symmetric. >= {@link SAME_PERSON}: plausible;
 * < {@link DIFFERENT_PERSON}: a different person. A lone first name scores at most 0.6 (cannot be sure).
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = cachedTokens(a);
  const tb = cachedTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length === 1) {
    const only = short[0]!;
    if (long.length === 1) return only.initial || long[0]!.initial ? 0 : tokenScore(only, long[0]!) * 0.6;
    return Math.max(...long.map((t) => tokenScore(only, t))) * 0.6;
  }
  // Written in order, or "Etternavn Fornavn" without the comma.
  const straight = aligned(short, long);
  const reversed = aligned([...short].reverse(), long) - 0.05;
  return Math.max(0, Math.min(1, Math.max(straight, reversed)));
}

export function isPlausiblySamePerson(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= SAME_PERSON;
}
