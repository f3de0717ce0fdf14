/**
 * Validates one portal form field for the content script: the synchronous validators from
 * lib/validation, then — where a public register exists — the register (Brønnøysund for organisation
 * numbers, Kartverket for addresses). Register trouble gives "could not verify now", never "valid".
 * Runs in the background: the validators, libphonenumber and the spell checker stay out of the content
 * script's bundle.
 */
import { validateInvitationEmail, validateInvoiceEmail } from '../validation/email';
import { validateWebsite } from '../validation/website';
import { validateMobilePhone } from '../validation/phone';
import { normalizeOrgnr, validateOrgnr } from '../validation/orgnr';
import { validatePostalCode, type AddressInput, type AddressSuggestion } from '../validation/address';
import { validateFacilities, validateTreatmentOfferings } from '../validation/facilities';
import type { ValidationContext, Verdict } from '../validation/verdict';
import type { BrregClient } from '../validation/registers/brreg';
import type { KartverketClient } from '../validation/registers/kartverket';

export const FIELD_KINDS = ['invoiceEmail', 'invitationEmail', 'website', 'mobile', 'orgnr', 'postalCode', 'address', 'facilities', 'treatments'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export type FieldInput =
  | { field: Exclude<FieldKind, 'address' | 'facilities' | 'treatments'>; value: string }
  | { field: 'facilities' | 'treatments'; value: string[] }
  | { field: 'address'; value: AddressInput };

export interface FieldVerdict {
  verdict: Verdict;
  /** Address only: what to pick from, and each of the four fields' own verdict. */
  suggestions?: AddressSuggestion[];
  fields?: Partial<Record<keyof AddressInput, Verdict>>;
}

export interface FieldValidatorDeps {
  brreg?: Pick<BrregClient, 'checkOrgnr'>;
  kartverket?: Pick<KartverketClient, 'checkAddress'>;
}

/** The synchronous part: never throws, never touches the network. */
export function validateFieldSync(input: FieldInput, ctx: ValidationContext): Verdict {
  switch (input.field) {
    case 'invoiceEmail':
      return validateInvoiceEmail(input.value, ctx);
    case 'invitationEmail':
      return validateInvitationEmail(input.value, ctx);
    case 'website':
      return validateWebsite(input.value, ctx);
    case 'mobile':
      return validateMobilePhone(input.value, ctx);
    case 'orgnr':
      return validateOrgnr(input.value, ctx);
    case 'postalCode':
      return validatePostalCode(input.value, ctx);
    case 'facilities':
      return validateFacilities(input.value, ctx);
    case 'treatments':
      return validateTreatmentOfferings(input.value, ctx);
    case 'address':
      return validatePostalCode(input.value.postalCode, ctx);
  }
}

export function createFieldValidator(deps: FieldValidatorDeps) {
  return async function validateField(input: FieldInput, ctx: ValidationContext, signal?: AbortSignal): Promise<FieldVerdict> {
    const sync = validateFieldSync(input, ctx);
    if (input.field === 'orgnr' && sync.severity !== 'error' && (ctx.country ?? 'NO') === 'NO' && deps.brreg) {
      const digits = normalizeOrgnr(input.value, ctx);
      const register = await deps.brreg.checkOrgnr(digits, signal);
      // The register's word replaces "checksum only"; its outage keeps the checksum verdict visible too.
      return { verdict: register.severity === 'unverified' ? { ...register, params: { ...register.params, orgnr: digits } } : register };
    }
    if (input.field === 'address') {
      const { street, postalCode } = input.value;
      if (sync.severity === 'error' && postalCode.trim() !== '') return { verdict: sync, fields: { postalCode: sync } };
      if (!street.trim() || !deps.kartverket) return { verdict: sync };
      const checked = await deps.kartverket.checkAddress(input.value, signal);
      return { verdict: { severity: checked.severity, key: checked.key, ...(checked.params ? { params: checked.params } : {}), ...(checked.fix ? { fix: checked.fix } : {}) }, suggestions: [...checked.suggestions], fields: { ...checked.fields } };
    }
    return { verdict: sync };
  };
}

export type FieldValidator = ReturnType<typeof createFieldValidator>;
