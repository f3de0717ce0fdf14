import { describe, expect, it } from 'vitest';
import { buildOverlayView } from '../overlay/view';
import { firmFacts, locationFacts, NOW, read } from '../checklist/test-fixtures';
import { createTranslator } from '../i18n';
import type { FirmType, PartnerId } from '../portal/types';
import { agreementMatrix, applyBoardFilter, buildBoardRows, fold, hasProblem, systemsOf, type BoardFirm } from './model';
import { boardTable, exportFileName, reportOf } from './export';
import { parseCsv } from './csv';
import { boardCsv } from './export';

/** A firm as board.view gives it, judged by the real checklist from facts built by the checklist's own fixtures. */
function firm(id: string, name: string, type: FirmType, locations: { id: string; name: string; system: string | null; mobile?: string | null }[], wanted?: PartnerId[]): BoardFirm {
  const f = firmFacts({ firmId: id, name: read(name), firmType: read(type), locations: read(locations.map((l) => ({ id: l.id, name: l.name }))) });
  const locs = locations.map((l) =>
    locationFacts({
      locationId: l.id,
      firmId: read(id),
      name: read(l.name),
      ...(l.mobile !== undefined ? { mobile: read(l.mobile) } : {}),
      booking: read({ system: l.system, lastTested: null, result: 'untested' as const }),
    }),
  );
  const prefs = wanted ? { wantedPartners: wanted } : {};
  const view = buildOverlayView({ firm: f, firmId: id, locations: locs, prefs }, NOW);
  return { id, name, type, view, systems: Object.fromEntries(locations.map((l) => [l.id, l.system])), agreements: f.agreements.read ? f.agreements.value : null, ...(wanted ? { wantedPartners: wanted } : {}) };
}

const FIRMS: BoardFirm[] = [
  firm('f-1', 'Fysio Grünerløkka AS', 'co-invoicing', [
    { id: 'l-1', name: 'Grünerløkka', system: 'Aspit (Physica/Psykbase)' },
    { id: 'l-2', name: 'Karl Johan', system: 'EG Pasientsky', mobile: '9123 456' },
  ], ['dkv', 'falck']),
  firm('f-2', 'Østlandet Fysio', 'invoicing', []),
  firm('f-3', 'Bryggen AS', 'shared-location', [{ id: 'l-3', name: 'Bryggen', system: null }]),
];
const ROWS = buildBoardRows(FIRMS, (id) => (id === 'l-1' ? { status: 'connect-failed', at: NOW } : undefined));

describe('board rows', () => {
  it('one row per firm, then its locations, in the portal\'s order', () => {
    expect(ROWS.map((r) => r.key)).toEqual(['f:f-1', 'l:l-1', 'l:l-2', 'f:f-2', 'f:f-3', 'l:l-3']);
    expect(ROWS[1]).toMatchObject({ kind: 'location', firmId: 'f-1', firmName: 'Fysio Grünerløkka AS', system: 'Aspit (Physica/Psykbase)', booking: { status: 'connect-failed' } });
  });

  it('a cell is the worst state of its section\'s results for that row, with where to fix it', () => {
    const karlJohan = ROWS.find((r) => r.key === 'l:l-2')!;
    expect(karlJohan.cells.location.state).toBe('invalid'); // "9123 456" is not a mobile number
    expect(karlJohan.cells.location.target).toMatchObject({ locationId: 'l-2' });
    expect(karlJohan.cells.firm.state).toBe('na'); // firm items belong to the firm's row
    const f1 = ROWS[0]!;
    // DKV is wanted but the fixture firm has no DKV agreement.
    expect(f1.cells.agreements.state).toBe('invalid');
    expect(f1.open.some((o) => o.item.messageKey === 'checklist.result.agreements.none' && o.item.params?.partner === 'DKV Hälsa')).toBe(true);
    expect(f1.cells.location.state).not.toBe('invalid');
  });

  it('"only problems", firm type, booking system, search without diacritics, sort', () => {
    expect(hasProblem(ROWS[1]!)).toBe(true); // booking check failed
    const problems = applyBoardFilter(ROWS, { onlyProblems: true }).map((r) => r.key);
    expect(problems).toContain('l:l-2');
    expect(problems).toContain('f:f-1');
    expect(applyBoardFilter(ROWS, { firmType: 'invoicing' }).map((r) => r.key)).toEqual(['f:f-2']);
    expect(applyBoardFilter(ROWS, { system: 'EG Pasientsky' }).map((r) => r.key)).toEqual(['l:l-2']);
    expect(applyBoardFilter(ROWS, { system: 'none' }).map((r) => r.key)).toEqual(['l:l-3']);
    expect(applyBoardFilter(ROWS, { search: 'grunerlokka' }).map((r) => r.key)).toEqual(['f:f-1', 'l:l-1', 'l:l-2']);
    expect(applyBoardFilter(ROWS, { search: 'ostlandet' }).map((r) => r.key)).toEqual(['f:f-2']);
    expect(applyBoardFilter(ROWS, { sort: 'name' }).map((r) => r.name)).toEqual(['Bryggen', 'Bryggen AS', 'Fysio Grünerløkka AS', 'Grünerløkka', 'Karl Johan', 'Østlandet Fysio']);
    const byProblems = applyBoardFilter(ROWS, { sort: 'problems' });
    expect(byProblems.map((r) => r.open.length)).toEqual([...byProblems.map((r) => r.open.length)].sort((a, b) => b - a));
    expect(systemsOf(ROWS)).toEqual(['Aspit (Physica/Psykbase)', 'EG Pasientsky']);
    expect(fold('Hälsa Øst Ærlig Å')).toBe('halsa ost aerlig a');
  });

  it('a firm whose view is missing still gets its row (never a crash)', () => {
    const rows = buildBoardRows([{ id: 'f-9', name: 'Ukjent AS', type: '', view: { kind: 'no-firm' }, systems: { 'l-9': null }, agreements: null }]);
    expect(rows.map((r) => [r.key, r.name, r.cells.firm.state])).toEqual([['f:f-9', 'Ukjent AS', 'na'], ['l:l-9', 'l-9', 'na']]);
  });
});

