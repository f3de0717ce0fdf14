import { describe, expect, it } from 'vitest';
import { formatPhoneInternational, normalizePhone, validateMobilePhone } from './phone';

describe('validateMobilePhone (Norway by default)', () => {
  it.each([
    ['91234567', '+47 912 34 567'],
    ['912 34 567', '+47 912 34 567'],
    ['+47 912 34 567', '+47 912 34 567'],
    ['0047 41234567', '+47 412 34 567'],
    ['+47 (412) 34-567', '+47 412 34 567'],
    ['47 12 34 56', '+47 471 23 456'],
    ['+46 70 123 45 67', '+46 70 123 45 67'],
  ])('%s is a mobile number, shown as %s', (input, display) => {
    const v = validateMobilePhone(input);
    expect(v).toMatchObject({ severity: 'ok', key: 'validation.phone.ok', params: { number: display } });
    if (input === display) expect(v.fix).toBeUndefined();
    else expect(v.fix).toEqual({ value: display, labelKey: 'validation.phone.fix.format' });
  });

  it.each([
    ['22 00 00 00', 'validation.phone.notMobile'], // Oslo landline
    ['55 55 55 55', 'validation.phone.notMobile'], // Bergen landline
    ['800 12 345', 'validation.phone.notMobile'], // freephone
    ['79 01 23 45', 'validation.phone.notMobile'], // Svalbard landline (SJ shares +47)
    ['9123', 'validation.phone.tooShort'],
    ['912345678', 'validation.phone.tooLong'],
    ['+45 12 34 56 78', 'validation.phone.unsupportedCountry'],
    ['0045 12345678', 'validation.phone.unsupportedCountry'],
    ['912 34 abc', 'validation.phone.characters'],
    ['tlf: 91234567', 'validation.phone.characters'],
    ['1234 5678', 'validation.phone.invalid.no'],
  ])('%s -> error %s', (input, key) => {
    expect(validateMobilePhone(input)).toMatchObject({ severity: 'error', key });
  });

  it('empty is a warning', () => {
    expect(validateMobilePhone(' ')).toEqual({ severity: 'warning', key: 'validation.phone.empty' });
  });
});

describe('validateMobilePhone for Swedish locations', () => {
  const se = { country: 'SE' } as const;
  it.each([
    ['070-123 45 67', '+46 70 123 45 67'],
    ['0701234567', '+46 70 123 45 67'],
    ['+46 73 123 45 67', '+46 73 123 45 67'],
    ['+47 912 34 567', '+47 912 34 567'],
  ])('%s ok as %s', (input, display) => {
    expect(validateMobilePhone(input, se)).toMatchObject({ severity: 'ok', params: { number: display } });
  });
  it('rejects a Stockholm landline and a Norwegian national number', () => {
    expect(validateMobilePhone('08-123 456 78', se)).toMatchObject({ severity: 'error', key: 'validation.phone.notMobile' });
    expect(validateMobilePhone('912 34 567', se)).toMatchObject({ severity: 'error' });
  });
});

describe('normalizePhone / formatPhoneInternational', () => {
  it('groups Norwegian mobiles 3-2-3 and leaves others to libphonenumber', () => {
    expect(formatPhoneInternational('+4791234567', '+47 91 23 45 67')).toBe('+47 912 34 567');
    expect(formatPhoneInternational('+4722000000', '+47 22 00 00 00')).toBe('+47 22 00 00 00');
    expect(normalizePhone('91234567')).toBe('+47 912 34 567');
    expect(normalizePhone('22000000')).toBe('+47 22 00 00 00');
    expect(normalizePhone('x')).toBeUndefined();
  });
  it('is idempotent', () => {
    for (const n of ['91234567', '22000000', '+46701234567']) {
      const once = normalizePhone(n)!;
      expect(normalizePhone(once)).toBe(once);
    }
  });
});
