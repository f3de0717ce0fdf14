import { describe, expect, it } from 'vitest';
import { countryOf, isAcceptable, verdict, worstSeverity, worstVerdict } from './verdict';

describe('verdict helpers', () => {
  it('builds verdicts without undefined keys', () => {
    expect(verdict('ok', 'validation.email.ok')).toEqual({ severity: 'ok', key: 'validation.email.ok' });
    expect(Object.keys(verdict('ok', 'validation.email.ok'))).toEqual(['severity', 'key']);
  });

  it('picks the worst verdict: error > warning > unverified > info > ok, first wins on ties', () => {
    const ok = verdict('ok', 'validation.email.ok');
    const info = verdict('info', 'validation.website.normalized', { value: 'x' });
    const unverified = verdict('unverified', 'validation.orgnr.brreg.unavailable');
    const warning = verdict('warning', 'validation.website.empty');
    const warning2 = verdict('warning', 'validation.phone.empty');
    const error = verdict('error', 'validation.orgnr.checksum');
    expect(worstVerdict([])).toBeUndefined();
    expect(worstVerdict([ok, undefined, info])).toBe(info);
    expect(worstVerdict([ok, unverified, info])).toBe(unverified);
    expect(worstVerdict([unverified, warning, warning2])).toBe(warning);
    expect(worstVerdict([warning, error, unverified])).toBe(error);
    expect(worstSeverity(['ok', 'unverified', 'info'])).toBe('unverified');
    expect(worstSeverity([])).toBe('ok');
  });

  it('never treats unverified as acceptable', () => {
    expect(isAcceptable(verdict('unverified', 'validation.orgnr.brreg.unavailable'))).toBe(false);
    expect(isAcceptable(verdict('info', 'validation.website.normalized', { value: 'x' }))).toBe(true);
  });

  it('defaults to Norway', () => {
    expect(countryOf(undefined)).toBe('NO');
    expect(countryOf({})).toBe('NO');
    expect(countryOf({ country: 'SE' })).toBe('SE');
  });
});
