import type { ItemView } from '../lib/overlay/types';
import type { MessageParams } from '../lib/i18n/core';
import { STATE_ICONS, toneOf } from './ChecklistPanel';
import { useI18n } from './i18n';

export interface FieldHintProps {
  rect: { top: number; left: number; bottom: number; right: number };
  /** The current results of the item the field is about (one per location for location items). */
  results: readonly ItemView[];
  viewport: { width: number; height: number };
}

/** A short hint beside a portal field that a checklist item is about; positioned in the viewport. */
export function FieldHint({ rect, results, viewport }: FieldHintProps) {
  const { t } = useI18n();
  const item = results[0];
  if (!item) return null;
  const width = 300;
  const roomRight = viewport.width - rect.right;
  // Beside the field when there is room, else above it: below it is where the field's verdict shows.
  const beside = roomRight > width + 24;
  const above = !beside && rect.top > 160;
  const left = beside ? rect.right + 12 : Math.max(8, Math.min(rect.left, viewport.width - width - 8));
  const top = beside ? Math.max(8, rect.top) : above ? rect.top - 8 : Math.min(rect.bottom + 8, viewport.height - 120);
  const worst = results.find((r) => r.state !== 'ok' && r.state !== 'na') ?? item;
  return (
    <div class="field-hint" role="status" aria-label={t('overlay.hint.label')} style={{ left: `${left}px`, top: `${top}px`, width: `${width}px`, transform: above ? 'translateY(-100%)' : 'none' }}>
      <p class="field-hint-title">
        <span aria-hidden="true">ℹ </span>
        {t(item.titleKey)}
      </p>
      <p>{t(item.hintKey)}</p>
      {worst.state !== 'na' && (
        <p class={`field-hint-state t-${toneOf(worst.state)}`}>
          <span aria-hidden="true">{STATE_ICONS[worst.state]} </span>
          {t(worst.messageKey, worst.params as MessageParams | undefined)}
        </p>
      )}
    </div>
  );
}
