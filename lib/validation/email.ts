// E-mail fields: the firm's invoice e-mail ("E-post for faktura") and invitation e-mails.
// Pure and synchronous; safe for the content script.
//
// Typo suggestions use @zootools/email-spell-checker (MIT, ~2 kB): the sift3 distance against a list of
// common mail domains, which we extend with Norwegian and Swedish providers so that real local domains
// (getmail.no, lyse.net, online.no …) are recognised instead of being "corrected" to a global one.
import { run as suggestEmailDomain, POPULAR_TLDS } from '@zootools/email-spell-checker';
import { checkHost } from './host';
import { hasLoneSurrogate } from './text';
import { verdict, type ValidationContext, type Verdict } from './verdict';

/** Mail domains users in Norway and Sweden actually have. Order matters: the first of equally close wins. */
export const KNOWN_MAIL_DOMAINS: readonly string[] = Object.freeze([
  'gmail.com',
  'hotmail.com',
  'hotmail.no',
  'outlook.com',
  'live.no',
  'live.com',
  'online.no',
  'yahoo.no',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'msn.com',
  'getmail.no',
  'lyse.net',
  'altibox.no',
  'broadpark.no',
  'frisurf.no',
  'start.no',
  'c2i.net',
  'chello.no',
  'telia.no',
  'telia.com',
  'online.se',
  'hotmail.se',
  'live.se',
  'outlook.se',
  'yahoo.se',
  'bredband.net',
  'spray.se',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'aol.com',
  'googlemail.com',
]);

/** Second-level names we correct on their own ("gmial.xyz" -> "gmail.xyz"). Short names like "live" or "mail" are
 * left out on purpose: they are too close to ordinary firm domains (lyse, liv …). */
const SECOND_LEVEL = ['gmail', 'hotmail', 'outlook', 'yahoo', 'online', 'icloud', 'getmail', 'altibox'];

/** Our TLDs first (ties go to the first), then the library's list, so "nno" becomes "no", not "nl". */
const TOP_LEVEL = [...new Set(['no', 'se', 'com', 'net', 'org', 'nu', 'dk', 'fi', 'eu', 'me', ...POPULAR_TLDS])];
const DOMAINS = [...KNOWN_MAIL_DOMAINS];

const LOCAL_ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LOCAL_UNICODE = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const WHITESPACE = /\s/u;
const LIST_SEPARATOR = /[,;]/;
const MAX_LENGTH = 254;
const MAX_LOCAL = 64;

export type EmailSyntax =
  | { readonly ok: true; readonly local: string; readonly domain: string; readonly asciiDomain: string; readonly verdict?: Verdict }
  | { readonly ok: false; readonly verdict: Verdict };

/** Trimmed; the domain lower-cased (domains are case-insensitive, local parts formally are not). */
export function normalizeEmail(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  return trimmed.slice(0, at + 1) + trimmed.slice(at + 1).toLowerCase();
}

/** Pragmatic RFC 5321 syntax: dot-atom local part, a public host name (IDN allowed). No quoted locals, no IP literals. */
export function checkEmailSyntax(raw: string): EmailSyntax {
  const value = raw.trim();
  const bad = (key: Parameters<typeof verdict>[1], params?: Record<string, string | number>): EmailSyntax => ({
    ok: false,
    verdict: verdict('error', key, params),
  });
  if (value.length > MAX_LENGTH) return bad('validation.email.tooLong', { max: MAX_LENGTH });
  if (hasLoneSurrogate(value)) return bad('validation.email.invalidCharacters');
  if (LIST_SEPARATOR.test(value)) return bad('validation.email.onlyOne');
  if (WHITESPACE.test(value)) return bad('validation.email.spaces');
  const at = value.indexOf('@');
  if (at < 0) return bad('validation.email.missingAt');
  if (value.indexOf('@', at + 1) >= 0) return bad('validation.email.multipleAt');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0) return bad('validation.email.missingLocal');
  if (domain.length === 0) return bad('validation.email.missingDomain');
  if (local.length > MAX_LOCAL) return bad('validation.email.localTooLong', { max: MAX_LOCAL });
  let localVerdict: Verdict | undefined;
  if (!LOCAL_ATEXT.test(local)) {
    if (!LOCAL_UNICODE.test(local)) return bad('validation.email.localInvalid');
    // RFC 6531 allows it, but many Norwegian mail servers still reject æ/ø/å before the @.
    localVerdict = verdict('warning', 'validation.email.localNonAscii');
  }
  const host = checkHost(domain);
  if (!host.ok) {
    if (host.problem === 'noDot') return bad('validation.email.domainNoDot', { domain });
    if (host.problem === 'tld') return bad('validation.email.domainTld', { domain });
    return bad('validation.email.domainInvalid', { domain });
  }
  return localVerdict
    ? { ok: true, local, domain: domain.toLowerCase(), asciiDomain: host.ascii, verdict: localVerdict }
    : { ok: true, local, domain: domain.toLowerCase(), asciiDomain: host.ascii };
}

