// A location's visiting address: postal code syntax, and the pure interpretation of a Kartverket
// address search (https://ws.geonorge.no/adresser/v1/sok). Safe for the content script (zod/mini only).
import * as z from 'zod/mini';
import type { RegisterResult } from './registers/result';
import { foldForCompare } from './text';
import { countryOf, verdict, worstVerdict, type ValidationContext, type Verdict } from './verdict';

const NO_POSTAL = /^\d{4}$/;
const SE_POSTAL = /^\d{3} ?\d{2}$/;
/** "Storgata 1", "Storgata 1 B", "Storgata 1b", "Kongens gate 12A" -> name, number, letter. */
const STREET_WITH_NUMBER = /^(.*?\S)\s*(\d{1,5})\s*([A-Za-zÆØÅæøå])?$/u;
export const MAX_SUGGESTIONS = 5;

export function validatePostalCode(value: string, ctx: ValidationContext = {}): Verdict {
  const trimmed = value.trim();
  if (trimmed.length === 0) return verdict('error', 'validation.postalCode.empty');
  if (countryOf(ctx) === 'SE') {
    return SE_POSTAL.test(trimmed) ? verdict('ok', 'validation.postalCode.ok') : verdict('error', 'validation.postalCode.format.se');
  }
  return NO_POSTAL.test(trimmed) ? verdict('ok', 'validation.postalCode.ok') : verdict('error', 'validation.postalCode.format.no');
}

export interface AddressInput {
  readonly street: string;
  readonly postalCode: string;
  readonly postalPlace: string;
  readonly municipality: string;
}

export type AddressField = keyof AddressInput;

/** One register row, ready to fill the four fields. `label` is e.g. "Storgata 1, 0155 OSLO". */
export interface AddressSuggestion extends AddressInput {
  readonly label: string;
  readonly municipalityNumber?: string;
}

export interface AddressVerdict extends Verdict {
  /** Per-field verdicts, for the fields the check says something about. */
  readonly fields: Readonly<Partial<Record<AddressField, Verdict>>>;
  /** Up to five register rows to pick from (best first); empty when the address matched. */
  readonly suggestions: readonly AddressSuggestion[];
  /** The register row that matched the street and number, if any. */
  readonly match?: AddressSuggestion;
}

