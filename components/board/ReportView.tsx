import type { ReportFirm } from '../../lib/board/export';
import { STATE_KEYS } from '../../lib/board/export';
import { useI18n } from '../i18n';
import { StatusPill } from '../StatusPill';
import { HEALTH_OF } from './BoardView';
import './board.css';

/** The printable report: date, every firm, every open item with its "why". Printed with the browser's print (to PDF). */
export function ReportView({ firms, date, onPrint }: { firms: readonly ReportFirm[]; date: string; onPrint: () => void }) {
  const { t } = useI18n();
  const open = firms.reduce((n, f) => n + f.entries.length, 0);
  return (
    <article class="report">
      <header>
        <h1>{t('report.title')}</h1>
        <p>{t('report.meta', { date, firms: firms.length, open })}</p>
        <button type="button" class="button no-print" onClick={onPrint}>
          {t('report.print')}
        </button>
      </header>
      {firms.map((f) => (
        <section key={f.firmId} class="report-firm" aria-labelledby={`r-${f.firmId}`}>
          <h2 id={`r-${f.firmId}`}>{f.firmName}</h2>
          {f.entries.length === 0 ? (
            <p>{t('report.allOk')}</p>
          ) : (
            <table class="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.col.where')}</th>
                  <th scope="col">{t('report.col.state')}</th>
                  <th scope="col">{t('report.col.item')}</th>
                  <th scope="col">{t('report.col.why')}</th>
                </tr>
              </thead>
              <tbody>
                {f.entries.map((e, i) => (
                  <tr key={i}>
                    <td>{e.where}</td>
                    <td>
                      <StatusPill health={HEALTH_OF[e.state]} label={t(STATE_KEYS[e.state])} />
                    </td>
                    <td>
                      <strong>{e.title}</strong>
                      <br />
                      {e.message}
                    </td>
                    <td>{e.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </article>
  );
}
