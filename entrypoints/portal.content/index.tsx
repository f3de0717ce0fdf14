import themeCss from '../../components/theme.css?inline';
import overlayCss from './style.css?inline';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { mountClosedShadow } from './mount';
import { HOST_TAGS } from '../../lib/dom/own-elements';
import { resolveLocale, type Locale } from '../../lib/i18n/core';
import { placeOfTarget } from '../../lib/portal/urls';
import { FORM_PAGES } from '../../lib/portal/forms';
import { effect, signal } from '@preact/signals';
import { readSettings, updateSettings, watchSettings } from '../../platform/settings';
import { send } from '../../platform/messaging';
import { createOverlayState } from './state';
import { startController } from './controller';
import { OverlayApp } from './OverlayApp';

/** How long the overlay waits for the background's first answer before it shows "reading the page". */
const READY_WAIT_MS = 1500;

export default defineContentScript({
  // Placeholder: wxt.config.ts sets the real patterns from lib/config/origins.ts for each build (a
  // literal here keeps that module out of the bundle; tests/build/manifest.test.ts checks the result).
  matches: ['https://behandlernettverk.no/*'],
  // The CSS is inlined into the closed shadow root (mount.ts): no web-accessible resources.
  cssInjectionMode: 'manual',
  // WXT would otherwise window.postMessage our runtime id to the page (the portal could detect and stop us).
  noScriptStartedPostMessage: true,
  runAt: 'document_idle',
  async main(ctx) {
    const settings = await readSettings();
    const localeOf = (language: typeof settings.language) => resolveLocale(language, document.documentElement.lang, navigator.languages);
    const state = createOverlayState({
      url: location.href,
      collapsed: settings.overlayCollapsed,
      side: settings.overlaySide,
      locale: localeOf(settings.language),
    });

    // The message table comes from the background (the bundle carries no catalogues).
    const loadMessages = async (locale: Locale) => {
      try {
        const { table } = await send('i18n.table', { locale });
        if (state.locale.value === locale) state.messages.value = table;
      } catch (e) {
        state.error.value = e instanceof Error ? e.message : String(e);
      }
    };
    void loadMessages(state.locale.value);

    ctx.onInvalidated(
      watchSettings((s) => {
        const locale = localeOf(s.language);
        if (locale !== state.locale.value) {
          state.locale.value = locale;
          void loadMessages(locale);
        }
        state.collapsed.value = s.overlayCollapsed;
        state.side.value = s.overlaySide;
      }),
    );

    // Plain requestAnimationFrame: WXT's ctx.requestAnimationFrame adds an abort listener per call that is
    // never removed (tests/bench found the leak); the controller checks ctx.signal itself.
    let mounted = false;
    const waited = signal(false);
    const controller = startController(
      state,
      send,
      ctx.signal,
      (cb) => requestAnimationFrame(() => ctx.signal.aborted || cb()),
      () => mounted || waited.value,
    );

    // Mount once there is something worth showing: the message table, and the checklist view of the whole
    // page, late sections such as Online Manager included (or an error, or a page the overlay has nothing
    // to read on). Mounting earlier rendered the panel three or four times during the portal's own load
    // (raw keys, "reading the page", the view of the half-loaded page, the final view), and each render
    // cost script, style and layout on the page's main thread. If the background or a late section is
    // slow, the panel shows what it has after READY_WAIT_MS instead of staying away.
    ctx.setTimeout(() => {
      waited.value = true;
      // A part of the page is still loading after all: read what there is, so the panel can show it.
      if (!state.complete.value) controller.refresh();
    }, READY_WAIT_MS);
    const stopWaiting = effect(() => {
      const hasText = Object.keys(state.messages.value).length > 0;
      const hasBody = state.complete.value || state.error.value !== undefined || !state.page.value;
      if (!(hasText && hasBody) && !waited.value) return;
      // Out of the effect: mounting renders, and the render reads these same signals.
      queueMicrotask(() => {
        if (mounted || ctx.isInvalid) return;
        mounted = true;
        stopWaiting();
        mount();
      });
    });
    ctx.onInvalidated(stopWaiting);

    function mount() {
      mountClosedShadow({
        tag: HOST_TAGS.overlay,
        css: `${themeCss}\n${overlayCss}`,
        signal: ctx.signal,
        onMount(container) {
          render(
            <OverlayApp
              state={state}
              actions={{
                onToggle: () => {
                  if (state.dodging.value) {
                    // Shown collapsed only to stay off a portal button: the admin wants it open, and it stays
                    // open on this page (dodging again on the next scroll would close it under their focus).
                    state.dodging.value = false;
                    state.keepOpen.value = true;
                    state.collapsed.value = false;
                  } else {
                    state.collapsed.value = !state.collapsed.value;
                    if (state.collapsed.value) state.keepOpen.value = false;
                  }
                  void updateSettings({ overlayCollapsed: state.collapsed.value }).catch(() => undefined);
                },
                onGoTo: (item, firmId) => {
                  const place = item.target && placeOfTarget(item.target, firmId);
                  if (place) controller.goTo(place, item.target?.field);
                },
                onChooseFirmType: (firmId, firmType) => {
                  void send('firm.prefs', { firmId, firmType })
                    .then(() => controller.refresh(true))
                    .catch((e: unknown) => (state.error.value = e instanceof Error ? e.message : String(e)));
                },
                onFirmPrefs: (firmId, patch) => {
                  void send('firm.prefs', { firmId, ...patch })
                    .then(() => controller.refresh(true))
                    .catch((e: unknown) => (state.error.value = e instanceof Error ? e.message : String(e)));
                },
                onMoveSide: () => {
                  state.side.value = state.side.value === 'right' ? 'left' : 'right';
                  void updateSettings({ overlaySide: state.side.value }).catch(() => undefined);
                },
                onPanelRect: controller.setPanelRect,
              }}
            />,
            container,
          );
        },
        onUnmount(container) {
          render(null, container);
        },
      });
    }

    // SPA navigation: WXT watches the URL and fires this event; the listener is removed with ctx.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      state.url.value = newUrl.href;
      state.hint.value = undefined;
      state.keepOpen.value = false;
      controller.refresh();
    });

    // The background asks for a fresh report when a late register answer changed the checklist. Only our
    // own extension can send to this listener; the message has exactly one allowed shape.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return;
      if (message && typeof message === 'object' && (message as { type?: unknown }).type === 'overlay.refresh') controller.refresh(true);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // Edit forms get the validation script (injected by the background, only where it is needed).
    let formsAsked = false;
    ctx.onInvalidated(
      effect(() => {
        const kind = state.page.value?.kind;
        if (formsAsked || !kind || !FORM_PAGES.includes(kind)) return;
        formsAsked = true;
        void send('forms.attach', {}).catch(() => {
          formsAsked = false; // asked again on the next page change
        });
      }),
    );

    // Tell the background what this tab shows, whenever it changes (drives the toolbar badge).
    const stopReporting = state.onStatusChange((status) => {
      if (ctx.isInvalid) return;
      void send('overlay.status', status).catch(() => undefined);
    });
    ctx.onInvalidated(stopReporting);
  },
});
