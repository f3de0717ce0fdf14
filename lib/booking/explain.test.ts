import { describe, expect, it } from 'vitest';
import { hasMessage, translate } from '../i18n';
import { parseLog } from '../portal/log';
import { explainCheck, explainLog, severityOf, statusFromLog, statusFromResult, toChecklistStatus } from './explain';
import { CHECK_STATUSES, type CheckStatus, type Msg } from './types';

const L = {
  connectOk: 'OK Connecting to booking system',
  connectErr: 'ERROR Connecting to booking system',
  serviceOk: 'OK Found at least one service with known service code',
  serviceErr: 'ERROR Found at least one service with known service code',
  found: (n: number) => `${n > 0 ? 'OK' : 'WARNING'} Found ${n} practitioners with free slots in the next 7 days`,
  noSlots: (name: string) => `WARNING No free slots in the next 7 days for ${name}`,
};

const allMessages = (e: ReturnType<typeof explainCheck>): Msg[] => [e.label, e.summary, e.meaning, ...e.actions, ...e.vendorCauses, ...e.practitioners.map((p) => p.message)];

describe('statusFromLog', () => {
  it.each<[string, string[], CheckStatus]>([
    ['success, everyone bookable (l-2011)', [L.connectOk, L.serviceOk, L.found(3), 'Suksess'], 'ok'],
    ['success, one practitioner without slots (l-2001)', [L.connectOk, L.serviceOk, L.found(6), L.noSlots('Siri Åsheim'), 'Suksess'], 'partial'],
    ['success, nobody bookable', [L.connectOk, L.serviceOk, L.found(0), 'Suksess'], 'partial'],
    ['success, practitioners unreadable', [L.connectOk, L.serviceOk, 'WARNING Could not read practitioners from booking system', 'Suksess'], 'partial'],
    ['connect error (l-2002, l-2004 … l-2008)', [L.connectErr, 'Feilet'], 'connect-failed'],
    ['no known service (l-2003)', [L.connectOk, L.serviceErr, 'Feilet'], 'no-service'],
    ['the article: Suksess alone', ['Suksess'], 'ok'],
    ['only "Feilet"', ['Feilet'], 'connect-failed'],
    ['connected, then Feilet without a reason', [L.connectOk, 'Feilet'], 'no-service'],
    ['cut off after connect', [L.connectOk], 'interrupted'],
    ['cut off after service', [L.connectOk, L.serviceOk], 'interrupted'],
    ['complete but the final line is missing', [L.connectOk, L.serviceOk, L.found(2)], 'ok'],
    ['empty', [], 'interrupted'],
    ['unknown lines only', ['INFO something new', 'Vendor said hi'], 'interrupted'],
    ['ERROR connect wins over a contradicting Suksess', [L.connectErr, 'Suksess'], 'connect-failed'],
  ])('%s', (_name, lines, status) => {
    expect(statusFromLog(parseLog(lines))).toBe(status);
  });
});

describe('statusFromResult (API outcomes)', () => {
  it('maps every result kind', () => {
    expect(statusFromResult({ kind: 'ok', data: { success: false, log: [{ level: 'ERROR', text: L.connectErr }, { level: 'RESULT', text: 'Feilet' }], testedAt: 'x' } })).toMatchObject({
      status: 'connect-failed',
      testedAt: 'x',
    });
    expect(statusFromResult({ kind: 'session-expired' }).status).toBe('session-expired');
    expect(statusFromResult({ kind: 'offline' }).status).toBe('offline');
    expect(statusFromResult({ kind: 'timeout' }).status).toBe('timeout');
    expect(statusFromResult({ kind: 'portal-error', status: 503 })).toMatchObject({ status: 'portal-error', portalStatus: 503 });
    expect(statusFromResult({ kind: 'bad-response' })).toEqual({ status: 'portal-error', log: null });
    expect(statusFromResult({ kind: 'aborted' }).status).toBe('cancelled');
  });
});

