import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMessage, translate } from '../i18n';
import { parseLog } from '../portal/log';
import { CHECK_STATUSES, VENDORS } from './types';
import { bookingSystemFrom, redactSecrets, vendorCauses, vendorMessage, vendorQuestions, vendorsFor } from './vendors';

const decodeHref = (href: string) => {
  const url = new URL(href);
  return { to: decodeURIComponent(url.pathname), subject: url.searchParams.get('subject') ?? '', body: url.searchParams.get('body') ?? '' };
};

describe('booking systems and vendors', () => {
  it.each([
    ['aspit', 'aspit'],
    ['Aspit (Physica/Psykbase)', 'aspit'],
    ['Physica', 'aspit'],
    ['  EG Pasientsky ', 'pasientsky'],
    ['KONFIDENS', 'konfidens'],
    ['Ikke satt opp', null],
    ['', null],
    [null, null],
    [42, null],
  ])('%s -> %s', (input, expected) => {
    expect(bookingSystemFrom(input)).toBe(expected);
  });

  it('Aspit is Physica or Psykbase', () => {
    expect(vendorsFor('aspit')).toEqual(['physica', 'psykbase']);
    expect(vendorsFor(null)).toEqual([]);
  });

  it('every vendor has a cause and a question for every problem, in both languages', () => {
    for (const vendor of VENDORS) {
      for (const problem of ['connect', 'service', 'slots'] as const) {
        for (const kind of ['cause', 'question']) {
          const key = `booking.vendor.${vendor}.${problem}.${kind}`;
          expect(hasMessage(key), key).toBe(true);
        }
      }
    }
    expect(vendorCauses('pasientsky', 'slots')).toEqual([{ key: 'booking.vendor.pasientsky.slots.cause' }]);
    expect(vendorQuestions('aspit', 'connect')).toHaveLength(2);
  });

  it('the facts from the vendors’ help pages are there', () => {
    expect(translate('nb', 'booking.vendor.physica.connect.cause')).toMatch(/DigiCare.*Behandlingsserier, Kontakter og betalere, Online-booking og EHF/);
    expect(translate('nb', 'booking.vendor.psykbase.slots.cause')).toMatch(/én kalender per lokasjon/);
    expect(translate('nb', 'booking.vendor.pasientsky.slots.cause')).toMatch(/eie timeboken.*ukemal.*arbeidsplan/);
    expect(translate('nb', 'booking.vendor.pasientsky.connect.cause')).toMatch(/organisasjonsnummer/);
    expect(translate('nb', 'booking.vendor.konfidens.connect.cause')).toMatch(/koblingen til Behandlernettverk/);
  });
});

