import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings, serializeSettings, type Settings } from '../lib/settings';

// Plain storage.local instead of WXT's storage helper: the content script reads settings and every kB
// of its bundle counts. The key, version and parsing live in lib/settings.ts.

export async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await readSettings()), ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: serializeSettings(next) });
  return next;
}

export function watchSettings(onChange: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) onChange(parseSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
