// The side panel's board tabs ("Oversikt", "Behandlere", "Avtaler") and the printable report: wiring between
// the board store, the pure lib/board model and the views. Browser APIs only for opening tabs and downloads.
import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { agreementMatrix, buildBoardRows, type BoardRow } from '../../lib/board/model';
import { boardCsv, exportFileName, reportOf } from '../../lib/board/export';
import { latestOf } from '../../lib/booking/history';
import { placeOfTarget, portalPath, sectionHeading } from '../../lib/portal/urls';
import type { PartnerId } from '../../lib/portal/types';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { SectionId } from '../../lib/checklist/types';
import { readSettings, watchSettings } from '../../platform/settings';
import { send } from '../../platform/page-messaging';
import type { BookingStore } from '../booking/store';
import { useI18n } from '../i18n';
import { AgreementsView } from './AgreementsView';
import { BoardView } from './BoardView';
import { ReportView } from './ReportView';
import { startBoardStore, type BoardStore } from './store';
import { RosterView } from '../roster/RosterView';

export interface BoardHandle {
  store: BoardStore;
  rows: readonly BoardRow[];
  origin: string;
}

export function useBoard(booking: BookingStore): BoardHandle {
  const store = useMemo(() => startBoardStore(), []);
  useEffect(() => () => store.stop(), []);
  const rows = useComputed(() => {
    const history = booking.state.value.history;
    return buildBoardRows(store.firms.value, (id) => {
      const last = latestOf(history, id);
      return last ? { status: last.status, at: last.finishedAt } : undefined;
    });
  });
  return { store, rows: rows.value, origin: store.origin.value };
}

const open = (url: string) => void browser.tabs.create({ url });

/** Opens the portal where a row's cell is fixed (the section's worst item's place), or the row's own page. */
function openRow(origin: string, row: BoardRow, section?: SectionId) {
  const target = section ? row.cells[section].target : undefined;
  const place = (target && placeOfTarget(target, row.firmId)) ?? (row.locationId ? { page: 'location' as const, locationId: row.locationId } : { page: 'firm' as const, firmId: row.firmId });
  const heading = sectionHeading(place);
  open(`${origin}${portalPath(place)}${heading ? `#${encodeURIComponent(heading)}` : ''}`);
}

/** Saves text as a file the way a download link does (the blob URL lives a minute). */
function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function BoardTab({ board, now }: { board: BoardHandle; now: number }) {
  const { t } = useI18n();
  const { store } = board;
  return (
    <BoardView
      rows={board.rows}
      state={store.state.value}
      loaded={store.loaded.value}
      error={store.error.value}
      now={now}
      actions={{
        readAll: () => void send('board.readAll', {}).catch((e: unknown) => (store.error.value = e instanceof Error ? e.message : String(e))),
        cancel: () => void send('board.cancel', {}).catch(() => undefined),
        exportCsv: (rows) => download(boardCsv(rows, t), exportFileName(new Date())),
        print: () => open(browser.runtime.getURL('/sidepanel.html#report')),
        open: (row, section) => openRow(board.origin, row, section),
      }}
    />
  );
}

export function RosterTab({ board, now }: { board: BoardHandle; now: number }) {
  const threshold = useSignal(DEFAULT_SETTINGS.goneThreshold);
  useEffect(() => {
    void readSettings().then((s) => (threshold.value = s.goneThreshold));
    return watchSettings((s) => (threshold.value = s.goneThreshold));
  }, []);
  return (
    <RosterView
      roster={board.store.roster.value}
      threshold={threshold.value}
      now={now}
      onGuide={(locationId, personId) => void send('roster.guide', { locationId, personId }).catch((e: unknown) => (board.store.error.value = e instanceof Error ? e.message : String(e)))}
    />
  );
}

export function AgreementsTab({ board }: { board: BoardHandle }) {
  const { store, origin } = board;
  // What the admin just ticked, until the background's view has it (two quick ticks must not undo each other).
  const pending = useSignal<Readonly<Record<string, PartnerId[]>>>({});
  const firms = store.firms.value.map((f) => (Object.hasOwn(pending.value, f.id) ? { ...f, wantedPartners: pending.value[f.id]! } : f));
  return (
    <AgreementsView
      rows={agreementMatrix(firms)}
      onWanted={(firmId: string, partners: PartnerId[]) => {
        pending.value = { ...pending.value, [firmId]: partners };
        send('firm.prefs', { origin, firmId, wantedPartners: partners }).catch((e: unknown) => {
          const { [firmId]: _dropped, ...rest } = pending.value;
          pending.value = rest;
          store.error.value = e instanceof Error ? e.message : String(e);
        });
      }}
      onApply={(firmId) => open(`${origin}${portalPath({ page: 'agreements', firmId })}#${encodeURIComponent('Samarbeidsavtaler')}`)}
    />
  );
}

export function ReportPage({ board }: { board: BoardHandle }) {
  const { t, locale } = useI18n();
  const date = new Date().toLocaleDateString(locale === 'nb' ? 'nb-NO' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  useEffect(() => {
    document.title = t('report.title');
  }, []);
  return (
    <div class="page report-page">
      <ReportView firms={reportOf(board.rows, t)} date={date} onPrint={() => window.print()} />
    </div>
  );
}