// Tolerant schemas, built on first use (module-level construction would pull zod into every importer of
// validatePostalCode): only what we use; unknown fields are ignored, a malformed row is dropped.
function buildSchemas() {
  const text = z.catch(z.optional(z.nullable(z.string())), undefined);
  const row = z.object({
    adressenavn: text,
    adressetekst: text,
    nummer: z.catch(z.optional(z.nullable(z.number())), undefined),
    bokstav: text,
    postnummer: z.string(),
    poststed: z.string(),
    kommunenummer: text,
    kommunenavn: text,
  });
  const search = z.object({ adresser: z.array(z.unknown()) });
  return { row, search };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
function kartverketSchemas(): ReturnType<typeof buildSchemas> {
  return (schemas ??= buildSchemas());
}

export type KartverketRow = z.infer<ReturnType<typeof buildSchemas>['row']>;

/** The `adresser` array of a search answer, unchecked row by row; undefined when the body is not a search answer. */
export function parseKartverketSearch(body: unknown): { adresser: unknown[] } | undefined {
  const parsed = z.safeParse(kartverketSchemas().search, body);
  return parsed.success ? { adresser: parsed.data.adresser } : undefined;
}

/** The rows of a search answer that look like addresses; undefined when the answer is not a search result. */
export function parseKartverketRows(body: unknown): KartverketRow[] | undefined {
  const search = parseKartverketSearch(body);
  if (search === undefined) return undefined;
  const rowSchema = kartverketSchemas().row;
  const rows: KartverketRow[] = [];
  for (const raw of search.adresser) {
    const row = z.safeParse(rowSchema, raw);
    if (row.success && (row.data.adressetekst || row.data.adressenavn)) rows.push(row.data);
  }
  return rows;
}

/** Query parameters for `GET sok`: free text on the street, optionally restricted to a postal code. */
export function addressSearchParams(input: AddressInput, withPostalCode: boolean): Record<string, string> {
  const params: Record<string, string> = {
    sok: input.street.trim().slice(0, 200),
    fuzzy: withPostalCode ? 'false' : 'true',
    treffPerSide: '20',
    side: '0',
    asciiKompatibel: 'true',
  };
  const code = input.postalCode.trim();
  if (withPostalCode && NO_POSTAL.test(code)) params.postnummer = code;
  return params;
}

function streetText(row: KartverketRow): string {
  if (row.adressetekst) return row.adressetekst;
  const letter = row.bokstav ?? '';
  return row.nummer != null ? `${row.adressenavn ?? ''} ${row.nummer}${letter}` : (row.adressenavn ?? '');
}

function toSuggestion(row: KartverketRow): AddressSuggestion {
  const street = streetText(row);
  const s: AddressSuggestion = {
    label: `${street}, ${row.postnummer} ${row.poststed}`,
    street,
    postalCode: row.postnummer,
    postalPlace: row.poststed,
    municipality: row.kommunenavn ?? '',
  };
  return row.kommunenummer ? { ...s, municipalityNumber: row.kommunenummer } : s;
}

interface ParsedStreet {
  readonly name: string;
  readonly number?: string;
  readonly letter: string;
}

function parseStreet(street: string): ParsedStreet {
  const folded = foldForCompare(street.slice(0, 300));
  const m = STREET_WITH_NUMBER.exec(folded);
  if (!m) return { name: folded, letter: '' };
  return { name: m[1]!, number: String(Number(m[2])), letter: (m[3] ?? '').toLowerCase() };
}

function rowStreet(row: KartverketRow): ParsedStreet {
  if (row.adressenavn && row.nummer != null) {
    return { name: foldForCompare(row.adressenavn), number: String(row.nummer), letter: foldForCompare(row.bokstav ?? '') };
  }
  return parseStreet(streetText(row));
}

/** Similarity rank for ordering suggestions: same postal code first, then same street name, then register order. */
function rank(row: KartverketRow, want: ParsedStreet, postalCode: string): number {
  const got = rowStreet(row);
  let score = 0;
  if (row.postnummer === postalCode) score += 4;
  if (got.name === want.name) score += 2;
  if (want.number !== undefined && got.number === want.number) score += 1;
  return score;
}

function suggestionsFrom(rows: readonly KartverketRow[], want: ParsedStreet, postalCode: string): AddressSuggestion[] {
  const seen = new Set<string>();
  const ranked = rows
    .map((row, index) => ({ row, index, score: rank(row, want, postalCode) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const out: AddressSuggestion[] = [];
  for (const { row } of ranked) {
    const s = toSuggestion(row);
    if (seen.has(s.label)) continue;
    seen.add(s.label);
    out.push(s);
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}

function result(v: Verdict, fields: Partial<Record<AddressField, Verdict>>, suggestions: AddressSuggestion[], match?: AddressSuggestion): AddressVerdict {
  return match ? { ...v, fields, suggestions, match } : { ...v, fields, suggestions };
}

/**
 * Checks the four address fields against a Kartverket search answer (`body` = the parsed JSON of `GET sok`;
 * several answers may be merged by concatenating their `adresser`). Street and number must exist in the register;
 * postal place and municipality must agree with the register row for that postal code. Comparison ignores
 * case and diacritics (the register writes place names in upper case).
 */
export function interpretAddressSearch(input: AddressInput, body: unknown): AddressVerdict {
  const rows = parseKartverketRows(body);
  if (rows === undefined) return result(verdict('unverified', 'validation.address.unreadable'), {}, []);
  const street = input.street.trim();
  const postalCode = input.postalCode.trim();
  if (street.length === 0) {
    const v = verdict('error', 'validation.address.streetEmpty');
    return result(v, { street: v }, []);
  }
  const want = parseStreet(street);
  if (want.number === undefined) {
    const v = verdict('warning', 'validation.address.noNumber');
    return result(v, { street: v }, suggestionsFrom(rows, want, postalCode));
  }
  const sameStreet = rows.filter((row) => {
    const got = rowStreet(row);
    return got.name === want.name && got.number === want.number && got.letter === want.letter;
  });
  if (sameStreet.length === 0) {
    const v = rows.length === 0 ? verdict('warning', 'validation.address.notFound', { street }) : verdict('warning', 'validation.address.notFoundSuggest', { street });
    return result(v, { street: v }, suggestionsFrom(rows, want, postalCode));
  }
  const exact = sameStreet.find((row) => row.postnummer === postalCode);
  if (!exact) {
    const first = sameStreet[0]!;
    const v = verdict('error', 'validation.address.postalCodeMismatch', { street, postalCode: first.postnummer }, { value: first.postnummer, labelKey: 'validation.address.fix.postalCode' });
    return result(v, { postalCode: v }, suggestionsFrom(sameStreet, want, postalCode));
  }
  const match = toSuggestion(exact);
  const fields: Partial<Record<AddressField, Verdict>> = { street: verdict('ok', 'validation.address.ok', { address: match.label }), postalCode: verdict('ok', 'validation.postalCode.ok') };
  if (foldForCompare(input.postalPlace) !== foldForCompare(exact.poststed)) {
    fields.postalPlace = verdict('error', 'validation.address.postalPlaceMismatch', { postalCode, expected: exact.poststed }, { value: exact.poststed, labelKey: 'validation.address.fix.use' });
  }
  if (exact.kommunenavn && foldForCompare(input.municipality) !== foldForCompare(exact.kommunenavn)) {
    fields.municipality = verdict('error', 'validation.address.municipalityMismatch', { expected: exact.kommunenavn }, { value: exact.kommunenavn, labelKey: 'validation.address.fix.use' });
  }
  const problem = worstVerdict([fields.postalPlace, fields.municipality]);
  if (problem) return result(problem, fields, [match], match);
  return result(verdict('ok', 'validation.address.ok', { address: match.label }), fields, [], match);
}

/** Verdict for the background client's typed result (see registers/kartverket.ts). */
export function verdictForAddressLookup(input: AddressInput, lookup: RegisterResult<unknown>): AddressVerdict {
  if (lookup.kind === 'ok') return interpretAddressSearch(input, lookup.data);
  return result(verdict('unverified', 'validation.address.unavailable'), {}, []);
}
