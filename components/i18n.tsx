import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { createTranslator, type Locale, type Translator } from '../lib/i18n';

interface I18nValue {
  locale: Locale;
  t: Translator;
}

const I18nContext = createContext<I18nValue>({ locale: 'nb', t: createTranslator('nb') });

export function I18nProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  return <I18nContext.Provider value={{ locale, t: createTranslator(locale) }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
