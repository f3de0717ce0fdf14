import { useSignal } from '@preact/signals';
import type { MessageKey } from '../../lib/i18n/core';
import { SECTION_IDS, type ItemState, type SectionId } from '../../lib/checklist/types';
import { applyBoardFilter, hasProblem, systemsOf, type BoardFilter, type BoardRow, type SortKey } from '../../lib/board/model';
import { bookingText, itemText, sectionLabel, STATE_KEYS } from '../../lib/board/export';
import type { BoardState } from '../../lib/board/state';
import { severityOf } from '../../lib/booking/status';
import { FIRM_TYPES } from '../../lib/portal/types';
import { formatAge } from '../../lib/i18n/time';
import type { Health } from '../../lib/messaging/protocol';
import { useI18n } from '../i18n';
import { StatusPill } from '../StatusPill';
import './board.css';

export interface BoardActions {
  readAll(): void;
  cancel(): void;
  exportCsv(rows: readonly BoardRow[]): void;
  print(): void;
  open(row: BoardRow, section?: SectionId): void;
}

export const HEALTH_OF: Readonly<Record<ItemState, Health>> = {
  ok: 'ok',
  attention: 'warning',
  unreadable: 'warning',
  stale: 'warning',
  invalid: 'error',
  unchecked: 'unknown',
  na: 'unknown',
};

function Progress({ state, onCancel }: { state: BoardState; onCancel: () => void }) {
  const { t } = useI18n();
  const run = state.run;
  if (!run) return null;
  if (run.running) {
    return (
      <div class="board-run" role="group" aria-label={t('board.run.label')}>
        <progress max={Math.max(1, run.total)} value={run.done} aria-label={t('board.run.progress', { done: run.done, total: run.total })} />
        <span role="status">{t('board.run.progress', { done: run.done, total: run.total })}</span>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t('board.run.cancel')}
        </button>
      </div>
    );
  }
  return (
    <p class="muted bk-small" role="status">
      {run.cancelled ? t('board.run.cancelled', { done: run.done, total: run.total }) : t('board.run.done', { total: run.done })}
      {run.failed > 0 && ` ${t('board.run.failed', { n: run.failed })}`}
    </p>
  );
}

const REACH_KEYS: Partial<Record<BoardState['reach'], MessageKey>> = {
  'session-expired': 'bookingui.notice.sessionExpired',
  offline: 'bookingui.notice.offline',
  error: 'bookingui.notice.error',
};

