import '../lib/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler } from '../lib/messaging/handler';
import { originConfig, urlMatchesPatterns } from '../lib/config/origins';
import { createBackgroundHandlers } from '../lib/background/handlers';
import { createFactsMemory } from '../lib/facts/memory';
import type { Health } from '../lib/messaging/protocol';
import { actionApi, injectFormsScript, injectGuideScript } from '../platform/browser-features';
import { localStore } from '../platform/storage';
import { createAddressChecker } from '../lib/background/address-checks';
import { createKartverketClient } from '../lib/validation/registers/kartverket';
import { createBrregClient } from '../lib/validation/registers/brreg';
import { createFieldValidator } from '../lib/background/field-validation';
import { createBookingService } from '../lib/background/booking-service';
import { createPortalApi } from '../lib/portal/api';
import { timerSleep } from '../lib/booking/runner';
import { badgeFor } from '../lib/badge';
import { createTranslator, resolveLocale } from '../lib/i18n';
import { readSettings } from '../platform/settings';
import { createIdbDraftStore } from '../lib/drafts/store';
import { createDraftService } from '../lib/drafts/service';
import { createBoardService } from '../lib/board/service';
import { parseBookingState, BOOKING_STATE_KEY } from '../lib/booking/state';
import type { KeyValueStore } from '../lib/facts/memory';

/**
 * While a booking run is in progress the background must not be stopped as idle. A pending fetch is no activity
 * to Firefox's event page, and Firefox's storage.local calls (done in the extension's own process) do not reset
 * its idle timer, so a run of slow vendors was unloaded part-way (tests/e2e/lifecycle.test.ts). A trivial
 * extension API call every few seconds does reset it, in Firefox and in Chrome's service worker alike.
 */
const KEEPALIVE_MS = 5_000;

function keepAliveWhileRunning(store: KeyValueStore): KeyValueStore {
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    ...store,
    async set(items) {
      const state = items[BOOKING_STATE_KEY] as { run?: { running?: unknown } | null } | undefined;
      if (state) {
        const running = state.run?.running === true;
        if (running && !timer) timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEPALIVE_MS);
        if (!running && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      }
      return store.set(items);
    },
  };
}

