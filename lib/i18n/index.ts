import { catalogues } from './messages';
import { fill, translatorFor, type Locale, type MessageKey, type MessageParams, type MessageTable, type Translator } from './core';

export * from './core';

const tables: Record<Locale, Record<string, string>> = { nb: {}, en: {} };
for (const catalogue of Object.values(catalogues)) {
  Object.assign(tables.nb, catalogue.nb);
  Object.assign(tables.en, catalogue.en);
}

/** All keys known in bokmål (the reference language). */
export function allMessageKeys(): string[] {
  return Object.keys(tables.nb);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(tables.nb, key);
}

/** Translates `key`, falling back to bokmål, then to the key itself. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return fill(tables[locale][key] ?? tables.nb[key] ?? key, params);
}

export function createTranslator(locale: Locale): Translator {
  return translatorFor(messageTable(locale));
}

/** The whole table for a locale, bokmål filling any gap (sent to the content script). */
export function messageTable(locale: Locale): MessageTable {
  return locale === 'nb' ? tables.nb : { ...tables.nb, ...tables.en };
}

/** The raw tables, for the meta-test. */
export function messageTables(): Readonly<Record<Locale, Readonly<Record<string, string>>>> {
  return tables;
}
