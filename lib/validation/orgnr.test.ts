import { describe, expect, it } from 'vitest';
import {
  formatOrgnr,
  interpretBrregResponse,
  isValidNorwegianOrgnr,
  luhnValid,
  normalizeOrgnr,
  norwegianCheckDigit,
  validateOrgnr,
  verdictForBrregLookup,
} from './orgnr';

describe('Norwegian organisation numbers (MOD11)', () => {
  it.each([
    ['998234824', 'DigiCare AS'],
    ['974760673', 'Brønnøysundregistrene'],
    ['123456785', 'documented example'],
    ['971040238', 'Statens kartverk'],
    ['983544622', 'Helsedirektoratet'],
    ['900000030', 'r = 0 gives check digit 0'],
    ['998 234 824', 'with spaces'],
    ['998.234.824', 'with dots'],
    [' 998\u00a0234\u00a0824 ', 'with non-breaking spaces'],
  ])('%s is valid (%s)', (input) => {
    expect(validateOrgnr(input)).toMatchObject({ severity: 'ok', key: 'validation.orgnr.checksumOk', params: { orgnr: formatOrgnr(normalizeOrgnr(input)) } });
  });

  it('offers the digits-only form as a fix when separators were typed', () => {
    expect(validateOrgnr('998 234 824').fix).toEqual({ value: '998234824', labelKey: 'validation.orgnr.fix.digitsOnly' });
    expect(validateOrgnr('998234824').fix).toBeUndefined();
  });

  it.each([
    ['998234825', 'validation.orgnr.checksum'],
    ['974760672', 'validation.orgnr.checksum'],
    ['123456789', 'validation.orgnr.checksum'],
    ['999999760', 'validation.orgnr.checksum'], // r = 1: no check digit is possible
    ['999999769', 'validation.orgnr.checksum'],
    ['99823482', 'validation.orgnr.length.no'],
    ['9982348240', 'validation.orgnr.length.no'],
    ['998-234-824', 'validation.orgnr.characters'],
    ['NO998234824', 'validation.orgnr.characters'],
    ['', 'validation.orgnr.empty'],
    ['٩٩٨٢٣٤٨٢٤', 'validation.orgnr.characters'], // Arabic-Indic digits
  ])('%j -> %s', (input, key) => {
    expect(validateOrgnr(input)).toMatchObject({ severity: 'error', key });
  });

  it('reports the digit count', () => {
    expect(validateOrgnr('9982348')).toMatchObject({ params: { count: 7 } });
  });

  it('computes the check digit, undefined for r = 1', () => {
    expect(norwegianCheckDigit('99823482')).toBe(4);
    expect(norwegianCheckDigit('99999976')).toBeUndefined();
    for (let d = 0; d <= 9; d++) expect(isValidNorwegianOrgnr(`99999976${d}`)).toBe(false);
  });
});

describe('Swedish organisation numbers (Luhn)', () => {
  const se = { country: 'SE' } as const;
  it.each(['556036-0793', '5560360793', '202100-5489', '556547-5489'])('%s is a valid organisationsnummer', (input) => {
    expect(validateOrgnr(input, se)).toMatchObject({ severity: 'ok', key: 'validation.orgnr.se.ok' });
  });
  it('accepts a personnummer for a sole trader, with or without century', () => {
    expect(validateOrgnr('121212-1212', se)).toMatchObject({ severity: 'info', key: 'validation.orgnr.se.personnummer', params: { orgnr: '121212-1212' } });
    expect(validateOrgnr('19811218-9876', se)).toMatchObject({ severity: 'info', params: { orgnr: '811218-9876' } });
    expect(validateOrgnr('811218+9876', se)).toMatchObject({ severity: 'info' });
  });
  it.each([
    ['556036-0794', 'validation.orgnr.checksum'],
    ['556036-079', 'validation.orgnr.length.se'],
    ['55603607x3', 'validation.orgnr.characters'],
  ])('%s -> %s', (input, key) => {
    expect(validateOrgnr(input, se)).toMatchObject({ severity: 'error', key });
  });
  it('rejects a Luhn-valid number that is neither a legal entity nor a date', () => {
    // third digit < 2 and month 00
    const candidates = Array.from({ length: 10 }, (_, d) => `100000000${d}`).filter(luhnValid);
    expect(candidates).toHaveLength(1);
    expect(validateOrgnr(candidates[0]!, se)).toMatchObject({ severity: 'error', key: 'validation.orgnr.se.invalid' });
  });
  it('offers the NNNNNN-NNNN form', () => {
    expect(validateOrgnr('5560360793', se).fix).toEqual({ value: '556036-0793', labelKey: 'validation.orgnr.fix.format' });
  });
});

