import { useSignal } from '@preact/signals';
import { latestOf, type History } from '../../lib/booking/history';
import type { BookingState, DirectoryLocation } from '../../lib/booking/state';
import { severityOf } from '../../lib/booking/status';
import type { CheckResult } from '../../lib/booking/runner';
import type { MessageKey } from '../../lib/i18n/core';
import { formatAge } from '../../lib/i18n/time';
import { useI18n } from '../i18n';
import { StatusPill } from '../StatusPill';
import { LocationDetails } from './LocationDetails';
import { completedInRun, groupByFirm, locationUrl, systemLabel } from './model';
import { ReachNotice } from './Notice';
import { RunBar } from './RunBar';
import { Sparkline } from './Sparkline';
import './booking.css';

export interface BookingActions {
  refresh(): void;
  run(locationIds?: string[]): void;
  cancel(): void;
  openUrl(url: string): void;
}

export interface BookingViewProps {
  state: BookingState;
  /** Storage read at least once. */
  loaded: boolean;
  /** A refresh from the portal is under way. */
  refreshing: boolean;
  /** Error talking to the background (a message key's text, already translated), or null. */
  error: string | null;
  now: number;
  /** Portal front page to fall back on when the state has no origin yet. */
  portalHome: string;
  /** Locations the admin asked to test one by one, with when (cleared when their result arrives). */
  pending: Readonly<Record<string, number>>;
  actions: BookingActions;
}

function results(history: History, id: string): readonly CheckResult[] {
  return Object.hasOwn(history, id) ? history[id]! : [];
}

/** The side panel's booking view: notices, "Test alle" with progress, locations grouped by firm. */
export function BookingView(props: BookingViewProps) {
  const { t } = useI18n();
  const { state, loaded, refreshing, error, now, portalHome, actions } = props;
  const origin = state.origin || portalHome.replace(/\/+$/, '');
  const running = state.run?.running === true;
  const groups = groupByFirm(state.locations);
  // A run of several locations ("Test alle"): every set-up location without a result from this run is waiting.
  const allRun = running && state.run !== null && state.run.total > 1;

  const isTesting = (id: string): boolean => {
    const latest = latestOf(state.history, id);
    const since = props.pending[id];
    if (since !== undefined && (!latest || latest.finishedAt < since) && (running || now - since < 5_000)) return true;
    const system = state.locations.find((l) => l.id === id)?.system ?? null;
    return allRun && system !== null && state.run !== null && (!latest || latest.startedAt < state.run.startedAt);
  };

  return (
    <div class="bk">
      <div class="bk-toolbar">
        <h2>{t('bookingui.title')}</h2>
        <button type="button" class="button secondary" aria-label={t('bookingui.refresh.label')} onClick={() => actions.refresh()} disabled={refreshing}>
          {t('bookingui.refresh')}
        </button>
        <button type="button" class="button" onClick={() => actions.run()} disabled={running || state.locations.length === 0}>
          {t('bookingui.testAll')}
        </button>
      </div>
      {state.readAt !== null && <p class="muted bk-small">{t('bookingui.readAt', { age: formatAge(state.readAt, now, t) })}</p>}

      <ReachNotice reach={state.reach} portalUrl={`${origin}/`} />
      {error && (
        <div class="bk-notice t-error" role="alert">
          <span class="bk-notice-icon" aria-hidden="true">
            ✕
          </span>
          <p>{error}</p>
        </div>
      )}
      <RunBar run={state.run} completed={completedInRun(state.locations, state.history, state.run)} onCancel={() => actions.cancel()} />

      <div aria-live="polite" aria-busy={refreshing || !loaded}>
        {(refreshing || !loaded) && state.locations.length === 0 ? (
          <p class="bk-loading" role="status">
            <span class="bk-spinner" aria-hidden="true" />
            {t('bookingui.loading')}
          </p>
        ) : state.locations.length === 0 ? (
          <p class="muted">{t('bookingui.empty')}</p>
        ) : (
          groups.map((g) => (
            <section key={g.firmId} class="bk-firm" aria-label={t('bookingui.firm.label', { firm: g.firmName })}>
              <h3>{g.firmName}</h3>
              <ul class="bk-locations">
                {g.locations.map((l) => (
                  <LocationRow
                    key={l.id}
                    location={l}
                    results={results(state.history, l.id)}
                    audit={state.audits[l.id]?.audit}
                    testing={isTesting(l.id)}
                    disabled={running}
                    now={now}
                    onTest={() => actions.run([l.id])}
                    onOpen={() => actions.openUrl(locationUrl(origin, l.id))}
                  />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </div>
  );
}

interface RowProps {
  location: DirectoryLocation;
  results: readonly CheckResult[];
  audit: BookingState['audits'][string]['audit'] | undefined;
  testing: boolean;
  disabled: boolean;
  now: number;
  onTest(): void;
  onOpen(): void;
}

function LocationRow({ location, results, audit, testing, disabled, now, onTest, onOpen }: RowProps) {
  const { t } = useI18n();
  const open = useSignal(false);
  const latest = results[results.length - 1];
  const detailsId = `bk-details-${location.id}`;
  const severity = latest ? severityOf(latest.status) : 'unknown';
  return (
    <li class={`bk-row t-${severity}`} data-location-id={location.id}>
      <div class="bk-row-main">
        <button type="button" class="bk-disclosure" aria-expanded={open.value} aria-controls={detailsId} onClick={() => (open.value = !open.value)}>
          <span class="bk-chevron" aria-hidden="true">
            {open.value ? '▾' : '▸'}
          </span>
          <span class="bk-name">{location.name}</span>
        </button>
        <button
          type="button"
          class="button secondary bk-test"
          aria-label={t('bookingui.test.label', { location: location.name })}
          onClick={onTest}
          // Nothing to test where online booking is not set up (the row says so).
          disabled={disabled || location.system === null}
        >
          {t('bookingui.test')}
        </button>
      </div>
      <div class="bk-row-info">
        <span class="bk-system">{systemLabel(location.system) ?? t('bookingui.system.none')}</span>
        <Sparkline results={results} />
        <span class="bk-status">
          {latest ? <StatusPill health={severity} label={t(`booking.status.${latest.status}` as MessageKey)} /> : <StatusPill health="unknown" label={t('bookingui.notTested')} />}
          {latest && <span class="muted bk-small">{formatAge(latest.finishedAt, now, t)}</span>}
          {testing && (
            <span class="bk-testing bk-small" role="status">
              <span class="bk-spinner" aria-hidden="true" />
              {t('bookingui.testing')}
            </span>
          )}
        </span>
      </div>
      {open.value && <LocationDetails id={detailsId} location={location} latest={latest} audit={audit} onOpenLocation={onOpen} />}
    </li>
  );
}
