import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createFieldValidator, validateFieldSync } from './field-validation';
import type { AddressVerdict } from '../validation/address';

describe('field validation in the background', () => {
  it('dispatches each field kind to its validator', () => {
    expect(validateFieldSync({ field: 'invoiceEmail', value: '' }, {}).severity).toBe('warning');
    expect(validateFieldSync({ field: 'invoiceEmail', value: 'kari@gmail.com' }, { adminEmail: 'KARI@gmail.com' }).key).toBe('validation.email.invoice.sameAsAdmin');
    expect(validateFieldSync({ field: 'invitationEmail', value: '' }, {}).severity).toBe('error');
    expect(validateFieldSync({ field: 'website', value: 'http://fysio.no' }, {}).severity).toBe('warning');
    expect(validateFieldSync({ field: 'mobile', value: '22 60 45 10' }, {}).key).toBe('validation.phone.notMobile');
    expect(validateFieldSync({ field: 'mobile', value: '912 34 567' }, {}).severity).toBe('ok');
    expect(validateFieldSync({ field: 'orgnr', value: '998 234 825' }, {}).severity).toBe('error');
    expect(validateFieldSync({ field: 'facilities', value: [] }, {}).severity).toBe('warning');
  });

  it('asks Brønnøysund only when the checksum holds', async () => {
    const brreg = { checkOrgnr: vi.fn(async () => ({ severity: 'error' as const, key: 'validation.orgnr.brreg.bankrupt' as const })) };
    const validate = createFieldValidator({ brreg });
    expect((await validate({ field: 'orgnr', value: '998 234 825' }, {})).verdict.severity).toBe('error');
    expect(brreg.checkOrgnr).not.toHaveBeenCalled();
    expect((await validate({ field: 'orgnr', value: '998 234 824' }, {})).verdict.key).toBe('validation.orgnr.brreg.bankrupt');
    expect(brreg.checkOrgnr).toHaveBeenCalledWith('998234824', undefined);
  });

  it('checks addresses in Kartverket and passes suggestions and field verdicts on', async () => {
    const checked = {
      severity: 'error',
      key: 'validation.address.postalCodeMismatch',
      fields: { postalCode: { severity: 'error', key: 'validation.address.postalCodeMismatch' } },
      suggestions: [{ label: 'Storgata 1, 0155 OSLO', street: 'Storgata 1', postalCode: '0155', postalPlace: 'OSLO', municipality: 'OSLO' }],
    } as unknown as AddressVerdict;
    const kartverket = { checkAddress: vi.fn(async () => checked) };
    const validate = createFieldValidator({ kartverket });
    const r = await validate({ field: 'address', value: { street: 'Storgata 1', postalCode: '0150', postalPlace: 'OSLO', municipality: 'OSLO' } }, {});
    expect(r.verdict.key).toBe('validation.address.postalCodeMismatch');
    expect(r.suggestions?.[0]?.label).toBe('Storgata 1, 0155 OSLO');
    expect(r.fields?.postalCode?.severity).toBe('error');
    expect((await validate({ field: 'address', value: { street: '', postalCode: '', postalPlace: '', municipality: '' } }, {})).verdict.severity).not.toBe('ok');
    expect(kartverket.checkAddress).toHaveBeenCalledTimes(1);
  });

  it('never throws on any text', async () => {
    const validate = createFieldValidator({});
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('invoiceEmail', 'invitationEmail', 'website', 'mobile', 'orgnr', 'postalCode'), fc.string({ unit: 'binary', maxLength: 300 }), async (field, value) => {
        const r = await validate({ field, value } as never, {});
        expect(r.verdict.key).toMatch(/^validation\./);
      }),
      { numRuns: 300 },
    );
  });
});
