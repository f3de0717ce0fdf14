import { browser } from 'wxt/browser';
import { I18nProvider, useI18n } from '../../components/i18n';
import { createTranslator, type Locale } from '../../lib/i18n';
import { originConfig } from '../../lib/config/origins';
import { hasSidePanel, openSidePanel } from '../../platform/browser-features';

function Popup() {
  const { t } = useI18n();
  const openPanel = async () => {
    const win = await browser.windows.getCurrent().catch(() => undefined);
    const opened = await openSidePanel(win?.id).catch(() => false);
    if (!opened) await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    window.close();
  };
  return (
    <div class="page popup">
      <header class="page-header">
        <span class="logo" aria-hidden="true">BN</span>
        <h1>{t('app.name')}</h1>
      </header>
      <main>
        <p class="muted">{t('popup.noStatus')}</p>
        <div class="actions">
          {hasSidePanel() && (
            <button type="button" class="button" onClick={openPanel}>
              {t('popup.openSidePanel')}
            </button>
          )}
          <a class="button secondary" href={originConfig(import.meta.env.MODE).portalHome} target="_blank" rel="noreferrer">
            {t('popup.openPortal')}
          </a>
        </div>
      </main>
    </div>
  );
}

export function PopupApp({ locale }: { locale: Locale }) {
  return (
    <I18nProvider locale={locale} t={createTranslator(locale)}>
      <Popup />
    </I18nProvider>
  );
}
