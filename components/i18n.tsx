import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale, Translator } from '../lib/i18n/core';

interface I18nValue {
  locale: Locale;
  t: Translator;
}

const fallback: Translator = (key) => key;
const I18nContext = createContext<I18nValue>({ locale: 'nb', t: fallback });

/** Provides a translator: pages build it from the bundled catalogues, the content script from a fetched table. */
export function I18nProvider({ locale, t, children }: { locale: Locale; t: Translator; children: ComponentChildren }) {
  return <I18nContext.Provider value={{ locale, t }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
