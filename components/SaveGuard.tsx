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
  const last = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  // A modal dialog keeps focus inside (Tab cycles between its buttons) and Escape stays ours.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      // Inside a (closed) shadow root, document.activeElement is the host: ask the root instead.
      const active = ((e.currentTarget as HTMLElement).getRootNode() as Document | ShadowRoot).activeElement;
      const next = e.shiftKey ? (active === first.current ? last : first) : active === last.current ? first : last;
      next.current?.focus();
    }
  };
  return (
    <div class="backdrop" onKeyDown={onKeyDown}>
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
          <button type="button" class="button secondary" ref={last} onClick={onSaveAnyway}>
            {t('forms.guard.saveAnyway')}
          </button>
        </div>
      </div>
    </div>
  );
}
