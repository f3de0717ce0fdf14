// Booking vendors: what usually causes a failed check on the vendor's side, what to ask them, and a ready-to-send
// e-mail (mailto) in Norwegian. Facts from VENDORS-AND-REGISTERS.md (vendors' own help pages). Pure.
//
// The e-mail never contains technical keys (Klient-ID, Teknisk nøkkel): they are credentials. Nothing in the input
// type carries them into the text, and any value listed in `secrets` is removed from everything quoted (log lines,
// names) in case a vendor echoed it into the log.
import { translate } from '../i18n';
import type { Locale, MessageKey } from '../i18n/core';
import type { ParsedLog } from '../portal/log';
import { BOOKING_SYSTEMS, type BookingSystemId, type CheckStatus, type Msg, type VendorId, type VendorProblem } from './types';

export interface VendorInfo {
  readonly id: VendorId;
  /** Display name as the admin knows it. */
  readonly name: string;
  readonly system: BookingSystemId;
  /** The vendor's public help page about the DigiCare / Behandlernettverk integration. */
  readonly helpUrl: string;
}

export const VENDOR_INFO: Readonly<Record<VendorId, VendorInfo>> = {
  physica: { id: 'physica', name: 'Aspit Physica', system: 'aspit', helpUrl: 'https://help.physica.no/' },
  psykbase: { id: 'psykbase', name: 'Aspit Psykbase', system: 'aspit', helpUrl: 'https://help.psykbase.no/' },
  pasientsky: { id: 'pasientsky', name: 'EG Pasientsky', system: 'pasientsky', helpUrl: 'https://hjelp.pasientsky.no/integrasjoner/digicare' },
  konfidens: { id: 'konfidens', name: 'Konfidens', system: 'konfidens', helpUrl: 'https://intercom.help/konfidens/' },
};

/** Display names as the portal shows them in the "Bookingsystem" select. */
export const SYSTEM_NAMES: Readonly<Record<BookingSystemId, string>> = {
  aspit: 'Aspit (Physica/Psykbase)',
  pasientsky: 'EG Pasientsky',
  konfidens: 'Konfidens',
};

/**
 * The booking system from whatever we have: the API id (`aspit`), the portal's display name
 * ("Aspit (Physica/Psykbase)", "EG Pasientsky"), or a vendor's name ("Physica"). Unknown -> null.
 */
export function bookingSystemFrom(value: unknown): BookingSystemId | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if ((BOOKING_SYSTEMS as readonly string[]).includes(v)) return v as BookingSystemId;
  if (/aspit|physica|psykbase/.test(v)) return 'aspit';
  if (/pasientsky/.test(v)) return 'pasientsky';
  if (/konfidens/.test(v)) return 'konfidens';
  return null;
}

/** The vendors that may be behind a booking system (Aspit: Physica and Psykbase). */
export function vendorsFor(system: BookingSystemId | null): VendorId[] {
  switch (system) {
    case 'aspit':
      return ['physica', 'psykbase'];
    case 'pasientsky':
      return ['pasientsky'];
    case 'konfidens':
      return ['konfidens'];
    default:
      return [];
  }
}

/** The system's display name for messages; a neutral word when unknown. */
export function systemDisplayName(system: BookingSystemId | null, locale: Locale = 'nb'): string {
  if (system !== null) return SYSTEM_NAMES[system];
  return locale === 'nb' ? 'bookingsystemet' : 'the booking system';
}

/** The problem a status points at, from the vendor's side; null when it is not the vendor's to fix. */
export function vendorProblemOf(status: CheckStatus): VendorProblem | null {
  switch (status) {
    case 'connect-failed':
      return 'connect';
    case 'no-service':
      return 'service';
    case 'partial':
      return 'slots';
    default:
      return null;
  }
}

/** Usual vendor-side causes, for the admin. */
export function vendorCauses(system: BookingSystemId | null, problem: VendorProblem): Msg[] {
  return vendorsFor(system).map((v) => ({ key: `booking.vendor.${v}.${problem}.cause` as MessageKey }));
}

/** Questions to put to the vendor. */
export function vendorQuestions(system: BookingSystemId | null, problem: VendorProblem): Msg[] {
  return vendorsFor(system).map((v) => ({ key: `booking.vendor.${v}.${problem}.question` as MessageKey }));
}

// ------------------------------------------------------------------ the e-mail

export interface VendorMessageInput {
  readonly locationName: string;
  readonly firmName?: string | null;
  /** API id or display name. */
  readonly system: BookingSystemId | string | null;
  readonly status: CheckStatus;
  /** The parsed log (its lines are quoted) or the lines themselves. */
  readonly log?: ParsedLog | readonly string[] | null;
  /** Practitioners without free slots (defaults to the log's). */
  readonly withoutSlots?: readonly string[];
  /** Signature: the admin's name. */
  readonly senderName?: string | null;
  /** The vendor's support address, if the admin has one; empty -> the mail program asks. */
  readonly to?: string | null;
  /** Values that must never appear in the e-mail (Klient-ID, Teknisk nøkkel …), removed from anything quoted. */
  readonly secrets?: readonly (string | null | undefined)[];
  /** Default 'nb' (vendors are Norwegian); 'en' only to preview the text. */
  readonly locale?: Locale;
}

