import { browser } from 'wxt/browser';

// Chrome MV3 has `action` and `sidePanel`; Firefox MV2 has `browserAction` and `sidebarAction`.
// Feature-detect instead of sniffing the browser.

type ActionLike = {
  setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void>;
  getBadgeText(details: { tabId?: number }): Promise<string>;
  setBadgeTextColor?(details: { color: string; tabId?: number }): Promise<void>;
};

export function actionApi(): ActionLike | undefined {
  const b = browser as unknown as { action?: ActionLike; browserAction?: ActionLike };
  return b.action ?? b.browserAction;
}

/** Opens the side panel (Chrome) or sidebar (Firefox). Must run inside a user gesture. */
export async function openSidePanel(windowId?: number): Promise<boolean> {
  const b = browser as unknown as {
    sidePanel?: { open(o: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (b.sidePanel && windowId !== undefined) {
    await b.sidePanel.open({ windowId });
    return true;
  }
  if (b.sidebarAction) {
    await b.sidebarAction.open();
    return true;
  }
  return false;
}

export function hasSidePanel(): boolean {
  const b = browser as unknown as { sidePanel?: unknown; sidebarAction?: unknown };
  return Boolean(b.sidePanel ?? b.sidebarAction);
}
