import type { MessageKey, MessageParams } from '../lib/i18n/core';
import { useI18n } from './i18n';

export type VerdictSeverity = 'ok' | 'info' | 'warning' | 'error' | 'unverified';

export interface VerdictView {
  severity: VerdictSeverity;
  key: string;
  params?: Record<string, string | number>;
  fix?: { value: string; labelKey?: string };
}

export interface AddressChoice {
  label: string;
  street: string;
  postalCode: string;
  postalPlace: string;
  municipality: string;
}

const ICONS: Record<VerdictSeverity, string> = { ok: '✓', info: 'i', warning: '!', error: '✕', unverified: '?' };
const TONES: Record<VerdictSeverity, string> = { ok: 'ok', info: 'unknown', warning: 'warning', error: 'error', unverified: 'unknown' };

/** A field's verdict beside the field: icon + text (+ a fix to apply, + register suggestions). */
export function FieldVerdict(props: {
  field: string;
  verdict: VerdictView | undefined;
  pending: boolean;
  suggestions?: AddressChoice[] | undefined;
  /** Extra fixes for other controls of the field (the address's postal place, municipality …). */
  fieldFixes?: { control: string; value: string }[] | undefined;
  onFix: (value: string, control?: string) => void;
  onPick: (choice: AddressChoice) => void;
}) {
  const { t } = useI18n();
  const { verdict, pending, suggestions } = props;
  if (!verdict && !pending) return null;
  const params = (verdict?.params ?? {}) as MessageParams;
  return (
    <div class={`verdict t-${verdict ? TONES[verdict.severity] : 'unknown'}`} role="status" aria-live="polite" aria-label={t('forms.verdict.label', { field: props.field })}>
      {verdict && (
        <p class="verdict-line">
          <span class="verdict-icon" aria-hidden="true">
            {ICONS[verdict.severity]}
          </span>
          <strong class="verdict-severity">{t(`forms.severity.${verdict.severity}` as MessageKey)}:</strong> <span>{t(verdict.key as MessageKey, params)}</span>
          {pending && <span class="muted"> {t('forms.checking')}</span>}
        </p>
      )}
      {!verdict && pending && <p class="verdict-line muted">{t('forms.checking')}</p>}
      {verdict?.fix && !props.fieldFixes?.length && (
        <button type="button" class="fix" onClick={() => props.onFix(verdict.fix!.value)}>
          {verdict.fix.labelKey ? t(verdict.fix.labelKey as MessageKey, { ...params, value: verdict.fix.value }) : t('forms.applyFix', { value: verdict.fix.value })}
        </button>
      )}
      {props.fieldFixes?.map((f) => (
        <button key={f.control} type="button" class="fix" onClick={() => props.onFix(f.value, f.control)}>
          {t('forms.applyFix', { value: f.value })}
        </button>
      ))}
      {suggestions && suggestions.length > 0 && (
        <div class="suggestions">
          <p>{t('forms.suggestions')}</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s.label}>
                <button type="button" class="fix" onClick={() => props.onPick(s)}>
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
