import type { RunProgress } from '../../lib/booking/state';
import { useI18n } from '../i18n';

/** Progress of a run ("3 av 11" + a <progress>) with "Avbryt"; after it, one line saying how it ended. */
export function RunBar({ run, completed, onCancel }: { run: RunProgress | null; /** Really tested (see completedInRun). */ completed: number; onCancel(): void }) {
  const { t } = useI18n();
  if (!run) return null;
  const { done, total } = run;
  if (run.running) {
    return (
      <div class="bk-run" role="group" aria-label={t('bookingui.progress.label', { done, total })}>
        <progress max={Math.max(total, 1)} value={done} aria-label={t('bookingui.progress.label', { done, total })} />
        <span class="bk-run-text" aria-live="polite">
          {t('bookingui.progress', { done, total })}
        </span>
        <button type="button" class="button secondary" aria-label={t('bookingui.cancel.label')} onClick={onCancel}>
          {t('bookingui.cancel')}
        </button>
      </div>
    );
  }
  return (
    <p class={`bk-run-end bk-small ${run.cancelled ? 't-warning' : 'muted'}`} role="status">
      {run.cancelled ? (
        <>
          <span aria-hidden="true">! </span>
          {t('bookingui.run.cancelled', { done: completed, total })}
        </>
      ) : (
        t('bookingui.run.done', { total })
      )}
    </p>
  );
}
