import { useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BookingSummary } from '../../components/booking/BookingSummary';
import { startBookingStore } from '../../components/booking/store';
import { I18nProvider, useI18n } from '../../components/i18n';
import { createTranslator, type Locale } from '../../lib/i18n';
import { originConfig } from '../../lib/config/origins';
import { hasSidePanel, openSidePanel } from '../../platform/browser-features';
import { send } from '../../platform/page-messaging';

function Popup() {
  const { t } = useI18n();
  const store = useMemo(() => startBookingStore(), []);
  useEffect(() => () => store.stop(), [store]);
  const state = store.state.value;
  const portal = state.origin ? `${state.origin}/` : originConfig(import.meta.env.MODE).portalHome;
  const running = state.run?.running === true;
  const openPanel = async () => {
    const opened = await openSidePanel().catch(() => false);
    if (!opened) await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    window.close();
  };
  const testAll = () => void send('booking.run', {}).catch(() => undefined);
  const cancel = () => void send('booking.cancel', {}).catch(() => undefined);
  return (
    <div class="page popup">
      <header class="page-header">
        <span class="logo" aria-hidden="true">
          BN
        </span>
        <h1>{t('app.name')}</h1>
      </header>
      <main>
        <BookingSummary state={state} now={store.now.value} portalUrl={portal} onCancel={cancel} />
        <div class="actions">
          <button type="button" class="button" onClick={testAll} disabled={running || state.locations.length === 0}>
            {t('bookingui.testAll')}
          </button>
          {hasSidePanel() && (
            <button type="button" class="button secondary" onClick={openPanel}>
              {t('popup.openSidePanel')}
            </button>
          )}
          <a class="button secondary" href={portal} target="_blank" rel="noreferrer">
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
