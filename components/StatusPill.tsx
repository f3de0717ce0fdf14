import type { Health } from '../lib/messaging/protocol';
import { useI18n } from './i18n';

const ICONS: Record<Health, string> = { ok: '✓', warning: '!', error: '✕', unknown: '?' };

/** A status shown as icon + text + colour (colour is never the only signal). */
export function StatusPill({ health, label }: { health: Health; label?: string }) {
  const { t } = useI18n();
  const text = label ?? t(`status.${health}`);
  return (
    <span class={`pill t-${health}`}>
      <span class="pill-icon" aria-hidden="true">
        {ICONS[health]}
      </span>
      <span>{text}</span>
    </span>
  );
}
