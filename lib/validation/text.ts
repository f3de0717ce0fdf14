// Small string helpers shared by the validators. Pure.

const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE_RUN = /\s+/gu;
const LETTERS_NOT_DECOMPOSED = /[æøðþßœ]/g;
const REPLACEMENTS: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', ð: 'd', þ: 'th', ß: 'ss', œ: 'oe' };

/**
 * Case- and diacritic-insensitive comparison key: "Bærum" and "BAERUM", "Tromsø" and "TROMSO",
 * "Ås" and "AS" fold to the same string. Whitespace is collapsed; the result is trimmed.
 */
export function foldForCompare(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(LETTERS_NOT_DECOMPOSED, (ch) => REPLACEMENTS[ch] ?? ch)
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** True when the string contains an unpaired UTF-16 surrogate (cannot be encoded, never a valid value). */
export function hasLoneSurrogate(value: string): boolean {
  // `isWellFormed` is Node 20 / Chrome 111 / Firefox 119; fall back to a regex elsewhere.
  const s = value as string & { isWellFormed?: () => boolean };
  if (typeof s.isWellFormed === 'function') return !s.isWellFormed();
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}
