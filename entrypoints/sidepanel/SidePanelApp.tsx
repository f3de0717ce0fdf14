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
import { Tabs, type TabDef } from '../../components/board/Tabs';
import { BoardTab, ReportPage, RosterTab, AgreementsTab, useBoard } from '../../components/board/BoardTabs';

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

/** Which tab the side panel opens on: `sidepanel.html#board` etc. (the report is a page of its own: `#report`). */
function tabFromHash(): string {
  return location.hash.replace(/^#/, '') || 'booking';
}

function Shell() {
  const { t } = useI18n();
  const store = useMemo(() => startBookingStore(), []);
  const board = useBoard(store);
  const tab = useSignal(tabFromHash());
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

  const bookingView = () => (
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
  );
  // One line per tab.
  const tabs: TabDef[] = [
    { id: 'booking', label: t('sidepanel.tab.booking'), render: bookingView },
    { id: 'board', label: t('sidepanel.tab.board'), render: () => <BoardTab board={board} now={store.now.value} /> },
    { id: 'roster', label: t('sidepanel.tab.roster'), render: () => <RosterTab board={board} now={store.now.value} /> },
    { id: 'agreements', label: t('sidepanel.tab.agreements'), render: () => <AgreementsTab board={board} /> },
    { id: 'drafts', label: t('drafts.panel.title'), render: () => <DraftsView actions={draftActions} /> },
  ];
  const select = (id: string) => {
    tab.value = id;
    history.replaceState(null, '', `#${id}`);
  };

  if (tab.value === 'report') return <ReportPage board={board} />;

  return (
    <div class="page">
      <header class="page-header">
        <span class="logo" aria-hidden="true">
          BN
        </span>
        <h1>{t('sidepanel.title')}</h1>
      </header>
      <main>
        <Tabs tabs={tabs} selected={tabs.some((x) => x.id === tab.value) ? tab.value : 'booking'} onSelect={select} label={t('sidepanel.tabs.label')} />
      </main>
      <footer>
        <Connection />
      </footer>
    </div>
  );
}

