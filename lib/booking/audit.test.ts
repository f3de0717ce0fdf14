import { describe, expect, it } from 'vitest';
import { hasMessage, translate } from '../i18n';
import { auditMessage, auditOnlineManager, type AuditFinding, type OnlineManagerInput } from './audit';

const kinds = (findings: readonly AuditFinding[]) => findings.map((f) => [f.kind, 'personId' in f ? f.personId : f.profileId]);

// The seed's l-2001 (sandbox/README.md), as GET /api/locations/l-2001/online-manager returns it.
const l2001: OnlineManagerInput = {
  bookingConfigured: true,
  practitioners: [
    { personId: 'p-3001', name: 'Ingrid Ødegård', profileId: 'pr-10451-1' },
    { personId: 'p-3002', name: 'Lars Bjørnstad', profileId: null },
    { personId: 'p-3003', name: 'Ola Nordmann', profileId: 'pr-10451-3' },
    { personId: 'p-3004', name: 'Per Hansen', profileId: 'pr-10451-4' },
    { personId: 'p-3005', name: 'Henrik Solberg', profileId: 'pr-10451-4' },
    { personId: 'p-3006', name: 'Siri Åsheim', profileId: 'pr-10451-6' },
    { personId: 'p-3007', name: 'Thomas Berg', profileId: null },
  ],
  profiles: [
    { id: 'pr-10451-1', name: 'Ingrid Ødegård' },
    { id: 'pr-10451-2', name: 'Lars Bjørnstad' },
    { id: 'pr-10451-3', name: 'Ola N.' },
    { id: 'pr-10451-4', name: 'Per Hansen' },
    { id: 'pr-10451-5', name: 'Henrik Solberg' },
    { id: 'pr-10451-7', name: 'Mona Vik' },
  ],
};

