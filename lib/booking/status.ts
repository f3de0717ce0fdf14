// Status -> severity, kept apart from explain.ts so that light bundles (history, badge) need no message catalogue.
import type { CheckStatus, Severity } from './types';

/** Toolbar/badge severity of a status. Statuses that say nothing about booking are `unknown`. */
export function severityOf(status: CheckStatus): Severity {
  switch (status) {
    case 'ok':
      return 'ok';
    case 'partial':
      return 'warning';
    case 'no-service':
    case 'connect-failed':
      return 'error';
    default:
      return 'unknown';
  }
}

/** Whether the status says something about the booking setup (not about the check itself). */
export function isConclusive(status: CheckStatus): boolean {
  return severityOf(status) !== 'unknown';
}

/** For lib/checklist's `BookingCheck` (its own, narrower status); null = do not record (cancelled). */
export function toChecklistStatus(status: CheckStatus): 'ok' | 'no-service' | 'connect-failed' | 'error' | null {
  switch (status) {
    case 'ok':
    case 'partial':
      return 'ok';
    case 'no-service':
    case 'connect-failed':
      return status;
    case 'cancelled':
      return null;
    default:
      return 'error';
  }
}
