import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIFFERENT_PERSON, SAME_PERSON, foldName, isPlausiblySamePerson, nameSimilarity, nameTokens } from './names';

describe('foldName', () => {
  it.each([
    ['Ødegård', 'odegard'],
    ['Oedegaard', 'odegard'],
    ['ØDEGÅRD', 'odegard'],
    ['Sæther', 'sether'],
    ['Saether', 'sether'],
    ['Åsheim', 'asheim'],
    ['Aasheim', 'asheim'],
    ['Lindqvist', 'lindqvist'],
    ['Hälsa', 'helsa'],
  ])('%s -> %s', (raw, folded) => expect(foldName(raw)).toBe(folded));
});

describe('nameTokens', () => {
  it('drops titles and professions, swaps "Etternavn, Fornavn", marks initials', () => {
    expect(nameTokens('Dr. philos. Solveig Brekke').map((t) => t.text)).toEqual(['solveig', 'brekke']);
    expect(nameTokens('Fysioterapeut Kari Nordmann').map((t) => t.text)).toEqual(['kari', 'nordmann']);
    expect(nameTokens('Nordmann, Ola').map((t) => t.text)).toEqual(['ola', 'nordmann']);
    expect(nameTokens('Per Hansen, Spesialist i idrettsfysioterapi').map((t) => t.text)).toEqual(['per', 'hansen']);
    expect(nameTokens('Ola N.')).toEqual([{ text: 'ola', initial: false }, { text: 'n', initial: true }]);
    expect(nameTokens('Anna Lindqvist (leg. fysioterapeut)').map((t) => t.text)).toEqual(['anna', 'lindqvist']);
  });
});

describe('nameSimilarity: the same person', () => {
  it.each([
    ['Ingrid Ødegård', 'Ingrid Ødegård'],
    ['Ingrid Ødegård', 'ingrid odegaard'],
    ['Ingrid Ødegård', 'INGRID ØDEGÅRD'],
    ['Magnus Sæther', 'Magnus Saether'],
    ['Siri Åsheim', 'Siri Aasheim'],
    ['Ola Nordmann', 'Ola N.'],
    ['Ola Nordmann', 'O. Nordmann'],
    ['Ola Nordmann', 'Nordmann, Ola'],
    ['Ola Nordmann', 'Nordmann Ola'],
    ['Solveig Brekke', 'Dr. Solveig Brekke'],
    ['Kari Nordmann', 'Fysioterapeut Kari Nordmann'],
    ['Ola Nordmann', 'Ola Johan Nordmann'],
    ['Ingrid Ødegård Hansen', 'Ingrid Hansen'],
    ['Ingrid Ødegård Hansen', 'Ingrid Ødegård'],
    ['Anne-Lise Berg', 'Anne Lise Berg'],
    ['Per Hansen', 'Per Hanssen'],
    ['Kristoffer Ås', 'Kristoffer Aas'],
    ['Anna Lindqvist', 'Leg. fysioterapeut Anna Lindqvist'],
    ['Solveig Brekke', 'Dr.philos. Solveig Brekke'],
    ['Ola Nordmann', 'O.Nordmann'],
    ['Ola Nordmann', 'Nordmann, O.'],
  ])('%s ~ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(SAME_PERSON);
    expect(isPlausiblySamePerson(b, a)).toBe(true);
  });
});

describe('nameSimilarity: different people', () => {
  it.each([
    ['Henrik Solberg', 'Per Hansen'],
    ['Anna Lindqvist', 'Erik Johansson'],
    ['Håkon Lie', 'Guro Lie'],
    ['Ola Nordmann', 'Kari Nordmann'],
    ['Ola Nordmann', 'Ola Hansen'],
    ['Ola Nordmann', 'K. Nordmann'],
    ['Ingrid Ødegård', 'Mona Vik'],
    ['Per Hansen', 'Pål Hansen'],
  ])('%s vs %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(DIFFERENT_PERSON);
    expect(isPlausiblySamePerson(a, b)).toBe(false);
  });
});

describe('nameSimilarity: uncertain', () => {
  it('a lone first name or two initials is worth a look, not a match', () => {
    const s = nameSimilarity('Ola Nordmann', 'Ola');
    expect(s).toBeGreaterThanOrEqual(DIFFERENT_PERSON);
    expect(s).toBeLessThan(SAME_PERSON);
    expect(nameSimilarity('Ola', 'Ola')).toBeLessThan(SAME_PERSON);
  });
  it('empty or title-only names never match', () => {
    expect(nameSimilarity('', 'Ola Nordmann')).toBe(0);
    expect(nameSimilarity('Dr.', 'Fysioterapeut')).toBe(0);
  });
});

describe('nameSimilarity properties', () => {
  it('is symmetric, within 0..1, 1 for identical names of two words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(Math.abs(s - nameSimilarity(b, a))).toBeLessThan(1e-9);
      }),
    );
    expect(nameSimilarity('Guro Lie', 'Guro Lie')).toBe(1);
  });
  it('is fast enough for the content script (a 20 x 20 Online Manager well under 50 ms)', () => {
    const first = ['Ingrid', 'Ola', 'Per', 'Siri', 'Håkon', 'Guro', 'Anna', 'Nils', 'Eva', 'Lars'];
    const last = ['Ødegård', 'Nordmann', 'Hansen', 'Åsheim', 'Lie', 'Lindqvist', 'Øberg', 'Kristiansen', 'Bjørnstad', 'Sæther'];
    const practitioners = Array.from({ length: 20 }, (_, i) => `${first[i % 10]} ${last[(i * 3) % 10]}`);
    const profiles = Array.from({ length: 20 }, (_, i) => `Dr. ${last[(i * 7) % 10]}, ${first[(i + 1) % 10]} ${i}`);
    nameSimilarity('warm', 'up');
    const start = performance.now();
    for (const p of practitioners) for (const o of profiles) nameSimilarity(p, o);
    expect(performance.now() - start).toBeLessThan(50);
  });
});
