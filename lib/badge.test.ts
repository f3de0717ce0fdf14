import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeFor } from './badge';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  ) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('badge', () => {
  it('shows counts with the health colour, capped at 99+', () => {
    expect(badgeFor(3, 'warning')).toEqual({ text: '3', colour: BADGE_COLOURS.warning, health: 'warning' });
    expect(badgeFor(150, 'error').text).toBe('99+');
  });
  it('ok and zero items read as a tick, unknown as ?', () => {
    expect(badgeFor(0, 'warning').text).toBe('✓');
    expect(badgeFor(0, 'ok').health).toBe('ok');
    expect(badgeFor(0, 'unknown').text).toBe('?');
    expect(badgeFor(4, 'unknown')).toEqual({ text: '4', colour: BADGE_COLOURS.unknown, health: 'unknown' });
  });
  it('white badge text has at least 4.5:1 contrast on every colour', () => {
    for (const colour of Object.values(BADGE_COLOURS)) {
      expect((1.05) / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
