import { originConfig, registerHostPatterns } from './origins';

/** Firefox add-on id: fixed, so storage and the moz-extension uuid mapping survive reinstalls. */
export const GECKO_ID = '{6f1d3c52-8a1e-4b7e-9a57-2c4d0e9b1f31}';

/**
 * The manifest fields we own (WXT adds entrypoints, side_panel/sidebar_action and the `sidePanel`
 * permission). Least privilege: every permission here is used by a feature; no `<all_urls>`, no
 * loopback outside the sandbox build, no `externally_connectable`.
 */
export function buildManifest({ browser, mode }: { browser: string; mode: string }) {
  const origins = originConfig(mode);
  const sandbox = mode === 'sandbox';
  return {
    name: sandbox ? '__MSG_extName__ (sandbox)' : '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'nb',
    // storage: settings and remembered facts; scripting: the edit-form script is injected on edit forms only;
    // alarms: the scheduled booking check and the daily draft clean-up; notifications: a location's booking going
    // from ok to failing and back; unlimitedStorage: drafts in the extension's IndexedDB must not be evicted or
    // refused under the default quota (retention and caps keep them small).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'notifications'],
    // The portal (content script, and the portal's API with the admin's own session) and exactly the
    // register hosts the background looks addresses and organisation numbers up in.
    host_permissions: [...new Set([...origins.portalMatches, ...registerHostPatterns(origins)])],
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    action: { default_title: '__MSG_extName__', default_icon: { 16: '/icon/16.png', 32: '/icon/32.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  };
}
