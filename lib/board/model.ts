/**
 * The all-locations board ("Oversikt"): one row per firm and per location, one cell per checklist section
 * (worst state of the section's results for that row), the latest booking check and the agreements. Built
 * from the same checklist views the overlay shows (lib/overlay/view.ts), so a cell can never disagree with
 * the overlay. Filters, sort and search are pure functions over the rows.
 */
import { severityOf } from '../booking/status';
import type { CheckStatus } from '../booking/types';
import { worstState } from '../checklist/state';
import { SECTION_IDS, type ItemState, type SectionId, type Target } from '../checklist/types';
import type { ItemView, OverlayView } from '../overlay/types';
import { PARTNERS, type AgreementState, type FirmType, type PartnerId } from '../portal/types';

/** What the background sends per firm (board.view). */
export interface BoardFirm {
  readonly id: string;
  readonly name: string;
  /** The firm type as the portal's API gave it ('' when unknown). */
  readonly type: string;
  readonly view: OverlayView;
  /** Booking system per location id, as the portal names it (null: not set up). */
  readonly systems: Readonly<Record<string, string | null>>;
  /** The firm's agreements as last read (null: not read yet). */
  readonly agreements: readonly { readonly partner: PartnerId; readonly state: AgreementState }[] | null;
  readonly wantedPartners?: readonly PartnerId[];
}

export interface BoardCell {
  readonly state: ItemState;
  /** Results in this cell that are not ok / not applicable. */
  readonly open: number;
  /** Where the worst open result is fixed (or the first result's place). */
  readonly target?: Target;
}

export interface OpenItem {
  readonly section: SectionId;
  readonly item: ItemView;
}

export interface BoardRow {
  readonly key: string;
  readonly kind: 'firm' | 'location';
  readonly firmId: string;
  readonly firmName: string;
  readonly firmType: FirmType | undefined;
  readonly locationId?: string;
  /** The row's own name (firm name for a firm row). */
  readonly name: string;
  readonly cells: Readonly<Record<SectionId, BoardCell>>;
  /** Location rows: the booking system (null: not set up). */
  readonly system: string | null;
  /** Location rows: the latest booking check the extension ran. */
  readonly booking?: { readonly status: CheckStatus; readonly at: number };
  readonly open: readonly OpenItem[];
}

const CLOSED: ReadonlySet<ItemState> = new Set(['ok', 'na']);
/** States that count as a problem for "only problems" (unchecked/stale are "not known", not problems). */
const PROBLEM: ReadonlySet<ItemState> = new Set(['invalid', 'attention', 'unreadable']);

function cellOf(items: readonly ItemView[]): BoardCell {
  if (items.length === 0) return { state: 'na', open: 0 };
  const state = worstState(items.map((i) => i.state));
  const open = items.filter((i) => !CLOSED.has(i.state));
  const worst = open.find((i) => i.state === state) ?? items[0]!;
  return { state, open: open.length, ...(worst.target ? { target: worst.target } : {}) };
}

function cellsOf(items: readonly ItemView[]): Record<SectionId, BoardCell> {
  const out = {} as Record<SectionId, BoardCell>;
  for (const id of SECTION_IDS) out[id] = cellOf(items.filter((i) => i.section === id));
  return out;
}

const openOf = (items: readonly ItemView[]): OpenItem[] => items.filter((i) => !CLOSED.has(i.state)).map((item) => ({ section: item.section, item }));

/** Rows in the portal's order: each firm, then its locations. */
export function buildBoardRows(firms: readonly BoardFirm[], bookingLatest: (locationId: string) => { status: CheckStatus; at: number } | undefined = () => undefined): BoardRow[] {
  const rows: BoardRow[] = [];
  for (const firm of firms) {
    const view = firm.view;
    const items: ItemView[] = view.kind === 'firm' ? view.sections.flatMap((s) => s.items) : [];
    const firmType = view.kind === 'firm' ? view.firmType.type : undefined;
    const firmItems = items.filter((i) => !i.locationId);
    rows.push({ key: `f:${firm.id}`, kind: 'firm', firmId: firm.id, firmName: firm.name, firmType, name: firm.name, cells: cellsOf(firmItems), system: null, open: openOf(firmItems) });
    const locations = view.kind === 'firm' ? view.locations : [];
    const known = new Set(locations.map((l) => l.id));
    const ids = [...locations.map((l) => l.id), ...Object.keys(firm.systems).filter((id) => !known.has(id))];
    for (const id of ids) {
      const name = locations.find((l) => l.id === id)?.name ?? items.find((i) => i.locationId === id)?.locationName ?? id;
      const own = items.filter((i) => i.locationId === id);
      const booking = bookingLatest(id);
      rows.push({
        key: `l:${id}`,
        kind: 'location',
        firmId: firm.id,
        firmName: firm.name,
        firmType,
        locationId: id,
        name,
        cells: cellsOf(own),
        system: Object.hasOwn(firm.systems, id) ? firm.systems[id]! : null,
        ...(booking ? { booking } : {}),
        open: openOf(own),
      });
    }
  }
  return rows;
}