describe('auditOnlineManager', () => {
  it('l-2001: every problem of the seed', () => {
    const audit = auditOnlineManager(l2001);
    expect(kinds(audit.findings)).toEqual([
      ['ok', 'p-3001'],
      ['not-linked', 'p-3002'],
      ['ok', 'p-3003'],
      ['ok', 'p-3004'],
      ['wrong-profile', 'p-3005'],
      ['linked-no-slots', 'p-3006'],
      ['no-profile', 'p-3007'],
      ['shared-profile', 'pr-10451-4'],
      ['unused-profile', 'pr-10451-7'],
    ]);
    expect(audit.severity).toBe('error');
    expect(audit.suggestedLinks).toEqual([
      { personId: 'p-3002', profileId: 'pr-10451-2' },
      { personId: 'p-3005', profileId: 'pr-10451-5' },
    ]);
    const henrik = audit.findings.find((f) => f.kind === 'wrong-profile')!;
    expect(translate('nb', auditMessage(henrik).key, auditMessage(henrik).params)).toBe(
      'Henrik Solberg er koblet til profilen «Per Hansen», som ser ut til å være en annen person. Profilen «Henrik Solberg» passer – velg den i stedet.',
    );
    const shared = audit.findings.find((f) => f.kind === 'shared-profile')!;
    expect(translate('nb', auditMessage(shared).key, auditMessage(shared).params)).toContain('«Per Hansen» er koblet til flere behandlere: Per Hansen, Henrik Solberg');
  });

  it('l-2010: Anna linked to Erik’s profile, Erik not linked, Nils without slots', () => {
    const audit = auditOnlineManager({
      practitioners: [
        { personId: 'p-3021', name: 'Anna Lindqvist', profileId: 'pr-e' },
        { personId: 'p-3022', name: 'Erik Johansson', profileId: null },
        { personId: 'p-3023', name: 'Nils Øberg', profileId: null },
      ],
      profiles: [
        { id: 'pr-a', name: 'Anna Lindqvist' },
        { id: 'pr-e', name: 'Erik Johansson' },
      ],
    });
    expect(kinds(audit.findings)).toEqual([
      ['wrong-profile', 'p-3021'],
      ['not-linked', 'p-3022'],
      ['no-profile', 'p-3023'],
    ]);
    expect(audit.suggestedLinks).toEqual([
      { personId: 'p-3021', profileId: 'pr-a' },
      { personId: 'p-3022', profileId: 'pr-e' },
    ]);
  });

  it('booking not configured', () => {
    expect(auditOnlineManager({ bookingConfigured: false, practitioners: [], profiles: [] })).toEqual({ configured: false, findings: [], severity: 'unknown', suggestedLinks: [] });
    expect(auditOnlineManager({ practitioners: [], profiles: [] }).severity).toBe('ok');
  });

  // Norwegian names as vendors write them: æ/ø/å spelled out, "Etternavn, Fornavn", titles, initials.
  it.each([
    ['Ingrid Ødegård', 'Oedegaard, Ingrid', 'ok'],
    ['Magnus Sæther', 'Fysioterapeut Magnus Saether', 'ok'],
    ['Kristoffer Ås', 'Aas, Kristoffer', 'ok'],
    ['Håkon Lie', 'Dr. Håkon Lie', 'ok'],
    ['Ola Nordmann', 'O. Nordmann', 'ok'],
    ['Ragnhild Brå', 'Ragnhild Braa (MNFF)', 'ok'],
    ['Øystein Moe', 'Øystein Kristian Moe', 'ok'],
    ['Bjørn Tangen', 'Bjørn T.', 'ok'],
    ['Håkon Lie', 'Guro Lie', 'wrong-profile'],
    ['Per Hansen', 'Pål Hanssen', 'wrong-profile'],
    ['Eva Kristiansen', 'Kristiansen', 'uncertain'],
  ])('%s linked to «%s» -> %s', (name, profile, kind) => {
    const audit = auditOnlineManager({ practitioners: [{ personId: 'p-1', name, profileId: 'x' }], profiles: [{ id: 'x', name: profile }] });
    expect(audit.findings[0]?.kind).toBe(kind);
  });

  it('suggests the best-matching profile for an unlinked practitioner, never one already rightly taken', () => {
    const audit = auditOnlineManager({
      practitioners: [
        { personId: 'p-1', name: 'Solveig Brekke', profileId: null },
        { personId: 'p-2', name: 'Eirik Haugland', profileId: 'h' },
        { personId: 'p-3', name: 'Eirik Haugland', profileId: null },
      ],
      profiles: [
        { id: 'b1', name: 'Brekke, Solveig' },
        { id: 'b2', name: 'Solveig Brække Olsen' },
        { id: 'h', name: 'Haugland, Eirik' },
      ],
    });
    expect(audit.findings[0]).toMatchObject({ kind: 'not-linked', suggestion: { profileId: 'b1' }, confident: true });
    expect(audit.findings[2]).toMatchObject({ kind: 'no-profile', personId: 'p-3' });
  });

  it('a weak resemblance is only a "maybe", never a suggested link', () => {
    const audit = auditOnlineManager({ practitioners: [{ personId: 'p-1', name: 'Camilla Fjeld', profileId: null }], profiles: [{ id: 'c', name: 'Camilla' }] });
    expect(audit.findings[0]).toMatchObject({ kind: 'not-linked', confident: false });
    expect(audit.suggestedLinks).toEqual([]);
    expect(auditMessage(audit.findings[0]!).key).toBe('booking.audit.notLinked.maybe');
    // …and it is not listed again as unused.
    expect(audit.findings).toHaveLength(1);
  });

  it('a profile shared by two people where neither profile has slots is named by id', () => {
    const audit = auditOnlineManager({
      practitioners: [
        { personId: 'p-1', name: 'Guro Lie', profileId: 'gone' },
        { personId: 'p-2', name: 'Magnus Sæther', profileId: 'gone' },
      ],
      profiles: [],
    });
    expect(kinds(audit.findings)).toEqual([
      ['linked-no-slots', 'p-1'],
      ['linked-no-slots', 'p-2'],
      ['shared-profile', 'gone'],
    ]);
    expect(auditMessage(audit.findings[2]!).params).toMatchObject({ profile: 'gone', names: 'Guro Lie, Magnus Sæther' });
  });

  it('every finding has a message in both languages with its placeholders filled', () => {
    for (const f of auditOnlineManager(l2001).findings) {
      const m = auditMessage(f);
      expect(hasMessage(m.key)).toBe(true);
      for (const locale of ['nb', 'en'] as const) expect(translate(locale, m.key, m.params)).not.toMatch(/\{\w+\}/);
    }
  });
});
