// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENHETER, FJERNEDE, POSTNUMMER_BY_CODE, REGISTER_FIXTURES, UNDERENHETER, allEnheter, allUnderenheter, isValidOrgnr } from './index.ts';
import { BrregErrorSchema, BrregFjernetSchema, EnhetSchema, UnderenhetSchema, getJson, startServer } from './testkit.ts';
import type { TestServer } from './testkit.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
});

const enhet = async (nr: string) => getJson(`${srv.base}/enhetsregisteret/api/enheter/${nr}`);
const underenhet = async (nr: string) => getJson(`${srv.base}/enhetsregisteret/api/underenheter/${nr}`);

describe('fixtures', () => {
  it('every organisation number in the data set and the fixtures is MOD11-valid', () => {
    const all = [
      ...ENHETER.map((e) => e.orgnr),
      ...UNDERENHETER.map((u) => u.orgnr),
      ...UNDERENHETER.map((u) => u.overordnet),
      ...FJERNEDE.map((f) => f.orgnr),
      ...REGISTER_FIXTURES.healthy,
      REGISTER_FIXTURES.bankrupt,
      REGISTER_FIXTURES.windingUp,
      REGISTER_FIXTURES.forcedDissolution,
      REGISTER_FIXTURES.gone410,
      REGISTER_FIXTURES.gone410Underenhet,
      REGISTER_FIXTURES.unknown404,
      ...Object.keys(REGISTER_FIXTURES.underenheter),
    ];
    for (const nr of all) expect(isValidOrgnr(nr), nr).toBe(true);
    expect(isValidOrgnr(REGISTER_FIXTURES.malformed400)).toBe(false);
    expect(isValidOrgnr('123456785')).toBe(true);
    expect(isValidOrgnr('998234825')).toBe(false);
  });

  it('organisation numbers are unique across entities, sub-units and removed ones', () => {
    const all = [...ENHETER.map((e) => e.orgnr), ...UNDERENHETER.map((u) => u.orgnr), ...FJERNEDE.map((f) => f.orgnr), REGISTER_FIXTURES.unknown404];
    expect(new Set(all).size).toBe(all.length);
    expect(ENHETER.length).toBeGreaterThanOrEqual(22);
  });

  it('every built entity matches the documented shape and the postal table', () => {
    for (const e of allEnheter()) {
      EnhetSchema.parse(e);
      const p = POSTNUMMER_BY_CODE.get(e.forretningsadresse?.postnummer ?? '');
      if (p) {
        expect(e.forretningsadresse?.poststed).toBe(p.poststed);
        expect(e.forretningsadresse?.kommunenummer).toBe(p.kommunenummer);
        expect(e.forretningsadresse?.kommune).toBe(p.kommunenavn);
      }
    }
    for (const u of allUnderenheter()) UnderenhetSchema.parse(u);
  });
});

