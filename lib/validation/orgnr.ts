// Organisation numbers: Norwegian (MOD11) and Swedish (Luhn), plus the pure interpretation of
// Enhetsregisteret (Brønnøysund) answers. Safe for the content script (zod/mini only).
import * as z from 'zod/mini';
import type { RegisterResult } from './registers/result';
import { countryOf, verdict, type ValidationContext, type Verdict } from './verdict';

const NO_SEPARATORS = /[\s.\u00a0]/gu;
const SE_SEPARATORS = /[\s.\u00a0-]/gu;
const DIGITS = /^\d+$/;
const NO_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;
const MAX_INPUT = 40;

/** Digits only: spaces (also non-breaking) and dots removed; for Sweden also the hyphen. */
export function normalizeOrgnr(value: string, ctx: ValidationContext = {}): string {
  return value.replace(countryOf(ctx) === 'SE' ? SE_SEPARATORS : NO_SEPARATORS, '');
}

/** "998234824" -> "998 234 824" (the usual way of writing it); anything else unchanged. */
export function formatOrgnr(digits: string): string {
  return /^\d{9}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : digits;
}

/**
 * MOD11 check digit for the first 8 digits, or undefined when the remainder is 1 (no number can have it).
 * Weights 3,2,7,6,5,4,3,2; r = sum mod 11; 0 if r = 0, else 11 − r.
 */
export function norwegianCheckDigit(first8: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (first8.charCodeAt(i) - 48) * NO_WEIGHTS[i]!;
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return undefined;
  return 11 - r;
}

export function isValidNorwegianOrgnr(digits: string): boolean {
  if (digits.length !== 9 || !DIGITS.test(digits)) return false;
  return norwegianCheckDigit(digits) === digits.charCodeAt(8) - 48;
}

/** Luhn over 10 digits (the Swedish organisationsnummer / personnummer without century). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function plausibleBirthDate(ten: string): boolean {
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  if (day > 60) day -= 60; // samordningsnummer
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function validateNorwegian(value: string): Verdict {
  const digits = normalizeOrgnr(value);
  if (!DIGITS.test(digits)) return verdict('error', 'validation.orgnr.characters');
  if (digits.length !== 9) return verdict('error', 'validation.orgnr.length.no', { count: digits.length });
  const expected = norwegianCheckDigit(digits);
  if (expected === undefined || expected !== digits.charCodeAt(8) - 48) return verdict('error', 'validation.orgnr.checksum');
  if (digits !== value.trim()) {
    return verdict('ok', 'validation.orgnr.checksumOk', { orgnr: formatOrgnr(digits) }, { value: digits, labelKey: 'validation.orgnr.fix.digitsOnly' });
  }
  return verdict('ok', 'validation.orgnr.checksumOk', { orgnr: formatOrgnr(digits) });
}

function validateSwedish(value: string): Verdict {
  let digits = normalizeOrgnr(value.replace('+', '-'), { country: 'SE' });
  if (!DIGITS.test(digits)) return verdict('error', 'validation.orgnr.characters');
  // A personnummer may be written with the century (YYYYMMDD-NNNN); the check digit covers the last 10.
  if (digits.length === 12 && (digits.startsWith('19') || digits.startsWith('20'))) digits = digits.slice(2);
  if (digits.length !== 10) return verdict('error', 'validation.orgnr.length.se', { count: digits.length });
  if (!luhnValid(digits)) return verdict('error', 'validation.orgnr.checksum');
  const display = `${digits.slice(0, 6)}-${digits.slice(6)}`;
  const fix = display !== value.trim() ? { value: display, labelKey: 'validation.orgnr.fix.format' as const } : undefined;
  if (digits.charCodeAt(2) - 48 >= 2) return verdict('ok', 'validation.orgnr.se.ok', { orgnr: display }, fix);
  if (plausibleBirthDate(digits)) return verdict('info', 'validation.orgnr.se.personnummer', { orgnr: display }, fix);
  return verdict('error', 'validation.orgnr.se.invalid');
}

/**
 * Syntax and check digit only (the register lookup is a separate, asynchronous step). Norwegian by default;
 * Swedish (`NNNNNN-NNNN`) for Swedish firms.
 */
export function validateOrgnr(value: string, ctx: ValidationContext = {}): Verdict {
  if (value.trim().length === 0) return verdict('error', 'validation.orgnr.empty');
  if (value.length > MAX_INPUT) return verdict('error', 'validation.orgnr.characters');
  return countryOf(ctx) === 'SE' ? validateSwedish(value) : validateNorwegian(value);
}

// ---------------------------------------------------------------- Enhetsregisteret

