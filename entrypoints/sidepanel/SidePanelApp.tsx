import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BookingView, type BookingActions } from '../../components/booking/BookingView';
import { startBookingStore } from '../../components/booking/store';
import { I18nProvider, useI18n } from '../../components/i18n';
import { originConfig } from '../../lib/config/origins';
import { createTranslator, type Locale } from '../../lib/i18n';
import { send } from '../../platform/page-messaging';
import { DraftsView, type DraftsActions } from '../../components/drafts/DraftsView';
import { updateSettings } from '../../platform/settings';
import type { DraftSummary } from '../../lib/drafts/model';

export function SidePanelApp({ locale }: { locale: Locale }) {
  return (
    <I18nProvider locale={locale} t={createTranslator(locale)}>
      <Shell />
    </I18nProvider>
  );
}

/** Small footer: whether the background answers (and its version). */
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
    <p class="connection muted bk-small" aria-live="polite">
      <span aria-hidden="true">{state === 'ok' ? '✓' : state === 'error' ? '✕' : '…'} </span>
      {t('sidepanel.status', { state: state === 'ok' ? t('sidepanel.connected') : state === 'error' ? t('sidepanel.disconnected') : '…' })}
      {version && <span> · v{version}</span>}
    </p>
  );
}

const detail = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Shell() {
  const { t } = useI18n();
  const store = useMemo(() => startBookingStore(), []);
  const refreshing = useSignal(true);
  const error = useSignal<string | null>(null);
  const pending = useSignal<Readonly<Record<string, number>>>({});

  const refresh = () => {
    refreshing.value = true;
    error.value = null;
    send('booking.refresh', {})
      .catch((e: unknown) => (error.value = t('bookingui.error', { detail: detail(e) })))
      .finally(() => (refreshing.value = false));
  };

  useEffect(() => {
    refresh();
    return () => store.stop();
  }, []);

  const actions: BookingActions = {
    refresh,
    run(locationIds) {
      error.value = null;
      if (locationIds) {
        const at = Date.now();
        pending.value = { ...pending.value, ...Object.fromEntries(locationIds.map((id) => [id, at])) };
      }
      send('booking.run', locationIds ? { locationIds } : {}).catch((e: unknown) => (error.value = t('bookingui.error', { detail: detail(e) })));
    },
    cancel() {
      send('booking.cancel', {}).catch((e: unknown) => (error.value = t('bookingui.error', { detail: detail(e) })));
    },
    openUrl(url) {
      void browser.tabs.create({ url });
    },
  };

  const draftActions: DraftsActions = {
    list: async () => {
      const r = await send('drafts.list', {});
      return { ...r, drafts: r.drafts as DraftSummary[] };
    },
    remove: async (id) => void (await send('drafts.discard', { id })),
    removeAll: async () => (await send('drafts.deleteAll', {})).deleted,
    open: (url) => void browser.tabs.create({ url }),
    setRetention: async (days) => void (await updateSettings({ draftRetentionDays: days })),
  };

  const tabs = [
    { id: 'booking', label: t('sidepanel.tab.booking'), render: () => (
      <BookingView
        state={store.state.value}
        loaded={store.loaded.value}
        refreshing={refreshing.value}
        error={error.value}
        now={store.now.value}
        portalHome={originConfig(import.meta.env.MODE).portalHome}
        pending={pending.value}
        actions={actions}
      />
    ) },
    { id: 'drafts', label: t('drafts.panel.title'), render: () => <DraftsView actions={draftActions} /> },
  ];

  return (
    <div class="page">
      <header class="page-header">
        <span class="logo" aria-hidden="true">
          BN
        </span>
        <h1>{t('sidepanel.title')}</h1>
      </header>
      <main>
        <Tabs tabs={tabs} />
      </main>
      <footer>
        <Connection />
      </footer>
    </div>
  );
}

/** WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, only the active tab is in the tab order. */
function Tabs({ tabs }: { tabs: { id: string; label: string; render: () => preact.JSX.Element }[] }) {
  const [active, setActive] = useState(tabs[0]!.id);
  const focusTab = (id: string) => {
    setActive(id);
    requestAnimationFrame(() => document.getElementById(`tab-${id}`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === active);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    focusTab(tabs[(next + tabs.length) % tabs.length]!.id);
  };
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0]!;
  return (
    <>
      <div role="tablist" class="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button key={tab.id} type="button" role="tab" id={`tab-${tab.id}`} aria-selected={tab.id === active} aria-controls={`panel-${tab.id}`} tabIndex={tab.id === active ? 0 : -1} class="tab" onClick={() => setActive(tab.id)}>
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} tabIndex={0} class="tabpanel">
        {current.render()}
      </div>
    </>
  );
}