export default defineBackground({
  type: 'module',
  // Firefox MV2: an event page (unloaded when idle, woken by events), like Chrome's MV3 service worker, so
  // both browsers live the same lifecycle; without this, Firefox MV2 keeps the background page for ever.
  persistent: false,
  main() {
    const config = originConfig(import.meta.env.MODE);
    const action = actionApi();
    const healthByTab = new Map<number, Health>();

    // One client per register for the whole worker: their caches and in-flight de-duplication are shared.
    const kartverket = createKartverketClient({ baseUrl: config.kartverketBase });
    const brreg = createBrregClient({ baseUrl: config.brregBase });

    // The portal origin the admin uses: the last one a content script reported from (sandbox ports vary).
    const ORIGIN_KEY = 'portal.origin.v1';
    let lastOrigin: string | undefined;
    const portalOrigin = async () => {
      if (lastOrigin) return lastOrigin;
      const stored = (await browser.storage.local.get(ORIGIN_KEY))[ORIGIN_KEY];
      return typeof stored === 'string' ? stored : new URL(config.portalHome).origin;
    };
    const apis = new Map<string, ReturnType<typeof createPortalApi>>();
    const apiFor = (origin: string) => {
      let api = apis.get(origin);
      if (!api) apis.set(origin, (api = createPortalApi({ baseUrl: origin })));
      return api;
    };
    const booking = createBookingService({
      store: keepAliveWhileRunning(localStore),
      portalOrigin,
      api: apiFor,
      now: Date.now,
      sleep: timerSleep,
      // The toolbar's own badge (tabs without an overlay status): the worst booking status.
      onWorst: (worst, problems) => {
        const badge = badgeFor(problems, worst);
        void action?.setBadgeText({ text: worst === 'unknown' ? '' : badge.text });
        void action?.setBadgeBackgroundColor({ color: badge.colour });
      },
      onTransition: (location, _from, to) => {
        void (async () => {
          const settings = await readSettings();
          const t = createTranslator(resolveLocale(settings.language, null, navigator.languages));
          const failing = to !== 'ok';
          await browser.notifications?.create(`booking-${location.id}-${Date.now()}`, {
            type: 'basic',
            iconUrl: browser.runtime.getURL('/icon/128.png'),
            title: t(failing ? 'booking.notify.failing.title' : 'booking.notify.ok.title'),
            message: t(failing ? 'booking.notify.failing' : 'booking.notify.ok', { location: location.name, firm: location.firmName }),
          });
        })().catch(() => undefined);
      },
    });
    void booking.recover();

    // The all-locations board: "Les alle" reads every firm and location into the same facts memory.
    const memory = createFactsMemory(localStore);
    const addresses = createAddressChecker({ client: kartverket, store: localStore, now: Date.now });
    const board = createBoardService({
      store: localStore,
      memory,
      portalOrigin,
      api: apiFor,
      now: Date.now,
      knownFirms: async (origin) => {
        const s = parseBookingState((await browser.storage.local.get(BOOKING_STATE_KEY))[BOOKING_STATE_KEY]);
        if (s.origin !== origin) return [];
        const firms = new Map<string, { id: string; name: string; type: string }>();
        for (const l of s.locations) if (!firms.has(l.firmId)) firms.set(l.firmId, { id: l.firmId, name: l.firmName, type: '' });
        return [...firms.values()];
      },
      addressChecks: (origin, locations) => addresses.forLocations(origin, locations, { deadlineMs: 1_500 }),
      bookingChecks: (origin) => booking.checklistChecks(origin),
    });
    void board.recover();

    // The removal guide: a plan per tab, asked for by the guide script once it runs there.
    const guidePlans = new Map<number, { kind: 'remove-person'; locationId: string; personId: string; personName: string }>();
    const guideRemoval = async (locationId: string, personId: string): Promise<boolean> => {
      const origin = await portalOrigin();
      const roster = await board.loadRoster(origin);
      let personName = roster[locationId]?.people.find((p) => p.personId === personId)?.name;
      if (!personName) {
        const loc = await apiFor(origin).getLocation(locationId);
        personName = loc?.kind === 'ok' ? loc.data.people.find((p) => p.id === personId)?.name : undefined;
      }
      if (!personName) return false;
      const tab = await browser.tabs.create({ url: `${origin}/lokasjon/${encodeURIComponent(locationId)}` });
      if (tab.id === undefined) return false;
      const tabId = tab.id;
      guidePlans.set(tabId, { kind: 'remove-person', locationId, personId, personName });
      await new Promise<void>((resolve) => {
        const onUpdated = (id: number, info: { status?: string }) => {
          if (id !== tabId || info.status !== 'complete') return;
          browser.tabs.onUpdated.removeListener(onUpdated);
          resolve();
        };
        browser.tabs.onUpdated.addListener(onUpdated);
        setTimeout(() => {
          browser.tabs.onUpdated.removeListener(onUpdated);
          resolve();
        }, 15_000);
      });
      await injectGuideScript(tabId);
      return true;
    };

    // Scheduled check (default daily): all locations, unless the portal session has expired.
    const ALARM = 'booking-scheduled';
    void browser.alarms.get(ALARM).then((existing) => {
      if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== ALARM) return;
      void booking.load().then((s) => (s.reach === 'session-expired' ? undefined : booking.run()));
    });

    // Drafts: IndexedDB in the extension's origin, owned here (never the portal page's storage).
    const retentionDays = async () => (await readSettings()).draftRetentionDays;
    const drafts = createDraftService({
      store: createIdbDraftStore({ onBlocked: () => console.warn('[drafts] database upgrade waits for an older connection') }),
      now: Date.now,
      retentionDays,
    });
    const DRAFTS_ALARM = 'drafts-cleanup';
    void browser.alarms.get(DRAFTS_ALARM).then((existing) => {
      if (!existing) void browser.alarms.create(DRAFTS_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 5 });
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === DRAFTS_ALARM) void drafts.cleanup().catch((e: unknown) => console.warn('[drafts] clean-up failed', e));
    });

    const handleMessage = createMessageHandler(
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
        portalMatches: config.portalMatches,
      },
      createBackgroundHandlers({
        version: browser.runtime.getManifest().version,
        mode: import.meta.env.MODE,
        memory,
        drafts,
        retentionDays,
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
        addresses,
        board,
        guideRemoval,
        guidePlan: (tabId) => guidePlans.get(tabId) ?? null,
        validateField: createFieldValidator({ brreg, kartverket }),
        booking,
        bookingChecks: (origin) => booking.checklistChecks(origin),
        onPortalSeen: (origin) => {
          if (origin === lastOrigin) return;
          lastOrigin = origin;
          void browser.storage.local.set({ [ORIGIN_KEY]: origin });
        },
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
    browser.tabs.onRemoved.addListener((tabId) => {
      healthByTab.delete(tabId);
      guidePlans.delete(tabId);
    });

    // Chrome: clicking the toolbar icon opens the popup; the side panel opens from there.
    const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
    void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  },
});
