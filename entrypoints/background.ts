import '../lib/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler } from '../lib/messaging/handler';
import { originConfig } from '../lib/config/origins';
import { badgeFor } from '../lib/badge';
import type { Health } from '../lib/messaging/protocol';
import { actionApi } from '../platform/browser-features';

export default defineBackground({
  type: 'module',
  main() {
    const config = originConfig(import.meta.env.MODE);
    const action = actionApi();
    const healthByTab = new Map<number, Health>();

    const handleMessage = createMessageHandler(
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
        portalMatches: config.portalMatches,
      },
      {
        ping: () => ({ version: browser.runtime.getManifest().version, mode: import.meta.env.MODE }),
        'overlay.status': async ({ openItems, health }, { tabId }) => {
          const badge = badgeFor(openItems, health);
          if (tabId !== undefined && action) {
            healthByTab.set(tabId, badge.health);
            await action.setBadgeText({ tabId, text: badge.text });
            await action.setBadgeBackgroundColor({ tabId, color: badge.colour });
            await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
          }
          return { badgeText: badge.text };
        },
        'badge.get': async ({ tabId }) => ({
          text: action ? await action.getBadgeText({ tabId }) : '',
          health: healthByTab.get(tabId) ?? 'unknown',
        }),
        'log.report': ({ level, message }) => {
          console[level]('[ui]', message);
          return { received: true };
        },
      },
    );

    browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
    browser.tabs.onRemoved.addListener((tabId) => healthByTab.delete(tabId));

    // Chrome: clicking the toolbar icon opens the popup; the side panel opens from there.
    const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
    void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  },
});
