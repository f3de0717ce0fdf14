// Shared types of lib/booking. Pure.
import type { MessageKey, MessageParams } from '../i18n/core';

/**
 * The outcome of one booking check of one location ("Test og Lagre" run by the extension through the portal API):
 * - `ok`: "Suksess", every practitioner the vendor lists has free slots.
 * - `partial`: "Suksess", but some (or all) practitioners have no free slots in the next 7 days, or could not be read.
 * - `no-service`: "OK Connecting …" then "ERROR Found at least one service with known service code".
 * - `connect-failed`: "ERROR Connecting to booking system".
 * - `session-expired`: the portal said 401; the admin must log in.
 * - `offline`: no network answer from the portal.
 * - `portal-error`: the portal answered with an HTTP error, or with a body we could not read.
 * - `timeout`: no answer in time (per request, or the whole check's bound).
 * - `interrupted`: the log ended before the test was done, or the check stopped unexpectedly.
 * - `cancelled`: the admin (or the extension) cancelled the check.
 */
export const CHECK_STATUSES = [
  'ok',
  'partial',
  'no-service',
  'connect-failed',
  'session-expired',
  'offline',
  'portal-error',
  'timeout',
  'interrupted',
  'cancelled',
] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** Same values as messaging's `Health` (the toolbar badge). */
export type Severity = 'ok' | 'warning' | 'error' | 'unknown';

/** A message to show: a catalogue key and its parameters. */
export interface Msg {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** The portal's booking-system ids (`booking.system` in the API). */
export const BOOKING_SYSTEMS = ['aspit', 'pasientsky', 'konfidens'] as const;
export type BookingSystemId = (typeof BOOKING_SYSTEMS)[number];

/** The vendors behind them: Aspit is Physica or Psykbase (the portal does not say which). */
export const VENDORS = ['physica', 'psykbase', 'pasientsky', 'konfidens'] as const;
export type VendorId = (typeof VENDORS)[number];

/** What went wrong, from the vendor's side. */
export type VendorProblem = 'connect' | 'service' | 'slots';
