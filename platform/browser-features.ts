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

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) from a click. Firefox's `sidebarAction.open()` is called
 * first, before anything is awaited: after an await the click no longer counts as a user gesture and Firefox
 * refuses. Chrome needs the window id first.
 */
export async function openSidePanel(): Promise<boolean> {
  const b = browser as unknown as {
    sidePanel?: { open(o: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (b.sidebarAction) {
    await b.sidebarAction.open();
    return true;
  }
  if (b.sidePanel) {
    const win = await browser.windows.getCurrent();
    if (win.id === undefined) return false;
    await b.sidePanel.open({ windowId: win.id });
    return true;
  }
  return false;
}

export function hasSidePanel(): boolean {
  const b = browser as unknown as { sidePanel?: unknown; sidebarAction?: unknown };
  return Boolean(b.sidePanel ?? b.sidebarAction);
}

/** Runs the edit-form content script in a tab's top frame. */
export function injectFormsScript(tabId: number): Promise<void> {
  return injectScript(tabId, '/content-scripts/portal-forms.js');
}

/** Runs the removal guide's script in a tab's top frame. */
export function injectGuideScript(tabId: number): Promise<void> {
  return injectScript(tabId, '/content-scripts/portal-guide.js');
}

/** Runs a runtime-registered content script in a tab's top frame: `scripting` (Chrome MV3) or `tabs.executeScript` (Firefox MV2). */
async function injectScript(tabId: number, file: string): Promise<void> {
  const b = browser as unknown as {
    scripting?: { executeScript(o: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
    tabs: { executeScript?(tabId: number, o: { file: string; frameId: number }): Promise<unknown> };
  };
  if (b.scripting) await b.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
  else if (b.tabs.executeScript) await b.tabs.executeScript(tabId, { file, frameId: 0 });
}
