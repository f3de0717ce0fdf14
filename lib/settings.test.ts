import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, parseSettings, serializeSettings } from './settings';

describe('settings', () => {
  it('fills defaults', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ language: 'en' })).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });
  it('keeps valid fields when others are broken', () => {
    expect(parseSettings({ language: 'xx', overlayCollapsed: true, overlaySide: 'up' })).toEqual({ language: 'auto', overlayCollapsed: true, overlaySide: 'right', draftRetentionDays: 30, goneThreshold: 3 });
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
  it('round-trips and never throws', () => {
    expect(parseSettings(serializeSettings({ language: 'nb', overlayCollapsed: true, overlaySide: 'left', draftRetentionDays: 7, goneThreshold: 2 }))).toEqual({ language: 'nb', overlayCollapsed: true, overlaySide: 'left', draftRetentionDays: 7, goneThreshold: 2 });
    expect(parseSettings({ draftRetentionDays: 0 }).draftRetentionDays).toBe(30);
    expect(parseSettings({ draftRetentionDays: 400 }).draftRetentionDays).toBe(30);
    expect(parseSettings({ draftRetentionDays: 2.5 }).draftRetentionDays).toBe(30);
    expect(parseSettings({ goneThreshold: 0 }).goneThreshold).toBe(3);
    expect(parseSettings({ goneThreshold: 2.5 }).goneThreshold).toBe(3);
    expect(parseSettings({ goneThreshold: 5 }).goneThreshold).toBe(5);
    fc.assert(fc.property(fc.anything(), (x) => {
      const s = parseSettings(x);
      expect(['auto', 'nb', 'en']).toContain(s.language);
    }));
  });
});
