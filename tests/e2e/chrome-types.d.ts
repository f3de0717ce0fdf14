// Code passed to page.evaluate() in e2e tests runs in extension pages and the service worker, where the
// `chrome` global exists. Only the tests see these types; lib/ and entrypoints use `browser` from WXT.
/// <reference types="chrome" />