export function BoardView({ rows, state, loaded, error, now, actions }: { rows: readonly BoardRow[]; state: BoardState; loaded: boolean; error: string | null; now: number; actions: BoardActions }) {
  const { t } = useI18n();
  const onlyProblems = useSignal(false);
  const firmType = useSignal<BoardFilter['firmType']>('');
  const system = useSignal('');
  const search = useSignal('');
  const sort = useSignal<SortKey>('portal');
  const filter: BoardFilter = { onlyProblems: onlyProblems.value, firmType: firmType.value, system: system.value, search: search.value, sort: sort.value };
  const shown = applyBoardFilter(rows, filter);
  const running = state.run?.running === true;
  const reachKey = REACH_KEYS[state.reach];
  const problems = rows.filter(hasProblem).length;

  return (
    <div class="board">
      <div class="bk-toolbar">
        <h2>{t('board.title')}</h2>
        <button type="button" class="button" onClick={actions.readAll} disabled={running}>
          {t('board.readAll')}
        </button>
      </div>
      <p class="muted bk-small">
        {state.readAt !== null ? t('board.readAt', { age: formatAge(state.readAt, now, t) }) : t('board.readAt.never')}
        {' · '}
        {t('board.summary', { rows: rows.length, problems })}
      </p>
      <Progress state={state} onCancel={actions.cancel} />
      {reachKey && (
        <div class="bk-notice t-warning" role="alert">
          <span class="bk-notice-icon" aria-hidden="true">
            !
          </span>
          <p>{t(reachKey)}</p>
        </div>
      )}
      {error && (
        <div class="bk-notice t-error" role="alert">
          <span class="bk-notice-icon" aria-hidden="true">
            ✕
          </span>
          <p>{t('bookingui.error', { detail: error })}</p>
        </div>
      )}

      <form class="board-filters" role="search" aria-label={t('board.filters')} onSubmit={(e) => e.preventDefault()}>
        <label class="board-search">
          <span>{t('board.search')}</span>
          <input type="search" value={search.value} onInput={(e) => (search.value = (e.target as HTMLInputElement).value)} />
        </label>
        <label class="board-check">
          <input type="checkbox" checked={onlyProblems.value} onChange={(e) => (onlyProblems.value = (e.target as HTMLInputElement).checked)} />
          <span>{t('board.onlyProblems')}</span>
        </label>
        <label>
          <span>{t('board.firmType')}</span>
          <select value={firmType.value} onChange={(e) => (firmType.value = (e.target as HTMLSelectElement).value as BoardFilter['firmType'])}>
            <option value="">{t('board.any')}</option>
            {FIRM_TYPES.map((ft) => (
              <option key={ft} value={ft}>
                {t(`board.firmType.${ft}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('board.system')}</span>
          <select value={system.value} onChange={(e) => (system.value = (e.target as HTMLSelectElement).value)}>
            <option value="">{t('board.any')}</option>
            {systemsOf(rows).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value="none">{t('board.booking.notSetUp')}</option>
          </select>
        </label>
        <label>
          <span>{t('board.sort')}</span>
          <select value={sort.value} onChange={(e) => (sort.value = (e.target as HTMLSelectElement).value as SortKey)}>
            <option value="portal">{t('board.sort.portal')}</option>
            <option value="name">{t('board.sort.name')}</option>
            <option value="problems">{t('board.sort.problems')}</option>
          </select>
        </label>
      </form>

      <div class="actions">
        <button type="button" class="button secondary" onClick={() => actions.exportCsv(shown)} disabled={shown.length === 0}>
          {t('board.exportCsv')}
        </button>
        <button type="button" class="button secondary" onClick={actions.print} disabled={rows.length === 0}>
          {t('board.print')}
        </button>
      </div>

      <p class="muted bk-small" aria-live="polite">
        {t('board.shown', { shown: shown.length, total: rows.length })}
      </p>
      {!loaded ? (
        <p class="bk-loading" role="status">
          <span class="bk-spinner" aria-hidden="true" />
          {t('board.loading')}
        </p>
      ) : rows.length === 0 ? (
        <p class="muted">{t('board.empty')}</p>
      ) : (
        <div class="board-scroll">
          <table class="board-table">
            <caption class="visually-hidden">{t('board.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.col.name')}</th>
                {SECTION_IDS.map((s) => (
                  <th key={s} scope="col">
                    {sectionLabel(t, s)}
                  </th>
                ))}
                <th scope="col">{t('board.col.bookingStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <Row key={r.key} row={r} onOpen={actions.open} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Row({ row, onOpen }: { row: BoardRow; onOpen: BoardActions['open'] }) {
  const { t } = useI18n();
  const open = useSignal(false);
  const detailsId = `board-open-${row.key.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return (
    <>
      <tr class={row.kind === 'firm' ? 'board-firm' : 'board-location'} data-row={row.key}>
        <th scope="row">
          <span class="board-name">{row.name}</span>
          {row.kind === 'location' && <span class="muted bk-small board-sub">{row.system ?? t('board.booking.notSetUp')}</span>}
          {row.open.length > 0 && (
            <button type="button" class="board-more" aria-expanded={open.value} aria-controls={detailsId} onClick={() => (open.value = !open.value)}>
              <span aria-hidden="true">{open.value ? '▾ ' : '▸ '}</span>
              {t('board.openCount', { n: row.open.length })}
            </button>
          )}
        </th>
        {SECTION_IDS.map((s) => {
          const cell = row.cells[s];
          if (cell.state === 'na')
            return (
              <td key={s} class="board-na">
                <span aria-hidden="true">–</span>
                <span class="visually-hidden">{t('board.state.na')}</span>
              </td>
            );
          const label = t(STATE_KEYS[cell.state]);
          return (
            <td key={s} data-section={s}>
              <button type="button" class="board-cell" aria-label={t('board.cell.label', { section: sectionLabel(t, s), state: label, name: row.name })} onClick={() => onOpen(row, s)}>
                <StatusPill health={HEALTH_OF[cell.state]} label={label} />
              </button>
            </td>
          );
        })}
        <td data-section="bookingStatus">
          {row.kind === 'location' ? <StatusPill health={row.booking ? severityOf(row.booking.status) : 'unknown'} label={bookingText(t, row)} /> : null}
        </td>
      </tr>
      {open.value && (
        <tr class="board-details">
          <td colSpan={SECTION_IDS.length + 2} id={detailsId}>
            <ul>
              {row.open.map((o, i) => (
                <li key={i}>{itemText(t, o)}</li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}
