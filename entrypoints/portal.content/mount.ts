import { exposeToE2e } from '../../platform/e2e-probe';

/**
 * Mounts the overlay in a closed shadow root with its CSS inlined. Our own few lines instead of WXT's
 * createShadowRootUi: no web-accessible CSS file (nothing the portal can probe for), a smaller bundle,
 * and the host is put back if the portal's own scripts remove it. Torn down through `signal`.
 */
export function mountClosedShadow(options: { tag: string; css: string; signal: AbortSignal; onMount: (container: HTMLElement) => void; onUnmount: (container: HTMLElement) => void }) {
  const host = document.createElement(options.tag);
  const shadow = host.attachShadow({ mode: 'closed' });
  exposeToE2e(shadow);
  const style = document.createElement('style');
  style.textContent = options.css;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Test hook, sandbox build only (production strips it; tests/build/release.test.ts checks the zips): the
  // accessibility e2e runs axe in this content script's isolated world, which the portal's page cannot see.
  if (import.meta.env.MODE === 'sandbox') (globalThis as { __bnTestOverlay?: { host: HTMLElement; shadow: ShadowRoot } }).__bnTestOverlay = { host, shadow };
  document.body.append(host);
  options.onMount(container);

  // Some SPAs replace everything under <body>, or <body> itself: put the host back (same shadow root, same
  // state). Only <html>'s and <body>'s own children are watched, not the whole page: the host is a child of
  // <body>, and a subtree observer would be called (with records built for our world) on every portal render.
  let body = document.body;
  const keeper = new MutationObserver(() => {
    if (document.body && document.body !== body) {
      body = document.body;
      keeper.observe(body, { childList: true });
    }
    if (!host.isConnected && document.body) document.body.append(host);
  });
  keeper.observe(document.documentElement, { childList: true });
  keeper.observe(body, { childList: true });

  options.signal.addEventListener(
    'abort',
    () => {
      keeper.disconnect();
      options.onUnmount(container);
      host.remove();
    },
    { once: true },
  );
}
