import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LOG_LINES, logLines, parseLog, parseLogLine } from './log';

// The sandbox portal's exact wording (sandbox/portal/booking-test.ts), as the API returns it.
const apiLog = (...lines: string[]) =>
  lines.map((text) => ({ level: text === 'Suksess' || text === 'Feilet' ? 'RESULT' : (text.split(' ')[0] ?? ''), text }));

describe('parseLogLine', () => {
  it.each([
    ['OK Connecting to booking system', { kind: 'connect', level: 'ok' }],
    ['ERROR Connecting to booking system', { kind: 'connect', level: 'error' }],
    ['OK Found at least one service with known service code', { kind: 'service', level: 'ok' }],
    ['ERROR Found at least one service with known service code', { kind: 'service', level: 'error' }],
    ['OK Found 3 practitioners with free slots in the next 7 days', { kind: 'practitioners', level: 'ok', count: 3, days: 7 }],
    ['WARNING Found 0 practitioners with free slots in the next 7 days', { kind: 'practitioners', level: 'warning', count: 0 }],
    ['WARNING No free slots in the next 7 days for Siri Åsheim', { kind: 'no-free-slots', level: 'warning', name: 'Siri Åsheim' }],
    ['WARNING Could not read practitioners from booking system', { kind: 'practitioners-unreadable', level: 'warning' }],
    ['WARNING Could not read free slots for Ola N.', { kind: 'slots-unreadable', name: 'Ola N' }],
    ['Suksess', { kind: 'result', success: true }],
    ['Feilet', { kind: 'result', success: false }],
  ])('%s', (line, expected) => {
    expect(parseLogLine(line)).toMatchObject({ ...expected, raw: line });
  });

  it('tolerates case, whitespace, brackets, colons, invisible characters and a trailing full stop', () => {
    expect(parseLogLine('  error   connecting TO booking\tsystem  ')).toMatchObject({ kind: 'connect', level: 'error' });
    expect(parseLogLine('[ERROR] Connecting to booking system.')).toMatchObject({ kind: 'connect', level: 'error' });
    expect(parseLogLine('OK: Found at least one service with known service code')).toMatchObject({ kind: 'service', level: 'ok' });
    expect(parseLogLine('Warn - No free slots in the next 7 days for  Lars   Bjørnstad ')).toMatchObject({ kind: 'no-free-slots', name: 'Lars Bjørnstad' });
    expect(parseLogLine('\u200BOK\u00A0Connecting to booking system')).toMatchObject({ kind: 'connect', level: 'ok' });
    expect(parseLogLine('SUKSESS')).toMatchObject({ kind: 'result', success: true });
    expect(parseLogLine('feilet.')).toMatchObject({ kind: 'result', success: false });
    expect(parseLogLine('OK Found 1 practitioner with free slots in the next 7 days')).toMatchObject({ kind: 'practitioners', count: 1 });
  });

  it('takes the level from the API field when the text has none; the text prefix wins', () => {
    expect(parseLogLine('Connecting to booking system', 'ERROR')).toMatchObject({ kind: 'connect', level: 'error' });
    expect(parseLogLine('OK Connecting to booking system', 'ERROR')).toMatchObject({ level: 'ok' });
    expect(parseLogLine('Connecting to booking system')).toMatchObject({ kind: 'connect', level: null });
  });

  it('keeps unknown lines verbatim', () => {
    const odd = '  INFO Vendor says: Ukjent svar «æøå» ';
    expect(parseLogLine(odd)).toEqual({ kind: 'unknown', level: 'info', raw: odd });
    expect(parseLogLine('OK')).toEqual({ kind: 'unknown', level: null, raw: 'OK' });
    expect(parseLogLine('Connecting to booking system took 3 s')).toMatchObject({ kind: 'unknown' });
  });
});

