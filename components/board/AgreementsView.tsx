import type { MessageKey } from '../../lib/i18n/core';
import type { MatrixRow, MatrixState } from '../../lib/board/model';
import { PARTNER_LABELS, PARTNERS, type PartnerId } from '../../lib/portal/types';
import type { Health } from '../../lib/messaging/protocol';
import { useI18n } from '../i18n';
import { StatusPill } from '../StatusPill';

const HEALTH: Readonly<Record<MatrixState, Health>> = { active: 'ok', applied: 'warning', none: 'error', unknown: 'unknown' };

/**
 * Firm × partner: the agreement's state as the portal shows it, and the admin's choice of the partners the
 * firm wants clients from (stored per firm). A wanted partner without an active agreement is a checklist
 * item; its link goes to the firm's "Samarbeidsavtaler" in the portal, where the admin applies.
 */
export function AgreementsView({ rows, onWanted, onApply }: { rows: readonly MatrixRow[]; onWanted: (firmId: string, partners: PartnerId[]) => void; onApply: (firmId: string) => void }) {
  const { t } = useI18n();
  return (
    <div class="agreements">
      <h2>{t('agreements.title')}</h2>
      <p class="muted bk-small">{t('agreements.intro')}</p>
      {rows.length === 0 ? (
        <p class="muted">{t('board.empty')}</p>
      ) : (
        <div class="board-scroll">
          <table class="board-table agreements-table">
            <caption class="visually-hidden">{t('agreements.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.col.firm')}</th>
                {PARTNERS.map((p) => (
                  <th key={p} scope="col">
                    {PARTNER_LABELS[p]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const wanted = PARTNERS.filter((p) => r.cells[p].wanted);
                const problems = PARTNERS.filter((p) => r.cells[p].problem);
                return (
                  <tr key={r.firmId} data-firm={r.firmId}>
                    <th scope="row">
                      <span class="board-name">{r.firmName}</span>
                      {!r.wantedKnown && <span class="muted bk-small board-sub">{t('agreements.askWanted')}</span>}
                      {problems.length > 0 && (
                        <button type="button" class="board-more" onClick={() => onApply(r.firmId)}>
                          {t('agreements.apply', { n: problems.length })}
                        </button>
                      )}
                    </th>
                    {PARTNERS.map((p) => {
                      const cell = r.cells[p];
                      return (
                        <td key={p} data-partner={p} class={cell.problem ? 'agreement-problem' : ''}>
                          <StatusPill health={HEALTH[cell.state]} label={t(`agreements.state.${cell.state}` as MessageKey)} />
                          <label class="board-check agreement-wanted">
                            <input
                              type="checkbox"
                              checked={cell.wanted}
                              onChange={(e) => {
                                const on = (e.target as HTMLInputElement).checked;
                                onWanted(r.firmId, on ? [...wanted, p] : wanted.filter((x) => x !== p));
                              }}
                            />
                            <span>{t('agreements.wanted')}</span>
                            <span class="visually-hidden">{t('agreements.wanted.label', { partner: PARTNER_LABELS[p], firm: r.firmName })}</span>
                          </label>
                          {cell.problem && (
                            <span class="agreement-warn bk-small">
                              <span aria-hidden="true">✕ </span>
                              {t('agreements.rejected')}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
