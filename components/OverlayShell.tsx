import type { ComponentChildren } from 'preact';
import { useI18n } from './i18n';

interface Props {
  collapsed: boolean;
  onToggle: () => void;
  side: 'left' | 'right';
  onMoveSide: () => void;
  summary: ComponentChildren;
  children: ComponentChildren;
}

/**
 * The overlay's frame: a labelled region with a header (title, summary, collapse toggle) and a body.
 * Feature content (the checklist) goes in `children`.
 */
export function OverlayShell({ collapsed, onToggle, side, onMoveSide, summary, children }: Props) {
  const { t } = useI18n();
  const bodyId = 'bn-overlay-body';
  return (
    <section class="overlay" role="region" aria-label={t('overlay.title')}>
      <header class="overlay-header">
        <span class="overlay-logo" aria-hidden="true">
          BN
        </span>
        <h2 class="overlay-title">{t("overlay.short")}</h2>
        <span class="overlay-summary">{summary}</span>
        <button
          type="button"
          class="icon-button"
          aria-label={side === 'right' ? t('overlay.side.left') : t('overlay.side.right')}
          title={side === 'right' ? t('overlay.side.left') : t('overlay.side.right')}
          onClick={onMoveSide}
        >
          <span aria-hidden="true">{side === 'right' ? '⇤' : '⇥'}</span>
        </button>
        <button
          type="button"
          class="icon-button"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          aria-label={collapsed ? t('overlay.expand') : t('overlay.collapse')}
          title={collapsed ? t('overlay.expand') : t('overlay.collapse')}
          onClick={onToggle}
        >
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        </button>
      </header>
      <div class="overlay-body" id={bodyId} hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