function runChecker(domain: string, secondLevelDomains: string[], topLevelDomains: string[]): string | undefined {
  // Short domains are close to everything: allow only one edit for them (lyse.no is not live.no).
  const domainThreshold = domain.length <= 8 ? 1 : 2;
  const suggestion = suggestEmailDomain({ email: `x@${domain}`, domains: DOMAINS, domainThreshold, secondLevelDomains, topLevelDomains });
  if (!suggestion || suggestion.domain === domain) return undefined;
  // The library percent-encodes non-ASCII input; never propose such a "domain".
  return suggestion.domain.includes('%') ? undefined : suggestion.domain;
}

/** A likely intended domain for a mistyped one ("gmial.com" -> "gmail.com"), or undefined. */
export function suggestDomain(domain: string): string | undefined {
  const lower = domain.toLowerCase();
  try {
    // Pass 1, whole domains only: the library skips everything when both halves are known on their own
    // ("gmail" and "co" are both fine, so "gmail.co" would never be corrected). Empty lists turn that off.
    // Pass 2: second-level and top-level names separately ("gmial.xyz", "firma.nno").
    return runChecker(lower, [], []) ?? runChecker(lower, SECOND_LEVEL, TOP_LEVEL);
  } catch {
    return undefined;
  }
}

function typoVerdict(local: string, domain: string): Verdict | undefined {
  const suggested = suggestDomain(domain);
  if (suggested === undefined) return undefined;
  const suggestion = `${local}@${suggested}`;
  return verdict('warning', 'validation.email.typo', { suggestion }, { value: suggestion, labelKey: 'validation.email.typo.apply' });
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The firm's invoice e-mail. Empty is a warning: the portal then sends invoice notices (discrepancies,
 * rejections) to the administrator's own address, where they tend to get lost.
 */
export function validateInvoiceEmail(value: string, ctx: ValidationContext = {}): Verdict {
  if (value.trim().length === 0) return verdict('warning', 'validation.email.invoice.empty');
  const syntax = checkEmailSyntax(value);
  if (!syntax.ok) return syntax.verdict;
  const typo = typoVerdict(syntax.local, syntax.domain);
  if (typo) return typo;
  if (syntax.verdict) return syntax.verdict;
  if (ctx.adminEmail && ctx.adminEmail.trim().length > 0 && sameAddress(value, ctx.adminEmail)) {
    return verdict('warning', 'validation.email.invoice.sameAsAdmin');
  }
  return verdict('ok', 'validation.email.ok');
}

/**
 * An address to invite a practitioner. The portal reports "sent" whether or not the address is valid,
 * so an empty or malformed address is an error here.
 */
export function validateInvitationEmail(value: string, _ctx: ValidationContext = {}): Verdict {
  if (value.trim().length === 0) return verdict('error', 'validation.email.invitation.empty');
  const syntax = checkEmailSyntax(value);
  if (!syntax.ok) return syntax.verdict;
  const typo = typoVerdict(syntax.local, syntax.domain);
  if (typo) return typo;
  if (syntax.verdict) return syntax.verdict;
  return verdict('ok', 'validation.email.ok');
}
