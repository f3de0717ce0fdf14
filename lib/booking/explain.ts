// From a parsed Koblingslogg (or a failed API call) to a CheckStatus and a plain-language explanation:
// what it means and what to do, with the booking vendor's usual causes. Pure; message keys + params only.
export { isConclusive, severityOf, toChecklistStatus } from './status';
import type { MessageKey, MessageParams } from '../i18n/core';
import type { BookingTestResult, PortalResult } from '../portal/api';
import { parseLog, type ParsedLog } from '../portal/log';
import { severityOf } from './status';
import type { CheckStatus, Msg, Severity } from './types';
import { bookingSystemFrom, systemDisplayName, vendorCauses, vendorProblemOf } from './vendors';

/** The check's status from the log alone. See CheckStatus for the meanings. */
export function statusFromLog(log: ParsedLog): CheckStatus {
  const { connect, service, result, practitioners: p } = log;
  if (connect === 'failed') return 'connect-failed';
  if (service === 'failed') return 'no-service';
  if (result === 'failure') {
    // "Feilet" with no failing line we recognise: blame the first step that is not known to have passed.
    if (connect !== 'ok') return 'connect-failed';
    if (service !== 'ok') return 'no-service';
    return 'interrupted';
  }
  if (service !== 'ok') return 'interrupted';
  if (p.withoutSlots.length > 0 || p.unreadable.length > 0 || p.listUnreadable || p.withSlots === 0) return 'partial';
  if (result === null && p.withSlots === null) return 'interrupted';
  return 'ok';
}

export interface StatusFromResult {
  readonly status: CheckStatus;
  /** The parsed log when the portal answered. */
  readonly log: ParsedLog | null;
  /** The HTTP status for `portal-error` (absent for a body we could not read). */
  readonly portalStatus?: number;
  readonly testedAt?: string;
}

/** The status of one `runBookingTest` call. */
export function statusFromResult(result: PortalResult<BookingTestResult>): StatusFromResult {
  switch (result.kind) {
    case 'ok': {
      const log = parseLog(result.data.log);
      return { status: statusFromLog(log), log, testedAt: result.data.testedAt };
    }
    case 'session-expired':
    case 'offline':
    case 'timeout':
      return { status: result.kind, log: null };
    case 'portal-error':
      return { status: 'portal-error', log: null, portalStatus: result.status };
    case 'bad-response':
      return { status: 'portal-error', log: null };
    case 'aborted':
      return { status: 'cancelled', log: null };
    default:
      return { status: 'interrupted', log: null };
  }
}

export interface PractitionerNote {
  /** The vendor's display name of the profile, as in the log. */
  readonly name: string;
  readonly reason: 'no-slots' | 'unreadable';
  readonly message: Msg;
}

export interface Explanation {
  readonly status: CheckStatus;
  readonly severity: Severity;
  /** Short label (`booking.status.*`). */
  readonly label: Msg;
  /** One-line headline. */
  readonly summary: Msg;
  /** What it means, in plain language. */
  readonly meaning: Msg;
  /** What to do, in order. */
  readonly actions: readonly Msg[];
  /** The vendor's usual causes for this problem (empty when it is not the vendor's). */
  readonly vendorCauses: readonly Msg[];
  /** Practitioners named in the log (no free slots / unreadable). */
  readonly practitioners: readonly PractitionerNote[];
  /** Offer the ready-made e-mail to the vendor (see vendorMessage). */
  readonly contactVendor: boolean;
  /** Offer "test again" (the check itself failed, or the admin should re-test after a fix). */
  readonly retry: boolean;
}

export interface ExplainInput {
  readonly status: CheckStatus;
  readonly log?: ParsedLog | null;
  /** API id ('aspit'), display name, or null. */
  readonly system?: unknown;
  readonly portalStatus?: number | null;
  /** For `timeout`: how long we waited. Default 25. */
  readonly timeoutSeconds?: number;
}

const msg = (key: string, params?: MessageParams): Msg => (params ? { key: key as MessageKey, params } : { key: key as MessageKey });

/** The explanation of a check result. Never throws. */
export function explainCheck(input: ExplainInput): Explanation {
  const { status } = input;
  const system = bookingSystemFrom(input.system);
  const systemName = system !== null ? systemDisplayName(system) : typeof input.system === 'string' && input.system.trim() !== '' ? input.system.trim().slice(0, 100) : systemDisplayName(null);
  const params: MessageParams = { system: systemName };
  const p = input.log?.practitioners;

  let variant = '';
  if (status === 'partial' && p) {
    if (p.listUnreadable) variant = '.unreadable';
    else if (p.withSlots === 0) variant = '.none';
  }
  if (status === 'portal-error') {
    if (input.portalStatus === 422) variant = '.notSetUp';
    else if (input.portalStatus === undefined || input.portalStatus === null) variant = '.unreadable';
  }

  const summaryVariant = variant === '.none' || variant === '.notSetUp' ? variant : '';
  const meaningParams: MessageParams =
    status === 'portal-error' ? { ...params, status: input.portalStatus ?? '?' } : status === 'timeout' ? { ...params, seconds: input.timeoutSeconds ?? 25 } : params;

  const problem = vendorProblemOf(status);
  const causes = problem !== null ? vendorCauses(system, problem) : [];

  let actions: Msg[];
  switch (status) {
    case 'connect-failed':
      actions = [msg('booking.action.connect-failed.1', params), msg('booking.action.connect-failed.2', params)];
      break;
    case 'partial':
      actions = [msg(variant === '.unreadable' ? 'booking.action.partial.unreadable' : 'booking.action.partial', params)];
      break;
    case 'portal-error':
      actions = [msg(variant === '.notSetUp' ? 'booking.action.portal-error.notSetUp' : 'booking.action.portal-error', params)];
      break;
    default:
      actions = [msg(`booking.action.${status}`, params)];
  }

  const practitioners: PractitionerNote[] = [];
  if (p) {
    for (const name of p.withoutSlots) practitioners.push({ name, reason: 'no-slots', message: msg('booking.practitioner.noSlots', { name }) });
    for (const name of p.unreadable) practitioners.push({ name, reason: 'unreadable', message: msg('booking.practitioner.unreadable', { name }) });
  }

  return {
    status,
    severity: severityOf(status),
    label: msg(`booking.status.${status}`),
    summary: msg(`booking.summary.${status}${summaryVariant}`, params),
    meaning: msg(`booking.meaning.${status}${variant}`, meaningParams),
    actions,
    vendorCauses: causes,
    practitioners,
    contactVendor: problem !== null && !(status === 'partial' && variant === '.unreadable'),
    retry: status !== 'ok' && !(status === 'portal-error' && variant === '.notSetUp'),
  };
}

/** Shorthand: explain a parsed log. */
export function explainLog(log: ParsedLog, system?: unknown): Explanation {
  return explainCheck({ status: statusFromLog(log), log, system });
}
