import { describe, expect, it } from 'vitest';
import { catalogues } from './messages';
import { createTranslator, localeFromTag, messageTables, resolveLocale, translate } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues (meta-test)', () => {
  for (const [area, catalogue] of Object.entries(catalogues)) {
    it(`${area}: every key exists in both nb and en, non-empty, same placeholders`, () => {
      const nbKeys = Object.keys(catalogue.nb).sort();
      const enKeys = Object.keys(catalogue.en).sort();
      expect(enKeys).toEqual(nbKeys);
      for (const key of nbKeys) {
        const nb = (catalogue.nb as Record<string, string>)[key]!;
        const en = (catalogue.en as Record<string, string>)[key]!;
        expect(nb.trim(), `nb ${key}`).not.toBe('');
        expect(en.trim(), `en ${key}`).not.toBe('');
        expect(placeholders(en), `placeholders of ${key}`).toEqual(placeholders(nb));
      }
    });
  }

  it('no key is defined by two areas', () => {
    const seen = new Map<string, string>();
    for (const [area, catalogue] of Object.entries(catalogues)) {
      for (const key of Object.keys(catalogue.nb)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });

  it('merged tables have the same key set', () => {
    const t = messageTables();
    expect(Object.keys(t.en).sort()).toEqual(Object.keys(t.nb).sort());
  });
});

describe('locale resolution', () => {
  it('maps Norwegian tags to nb and English to en', () => {
    expect(localeFromTag('nb-NO')).toBe('nb');
    expect(localeFromTag('no')).toBe('nb');
    expect(localeFromTag('nn')).toBe('nb');
    expect(localeFromTag('en-GB')).toBe('en');
    expect(localeFromTag('sv')).toBeUndefined();
    expect(localeFromTag('')).toBeUndefined();
  });

  it('explicit setting wins, then page lang, then browser, then nb', () => {
    expect(resolveLocale('en', 'nb', ['nb'])).toBe('en');
    expect(resolveLocale('auto', 'nb', ['en-US'])).toBe('nb');
    expect(resolveLocale('auto', null, ['sv-SE', 'en-US'])).toBe('en');
    expect(resolveLocale('auto', 'de', ['sv'])).toBe('nb');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('nb', 'common.minutesAgo', { n: 5 })).toBe('for 5 min siden');
    expect(translate('en', 'common.minutesAgo', {})).toBe('{n} min ago');
    expect(createTranslator('en')('status.ok')).toBe('OK');
  });

  it('treats parameter values as plain text (no re-expansion)', () => {
    expect(translate('en', 'common.error.generic', { detail: '{detail}<b>' })).toBe('Something went wrong: {detail}<b>');
  });
});