export interface VendorMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** `mailto:` URL, bounded in length. */
  readonly href: string;
}

const MAX_QUOTED_LINES = 30;
const MAX_LINE_CHARS = 200;
const MAX_NAME_CHARS = 120;
const MAX_BODY_CHARS = 1800;
const MIN_SECRET_LENGTH = 4;
const REDACTED = '[skjult]';

/** Replaces unpaired surrogates with U+FFFD: encodeURIComponent throws on them. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Credential-looking "key: value" pairs, whatever the secret list says. */
const CREDENTIAL_PAIR = /\b(client[-_ ]?secret|x-client-secret|teknisk(?:e)?\s+nøkk(?:el|ler)|technical\s+key|api[-_ ]?key|secret|password|passord|token)(\s*[:=]\s*)\S+/gi;

/** Removes every secret (case-insensitive) and credential-looking pairs. The result contains none of the secrets. */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  const list = secrets
    .filter((s): s is string => typeof s === 'string')
    .map((s) => wellFormed(s.trim()))
    .filter((s) => s.length >= MIN_SECRET_LENGTH);
  let out = wellFormed(text).replace(CREDENTIAL_PAIR, (_m, label: string, sep: string) => `${label}${sep}${REDACTED}`);
  for (const secret of list) out = out.replace(new RegExp(escapeRegExp(secret), 'gi'), REDACTED);
  // A secret may overlap the marker or another secret's remains: remove until none is left (each pass shortens).
  for (let changed = true; changed; ) {
    changed = false;
    for (const secret of list) {
      const re = new RegExp(escapeRegExp(secret), 'gi');
      if (re.test(out)) {
        out = out.replace(re, '');
        changed = true;
      }
    }
  }
  return out;
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

function quotedLines(log: VendorMessageInput['log']): string[] {
  if (!log) return [];
  const lines = Array.isArray(log) ? (log as readonly unknown[]).filter((l): l is string => typeof l === 'string') : (log as ParsedLog).entries.map((e) => e.raw);
  const kept = lines.map((l) => clip(l, MAX_LINE_CHARS)).filter((l) => l !== '');
  return kept.length > MAX_QUOTED_LINES ? [...kept.slice(0, MAX_QUOTED_LINES), '…'] : kept;
}

/**
 * A ready-to-send e-mail to the booking vendor about one location: what the admin saw, the log lines, and the
 * vendor-specific questions. Contains no technical keys. Never throws.
 */
export function vendorMessage(input: VendorMessageInput): VendorMail {
  const locale = input.locale ?? 'nb';
  const t = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => translate(locale, key, params);
  const secrets = input.secrets ?? [];
  const safe = (s: string | null | undefined, max = MAX_NAME_CHARS) => clip(redactSecrets(typeof s === 'string' ? s : '', secrets), max);

  const system = bookingSystemFrom(input.system);
  const systemName = system !== null ? SYSTEM_NAMES[system] : safe(typeof input.system === 'string' ? input.system : '') || systemDisplayName(null, locale);
  const location = safe(input.locationName) || '?';
  const firm = safe(input.firmName);
  const problem = vendorProblemOf(input.status);
  const problemWord = problem === null ? 'other' : input.status;

  const parsed = input.log && !Array.isArray(input.log) ? (input.log as ParsedLog) : null;
  const withoutSlots = (input.withoutSlots ?? parsed?.practitioners.withoutSlots ?? []).map((n) => safe(n)).filter((n) => n !== '');
  const lines = quotedLines(input.log).map((l) => redactSecrets(l, secrets));

  const subject = redactSecrets(clip(t('booking.mail.subject', { location, problem: t(`booking.mail.problem.${problemWord}` as MessageKey) }), 200), secrets);
  const parts: string[] = [t('booking.mail.greeting'), ''];
  parts.push(firm ? t('booking.mail.intro.firm', { system: systemName, location, firm }) : t('booking.mail.intro', { system: systemName, location }), '');
  parts.push(...(lines.length > 0 ? lines.map((l) => `  ${l}`) : [`  ${t('booking.mail.noLog')}`]), '');
  if (problem === 'slots') parts.push(t('booking.mail.explain.partial', { names: withoutSlots.join(', ') || '?' }));
  else parts.push(t(`booking.mail.explain.${problemWord}` as MessageKey));
  if (problem !== null) {
    const questions = vendorQuestions(system, problem);
    if (questions.length > 0) {
      parts.push('', t('booking.mail.questions'));
      for (const q of questions) parts.push(`- ${t(q.key, q.params)}`);
    }
  }
  parts.push('', t('booking.mail.closing'), t('booking.mail.noKeys'), '', t('booking.mail.regards'));
  const sender = safe(input.senderName);
  if (sender) parts.push(sender);

  let body = parts.join('\n');
  if (body.length > MAX_BODY_CHARS) body = `${body.slice(0, MAX_BODY_CHARS - 1)}…`;
  body = redactSecrets(body, secrets);
  const to = safe(input.to, 254).replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~@-]/g, '');
  const href = `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(wellFormed(subject))}&body=${encodeURIComponent(wellFormed(body))}`;
  return { to, subject, body, href };
}
