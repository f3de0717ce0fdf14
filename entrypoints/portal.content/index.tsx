import '../../components/theme.css';
import './style.css';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { resolveLocale } from '../../lib/i18n';
import { originConfig } from '../../lib/config/origins';
import { readSettings, updateSettings, watchSettings } from '../../platform/settings';
import { send } from '../../platform/messaging';
import { createOverlayState } from './state';
import { OverlayApp } from './OverlayApp';

export default defineContentScript({
  // Production patterns; the sandbox build widens them to loopback in wxt.config.ts.
  matches: [...originConfig('production').portalMatches],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const settings = await readSettings();
    const state = createOverlayState({
      url: location.href,
      collapsed: settings.overlayCollapsed,
      locale: resolveLocale(settings.language, document.documentElement.lang, navigator.languages),
    });

    const stopWatching = watchSettings((s) => {
      state.locale.value = resolveLocale(s.language, document.documentElement.lang, navigator.languages);
      state.collapsed.value = s.overlayCollapsed;
    });
    ctx.onInvalidated(stopWatching);

    const ui = await createShadowRootUi(ctx, {
      name: 'bn-admin-companion',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'closed',
      onMount(container) {
        render(
          <OverlayApp
            state={state}
            onToggle={() => {
              state.collapsed.value = !state.collapsed.value;
              void updateSettings({ overlayCollapsed: state.collapsed.value }).catch(() => undefined);
            }}
          />,
          container,
        );
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();

    // SPA navigation: WXT watches the URL and fires this event; the listener is removed with ctx.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      state.url.value = newUrl.href;
    });

    // Tell the background what this tab shows, whenever it changes (drives the toolbar badge).
    const stopReporting = state.onStatusChange((status) => {
      if (ctx.isInvalid) return;
      void send('overlay.status', status).catch(() => undefined);
    });
    ctx.onInvalidated(stopReporting);
  },
});
