import { useState } from 'preact/hooks';
import type { DiffRow } from '../../lib/drafts/model';
import { useI18n } from '../i18n';

export interface BannerRow extends DiffRow {
  draftText: string;
  currentText: string;
  baseText: string;
}

export interface DraftBannerProps {
  rows: BannerRow[];
  when: string;
  versions: { label: string }[];
  version: number;
  chosen: ReadonlySet<string>;
  status?: { kind: 'restored'; count: number; skipped: number } | { kind: 'discarded' };
  saveWord: string;
  onVersion(index: number): void;
  onToggle(sig: string): void;
  onRestore(): void;
  onDiscard(): void;
  onClose(): void;
}

const STATE_TONE = { restore: 't-warning', conflict: 't-error', missing: 't-unknown', same: 't-ok' } as const;

/** Offered above a portal form that has a draft differing from what the portal shows. */
export function DraftBanner(p: DraftBannerProps) {
  const { t } = useI18n();
  const [diffOpen, setDiffOpen] = useState(false);
  const differing = p.rows.filter((r) => r.state !== 'same');
  const conflicts = p.rows.filter((r) => r.state === 'conflict').length;
  const text = (v: string) => v || t('drafts.diff.empty');

  if (p.status) {
    return (
      <section class="draft-banner t-ok" aria-labelledby="bn-draft-title">
        <p id="bn-draft-title" role="status" class="draft-line">
          <span aria-hidden="true" class="draft-icon">✓ </span>
          {p.status.kind === 'discarded' ? t('drafts.banner.discarded') : t('drafts.banner.restored', { count: p.status.count, save: p.saveWord })}
          {p.status.kind === 'restored' && p.status.skipped > 0 && <> {t('drafts.banner.restoredSkipped', { count: p.status.skipped })}</>}
        </p>
        <div class="draft-actions">
          <button type="button" class="button secondary" onClick={p.onClose}>
            {t('drafts.banner.close')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section class="draft-banner t-warning" aria-labelledby="bn-draft-title">
      <h2 id="bn-draft-title" class="draft-title">
        <span aria-hidden="true" class="draft-icon">✎ </span>
        {t('drafts.banner.title')}
      </h2>
      <p class="draft-line">{t('drafts.banner.when', { when: p.when, count: differing.length })}</p>
      {conflicts > 0 && <p class="draft-line draft-conflict">{t('drafts.banner.conflicts', { count: conflicts })}</p>}
      {p.versions.length > 1 && (
        <p class="draft-line">
          <label>
            {t('drafts.banner.version')}{' '}
            <select value={String(p.version)} onChange={(e) => p.onVersion(Number((e.currentTarget as HTMLSelectElement).value))}>
              {p.versions.map((v, i) => (
                <option key={i} value={String(i)}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <div class="draft-actions">
        <button type="button" class="button" onClick={p.onRestore}>
          {t('drafts.banner.restore')}
        </button>
        <button type="button" class="button secondary" aria-expanded={diffOpen} onClick={() => setDiffOpen(!diffOpen)}>
          {diffOpen ? t('drafts.banner.hideDiff') : t('drafts.banner.diff')}
        </button>
        <button type="button" class="button secondary" onClick={p.onDiscard}>
          {t('drafts.banner.discard')}
        </button>
      </div>
      {diffOpen && (
        <table class="draft-diff">
          <caption>{t('drafts.diff.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('drafts.diff.field')}</th>
              <th scope="col">{t('drafts.diff.draft')}</th>
              <th scope="col">{t('drafts.diff.current')}</th>
              <th scope="col">{t('drafts.diff.use')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.sig} class={STATE_TONE[r.state]} data-state={r.state}>
                <th scope="row">{r.label}</th>
                <td>{text(r.draftText)}</td>
                <td>
                  {r.state === 'missing' ? t('drafts.diff.missing') : text(r.currentText)}
                  {r.state === 'conflict' && <div class="draft-note">{t('drafts.diff.conflict', { base: text(r.baseText) })}</div>}
                  {r.state === 'same' && <div class="draft-note">{t('drafts.diff.same')}</div>}
                </td>
                <td>
                  {(r.state === 'restore' || r.state === 'conflict') && (
                    <input type="checkbox" checked={p.chosen.has(r.sig)} aria-label={t('drafts.diff.useFor', { field: r.label })} onChange={() => p.onToggle(r.sig)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A short notice when a draft could not be kept (quota, size, storage). */
export function DraftProblem({ message, onClose }: { message: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div class="draft-problem t-error" role="alert">
      <span aria-hidden="true" class="draft-icon">✕ </span>
      <span>{message}</span>{' '}
      <button type="button" class="button secondary" onClick={onClose}>
        {t('drafts.banner.close')}
      </button>
    </div>
  );
}
