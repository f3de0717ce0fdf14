// The firm's website ("Webside"). Insurers look at it to learn what the firm offers.
// Pure and synchronous; safe for the content script.
import { checkHost } from './host';
import { hasLoneSurrogate } from './text';
import { verdict, type ValidationContext, type Verdict } from './verdict';

/** A scheme followed by ":" — but "fysio.no:8080" (colon then a digit) is a host and port, not a scheme. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const HTTP_SCHEME = /^https?:\/\//i;
const MAX_LENGTH = 2048;
/** Top-level domains that are typos of common ones (and not real TLDs themselves). */
const TLD_TYPOS: Readonly<Record<string, string>> = Object.freeze({
  con: 'com',
  cmo: 'com',
  ocm: 'com',
  comm: 'com',
  vom: 'com',
  nno: 'no',
  noo: 'no',
  npo: 'no',
  sw: 'se',
});

/**
 * Trims and adds `https://` when the address has no scheme ("www.fysio.no" -> "https://www.fysio.no",
 * "//fysio.no" -> "https://fysio.no"). Everything else is left as typed. Idempotent.
 */
export function normalizeWebsite(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) return '';
  if (trimmed.startsWith('//')) return `https:${trimmed}`;
  if (HAS_SCHEME.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

export function validateWebsite(value: string, _ctx: ValidationContext = {}): Verdict {
  const trimmed = value.trim();
  if (trimmed.length === 0) return verdict('warning', 'validation.website.empty');
  if (trimmed.length > MAX_LENGTH) return verdict('error', 'validation.website.tooLong', { max: MAX_LENGTH });
  if (hasLoneSurrogate(trimmed) || /\s/u.test(trimmed)) return verdict('error', 'validation.website.invalid');
  const normalized = normalizeWebsite(trimmed);
  if (HAS_SCHEME.test(normalized) && !HTTP_SCHEME.test(normalized)) {
    return verdict('error', 'validation.website.scheme');
  }
  let url: URL;
  try {
    url = new URL(normalized);
  } catch {
    return verdict('error', 'validation.website.invalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return verdict('error', 'validation.website.scheme');
  if (url.username !== '' || url.password !== '') return verdict('error', 'validation.website.credentials');
  const hostname = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  const host = checkHost(hostname);
  if (!host.ok) {
    if (host.problem === 'noDot') return verdict('error', 'validation.website.noDot', { host: hostname });
    if (host.problem === 'tld') return verdict('error', 'validation.website.tld', { host: hostname });
    return verdict('error', 'validation.website.invalid');
  }
  const tld = host.ascii.slice(host.ascii.lastIndexOf('.') + 1);
  const intended = TLD_TYPOS[tld];
  if (intended !== undefined) {
    const fixedHost = `${host.ascii.slice(0, host.ascii.length - tld.length)}${intended}`;
    // The fix also makes the address https, so that applying it does not lead straight to a second fix.
    const fixed = normalized.replace(/^(https?:\/\/[^/?#]*?)[^./?#:]+(?=(?::\d+)?(?:[/?#]|$))/i, (_w, head: string) => head + intended).replace(/^http:/i, 'https:');
    return verdict('warning', 'validation.website.tldTypo', { host: fixedHost }, { value: fixed, labelKey: 'validation.website.fix.apply' });
  }
  if (url.protocol === 'http:') {
    const secure = normalized.replace(/^http:/i, 'https:');
    return verdict('warning', 'validation.website.insecure', undefined, { value: secure, labelKey: 'validation.website.fix.https' });
  }
  if (normalized !== value) {
    return verdict('info', 'validation.website.normalized', { value: normalized }, { value: normalized, labelKey: 'validation.website.fix.apply' });
  }
  return verdict('ok', 'validation.website.ok');
}
