import { useEffect, useRef } from 'preact/hooks';
import type { MessageKey, MessageParams } from '../lib/i18n/core';
import { useI18n } from './i18n';

export interface GuardError {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** The dialog shown instead of saving while errors remain: go fix the first, or save anyway. */
export function SaveGuard({ errors, onFix, onSaveAnyway, onClose }: { errors: GuardError[]; onFix: () => void; onSaveAnyway: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div class="backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="bn-guard-title" aria-describedby="bn-guard-intro">
        <h2 id="bn-guard-title">{t('forms.guard.title')}</h2>
        <p id="bn-guard-intro">{t('forms.guard.intro')}</p>
        <ul>
          {errors.map((e, i) => (
            <li key={i}>
              <strong>{e.field}:</strong> {t(e.key as MessageKey, e.params as MessageParams | undefined)}
            </li>
          ))}
        </ul>
        <div class="dialog-actions">
          <button type="button" class="button" ref={first} onClick={onFix}>
            {t('forms.guard.fix')}
          </button>
          <button type="button" class="button secondary" onClick={onSaveAnyway}>
            {t('forms.guard.saveAnyway')}
          </button>
        </div>
      </div>
    </div>
  );
}
