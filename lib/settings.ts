/**
 * User settings: one storage key (`settings`), versioned. Parsed field by field on every read so that a
 * broken or older value never breaks a UI. Hand-written instead of zod: the content script reads settings
 * and its bundle budget has no room for a schema library.
 */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export type LanguageSetting = 'auto' | 'nb' | 'en';
export type OverlaySide = 'right' | 'left';

export interface Settings {
  language: LanguageSetting;
  overlayCollapsed: boolean;
  overlaySide: OverlaySide;
  /** Drafts not touched for this many days are deleted (1–365). */
  draftRetentionDays: number;
  /** Roster: consecutive reads without a bookable profile before "possibly no longer working here" (1–20). */
  goneThreshold: number;
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', overlayCollapsed: false, overlaySide: 'right', draftRetentionDays: 30, goneThreshold: 3 };

export function parseSettings(raw: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (r.language === 'auto' || r.language === 'nb' || r.language === 'en') out.language = r.language;
  if (typeof r.overlayCollapsed === 'boolean') out.overlayCollapsed = r.overlayCollapsed;
  if (r.overlaySide === 'right' || r.overlaySide === 'left') out.overlaySide = r.overlaySide;
  if (typeof r.draftRetentionDays === 'number' && Number.isInteger(r.draftRetentionDays) && r.draftRetentionDays >= 1 && r.draftRetentionDays <= 365) out.draftRetentionDays = r.draftRetentionDays;
  if (typeof r.goneThreshold === 'number' && Number.isInteger(r.goneThreshold) && r.goneThreshold >= 1 && r.goneThreshold <= 20) out.goneThreshold = r.goneThreshold;
  return out;
}

/** What is written to storage: the settings plus their schema version (for future migrations). */
export function serializeSettings(settings: Settings): Settings & { v: number } {
  return { ...parseSettings(settings), v: SETTINGS_VERSION };
}
