// Host name checks shared by e-mail domains and website addresses. Pure.

export type HostProblem = 'chars' | 'label' | 'noDot' | 'tld' | 'length';
export type HostCheck = { readonly ok: true; readonly ascii: string } | { readonly ok: false; readonly problem: HostProblem };

const HOST_CHARS = /^[\p{L}\p{M}\p{N}.-]+$/u;
const ASCII_ONLY = /^[\x21-\x7e]*$/;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PLAUSIBLE_TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Internationalised domain name to its ASCII (punycode) form using the platform's own URL parser. */
function toAscii(host: string): string | undefined {
  if (ASCII_ONLY.test(host)) return host.toLowerCase();
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * A public DNS host name: letters (any script), digits, hyphens; at least one dot; every label 1–63 ASCII
 * characters after punycode; a plausible top-level domain (letters, or an `xn--` IDN TLD).
 */
export function checkHost(host: string): HostCheck {
  if (host.length === 0 || host.length > 253) return { ok: false, problem: 'length' };
  if (!HOST_CHARS.test(host)) return { ok: false, problem: 'chars' };
  if (!host.includes('.')) return { ok: false, problem: 'noDot' };
  const ascii = toAscii(host);
  if (ascii === undefined || !ASCII_ONLY.test(ascii)) return { ok: false, problem: 'chars' };
  if (ascii.length > 253) return { ok: false, problem: 'length' };
  const labels = ascii.split('.');
  for (const label of labels) if (!LDH_LABEL.test(label)) return { ok: false, problem: 'label' };
  const tld = labels[labels.length - 1] ?? '';
  if (!PLAUSIBLE_TLD.test(tld)) return { ok: false, problem: 'tld' };
  return { ok: true, ascii };
}
