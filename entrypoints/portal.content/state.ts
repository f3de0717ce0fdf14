import { computed, effect, signal } from '@preact/signals';
import { detectPage } from '../../lib/portal/pages';
import type { OverlayView } from '../../lib/overlay/types';
import { translatorFor, type Locale, type MessageTable } from '../../lib/i18n/core';
import type { Health } from '../../lib/messaging/protocol';
import type { OverlaySide } from '../../lib/settings';

export interface OverlayStatus {
  pageKind: string;
  openItems: number;
  health: Health;
}

export interface FieldHintState {
  /** Normalised label of the field (as checklist items name it). */
  field: string;
  /** Viewport rectangle of the field the hint is about. */
  rect: { top: number; left: number; bottom: number; right: number };
}

/** The overlay's state: a factory of signals, one per content-script instance (no module singletons). */
export function createOverlayState(initial: { url: string; collapsed: boolean; side: OverlaySide; locale: Locale }) {
  const url = signal(initial.url);
  const collapsed = signal(initial.collapsed);
  const side = signal<OverlaySide>(initial.side);
  /** The portal's own buttons are under the panel: shrink it to its header until they are not. */
  const dodging = signal(false);
  /** The admin opened the panel while it was dodging: it stays open on this page (it must not close under them). */
  const keepOpen = signal(false);
  const locale = signal(initial.locale);
  const now = signal(Date.now());
  /** The message table for `locale`, fetched from the background. */
  const messages = signal<MessageTable>({});
  const t = computed(() => translatorFor(messages.value));
  /** The checklist as the background judged it from this page and everything remembered. */
  const view = signal<OverlayView | undefined>(undefined);
  /** `view` answers facts read from the whole page, with no part of it still loading. */
  const complete = signal(false);
  const error = signal<string | undefined>(undefined);
  const hint = signal<FieldHintState | undefined>(undefined);
  const page = computed(() => detectPage(url.value));

  const status = computed<OverlayStatus>(() => {
    const v = view.value;
    const pageKind = page.value?.kind ?? 'unknown';
    if (!v || v.kind !== 'firm') return { pageKind, openItems: 0, health: 'unknown' };
    return { pageKind, openItems: v.progress.open, health: v.health };
  });

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

  return { url, collapsed, side, dodging, keepOpen, locale, now, messages, t, view, complete, error, hint, page, status, onStatusChange };
}

export type OverlayState = ReturnType<typeof createOverlayState>;
