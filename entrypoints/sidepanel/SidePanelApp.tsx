import { useEffect, useState } from 'preact/hooks';
import { I18nProvider, useI18n } from '../../components/i18n';
import { StatusPill } from '../../components/StatusPill';
import { createTranslator, type Locale } from '../../lib/i18n';
import { send } from '../../platform/page-messaging';

function Connection() {
  const { t } = useI18n();
  const [state, setState] = useState<'pending' | 'ok' | 'error'>('pending');
  const [version, setVersion] = useState('');
  useEffect(() => {
    let alive = true;
    send('ping', {})
      .then((r) => alive && (setVersion(`${r.version} (${r.mode})`), setState('ok')))
      .catch(() => alive && setState('error'));
    return () => {
      alive = false;
    };
  }, []);
  return (
    <p class="connection" aria-live="polite">
      {t('sidepanel.status', { state: state === 'ok' ? t('sidepanel.connected') : state === 'error' ? t('sidepanel.disconnected') : '…' })}{' '}
      <StatusPill health={state === 'ok' ? 'ok' : state === 'error' ? 'error' : 'unknown'} />
      {version && <span class="muted"> v{version}</span>}
    </p>
  );
}

export function SidePanelApp({ locale }: { locale: Locale }) {
  return (
    <I18nProvider locale={locale} t={createTranslator(locale)}>
      <Shell />
    </I18nProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  return (
    <div class="page">
      <header class="page-header">
        <span class="logo" aria-hidden="true">BN</span>
        <h1>{t('sidepanel.title')}</h1>
      </header>
      <main>
        <Connection />
      </main>
    </div>
  );
}