describe('agreements matrix', () => {
  it('firm × partner with the wanted ones; wanted but not active is a problem', () => {
    const m = agreementMatrix(FIRMS);
    expect(m[0]!.cells.falck).toEqual({ state: 'active', wanted: true, problem: false });
    expect(m[0]!.cells.dkv).toEqual({ state: 'none', wanted: true, problem: true });
    expect(m[0]!.cells.avonova).toEqual({ state: 'none', wanted: false, problem: false });
    expect(m[0]!.wantedKnown).toBe(true);
    expect(m[1]!.wantedKnown).toBe(false);
    const unread = agreementMatrix([{ ...FIRMS[0]!, agreements: null }]);
    expect(unread[0]!.cells.dkv).toEqual({ state: 'unknown', wanted: true, problem: false });
  });
});

describe('export and report', () => {
  const t = createTranslator('nb');
  it('the CSV table has a header and one line per row, in the admin\'s language', () => {
    const table = boardTable(ROWS, t);
    expect(table[0]!.slice(0, 4)).toEqual(['Firma', 'Lokasjon', 'Firmatype', 'Bookingsystem']);
    expect(table).toHaveLength(ROWS.length + 1);
    const karlJohan = table.find((r) => r[1] === 'Karl Johan')!;
    expect(karlJohan.slice(0, 6)).toEqual(['Fysio Grünerløkka AS', 'Karl Johan', 'Fellesfakturerende / selvstendig', 'EG Pasientsky', '', 'Feil']);
    expect(table.find((r) => r[1] === 'Grünerløkka')![9]).toBe('Ingen kontakt med bookingsystemet');
    expect(table.find((r) => r[1] === 'Bryggen')![3]).toBe('Ikke satt opp');
    expect(parseCsv(boardCsv(ROWS, t))).toEqual(table);
    expect(boardTable(ROWS, createTranslator('en'))[0]![0]).toBe('Firm');
  });

  it('the report lists every firm with each open item\'s why', () => {
    const report = reportOf(ROWS, t);
    expect(report.map((f) => f.firmName)).toEqual(['Fysio Grünerløkka AS', 'Østlandet Fysio', 'Bryggen AS']);
    const dkv = report[0]!.entries.find((e) => e.message.includes('DKV Hälsa'))!;
    expect(dkv).toMatchObject({ where: 'Firmaet', state: 'invalid' });
    expect(dkv.why).toMatch(/avvist/);
    expect(report[0]!.entries.some((e) => e.where === 'Karl Johan')).toBe(true);
  });

  it('names the file by date', () => {
    expect(exportFileName(new Date(2026, 10, 6))).toBe('behandlernettverk-oversikt-2026-11-06.csv');
  });
});
