// The common result of every validator in lib/validation. Pure: no browser APIs, no DOM.
import type { MessageKey } from '../i18n/messages';

/**
 * - `ok`: checked and fine (the message says what was checked, e.g. "checksum only").
 * - `info`: fine, with a hint (e.g. a normalised form is available as `fix`).
 * - `warning`: probably wrong or incomplete; the portal would accept it.
 * - `error`: wrong; must be fixed.
 * - `unverified`: could not be checked right now (register outage, unreadable answer). Never shown as valid.
 */
export type Severity = 'ok' | 'info' | 'warning' | 'error' | 'unverified';

export type VerdictParams = Readonly<Record<string, string | number>>;

export interface Fix {
  /** The value to put into the field when the user accepts the fix. */
  readonly value: string;
  /** Button label; `params` of the fix label are the verdict's own `params`. */
  readonly labelKey?: MessageKey;
}

export interface Verdict {
  readonly severity: Severity;
  readonly key: MessageKey;
  readonly params?: VerdictParams;
  readonly fix?: Fix;
}

export type Country = 'NO' | 'SE';

export interface ValidationContext {
  /** The logged-in firm administrator's own e-mail (the portal's fallback for invoice notices). */
  readonly adminEmail?: string | undefined;
  /** Country of the firm / location. Norwegian unless told otherwise. */
  readonly country?: Country | undefined;
}

export const DEFAULT_CONTEXT: ValidationContext = Object.freeze({ country: 'NO' });

export function countryOf(ctx: ValidationContext | undefined): Country {
  return ctx?.country === 'SE' ? 'SE' : 'NO';
}

/**
 * Order used to pick the worst verdict. `unverified` sits between `info` and `warning`: a register outage is
 * not the user's fault and must not hide a concrete warning, but it is never counted as plain `ok`.
 */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.freeze({
  ok: 0,
  info: 1,
  unverified: 2,
  warning: 3,
  error: 4,
});

export function verdict(severity: Severity, key: MessageKey, params?: VerdictParams, fix?: Fix): Verdict {
  const v: { severity: Severity; key: MessageKey; params?: VerdictParams; fix?: Fix } = { severity, key };
  if (params !== undefined) v.params = params;
  if (fix !== undefined) v.fix = fix;
  return v;
}

/** The worst of several verdicts (first one wins on a tie); `undefined` for an empty list. */
export function worstVerdict<V extends Verdict>(verdicts: Iterable<V | undefined>): V | undefined {
  let worst: V | undefined;
  for (const v of verdicts) {
    if (v !== undefined && (worst === undefined || SEVERITY_RANK[v.severity] > SEVERITY_RANK[worst.severity])) worst = v;
  }
  return worst;
}

export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'ok';
  for (const s of severities) if (SEVERITY_RANK[s] > SEVERITY_RANK[worst]) worst = s;
  return worst;
}

/** True only for a verdict that positively says "fine" (`ok` or `info`); `unverified` is not valid. */
export function isAcceptable(v: Verdict): boolean {
  return v.severity === 'ok' || v.severity === 'info';
}
