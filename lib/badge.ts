import type { Health } from './messaging/protocol';

/**
 * Toolbar badge colours, one per health. Text always accompanies colour (colour is never the only
 * signal): a count, `!` or `?`. Contrast of white text on each colour is ≥ 4.5:1.
 */
export const BADGE_COLOURS: Record<Health, string> = {
  ok: '#1b6e3a',
  warning: '#8a5a00',
  error: '#b3261e',
  unknown: '#5f6368',
};

export interface BadgeState {
  text: string;
  colour: string;
  health: Health;
}

/** Badge for a number of open items and the worst health behind them. */
export function badgeFor(openItems: number, health: Health): BadgeState {
  const colour = BADGE_COLOURS[health];
  if (health === 'unknown' && openItems <= 0) return { text: '?', colour, health };
  if (health === 'ok' || openItems <= 0) return { text: '✓', colour: BADGE_COLOURS.ok, health: 'ok' };
  // Open items that are only "not checked yet" still count; the grey colour says they are unknown.
  const text = openItems > 99 ? '99+' : String(openItems);
  return { text, colour, health };
}
