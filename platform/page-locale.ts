import { resolveLocale, type Locale } from '../lib/i18n';
import { readSettings } from './settings';

/** The UI language for an extension page: the setting, else the browser's languages, else bokmål. */
export async function pageLocale(): Promise<Locale> {
  const settings = await readSettings();
  const locale = resolveLocale(settings.language, null, navigator.languages);
  document.documentElement.lang = locale;
  return locale;
}
