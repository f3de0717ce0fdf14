import { findingSeverity, auditMessage, type AuditResult } from '../../lib/booking/audit';
import { explainCheck } from '../../lib/booking/explain';
import type { CheckResult } from '../../lib/booking/runner';
import type { DirectoryLocation } from '../../lib/booking/state';
import { vendorMessage } from '../../lib/booking/vendors';
import type { Msg } from '../../lib/booking/types';
import { parseLog } from '../../lib/portal/log';
import { useI18n } from '../i18n';
import { SEVERITY_ICON, STEP_ICON, STEP_TONE, logSteps, unknownLines } from './model';

export interface LocationDetailsProps {
  id: string;
  location: DirectoryLocation;
  latest: CheckResult | undefined;
  audit: AuditResult | undefined;
  onOpenLocation(): void;
}

/** The expanded part of a location: Koblingslogg steps, explanation, vendor e-mail, Online Manager audit, "Gå til". */
export function LocationDetails({ id, location, latest, audit, onOpenLocation }: LocationDetailsProps) {
  const { t } = useI18n();
  const tm = (m: Msg) => t(m.key, m.params);
  const log = latest ? parseLog(latest.log) : null;
  const explanation = latest ? explainCheck({ status: latest.status, log, system: location.system, portalStatus: latest.portalStatus ?? null }) : null;
  const mail =
    latest && explanation?.contactVendor
      ? vendorMessage({ locationName: location.name, firmName: location.firmName, system: location.system, status: latest.status, log, withoutSlots: latest.withoutSlots })
      : null;
  const others = log ? unknownLines(log) : [];
  const noSlots = explanation ? explanation.practitioners : [];
  // Practitioners the runner saw without slots that the log did not name (should not happen, but show them).
  const extra = latest ? latest.withoutSlots.filter((n) => !noSlots.some((p) => p.name === n)) : [];

  return (
    <div class="bk-details" id={id}>
      {latest && log && (
        <section aria-label={`${t('bookingui.log.title')} – ${location.name}`}>
          <h4>{t('bookingui.log.title')}</h4>
          {log.entries.length === 0 ? (
            <p class="muted">{t('bookingui.log.none')}</p>
          ) : (
            <ol class="bk-steps">
              {logSteps(log).map((s) => (
                <li key={s.step} class={`bk-step t-${STEP_TONE[s.outcome]}`}>
                  <span class="bk-step-icon" aria-hidden="true">
                    {STEP_ICON[s.outcome]}
                  </span>
                  <span class="bk-step-text">{t(s.label.key, s.label.params)}</span>
                  <span class="bk-step-state">{t(`bookingui.step.${s.outcome}`)}</span>
                </li>
              ))}
            </ol>
          )}
          {others.length > 0 && (
            <>
              <p class="muted bk-small">{t('bookingui.log.other')}</p>
              <ul class="bk-rawlog">
                {others.map((line, i) => (
                  <li key={i}>
                    <code>{line}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {explanation && (
        <section class={`bk-explain t-${explanation.severity}`} aria-label={`${t('bookingui.explain.title')} – ${location.name}`}>
          <p class="bk-summary">
            <span aria-hidden="true">{SEVERITY_ICON[explanation.severity]} </span>
            {tm(explanation.summary)}
          </p>
          <p>{tm(explanation.meaning)}</p>
          {(noSlots.length > 0 || extra.length > 0) && (
            <>
              <h4>{t('bookingui.practitioners.title')}</h4>
              <ul class="bk-list">
                {noSlots.map((p) => (
                  <li key={p.name}>
                    <span aria-hidden="true">! </span>
                    {tm(p.message)}
                  </li>
                ))}
                {extra.map((name) => (
                  <li key={name}>
                    <span aria-hidden="true">! </span>
                    {t('booking.practitioner.noSlots', { name })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {explanation.actions.length > 0 && (
            <>
              <h4>{t('bookingui.actions.title')}</h4>
              <ol class="bk-list">
                {explanation.actions.map((a, i) => (
                  <li key={i}>{tm(a)}</li>
                ))}
              </ol>
            </>
          )}
          {explanation.vendorCauses.length > 0 && (
            <>
              <h4>{t('bookingui.causes.title')}</h4>
              <ul class="bk-list">
                {explanation.vendorCauses.map((c, i) => (
                  <li key={i}>{tm(c)}</li>
                ))}
              </ul>
            </>
          )}
          {mail && (
            <p class="bk-mail">
              <a class="button secondary" href={mail.href}>
                {t('bookingui.mail')}
              </a>
              <span class="muted bk-small">{t('bookingui.mail.hint')}</span>
            </p>
          )}
        </section>
      )}

      <section aria-label={`${t('bookingui.audit.title')} – ${location.name}`}>
        <h4>{t('bookingui.audit.title')}</h4>
        {!audit ? (
          <p class="muted">{t('bookingui.audit.none')}</p>
        ) : !audit.configured ? (
          <p class="muted">{t('booking.audit.notConfigured')}</p>
        ) : audit.findings.length === 0 ? (
          <p class="muted">{t('bookingui.audit.empty')}</p>
        ) : (
          <ul class="bk-findings">
            {audit.findings.map((f, i) => {
              const sev = findingSeverity(f);
              return (
                <li key={i} class={`bk-finding t-${sev}`}>
                  <span class="bk-finding-icon" aria-hidden="true">
                    {SEVERITY_ICON[sev]}
                  </span>
                  <span>
                    <span class="bk-sr">{t(`status.${sev}`)}: </span>
                    {tm(auditMessage(f))}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <p class="actions">
        <button type="button" class="button secondary" aria-label={t('bookingui.goto.label', { location: location.name })} onClick={onOpenLocation}>
          {t('bookingui.goto')}
        </button>
      </p>
    </div>
  );
}
