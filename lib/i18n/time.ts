import type { Translator } from './core';

/** "akkurat nå", "for 5 min siden", "for 3 t siden", "for 2 d siden". */
export function formatAge(thenMs: number, nowMs: number, t: Translator): string {
  const minutes = Math.max(0, Math.floor((nowMs - thenMs) / 60_000));
  if (minutes < 1) return t('common.justNow');
  if (minutes < 60) return t('common.minutesAgo', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('common.hoursAgo', { n: hours });
  return t('common.daysAgo', { n: Math.floor(hours / 24) });
}
