import { catalogues, type MessageKey } from './messages';

export type { MessageKey };
export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LanguageSetting = Locale | 'auto';
export type MessageParams = Readonly<Record<string, string | number>>;

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

/** Maps a BCP-47 tag to a supported locale: Norwegian (nb, no, nn, nb-NO …) -> nb, anything else -> en. */
export function localeFromTag(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'nb' || primary === 'no' || primary === 'nn') return 'nb';
  if (primary === 'en') return 'en';
  return undefined;
}

/**
 * The UI language: an explicit setting wins; on "auto" the portal page's `lang`, then the browser's
 * languages in order, then bokmål (the portal is Norwegian).
 */
export function resolveLocale(setting: LanguageSetting, pageLang?: string | null, browserLangs: readonly string[] = []): Locale {
  if (setting !== 'auto') return setting;
  const fromPage = localeFromTag(pageLang);
  if (fromPage) return fromPage;
  for (const lang of browserLangs) {
    const found = localeFromTag(lang);
    if (found) return found;
  }
  return 'nb';
}

/** Translates `key` and fills `{name}` placeholders. Unknown placeholders are left visible, never dropped. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = tables[locale][key] ?? tables.nb[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function createTranslator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}

/** The raw tables, for the meta-test. */
export function messageTables(): Readonly<Record<Locale, Readonly<Record<string, string>>>> {
  return tables;
}
