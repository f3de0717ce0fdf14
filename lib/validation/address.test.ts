import { describe, expect, it } from 'vitest';
import { addressSearchParams, interpretAddressSearch, MAX_SUGGESTIONS, validatePostalCode, verdictForAddressLookup, type AddressInput } from './address';

type Row = { adressenavn: string; nummer: number; bokstav: string; postnummer: string; poststed: string; kommunenummer: string; kommunenavn: string };
const row = (adressenavn: string, nummer: number, bokstav: string, postnummer: string, poststed: string, kommunenummer: string, kommunenavn: string) => ({
  adressenavn,
  adressetekst: `${adressenavn} ${nummer}${bokstav}`,
  nummer,
  bokstav,
  postnummer,
  poststed,
  kommunenummer,
  kommunenavn,
  objtype: 'Vegadresse',
  representasjonspunkt: { epsg: 'EPSG:4258', lat: 59.9, lon: 10.7 },
  stedfestingverifisert: true,
});
const answer = (...rows: Row[]) => ({ metadata: { totaltAntallTreff: rows.length, treffPerSide: 10, side: 0 }, adresser: rows });

const myrvoll = row('Myrvollveien', 5, 'C', '1415', 'OPPEGÅRD', '3207', 'NORDRE FOLLO');
const havnegata = row('Havnegata', 48, '', '8900', 'BRØNNØYSUND', '1813', 'BRØNNØY');
const karlJohan = row('Karl Johans gate', 12, 'A', '0154', 'OSLO', '0301', 'OSLO');
const bryggen = row('Bryggen', 9, '', '5003', 'BERGEN', '4601', 'BERGEN');
const storgataOslo = row('Storgata', 1, '', '0155', 'OSLO', '0301', 'OSLO');
const storgataTromso = row('Storgata', 1, '', '9008', 'TROMSØ', '5501', 'TROMSØ');

const input = (street: string, postalCode: string, postalPlace: string, municipality: string): AddressInput => ({ street, postalCode, postalPlace, municipality });

describe('validatePostalCode', () => {
  it.each(['0154', '1415', '8900', ' 9008 '])('%j is a Norwegian postal code', (code) => {
    expect(validatePostalCode(code)).toMatchObject({ severity: 'ok' });
  });
  it.each(['154', '01540', 'O154', '01 54', '١٤١٥'])('%j is not', (code) => {
    expect(validatePostalCode(code)).toMatchObject({ severity: 'error', key: 'validation.postalCode.format.no' });
  });
  it('empty, and Swedish codes', () => {
    expect(validatePostalCode('')).toMatchObject({ severity: 'error', key: 'validation.postalCode.empty' });
    expect(validatePostalCode('114 55', { country: 'SE' })).toMatchObject({ severity: 'ok' });
    expect(validatePostalCode('11455', { country: 'SE' })).toMatchObject({ severity: 'ok' });
    expect(validatePostalCode('1145', { country: 'SE' })).toMatchObject({ severity: 'error', key: 'validation.postalCode.format.se' });
  });
});

