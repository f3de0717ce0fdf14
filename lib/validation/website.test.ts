import { describe, expect, it } from 'vitest';
import { normalizeWebsite, validateWebsite } from './website';

describe('normalizeWebsite', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['fysio.no', 'https://fysio.no'],
    ['  www.fysio.no/om-oss  ', 'https://www.fysio.no/om-oss'],
    ['//fysio.no', 'https://fysio.no'],
    ['https://fysio.no', 'https://fysio.no'],
    ['HTTP://fysio.no', 'HTTP://fysio.no'],
    ['fysio.no:8080/x', 'https://fysio.no:8080/x'],
    // eslint-disable-next-line no-script-url -- the validator must reject script URLs; this is the input
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['fysio-ås.no', 'https://fysio-ås.no'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeWebsite(input)).toBe(expected);
    expect(normalizeWebsite(normalizeWebsite(input))).toBe(expected);
  });
});

describe('validateWebsite', () => {
  it.each(['https://www.fysio.no', 'https://fysio-ås.no', 'https://www.xn--fysio-s-xxa.no/', 'https://fysio.no/behandling?x=1#topp', 'https://sub.domene.co.uk', 'https://fysio.no.'])(
    'accepts %s',
    (url) => {
      expect(validateWebsite(url)).toEqual({ severity: 'ok', key: 'validation.website.ok' });
    },
  );

  it('offers the normalised form as info', () => {
    expect(validateWebsite('www.fysio.no')).toEqual({
      severity: 'info',
      key: 'validation.website.normalized',
      params: { value: 'https://www.fysio.no' },
      fix: { value: 'https://www.fysio.no', labelKey: 'validation.website.fix.apply' },
    });
    expect(validateWebsite('fysio-ås.no')).toMatchObject({ severity: 'info', fix: { value: 'https://fysio-ås.no' } });
  });

  it('warns on empty (insurers use the website)', () => {
    expect(validateWebsite('  ')).toEqual({ severity: 'warning', key: 'validation.website.empty' });
  });

  it('warns on http:// and offers https://', () => {
    expect(validateWebsite('http://fysio.no')).toMatchObject({
      severity: 'warning',
      key: 'validation.website.insecure',
      fix: { value: 'https://fysio.no', labelKey: 'validation.website.fix.https' },
    });
  });

  it.each([
    ['ftp://fysio.no', 'validation.website.scheme'],
    // eslint-disable-next-line no-script-url -- the validator must reject script URLs; this is the input
    ['javascript:alert(1)', 'validation.website.scheme'],
    ['mailto:post@fysio.no', 'validation.website.scheme'],
    ['data:text/html,hi', 'validation.website.scheme'],
    ['https://localhost', 'validation.website.noDot'],
    ['fysio', 'validation.website.noDot'],
    ['https://192.168.0.1', 'validation.website.tld'],
    ['https://fysio.n', 'validation.website.tld'],
    ['https://fysio .no', 'validation.website.invalid'],
    ['https://', 'validation.website.invalid'],
    ['https://fysio_as.no', 'validation.website.invalid'],
    ['https://user:pw@fysio.no', 'validation.website.credentials'],
    [`https://fysio.no/${'a'.repeat(3000)}`, 'validation.website.tooLong'],
    ['https://fysio.no/\uDC00', 'validation.website.invalid'],
  ])('rejects %s with %s', (url, key) => {
    expect(validateWebsite(url)).toMatchObject({ severity: 'error', key });
  });

  it('catches TLD typos and suggests the intended one', () => {
    expect(validateWebsite('www.fysio.con')).toMatchObject({
      severity: 'warning',
      key: 'validation.website.tldTypo',
      params: { host: 'www.fysio.com' },
      fix: { value: 'https://www.fysio.com' },
    });
    expect(validateWebsite('https://fysio.nno/om?x=1')).toMatchObject({ fix: { value: 'https://fysio.no/om?x=1' } });
  });
});
