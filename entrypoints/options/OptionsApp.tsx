import { useState } from 'preact/hooks';
import { I18nProvider, useI18n } from '../../components/i18n';
import { createTranslator, type Locale } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { updateSettings } from '../../platform/settings';

function Form({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  return (
    <form class="stack" onSubmit={(e) => e.preventDefault()}>
      <label class="field">
        <span>{t('options.language')}</span>
        <select
          value={settings.language}
          onChange={async (e) => {
            const language = (e.currentTarget as HTMLSelectElement).value as Settings['language'];
            await updateSettings({ language });
            setSaved(true);
          }}
        >
          <option value="auto">{t('options.language.auto')}</option>
          <option value="nb">{t('options.language.nb')}</option>
          <option value="en">{t('options.language.en')}</option>
        </select>
      </label>
      <label class="field">
        <span>{t('options.goneThreshold')}</span>
        <input
          type="number"
          min={1}
          max={20}
          step={1}
          value={settings.goneThreshold}
          aria-describedby="gone-threshold-hint"
          onChange={async (e) => {
            const value = Number((e.currentTarget as HTMLInputElement).value);
            // Out-of-range input is not saved (the previous value stays; the field's min/max say the range).
            if (!Number.isInteger(value) || value < 1 || value > 20) return;
            await updateSettings({ goneThreshold: value });
            setSaved(true);
          }}
        />
        <span id="gone-threshold-hint" class="muted">
          {t('options.goneThreshold.hint')}
        </span>
      </label>
      <p role="status" class="muted">{saved ? t('options.saved') : ''}</p>
    </form>
  );
}

export function OptionsApp({ locale, settings }: { locale: Locale; settings: Settings }) {
  return (
    <I18nProvider locale={locale} t={createTranslator(locale)}>
      <Page settings={settings} />
    </I18nProvider>
  );
}

function Page({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  return (
    <div class="page">
      <header class="page-header">
        <span class="logo" aria-hidden="true">BN</span>
        <h1>{t('options.title')}</h1>
      </header>
      <main>
        <Form settings={settings} />
      </main>
    </div>
  );
}
