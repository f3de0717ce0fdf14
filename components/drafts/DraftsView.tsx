import { useEffect, useState } from 'preact/hooks';
import type { DraftSummary } from '../../lib/drafts/model';
import type { MessageKey } from '../../lib/i18n/core';
import { useI18n } from '../i18n';

export interface DraftsActions {
  list(): Promise<{ drafts: DraftSummary[]; usage: { count: number; bytes: number }; retentionDays: number }>;
  remove(id: string): Promise<void>;
  removeAll(): Promise<number>;
  open(url: string): void;
  setRetention(days: number): Promise<void>;
}

/** "12 kB" style sizes (bokmål and English share the units). */
export function formatBytes(bytes: number, locale: string): string {
  const nf = (n: number, digits = 0) => new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return `${nf(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024, 1)} kB`;
  return `${nf(bytes / 1024 / 1024, 1)} MB`;
}

export function ageKey(ms: number): { key: MessageKey; n: number } {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return { key: 'drafts.time.justNow', n: 0 };
  if (min < 60) return { key: 'drafts.time.minutes', n: min };
  const h = Math.floor(min / 60);
  if (h < 24) return { key: 'drafts.time.hours', n: h };
  return { key: 'drafts.time.days', n: Math.floor(h / 24) };
}

/** The side panel's "Utkast" tab: every draft with its age and size, open, delete, retention. */
export function DraftsView({ actions, now = Date.now }: { actions: DraftsActions; now?: () => number }) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<Awaited<ReturnType<DraftsActions['list']>> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [confirmAll, setConfirmAll] = useState(false);
  const [days, setDays] = useState('');
  const [daysError, setDaysError] = useState<string | undefined>();

  const load = () =>
    actions
      .list()
      .then((d) => {
        setData(d);
        setError(undefined);
        setDays((current) => current || String(d.retentionDays));
      })
      .catch((e: unknown) => setError(t('drafts.panel.error', { detail: e instanceof Error ? e.message : String(e) })));

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5_000);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  const age = (at: number) => {
    const a = ageKey(now() - at);
    return t(a.key, { n: a.n });
  };

  const saveRetention = async (e: Event) => {
    e.preventDefault();
    const n = Number(days);
    if (!/^\d+$/.test(days.trim()) || n < 1 || n > 365) {
      setDaysError(t('drafts.panel.retentionInvalid'));
      return;
    }
    setDaysError(undefined);
    await actions.setRetention(n);
    setStatus(t('drafts.panel.retentionSaved', { days: n }));
    void load();
  };

  return (
    <section class="drafts" aria-labelledby="bn-drafts-title">
      <h2 id="bn-drafts-title">{t('drafts.panel.title')}</h2>
      <p class="muted">{t('drafts.panel.intro')}</p>
      {error && (
        <p role="alert" class="notice t-error">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
      <p role="status" class="muted bk-small">
        {status}
      </p>
      {!data && !error && <p>{t('drafts.panel.loading')}</p>}
      {data && (
        <>
          <p class="bk-small">{t('drafts.panel.usage', { size: formatBytes(data.usage.bytes, locale), count: data.usage.count })}</p>
          {data.drafts.length === 0 ? (
            <p>
              <span aria-hidden="true">✓ </span>
              {t('drafts.panel.empty')}
            </p>
          ) : (
            <ul class="draft-list">
              {data.drafts.map((d) => (
                <li key={d.id} class="draft-item">
                  <div>
                    <strong>{d.title}</strong> · {t(`drafts.form.${d.form}` as MessageKey)}
                  </div>
                  <div class="muted bk-small">
                    {t('drafts.panel.age', { when: age(d.updatedAt) })} · {t('drafts.panel.fields', { count: d.fieldCount })}
                    {d.versions > 1 && <> · {t('drafts.panel.versions', { count: d.versions })}</>} · {formatBytes(d.bytes, locale)}
                  </div>
                  {d.submittedAt !== undefined && (
                    <div class="bk-small">
                      <span aria-hidden="true">⏳ </span>
                      {t('drafts.panel.submitted')}
                    </div>
                  )}
                  <div class="draft-buttons">
                    <button type="button" class="button" aria-label={t('drafts.panel.openFor', { title: d.title })} onClick={() => actions.open(d.origin + d.url)}>
                      {t('drafts.panel.open')}
                    </button>
                    <button
                      type="button"
                      class="button secondary"
                      aria-label={t('drafts.panel.deleteFor', { title: d.title })}
                      onClick={() =>
                        void actions
                          .remove(d.id)
                          .then(() => setStatus(t('drafts.panel.deleted', { count: 1 })))
                          .then(load)
                      }
                    >
                      {t('drafts.panel.delete')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {data.drafts.length > 0 &&
            (confirmAll ? (
              <div role="group" aria-label={t('drafts.panel.deleteAll')} class="draft-confirm">
                <p>{t('drafts.panel.deleteAllConfirm', { count: data.drafts.length })}</p>
                <button
                  type="button"
                  class="button"
                  onClick={() =>
                    void actions.removeAll().then((n) => {
                      setConfirmAll(false);
                      setStatus(t('drafts.panel.deleted', { count: n }));
                      return load();
                    })
                  }
                >
                  {t('drafts.panel.deleteAllYes')}
                </button>{' '}
                <button type="button" class="button secondary" onClick={() => setConfirmAll(false)}>
                  {t('drafts.panel.cancel')}
                </button>
              </div>
            ) : (
              <button type="button" class="button secondary" onClick={() => setConfirmAll(true)}>
                {t('drafts.panel.deleteAll')}
              </button>
            ))}
          <form class="draft-retention" noValidate onSubmit={saveRetention}>
            <label for="bn-draft-days">{t('drafts.panel.retention')}</label>
            <p id="bn-draft-days-hint" class="muted bk-small">
              {t('drafts.panel.retentionHint')}
            </p>
            <input
              id="bn-draft-days"
              type="number"
              min={1}
              max={365}
              inputMode="numeric"
              value={days}
              aria-describedby={daysError ? 'bn-draft-days-hint bn-draft-days-error' : 'bn-draft-days-hint'}
              aria-invalid={daysError ? true : undefined}
              onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="button secondary">
              {t('drafts.panel.retentionSave')}
            </button>
            {daysError && (
              <p id="bn-draft-days-error" class="t-error bk-small" role="alert">
                <span aria-hidden="true">✕ </span>
                {daysError}
              </p>
            )}
          </form>
        </>
      )}
    </section>
  );
}