describe('GET /enhetsregisteret/api/enheter/{orgnr}', () => {
  it.each(REGISTER_FIXTURES.healthy.map((nr) => [nr]))('healthy %s -> 200', async (nr) => {
    const r = await enhet(nr);
    expect(r.status).toBe(200);
    const e = EnhetSchema.parse(r.body);
    expect(e.organisasjonsnummer).toBe(nr);
    expect(e.konkurs).toBe(false);
    expect(e.underAvvikling).toBe(false);
    expect(e.underTvangsavviklingEllerTvangsopplosning).toBe(false);
    expect(e._links.self.href).toBe(`${srv.base}/enhetsregisteret/api/enheter/${nr}`);
    expect(e.organisasjonsform._links.self.href).toBe(`${srv.base}/enhetsregisteret/api/organisasjonsformer/${encodeURIComponent(e.organisasjonsform.kode)}`);
  });

  it('returns the well-known entities', async () => {
    const digicare = EnhetSchema.parse((await enhet('998234824')).body);
    expect(digicare).toMatchObject({ navn: 'DIGICARE AS', organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' } });
    const brreg = EnhetSchema.parse((await enhet('974760673')).body);
    expect(brreg).toMatchObject({
      navn: 'REGISTERENHETEN I BRØNNØYSUND',
      organisasjonsform: { kode: 'ORGL', beskrivelse: 'Organisasjonsledd' },
      forretningsadresse: { adresse: ['Havnegata 48'], postnummer: '8900', poststed: 'BRØNNØYSUND', kommunenummer: '1813', kommune: 'BRØNNØY', land: 'Norge', landkode: 'NO' },
      postadresse: { adresse: ['Postboks 900'], postnummer: '8910' },
      naeringskode1: { kode: '84.110' },
    });
    const clinic = EnhetSchema.parse((await enhet('917812349')).body);
    expect(clinic.forretningsadresse).toMatchObject({ adresse: ['Myrvollveien 5C'], postnummer: '1415', poststed: 'OPPEGÅRD', kommunenummer: '3207', kommune: 'NORDRE FOLLO' });
    expect(clinic.naeringskode1).toEqual({ kode: '86.902', beskrivelse: 'Fysioterapitjeneste' });
  });

  it('reports bankruptcy and winding-up flags', async () => {
    const bankrupt = EnhetSchema.parse((await enhet(REGISTER_FIXTURES.bankrupt)).body);
    expect(bankrupt).toMatchObject({ konkurs: true, underAvvikling: false, underTvangsavviklingEllerTvangsopplosning: false });
    expect(bankrupt.konkursdato).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const windingUp = EnhetSchema.parse((await enhet(REGISTER_FIXTURES.windingUp)).body);
    expect(windingUp).toMatchObject({ konkurs: false, underAvvikling: true, underTvangsavviklingEllerTvangsopplosning: false });
    const forced = EnhetSchema.parse((await enhet(REGISTER_FIXTURES.forcedDissolution)).body);
    expect(forced).toMatchObject({ konkurs: false, underAvvikling: false, underTvangsavviklingEllerTvangsopplosning: true });
  });

  it('410 for an entity removed from public view', async () => {
    const r = await enhet(REGISTER_FIXTURES.gone410);
    expect(r.status).toBe(410);
    expect(BrregFjernetSchema.parse(r.body)).toMatchObject({ organisasjonsnummer: REGISTER_FIXTURES.gone410, slettedato: '2024-05-31' });
  });

  it('404 with an error body for a valid but unknown number', async () => {
    const r = await enhet(REGISTER_FIXTURES.unknown404);
    expect(r.status).toBe(404);
    expect(BrregErrorSchema.parse(r.body)).toMatchObject({
      status: 404,
      error: 'Not Found',
      message: `Ingen enhet med organisasjonsnummer ${REGISTER_FIXTURES.unknown404} ble funnet`,
      path: `/enhetsregisteret/api/enheter/${REGISTER_FIXTURES.unknown404}`,
    });
    // a sub-unit's number is not an entity
    expect((await enhet('935890128')).status).toBe(404);
    // MOD11-invalid but 9 digits: the register just does not know it
    expect((await enhet('998234825')).status).toBe(404);
  });

  it('400 for malformed numbers', async () => {
    for (const nr of [REGISTER_FIXTURES.malformed400, '9982348241', 'abcdefghi', '998%20234%20824']) {
      const r = await enhet(nr);
      expect(r.status, nr).toBe(400);
      expect(BrregErrorSchema.parse(r.body)).toMatchObject({ status: 400, error: 'Bad Request' });
    }
  });
});

describe('GET /enhetsregisteret/api/underenheter/{orgnr}', () => {
  it.each(Object.entries(REGISTER_FIXTURES.underenheter))('%s belongs to %s', async (nr, parent) => {
    const r = await underenhet(nr);
    expect(r.status).toBe(200);
    const u = UnderenhetSchema.parse(r.body);
    expect(u.overordnetEnhet).toBe(parent);
    expect(u.organisasjonsform.kode).toBe('BEDR');
    expect(u._links.overordnetEnhet.href).toBe(`${srv.base}/enhetsregisteret/api/enheter/${parent}`);
    const p = await enhet(parent);
    expect(p.status).toBe(200);
  });

  it('a location address is in beliggenhetsadresse', async () => {
    const u = UnderenhetSchema.parse((await underenhet('924681357')).body);
    expect(u.beliggenhetsadresse).toMatchObject({ adresse: ['Gamle Ringeriksvei 38'], postnummer: '1356', poststed: 'BEKKESTUA', kommunenummer: '3201', kommune: 'BÆRUM' });
  });

  it('404 / 410 / 400 like /enheter', async () => {
    const notSub = await underenhet('998234824');
    expect(notSub.status).toBe(404);
    expect(BrregErrorSchema.parse(notSub.body).message).toBe('Ingen underenhet med organisasjonsnummer 998234824 ble funnet');
    const gone = await underenhet(REGISTER_FIXTURES.gone410Underenhet);
    expect(gone.status).toBe(410);
    BrregFjernetSchema.parse(gone.body);
    expect((await enhet(REGISTER_FIXTURES.gone410Underenhet)).status).toBe(404);
    expect((await underenhet('12')).status).toBe(400);
  });
});