describe('parseLog: steps', () => {
  it('success with a practitioner without slots (l-2001)', () => {
    const log = parseLog(
      apiLog(
        'OK Connecting to booking system',
        'OK Found at least one service with known service code',
        'OK Found 6 practitioners with free slots in the next 7 days',
        'WARNING No free slots in the next 7 days for Siri Åsheim',
        'Suksess',
      ),
    );
    expect(log).toMatchObject({ connect: 'ok', service: 'ok', result: 'success', practitioners: { withSlots: 6, withoutSlots: ['Siri Åsheim'], listUnreadable: false } });
    expect(logLines(log)).toHaveLength(5);
  });

  it('connect error (page text, one string)', () => {
    expect(parseLog('ERROR Connecting to booking system\nFeilet\n')).toMatchObject({ connect: 'failed', service: 'missing', result: 'failure' });
  });

  it('no known service', () => {
    expect(parseLog(['OK Connecting to booking system', 'ERROR Found at least one service with known service code', 'Feilet'])).toMatchObject({
      connect: 'ok',
      service: 'failed',
      result: 'failure',
    });
  });

  it('infers steps without levels from what follows', () => {
    expect(parseLog(['Connecting to booking system', 'Found at least one service with known service code', 'Suksess'])).toMatchObject({ connect: 'ok', service: 'ok' });
    expect(parseLog(['Connecting to booking system', 'Feilet'])).toMatchObject({ connect: 'failed', service: 'missing' });
    expect(parseLog(['Connecting to booking system'])).toMatchObject({ connect: 'unclear', result: null });
    // "Suksess" alone: the portal found the setup and a known service.
    expect(parseLog('Suksess')).toMatchObject({ connect: 'ok', service: 'ok', result: 'success' });
  });

  it('mixes CRLF, objects, strings and junk items', () => {
    const log = parseLog([
      'OK Connecting to booking system\r\nOK Found at least one service with known service code',
      { level: 'WARNING', text: 'WARNING Found 0 practitioners with free slots in the next 7 days' },
      null,
      42,
      { text: 7 },
      { level: 'RESULT', text: 'Suksess' },
    ]);
    expect(log).toMatchObject({ connect: 'ok', service: 'ok', result: 'success', practitioners: { withSlots: 0 } });
    expect(log.entries).toHaveLength(4);
  });

  it('de-duplicates names and keeps unreadable ones apart', () => {
    const log = parseLog([
      'WARNING No free slots in the next 7 days for Nils Øberg',
      'WARNING No free slots in the next 7 days for Nils Øberg',
      'WARNING Could not read free slots for Mona Vik',
      'WARNING Could not read practitioners from booking system',
    ]);
    expect(log.practitioners).toEqual({ withSlots: null, withoutSlots: ['Nils Øberg'], unreadable: ['Mona Vik'], listUnreadable: true });
  });

  it('anything that is not a log gives an empty log', () => {
    for (const input of [undefined, null, 1, {}, { log: [] }, '', '   \n  ']) {
      expect(parseLog(input)).toMatchObject({ entries: [], connect: 'missing', service: 'missing', result: null });
    }
  });

  it('drops lines beyond the cap', () => {
    const log = parseLog(Array.from({ length: MAX_LOG_LINES + 5 }, () => 'INFO x'));
    expect(log.entries).toHaveLength(MAX_LOG_LINES);
    expect(log.truncated).toBe(true);
  });

  it('survives a hostile getter', () => {
    const evil = Object.defineProperty({}, 'text', {
      get() {
        throw new Error('boom');
      },
    });
    expect(parseLog([evil, 'Suksess']).result).toBe('success');
  });
});

describe('parseLog never throws (properties)', () => {
  const anyString = fc.string({ unit: 'binary', maxLength: 300 });
  const lone = fc.constantFrom('\uD800', '\uDFFF', 'a\uD83D', '\uDE00b');
  const known = fc.constantFrom(
    'OK Connecting to booking system',
    'ERROR Connecting to booking system',
    'ERROR Found at least one service with known service code',
    'WARNING No free slots in the next 7 days for ',
    'Suksess',
    'Feilet',
  );
  const line = fc.oneof(anyString, lone, known, fc.tuple(known, anyString).map(([a, b]) => a + b));
  const item = fc.oneof(line, fc.record({ level: fc.oneof(anyString, fc.constant('ERROR')), text: line }), fc.anything());

  it('on arbitrary strings and arrays, with a consistent summary', () => {
    fc.assert(
      fc.property(fc.oneof(line, fc.array(item, { maxLength: 40 }), fc.anything()), (input) => {
        const log = parseLog(input);
        expect(Array.isArray(log.entries)).toBe(true);
        expect(['ok', 'failed', 'unclear', 'missing']).toContain(log.connect);
        for (const e of log.entries) expect(typeof e.raw).toBe('string');
        expect(['ok', 'failed', 'unclear', 'missing']).toContain(log.service);
        expect(log.entries.length).toBeLessThanOrEqual(MAX_LOG_LINES);
        // An explicit ERROR on the connect line always wins.
        if (log.entries.find((e) => e.kind === 'connect')?.level === 'error') expect(log.connect).toBe('failed');
      }),
    );
  });

  it('on 100k-character lines, quickly', () => {
    const big = 'x'.repeat(100_000);
    const t0 = performance.now();
    expect(parseLog(big).entries[0]).toMatchObject({ kind: 'unknown', raw: big });
    expect(parseLog(`WARNING No free slots in the next 7 days for ${big}`).entries[0]?.kind).toBe('unknown');
    expect(parseLog(' '.repeat(100_000) + 'Suksess').result).toBe('success');
    expect(parseLog(`${'.'.repeat(100_000)}x`).entries).toHaveLength(1);
    expect(parseLog(`${'ok '.repeat(40_000)}`).entries).toHaveLength(1);
    expect(parseLog(`${'\uD800'.repeat(50_000)}\n${'OK '.repeat(30_000)}`).entries).toHaveLength(2);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
