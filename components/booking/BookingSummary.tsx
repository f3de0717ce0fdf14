import { latestOf } from '../../lib/booking/history';
import type { BookingState } from '../../lib/booking/state';
import { severityOf } from '../../lib/booking/status';
import type { MessageKey } from '../../lib/i18n/core';
import { formatAge } from '../../lib/i18n/time';
import { useI18n } from '../i18n';
import { StatusPill } from '../StatusPill';
import { ReachNotice } from './Notice';
import { RunBar } from './RunBar';
import { completedInRun, worstFirst } from './model';
import './booking.css';

/** The popup's glance: each location's latest status and age, worst first. */
export function BookingSummary({ state, now, portalUrl, onCancel }: { state: BookingState; now: number; portalUrl: string; onCancel(): void }) {
  const { t } = useI18n();
  const ordered = worstFirst(state.locations, state.history);
  return (
    <div class="bk">
      <ReachNotice reach={state.reach} portalUrl={portalUrl} />
      {/* Only while running: how the last run ended is the side panel's to say. */}
      <RunBar run={state.run?.running ? state.run : null} completed={completedInRun(state.locations, state.history, state.run)} onCancel={onCancel} />
      {ordered.length === 0 ? (
        <p class="muted">{t('bookingui.popup.empty')}</p>
      ) : (
        // The list scrolls when there are many locations: focusable, so a keyboard user can scroll it too
        // (Firefox does not make scrollers focusable on its own; axe's scrollable-region-focusable).
        <ul class="bk-compact" aria-label={t('bookingui.popup.label')} tabIndex={0}>
          {ordered.map((l) => {
            const latest = latestOf(state.history, l.id);
            return (
              <li key={l.id} data-location-id={l.id}>
                <div>
                  <span class="bk-compact-name">{l.name}</span>
                  <br />
                  <span class="bk-compact-firm">{l.firmName}</span>
                </div>
                <div class="bk-compact-status">
                  {latest ? <StatusPill health={severityOf(latest.status)} label={t(`booking.status.${latest.status}` as MessageKey)} /> : <StatusPill health="unknown" label={t('bookingui.notTested')} />}
                  {latest && <span>{formatAge(latest.finishedAt, now, t)}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
