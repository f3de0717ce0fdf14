// A location's mobile number ("Mobilnummer"). Pure and synchronous; safe for the content script.
//
// libphonenumber-js's `/core` entry takes the metadata as its last argument. We pass a slice with only NO, SJ
// and SE, cut from the installed package's own metadata.max.json by scripts/slice-phone-metadata.mjs
// (~3 kB instead of ~157 kB; "max" metadata is what distinguishes mobile from fixed-line numbers).
import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type MetadataJson,
  type NumberType,
} from 'libphonenumber-js/core';
import metadataJson from './phone-metadata.generated.json';
import { hasLoneSurrogate } from './text';
import { countryOf, verdict, type ValidationContext, type Verdict } from './verdict';

const metadata = metadataJson as unknown as MetadataJson;

/** What a person types into a phone field: digits, +, spaces, and the usual separators. */
const PHONE_CHARS = /^[+\d\s().\-/]*$/u;
const INTERNATIONAL_PREFIX = /^\s*(?:\+|00)\s*(\d{1,3})/;
const SUPPORTED_CALLING_CODES = /^(?:46|47)/;
const NORWEGIAN_MOBILE = /^\+47([49]\d{7})$/;
const MAX_INPUT = 40;

const MOBILE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Display form of a number: international format, with Norwegian mobile numbers grouped the Norwegian way
 * ("+47 912 34 567", as Språkrådet recommends) rather than libphonenumber's "+47 91 23 45 67".
 */
export function formatPhoneInternational(e164: string, fallback: string): string {
  const no = NORWEGIAN_MOBILE.exec(e164);
  if (no?.[1]) return `+47 ${no[1].slice(0, 3)} ${no[1].slice(3, 5)} ${no[1].slice(5)}`;
  return fallback;
}

/** The normalised display form of a valid NO/SE number, or undefined. */
export function normalizePhone(value: string, ctx: ValidationContext = {}): string | undefined {
  if (value.length > MAX_INPUT || !PHONE_CHARS.test(value)) return undefined;
  const parsed = parse(value, countryOf(ctx));
  if (!parsed || !parsed.isValid()) return undefined;
  return formatPhoneInternational(parsed.number, parsed.formatInternational());
}

function parse(value: string, country: CountryCode) {
  try {
    return parsePhoneNumberFromString(value, { defaultCountry: country }, metadata);
  } catch {
    return undefined;
  }
}

/**
 * Must be a valid Norwegian (default) or Swedish (for Swedish locations) number of type MOBILE or
 * FIXED_LINE_OR_MOBILE. An international prefix (+46 / +47 / 0047) overrides the default country.
 */
export function validateMobilePhone(value: string, ctx: ValidationContext = {}): Verdict {
  const trimmed = value.trim();
  if (trimmed.length === 0) return verdict('warning', 'validation.phone.empty');
  if (trimmed.length > MAX_INPUT) return verdict('error', 'validation.phone.tooLong');
  if (hasLoneSurrogate(trimmed) || !PHONE_CHARS.test(trimmed)) return verdict('error', 'validation.phone.characters');
  const intl = INTERNATIONAL_PREFIX.exec(trimmed);
  if (intl?.[1] && !SUPPORTED_CALLING_CODES.test(intl[1])) {
    return verdict('error', 'validation.phone.unsupportedCountry');
  }
  const country = countryOf(ctx);
  let lengthProblem: string | undefined;
  try {
    lengthProblem = validatePhoneNumberLength(trimmed, { defaultCountry: country }, metadata);
  } catch {
    lengthProblem = 'NOT_A_NUMBER';
  }
  if (lengthProblem === 'TOO_SHORT') return verdict('error', 'validation.phone.tooShort');
  if (lengthProblem === 'TOO_LONG') return verdict('error', 'validation.phone.tooLong');
  if (lengthProblem === 'INVALID_COUNTRY') return verdict('error', 'validation.phone.unsupportedCountry');
  const parsed = parse(trimmed, country);
  if (!parsed || lengthProblem !== undefined || !parsed.isValid()) {
    return verdict('error', country === 'SE' ? 'validation.phone.invalid.se' : 'validation.phone.invalid.no');
  }
  const type = parsed.getType();
  if (type === undefined || !MOBILE_TYPES.has(type)) {
    return verdict('error', 'validation.phone.notMobile', { number: formatPhoneInternational(parsed.number, parsed.formatInternational()) });
  }
  const display = formatPhoneInternational(parsed.number, parsed.formatInternational());
  if (display !== trimmed) {
    return verdict('ok', 'validation.phone.ok', { number: display }, { value: display, labelKey: 'validation.phone.fix.format' });
  }
  return verdict('ok', 'validation.phone.ok', { number: display });
}
