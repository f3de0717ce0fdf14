import { describe, expect, it } from 'vitest';
import { checkEmailSyntax, normalizeEmail, suggestDomain, validateInvitationEmail, validateInvoiceEmail } from './email';

describe('email syntax', () => {
  it.each([
    'post@fysio.no',
    'ola.nordmann@online.no',
    'faktura+klinikk@firma-as.no',
    "o'brien@example.com",
    'post@fysio-ås.no',
    'post@xn--fysio-s-xxa.no',
    'ADMIN@KLINIKK.NO',
    'a@b.co',
    '  post@fysio.no  ',
  ])('accepts %s', (email) => {
    expect(checkEmailSyntax(email).ok).toBe(true);
  });

  it.each([
    ['post.fysio.no', 'validation.email.missingAt'],
    ['post@@fysio.no', 'validation.email.multipleAt'],
    ['a@b@fysio.no', 'validation.email.multipleAt'],
    ['@fysio.no', 'validation.email.missingLocal'],
    ['post@', 'validation.email.missingDomain'],
    ['post @fysio.no', 'validation.email.spaces'],
    ['a@fysio.no, b@fysio.no', 'validation.email.onlyOne'],
    ['a@fysio.no;b@fysio.no', 'validation.email.onlyOne'],
    ['.post@fysio.no', 'validation.email.localInvalid'],
    ['post.@fysio.no', 'validation.email.localInvalid'],
    ['po..st@fysio.no', 'validation.email.localInvalid'],
    ['"quoted"@fysio.no', 'validation.email.localInvalid'],
    ['post@fysio', 'validation.email.domainNoDot'],
    ['post@fysio.n', 'validation.email.domainTld'],
    ['post@fysio.123', 'validation.email.domainTld'],
    ['post@[127.0.0.1]', 'validation.email.domainInvalid'],
    ['post@-fysio.no', 'validation.email.domainInvalid'],
    ['post@fysio..no', 'validation.email.domainInvalid'],
    ['post@fysio_as.no', 'validation.email.domainInvalid'],
    [`${'a'.repeat(65)}@fysio.no`, 'validation.email.localTooLong'],
    [`a@${'b'.repeat(250)}.no`, 'validation.email.tooLong'],
    ['post\uD800@fysio.no', 'validation.email.invalidCharacters'],
  ])('rejects %s with %s', (email, key) => {
    const r = checkEmailSyntax(email);
    expect(r.ok).toBe(false);
    expect(r.ok ? undefined : r.verdict).toMatchObject({ severity: 'error', key });
  });

  it('warns about non-ASCII letters before the @', () => {
    expect(validateInvoiceEmail('ørjan@fysio.no')).toMatchObject({ severity: 'warning', key: 'validation.email.localNonAscii' });
  });

  it('normalises by trimming and lower-casing the domain only', () => {
    expect(normalizeEmail('  Ola.Nordmann@Online.NO ')).toBe('Ola.Nordmann@online.no');
    expect(normalizeEmail('no-at-sign')).toBe('no-at-sign');
  });
});

describe('domain typo suggestions', () => {
  it.each([
    ['gmial.com', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['hotmial.no', 'hotmail.no'],
    ['onlin.no', 'online.no'],
    ['online.nno', 'online.no'],
    ['outlok.com', 'outlook.com'],
    ['yaho.no', 'yahoo.no'],
    ['icloud.co', 'icloud.com'],
    ['gmail.co', 'gmail.com'],
    ['hotmail.co', 'hotmail.com'],
    ['getmial.no', 'getmail.no'],
  ])('%s -> %s', (typo, intended) => {
    expect(suggestDomain(typo)).toBe(intended);
  });

  it.each(['gmail.com', 'online.no', 'getmail.no', 'lyse.net', 'altibox.no', 'telia.com', 'fysio.no', 'kiropraktor-as.no', 'fysio-ås.no', 'bryggenfysio.no', 'hotmail.se', 'live.no', 'nav.no', 'lyse.no', 'ous-hf.no', 'helse-bergen.no', 'fysio.se', 'klinikk.com'])(
    'leaves real domain %s alone',
    (domain) => {
      expect(suggestDomain(domain)).toBeUndefined();
    },
  );
});

describe('validateInvoiceEmail', () => {
  it('warns when empty: invoice notices then go to the admin', () => {
    expect(validateInvoiceEmail('')).toEqual({ severity: 'warning', key: 'validation.email.invoice.empty' });
    expect(validateInvoiceEmail('   ')).toMatchObject({ key: 'validation.email.invoice.empty' });
  });

  it("warns when it is the admin's own address (trimmed, case-insensitive)", () => {
    expect(validateInvoiceEmail(' Kari@Fysio.no ', { adminEmail: 'kari@fysio.NO' })).toMatchObject({
      severity: 'warning',
      key: 'validation.email.invoice.sameAsAdmin',
    });
    expect(validateInvoiceEmail('faktura@fysio.no', { adminEmail: 'kari@fysio.no' })).toMatchObject({ severity: 'ok' });
    expect(validateInvoiceEmail('faktura@fysio.no', { adminEmail: '' })).toMatchObject({ severity: 'ok' });
  });

  it('suggests a fix for typos, keeping the local part as typed', () => {
    expect(validateInvoiceEmail('Kari.Nordmann@gmial.com')).toEqual({
      severity: 'warning',
      key: 'validation.email.typo',
      params: { suggestion: 'Kari.Nordmann@gmail.com' },
      fix: { value: 'Kari.Nordmann@gmail.com', labelKey: 'validation.email.typo.apply' },
    });
  });

  it('accepts good addresses', () => {
    expect(validateInvoiceEmail('faktura@fysio-ås.no')).toEqual({ severity: 'ok', key: 'validation.email.ok' });
  });
});

describe('validateInvitationEmail', () => {
  it('empty is an error (the portal says "sent" even for invalid addresses)', () => {
    expect(validateInvitationEmail('')).toMatchObject({ severity: 'error', key: 'validation.email.invitation.empty' });
  });
  it('checks syntax and typos', () => {
    expect(validateInvitationEmail('behandler@')).toMatchObject({ severity: 'error' });
    expect(validateInvitationEmail('behandler@hotmial.no')).toMatchObject({ severity: 'warning', params: { suggestion: 'behandler@hotmail.no' } });
    expect(validateInvitationEmail('behandler@fysio.no')).toMatchObject({ severity: 'ok' });
  });
});