describe('explainCheck', () => {
  it('every status has existing message keys in both languages and filled placeholders', () => {
    for (const status of CHECK_STATUSES) {
      for (const system of ['aspit', 'pasientsky', 'konfidens', null, 'Noe nytt']) {
        for (const portalStatus of [undefined, 422, 500]) {
          const e = explainCheck({ status, system, portalStatus, log: parseLog([L.connectOk, L.serviceOk, L.found(1), L.noSlots('Ola N.'), 'Suksess']) });
          for (const m of allMessages(e)) {
            expect(hasMessage(m.key), m.key).toBe(true);
            for (const locale of ['nb', 'en'] as const) expect(translate(locale, m.key, m.params), `${locale} ${m.key}`).not.toMatch(/\{\w+\}/);
          }
        }
      }
    }
  });

  it('connect-failed: keys in the wrong field or wrong, or the vendor cannot find the setup; vendor causes for Aspit', () => {
    const e = explainLog(parseLog([L.connectErr, 'Feilet']), 'aspit');
    expect(e).toMatchObject({ status: 'connect-failed', severity: 'error', contactVendor: true, retry: true });
    expect(translate('nb', e.meaning.key, e.meaning.params)).toContain('feil felt');
    expect(translate('nb', e.meaning.key, e.meaning.params)).toContain('finner Aspit (Physica/Psykbase) ikke bookingoppsettet');
    expect(e.vendorCauses.map((c) => c.key)).toEqual(['booking.vendor.physica.connect.cause', 'booking.vendor.psykbase.connect.cause']);
    expect(e.actions.map((a) => a.key)).toEqual(['booking.action.connect-failed.1', 'booking.action.connect-failed.2']);
  });

  it('no-service: the details are right, a service code is missing', () => {
    const e = explainLog(parseLog([L.connectOk, L.serviceErr, 'Feilet']), 'Konfidens');
    expect(e).toMatchObject({ status: 'no-service', severity: 'error', contactVendor: true });
    expect(translate('nb', e.meaning.key, e.meaning.params)).toMatch(/Klient-ID og teknisk nøkkel er riktige/);
    expect(e.vendorCauses).toEqual([{ key: 'booking.vendor.konfidens.service.cause' }]);
  });

  it('partial: one note per practitioner, Pasientsky timebook causes', () => {
    const e = explainLog(parseLog([L.connectOk, L.serviceOk, L.found(2), L.noSlots('Nils Øberg'), L.noSlots('Live Øren'), 'Suksess']), 'pasientsky');
    expect(e.severity).toBe('warning');
    expect(e.practitioners.map((p) => translate('nb', p.message.key, p.message.params))).toEqual([
      'Nils Øberg har ingen ledige timer de neste 7 dagene.',
      'Live Øren har ingen ledige timer de neste 7 dagene.',
    ]);
    expect(translate('nb', e.vendorCauses[0]!.key)).toMatch(/eie timeboken/);
  });

  it('partial variants: nobody bookable; unreadable list', () => {
    expect(explainLog(parseLog([L.connectOk, L.serviceOk, L.found(0), 'Suksess'])).summary.key).toBe('booking.summary.partial.none');
    const unreadable = explainLog(parseLog([L.connectOk, L.serviceOk, 'WARNING Could not read practitioners from booking system', 'Suksess']));
    expect(unreadable.meaning.key).toBe('booking.meaning.partial.unreadable');
    expect(unreadable.contactVendor).toBe(false);
  });

  it('portal errors: status code, unreadable body, and 422 = booking not set up', () => {
    expect(explainCheck({ status: 'portal-error', portalStatus: 500 }).meaning).toEqual({ key: 'booking.meaning.portal-error', params: { system: 'bookingsystemet', status: 500 } });
    expect(explainCheck({ status: 'portal-error' }).meaning.key).toBe('booking.meaning.portal-error.unreadable');
    const notSetUp = explainCheck({ status: 'portal-error', portalStatus: 422 });
    expect(notSetUp.summary.key).toBe('booking.summary.portal-error.notSetUp');
    expect(notSetUp.retry).toBe(false);
  });

  it('ok says so and points at Online Manager', () => {
    const e = explainLog(parseLog([L.connectOk, L.serviceOk, L.found(3), 'Suksess']), 'pasientsky');
    expect(translate('nb', e.summary.key)).toBe('Online booking virker');
    expect(translate('en', e.meaning.key, e.meaning.params)).toContain('EG Pasientsky');
    expect(e).toMatchObject({ retry: false, contactVendor: false, vendorCauses: [] });
  });
});

describe('severity and checklist mapping', () => {
  it.each<[CheckStatus, string, string | null]>([
    ['ok', 'ok', 'ok'],
    ['partial', 'warning', 'ok'],
    ['no-service', 'error', 'no-service'],
    ['connect-failed', 'error', 'connect-failed'],
    ['session-expired', 'unknown', 'error'],
    ['offline', 'unknown', 'error'],
    ['portal-error', 'unknown', 'error'],
    ['timeout', 'unknown', 'error'],
    ['interrupted', 'unknown', 'error'],
    ['cancelled', 'unknown', null],
  ])('%s -> %s / checklist %s', (status, severity, checklist) => {
    expect(severityOf(status)).toBe(severity);
    expect(toChecklistStatus(status)).toBe(checklist);
  });
});