describe('vendorMessage', () => {
  const connectFailed = parseLog([
    { level: 'ERROR', text: 'ERROR Connecting to booking system' },
    { level: 'RESULT', text: 'Feilet' },
  ]);

  it('a Norwegian e-mail with location, system, the log lines and the vendor questions', () => {
    const mail = vendorMessage({
      locationName: 'Fysio Grünerløkka avd. Karl Johan',
      firmName: 'Fysio Grünerløkka AS',
      system: 'pasientsky',
      status: 'connect-failed',
      log: connectFailed,
      senderName: 'Kari Nordmann',
      to: 'support@example.no',
    });
    expect(mail.subject).toBe('Online booking i Behandlernettverk – Fysio Grünerløkka avd. Karl Johan: ingen kontakt med bookingoppsettet');
    expect(mail.body).toContain('Vi bruker EG Pasientsky på lokasjonen «Fysio Grünerløkka avd. Karl Johan» (Fysio Grünerløkka AS)');
    expect(mail.body).toContain('  ERROR Connecting to booking system\n  Feilet');
    expect(mail.body).toContain(translate('nb', 'booking.vendor.pasientsky.connect.question'));
    expect(mail.body).toContain('Av sikkerhetshensyn står verken Klient-ID eller teknisk nøkkel');
    expect(mail.body.endsWith('Vennlig hilsen\nKari Nordmann')).toBe(true);
    expect(decodeHref(mail.href)).toEqual({ to: 'support@example.no', subject: mail.subject, body: mail.body });
  });

  it('partial: names the practitioners without slots; Aspit asks both Physica and Psykbase questions', () => {
    const log = parseLog(['OK Connecting to booking system', 'OK Found at least one service with known service code', 'OK Found 6 practitioners with free slots in the next 7 days', 'WARNING No free slots in the next 7 days for Siri Åsheim', 'Suksess']);
    const mail = vendorMessage({ locationName: 'Fysio Grünerløkka', system: 'Aspit (Physica/Psykbase)', status: 'partial', log });
    expect(mail.subject).toContain('behandlere uten ledige timer');
    expect(mail.body).toContain('de neste 7 dagene i Behandlernettverk: Siri Åsheim.');
    expect(mail.body).toContain(translate('nb', 'booking.vendor.physica.slots.question'));
    expect(mail.body).toContain(translate('nb', 'booking.vendor.psykbase.slots.question'));
    expect(mail.to).toBe('');
    expect(mail.href.startsWith('mailto:?subject=')).toBe(true);
  });

  it('every status gives a complete e-mail with no unfilled placeholder', () => {
    for (const status of CHECK_STATUSES) {
      const mail = vendorMessage({ locationName: 'Bryggen Fysioterapi', system: null, status, log: ['Feilet'] });
      expect(mail.body).not.toMatch(/\{\w+\}/);
      expect(mail.subject).not.toMatch(/\{\w+\}/);
    }
  });

  it('never contains the technical keys, even when they are passed in and echoed in the log', () => {
    const key = 'eg-ny-nokkel-2025';
    const clientId = 'eg-77231';
    const mail = vendorMessage({
      locationName: `Karl Johan ${clientId}`,
      system: 'pasientsky',
      status: 'connect-failed',
      log: [`ERROR Connecting to booking system (X-Client-Secret: ${key}, client ${clientId})`, `INFO key=${key.toUpperCase()}`, 'Feilet'],
      secrets: [clientId, key],
      senderName: key,
    });
    for (const text of [mail.subject, mail.body, decodeURIComponent(mail.href)]) {
      expect(text.toLowerCase()).not.toContain(key);
      expect(text.toLowerCase()).not.toContain(clientId);
    }
    expect(mail.body).toContain('[skjult]');
  });

  it('credential-looking pairs are hidden even when the secret list is empty', () => {
    expect(redactSecrets('X-Client-Secret: abc123 and password=hunter2', [])).toBe('X-Client-Secret: [skjult] and password=[skjult]');
  });

  it('property: no secret survives, wherever it is put; the mailto always encodes', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9-]{8,40}$/);
    const noise = fc.string({ unit: 'binary', maxLength: 80 });
    fc.assert(
      fc.property(secret, secret, noise, noise, fc.array(noise, { maxLength: 5 }), fc.constantFrom(...CHECK_STATUSES), (s1, s2, a, b, lines, status) => {
        const mail = vendorMessage({
          locationName: `${a}${s1}${b}`,
          firmName: s2,
          system: `${s1} system`,
          status,
          log: [...lines, `${a}${s2}${s1}`, 'Feilet'],
          withoutSlots: [`${s2}`],
          senderName: `${b}${s1}`,
          to: s2,
          secrets: [s1, s2],
        });
        const decoded = decodeURIComponent(mail.href);
        for (const s of [s1, s2]) {
          for (const text of [mail.subject, mail.body, mail.to, decoded]) expect(text.toLowerCase().includes(s.toLowerCase())).toBe(false);
        }
      }),
    );
  });

  it('adversarial secrets (overlapping the marker or each other) are still removed', () => {
    for (const secrets of [['skjult]'], ['[skj', 'ult]'], ['aaaa', 'aaab'], ['abab', 'baba']]) {
      const out = redactSecrets(`x ${secrets.join('')} aaaab ababab [skjult] y`, secrets);
      for (const s of secrets) expect(out.toLowerCase()).not.toContain(s);
    }
  });

  it('is bounded and survives lone surrogates', () => {
    const mail = vendorMessage({ locationName: '\uD800x'.repeat(1000), system: 'konfidens', status: 'no-service', log: Array.from({ length: 500 }, () => `\uDFFF${'y'.repeat(5000)}`) });
    expect(mail.body.length).toBeLessThanOrEqual(1800);
    expect(mail.href.length).toBeLessThan(12_000);
  });
});
