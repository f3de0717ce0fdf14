import { computed, effect, signal } from '@preact/signals';
import { detectPage } from '../../lib/portal/pages';
import type { Locale } from '../../lib/i18n';
import type { Health } from '../../lib/messaging/protocol';

export interface OverlayStatus {
  pageKind: string;
  openItems: number;
  health: Health;
}

/** The overlay's state: a factory of signals, one per content-script instance (no module singletons). */
export function createOverlayState(initial: { url: string; collapsed: boolean; locale: Locale }) {
  const url = signal(initial.url);
  const collapsed = signal(initial.collapsed);
  const locale = signal(initial.locale);
  const page = computed(() => detectPage(url.value));
  // Until the checklist is evaluated there are no known open items: the badge says "unknown".
  const status = computed<OverlayStatus>(() => ({ pageKind: page.value?.kind ?? 'unknown', openItems: 0, health: 'unknown' }));

  function onStatusChange(listener: (s: OverlayStatus) => void): () => void {
    let last = '';
    return effect(() => {
      const s = status.value;
      const key = JSON.stringify(s);
      if (key !== last) {
        last = key;
        listener(s);
      }
    });
  }

  return { url, collapsed, locale, page, status, onStatusChange };
}

export type OverlayState = ReturnType<typeof createOverlayState>;
