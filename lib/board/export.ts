/**
 * The board as a table for export (CSV) and as a printable report (every open item with its "why"). Texts
 * come through the translator the UI uses, so the export speaks the admin's language.
 */
import type { MessageKey, Translator } from '../i18n/core';
import { SECTION_IDS, type ItemState } from '../checklist/types';
import type { BoardRow } from './model';
import { toCsv } from './csv';

export const STATE_KEYS: Readonly<Record<ItemState, MessageKey>> = {
  ok: 'board.state.ok',
  attention: 'board.state.attention',
  invalid: 'board.state.invalid',
  unchecked: 'board.state.unchecked',
  stale: 'board.state.stale',
  unreadable: 'board.state.unreadable',
  na: 'board.state.na',
};

const SECTION_KEYS = {
  firm: 'board.col.firm',
  location: 'board.col.location',
  practitioners: 'board.col.practitioners',
  booking: 'board.col.booking',
  agreements: 'board.col.agreements',
} as const satisfies Record<(typeof SECTION_IDS)[number], MessageKey>;

export function sectionLabel(t: Translator, id: (typeof SECTION_IDS)[number]): string {
  return t(SECTION_KEYS[id]);
}

/** One open item as plain text: "title: message". */
export function itemText(t: Translator, open: BoardRow['open'][number]): string {
  return `${t(open.item.titleKey)}: ${t(open.item.messageKey, open.item.params)}`;
}

export function bookingText(t: Translator, row: BoardRow): string {
  if (row.kind === 'firm') return '';
  if (!row.booking) return t(row.system === null ? 'board.booking.notSetUp' : 'board.booking.notChecked');
  return t(`booking.status.${row.booking.status}` as MessageKey);
}

export function boardTable(rows: readonly BoardRow[], t: Translator): string[][] {
  const header = [t('board.csv.firm'), t('board.csv.location'), t('board.csv.orgType'), t('board.csv.system'), ...SECTION_IDS.map((s) => sectionLabel(t, s)), t('board.csv.bookingStatus'), t('board.csv.openCount'), t('board.csv.open')];
  const body = rows.map((r) => [
    r.firmName,
    r.kind === 'location' ? r.name : '',
    r.firmType ? t(`board.firmType.${r.firmType}` as MessageKey) : '',
    r.kind === 'location' ? (r.system ?? t('board.booking.notSetUp')) : '',
    ...SECTION_IDS.map((s) => (r.cells[s].state === 'na' ? '' : t(STATE_KEYS[r.cells[s].state]))),
    bookingText(t, r),
    String(r.open.length),
    r.open.map((o) => itemText(t, o)).join(' | '),
  ]);
  return [header, ...body];
}

export function boardCsv(rows: readonly BoardRow[], t: Translator): string {
  return toCsv(boardTable(rows, t));
}

/** `behandlernettverk-oversikt-2026-11-26.csv` */
export function exportFileName(now: Date): string {
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `behandlernettverk-oversikt-${d}.csv`;
}

export interface ReportFirm {
  readonly firmId: string;
  readonly firmName: string;
  readonly entries: readonly { readonly where: string; readonly title: string; readonly message: string; readonly why: string; readonly state: ItemState }[];
}

/** Every firm with its open items (firm's own first, then per location), for the printable report. */
export function reportOf(rows: readonly BoardRow[], t: Translator): ReportFirm[] {
  const firms: ReportFirm[] = [];
  for (const r of rows) {
    let firm = firms.find((f) => f.firmId === r.firmId);
    if (!firm) firms.push((firm = { firmId: r.firmId, firmName: r.firmName, entries: [] }));
    for (const o of r.open) {
      (firm.entries as ReportFirm['entries'][number][]).push({
        where: r.kind === 'firm' ? t('board.report.firmLevel') : r.name,
        title: t(o.item.titleKey),
        message: t(o.item.messageKey, o.item.params),
        why: t(o.item.whyKey),
        state: o.item.state,
      });
    }
  }
  return firms;
}
