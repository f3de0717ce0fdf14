/**
 * The i18n core with no message text in it: locale resolution and translation over a table handed in.
 * The content script uses this with a table fetched from the background (its bundle budget has no
 * room for every catalogue in both languages); extension pages use `index.ts`, which bundles them.
 */
import type { MessageKey } from './messages';

export type { MessageKey };
export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LanguageSetting = Locale | 'auto';
export type MessageParams = Readonly<Record<string, string | number>>;
export type MessageTable = Readonly<Record<string, string>>;

/** Maps a BCP-47 tag to a supported locale: Norwegian (nb, no, nn, nb-NO …) -> nb, English -> en. */
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

/** Fills `{name}` placeholders. Unknown placeholders stay visible; values are never re-expanded. */
export function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export type Translator = (key: MessageKey, params?: MessageParams) => string;

/** A translator over a table; a missing key shows the key itself (visible, never blank). */
export function translatorFor(table: MessageTable): Translator {
  return (key, params) => fill(Object.hasOwn(table, key) ? table[key]! : key, params);
}