describe('interpretAddressSearch', () => {
  it.each([
    [input('Myrvollveien 5C', '1415', 'Oppegård', 'Nordre Follo'), myrvoll],
    [input('myrvollveien 5 c', '1415', 'OPPEGARD', 'nordre follo'), myrvoll],
    [input('Havnegata 48', '8900', 'Brønnøysund', 'Brønnøy'), havnegata],
    [input('Havnegata 48', '8900', 'Bronnoysund', 'Bronnoy'), havnegata],
    [input('Karl Johans gate 12A', '0154', 'Oslo', 'Oslo'), karlJohan],
    [input('  Bryggen  9 ', ' 5003 ', 'Bergen', 'Bergen'), bryggen],
  ])('%j matches the register', (typed, r) => {
    const v = interpretAddressSearch(typed, answer(r, storgataOslo));
    expect(v.severity).toBe('ok');
    expect(v.key).toBe('validation.address.ok');
    expect(v.match?.label).toBe(`${r.adressetekst}, ${r.postnummer} ${r.poststed}`);
    expect(v.suggestions).toEqual([]);
  });

  it('flags a postal place that does not belong to the postal code, with the register value as fix', () => {
    const v = interpretAddressSearch(input('Myrvollveien 5C', '1415', 'Kolbotn', 'Nordre Follo'), answer(myrvoll));
    expect(v).toMatchObject({ severity: 'error', key: 'validation.address.postalPlaceMismatch', params: { expected: 'OPPEGÅRD', postalCode: '1415' } });
    expect(v.fields.postalPlace?.fix).toEqual({ value: 'OPPEGÅRD', labelKey: 'validation.address.fix.use' });
    expect(v.fields.municipality).toBeUndefined();
  });

  it('flags the old municipality name (Oppegård became Nordre Follo)', () => {
    const v = interpretAddressSearch(input('Myrvollveien 5C', '1415', 'Oppegård', 'Oppegård'), answer(myrvoll));
    expect(v).toMatchObject({ severity: 'error', key: 'validation.address.municipalityMismatch', params: { expected: 'NORDRE FOLLO' } });
    expect(v.fields.municipality?.fix?.value).toBe('NORDRE FOLLO');
  });

  it('flags a postal code that does not match the street', () => {
    const v = interpretAddressSearch(input('Karl Johans gate 12A', '0155', 'Oslo', 'Oslo'), answer(karlJohan));
    expect(v).toMatchObject({ severity: 'error', key: 'validation.address.postalCodeMismatch', params: { postalCode: '0154' }, fix: { value: '0154' } });
    expect(v.suggestions.map((s) => s.label)).toEqual(['Karl Johans gate 12A, 0154 OSLO']);
  });

  it('suggests register rows (formatted "Storgata 1, 0155 OSLO"), same postal code first, at most five', () => {
    const many = Array.from({ length: 8 }, (_, i) => row('Storgata', i + 2, '', '9008', 'TROMSØ', '5501', 'TROMSØ'));
    const v = interpretAddressSearch(input('Storgata 99', '0155', 'Oslo', 'Oslo'), answer(...many, storgataTromso, storgataOslo));
    expect(v).toMatchObject({ severity: 'warning', key: 'validation.address.notFoundSuggest' });
    expect(v.suggestions).toHaveLength(MAX_SUGGESTIONS);
    expect(v.suggestions[0]).toEqual({ label: 'Storgata 1, 0155 OSLO', street: 'Storgata 1', postalCode: '0155', postalPlace: 'OSLO', municipality: 'OSLO', municipalityNumber: '0301' });
  });

  it('an empty answer is "not found", without suggestions', () => {
    expect(interpretAddressSearch(input('Finnesikkeveien 1', '0155', 'Oslo', 'Oslo'), answer())).toMatchObject({
      severity: 'warning',
      key: 'validation.address.notFound',
      suggestions: [],
    });
  });

  it('a missing house number is a warning; a letter must match too', () => {
    expect(interpretAddressSearch(input('Havnegata', '8900', 'Brønnøysund', 'Brønnøy'), answer(havnegata))).toMatchObject({ severity: 'warning', key: 'validation.address.noNumber' });
    expect(interpretAddressSearch(input('Myrvollveien 5B', '1415', 'Oppegård', 'Nordre Follo'), answer(myrvoll))).toMatchObject({ severity: 'warning', key: 'validation.address.notFoundSuggest' });
    expect(interpretAddressSearch(input('', '1415', 'Oppegård', 'Nordre Follo'), answer(myrvoll))).toMatchObject({ severity: 'error', key: 'validation.address.streetEmpty' });
  });

  it('is tolerant of unknown fields and drops malformed rows; garbage is unverified', () => {
    const v = interpretAddressSearch(input('Bryggen 9', '5003', 'Bergen', 'Bergen'), { adresser: [{ junk: true }, 42, { ...bryggen, extra: [1, 2] }] });
    expect(v.severity).toBe('ok');
    for (const body of [null, 'x', 42, {}, { adresser: 'no' }]) {
      expect(interpretAddressSearch(input('Bryggen 9', '5003', 'Bergen', 'Bergen'), body)).toMatchObject({ severity: 'unverified', key: 'validation.address.unreadable' });
    }
  });

  it('maps client results; outages are unverified', () => {
    const typed = input('Bryggen 9', '5003', 'Bergen', 'Bergen');
    expect(verdictForAddressLookup(typed, { kind: 'ok', data: answer(bryggen) }).severity).toBe('ok');
    expect(verdictForAddressLookup(typed, { kind: 'unavailable', reason: 'timeout' })).toMatchObject({ severity: 'unverified', key: 'validation.address.unavailable' });
  });
});

describe('addressSearchParams', () => {
  it('restricts to the postal code only when asked and when it is 4 digits', () => {
    expect(addressSearchParams(input('Bryggen 9', '5003', '', ''), true)).toMatchObject({ sok: 'Bryggen 9', postnummer: '5003', fuzzy: 'false' });
    expect(addressSearchParams(input('Bryggen 9', '5003', '', ''), false)).not.toHaveProperty('postnummer');
    expect(addressSearchParams(input('Bryggen 9', '50', '', ''), true)).not.toHaveProperty('postnummer');
  });
});
