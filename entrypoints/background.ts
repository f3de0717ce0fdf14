import '../lib/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler } from '../lib/messaging/handler';
import { originConfig, urlMatchesPatterns } from '../lib/config/origins';
import { createBackgroundHandlers } from '../lib/background/handlers';
import { createFactsMemory } from '../lib/facts/memory';
import type { Health } from '../lib/messaging/protocol';
import { actionApi, injectFormsScript } from '../platform/browser-features';
import { localStore } from '../platform/storage';
import { createAddressChecker } from '../lib/background/address-checks';
import { createKartverketClient } from '../lib/validation/registers/kartverket';
import { createBrregClient } from '../lib/validation/registers/brreg';
import { createFieldValidator } from '../lib/background/field-validation';

export default defineBackground({
  type: 'module',
  main() {
    const config = originConfig(import.meta.env.MODE);
    const action = actionApi();
    const healthByTab = new Map<number, Health>();

    // One client per register for the whole worker: their caches and in-flight de-duplication are shared.
    const kartverket = createKartverketClient({ baseUrl: config.kartverketBase });
    const brreg = createBrregClient({ baseUrl: config.brregBase });

    const handleMessage = createMessageHandler(
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
        portalMatches: config.portalMatches,
      },
      createBackgroundHandlers({
        version: browser.runtime.getManifest().version,
        mode: import.meta.env.MODE,
        memory: createFactsMemory(localStore),
        badge: {
          async set(tabId, badge) {
            healthByTab.set(tabId, badge.health);
            if (!action) return;
            await action.setBadgeText({ tabId, text: badge.text });
            await action.setBadgeBackgroundColor({ tabId, color: badge.colour });
            await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
          },
          async get(tabId) {
            return { text: action ? await action.getBadgeText({ tabId }) : '', health: healthByTab.get(tabId) ?? 'unknown' };
          },
        },
        log: (level, message) => console[level]('[ui]', message),
        addresses: createAddressChecker({
          client: kartverket,
          store: localStore,
          now: Date.now,
        }),
        validateField: createFieldValidator({ brreg, kartverket }),
        isPortalOrigin: (origin) => {
          try {
            return new URL(origin).origin === origin && urlMatchesPatterns(`${origin}/`, config.portalMatches);
          } catch {
            return false;
          }
        },
        injectForms: (tabId) => injectFormsScript(tabId),
        refreshTab: (tabId) => void browser.tabs.sendMessage(tabId, { type: 'overlay.refresh' }).catch(() => undefined),
      }),
    );

    browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
    browser.tabs.onRemoved.addListener((tabId) => healthByTab.delete(tabId));

    // Chrome: clicking the toolbar icon opens the popup; the side panel opens from there.
    const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
    void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  },
});