export function hasProblem(row: BoardRow): boolean {
  return SECTION_IDS.some((s) => PROBLEM.has(row.cells[s].state)) || (row.booking !== undefined && ['error', 'warning'].includes(severityOf(row.booking.status)));
}

export type SortKey = 'portal' | 'name' | 'problems';

export interface BoardFilter {
  readonly onlyProblems?: boolean;
  readonly firmType?: FirmType | '';
  /** A booking system's name, 'none' for not set up, '' for any. */
  readonly system?: string;
  readonly search?: string;
  readonly sort?: SortKey;
}

/** Lower case without diacritics, so "grunerlokka" finds "Grünerløkka" and "ostlandet" "Østlandet". */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function matches(row: BoardRow, f: BoardFilter): boolean {
  if (f.onlyProblems && !hasProblem(row)) return false;
  if (f.firmType && row.firmType !== f.firmType) return false;
  if (f.system) {
    if (row.kind === 'firm') return false;
    if (f.system === 'none' ? row.system !== null : row.system !== f.system) return false;
  }
  if (f.search && f.search.trim()) {
    const needle = fold(f.search);
    if (!fold(`${row.name} ${row.firmName} ${row.locationId ?? ''} ${row.firmId}`).includes(needle)) return false;
  }
  return true;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Filters and sorts. `portal` keeps the portal's order (firm, then its locations). */
export function applyBoardFilter(rows: readonly BoardRow[], f: BoardFilter): BoardRow[] {
  const kept = rows.filter((r) => matches(r, f));
  const order = new Map(rows.map((r, i) => [r.key, i]));
  const sort = f.sort ?? 'portal';
  if (sort === 'portal') return kept;
  return [...kept].sort((a, b) => {
    if (sort === 'problems') {
      const d = b.open.length - a.open.length;
      if (d !== 0) return d;
    }
    if (sort === 'name') {
      const d = collator.compare(a.name, b.name);
      if (d !== 0) return d;
    }
    return order.get(a.key)! - order.get(b.key)!;
  });
}

/** The booking systems present, for the filter's options. */
export function systemsOf(rows: readonly BoardRow[]): string[] {
  return [...new Set(rows.filter((r) => r.kind === 'location' && r.system !== null).map((r) => r.system!))].sort(collator.compare);
}

// ------------------------------------------------------------------ agreements matrix

export type MatrixState = AgreementState | 'unknown';
export interface MatrixCell {
  readonly state: MatrixState;
  readonly wanted: boolean;
  /** Wanted but not active: invoices to this partner may be rejected. */
  readonly problem: boolean;
}
export interface MatrixRow {
  readonly firmId: string;
  readonly firmName: string;
  /** Whether the admin has said which partners the firm wants. */
  readonly wantedKnown: boolean;
  readonly cells: Readonly<Record<PartnerId, MatrixCell>>;
}

export function agreementMatrix(firms: readonly BoardFirm[]): MatrixRow[] {
  return firms.map((firm) => {
    const wanted = new Set(firm.wantedPartners ?? []);
    const cells = {} as Record<PartnerId, MatrixCell>;
    for (const p of PARTNERS) {
      const state: MatrixState = firm.agreements ? (firm.agreements.find((a) => a.partner === p)?.state ?? 'none') : 'unknown';
      cells[p] = { state, wanted: wanted.has(p), problem: wanted.has(p) && state !== 'active' && state !== 'unknown' };
    }
    return { firmId: firm.id, firmName: firm.name, wantedKnown: firm.wantedPartners !== undefined, cells };
  });
}