// Schemas are built on first use, not at module load: a content script that imports only validateOrgnr
// then carries no zod code at all (module-level schema construction cannot be tree-shaken).
function buildSchemas() {
  const optionalText = z.catch(z.optional(z.string()), undefined);
  const kode = z.catch(z.optional(z.object({ kode: optionalText, beskrivelse: optionalText })), undefined);
  const adresse = z.catch(
    z.optional(
      z.object({
        adresse: z.catch(z.optional(z.array(z.string())), undefined),
        postnummer: optionalText,
        poststed: optionalText,
        kommunenummer: optionalText,
        kommune: optionalText,
        landkode: optionalText,
        land: optionalText,
      }),
    ),
    undefined,
  );
  /** A flag is trusted only when it is a real boolean or absent; anything else makes the answer unreadable. */
  const flag = z.optional(z.nullable(z.boolean()));
  /** An entity (`/enheter/{orgnr}`) or sub-unit (`/underenheter/{orgnr}`). Unknown fields are ignored. */
  const entity = z.object({
    organisasjonsnummer: z.string(),
    navn: z.string(),
    organisasjonsform: kode,
    naeringskode1: kode,
    hjemmeside: optionalText,
    forretningsadresse: adresse,
    postadresse: adresse,
    beliggenhetsadresse: adresse,
    overordnetEnhet: optionalText,
    konkurs: flag,
    underAvvikling: flag,
    underTvangsavviklingEllerTvangsopplosning: flag,
    slettedato: optionalText,
  });
  const gone = z.object({ slettedato: optionalText });
  return { entity, gone };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
function brregSchemas(): ReturnType<typeof buildSchemas> {
  return (schemas ??= buildSchemas());
}

export type BrregEntity = z.infer<ReturnType<typeof buildSchemas>['entity']>;

/** Parses an Enhetsregisteret entity body (tolerant: unknown fields ignored); undefined when unusable. */
export function parseBrregEntity(body: unknown): BrregEntity | undefined {
  const parsed = z.safeParse(brregSchemas().entity, body);
  return parsed.success ? parsed.data : undefined;
}

/** Verdict for an entity the register returned (status 200). */
export function verdictForBrregEntity(entity: BrregEntity): Verdict {
  const name = entity.navn;
  if (entity.slettedato) return verdict('error', 'validation.orgnr.brreg.deleted', { name, date: entity.slettedato });
  if (entity.konkurs === true) return verdict('error', 'validation.orgnr.brreg.bankrupt', { name });
  if (entity.underTvangsavviklingEllerTvangsopplosning === true) return verdict('error', 'validation.orgnr.brreg.forcedDissolution', { name });
  if (entity.underAvvikling === true) return verdict('error', 'validation.orgnr.brreg.windingUp', { name });
  return verdict('ok', 'validation.orgnr.brreg.ok', { name });
}

/**
 * Turns an Enhetsregisteret answer into a verdict: 200 -> the entity's status; 404 -> no such entity;
 * 410 -> removed from public view (not the same as deleted); anything else, or an unreadable body, -> unverified.
 * `requested` (digits), when given, must match the answer's organisasjonsnummer.
 */
export function interpretBrregResponse(status: number, body: unknown, requested?: string): Verdict {
  if (status === 200) {
    const entity = parseBrregEntity(body);
    if (entity === undefined) return verdict('unverified', 'validation.orgnr.brreg.unreadable');
    if (requested !== undefined && entity.organisasjonsnummer.replace(NO_SEPARATORS, '') !== requested) {
      return verdict('unverified', 'validation.orgnr.brreg.unreadable');
    }
    return verdictForBrregEntity(entity);
  }
  if (status === 404) return verdict('error', 'validation.orgnr.brreg.notFound');
  if (status === 410) {
    const gone = z.safeParse(brregSchemas().gone, body);
    const date = gone.success ? gone.data.slettedato : undefined;
    return date ? verdict('warning', 'validation.orgnr.brreg.goneSince', { date }) : verdict('warning', 'validation.orgnr.brreg.gone');
  }
  return verdict('unverified', 'validation.orgnr.brreg.unavailable');
}

/** Verdict for the background client's typed result (see registers/brreg.ts). */
export function verdictForBrregLookup(result: RegisterResult<BrregEntity>): Verdict {
  switch (result.kind) {
    case 'ok':
      return verdictForBrregEntity(result.data);
    case 'not-found':
      return verdict('error', 'validation.orgnr.brreg.notFound');
    case 'gone':
      return verdict('warning', 'validation.orgnr.brreg.gone');
    case 'unavailable':
      return verdict('unverified', result.reason === 'bad-body' ? 'validation.orgnr.brreg.unreadable' : 'validation.orgnr.brreg.unavailable');
  }
}
