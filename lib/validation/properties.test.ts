// Property tests: no validator throws on any input (lone surrogates, RTL text, huge strings), normalisers are
// idempotent, and validation stays fast enough for every keystroke.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretAddressSearch, validatePostalCode } from './address';
import { normalizeEmail, validateInvitationEmail, validateInvoiceEmail } from './email';
import { validateFacilities, validateTreatmentOfferings } from './facilities';
import { interpretBrregResponse, normalizeOrgnr, validateOrgnr } from './orgnr';
import { normalizePhone, validateMobilePhone } from './phone';
import { foldForCompare } from './text';
import { SEVERITY_RANK, type ValidationContext, type Verdict } from './verdict';
import { normalizeWebsite, validateWebsite } from './website';

const contexts: ValidationContext[] = [{}, { country: 'SE' }, { adminEmail: 'kari@fysio.no', country: 'NO' }];

const stringValidators: Record<string, (value: string, ctx: ValidationContext) => Verdict> = {
  validateInvoiceEmail,
  validateInvitationEmail,
  validateWebsite,
  validateMobilePhone,
  validateOrgnr,
  validatePostalCode,
  address: (value) => interpretAddressSearch({ street: value, postalCode: value, postalPlace: value, municipality: value }, { adresser: [{ adressenavn: value, nummer: 1, bokstav: value, postnummer: '0155', poststed: value, kommunenavn: value }] }),
};

const RTL = ['مرحبا@مثال.السعودية', 'שלום.co.il', '‏+47 912 34 567‏', 'www.موقع.مصر', '\u202e998234824'];
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('@', '.', '+', '-', ' ', '/', ':', '0', '9', 'a', 'ø', '\uD800', '\uDC00', '\u200f', 'ß') }),
  fc.constantFrom(...RTL),
);

function assertVerdict(v: Verdict): void {
  expect(SEVERITY_RANK[v.severity]).toBeTypeOf('number');
  expect(v.key.startsWith('validation.')).toBe(true);
}

describe('no validator throws', () => {
  for (const [name, validate] of Object.entries(stringValidators)) {
    it(`${name}: any string, any context`, () => {
      fc.assert(
        fc.property(anyString, fc.constantFrom(...contexts), (value, ctx) => {
          assertVerdict(validate(value, ctx));
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: RTL text and 100k-character strings`, () => {
      for (const value of [...RTL, 'a'.repeat(100_000), `${'9'.repeat(100_000)}`, `post@${'x'.repeat(100_000)}.no`, '\uD800'.repeat(100_000)]) {
        for (const ctx of contexts) assertVerdict(validate(value, ctx));
      }
    });
  }

  it('facilities accept any count', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.array(fc.anything())), (selection) => {
        assertVerdict(validateFacilities(selection));
        assertVerdict(validateTreatmentOfferings(selection));
      }),
    );
  });

  it('interpretBrregResponse and interpretAddressSearch accept any status and any JSON', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 999 }), fc.anything(), (status, body) => {
        assertVerdict(interpretBrregResponse(status, body));
        assertVerdict(interpretAddressSearch({ street: 'Bryggen 9', postalCode: '5003', postalPlace: 'Bergen', municipality: 'Bergen' }, body));
      }),
    );
  });

  it('interpretBrregResponse never says ok for a non-200 status', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }).filter((s) => s !== 200), fc.anything(), (status, body) => {
        expect(interpretBrregResponse(status, body).severity).not.toBe('ok');
      }),
    );
  });
});

describe('normalisers are idempotent and total', () => {
  const cases: Record<string, (value: string) => string | undefined> = {
    normalizeWebsite,
    normalizeEmail,
    normalizeOrgnr: (v) => normalizeOrgnr(v),
    normalizeOrgnrSE: (v) => normalizeOrgnr(v, { country: 'SE' }),
    normalizePhone: (v) => normalizePhone(v),
    foldForCompare,
  };
  for (const [name, normalize] of Object.entries(cases)) {
    it(name, () => {
      fc.assert(
        fc.property(anyString, (value) => {
          const once = normalize(value);
          if (once !== undefined) expect(normalize(once)).toBe(once);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('the website fix, once applied, is not offered again', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const fix = validateWebsite(url).fix;
        if (fix) expect(validateWebsite(fix.value).fix?.value ?? fix.value).toBe(fix.value);
      }),
    );
  });
});

describe('speed (per keystroke budget < 1 ms p95)', () => {
  it('typical inputs validate well within budget', () => {
    const inputs: Array<[(v: string, c: ValidationContext) => Verdict, string]> = [
      [validateInvoiceEmail, 'kari.nordmann@gmial.com'],
      [validateInvoiceEmail, 'faktura@fysio-ås.no'],
      [validateWebsite, 'www.fysio-ås.no/om-oss'],
      [validateMobilePhone, '+47 912 34 567'],
      [validateOrgnr, '998 234 824'],
      [validatePostalCode, '0154'],
    ];
    for (const [validate, value] of inputs) validate(value, {}); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      for (const [validate, value] of inputs) {
        const t0 = performance.now();
        validate(value, {});
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    expect(p95).toBeLessThan(1);
  });
});
