// Code passed to page.evaluate() in e2e tests runs in extension pages and the service worker, where the
// `chrome` global exists. Only the tests see these types; lib/ and entrypoints use `browser` from WXT.
/// <reference types="chrome" />

/**
 * In extension pages opened by the harness (openExtensionPage): the extension API with promises in both
 * browsers — Firefox's `browser`, Chrome's `chrome`. Firefox MV2's `chrome.*` takes callbacks only, so e2e code
 * uses `ext.*`. Firefox MV2 has `browserAction`, not `action`: see the harness's toolbarBadge.
 */
declare const ext: typeof chrome;