const digicare = {
  organisasjonsnummer: '998234824',
  navn: 'DIGICARE AS',
  organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap', _links: {} },
  hjemmeside: 'www.digicare.no',
  forretningsadresse: { land: 'Norge', landkode: 'NO', postnummer: '0154', poststed: 'OSLO', adresse: ['Karl Johans gate 12A'], kommune: 'OSLO', kommunenummer: '0301' },
  konkurs: false,
  underAvvikling: false,
  underTvangsavviklingEllerTvangsopplosning: false,
  someFutureField: { nested: true },
};

describe('interpretBrregResponse', () => {
  it('200 with a healthy entity is ok and names it', () => {
    expect(interpretBrregResponse(200, digicare, '998234824')).toEqual({ severity: 'ok', key: 'validation.orgnr.brreg.ok', params: { name: 'DIGICARE AS' } });
  });
  it('is tolerant: missing flags and odd optional fields do not break it', () => {
    expect(interpretBrregResponse(200, { organisasjonsnummer: '998234824', navn: 'X', hjemmeside: 42, forretningsadresse: 'odd' })).toMatchObject({ severity: 'ok' });
  });
  it.each([
    [{ konkurs: true }, 'validation.orgnr.brreg.bankrupt'],
    [{ underAvvikling: true }, 'validation.orgnr.brreg.windingUp'],
    [{ underTvangsavviklingEllerTvangsopplosning: true }, 'validation.orgnr.brreg.forcedDissolution'],
    [{ konkurs: true, underAvvikling: true }, 'validation.orgnr.brreg.bankrupt'],
    [{ slettedato: '2023-05-01' }, 'validation.orgnr.brreg.deleted'],
  ])('200 with %j is an error %s', (patch, key) => {
    expect(interpretBrregResponse(200, { ...digicare, ...patch })).toMatchObject({ severity: 'error', key });
  });
  it('404 is "no such entity"; 410 is "removed from public view", not "deleted"', () => {
    expect(interpretBrregResponse(404, { status: 404, error: 'Not Found' })).toEqual({ severity: 'error', key: 'validation.orgnr.brreg.notFound' });
    expect(interpretBrregResponse(410, { organisasjonsnummer: '998234824', slettedato: '2020-01-01' })).toEqual({
      severity: 'warning',
      key: 'validation.orgnr.brreg.goneSince',
      params: { date: '2020-01-01' },
    });
    expect(interpretBrregResponse(410, 'garbage')).toEqual({ severity: 'warning', key: 'validation.orgnr.brreg.gone' });
  });
  it.each([
    [500, {}],
    [503, null],
    [429, {}],
    [0, undefined],
    [200, 'not json'],
    [200, { navn: 'missing number' }],
    [200, { ...digicare, konkurs: 'ja' }],
    [200, null],
  ])('%i %j is unverified, never ok', (status, body) => {
    expect(interpretBrregResponse(status, body)).toMatchObject({ severity: 'unverified' });
  });
  it('an answer about another number is unverified', () => {
    expect(interpretBrregResponse(200, digicare, '974760673')).toMatchObject({ severity: 'unverified', key: 'validation.orgnr.brreg.unreadable' });
  });
});

describe('verdictForBrregLookup', () => {
  it('maps client results', () => {
    expect(verdictForBrregLookup({ kind: 'not-found' }).key).toBe('validation.orgnr.brreg.notFound');
    expect(verdictForBrregLookup({ kind: 'gone' }).severity).toBe('warning');
    expect(verdictForBrregLookup({ kind: 'unavailable', reason: 'timeout' })).toEqual({ severity: 'unverified', key: 'validation.orgnr.brreg.unavailable' });
    expect(verdictForBrregLookup({ kind: 'unavailable', reason: 'bad-body' }).key).toBe('validation.orgnr.brreg.unreadable');
  });
});
